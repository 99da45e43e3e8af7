//! The audit chain against someone who can write to the database: a chain recomputed after
//! an edit and a chain cut short both fail verification.

use crate::helpers::*;
use rstest::rstest;
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, QueryOrder, Statement};
use varn_domain::audit::{chain_hash, AuditKey};
use varn_store::entity::audit_log;
use varn_store::repo::audit::{content, Verdict};

/// What an attacker with the database's password does first: the append-only triggers go.
async fn drop_guards(t: &TestApp) {
    let db = t.app.store.write();
    let drop = if t.db.is_postgres() {
        vec!["DROP TRIGGER audit_log_append_only ON audit_log"]
    } else {
        vec!["DROP TRIGGER audit_log_no_update", "DROP TRIGGER audit_log_no_delete"]
    };
    for d in drop {
        db.execute(Statement::from_string(db.get_database_backend(), d)).await.unwrap();
    }
}

/// Rewrites rows `from..` with `key` (the attacker's best guess) and moves the head to the
/// new last hash: the chain is whole in itself, as far as the attacker can make it.
async fn rehash_from(db: &DatabaseConnection, key: &AuditKey, from: i64) {
    let rows = audit_log::Entity::find().order_by_asc(audit_log::Column::Id).all(db).await.unwrap();
    let backend = db.get_database_backend();
    let mut prev = rows.iter().find(|r| r.id == from - 1).map(|r| r.hash.clone()).unwrap();
    for r in rows.iter().filter(|r| r.id >= from) {
        let mut m = r.clone();
        m.prev_hash = prev.clone();
        m.hash = chain_hash(key, &prev, &content(&m));
        let sql = format!("UPDATE audit_log SET prev_hash = '{}', hash = '{}' WHERE id = {}", m.prev_hash, m.hash, m.id);
        db.execute(Statement::from_string(backend, sql)).await.unwrap();
        prev = m.hash;
    }
    let sql = format!("UPDATE audit_head SET last_hash = '{prev}' WHERE id = 1");
    db.execute(Statement::from_string(backend, sql)).await.unwrap();
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn a_recomputed_chain_fails_without_the_key(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    drop_guards(&t).await;
    let db = t.app.store.write();
    let sql = "UPDATE audit_log SET after_json = '{\"name\":\"Förfalskad\"}' WHERE id = 5";
    db.execute(Statement::from_string(db.get_database_backend(), sql)).await.unwrap();
    // The attacker recomputes everything from the edited row on, without the key (the
    // library's own fixed test key is the best public guess there is).
    rehash_from(db, &AuditKey::for_tests(), 5).await;
    assert_eq!(t.app.audit_verify().await.unwrap(), Verdict::Broken { seq: 5, reason: "content" }, "{b}");
    // With the key the same recomputation would pass: the key is what holds.
    rehash_from(db, t.app.store.audit_key(), 5).await;
    assert!(matches!(t.app.audit_verify().await.unwrap(), Verdict::Whole { .. }), "{b}");
    t.stop().await;
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn a_truncated_chain_fails_against_the_signed_checkpoint(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("audit-checkpoints.log");
    let cfg = varn_app::AppConfig { audit_checkpoint_file: Some(file.clone()), ..test_config() };
    let app = varn_app::App::new(t.app.store.clone(), cfg).unwrap();
    let cp = app.audit_checkpoint(false).await.unwrap().unwrap();
    assert!(app.audit_checkpoint(true).await.unwrap().is_none(), "no new checkpoint while the log has not grown");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
    }
    assert!(matches!(app.audit_verify().await.unwrap(), Verdict::Whole { .. }), "{b}");

    // The attacker removes the three newest rows and moves the head back to the new last row.
    drop_guards(&t).await;
    let db = t.app.store.write();
    let backend = db.get_database_backend();
    db.execute(Statement::from_string(backend, format!("DELETE FROM audit_log WHERE id > {}", cp.seq - 3))).await.unwrap();
    let last = audit_log::Entity::find_by_id(cp.seq - 3).one(db).await.unwrap().unwrap();
    let sql = format!("UPDATE audit_head SET last_seq = {}, last_hash = '{}' WHERE id = 1", last.id, last.hash);
    db.execute(Statement::from_string(backend, sql)).await.unwrap();
    // Without the checkpoint the shorter chain is whole in itself; with it, it is not.
    assert!(matches!(t.app.audit_verify().await.unwrap(), Verdict::Whole { .. }), "{b}");
    assert_eq!(app.audit_verify().await.unwrap(), Verdict::Broken { seq: cp.seq - 2, reason: "truncated" }, "{b}");

    // A checkpoint line forged without the key is itself a break.
    let forged = std::fs::read_to_string(&file).unwrap().replace(&format!("\"seq\":{}", cp.seq), &format!("\"seq\":{}", last.id));
    std::fs::write(&file, forged).unwrap();
    assert_eq!(app.audit_verify().await.unwrap(), Verdict::Broken { seq: last.id, reason: "checkpoint_signature" }, "{b}");
    t.stop().await;
}

fn lane_row(action: &str) -> varn_store::repo::audit::NewAudit {
    varn_store::repo::audit::NewAudit {
        actor_name: "system".into(),
        action: action.into(),
        entity_type: "test".into(),
        ..Default::default()
    }
}

/// Writers whose commits are in flight at once append in lanes of their own (PostgreSQL; a
/// transaction that holds a lane keeps appending in it); SQLite's one writer appends in lane
/// 1. The lanes together are one whole log, counted whole by the audit list and checked
/// lane by lane, and a lane cut short is caught by the checkpoint that saw it.
#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn writers_in_flight_append_in_lanes_of_their_own(#[case] b: &str) {
    use sea_orm::TransactionTrait;
    use varn_store::repo::audit::append;
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    // The demo city's writes were acknowledged after the group sync of SQLite's WAL: every
    // one of them is counted as on the disk, by fewer or as many syncs.
    match t.app.store.wal_counts() {
        Some((commits, synced, syncs)) => {
            assert!(commits > 0 && synced == commits && (1..=commits).contains(&syncs), "{b}: {commits} {synced} {syncs}")
        }
        None => assert!(t.db.is_postgres(), "{b}: SQLite's default durability syncs the WAL after commits"),
    }
    let (db, key) = (t.app.store.write(), t.app.store.audit_key());
    let reader = t.app.store.read().clone();
    let lane_of = |id: i64| {
        let reader = reader.clone();
        async move { audit_log::Entity::find_by_id(id).one(&reader).await.unwrap().unwrap().lane }
    };
    let (first, second, other) = if t.db.is_postgres() {
        let a = db.begin().await.unwrap();
        let first = append(&a, key, lane_row("test.first")).await.unwrap();
        let b2 = db.begin().await.unwrap();
        let other = append(&b2, key, lane_row("test.other")).await.unwrap();
        let second = append(&a, key, lane_row("test.second")).await.unwrap();
        // The later transaction commits first: the log's order is the ids'.
        b2.commit().await.unwrap();
        a.commit().await.unwrap();
        (first, second, other)
    } else {
        let mut ids = vec![];
        for action in ["test.first", "test.other", "test.second"] {
            let txn = db.begin().await.unwrap();
            ids.push(append(&txn, key, lane_row(action)).await.unwrap());
            txn.commit().await.unwrap();
        }
        (ids[0], ids[2], ids[1])
    };
    assert!(first < other && other < second, "{b}: ids in the order they were taken: {first} {other} {second}");
    assert_eq!((lane_of(first).await, lane_of(second).await), (1, 1), "{b}");
    let other_lane = if t.db.is_postgres() { 2 } else { 1 };
    assert_eq!(lane_of(other).await, other_lane, "{b}: the writer that found lane 1 held took the next");

    let rows = audit_log::Entity::find().all(t.app.store.read()).await.unwrap().len() as i64;
    assert_eq!(t.app.audit_verify().await.unwrap(), Verdict::Whole { rows }, "{b}");
    let admin = t.app.store.read();
    let all = varn_store::repo::audit::list(admin, &varn_domain::Scope::All, &Default::default(), &varn_store::repo::ListParams::default())
        .await
        .unwrap();
    assert_eq!(all.total, rows as u64, "{b}: the list counts every lane's rows");
    // The whole log's pages (their statements built once per page asked and kept): read
    // twice in each direction, they are every row once, in the order of their ids.
    let mut every: Vec<i64> = audit_log::Entity::find().all(admin).await.unwrap().iter().map(|r| r.id).collect();
    every.sort_unstable();
    for dir in [varn_store::repo::Dir::Asc, varn_store::repo::Dir::Desc] {
        let want: Vec<i64> = if dir == varn_store::repo::Dir::Asc { every.clone() } else { every.iter().rev().copied().collect() };
        for _ in 0..2 {
            let mut got = vec![];
            for page in 1..=(rows as u64).div_ceil(2) {
                let p = varn_store::repo::ListParams { page, per_page: Some(2), dir, ..Default::default() };
                let one = varn_store::repo::audit::list(admin, &varn_domain::Scope::All, &Default::default(), &p).await.unwrap();
                assert_eq!(one.total, rows as u64, "{b}");
                got.extend(one.items.iter().map(|r| r.id));
            }
            assert_eq!(got, want, "{b}: {dir:?}");
        }
    }

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("audit-checkpoints.log");
    let cfg = varn_app::AppConfig { audit_checkpoint_file: Some(file.clone()), ..test_config() };
    let app = varn_app::App::new(t.app.store.clone(), cfg).unwrap();
    let cp = app.audit_checkpoint(false).await.unwrap().unwrap();
    assert_eq!(cp.lanes.iter().map(|l| (l.lane, l.seq)).collect::<Vec<_>>(), if t.db.is_postgres() { vec![(2, 1)] } else { vec![] });
    assert!(app.audit_checkpoint(true).await.unwrap().is_none(), "{b}: no new checkpoint while no lane has grown");
    assert!(matches!(app.audit_verify().await.unwrap(), Verdict::Whole { .. }), "{b}");

    // The attacker edits the other writer's row: its lane's chain breaks there.
    drop_guards(&t).await;
    let backend = db.get_database_backend();
    let sql = format!("UPDATE audit_log SET actor_name = 'någon' WHERE id = {other}");
    db.execute(Statement::from_string(backend, sql)).await.unwrap();
    assert_eq!(t.app.audit_verify().await.unwrap(), Verdict::Broken { seq: other, reason: "content" }, "{b}");
    if !t.db.is_postgres() {
        t.stop().await;
        return;
    }
    // Removes it instead and moves lane 2's head back: whole in itself, not against the
    // checkpoint.
    db.execute(Statement::from_string(backend, format!("DELETE FROM audit_log WHERE id = {other}"))).await.unwrap();
    let sql = format!("UPDATE audit_head SET last_seq = 0, last_hash = '{}' WHERE id = 2", varn_domain::audit::GENESIS);
    db.execute(Statement::from_string(backend, sql)).await.unwrap();
    assert!(matches!(t.app.audit_verify().await.unwrap(), Verdict::Whole { .. }), "{b}");
    assert_eq!(app.audit_verify().await.unwrap(), Verdict::Broken { seq: 1, reason: "truncated" }, "{b}");
    // And a checkpoint line whose lanes are edited without the key is itself a break.
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("\"lanes\":[{\"lane\":2,\"seq\":1,"), "{text}");
    std::fs::write(&file, text.replace("\"lane\":2,\"seq\":1,", "\"lane\":2,\"seq\":0,")).unwrap();
    assert_eq!(app.audit_verify().await.unwrap(), Verdict::Broken { seq: cp.seq, reason: "checkpoint_signature" }, "{b}");
    t.stop().await;
}
