//! Storage: migrations that apply once and never half, and the online backup.

use crate::helpers::*;
use rstest::rstest;
use sea_orm::{ConnectionTrait, Statement};

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn migrations_apply_once_and_a_failure_leaves_nothing_behind(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let db = TestDb::new(b).await;
    let store = db.store().await;
    // A second run applies nothing.
    assert!(varn_store::migration::migrate(store.write()).await.unwrap().is_empty(), "{b}");
    // A migration that fails half-way leaves neither its table nor its bookkeeping row.
    let backend = store.write().get_database_backend();
    let count_applied = || async {
        let n =
            store.write().query_one(Statement::from_string(backend, "SELECT COUNT(*) AS n FROM varn_migrations")).await.unwrap().unwrap();
        n.try_get::<i64>("", "n").unwrap()
    };
    let before = count_applied().await;
    assert!(before >= 2, "{b}");
    let err = varn_store::migration::migrate_with(store.write(), vec![Box::new(Broken)]).await;
    assert!(err.is_err(), "{b}");
    let probe = store.write().query_one(Statement::from_string(backend, "SELECT COUNT(*) AS n FROM half_done")).await;
    assert!(probe.is_err(), "{b}: the half-made table was rolled back");
    assert_eq!(count_applied().await, before, "{b}");
    store.close().await;
    db.cleanup().await;
}

struct Broken;

impl sea_orm_migration::MigrationName for Broken {
    fn name(&self) -> &str {
        "m9999_broken"
    }
}

#[async_trait::async_trait]
impl sea_orm_migration::MigrationTrait for Broken {
    async fn up(&self, m: &sea_orm_migration::SchemaManager) -> Result<(), sea_orm::DbErr> {
        let c = m.get_connection();
        let b = m.get_database_backend();
        c.execute(Statement::from_string(b, "CREATE TABLE half_done (id INTEGER)")).await?;
        c.execute(Statement::from_string(b, "INSERT INTO no_such_table VALUES (1)")).await?;
        Ok(())
    }
}

#[tokio::test]
async fn backup_writes_a_consistent_copy_while_running() {
    let t = TestApp::spawn("sqlite").await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kopia.sqlite");
    t.app.store.backup_to(path.to_str().unwrap()).await.unwrap();
    assert!(t.app.store.backup_to(path.to_str().unwrap()).await.is_err(), "never overwrites");
    let copy = varn_store::Store::open(&varn_store::StoreConfig {
        url: format!("sqlite://{}", path.display()),
        max_connections: 1,
        durability: Default::default(),
        mmap_mib: varn_store::DEFAULT_MMAP_MIB,
    })
    .await
    .unwrap();
    let units = varn_store::repo::org::count_all(copy.read()).await.unwrap();
    assert!(units > 30, "the copy holds the demo city: {units}");
    let verdict = varn_store::repo::audit::verify(copy.read(), t.app.store.audit_key(), None).await.unwrap();
    assert!(matches!(verdict, varn_store::repo::audit::Verdict::Whole { .. }));
    copy.close().await;
    t.stop().await;
}

async fn dump(store: &varn_store::Store, table: &str) -> Vec<serde_json::Value> {
    use sea_orm::FromQueryResult;
    let backend = store.read().get_database_backend();
    serde_json::Value::find_by_statement(Statement::from_string(backend, format!("SELECT * FROM {table} ORDER BY id")))
        .all(store.read())
        .await
        .unwrap()
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn the_workload_is_deterministic_and_whole_on_each_database(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let scale = varn_app::workload::Scale::parse("tiny").unwrap();
    let hash = varn_app::App::new(TestDb::new("sqlite").await.store().await, test_config())
        .unwrap()
        .hash_password("Storstad-2026!")
        .await
        .unwrap();
    let (d1, d2, d3) = (TestDb::new(b).await, TestDb::new(b).await, TestDb::new(b).await);
    let (s1, s2, s3) = (d1.store().await, d2.store().await, d3.store().await);
    varn_app::workload::generate(&s1, &scale, 42, &hash).await.unwrap();
    varn_app::workload::generate(&s2, &scale, 42, &hash).await.unwrap();
    varn_app::workload::generate(&s3, &scale, 43, &hash).await.unwrap();
    // A second run into a filled database is refused.
    assert!(varn_app::workload::generate(&s1, &scale, 42, &hash).await.is_err());
    for table in
        ["org_units", "users", "role_grants", "tasks", "audit_log", "audit_head", "documents", "document_versions", "document_acks"]
    {
        let (a, c) = (dump(&s1, table).await, dump(&s2, table).await);
        assert!(!a.is_empty(), "{b}: {table} has rows");
        assert_eq!(a, c, "{b}: {table} is the same for the same seed");
    }
    assert_ne!(dump(&s1, "users").await, dump(&s3, "users").await, "{b}: another seed, another city");

    sizes_references_and_the_chain(&s1, &scale, b).await;
    the_generated_city_works_with_the_app(&s1, &scale, b).await;
    for s in [s1, s2, s3] {
        s.close().await;
    }
    for d in [d1, d2, d3] {
        d.cleanup().await;
    }
}

/// The generated sizes, no orphans, and a whole audit chain.
async fn sizes_references_and_the_chain(s1: &varn_store::Store, scale: &varn_app::workload::Scale, b: &str) {
    // Sizes, references and the audit chain.
    let count = |s: &varn_store::Store, sql: &'static str| {
        let db = s.read().clone();
        async move { scalar(&db, sql).await }
    };
    assert_eq!(count(s1, "SELECT COUNT(*) FROM users").await, scale.users as i64);
    let actions = varn_app::workload::action_count(scale);
    assert!(actions > 0, "the strategies have actions");
    // Each document on remiss asks three förvaltningar; some have answered.
    let remisses = count(s1, "SELECT COUNT(*) FROM document_remisses").await;
    let open_remisses = count(s1, "SELECT COUNT(*) FROM document_remisses WHERE answered_at IS NULL").await;
    let on_remiss = count(s1, "SELECT COUNT(*) FROM documents WHERE status = 'pa_remiss'").await;
    assert!(on_remiss > 0, "{b}: some documents are on remiss");
    let forvaltningar = count(s1, "SELECT COUNT(*) FROM org_units WHERE kind = 'forvaltning'").await;
    assert_eq!(remisses, forvaltningar.min(3) * on_remiss, "{b}");
    // One incident in four has an action, a task open while the incident is.
    let incident_actions = count(s1, "SELECT COUNT(*) FROM incident_actions").await;
    assert_eq!(incident_actions, count(s1, "SELECT COUNT(*) FROM incidents WHERE id % 4 = 1").await, "{b}");
    let open_incident_actions =
        count(s1, "SELECT COUNT(*) FROM incident_actions a JOIN incidents i ON i.id = a.incident_id WHERE i.closed_at IS NULL").await;
    assert!(open_incident_actions > 0 && open_incident_actions <= incident_actions, "{b}");
    let carried = "SELECT COUNT(*) FROM incident_actions a JOIN tasks t ON t.id = a.task_id \
                   WHERE t.source_type = 'incident.action' AND t.source_id = a.incident_id AND t.assignee_user_id = a.responsible_user_id";
    assert_eq!(count(s1, carried).await, incident_actions, "{b}: each action is its owner's task");
    // Risk analyses of BENCH.md's shape (ten risks each), each risk with a treatment action
    // that is its owner's task, a third of them open.
    let analyses = count(s1, "SELECT COUNT(*) FROM risk_analyses").await;
    assert!(analyses > 0, "{b}");
    assert_eq!(count(s1, "SELECT COUNT(*) FROM risks").await, analyses * 10, "{b}");
    let risk_actions = count(s1, "SELECT COUNT(*) FROM risk_actions").await;
    assert_eq!(risk_actions, analyses * 10, "{b}");
    let carried = "SELECT COUNT(*) FROM risk_actions a JOIN tasks t ON t.id = a.task_id \
                   WHERE t.source_type = 'risk.action' AND t.source_id = a.risk_id AND t.assignee_user_id = a.responsible_user_id";
    assert_eq!(count(s1, carried).await, risk_actions, "{b}: each treatment action is its owner's task");
    let open_risk_actions = count(s1, "SELECT COUNT(*) FROM tasks WHERE source_type = 'risk.action' AND status = 'open'").await;
    assert_eq!(open_risk_actions, risk_actions / 3, "{b}");
    let unit_of_analysis = "SELECT COUNT(*) FROM risks r JOIN risk_analyses a ON a.id = r.analysis_id WHERE r.unit_id <> a.unit_id";
    assert_eq!(count(s1, unit_of_analysis).await, 0, "{b}: a risk carries its analysis's unit");
    let scores = "SELECT COUNT(*) FROM risks WHERE score <> likelihood * consequence \
                  OR residual_score <> COALESCE(residual_likelihood * residual_consequence, score) OR residual_score > score";
    assert_eq!(count(s1, scores).await, 0, "{b}: the kept scores are the matrix's");
    assert_eq!(count(s1, "SELECT COUNT(*) FROM tasks").await, (scale.tasks + actions) as i64 + remisses + incident_actions + risk_actions);
    assert_eq!(
        count(s1, "SELECT COUNT(*) FROM tasks WHERE status = 'open'").await,
        (scale.tasks.div_ceil(3) + actions) as i64 + open_remisses + open_incident_actions + open_risk_actions
    );
    // Every report sent is a contact with its authority, about its incident.
    let reports = count(s1, "SELECT COUNT(*) FROM incident_reports").await;
    assert!(count(s1, "SELECT COUNT(*) FROM authority_contacts WHERE incident_id IS NULL").await > 0, "{b}: calls and meetings");
    assert_eq!(count(s1, "SELECT COUNT(*) FROM authority_contacts WHERE incident_id IS NOT NULL AND channel = 'e_tjanst'").await, reports);
    assert_eq!(count(s1, "SELECT COUNT(*) FROM authorities WHERE code IS NOT NULL").await, 8, "{b}: the builtin register");
    assert_eq!(count(s1, "SELECT COUNT(*) FROM documents").await, scale.documents as i64);
    assert_eq!(count(s1, "SELECT COUNT(*) FROM document_versions").await, 3 * scale.documents as i64);
    assert_eq!(count(s1, "SELECT COUNT(*) FROM document_acks").await, scale.acks as i64);
    assert_eq!(count(s1, "SELECT COUNT(*) FROM role_grants").await, scale.users as i64, "every user has a role");
    for orphan in [
        "SELECT COUNT(*) FROM org_units c WHERE c.parent_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM org_units p WHERE p.id = c.parent_id AND c.path LIKE p.path || '%')",
        "SELECT COUNT(*) FROM org_units u WHERE u.head_user_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users x WHERE x.id = u.head_user_id)",
        "SELECT COUNT(*) FROM role_grants g WHERE NOT EXISTS (SELECT 1 FROM users x WHERE x.id = g.user_id) OR NOT EXISTS (SELECT 1 FROM org_units o WHERE o.id = g.org_unit_id)",
        "SELECT COUNT(*) FROM tasks t WHERE (t.assignee_user_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users x WHERE x.id = t.assignee_user_id)) OR (t.assignee_unit_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM org_units o WHERE o.id = t.assignee_unit_id))",
        "SELECT COUNT(*) FROM tasks t WHERE t.assignee_user_id IS NULL AND t.assignee_unit_id IS NULL",
        "SELECT COUNT(*) FROM documents d WHERE d.parent_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM documents p WHERE p.id = d.parent_id AND p.id < d.id)",
        "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM document_versions v WHERE v.id = d.current_version_id AND v.document_id = d.id AND v.state = 'adopted')",
        "SELECT COUNT(*) FROM document_acks k WHERE NOT EXISTS (SELECT 1 FROM document_ack_requests r JOIN org_units o ON o.id = r.unit_id JOIN role_grants g ON g.user_id = k.user_id JOIN org_units gu ON gu.id = g.org_unit_id WHERE r.version_id = k.version_id AND gu.path LIKE o.path || '%')",
        "SELECT COUNT(*) FROM document_actions a WHERE NOT EXISTS (SELECT 1 FROM tasks t WHERE t.id = a.task_id AND t.source_type = 'document.action')",
        "SELECT COUNT(*) FROM document_remisses r WHERE NOT EXISTS (SELECT 1 FROM tasks t WHERE t.id = r.task_id AND t.source_type = 'document.remiss') OR NOT EXISTS (SELECT 1 FROM document_versions v WHERE v.id = r.version_id AND v.document_id = r.document_id AND v.state = 'draft')",
    ] {
        assert_eq!(count(s1, orphan).await, 0, "{b}: {orphan}");
    }
    assert_eq!(
        varn_store::repo::audit::verify(s1.read(), s1.audit_key(), None).await.unwrap(),
        varn_store::repo::audit::Verdict::Whole { rows: scale.audit_rows as i64 },
        "{b}"
    );
}

