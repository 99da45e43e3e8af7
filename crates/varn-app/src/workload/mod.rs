//! The benchmark workload: a deterministic city generated from a seed, written through the
//! store's entities in bulk transactions. Each module adds its part here, in one place:
//! a function below and a line in [`generate`].

mod activity;
mod assets;
mod city;
mod doc_remiss;
mod doc_text;
mod documents;
mod incidents;
mod names;
mod risks;
mod samverkan;

use city::City;

pub use documents::action_count;

use crate::AppError;
use rand::rngs::StdRng;
use rand::SeedableRng;
use sea_orm::{ConnectionTrait, DbBackend, EntityTrait, Statement};
use std::time::Instant;
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

/// Generates the city into an empty database. Every user's password is the one whose
/// argon2id hash is given.
pub async fn generate(store: &Store, scale: &Scale, seed: u64, password_hash: &str) -> Result<Report, AppError> {
    if varn_store::repo::org::count_all(store.read()).await? > 0 {
        return Err(AppError::conflict("err.workload.not_empty"));
    }
    let mut rng = StdRng::seed_from_u64(seed);
    let mut report = Report::default();

    let t = Instant::now();
    let city = city::org_and_users(store, scale, &mut rng, password_hash).await?;
    report.parts.push(("organisation, users, roles", city.units.len() + city.users, t.elapsed().as_secs_f64()));

    let t = Instant::now();
    activity::tasks(store, scale, &city, &mut rng).await?;
    report.parts.push(("tasks", scale.tasks, t.elapsed().as_secs_f64()));

    let t = Instant::now();
    documents::generate(store, scale, &city, &mut rng).await?;
    report.parts.push(("governing documents, versions, acknowledgements", scale.documents * 3 + scale.acks, t.elapsed().as_secs_f64()));

    let t = Instant::now();
    assets::generate(store, scale, &city, &mut rng).await?;
    let (a, c) = assets::counts(scale);
    report.parts.push(("information assets, carriers, classifications", a + c, t.elapsed().as_secs_f64()));

    let t = Instant::now();
    incidents::generate(store, scale, &city, &mut rng).await?;
    report.parts.push(("incidents with their timelines", incidents::count(scale) * 6, t.elapsed().as_secs_f64()));

    let t = Instant::now();
    let made = samverkan::generate(store, scale, &city, &mut rng).await?;
    report.parts.push(("incident actions with tasks, contacts with authorities", made, t.elapsed().as_secs_f64()));

    let t = Instant::now();
    let made = risks::generate(store, scale, &city, &mut rng).await?;
    report.parts.push(("risk analyses, risks, treatment actions with tasks", made, t.elapsed().as_secs_f64()));

    // Later modules add their parts here.

    let t = Instant::now();
    activity::audit(store, scale, &city, &mut rng).await?;
    report.parts.push(("audit log", scale.audit_rows, t.elapsed().as_secs_f64()));

    fix_sequences(store).await?;
    Ok(report)
}

/// PostgreSQL's sequences do not see explicit ids: move them past the generated rows. Then
/// gather planner statistics on both databases, as after any bulk load; on PostgreSQL also
/// VACUUM, which merges the GIN indexes' pending lists (the name search's trigram index
/// answered "ann" in 15 ms through an unmerged list of 3 000 rows, 0.4 ms after).
async fn fix_sequences(store: &Store) -> Result<(), AppError> {
    let after_load = if store.backend() == DbBackend::Postgres { "VACUUM ANALYZE" } else { "ANALYZE" };
    store.write().execute(Statement::from_string(store.backend(), after_load)).await?;
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
        "document_remisses",
        "assets",
        "carriers",
        "classifications",
        "incidents",
        "incident_events",
        "incident_reports",
        "incident_actions",
        "authorities",
        "authority_contacts",
        "risk_analyses",
        "risks",
        "risk_actions",
    ] {
        let sql = format!("SELECT setval(pg_get_serial_sequence('{t}', 'id'), GREATEST((SELECT MAX(id) FROM {t}), 1))");
        store.write().execute(Statement::from_string(DbBackend::Postgres, sql)).await?;
    }
    // The audit log's ids come from a sequence of its own (its lanes, m0024).
    varn_store::repo::audit::ids_follow(store.write()).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_storstad_tree_has_the_sizes_of_bench_md() {
        let s = Scale::parse("storstad").unwrap_or_else(|| Scale::parse("tiny").unwrap_or(Scale { name: "x", ..SCALE0 }));
        let (units, enheter) = city::plan_units(&s);
        use varn_domain::OrgKind::*;
        let count = |k: varn_domain::OrgKind| units.iter().filter(|u| u.kind == k).count();
        assert_eq!(count(Kommunfullmaktige), 1);
        assert_eq!(count(Kommunstyrelse), 1);
        assert_eq!(count(Namnd), 30);
        assert_eq!(count(Forvaltning), 30);
        assert_eq!(count(Enhet), 600);
        assert_eq!(count(Bolag), 20);
        assert_eq!(count(ExternUtovare), 10);
        assert_eq!(enheter.len(), 600);
        assert_eq!(city::forvaltning_name("Socialnämnden"), "Socialförvaltningen");
        assert_eq!(city::forvaltning_name("Bromma stadsdelsnämnd"), "Bromma stadsdelsförvaltning");
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
