//! Spawning a Värn on a fresh database, and a client that signs in like a browser.

use reqwest::{redirect, Client, Response};
use sea_orm::{ConnectionTrait, Database, DbBackend, Statement};
use std::collections::HashMap;
use varn_app::{App, AppConfig};
use varn_store::{Store, StoreConfig};

/// The one whole number `sql` answers (a count, an id) on `db`.
pub async fn scalar(db: &impl ConnectionTrait, sql: impl Into<String>) -> i64 {
    let row = db.query_one(Statement::from_string(db.get_database_backend(), sql.into())).await.unwrap();
    row.unwrap_or_else(|| panic!("no row")).try_get_by_index::<i64>(0).unwrap()
}

/// The password every demo user gets in tests.
pub const PASSWORD: &str = "Testlösenord-2026";

/// Whether the case for database `b` is to be left out: the PostgreSQL case when no
/// `VARN_TEST_DATABASE_URL` is given, which CI (`CI` set) never allows: there it fails.
pub fn skip(b: &str) -> bool {
    if b != "postgres" || std::env::var("VARN_TEST_DATABASE_URL").is_ok_and(|u| !u.is_empty()) {
        return false;
    }
    assert!(std::env::var("CI").is_err(), "CI must run the PostgreSQL cases: set VARN_TEST_DATABASE_URL");
    eprintln!("PostgreSQL case left out: VARN_TEST_DATABASE_URL is not set");
    true
}

/// A fresh database; dropped (PostgreSQL schema) when the test ends.
pub struct TestDb {
    pub url: String,
    _dir: Option<tempfile::TempDir>,
    pg: Option<(String, String)>,
}

fn random_suffix() -> String {
    use rand::Rng;
    let mut r = rand::thread_rng();
    (0..12).map(|_| (b'a' + r.gen_range(0..26)) as char).collect()
}

impl TestDb {
    pub async fn new(backend: &str) -> TestDb {
        match backend {
            "postgres" => {
                let admin = std::env::var("VARN_TEST_DATABASE_URL").expect("VARN_TEST_DATABASE_URL");
                let schema = format!("t_{}", random_suffix());
                let db = Database::connect(&admin).await.expect("connect to PostgreSQL");
                db.execute(Statement::from_string(DbBackend::Postgres, format!("CREATE SCHEMA {schema}"))).await.expect("create schema");
                let _ = db.close().await;
                let sep = if admin.contains('?') { '&' } else { '?' };
                let url = format!("{admin}{sep}options=-c%20search_path%3D{schema}");
                TestDb { url, _dir: None, pg: Some((admin, schema)) }
            }
            _ => {
                let dir = tempfile::tempdir().expect("tempdir");
                let url = format!("sqlite://{}", dir.path().join("varn.sqlite").display());
                TestDb { url, _dir: Some(dir), pg: None }
            }
        }
    }

    pub fn is_postgres(&self) -> bool {
        self.pg.is_some()
    }

    /// The PostgreSQL schema the test's tables are in.
    pub fn pg_schema(&self) -> Option<&str> {
        self.pg.as_ref().map(|p| p.1.as_str())
    }

    pub async fn store(&self) -> Store {
        Store::open_and_migrate(&StoreConfig {
            url: self.url.clone(),
            max_connections: 4,
            durability: Default::default(),
            mmap_mib: varn_store::DEFAULT_MMAP_MIB,
        })
        .await
        .expect("open and migrate")
    }

    /// Drops the PostgreSQL schema (SQLite's folder goes with the TempDir).
    pub async fn cleanup(self) {
        if let Some((admin, schema)) = &self.pg {
            if let Ok(db) = Database::connect(admin).await {
                let _ = db.execute(Statement::from_string(DbBackend::Postgres, format!("DROP SCHEMA {schema} CASCADE"))).await;
                let _ = db.close().await;
            }
        }
    }
}

/// A running Värn with the demo city.
pub struct TestApp {
    pub base: String,
    pub app: App,
    pub db: TestDb,
    pub ids: HashMap<String, i64>,
    server: tokio::task::JoinHandle<()>,
}

