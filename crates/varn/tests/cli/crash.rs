//! kill -9 under concurrent writers: every write the server acknowledged is there after the
//! restart, and the database and the audit chain are whole. A few rounds on SQLite, and on
//! PostgreSQL when `VARN_TEST_DATABASE_URL` names a server (required under CI).

use super::{free_port, start};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use varn_store::sea_orm::{ConnectionTrait, Statement};

/// The store of the data folder, with the folder's audit key.
async fn store(dir: &Path, url: &str) -> varn_store::Store {
    let key = hex::decode(std::fs::read_to_string(dir.join("audit.key")).unwrap().trim()).unwrap();
    let cfg = varn_store::StoreConfig {
        url: url.to_owned(),
        max_connections: 2,
        durability: Default::default(),
        mmap_mib: varn_store::DEFAULT_MMAP_MIB,
    };
    varn_store::Store::open_existing(&cfg, false).await.unwrap().with_audit_key(varn_domain::audit::AuditKey::new(&key))
}

/// A token for admin, made through the application itself.
async fn admin_token(s: &varn_store::Store) -> (String, i64) {
    let app = varn_app::App::new(s.clone(), varn_app::AppConfig::default()).unwrap();
    let u = varn_store::repo::users::by_username(s.read(), "admin").await.unwrap().unwrap();
    let actor = varn_app::auth::load_actor(s.read(), &u).await.unwrap();
    let (secret, _) = app.create_token(&actor, "krocktest", None).await.unwrap();
    let root = varn_store::repo::org::all_in_scope(s.read(), &varn_domain::Scope::All).await.unwrap()[0].id;
    (secret, root)
}

/// Writers create units until the connection fails; each name the server answered 201 for
/// is noted.
async fn write_until_killed(base: String, token: String, root: i64, tag: String, acked: Arc<Mutex<Vec<String>>>) {
    let http = reqwest::Client::builder().timeout(Duration::from_secs(5)).build().unwrap();
    for i in 0.. {
        let name = format!("Krock {tag}-{i}");
        let r = http
            .post(format!("{base}/api/v1/org-units"))
            .bearer_auth(&token)
            .json(&serde_json::json!({"parent_id": root, "kind": "bolag", "name": name}))
            .send()
            .await;
        match r {
            Ok(r) if r.status() == 201 => acked.lock().unwrap().push(name),
            Ok(r) => panic!("a write was refused: {}", r.status()),
            Err(_) => return,
        }
    }
}

async fn rounds(dir: &Path, url: &str, extra: &[&str], n: usize) {
    let (first, _) = start(dir, free_port(), extra);
    super::stop(first);
    let (token, root) = {
        let s = store(dir, url).await;
        let t = admin_token(&s).await;
        s.close().await;
        t
    };
    let mut total = 0;
    for round in 0..n {
        let port = free_port();
        let (mut server, _) = start(dir, port, extra);
        let acked = Arc::new(Mutex::new(Vec::new()));
        let writers: Vec<_> = (0..8)
            .map(|w| {
                tokio::spawn(write_until_killed(
                    format!("http://127.0.0.1:{port}"),
                    token.clone(),
                    root,
                    format!("{round}-{w}"),
                    acked.clone(),
                ))
            })
            .collect();
        tokio::time::sleep(Duration::from_millis(700 + 300 * round as u64)).await;
        server.kill().unwrap();
        let _ = server.wait();
        for w in writers {
            w.await.unwrap();
        }
        let acked = acked.lock().unwrap().clone();
        assert!(!acked.is_empty(), "round {round}: some writes were acknowledged before the kill");
        total += acked.len();
        let s = store(dir, url).await;
        let units = varn_store::repo::org::all_in_scope(s.read(), &varn_domain::Scope::All).await.unwrap();
        let lost: Vec<&String> = acked.iter().filter(|a| !units.iter().any(|u| &u.name == *a)).collect();
        assert!(lost.is_empty(), "round {round}: acknowledged writes lost: {lost:?}");
        if s.backend() == varn_store::sea_orm::DbBackend::Sqlite {
            let ok = s.read().query_one(Statement::from_string(s.backend(), "PRAGMA integrity_check")).await.unwrap().unwrap();
            assert_eq!(ok.try_get_by_index::<String>(0).unwrap(), "ok");
            let fk = s.read().query_all(Statement::from_string(s.backend(), "PRAGMA foreign_key_check")).await.unwrap();
            assert!(fk.is_empty(), "round {round}: foreign keys broken");
        }
        let chain = varn_store::repo::audit::verify(s.read(), s.audit_key(), None).await.unwrap();
        assert!(matches!(chain, varn_store::repo::audit::Verdict::Whole { .. }), "round {round}: {chain:?}");
        s.close().await;
    }
    eprintln!("{n} kills, {total} acknowledged writes, none lost");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn kill_9_under_writers_loses_no_acknowledged_write_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("varn.sqlite").display());
    rounds(dir.path(), &url, &["--no-demo"], 3).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn kill_9_under_writers_loses_no_acknowledged_write_on_postgres() {
    let Ok(admin) = std::env::var("VARN_TEST_DATABASE_URL") else {
        assert!(std::env::var("CI").is_err(), "CI must run the PostgreSQL cases: set VARN_TEST_DATABASE_URL");
        return;
    };
    let schema = format!("krock_{}", std::process::id());
    let server = varn_store::sea_orm::Database::connect(&admin).await.unwrap();
    let b = server.get_database_backend();
    server.execute(Statement::from_string(b, format!("CREATE SCHEMA {schema}"))).await.unwrap();
    let sep = if admin.contains('?') { '&' } else { '?' };
    let url = format!("{admin}{sep}options=-c%20search_path%3D{schema}");
    let dir = tempfile::tempdir().unwrap();
    rounds(dir.path(), &url, &["--no-demo", "--database-url", &url], 2).await;
    server.execute(Statement::from_string(b, format!("DROP SCHEMA {schema} CASCADE"))).await.unwrap();
}