/// Counting stops at a cap; the app works on the generated city (fresh ids after the
/// generated ones, PostgreSQL's sequences included).
async fn the_generated_city_works_with_the_app(s1: &varn_store::Store, scale: &varn_app::workload::Scale, b: &str) {
    let actions = varn_app::workload::action_count(scale);
    // Counting can stop at a cap, and says so.
    use varn_store::sea_orm::EntityTrait;
    let tasks = || varn_store::entity::task::Entity::find();
    assert_eq!(varn_store::repo::count_upto(s1.read(), tasks(), 5).await.unwrap(), (5, false));
    use varn_store::sea_orm::PaginatorTrait;
    let all = tasks().count(s1.read()).await.unwrap();
    assert!(all >= (scale.tasks + actions) as u64, "every task and every action's task");
    assert_eq!(varn_store::repo::count_upto(s1.read(), tasks(), 1_000).await.unwrap(), (all, true));
    // The incidents joined to their units, as the register counts them: whole (asked whether a
    // row lies past the cap) and filtered (counted without the join), against a plain count.
    use varn_store::entity::{incident, org_unit};
    use varn_store::sea_orm::{ColumnTrait, JoinType, QueryFilter, QuerySelect, RelationTrait};
    let incidents = || incident::Entity::find().join(JoinType::InnerJoin, incident::Relation::Unit.def());
    let n = incidents().count(s1.read()).await.unwrap();
    assert!(n > 10, "{b}: {n} incidents");
    assert_eq!(varn_store::repo::count_upto(s1.read(), incidents(), 10).await.unwrap(), (10, false), "{b}");
    assert_eq!(varn_store::repo::count_upto(s1.read(), incidents(), n - 1).await.unwrap(), (n - 1, false), "{b}");
    assert_eq!(varn_store::repo::count_upto(s1.read(), incidents(), n).await.unwrap(), (n, true), "{b}");
    let reported = || incidents().filter(incident::Column::Status.eq("rapporterad"));
    let n_reported = reported().count(s1.read()).await.unwrap();
    assert!(n_reported > 0 && n_reported < n, "{b}: {n_reported} of {n} just reported");
    assert_eq!(varn_store::repo::count_upto(s1.read(), reported(), 10_000).await.unwrap(), (n_reported, true), "{b}");
    assert_eq!(varn_store::repo::count_upto(s1.read(), reported(), n_reported - 1).await.unwrap(), (n_reported - 1, false), "{b}");
    // A condition on the units keeps the join: the incidents of one unit only.
    let unit = incident::Entity::find().one(s1.read()).await.unwrap().unwrap().unit_id;
    let in_unit = || incidents().filter(org_unit::Column::Id.eq(unit));
    let n_unit = in_unit().count(s1.read()).await.unwrap();
    assert!(n_unit > 0 && n_unit < n, "{b}: {n_unit} of {n} in unit {unit}");
    assert_eq!(varn_store::repo::count_upto(s1.read(), in_unit(), 10_000).await.unwrap(), (n_unit, true), "{b}");
    // Each analysis keeps its open risks and their highest residual score (m0036's triggers),
    // as its risks say: after the generator's bulk inserts, after a risk moves to another
    // analysis, and after one is closed.
    let one = |sql: String| scalar(s1.write(), sql);
    let open = "r.analysis_id = a.id AND r.status <> 'avslutad'";
    let wrong = || {
        one(format!(
            "SELECT COUNT(*) FROM risk_analyses a WHERE a.open_risks <> (SELECT COUNT(*) FROM risks r WHERE {open}) \
             OR COALESCE(a.highest_open, -1) <> COALESCE((SELECT MAX(r.residual_score) FROM risks r WHERE {open}), -1)"
        ))
    };
    assert!(one("SELECT COUNT(*) FROM risk_analyses WHERE open_risks > 1".into()).await > 0, "{b}: analyses with open risks");
    assert_eq!(wrong().await, 0, "{b}: as generated");
    let risk = one("SELECT MIN(id) FROM risks WHERE status <> 'avslutad'".into()).await;
    let from = one(format!("SELECT analysis_id FROM risks WHERE id = {risk}")).await;
    let to = one(format!("SELECT MIN(id) FROM risk_analyses WHERE id <> {from}")).await;
    let open_in = |a: i64| one(format!("SELECT open_risks FROM risk_analyses WHERE id = {a}"));
    let (from_before, to_before) = (open_in(from).await, open_in(to).await);
    s1.write().execute_unprepared(&format!("UPDATE risks SET analysis_id = {to}, residual_score = 25 WHERE id = {risk}")).await.unwrap();
    assert_eq!((open_in(from).await, open_in(to).await), (from_before - 1, to_before + 1), "{b}: moved");
    assert_eq!(one(format!("SELECT highest_open FROM risk_analyses WHERE id = {to}")).await, 25, "{b}");
    assert_eq!(wrong().await, 0, "{b}: after the move");
    s1.write().execute_unprepared(&format!("UPDATE risks SET status = 'avslutad' WHERE id = {risk}")).await.unwrap();
    assert_eq!(open_in(to).await, to_before, "{b}: closed");
    assert_eq!(wrong().await, 0, "{b}: after closing");
    // The generated city works with the app: a head sees the tasks of the unit they lead,
    // and new rows get fresh ids after the generated ones (PostgreSQL sequences).
    let app = varn_app::App::new(s1.clone(), test_config()).unwrap();
    let (_, actor) = app.sign_in("admin", "Storstad-2026!", None, "127.0.0.1").await.unwrap();
    let root = varn_store::repo::org::root(s1.read()).await.unwrap().unwrap();
    let made = app
        .org_create(
            &actor,
            &varn_app::org::UnitInput { parent_id: Some(root.id.to_string()), kind: "namnd".into(), name: "Ny nämnd".into() },
        )
        .await;
    assert!(made.is_ok(), "{b}: {made:?}");
    // A samordnare (user 2) writes a document after the generated ones, and the
    // generated tree is readable through the app.
    let u2 = varn_store::repo::users::find_any(s1.read(), 2).await.unwrap().unwrap();
    let samordnare = varn_app::auth::load_actor(s1.read(), &u2).await.unwrap();
    let form = varn_app::documents::DocForm {
        doc_type: "riktlinje".into(),
        title: "Ny riktlinje".into(),
        unit_id: root.id.to_string(),
        applies_to_unit_id: root.id.to_string(),
        parent_id: "1".into(),
        deciding_body: "kommunstyrelse".into(),
        ..Default::default()
    };
    let doc = app.documents().create(&samordnare, &form).await;
    assert_eq!(doc.ok(), Some(scale.documents as i64 + 1), "{b}");
    let tree = app.documents().tree(&samordnare).await.unwrap();
    assert!(tree.len() > scale.documents / 2, "{b}: {}", tree.len());
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn a_unique_violation_becomes_a_mistake_at_its_field(#[case] b: &str) {
    use sea_orm::ActiveModelTrait;
    use varn_app::AppError;
    if skip(b) {
        return;
    }
    let d = TestDb::new(b).await;
    let s = d.store().await;
    let new = || varn_store::repo::users::new_user("dubblett".into(), "Dubblett".into(), None, None);
    new().insert(s.write()).await.unwrap();
    let e = new().insert(s.write()).await.map_err(AppError::on_unique("username", "err.user.username_taken")).err();
    assert!(matches!(&e, Some(AppError::Invalid(f)) if f.get("username") == Some("err.user.username_taken")), "{b}: {e:?}");
    // Any other database error stays one (here a grant for a user who does not exist).
    let grant = varn_store::repo::users::add_grant(s.write(), 999_999, 999_999, varn_domain::Role::Medarbetare, None).await;
    let e = grant.map_err(AppError::on_unique("role", "err.user.grant_exists")).err();
    assert!(matches!(e, Some(AppError::Db(_))), "{b}: {e:?}");
    s.close().await;
    d.cleanup().await;
}

/// Every row of every table of a SQLite file, as text, table by table.
async fn dump_file(path: &std::path::Path) -> Vec<String> {
    use varn_store::sea_orm::{ConnectionTrait, Statement};
    let cfg = varn_store::StoreConfig {
        url: format!("sqlite://{}", path.display()),
        max_connections: 1,
        durability: Default::default(),
        mmap_mib: varn_store::DEFAULT_MMAP_MIB,
    };
    let s = varn_store::Store::open_existing(&cfg, true).await.unwrap();
    let db = s.read();
    let b = db.get_database_backend();
    let q = |sql: String| Statement::from_string(b, sql);
    // The tables that hold data (the search index's virtual table and its shadow tables are
    // derived from them and compared through them).
    let tables = db
        .query_all(q(
            "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name".into(),
        ))
        .await
        .unwrap();
    let mut out = vec![];
    for t in tables {
        let name: String = t.try_get_by_index(0).unwrap();
        let cols = db.query_all(q(format!("PRAGMA table_info({name})"))).await.unwrap();
        let cols: Vec<String> = cols.iter().map(|c| format!("quote({})", c.try_get::<String>("", "name").unwrap())).collect();
        // Each row as one text, the rows in that text's order (a table WITHOUT ROWID, m0027's
        // trigrams, has no rowid to order by).
        let rows = db.query_all(q(format!("SELECT {} FROM {name} ORDER BY 1", cols.join(" || '|' || ")))).await.unwrap();
        out.push(format!("{name}: {} rows", rows.len()));
        out.extend(rows.iter().map(|r| r.try_get_by_index::<String>(0).unwrap()));
    }
    s.close().await;
    out
}

#[tokio::test]
async fn a_restored_backup_is_identical_and_checked_before_anything_is_replaced() {
    use varn_store::maintenance::restore_sqlite;
    let t = TestApp::spawn("sqlite").await;
    let dir = tempfile::tempdir().unwrap();
    let (copy, target) = (dir.path().join("kopia.sqlite"), dir.path().join("varn.sqlite"));
    t.app.store.backup_to(copy.to_str().unwrap()).await.unwrap();
    let key = t.app.store.audit_key().clone();
    let target_url = format!("sqlite://{}", target.display());
    std::fs::write(&target, b"the database that was here").unwrap();
    let done = restore_sqlite(&copy, &target_url, &key).await.unwrap();
    assert!(done.audit_rows > 50);
    let aside = done.kept_aside.unwrap();
    assert_eq!(std::fs::read(&aside).unwrap(), b"the database that was here", "the replaced database is kept");
    // backup → restore → backup: the same rows in every table.
    let again = dir.path().join("igen.sqlite");
    let cfg = varn_store::StoreConfig {
        url: target_url.clone(),
        max_connections: 1,
        durability: Default::default(),
        mmap_mib: varn_store::DEFAULT_MMAP_MIB,
    };
    let restored = varn_store::Store::open_existing(&cfg, true).await.unwrap();
    restored.backup_to(again.to_str().unwrap()).await.unwrap();
    restored.close().await;
    let (a, b) = (dump_file(&copy).await, dump_file(&again).await);
    assert!(a.len() > 100);
    assert_eq!(a, b);

    // A damaged copy, or one whose chain another key wrote, is refused and replaces nothing.
    let before = std::fs::read(&target).unwrap();
    let mut bytes = std::fs::read(&copy).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid..mid + 4096].fill(0x5a);
    let broken = dir.path().join("trasig.sqlite");
    std::fs::write(&broken, &bytes).unwrap();
    assert!(restore_sqlite(&broken, &target_url, &key).await.is_err());
    let other = varn_domain::audit::AuditKey::new(b"a key of another installation, 32+");
    let e = restore_sqlite(&copy, &target_url, &other).await.unwrap_err().to_string();
    assert!(e.contains("audit chain is broken"), "{e}");
    assert_eq!(std::fs::read(&target).unwrap(), before, "nothing was replaced");
    let e = restore_sqlite(&dir.path().join("finns-inte.sqlite"), &target_url, &key).await.unwrap_err().to_string();
    assert!(e.contains("there is no backup at"), "{e}");
    t.stop().await;
}

