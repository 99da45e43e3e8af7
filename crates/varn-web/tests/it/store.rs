//! Storage: migrations that apply once and never half, and the online backup.

use crate::helpers::*;
use sea_orm::{ConnectionTrait, Statement};

#[tokio::test]
async fn migrations_apply_once_and_a_failure_leaves_nothing_behind() {
    for b in backends() {
        let db = TestDb::new(b).await;
        let store = db.store().await;
        // A second run applies nothing.
        assert!(varn_store::migration::migrate(store.write()).await.unwrap().is_empty(), "{b}");
        // A migration that fails half-way leaves neither its table nor its bookkeeping row.
        let err = varn_store::migration::migrate_with(store.write(), vec![Box::new(Broken)]).await;
        assert!(err.is_err(), "{b}");
        let backend = store.write().get_database_backend();
        let probe = store.write().query_one(Statement::from_string(backend, "SELECT COUNT(*) AS n FROM half_done")).await;
        assert!(probe.is_err(), "{b}: the half-made table was rolled back");
        let n =
            store.write().query_one(Statement::from_string(backend, "SELECT COUNT(*) AS n FROM varn_migrations")).await.unwrap().unwrap();
        assert_eq!(n.try_get::<i64>("", "n").unwrap(), 1, "{b}");
        store.close().await;
        db.cleanup().await;
    }
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
    let copy = varn_store::Store::open(&varn_store::StoreConfig { url: format!("sqlite://{}", path.display()), max_connections: 1 })
        .await
        .unwrap();
    let units = varn_store::repo::org::count_all(copy.read()).await.unwrap();
    assert!(units > 30, "the copy holds the demo city: {units}");
    let verdict = varn_store::repo::audit::verify(copy.read()).await.unwrap();
    assert!(matches!(verdict, varn_store::repo::audit::Verdict::Whole { .. }));
    copy.close().await;
    t.stop().await;
}
