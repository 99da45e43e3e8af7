//! What the city has done: tasks, and the audit log that records it all.

use super::{insert_batches, names, reference_time, City, Scale, BATCH};
use crate::AppError;
use rand::rngs::StdRng;
use rand::Rng;
use sea_orm::{EntityTrait, Set, TransactionTrait};
use varn_domain::audit::{chain_hash, GENESIS};
use varn_store::entity::{audit_head, audit_log, task};
use varn_store::Store;

pub(super) async fn tasks(store: &Store, s: &Scale, city: &City, rng: &mut StdRng) -> Result<(), AppError> {
    let now = reference_time();
    let today = now.date_naive();
    let mut rows = Vec::with_capacity(s.tasks);
    for i in 0..s.tasks {
        let (unit_ix, head) = city.heads[rng.gen_range(0..city.heads.len())];
        let unit = &city.units[unit_ix];
        let template = names::TASKS[rng.gen_range(0..names::TASKS.len())];
        let open = i % 3 == 0;
        let to_user = rng.gen_bool(0.4);
        rows.push(task::ActiveModel {
            source_type: Set("arshjul".into()),
            source_id: Set(None),
            title: Set(template.replace("{}", &unit.name)),
            link: Set(format!("/org/{}", unit.id)),
            assignee_user_id: Set(to_user.then_some(head)),
            assignee_unit_id: Set((!to_user).then_some(unit.id)),
            due_date: Set(Some(today + chrono::Duration::days(rng.gen_range(-730..365)))),
            status: Set(if open { varn_domain::task::TaskStatus::Open } else { varn_domain::task::TaskStatus::Done }),
            created_at: Set(now),
            completed_at: Set((!open).then_some(now)),
            unit_id: Set(Some(unit.id)),
            ..Default::default()
        });
    }
    let txn = store.write().begin().await?;
    insert_batches(&txn, rows).await?;
    txn.commit().await?;
    Ok(())
}

pub(super) const ACTIONS: [(&str, &str, u32); 8] = [
    ("auth.sign_in", "user", 55),
    ("task.done", "task", 20),
    ("org.update", "org_unit", 6),
    ("user.update", "user", 6),
    ("auth.sign_in_failed", "user", 5),
    ("user.grant", "user", 4),
    ("attachment.create", "attachment", 2),
    ("token.create", "api_token", 2),
];

pub(super) async fn audit(store: &Store, s: &Scale, city: &City, rng: &mut StdRng) -> Result<(), AppError> {
    let end = reference_time().timestamp_micros();
    let span = 10 * 365 * 86_400_000_000_i64;
    let step = (span / s.audit_rows.max(1) as i64).max(1);
    let total_weight: u32 = ACTIONS.iter().map(|a| a.2).sum();
    let mut prev = GENESIS.to_owned();
    let mut seq = 0_i64;
    let per_txn = 50 * BATCH;
    while (seq as usize) < s.audit_rows {
        let n = per_txn.min(s.audit_rows - seq as usize);
        let mut rows = Vec::with_capacity(n);
        for _ in 0..n {
            seq += 1;
            let mut pick = rng.gen_range(0..total_weight);
            let (action, entity, _) = *ACTIONS
                .iter()
                .find(|a| {
                    if pick < a.2 {
                        true
                    } else {
                        pick -= a.2;
                        false
                    }
                })
                .unwrap_or(&ACTIONS[0]);
            let actor = rng.gen_range(1..=city.users as i64);
            let unit = &city.units[city.enheter[rng.gen_range(0..city.enheter.len())]];
            let (entity_id, org_path, after) = match entity {
                "org_unit" => (Some(unit.id), Some(unit.path.clone()), Some(format!("{{\"name\":{:?}}}", unit.name))),
                "task" => (Some(rng.gen_range(1..=s.tasks.max(1) as i64)), None, None),
                "user" => (Some(actor), None, None),
                _ => (Some(seq), Some(unit.path.clone()), None),
            };
            let mut m = audit_log::Model {
                id: seq,
                at_us: end - span + seq * step + rng.gen_range(0..step),
                actor_id: Some(actor),
                actor_name: format!("user{actor}"),
                action: action.into(),
                entity_type: entity.into(),
                entity_id,
                org_path,
                before_json: None,
                after_json: after,
                prev_hash: prev.clone(),
                hash: String::new(),
                lane: 1,
            };
            m.hash = chain_hash(store.audit_key(), &prev, &varn_store::repo::audit::content(&m));
            prev = m.hash.clone();
            rows.push(audit_log::ActiveModel::from(m));
        }
        let txn = store.write().begin().await?;
        insert_batches(&txn, rows).await?;
        audit_head::Entity::update(audit_head::ActiveModel { id: Set(1), last_seq: Set(seq), last_hash: Set(prev.clone()) })
            .exec(&txn)
            .await?;
        txn.commit().await?;
    }
    Ok(())
}
