//! The benchmark workload: a deterministic city generated from a seed, written through the
//! store's entities in bulk transactions. Each module adds its part here, in one place:
//! a function below and a line in [`generate`].

mod documents;
mod names;

pub use documents::action_count;

use crate::AppError;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::{ConnectionTrait, DbBackend, EntityTrait, Set, Statement, TransactionTrait};
use std::collections::HashMap;
use std::time::Instant;
use varn_domain::audit::{chain_hash, GENESIS};
use varn_store::entity::{audit_head, audit_log, org_unit, role_grant, task, user};
use varn_store::Store;

/// How big a city to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scale {
    /// Name of the scale.
    pub name: &'static str,
    /// Nämnder, each with one förvaltning.
    pub namnder: usize,
    /// Enheter under each förvaltning.
    pub enheter_per_forvaltning: usize,
    /// Helägda bolag.
    pub bolag: usize,
    /// Externa utövare.
    pub externa: usize,
    /// Users in all.
    pub users: usize,
    /// Informationssäkerhetssamordnare.
    pub samordnare: usize,
    /// Revisorer.
    pub revisorer: usize,
    /// Unit heads (Verksamhetsansvarig).
    pub heads: usize,
    /// Informationsägare.
    pub agare: usize,
    /// Tasks, a third open.
    pub tasks: usize,
    /// Audit rows.
    pub audit_rows: usize,
    /// Governing documents (three versions each).
    pub documents: usize,
    /// Staff acknowledgements of adopted versions.
    pub acks: usize,
}

impl Scale {
    /// `storstad` (BENCH.md), `small` or `tiny`.
    pub fn parse(s: &str) -> Option<Scale> {
        match s {
            "storstad" => Some(Scale {
                name: "storstad",
                namnder: 30,
                enheter_per_forvaltning: 20,
                bolag: 20,
                externa: 10,
                users: 50_000,
                samordnare: 10,
                revisorer: 5,
                heads: 700,
                agare: 1_000,
                tasks: 300_000,
                audit_rows: 5_000_000,
                documents: 3_000,
                acks: 500_000,
            }),
            "small" => Some(Scale {
                name: "small",
                namnder: 6,
                enheter_per_forvaltning: 5,
                bolag: 3,
                externa: 2,
                users: 2_000,
                samordnare: 3,
                revisorer: 2,
                heads: 60,
                agare: 50,
                tasks: 10_000,
                audit_rows: 50_000,
                documents: 150,
                acks: 5_000,
            }),
            "tiny" => Some(Scale {
                name: "tiny",
                namnder: 2,
                enheter_per_forvaltning: 3,
                bolag: 1,
                externa: 1,
                users: 40,
                samordnare: 1,
                revisorer: 1,
                heads: 12,
                agare: 3,
                tasks: 120,
                audit_rows: 700,
                documents: 12,
                acks: 30,
            }),
            _ => None,
        }
    }
}

/// What was generated and how long each part took.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// (part, rows, seconds).
    pub parts: Vec<(&'static str, usize, f64)>,
}

/// "Now" of the generated city, fixed so that the same seed gives the same data.
pub fn reference_time() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(1_793_491_200, 0).unwrap_or_default() // 2026-11-01T00:00:00Z
}

const BATCH: usize = 1_000;

async fn insert_batches<E, A, C>(db: &C, rows: Vec<A>) -> Result<(), AppError>
where
    E: EntityTrait,
    E::Model: sea_orm::IntoActiveModel<A>,
    A: sea_orm::ActiveModelTrait<Entity = E> + Send,
    C: ConnectionTrait,
{
    let mut it = rows.into_iter().peekable();
    while it.peek().is_some() {
        let chunk: Vec<A> = it.by_ref().take(BATCH).collect();
        E::insert_many(chunk).exec_without_returning(db).await?;
    }
    Ok(())
}

/// A unit as generated.
#[derive(Clone)]
struct Unit {
    id: i64,
    path: String,
    name: String,
    kind: &'static str,
}