/// Test configuration: real argon2id, with a smaller memory cost so that the many sign-ins
/// of the suite stay quick.
pub fn test_config() -> AppConfig {
    AppConfig { argon2_m_kib: 1024, argon2_t: 1, max_attachment_bytes: 64 * 1024, ..AppConfig::default() }
}

/// Limits of the test server: the default times, but headers within 2 seconds (so a test can
/// wait for a slow client to be dropped) and forms and JSON up to 32 KiB (below the test
/// attachment limit of 64 KiB, so that an upload larger than a form may be is possible).
pub fn test_limits() -> varn_web::serve::Limits {
    varn_web::serve::Limits { header_read: std::time::Duration::from_secs(2), small_body: 32 * 1024, ..Default::default() }
}

impl TestApp {
    pub async fn spawn(backend: &str) -> TestApp {
        Self::spawn_with(backend, test_config()).await
    }

    /// The demo city served with `config` (a test's own SMTP server, say).
    pub async fn spawn_with(backend: &str, config: AppConfig) -> TestApp {
        let db = TestDb::new(backend).await;
        // Each test's chain has its own secret key, as a served database does.
        let key = varn_domain::audit::AuditKey::new(format!("{}-{}", random_suffix(), random_suffix()).as_bytes());
        let store = db.store().await.with_audit_key(key);
        let app = App::new(store, config).expect("app");
        let yaml = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/demo/exempelstad.yaml")).expect("demo file");
        let city = varn_app::demo::DemoCity::parse(&yaml).expect("demo parses");
        app.load_demo(&city, PASSWORD).await.expect("demo loads");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        let web = varn_web::WebConfig { limits: test_limits(), ..Default::default() };
        let router = varn_web::router(app.clone(), web);
        let server = tokio::spawn(async move {
            let _ = varn_web::serve::serve(listener, router, test_limits(), std::future::pending()).await;
        });
        let mut ids = HashMap::new();
        let units = varn_store::repo::org::all_in_scope(app.store.read(), &varn_domain::Scope::All).await.expect("units");
        for u in units {
            ids.insert(u.name.clone(), u.id);
        }
        let users = varn_store::repo::users::list(
            app.store.read(),
            &varn_domain::Scope::All,
            &Default::default(),
            &varn_app::ListParams { per_page: None, ..Default::default() },
        )
        .await
        .expect("users");
        for u in users.items {
            ids.insert(u.username.clone(), u.id);
        }
        TestApp { base, app, db, ids, server }
    }

    pub fn id(&self, name: &str) -> i64 {
        *self.ids.get(name).unwrap_or_else(|| panic!("no demo id for {name}"))
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// The id of a demo document by its title.
    pub async fn doc_id(&self, title: &str) -> i64 {
        use varn_domain::Scope;
        let vis = varn_store::repo::documents::DocVisibility { write: Scope::All, read: Scope::All, chain: vec![], decides: vec![] };
        let all = varn_store::repo::documents::tree(self.app.store.read(), &vis, 10_000).await.expect("documents");
        all.into_iter().find(|d| d.title == title).map(|d| d.id).unwrap_or_else(|| panic!("no demo document {title}"))
    }

    /// A browser-like client (cookies, no redirects followed) that has not signed in.
    pub fn anonymous(&self) -> Browser {
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        Browser {
            http: Client::builder().cookie_provider(jar.clone()).redirect(redirect::Policy::none()).build().expect("client"),
            base: self.base.clone(),
            csrf: String::new(),
            jar,
        }
    }

    /// A client signed in as `user` with the demo password.
    pub async fn signed_in(&self, user: &str) -> Browser {
        let mut b = self.anonymous();
        let r = b.login(user, PASSWORD).await;
        assert_eq!(r.status(), 303, "{user} signs in");
        b.refresh_csrf().await;
        b
    }

    pub async fn stop(self) {
        self.server.abort();
        self.app.store.clone().close().await;
        self.db.cleanup().await;
    }
}

/// A cookie-keeping client that knows the CSRF token of its current session.
pub struct Browser {
    pub http: Client,
    pub base: String,
    pub csrf: String,
    jar: std::sync::Arc<reqwest::cookie::Jar>,
}

/// The value of `<input type="hidden" name="_csrf" value="…">` in a page.
pub fn csrf_in(html: &str) -> String {
    let key = "name=\"_csrf\" value=\"";
    html.find(key).map(|i| html[i + key.len()..].chars().take_while(|c| *c != '"').collect()).unwrap_or_default()
}

impl Browser {
    /// The value of a cookie the server set.
    pub fn cookie(&self, name: &str) -> Option<String> {
        use reqwest::cookie::CookieStore;
        let url = reqwest::Url::parse(&self.base).ok()?;
        let header = self.jar.cookies(&url)?;
        let all = header.to_str().ok()?.to_owned();
        all.split("; ").find_map(|kv| kv.strip_prefix(&format!("{name}=")).map(str::to_owned))
    }

