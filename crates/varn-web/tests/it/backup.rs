//! PostgreSQL's backup and restore, as the README gives them: `pg_dump -Fc` while Värn runs,
//! `pg_restore` into a new database, and the restored database is whole.

use crate::helpers::*;
use varn_store::sea_orm::{ConnectionTrait, Database, Statement};

#[tokio::test]
async fn pg_dump_and_pg_restore_give_back_a_whole_database() {
    if skip("postgres") {
        return;
    }
    let t = TestApp::spawn("postgres").await;
    let admin = std::env::var("VARN_TEST_DATABASE_URL").unwrap();
    let schema = t.db.pg_schema().unwrap().to_owned();
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("varn.dump");
    let st = std::process::Command::new("pg_dump").args(["--format=custom", "--schema", &schema, "--file"]).arg(&dump).arg(&admin).status();
    assert!(st.unwrap().success(), "pg_dump");
    // A new, empty database to restore into.
    let target_db = format!("varn_restore_{}", schema.trim_start_matches("t_"));
    let server = Database::connect(&admin).await.unwrap();
    let b = server.get_database_backend();
    server.execute(Statement::from_string(b, format!("CREATE DATABASE {target_db}"))).await.unwrap();
    let base = admin.split('?').next().unwrap();
    let target = format!("{}/{target_db}", &base[..base.rfind('/').unwrap()]);
    // A dump of one schema leaves out the database's extensions (a dump of the whole database
    // carries them): the person search's pg_trgm is made first, as a new server would have it.
    let t_conn = Database::connect(&target).await.unwrap();
    t_conn.execute(Statement::from_string(b, "CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public")).await.unwrap();
    let _ = t_conn.close().await;
    let st = std::process::Command::new("pg_restore").args(["--no-owner", "--dbname", &target]).arg(&dump).status();
    assert!(st.unwrap().success(), "pg_restore");
    let url = format!("{target}?options=-c%20search_path%3D{schema}");
    let cfg = varn_store::StoreConfig { url, max_connections: 2, durability: Default::default(), mmap_mib: varn_store::DEFAULT_MMAP_MIB };
    let restored = varn_store::Store::open_existing(&cfg, false).await.unwrap();
    let chain = varn_store::repo::audit::verify(restored.read(), t.app.store.audit_key(), None).await.unwrap();
    let live = varn_store::repo::audit::verify(t.app.store.read(), t.app.store.audit_key(), None).await.unwrap();
    assert_eq!(chain, live, "the same whole chain");
    assert!(matches!(chain, varn_store::repo::audit::Verdict::Whole { .. }));
    let units = |s: varn_store::Store| async move { varn_store::repo::org::count_all(s.read()).await.unwrap() };
    assert_eq!(units(restored.clone()).await, units(t.app.store.clone()).await);
    restored.close().await;
    server.execute(Statement::from_string(b, format!("DROP DATABASE {target_db} WITH (FORCE)"))).await.unwrap();
    let _ = server.close().await;
    t.stop().await;
}