struct City {
    units: Vec<Unit>,
    /// The unit (index) each user's role sits on, by user id − 1.
    user_units: Vec<usize>,
    /// Index into `units` of each unit a head leads, with the head's user id.
    heads: Vec<(usize, i64)>,
    enheter: Vec<usize>,
    users: usize,
}

fn forvaltning_name(namnd: &str) -> String {
    namnd
        .replace("stadsdelsnämnd", "stadsdelsförvaltning")
        .replace("nämnden", "förvaltningen")
        .replace("Revisionsförvaltningen", "Revisionskontoret")
}

fn plan_units(s: &Scale) -> (Vec<Unit>, Vec<usize>) {
    let mut units = Vec::new();
    let mut enheter = Vec::new();
    let push = |units: &mut Vec<Unit>, parent: Option<usize>, kind: &'static str, name: String| -> usize {
        let id = units.len() as i64 + 1;
        let path = match parent {
            Some(p) => format!("{}{id}/", units[p].path),
            None => format!("/{id}/"),
        };
        units.push(Unit { id, path, name, kind });
        units.len() - 1
    };
    let kf = push(&mut units, None, "kommunfullmaktige", "Kommunfullmäktige".into());
    push(&mut units, Some(kf), "kommunstyrelse", "Kommunstyrelsen".into());
    for i in 0..s.namnder {
        let nn = names::NAMNDER[i % names::NAMNDER.len()];
        let n = push(&mut units, Some(kf), "namnd", nn.to_owned());
        let f = push(&mut units, Some(n), "forvaltning", forvaltning_name(nn));
        for j in 0..s.enheter_per_forvaltning {
            let kind = names::ENHET_KINDS[j % names::ENHET_KINDS.len()];
            let place = names::PLACES[(i * 7 + j) % names::PLACES.len()];
            let e = push(&mut units, Some(f), "enhet", format!("{kind} {place}"));
            enheter.push(e);
        }
    }
    for i in 0..s.bolag {
        push(&mut units, Some(kf), "bolag", names::BOLAG[i % names::BOLAG.len()].to_owned());
    }
    for i in 0..s.externa {
        push(&mut units, Some(kf), "extern_utovare", names::EXTERNA[i % names::EXTERNA.len()].to_owned());
    }
    (units, enheter)
}

/// Generates the city into an empty database. Every user's password is the one whose
/// argon2id hash is given.
pub async fn generate(store: &Store, scale: &Scale, seed: u64, password_hash: &str) -> Result<Report, AppError> {
    if varn_store::repo::org::count_all(store.read()).await? > 0 {
        return Err(AppError::conflict("err.workload.not_empty"));
    }
    let mut rng = StdRng::seed_from_u64(seed);
    let mut report = Report::default();

    let t = Instant::now();
    let city = org_and_users(store, scale, &mut rng, password_hash).await?;
    report.parts.push(("organisation, users, roles", city.units.len() + city.users, t.elapsed().as_secs_f64()));

    let t = Instant::now();
    tasks(store, scale, &city, &mut rng).await?;
    report.parts.push(("tasks", scale.tasks, t.elapsed().as_secs_f64()));

    let t = Instant::now();
    documents::generate(store, scale, &city, &mut rng).await?;
    report.parts.push(("governing documents, versions, acknowledgements", scale.documents * 3 + scale.acks, t.elapsed().as_secs_f64()));

    // Later modules add their parts here.

    let t = Instant::now();
    audit(store, scale, &city, &mut rng).await?;
    report.parts.push(("audit log", scale.audit_rows, t.elapsed().as_secs_f64()));

    fix_sequences(store).await?;
    Ok(report)
}