#[tokio::test]
async fn readiness_tells_a_database_that_takes_no_writes() {
    let t = TestApp::spawn("sqlite").await;
    let r = t.anonymous().get("/readyz").await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<serde_json::Value>().await.unwrap()["database_write"], "ok");
    // The same database opened read-only (as when its file or mount became read-only).
    let path = varn_store::sqlite_path(&t.db.url).unwrap();
    let ro = varn_store::StoreConfig {
        url: format!("sqlite://{path}?mode=ro"),
        max_connections: 2,
        durability: Default::default(),
        mmap_mib: varn_store::DEFAULT_MMAP_MIB,
    };
    let app = varn_app::App::new(varn_store::Store::open(&ro).await.unwrap(), test_config()).unwrap();
    let r = app.readiness().await;
    assert!(r.read && !r.write, "{r:?}");
    let e = app.check_writable().await.unwrap_err().to_string();
    assert!(e.contains("does not take writes"), "{e}");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let router = varn_web::router(app, varn_web::WebConfig::default());
    let server = tokio::spawn(varn_web::serve::serve(listener, router, test_limits(), std::future::pending()));
    let r = reqwest::get(format!("{base}/readyz")).await.unwrap();
    assert_eq!(r.status(), 503);
    let v: serde_json::Value = r.json().await.unwrap();
    assert_eq!((v["database_read"].as_str(), v["database_write"].as_str()), (Some("ok"), Some("failing")), "{v}");
    server.abort();
    t.stop().await;
}