    /// The `Cookie` header this client sends (its session), for a request made without it.
    pub fn cookie_header(&self) -> String {
        use reqwest::cookie::CookieStore;
        let url = reqwest::Url::parse(&self.base).expect("base");
        self.jar.cookies(&url).and_then(|h| h.to_str().ok().map(str::to_owned)).unwrap_or_default()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.http.get(self.url(path)).send().await.expect("GET")
    }

    pub async fn text(&self, path: &str) -> (u16, String) {
        let r = self.get(path).await;
        let s = r.status().as_u16();
        (s, r.text().await.unwrap_or_default())
    }

    /// The body of a GET sent as htmx sends it (`HX-Request`): what htmx swaps in.
    pub async fn htmx_text(&self, path: &str) -> String {
        let r = self.http.get(self.url(path)).header("hx-request", "true").send().await.unwrap_or_else(|e| panic!("{path}: {e}"));
        r.text().await.unwrap_or_default()
    }

    /// Signs in through the form, as a browser would.
    pub async fn login(&mut self, user: &str, pw: &str) -> Response {
        let page = self.get("/login").await.text().await.unwrap_or_default();
        self.csrf = csrf_in(&page);
        self.post_form("/login", &[("username", user), ("password", pw), ("next", "/tasks")]).await
    }

    /// Reads the session's CSRF token from a page.
    pub async fn refresh_csrf(&mut self) {
        let page = self.get("/account").await.text().await.unwrap_or_default();
        self.csrf = csrf_in(&page);
        assert!(!self.csrf.is_empty(), "a signed-in page carries a CSRF token");
    }

    /// Posts a form with the CSRF token.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        all.push(("_csrf", &self.csrf));
        self.http.post(self.url(path)).form(&all).send().await.expect("POST")
    }

    /// Sends JSON with the session and its CSRF header.
    pub async fn json(&self, method: reqwest::Method, path: &str, body: serde_json::Value) -> Response {
        self.http.request(method, self.url(path)).header("x-csrf-token", &self.csrf).json(&body).send().await.expect("JSON request")
    }
}

/// An API client with a bearer token.
pub struct Api {
    pub http: Client,
    pub base: String,
    pub token: String,
}

impl Api {
    pub fn new(base: &str, token: &str) -> Api {
        Api { http: Client::new(), base: base.to_owned(), token: token.to_owned() }
    }

    pub async fn call(&self, method: reqwest::Method, path: &str, body: Option<serde_json::Value>) -> (u16, serde_json::Value) {
        let mut r = self.http.request(method, format!("{}{}", self.base, path)).bearer_auth(&self.token);
        if let Some(b) = body {
            r = r.json(&b);
        }
        let res = r.send().await.expect("API call");
        let status = res.status().as_u16();
        let v = res.json().await.unwrap_or(serde_json::Value::Null);
        (status, v)
    }
}

/// Creates an API token for `user` through the app and returns a client using it.
pub async fn api_as(t: &TestApp, user: &str) -> Api {
    let u = varn_store::repo::users::by_username(t.app.store.read(), user).await.expect("db").expect("user");
    let actor = varn_app::auth::load_actor(t.app.store.read(), &u).await.expect("actor");
    let (secret, _) = t.app.create_token(&actor, "test", None).await.expect("token");
    Api::new(&t.base, &secret)
}
