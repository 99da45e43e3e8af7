//! The incidents' actions and the contacts with authorities at storstad size: one incident in
//! four has an action given to a person (a task in their Mina uppgifter; open while the
//! incident is), every report sent is a contact with its authority, and 5,000 more contacts
//! (calls, meetings, networks) are spread over ten years and the city's units.

use super::{insert_batches, reference_time, City, Scale};
use crate::AppError;
use chrono::Duration;
use rand::rngs::StdRng;
use rand::Rng;
use sea_orm::{EntityTrait, QueryFilter, QuerySelect, Set, TransactionTrait};
use varn_domain::incident::{Channel, Direction};
use varn_domain::task::TaskStatus;
use varn_store::entity::{authority_contact, incident, incident_action, incident_report, task};
use varn_store::repo::authorities;
use varn_store::Store;

/// A report sent: the incident, the regime, when, the reference, the incident's unit.
type Sent = (i64, String, chrono::DateTime<chrono::Utc>, Option<String>, i64);

/// Contacts beyond the reports sent (5,000 at storstad).
fn other_contacts(s: &Scale) -> usize {
    super::incidents::count(s) / 20
}

pub(super) async fn generate(store: &Store, s: &Scale, city: &City, rng: &mut StdRng) -> Result<usize, AppError> {
    let txn = store.write().begin().await?;
    let mut ids = std::collections::HashMap::new();
    for (code, f) in crate::incidents::authorities::builtin()? {
        let a = authorities::save(&txn, None, Some(code.clone()), f).await?;
        ids.insert(code, a.id);
    }
    let samordnare = 2i64;
    let now = reference_time();
    // The tasks get explicit ids after those already made, so that each action names its own.
    let max: Option<i64> = task::Entity::find()
        .select_only()
        .column_as(sea_orm::sea_query::Expr::col(task::Column::Id).max(), "m")
        .into_tuple()
        .one(&txn)
        .await?
        .flatten();
    let mut next_task = max.unwrap_or(0) + 1;
    let (mut tasks, mut actions) = (Vec::new(), Vec::new());
    // The incidents' facts the actions need, in one read.
    let rows: Vec<(i64, i64, chrono::DateTime<chrono::Utc>, bool)> = incident::Entity::find()
        .select_only()
        .column(incident::Column::Id)
        .column(incident::Column::UnitId)
        .column(incident::Column::ReportedAt)
        .column_as(sea_orm::sea_query::Expr::col(incident::Column::ClosedAt).is_null(), "open")
        .filter(sea_orm::sea_query::Expr::cust("id % 4 = 1"))
        .into_tuple()
        .all(&txn)
        .await?;
    for (id, unit, reported, open) in rows {
        let owner = rng.gen_range(1..=city.users as i64);
        let due = (reported + Duration::days(14)).date_naive();
        let title = "Gå igenom rutinen med berörda medarbetare".to_owned();
        tasks.push(task::ActiveModel {
            id: Set(next_task),
            source_type: Set(varn_store::repo::incidents::TASK_SOURCE.into()),
            source_id: Set(Some(id)),
            title: Set(format!("{title} (INC-{id:05})")),
            link: Set(format!("/incidents/{id}#actions")),
            assignee_user_id: Set(Some(owner)),
            assignee_unit_id: Set(None),
            due_date: Set(Some(due)),
            status: Set(if open { TaskStatus::Open } else { TaskStatus::Done }),
            created_at: Set(reported),
            completed_at: Set((!open).then(|| reported + Duration::days(7))),
            unit_id: Set(Some(unit)),
        });
        actions.push(incident_action::ActiveModel {
            id: Set(actions.len() as i64 + 1),
            incident_id: Set(id),
            title: Set(title),
            responsible_user_id: Set(owner),
            due_date: Set(Some(due)),
            task_id: Set(next_task),
            created_by: Set(samordnare),
            created_at: Set(reported),
        });
        next_task += 1;
    }
    let n_actions = actions.len();
    insert_batches(&txn, tasks).await?;
    insert_batches(&txn, actions).await?;
    // Every report sent is a contact with its authority, on behalf of the incident's unit.
    let sent: Vec<Sent> = incident_report::Entity::find()
        .select_only()
        .column(incident_report::Column::IncidentId)
        .column(incident_report::Column::Regime)
        .column(incident_report::Column::SentAt)
        .column(incident_report::Column::Reference)
        .column_as(sea_orm::sea_query::Expr::cust("(SELECT unit_id FROM incidents i WHERE i.id = incident_reports.incident_id)"), "unit_id")
        .into_tuple()
        .all(&txn)
        .await?;
    let others = other_contacts(s);
    let mut contacts = Vec::with_capacity(sent.len() + others);
    for (incident_id, regime, at, reference, unit_id) in sent {
        let code = if regime == "gdpr" { "imy" } else { "csirt" };
        contacts.push(contact(ids[code], at, Direction::Ut, Channel::ETjanst, "Rapport lämnad", reference, Some(incident_id), unit_id));
    }
    let codes: Vec<i64> = ids.values().copied().collect();
    let span = 10 * 365 * 24 * 60;
    for i in 0..others {
        let at = now - Duration::minutes(span * (others - i) as i64 / others as i64);
        let unit = city.units[rng.gen_range(0..city.units.len())].id;
        let (dir, ch) =
            if i % 3 == 0 { (Direction::In, Channel::EPost) } else { (Direction::Ut, [Channel::Telefon, Channel::Mote][i % 2]) };
        contacts.push(contact(codes[i % codes.len()], at, dir, ch, "Samverkansmöte och avstämning", None, None, unit));
    }
    let n_contacts = contacts.len();
    for (k, c) in contacts.iter_mut().enumerate() {
        c.id = Set(k as i64 + 1);
        c.user_id = Set(samordnare);
    }
    insert_batches(&txn, contacts).await?;
    txn.commit().await?;
    Ok(n_actions * 2 + n_contacts)
}

#[allow(clippy::too_many_arguments)]
fn contact(
    authority_id: i64,
    at: chrono::DateTime<chrono::Utc>,
    direction: Direction,
    channel: Channel,
    summary: &str,
    reference: Option<String>,
    incident_id: Option<i64>,
    unit_id: i64,
) -> authority_contact::ActiveModel {
    authority_contact::ActiveModel {
        id: sea_orm::NotSet,
        authority_id: Set(authority_id),
        at: Set(at),
        direction: Set(direction),
        channel: Set(channel),
        summary: Set(summary.to_owned()),
        reference: Set(reference),
        incident_id: Set(incident_id),
        unit_id: Set(unit_id),
        user_id: Set(0),
        created_at: Set(at),
    }
}