/// SQLite gathers no statistics for its planner by itself (without them a unit head's Mina
/// uppgifter took 450 ms at the benchmark's size instead of 1.5): a database without them gets
/// them when it is opened, before any reader connects, and the maintenance loop's `gather`
/// brings them up to date.
#[tokio::test]
async fn sqlite_gathers_its_planner_statistics_when_a_database_has_none() {
    use varn_store::statistics;
    let t = TestApp::spawn("sqlite").await;
    // Opened empty, then the demo city loaded: no statistics yet. An empty database has
    // nothing to gather.
    assert!(!statistics::present(t.app.store.write()).await.unwrap());
    let dir = tempfile::tempdir().unwrap();
    let e = varn_store::Store::open(&varn_store::StoreConfig {
        url: format!("sqlite://{}", dir.path().join("ny.sqlite").display()),
        max_connections: 1,
        durability: Default::default(),
        mmap_mib: varn_store::DEFAULT_MMAP_MIB,
    })
    .await
    .unwrap();
    assert!(!statistics::gather_if_missing(e.write()).await.unwrap(), "nothing gathered from no tables");
    e.close().await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kopia.sqlite");
    t.app.store.backup_to(path.to_str().unwrap()).await.unwrap();
    let cfg = varn_store::StoreConfig {
        url: format!("sqlite://{}", path.display()),
        max_connections: 2,
        durability: Default::default(),
        mmap_mib: varn_store::DEFAULT_MMAP_MIB,
    };
    let units = |s: &varn_store::Store| {
        let db = s.read().clone();
        async move {
            let sql = "SELECT stat FROM sqlite_stat1 WHERE tbl = 'org_units' AND idx IS NOT NULL LIMIT 1";
            let row = db.query_one(Statement::from_string(sea_orm::DbBackend::Sqlite, sql)).await.unwrap();
            row.map(|r| r.try_get_by_index::<String>(0).unwrap()).and_then(|s| s.split(' ').next().map(|n| n.parse::<i64>().unwrap()))
        }
    };
    let copy = varn_store::Store::open(&cfg).await.unwrap();
    let n = varn_store::repo::org::count_all(copy.read()).await.unwrap() as i64;
    assert!(statistics::present(copy.write()).await.unwrap(), "gathered at open");
    assert_eq!(units(&copy).await, Some(n), "the readers see them, the units counted");
    assert!(!statistics::gather_if_missing(copy.write()).await.unwrap(), "not again while there are some");
    // More units: the statistics say so once gathered again, and not before.
    let socf = t.id("Socialförvaltningen");
    for i in 0..5 {
        let sql = format!(
            "INSERT INTO org_units (parent_id, kind, name, path, created_at, updated_at) \
             SELECT id, 'enhet', 'Ny enhet {i}', path || 'n{i}/', created_at, updated_at FROM org_units WHERE id = {socf}"
        );
        copy.write().execute(Statement::from_string(sea_orm::DbBackend::Sqlite, sql)).await.unwrap();
    }
    assert_eq!(units(&copy).await, Some(n));
    assert!(statistics::gather(copy.write()).await.unwrap());
    let sql = "SELECT stat FROM sqlite_stat1 WHERE tbl = 'org_units' AND idx IS NOT NULL LIMIT 1";
    let row = copy.write().query_one(Statement::from_string(sea_orm::DbBackend::Sqlite, sql)).await.unwrap().unwrap();
    assert!(row.try_get_by_index::<String>(0).unwrap().starts_with(&format!("{} ", n + 5)));
    // The maintenance loop's hour: on the demo city, which has none, it gathers them whatever
    // the hour; then not by day nor twice in a night; then the next night.
    let db = t.app.store.write();
    assert_eq!(statistics::tick(db, 0, 14).await.unwrap(), (0, true));
    assert!(statistics::present(db).await.unwrap());
    assert_eq!(statistics::tick(db, 0, 3).await.unwrap(), (1, false), "not twice in a night");
    assert_eq!(statistics::tick(db, 20, 14).await.unwrap(), (21, false), "not by day");
    assert_eq!(statistics::tick(db, 20, 3).await.unwrap(), (0, true), "the next night");
    copy.close().await;
    t.stop().await;
}

/// PostgreSQL analyses by itself only where autovacuum is on: Värn analyses, every minute, the
/// tables changed by more than autovacuum's own threshold since they were last analysed (after
/// a wave of reports with old statistics, the open incidents took p99 224 ms instead of 36).
#[tokio::test]
async fn postgres_analyses_the_tables_changed_since_they_were_last_analysed() {
    const PG: sea_orm::DbBackend = sea_orm::DbBackend::Postgres;
    use varn_store::statistics;
    if skip("postgres") {
        return;
    }
    let t = TestApp::spawn("postgres").await;
    let db = t.app.store.write();
    let one = |sql: &str| {
        let sql = sql.to_string();
        async move { db.query_one(Statement::from_string(PG, sql)).await.unwrap().unwrap() }
    };
    let units = "(SELECT count(*) FROM org_units)";
    // Whatever autovacuum does on this server, it leaves this table to Värn. The counters of
    // the demo load reach the server's statistics within seconds of its commits.
    db.execute(Statement::from_string(PG, "ALTER TABLE org_units SET (autovacuum_enabled = false)")).await.unwrap();
    let settled =
        format!("SELECT n_live_tup = {units} FROM pg_stat_user_tables WHERE relname = 'org_units' AND schemaname = current_schema()");
    let mut waited = 0;
    while !one(&settled).await.try_get_by_index::<bool>(0).unwrap() {
        assert!(waited < 200, "the demo load's counters never reached the statistics");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        waited += 1;
    }
    let analysed = "SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = 'org_units' AND schemaname = current_schema()";
    assert!(!one(analysed).await.try_get_by_index::<bool>(0).unwrap(), "never analysed by hand before");
    statistics::refresh_changed(db).await.unwrap();
    assert!(!statistics::changed(db).await.unwrap().contains(&"org_units".to_string()), "nothing changed since");
    let counted = format!("SELECT c.reltuples::bigint, {units} FROM pg_class c WHERE c.oid = 'org_units'::regclass");
    let row = one(&counted).await;
    let (planned, n) = (row.try_get_by_index::<i64>(0).unwrap(), row.try_get_by_index::<i64>(1).unwrap());
    assert_eq!(planned, n, "the planner counts the demo's units");
    // A few units more: under the threshold (50 and a tenth of the table), nothing to do.
    let add = |from: i64, to: i64| {
        format!(
            "INSERT INTO org_units (parent_id, kind, name, path, created_at, updated_at) \
             SELECT u.id, 'enhet', 'Ny enhet ' || i, u.path || 'n' || i || '/', u.created_at, u.updated_at \
             FROM org_units u, generate_series({from}, {to}) i WHERE u.id = {}",
            t.id("Socialförvaltningen")
        )
    };
    let seen = |rows: i64| {
        let sql = format!(
            "SELECT n_mod_since_analyze >= {rows} FROM pg_stat_user_tables WHERE relname = 'org_units' AND schemaname = current_schema()"
        );
        async move {
            let mut waited = 0;
            while !one(&sql).await.try_get_by_index::<bool>(0).unwrap() {
                assert!(waited < 200, "the inserts never reached the statistics");
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                waited += 1;
            }
        }
    };
    db.execute(Statement::from_string(PG, add(1, 10))).await.unwrap();
    seen(10).await;
    let units_ = "org_units".to_string();
    assert!(!statistics::refresh_changed(db).await.unwrap().contains(&units_), "10 rows are under the threshold");
    assert_eq!(one(&counted).await.try_get_by_index::<i64>(0).unwrap(), n, "not analysed");
    // Past it: analysed, and the planner counts the new units.
    let more = 60 + n / 10;
    db.execute(Statement::from_string(PG, add(11, 10 + more))).await.unwrap();
    seen(10 + more).await;
    assert!(statistics::changed(db).await.unwrap().contains(&units_));
    assert!(statistics::refresh_changed(db).await.unwrap().contains(&units_));
    assert!(one(analysed).await.try_get_by_index::<bool>(0).unwrap());
    assert_eq!(one(&counted).await.try_get_by_index::<i64>(0).unwrap(), n + 10 + more);
    assert!(!statistics::changed(db).await.unwrap().contains(&units_), "nothing left to analyse");
    t.stop().await;
}

/// SQLite plans each statement once: it is built with the query planner stability guarantee
/// (`.cargo/config.toml`), so a plan never depends on a bound value and a cached statement is
/// not prepared again at every execution (which cost a fifth of Mina uppgifter's CPU), and
/// without the options that make every allocation and every page read take a lock; and a
/// subtree's path is written into the statement, so that its `LIKE` still uses the path index.
#[tokio::test]
async fn sqlite_plans_once_and_a_subtree_still_uses_the_path_index() {
    use sea_orm::sea_query::{Alias, Expr, Query, SqliteQueryBuilder};
    let d = TestDb::new("sqlite").await;
    let s = d.store().await;
    let rows = |sql: String| {
        let db = s.read().clone();
        async move {
            db.query_all(Statement::from_string(sea_orm::DbBackend::Sqlite, sql))
                .await
                .unwrap()
                .iter()
                .map(|r| r.try_get_by_index::<String>(r.column_names().len() - 1).unwrap())
                .collect::<Vec<_>>()
        }
    };
    let options = rows("SELECT compile_options FROM pragma_compile_options".into()).await;
    assert!(options.iter().any(|o| o == "ENABLE_QPSG"), "{options:?}");
    // No process-wide mutex on every allocation, nor on every page a statement touches (each
    // connection's page cache its own), so that two threads reading at once do not wait for
    // each other (session 45: the head's person picker 5 589 → 8 061 pages a second at 16).
    assert!(options.iter().any(|o| o == "DEFAULT_MEMSTATUS=0"), "{options:?}");
    assert!(!options.iter().any(|o| o == "ENABLE_MEMORY_MANAGEMENT"), "{options:?}");
    let subtree = Query::select()
        .column(Alias::new("id"))
        .from(Alias::new("org_units"))
        .and_where(varn_store::under_path(Expr::col(Alias::new("path")).into(), "/1/"))
        .to_string(SqliteQueryBuilder);
    let plan = rows(format!("EXPLAIN QUERY PLAN {subtree}")).await.join(" | ");
    assert!(plan.contains("SEARCH org_units USING") && plan.contains("path>"), "{subtree}: {plan}");
    // The same condition with the pattern bound: the planner may not look at it, and reads
    // every unit.
    let bound = rows("EXPLAIN QUERY PLAN SELECT id FROM org_units WHERE path LIKE ?".into()).await.join(" | ");
    assert!(bound.contains("SCAN org_units"), "{bound}");
    s.close().await;
    d.cleanup().await;
}