async fn org_and_users(store: &Store, s: &Scale, rng: &mut StdRng, hash: &str) -> Result<City, AppError> {
    let (units, enheter) = plan_units(s);
    let now = reference_time();
    // Who heads what: every unit below KF gets a head while heads last, enheter first.
    let mut head_units: Vec<usize> = enheter.clone();
    head_units.extend((1..units.len()).filter(|i| units[*i].kind != "enhet"));
    let head_units: Vec<usize> = head_units.into_iter().take(s.heads).collect();
    let first_head = 2 + s.samordnare + s.revisorer; // user ids: 1 admin, then samordnare, revisorer, heads
    let heads: Vec<(usize, i64)> = head_units.iter().enumerate().map(|(k, u)| (*u, (first_head + k) as i64)).collect();
    let head_of: HashMap<usize, i64> = heads.iter().copied().collect();

    let mut taken: HashMap<String, u32> = HashMap::new();
    let mut user_rows = Vec::with_capacity(s.users);
    let mut grants = Vec::with_capacity(s.users);
    let mut user_units = Vec::with_capacity(s.users);
    for i in 1..=s.users {
        let (display, username) = if i == 1 {
            ("Systemadministratör".to_owned(), "admin".to_owned())
        } else {
            let f = names::FIRST[rng.gen_range(0..names::FIRST.len())];
            let l = names::LAST[rng.gen_range(0..names::LAST.len())];
            let base = format!("{}.{}", names::ascii(f), names::ascii(l));
            let n = taken.entry(base.clone()).or_insert(0);
            *n += 1;
            (format!("{f} {l}"), if *n == 1 { base } else { format!("{base}{n}") })
        };
        user_rows.push(user::ActiveModel {
            id: Set(i as i64),
            email: Set(Some(format!("{username}@storstad.se"))),
            username: Set(username),
            display_name: Set(display),
            password_hash: Set(Some(hash.to_owned())),
            active: Set(true),
            locale: Set("sv".into()),
            failed_logins: Set(0),
            locked_until: Set(None),
            password_changed_at: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
        });
        let (role, unit) = if i == 1 {
            ("system_admin", 0)
        } else if i < 2 + s.samordnare {
            ("samordnare", 0)
        } else if i < first_head {
            ("revisor", 0)
        } else if i < first_head + heads.len() {
            ("verksamhetsansvarig", heads[i - first_head].0)
        } else if i < first_head + heads.len() + s.agare {
            ("informationsagare", enheter[rng.gen_range(0..enheter.len())])
        } else {
            ("medarbetare", enheter[rng.gen_range(0..enheter.len())])
        };
        user_units.push(unit);
        grants.push(role_grant::ActiveModel {
            user_id: Set(i as i64),
            org_unit_id: Set(units[unit].id),
            role: Set(role.into()),
            granted_by: Set(None),
            created_at: Set(now),
            ..Default::default()
        });
    }
    let unit_rows: Vec<org_unit::ActiveModel> = units
        .iter()
        .enumerate()
        .map(|(i, u)| org_unit::ActiveModel {
            id: Set(u.id),
            parent_id: Set(if u.path.matches('/').count() > 2 {
                u.path.trim_end_matches('/').rsplit('/').nth(1).and_then(|p| p.parse().ok())
            } else {
                None
            }),
            kind: Set(u.kind.into()),
            name: Set(u.name.clone()),
            path: Set(u.path.clone()),
            head_user_id: Set(head_of.get(&i).copied()),
            security_contact_id: Set(None),
            active: Set(true),
            created_at: Set(now),
            updated_at: Set(now),
        })
        .collect();
    let txn = store.write().begin().await?;
    insert_batches(&txn, user_rows).await?;
    insert_batches(&txn, unit_rows).await?;
    insert_batches(&txn, grants).await?;
    txn.commit().await?;
    Ok(City { units, user_units, heads, enheter, users: s.users })
}

async fn tasks(store: &Store, s: &Scale, city: &City, rng: &mut StdRng) -> Result<(), AppError> {
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
            ..Default::default()
        });
    }
    let txn = store.write().begin().await?;
    insert_batches(&txn, rows).await?;
    txn.commit().await?;
    Ok(())
}