/// PostgreSQL plans each of Värn's statements once per connection too: the store's
/// connections ask for generic plans (`varn_store::PG_PLAN_CACHE_MODE`), so the first
/// execution's plan is already the one kept, its values left as parameters, instead of a plan
/// made again at every execution for the values given. A URL that names its own
/// `plan_cache_mode` keeps it.
#[tokio::test]
async fn postgres_plans_a_statement_once_for_any_values() {
    if skip("postgres") {
        return;
    }
    use sea_orm::TransactionTrait;
    let d = TestDb::new("postgres").await;
    let s = d.store().await;
    let pg = sea_orm::DbBackend::Postgres;
    let text = |r: Option<sea_orm::QueryResult>| r.unwrap().try_get_by_index::<String>(0).unwrap();
    // One connection for the prepared statement and its plan.
    let t = s.read().begin().await.unwrap();
    assert_eq!(text(t.query_one(Statement::from_string(pg, "SHOW plan_cache_mode")).await.unwrap()), varn_store::PG_PLAN_CACHE_MODE);
    t.execute(Statement::from_string(pg, "PREPARE by_path(text) AS SELECT id FROM org_units WHERE path = $1")).await.unwrap();
    let plan = t.query_all(Statement::from_string(pg, "EXPLAIN EXECUTE by_path('/1/')")).await.unwrap();
    let plan: Vec<String> = plan.iter().map(|r| r.try_get_by_index::<String>(0).unwrap()).collect();
    assert!(plan.iter().any(|l| l.contains("$1")) && !plan.iter().any(|l| l.contains("'/1/'")), "generic plan: {plan:?}");
    t.rollback().await.unwrap();
    s.close().await;
    // A URL with its own mode keeps it.
    let own = varn_store::Store::open(&varn_store::StoreConfig {
        url: format!("{}%20-c%20plan_cache_mode%3Dforce_custom_plan", d.url),
        max_connections: 2,
        durability: Default::default(),
        mmap_mib: varn_store::DEFAULT_MMAP_MIB,
    })
    .await
    .unwrap();
    assert_eq!(text(own.read().query_one(Statement::from_string(pg, "SHOW plan_cache_mode")).await.unwrap()), "force_custom_plan");
    own.close().await;
    d.cleanup().await;
}

/// SQLite's searches ask `varn_contains(text, typed)` (our driver's function, on every
/// connection: vendor/sqlx-sqlite/VARN-PATCH.md) where they asked `text LIKE '%typed%'`: on
/// both pools it answers as the case-sensitive `LIKE` of Värn's connections does, for texts
/// with letters beyond ASCII, capitals, wildcards, an empty text or needle, a number and NULL,
/// and keeps its answer right when one statement asks it with two different needles.
#[tokio::test]
async fn sqlite_contains_answers_as_like_does() {
    let d = TestDb::new("sqlite").await;
    let s = d.store().await;
    let texts = ["akter i omsorgen", "Akter", "förskola åkersberga", "ÅKER", "100% säker", "a_b", "back\\slash", "", "12345"];
    let typed = ["akter", "åker", "Åker", "%", "_", "a_b", "\\", "", "234", "ö", "x"];
    for db in [s.read(), s.write()] {
        for t in texts {
            for n in typed {
                let pattern = varn_store::repo::like_pattern(n).unwrap_or_else(|| "%%".into());
                let both = db
                    .query_one(Statement::from_sql_and_values(
                        sea_orm::DbBackend::Sqlite,
                        "SELECT varn_contains(?, ?), ? LIKE ? ESCAPE '\\'",
                        [t.into(), n.trim().to_lowercase().into(), t.into(), pattern.clone().into()],
                    ))
                    .await
                    .unwrap()
                    .unwrap();
                let (c, l): (i64, i64) = (both.try_get_by_index(0).unwrap(), both.try_get_by_index(1).unwrap());
                assert_eq!(c, l, "{t:?} contains {n:?} ({pattern})");
            }
        }
        let one = |sql: &'static str| async move {
            let r = db.query_one(Statement::from_string(sea_orm::DbBackend::Sqlite, sql)).await.unwrap().unwrap();
            (r.try_get_by_index::<Option<i64>>(0).unwrap(), r.try_get_by_index::<Option<i64>>(1).unwrap())
        };
        assert_eq!(one("SELECT varn_contains(NULL, 'a'), varn_contains('a', NULL)").await, (None, None));
        assert_eq!(one("SELECT varn_contains(12345, '234'), varn_contains(12345, 5)").await, (Some(1), Some(1)));
        // Two needles in one statement: each call site keeps its own searcher.
        let rows = db
            .query_all(Statement::from_string(
                sea_orm::DbBackend::Sqlite,
                "SELECT varn_contains(t, 'ak'), varn_contains(t, 'ng') FROM (SELECT 'akter' AS t UNION ALL SELECT 'ring' \
                 UNION ALL SELECT 'akning' UNION ALL SELECT 'x') ORDER BY t",
            ))
            .await
            .unwrap();
        let got: Vec<(i64, i64)> = rows.iter().map(|r| (r.try_get_by_index(0).unwrap(), r.try_get_by_index(1).unwrap())).collect();
        assert_eq!(got, [(1, 1), (1, 0), (0, 1), (0, 0)]);
    }
    d.cleanup().await;
}

/// A search's text is matched as the letters typed, whatever they are: quotes, backslashes and
/// `LIKE`'s own wildcards find only the names that hold them. On PostgreSQL the pattern is
/// written into the statement as a literal (so that the plan is made for it), which a quote or
/// a backslash must not end or change; on SQLite it is bound.
#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn a_search_matches_quotes_backslashes_and_wildcards_as_typed(#[case] b: &str) {
    use sea_orm::ActiveModelTrait;
    use varn_store::repo::{self, ListParams};
    if skip(b) {
        return;
    }
    let d = TestDb::new(b).await;
    let s = d.store().await;
    let all = varn_domain::Scope::All;
    let everyone = |s: varn_store::Store| async move {
        repo::users::list(s.read(), &varn_domain::Scope::All, &Default::default(), &ListParams { page: 1, ..Default::default() })
            .await
            .unwrap()
            .total
    };
    let before = everyone(s.clone()).await;
    let names = [
        "O'Brien Åsa",
        "Back\\slash Bo",
        "Hundra% Hugo",
        "Under_score Ulla",
        "Obrien Vanlig",
        "Backslash Vanlig",
        "Hundra Vanlig",
        "Underxscore Vanlig",
    ];
    for (i, n) in names.iter().enumerate() {
        repo::users::new_user(format!("sok{i}"), (*n).into(), None, None).insert(s.write()).await.unwrap();
    }
    let root = match repo::org::root(s.read()).await.unwrap() {
        Some(r) => r,
        None => repo::org::insert(s.write(), None, varn_domain::OrgKind::Kommunfullmaktige, "Staden").await.unwrap(),
    };
    for n in names {
        repo::org::insert(s.write(), Some(&root), varn_domain::OrgKind::Enhet, n).await.unwrap();
    }
    for (typed, want) in [
        ("o'brien", "O'Brien Åsa"),
        ("'b", "O'Brien Åsa"),
        ("k\\s", "Back\\slash Bo"),
        ("dra%", "Hundra% Hugo"),
        ("r_s", "Under_score Ulla"),
        ("'; drop table users; --", ""),
        ("\\'", ""),
    ] {
        let p = ListParams { q: Some(typed.into()), page: 1, per_page: Some(50), ..Default::default() };
        let users = repo::users::list(s.read(), &all, &Default::default(), &p).await.unwrap();
        let got: Vec<&str> = users.items.iter().map(|u| u.display_name.as_str()).collect();
        let expect: Vec<&str> = [want].into_iter().filter(|w| !w.is_empty()).collect();
        assert_eq!(got, expect, "{b}: users {typed:?}");
        assert_eq!(users.total, expect.len() as u64, "{b}: users {typed:?}");
        let people = repo::users::people(s.read(), &all, typed, 10).await.unwrap();
        let got: Vec<&str> = people.iter().map(|u| u.display_name.as_str()).collect();
        assert_eq!(got, expect, "{b}: people {typed:?}");
        let units = repo::org::list(s.read(), &all, &Default::default(), &p).await.unwrap();
        let got: Vec<&str> = units.items.iter().map(|u| u.name.as_str()).collect();
        assert_eq!(got, expect, "{b}: units {typed:?}");
    }
    // The users table is still there, whole.
    assert_eq!(everyone(s.clone()).await, before + names.len() as u64, "{b}");
    s.close().await;
    d.cleanup().await;
}

/// A page's reads sent together (`varn_store::batch::Reads`: on SQLite one command to one
/// connection, each statement binding its own parameters in order) give each read exactly the
/// rows it gives alone, including none; inside a transaction they run one by one with the same
/// result; a read that fails fails the batch and leaves the pool usable (on SQLite the batch
/// runs in one transaction: unless the failure rolls it back, the next batch on that
/// connection cannot begin its own).
#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn a_batch_of_reads_gives_each_read_its_own_rows(#[case] b: &str) {
    use sea_orm::{SelectGetableTuple, TransactionTrait};
    use varn_store::batch::Reads;
    use varn_store::repo::stmt;
    if skip(b) {
        return;
    }
    let db = TestDb::new(b).await;
    let store = db.store().await;
    let r = store.read();
    let names = |cut: &str| stmt(r, "SELECT name FROM varn_migrations WHERE name > ? ORDER BY name", vec![cut.into()]);
    let count = || stmt(r, "SELECT COUNT(*) AS n FROM varn_migrations WHERE name < ?", vec!["m0005".into()]);
    let none = || stmt(r, "SELECT name FROM varn_migrations WHERE name = ?", vec!["ingen".into()]);
    let pair = || stmt(r, "SELECT CAST(? AS TEXT) AS a, CAST(? AS BIGINT) AS b", vec!["x".into(), 7i64.into()]);
    let alone_later: Vec<String> = r.query_all(names("m0010")).await.unwrap().iter().map(|q| q.try_get_by_index(0).unwrap()).collect();
    let alone_all: Vec<String> = r.query_all(names("")).await.unwrap().iter().map(|q| q.try_get_by_index(0).unwrap()).collect();
    assert!(alone_later.len() >= 5 && alone_all.len() > alone_later.len(), "{b}: {alone_later:?}");

    async fn run<D: ConnectionTrait + 'static>(
        on: &D,
        sts: [Statement; 5],
    ) -> Result<(Vec<String>, Vec<i64>, Vec<String>, Vec<(String, i64)>, Vec<String>), sea_orm::DbErr> {
        let [a, c, n, p, all] = sts;
        let mut reads = Reads::on(on);
        let (a, c, n, p, all) = (
            reads.add_statement::<SelectGetableTuple<String>>(a),
            reads.add_statement::<SelectGetableTuple<i64>>(c),
            reads.add_statement::<SelectGetableTuple<String>>(n),
            reads.add_statement::<SelectGetableTuple<(String, i64)>>(p),
            reads.add_statement::<SelectGetableTuple<String>>(all),
        );
        assert_eq!(reads.len(), 5);
        let mut got = reads.run(on).await?;
        Ok((got.take(a)?, got.take(c)?, got.take(n)?, got.take(p)?, got.take(all)?))
    }
    let expect_count: i64 = r.query_one(count()).await.unwrap().unwrap().try_get_by_index(0).unwrap();
    let together = run(r, [names("m0010"), count(), none(), pair(), names("")]).await.unwrap();
    assert_eq!(together.0, alone_later, "{b}");
    assert_eq!(together.1, vec![expect_count], "{b}");
    assert!(together.2.is_empty(), "{b}");
    assert_eq!(together.3, vec![("x".to_owned(), 7)], "{b}: each statement binds its own parameters");
    assert_eq!(together.4, alone_all, "{b}");

    let txn = store.write().begin().await.unwrap();
    let in_txn = run(&txn, [names("m0010"), count(), none(), pair(), names("")]).await.unwrap();
    txn.rollback().await.unwrap();
    assert_eq!(in_txn, together, "{b}");

    let broken = stmt(r, "SELECT name FROM no_such_table WHERE name = ?", vec!["x".into()]);
    assert!(run(r, [names("m0010"), broken, none(), pair(), names("")]).await.is_err(), "{b}");
    for _ in 0..8 {
        assert_eq!(run(r, [names("m0010"), count(), none(), pair(), names("")]).await.unwrap(), together, "{b}: the pool still answers");
    }
    store.close().await;
    db.cleanup().await;
}

/// A handler's open incidents are read through their own index on PostgreSQL's plan made for
/// any handler, even where one person handles nearly every incident (the statistics' average
/// handler then holds them all): the column is told its handlers are many (migration m0025).
/// Without that setting the same statistics give the plan that reads every open incident.
#[tokio::test]
async fn postgres_plans_a_handlers_open_incidents_through_their_index() {
    if skip("postgres") {
        return;
    }
    use sea_orm::TransactionTrait;
    let t_ = TestApp::spawn("postgres").await;
    let db = t_.app.store.write();
    let pg = sea_orm::DbBackend::Postgres;
    let run = |sql: &str| Statement::from_string(pg, sql.to_owned());
    let sara = t_.ids["sara.lindqvist"];
    // Three thousand open incidents, all handled by Sara, copied from one of the demo's.
    let cols: Vec<String> = db
        .query_all(run("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'incidents' AND column_name <> 'id' ORDER BY ordinal_position"))
        .await
        .unwrap()
        .iter()
        .map(|r| r.try_get_by_index::<String>(0).unwrap())
        .collect();
    let values: Vec<String> = cols
        .iter()
        .map(|c| match c.as_str() {
            "handler_user_id" => sara.to_string(),
            "status" => "'rapporterad'".to_owned(),
            c => format!("i.{c}"),
        })
        .collect();
    let copy = format!(
        "INSERT INTO incidents ({}) SELECT {} FROM incidents i, generate_series(1, 3000) WHERE i.id = (SELECT MIN(id) FROM incidents)",
        cols.join(", "),
        values.join(", ")
    );
    db.execute(run(&copy)).await.unwrap();
    db.execute(run(&format!("UPDATE incidents SET handler_user_id = {sara} WHERE handler_user_id IS NOT NULL"))).await.unwrap();
    let st = &t_.app.store;
    let options = || async move {
        let q = "SELECT array_to_string(attoptions, ',') FROM pg_attribute WHERE attrelid = 'incidents'::regclass AND attname = 'handler_user_id'";
        st.write().query_one(run(q)).await.unwrap().and_then(|r| r.try_get_by_index::<Option<String>>(0).ok().flatten())
    };
    let set = options().await.unwrap_or_default();
    assert!(set.split(',').any(|o| o == "n_distinct=-0.01"), "set by the migration: {set}");
    let plan = |reset: bool| async move {
        let db = st.write();
        if reset {
            db.execute(run("ALTER TABLE incidents ALTER COLUMN handler_user_id RESET (n_distinct)")).await.unwrap();
        }
        db.execute(run("ANALYZE incidents")).await.unwrap();
        let t = st.read().begin().await.unwrap();
        let open = "'rapporterad', 'under_utredning', 'begransad', 'atgardad'";
        // A prepared statement outlives the transaction and stays on the pooled connection,
        // so each plan gets its own name and is deallocated before the connection goes back.
        let name = if reset { "handled_reset" } else { "handled_set" };
        t.execute(run(&format!("PREPARE {name}(bigint) AS SELECT id FROM incidents WHERE handler_user_id = $1 AND status IN ({open})")))
            .await
            .unwrap();
        let rows = t.query_all(run(&format!("EXPLAIN EXECUTE {name}(1)"))).await.unwrap();
        t.execute(run(&format!("DEALLOCATE {name}"))).await.unwrap();
        t.rollback().await.unwrap();
        rows.iter().map(|r| r.try_get_by_index::<String>(0).unwrap()).collect::<Vec<String>>().join("\n")
    };
    // As the migration left it, analysed with the new incidents.
    let with = plan(false).await;
    assert!(with.contains("$1") && with.contains("ix_incidents_handler_status"), "the handler's index: {with}");
    let without = plan(true).await;
    let reset = options().await.unwrap_or_default();
    assert!(!reset.contains("n_distinct"), "reset: {reset}");
    assert!(!without.contains("ix_incidents_handler_status"), "the statistics alone give another plan: {without}");
    t_.stop().await;
}

/// A connection goes back to its pool in the drop itself, with no ping and no task (our patch of
/// SQLx, vendor/sqlx-core/VARN-PATCH.md: upstream pings every released connection in a spawned
/// task, so on this single-threaded test runtime it would still be out of the pool after the
/// drop). A transaction dropped without a commit is still rolled back: on SQLite before the next
/// statement on that connection; on PostgreSQL at once, so its locks do not wait for the
/// connection's next use (another connection takes the table's strongest lock).
#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn a_released_connection_is_back_at_once_and_a_dropped_transaction_still_rolls_back(#[case] b: &str) {
    use sea_orm::sqlx;
    use sea_orm::TransactionTrait;
    if skip(b) {
        return;
    }
    let db = TestDb::new(b).await;
    let store = db.store().await;
    let w = store.write();
    let st = |sql: &str| Statement::from_string(w.get_database_backend(), sql.to_owned());
    w.execute(st("CREATE TABLE release_check (x BIGINT NOT NULL)")).await.unwrap();

    for round in 0..3 {
        let idle_before;
        if db.is_postgres() {
            let pool = store.read().get_postgres_connection_pool();
            let mut c = pool.acquire().await.unwrap();
            sqlx::query("SELECT 1").execute(&mut *c).await.unwrap();
            idle_before = pool.num_idle();
            drop(c);
            assert_eq!(pool.num_idle(), idle_before + 1, "{b} round {round}: back in the pool in the drop");
        } else {
            let pool = store.read().get_sqlite_connection_pool();
            let mut c = pool.acquire().await.unwrap();
            sqlx::query("SELECT 1").execute(&mut *c).await.unwrap();
            idle_before = pool.num_idle();
            drop(c);
            assert_eq!(pool.num_idle(), idle_before + 1, "{b} round {round}: back in the pool in the drop");
        }
    }

    let txn = w.begin().await.unwrap();
    txn.execute(st("INSERT INTO release_check (x) VALUES (1)")).await.unwrap();
    drop(txn);
    if db.is_postgres() {
        // A connection of its own, outside the pool: it waits up to ten seconds for the lock the
        // dropped transaction's insert held, which only its rollback releases.
        use sqlx::Connection;
        let mut other = sqlx::PgConnection::connect(&db.url).await.unwrap();
        let mut t = other.begin().await.unwrap();
        sqlx::query("SET LOCAL lock_timeout = '10s'").execute(&mut *t).await.unwrap();
        sqlx::query("LOCK TABLE release_check IN ACCESS EXCLUSIVE MODE")
            .execute(&mut *t)
            .await
            .expect("postgres: the dropped transaction's lock is released without another use of its connection");
        t.rollback().await.unwrap();
        other.close().await.unwrap();
    }
    let count = |q: Option<sea_orm::QueryResult>| q.unwrap().try_get_by_index::<i64>(0).unwrap();
    assert_eq!(count(w.query_one(st("SELECT COUNT(*) FROM release_check")).await.unwrap()), 0, "{b}: rolled back");
    let txn = w.begin().await.unwrap();
    txn.execute(st("INSERT INTO release_check (x) VALUES (2)")).await.unwrap();
    txn.commit().await.unwrap();
    assert_eq!(count(w.query_one(st("SELECT COUNT(*) FROM release_check")).await.unwrap()), 1, "{b}: the next transaction commits");
    store.close().await;
    db.cleanup().await;
}