const ACTIONS: [(&str, &str, u32); 8] = [
    ("auth.sign_in", "user", 55),
    ("task.done", "task", 20),
    ("org.update", "org_unit", 6),
    ("user.update", "user", 6),
    ("auth.sign_in_failed", "user", 5),
    ("user.grant", "user", 4),
    ("attachment.create", "attachment", 2),
    ("token.create", "api_token", 2),
];

async fn audit(store: &Store, s: &Scale, city: &City, rng: &mut StdRng) -> Result<(), AppError> {
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
            };
            m.hash = chain_hash(&prev, &varn_store::repo::audit::content(&m));
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

/// PostgreSQL's sequences do not see explicit ids: move them past the generated rows. Then
/// gather planner statistics on both databases, as after any bulk load.
async fn fix_sequences(store: &Store) -> Result<(), AppError> {
    store.write().execute(Statement::from_string(store.backend(), "ANALYZE")).await?;
    if store.backend() != DbBackend::Postgres {
        return Ok(());
    }
    for t in [
        "users",
        "org_units",
        "role_grants",
        "tasks",
        "documents",
        "document_versions",
        "document_actions",
        "document_ack_requests",
        "document_acks",
    ] {
        let sql = format!("SELECT setval(pg_get_serial_sequence('{t}', 'id'), GREATEST((SELECT MAX(id) FROM {t}), 1))");
        store.write().execute(Statement::from_string(DbBackend::Postgres, sql)).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_storstad_tree_has_the_sizes_of_bench_md() {
        let s = Scale::parse("storstad").unwrap_or_else(|| Scale::parse("tiny").unwrap_or(Scale { name: "x", ..SCALE0 }));
        let (units, enheter) = plan_units(&s);
        let count = |k: &str| units.iter().filter(|u| u.kind == k).count();
        assert_eq!(count("kommunfullmaktige"), 1);
        assert_eq!(count("kommunstyrelse"), 1);
        assert_eq!(count("namnd"), 30);
        assert_eq!(count("forvaltning"), 30);
        assert_eq!(count("enhet"), 600);
        assert_eq!(count("bolag"), 20);
        assert_eq!(count("extern_utovare"), 10);
        assert_eq!(enheter.len(), 600);
        assert_eq!(forvaltning_name("Socialnämnden"), "Socialförvaltningen");
        assert_eq!(forvaltning_name("Bromma stadsdelsnämnd"), "Bromma stadsdelsförvaltning");
        assert!(units.iter().all(|u| u.path.ends_with(&format!("/{}/", u.id))));
    }

    const SCALE0: Scale = Scale {
        name: "x",
        namnder: 0,
        enheter_per_forvaltning: 0,
        bolag: 0,
        externa: 0,
        users: 0,
        samordnare: 0,
        revisorer: 0,
        heads: 0,
        agare: 0,
        tasks: 0,
        audit_rows: 0,
        documents: 0,
        acks: 0,
    };

    #[test]
    fn storstad_has_the_documents_of_bench_md() {
        let s = Scale::parse("storstad").unwrap_or(SCALE0);
        assert_eq!((s.documents, s.acks), (3_000, 500_000));
        use varn_domain::document::DocType;
        let types: Vec<DocType> = (0..s.documents).map(|i| documents::doc_type(i, s.documents)).collect();
        let n = |t: DocType| types.iter().filter(|x| **x == t).count();
        assert_eq!(types[0], DocType::Policy);
        assert!((5..=15).contains(&n(DocType::Policy)), "{}", n(DocType::Policy));
        assert_eq!(n(DocType::Strategi), 101, "the README's and the benchmark's figure");
        assert!(n(DocType::Anvisning) > n(DocType::Riktlinje));
        // Five actions for each of the 101 strategies: the tasks the README counts.
        assert_eq!(action_count(&s), 505);
    }

    #[test]
    fn user_names_fold_to_ascii() {
        assert_eq!(names::ascii("Åsa"), "asa");
        assert_eq!(names::ascii("Jönsson"), "jonsson");
    }
}