/// A request dropped while its batch of reads runs on a SQLite connection with a worker thread
/// (the client went away) leaves no transaction open on a pooled connection: the batch is cut
/// off after its `BEGIN`, during a long read, and every later batch still begins its own
/// transaction and answers. Without the batch's guard the cut-off connection went back to the
/// pool inside its transaction and the next batch on it failed ("cannot start a transaction
/// within a transaction"). Värn's read pool runs its statements on the calling task, where a
/// batch cannot be cut off midway (the next test); the guard is for a pool with worker threads,
/// which this test opens on the same database.
#[tokio::test]
async fn a_batch_cut_off_midway_leaves_no_transaction_open_on_the_pool() {
    use sea_orm::sqlx;
    use sea_orm::SelectGetableTuple;
    use std::str::FromStr;
    use varn_store::batch::Reads;
    use varn_store::repo::stmt;
    let db = TestDb::new("sqlite").await;
    let store = db.store().await;
    let opts = sqlx::sqlite::SqliteConnectOptions::from_str(&db.url).unwrap();
    let threaded = sqlx::sqlite::SqlitePoolOptions::new().max_connections(2).connect_with(opts).await.unwrap();
    let threaded = sea_orm::SqlxSqliteConnector::from_sqlx_sqlite_pool(threaded);
    let r = &threaded;
    let long = || {
        stmt(
            r,
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ?) SELECT COUNT(*) FROM c",
            vec![20_000_000i64.into()],
        )
    };
    let short = || stmt(r, "SELECT COUNT(*) FROM varn_migrations WHERE name > ?", vec!["".into()]);
    let run = |a: Statement, b: Statement| async move {
        let mut reads = Reads::on(r);
        let (a, b) = (reads.add_statement::<SelectGetableTuple<i64>>(a), reads.add_statement::<SelectGetableTuple<i64>>(b));
        let mut got = reads.run(r).await?;
        Ok::<_, sea_orm::DbErr>((got.take(a)?, got.take(b)?))
    };
    let expected = run(short(), short()).await.unwrap();
    assert!(expected.0[0] > 10, "{expected:?}");
    let cut = tokio::time::timeout(std::time::Duration::from_millis(300), run(short(), long())).await;
    assert!(cut.is_err(), "the long read must still run when the request is dropped");
    for i in 0..10 {
        assert_eq!(run(short(), short()).await.expect("a later batch begins its own transaction"), expected, "batch {i}");
    }
    threaded.close().await.unwrap();
    store.close().await;
    db.cleanup().await;
}

/// Polls a future once, as the runtime first does: its output if it is done by then.
fn first_poll<F: std::future::Future>(f: F) -> Option<F::Output> {
    let mut f = std::pin::pin!(f);
    match f.as_mut().poll(&mut std::task::Context::from_waker(std::task::Waker::noop())) {
        std::task::Poll::Ready(out) => Some(out),
        std::task::Poll::Pending => None,
    }
}

/// Dates and time stamps read from SQLite's text as chrono reads them: the two forms Värn
/// writes (`2026-11-28`, `2026-11-28T10:15:07+00:00`) by the patched driver's own reader
/// (vendor/sqlx-sqlite/VARN-PATCH.md), every other form and every impossible date the
/// upstream way.
#[tokio::test]
async fn sqlite_reads_dates_and_time_stamps_as_chrono_parses_them() {
    use chrono::{DateTime, NaiveDate, Utc};
    let db = TestDb::new("sqlite").await;
    let store = db.store().await;
    let r = store.read();
    let text = |t: &str| Statement::from_sql_and_values(r.get_database_backend(), "SELECT ?", vec![t.into()]);
    // The last one is not in Värn's form: chrono's pattern reads it all the same.
    for t in ["2026-11-28", "2024-02-29", "0001-01-01", "9999-12-31", "2026-1-01"] {
        let row = r.query_one(text(t)).await.unwrap().unwrap();
        assert_eq!(row.try_get_by_index::<NaiveDate>(0).unwrap(), NaiveDate::parse_from_str(t, "%F").unwrap(), "{t}");
    }
    for t in ["2023-02-29", "2026-13-01", "2026-11-31", "28/11/2026"] {
        let row = r.query_one(text(t)).await.unwrap().unwrap();
        assert!(row.try_get_by_index::<NaiveDate>(0).is_err(), "{t} is no date");
    }
    for t in [
        "2026-11-28T10:15:07+00:00",
        "2024-02-29T23:59:59+00:00",
        "2026-11-28T10:15:07.250+00:00",
        "2026-11-28T10:15:07+01:00",
        "2026-11-28T10:15:07Z",
    ] {
        let row = r.query_one(text(t)).await.unwrap().unwrap();
        let want = DateTime::parse_from_rfc3339(t).unwrap().with_timezone(&Utc);
        assert_eq!(row.try_get_by_index::<DateTime<Utc>>(0).unwrap(), want, "{t}");
    }
    for t in ["2026-11-28T24:00:00+00:00", "2026-02-30T10:00:00+00:00", "soon"] {
        let row = r.query_one(text(t)).await.unwrap().unwrap();
        assert!(row.try_get_by_index::<DateTime<Utc>>(0).is_err(), "{t} is no time stamp");
    }
    // What Värn writes reads back as written.
    let now = DateTime::parse_from_rfc3339("2026-12-05T14:40:09+00:00").unwrap().with_timezone(&Utc);
    let row = r.query_one(Statement::from_sql_and_values(r.get_database_backend(), "SELECT ?", vec![now.into()])).await.unwrap().unwrap();
    assert_eq!(row.try_get_by_index::<DateTime<Utc>>(0).unwrap(), now);
}

/// A text read as a `String` on SQLite is checked as UTF-8 whatever its bytes (the patched
/// driver takes ASCII without `from_utf8`: vendor/sqlx-sqlite/VARN-PATCH.md): ASCII, Swedish
/// letters and other characters read back as stored; bytes that are not UTF-8 (SQLite keeps
/// them as text when told to) are an error wherever they sit, at the start, after a word of
/// ASCII, at the end, or a character cut short. And each storage class (a blob, NULL, an
/// integer, a real, empty text and blob) reads back as stored.
#[tokio::test]
async fn sqlite_reads_text_as_utf8_and_refuses_what_is_not() {
    let db = TestDb::new("sqlite").await;
    let store = db.store().await;
    let r = store.read();
    let backend = r.get_database_backend();
    for t in ["", "a", "Incident 2026-11-28 nr 17", "Säkerhetsincident på förskolan Ängen", "ÅÄÖ", "abcdefgh€", "😀 emoji"] {
        let row = r.query_one(Statement::from_sql_and_values(backend, "SELECT ?", vec![t.into()])).await.unwrap().unwrap();
        assert_eq!(row.try_get_by_index::<String>(0).unwrap(), t);
    }
    for hex in ["ff", "ff41", "4142434445464748ff", "41424344454647484950ff", "c3", "414243c3", "e282", "c328", "ed9fbfedbfbf"] {
        let sql = format!("SELECT CAST(x'{hex}' AS TEXT)");
        let row = r.query_one(Statement::from_string(backend, sql)).await.unwrap().unwrap();
        assert!(row.try_get_by_index::<String>(0).is_err(), "x'{hex}' is not UTF-8");
    }
    // Each storage class read from the row as it was stored (the driver reads a column's
    // value once and then through SQLite's value functions).
    let sql = "SELECT x'00ff10', NULL, -42, 2.5, '', x'', 'å', 9223372036854775807";
    let row = r.query_one(Statement::from_string(backend, sql)).await.unwrap().unwrap();
    assert_eq!(row.try_get_by_index::<Vec<u8>>(0).unwrap(), vec![0, 255, 16]);
    assert_eq!(row.try_get_by_index::<Option<String>>(1).unwrap(), None);
    assert_eq!(row.try_get_by_index::<i64>(2).unwrap(), -42);
    assert_eq!(row.try_get_by_index::<f64>(3).unwrap(), 2.5);
    assert_eq!(row.try_get_by_index::<String>(4).unwrap(), "");
    assert_eq!(row.try_get_by_index::<Vec<u8>>(5).unwrap(), Vec::<u8>::new());
    assert_eq!(row.try_get_by_index::<String>(6).unwrap(), "å");
    assert_eq!(row.try_get_by_index::<i64>(7).unwrap(), i64::MAX);
}

/// A row's values found by their columns' names as upstream finds them, whatever order they are
/// read in (the patched driver compares names from where the last lookup left off:
/// vendor/sqlx-sqlite/VARN-PATCH.md): in order, backwards, one name twice, a name two columns
/// share (the last of them, as SQLx's map of names gives), a name the row lacks (an error); and a
/// NULL read into an `Option` is `None`, into a value an error that names the column (the
/// patched SeaORM: vendor/sea-orm/VARN-PATCH.md). On both databases.
#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn a_rows_values_are_found_by_their_columns_names_in_any_order(#[case] kind: &str) {
    if skip(kind) {
        return;
    }
    let db = TestDb::new(kind).await;
    let store = db.store().await;
    let r = store.read();
    let sql = "SELECT 1 AS a, 'två' AS b, NULL AS c, 4 AS d, 5 AS e";
    let row = r.query_one(Statement::from_string(r.get_database_backend(), sql)).await.unwrap().unwrap();
    let int = |name: &str| row.try_get::<i32>("", name).unwrap_or_else(|e| panic!("{kind} {name}: {e}"));
    assert_eq!((int("a"), row.try_get::<String>("", "b").unwrap(), int("d"), int("e")), (1, "två".to_owned(), 4, 5), "{kind}");
    assert_eq!((int("e"), int("d"), int("a"), int("a"), int("e")), (5, 4, 1, 1, 5), "{kind}: backwards and again");
    assert_eq!(row.try_get::<Option<i32>>("", "c").unwrap(), None, "{kind}");
    assert_eq!(row.try_get::<Option<i32>>("", "d").unwrap(), Some(4), "{kind}");
    let null = row.try_get::<i32>("", "c").unwrap_err().to_string();
    assert!(null.ends_with("A null value was encountered while decoding c"), "{kind}: {null}");
    assert!(row.try_get::<i32>("", "f").is_err(), "{kind}: no column f");
    let shared = "SELECT 1 AS a, 2 AS x, 3 AS a";
    let row = r.query_one(Statement::from_string(r.get_database_backend(), shared)).await.unwrap().unwrap();
    // SQLx's map of names (both drivers) keeps the last column of a name.
    assert_eq!((row.try_get::<i32>("", "a").unwrap(), row.try_get::<i32>("", "x").unwrap()), (3, 2), "{kind}");
    assert_eq!(row.try_get::<i32>("", "a").unwrap(), 3, "{kind}: again, after x");
    drop(store);
    db.cleanup().await;
}

/// An identifier is written as upstream writes it (the patched sea-query writes it without
/// `String`s of its own: vendor/sea-query/VARN-PATCH.md): in quotes, each quote character in it
/// doubled, a name longer than the writer's 64-byte buffer whole; and the database names the
/// column by it. On both databases (PostgreSQL cuts a name at 63 bytes, so it reads back only
/// the shorter ones; SQLite all).
#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn identifiers_are_quoted_as_upstream_quotes_them(#[case] kind: &str) {
    use sea_orm::sea_query::{Alias, Expr, Query};
    if skip(kind) {
        return;
    }
    let long = "ett namn längre än sextiofyra byte, med \"citattecken\" och å, ä och ö i sig";
    assert!(long.len() > 64);
    let names = ["plain", "a\"b", "\"", "\"\"x\"", &"x".repeat(63), &format!("{}\"", "y".repeat(63)), long];
    let db = TestDb::new(kind).await;
    let store = db.store().await;
    let r = store.read();
    for (i, name) in names.iter().enumerate() {
        let q = Query::select().expr_as(Expr::val(i as i32), Alias::new(*name)).to_owned();
        let st = r.get_database_backend().build(&q);
        assert_eq!(st.sql, format!("SELECT {} AS \"{}\"", if kind == "sqlite" { "?" } else { "$1" }, name.replace('"', "\"\"")), "{kind}");
        let row = r.query_one(st).await.unwrap().unwrap();
        if kind == "sqlite" || name.len() <= 63 {
            assert_eq!(row.try_get::<i32>("", name).unwrap_or_else(|e| panic!("{kind} {name}: {e}")), i as i32, "{kind}");
        }
    }
    drop(store);
    db.cleanup().await;
}

/// SQLite's pools run each statement on the task that sends it (our patch of SQLx's driver,
/// vendor/sqlx-sqlite/VARN-PATCH.md): a read, a batch of reads and a write are done at their
/// future's first poll, where a connection with a worker thread (the control, opened here on the
/// same database) has only sent the statement and waits for the thread's answer. And what the
/// worker thread did, the calling task now does right: a transaction dropped without commit is
/// rolled back before the connection's next use (its next `BEGIN` would fail inside it; the
/// writer's insert is gone), a batch whose statement fails leaves no transaction open, and a
/// statement's error reaches its caller.
#[tokio::test]
async fn sqlites_pools_run_their_statements_on_the_calling_task() {
    use sea_orm::sqlx;
    use sea_orm::SelectGetableTuple;
    use varn_store::batch::Reads;
    use varn_store::repo::stmt;
    let db = TestDb::new("sqlite").await;
    let store = db.store().await;
    let (r, w) = (store.read(), store.write());
    let count = || stmt(r, "SELECT COUNT(*) FROM varn_migrations WHERE name > ?", vec!["".into()]);
    let n = r.query_one(count()).await.unwrap().unwrap().try_get_by_index::<i64>(0).unwrap();
    assert!(n > 10, "{n}");

    let once = first_poll(r.query_one(count())).expect("a read on the read pool is done at its first poll");
    assert_eq!(once.unwrap().unwrap().try_get_by_index::<i64>(0).unwrap(), n);
    let batch = first_poll(async {
        let mut reads = Reads::on(r);
        let (a, b) = (reads.add_statement::<SelectGetableTuple<i64>>(count()), reads.add_statement::<SelectGetableTuple<i64>>(count()));
        let mut got = reads.run(r).await?;
        Ok::<_, sea_orm::DbErr>((got.take(a)?, got.take(b)?))
    })
    .expect("a batch of reads is done at its first poll");
    assert_eq!(batch.unwrap(), (vec![n], vec![n]));
    let wst = stmt(w, "SELECT COUNT(*) FROM varn_migrations WHERE name > ?", vec!["".into()]);
    assert!(first_poll(w.query_one(wst)).is_some(), "a statement on the writer is done at its first poll");
    let opts = {
        use std::str::FromStr;
        sqlx::sqlite::SqliteConnectOptions::from_str(&db.url).unwrap()
    };
    let threaded = sqlx::sqlite::SqlitePoolOptions::new().max_connections(1).connect_with(opts).await.unwrap();
    let threaded = sea_orm::SqlxSqliteConnector::from_sqlx_sqlite_pool(threaded);
    let tst = stmt(&threaded, "SELECT COUNT(*) FROM varn_migrations WHERE name > ?", vec!["".into()]);
    threaded.query_one(tst.clone()).await.unwrap();
    assert!(first_poll(threaded.query_one(tst)).is_none(), "a connection with a worker thread is not done at its first poll");
    threaded.close().await.unwrap();

    // A write transaction dropped without commit: its insert is gone and the writer begins the next.
    {
        use sea_orm::TransactionTrait;
        w.execute(stmt(w, "CREATE TABLE inline_check (x BIGINT NOT NULL)", vec![])).await.unwrap();
        let txn = w.begin().await.unwrap();
        txn.execute(stmt(w, "INSERT INTO inline_check (x) VALUES (?)", vec![1i64.into()])).await.unwrap();
        drop(txn);
        let txn = w.begin().await.expect("the writer begins the next transaction");
        txn.execute(stmt(w, "INSERT INTO inline_check (x) VALUES (?)", vec![2i64.into()])).await.unwrap();
        txn.commit().await.unwrap();
        let xs = r.query_all(stmt(r, "SELECT x FROM inline_check ORDER BY x", vec![])).await.unwrap();
        let xs: Vec<i64> = xs.iter().map(|q| q.try_get_by_index::<i64>(0).unwrap()).collect();
        assert_eq!(xs, vec![2], "the dropped transaction's insert was rolled back");
    }

    // A read transaction dropped without commit, on one connection of the pool.
    let pool = r.get_sqlite_connection_pool();
    let mut c = pool.acquire().await.unwrap();
    {
        use sqlx::Connection;
        let mut t = c.begin().await.unwrap();
        let got: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM varn_migrations").fetch_one(&mut *t).await.unwrap();
        assert_eq!(got.0, n);
    }
    sqlx::query("BEGIN").execute(&mut *c).await.expect("the dropped transaction was rolled back");
    sqlx::query("ROLLBACK").execute(&mut *c).await.unwrap();
    drop(c);

    // A batch whose second read fails: its error is the caller's, and every connection of the
    // pool still begins the next batch's transaction.
    let bad = stmt(r, "SELECT json_extract(?, '$.a')", vec!["not json".into()]);
    let mut reads = Reads::on(r);
    let (_a, _b) = (reads.add_statement::<SelectGetableTuple<i64>>(count()), reads.add_statement::<SelectGetableTuple<i64>>(bad));
    let err = reads.run(r).await.expect_err("malformed JSON fails the batch");
    assert!(err.to_string().contains("malformed JSON"), "{err}");
    let held: Vec<_> = hold_connections(pool, 4).await;
    for (i, mut c) in held.into_iter().enumerate() {
        sqlx::query("BEGIN").execute(&mut *c).await.unwrap_or_else(|e| panic!("connection {i}: {e}"));
        sqlx::query("ROLLBACK").execute(&mut *c).await.unwrap();
    }
    store.close().await;
    db.cleanup().await;
}

/// `n` connections of the pool held at once (so that the one a failed batch used is among them).
async fn hold_connections(pool: &sea_orm::sqlx::SqlitePool, n: usize) -> Vec<sea_orm::sqlx::pool::PoolConnection<sea_orm::sqlx::Sqlite>> {
    let mut held = Vec::with_capacity(n);
    for _ in 0..n {
        held.push(pool.acquire().await.unwrap());
    }
    held
}
