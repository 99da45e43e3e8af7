//! Värn's persistence: SeaORM entities, repositories and migrations, on SQLite (the
//! embedded default) and PostgreSQL from the same code.

pub mod batch;
pub mod entity;
pub mod maintenance;
pub mod migration;
pub mod repo;
mod scope;
pub mod statistics;
pub mod wal_sync;

pub use scope::{scope_condition, under_path, under_path_sql, units_in_scope};

use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, DbErr, SqlxPostgresConnector, SqlxSqliteConnector, Statement};
use sqlx::postgres::PgPoolOptions;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::str::FromStr;
use std::time::Duration;

pub use sea_orm;

/// Errors of the storage layer.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database said no.
    #[error("database error: {0}")]
    Db(#[from] sea_orm::DbErr),
    /// Opening the database failed.
    #[error("could not open the database: {0}")]
    Open(String),
}

/// How to open the database.
#[derive(Clone)]
pub struct StoreConfig {
    /// `sqlite://path` or `postgres://…`.
    pub url: String,
    /// Connections for reading (PostgreSQL: the whole pool).
    pub max_connections: u32,
    /// What an acknowledged write survives (SQLite; PostgreSQL keeps its own `synchronous_commit`).
    pub durability: Durability,
    /// SQLite: how much of the database file each connection reads through memory mapping
    /// (MiB; 0: none). Mapped pages are the operating system's page cache, shared by every
    /// connection, instead of each connection's own small cache filled by `read` calls.
    pub mmap_mib: u64,
}

/// SQLite's memory mapping unless configured: none (measured at storstad: no gain, and mapped
/// pages count as resident memory).
pub const DEFAULT_MMAP_MIB: u64 = 0;

/// What SQLite promises about a write once it is acknowledged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Durability {
    /// An acknowledged write survives a power cut or an operating-system crash: the WAL is
    /// synced after the commit and before the write is acknowledged, once for all the
    /// writers that committed meanwhile (the group sync of [`wal_sync`]; SQLite's own
    /// `synchronous=FULL` synced inside each commit, on the one writer).
    #[default]
    Full,
    /// `synchronous=NORMAL`: synced at checkpoints only; survives a crash of Värn, but a power
    /// cut may lose the last acknowledged writes (never corrupts).
    Normal,
}

impl Durability {
    /// From the setting's text (`full` or `normal`).
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "full" => Some(Durability::Full),
            "normal" => Some(Durability::Normal),
            _ => None,
        }
    }
}

impl std::fmt::Debug for StoreConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoreConfig")
            .field("url", &redact_url(&self.url))
            .field("max_connections", &self.max_connections)
            .field("durability", &self.durability)
            .finish()
    }
}

/// How PostgreSQL plans Värn's prepared statements: once per connection, not at every
/// execution. With the server's default (`auto`) a statement whose generic plan is costed
/// above its custom ones is planned again at every `Bind`, and most of a page's statements
/// were: Mina uppgifter spent 3.2 ms of its 4.6 ms in the database planning (the server's
/// statement log) and 1.4 ms running. Every statement is built for a generic plan: the values
/// a plan depends on most (the open statuses, an organisation path's prefix, a search's
/// pattern: `repo::like_on`) are literals, and where a search's size decides the shape the
/// code chooses it ([`repo::users`]). A URL that
/// names `plan_cache_mode` in its `options` keeps its own.
pub const PG_PLAN_CACHE_MODE: &str = "force_generic_plan";

/// The root cause of a PostgreSQL connection error in a few words ("Connection refused …").
fn pg_reason(e: &sqlx::Error) -> String {
    match e {
        sqlx::Error::Io(io) => io.to_string(),
        other => other.to_string(),
    }
}

/// The file of a `sqlite:` URL (without its query), if it is one.
pub fn sqlite_path(url: &str) -> Option<String> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    Some(rest.split('?').next().unwrap_or(rest).to_owned())
}

/// The URL with any password replaced by `***`, for logs.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.find(':') {
                Some(c) => format!("{}{}:***{}", &url[..s + 3], &creds[..c], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

/// The open database: a pool for reading and one for writing.
///
/// On SQLite the write pool has a single connection: SQLite allows one writer at a time,
/// and queueing writers in the pool instead of in `busy_timeout` keeps the audit hash chain
/// strictly ordered and avoids `SQLITE_BUSY` on lock upgrades. On PostgreSQL both are the
/// same pool and a write locks one of the audit chain's lanes by the `UPDATE` that moves its
/// head (`repo::audit::append`), until it commits.
///
/// On SQLite with durability `full` the writer commits without syncing and
/// [`Store::commit`] waits for the group sync of the write-ahead log (see [`wal_sync`]).
#[derive(Clone, Debug)]
pub struct Store {
    read: DatabaseConnection,
    write: DatabaseConnection,
    audit_key: varn_domain::audit::AuditKey,
    wal: Option<std::sync::Arc<wal_sync::WalSync>>,
}

impl Store {
    /// Opens (and for SQLite creates) the database. Does not migrate.
    pub async fn open(cfg: &StoreConfig) -> Result<Self, StoreError> {
        if cfg.url.starts_with("postgres://") || cfg.url.starts_with("postgresql://") {
            // One connection first, so that a server that is down or refuses says so at once
            // ("Connection refused") instead of the pool timing out after its wait.
            let where_ = redact_url(&cfg.url);
            let first = tokio::time::timeout(Duration::from_secs(5), <sqlx::PgConnection as sqlx::Connection>::connect(&cfg.url)).await;
            match first {
                Ok(Ok(c)) => drop(c),
                Ok(Err(e)) => return Err(StoreError::Open(format!("{where_}: {}", pg_reason(&e)))),
                Err(_) => return Err(StoreError::Open(format!("{where_}: no answer within 5 seconds"))),
            }
            let mut opts = sqlx::postgres::PgConnectOptions::from_str(&cfg.url).map_err(|e| StoreError::Open(format!("{where_}: {e}")))?;
            if !cfg.url.contains("plan_cache_mode") {
                opts = opts.options([("plan_cache_mode", PG_PLAN_CACHE_MODE)]);
            }
            // No ping before each use: a ping is one more round trip per query (the pool's
            // default); a connection the server has closed fails its query and is dropped.
            // Nor after each use (our patch of SQLx, vendor/sqlx-core/VARN-PATCH.md), unless a
            // dropped transaction's rollback is queued: the ping sends it, so its locks go at
            // once, not when the connection is next used.
            let pool = PgPoolOptions::new()
                .max_connections(cfg.max_connections.max(2))
                .test_before_acquire(false)
                .release_without_ping(true)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(opts)
                .await
                .map_err(|e| StoreError::Open(format!("{where_}: {e}")))?;
            let db = SqlxPostgresConnector::from_sqlx_postgres_pool(pool);
            Ok(Store { read: db.clone(), write: db, audit_key: Default::default(), wal: None })
        } else if cfg.url.starts_with("sqlite:") {
            let where_ = sqlite_path(&cfg.url).unwrap_or_default();
            let opts = SqliteConnectOptions::from_str(&cfg.url)
                .map_err(|e| StoreError::Open(format!("{where_}: {e}")))?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                // `full` is kept by the group sync after the commit (`Store::commit`), not
                // by SQLite inside it.
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10))
                // Paths are digits and slashes: case-sensitive LIKE lets SQLite use the index.
                .pragma("case_sensitive_like", "ON")
                // 4 MiB of page cache per connection: the operating system caches the file
                // too, and nine connections × 16 MiB showed up as resident memory.
                .pragma("cache_size", "-4000")
                .pragma("temp_store", "MEMORY")
                .pragma("mmap_size", (cfg.mmap_mib * 1024 * 1024).to_string())
                // Used only by a connection with a worker thread, which hands rows over a
                // bounded channel (at SQLx's 50 it stops and waits for the page to take them).
                // Värn's pools run on the calling task and buffer a statement's rows whole.
                .row_buffer_size(1024);
            // No ping before each use, nor after (our patch of SQLx, vendor/sqlx-core/
            // VARN-PATCH.md): a ping tells nothing the next statement would not. A dropped
            // transaction is rolled back in the drop itself (vendor/sqlx-sqlite/VARN-PATCH.md),
            // before the connection's next user.
            let write_pool = SqlitePoolOptions::new()
                .max_connections(1)
                .test_before_acquire(false)
                .release_without_ping(true)
                .acquire_timeout(Duration::from_secs(30))
                .connect_with(opts.clone().execute_on_caller(true))
                .await
                .map_err(|e| StoreError::Open(format!("{where_}: {e}")))?;
            // Statistics for the planner, before any reader connects (a connection reads
            // them when it opens): SQLite gathers none by itself (see `statistics`). A
            // database that takes no writes (a read-only file or mount) still opens, without
            // them: the readiness check is what tells that it takes no writes.
            let write = SqlxSqliteConnector::from_sqlx_sqlite_pool(write_pool);
            match statistics::gather_if_missing(&write).await {
                Ok(true) => tracing::info!(database = %where_, "planner statistics gathered (the database had none)"),
                Ok(false) => {}
                Err(e) => tracing::warn!(database = %where_, error = %e, "could not gather the planner's statistics"),
            }
            // The readers, like the writer above, run their statements on the calling task,
            // not on a thread of each connection's own (our patch of SQLx's driver,
            // vendor/sqlx-sqlite/VARN-PATCH.md): no thread hand-off per statement. What takes
            // long on the writer (the nightly `ANALYZE`) runs where it may block
            // (`varn/src/start.rs`).
            let read_pool = SqlitePoolOptions::new()
                .max_connections(cfg.max_connections.max(1))
                .test_before_acquire(false)
                .release_without_ping(true)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(opts.read_only(false).execute_on_caller(true))
                .await
                .map_err(|e| StoreError::Open(format!("{where_}: {e}")))?;
            let wal = (cfg.durability == Durability::Full).then(|| std::sync::Arc::new(wal_sync::WalSync::new(&where_)));
            Ok(Store { read: SqlxSqliteConnector::from_sqlx_sqlite_pool(read_pool), write, audit_key: Default::default(), wal })
        } else {
            Err(StoreError::Open("the database URL must start with sqlite: or postgres://".into()))
        }
    }

    /// Opens a database that must already exist, for a maintenance command: SQLite
    /// read-only (`read_only`) or read-write, never created; and checked to be exactly at
    /// this binary's migrations, never migrated.
    pub async fn open_existing(cfg: &StoreConfig, read_only: bool) -> Result<Self, StoreError> {
        if let Some(path) = sqlite_path(&cfg.url) {
            if !std::path::Path::new(&path).is_file() {
                return Err(StoreError::Open(format!("there is no database at {path}: give the right --data-dir or --database-url")));
            }
            let opts = SqliteConnectOptions::from_str(&cfg.url)
                .map_err(|e| StoreError::Open(e.to_string()))?
                .create_if_missing(false)
                .read_only(read_only)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10));
            let pool = SqlitePoolOptions::new()
                .max_connections(1)
                .connect_with(opts)
                .await
                .map_err(|e| StoreError::Open(format!("{path}: {e}")))?;
            let db = SqlxSqliteConnector::from_sqlx_sqlite_pool(pool);
            migration::check_current(&db).await.map_err(|e| StoreError::Open(format!("{path}: {e}")))?;
            return Ok(Store { read: db.clone(), write: db, audit_key: Default::default(), wal: None });
        }
        let s = Self::open(cfg).await?;
        migration::check_current(&s.write).await.map_err(|e| StoreError::Open(e.to_string()))?;
        Ok(s)
    }

    /// Opens and migrates.
    pub async fn open_and_migrate(cfg: &StoreConfig) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        let s = Self::open(cfg).await?;
        migration::migrate(&s.write).await?;
        Ok(s)
    }

    /// The same store with the audit chain keyed by `key` (the binary always sets the key
    /// of its key file or `VARN_AUDIT_KEY`; the default is the fixed key of tests).
    pub fn with_audit_key(mut self, key: varn_domain::audit::AuditKey) -> Self {
        self.audit_key = key;
        self
    }

    /// The key of the audit chain.
    pub fn audit_key(&self) -> &varn_domain::audit::AuditKey {
        &self.audit_key
    }

    /// The connection for reads.
    pub fn read(&self) -> &DatabaseConnection {
        &self.read
    }

    /// How many connections the read pool may open.
    pub fn read_connections(&self) -> u32 {
        match self.backend() {
            DbBackend::Sqlite => self.read.get_sqlite_connection_pool().options().get_max_connections(),
            DbBackend::Postgres => self.read.get_postgres_connection_pool().options().get_max_connections(),
            _ => 1,
        }
    }

    /// The connection for writes (begin a transaction on it).
    pub fn write(&self) -> &DatabaseConnection {
        &self.write
    }

    /// Commits a write and returns once it is as durable as configured: on SQLite with
    /// durability `full`, after the group sync of the write-ahead log that covers it (see
    /// [`wal_sync`]); elsewhere the commit itself was.
    pub async fn commit(&self, txn: sea_orm::DatabaseTransaction) -> Result<(), DbErr> {
        txn.commit().await?;
        if let Some(w) = &self.wal {
            let n = w.committed();
            w.synced_through(n).await.map_err(|e| DbErr::Custom(format!("syncing the write-ahead log: {e}")))?;
        }
        Ok(())
    }

    /// The group sync's (commits, commits on the disk, syncs), on SQLite with durability `full`.
    pub fn wal_counts(&self) -> Option<(u64, u64, u64)> {
        self.wal.as_ref().map(|w| w.counts())
    }

    /// Checks that the database answers a read on the read pool and takes a write on the
    /// write pool (a row written and rolled back). Each part's error, if any.
    pub async fn probe(&self) -> (Result<(), DbErr>, Result<(), DbErr>) {
        let backend = self.backend();
        let read = self.read.query_one(Statement::from_string(backend, "SELECT 1")).await.map(|_| ());
        let write = async {
            let txn = sea_orm::TransactionTrait::begin(&self.write).await?;
            let now = chrono::Utc::now().to_rfc3339();
            let sql = match backend {
                DbBackend::Postgres => {
                    "INSERT INTO settings (key, value) VALUES ('ready_probe', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
                }
                _ => "INSERT INTO settings (key, value) VALUES ('ready_probe', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            };
            txn.execute(Statement::from_sql_and_values(backend, sql, [now.into()])).await?;
            txn.rollback().await
        }
        .await;
        (read, write)
    }

    /// Which database this is.
    pub fn backend(&self) -> DbBackend {
        self.write.get_database_backend()
    }

    /// Writes a consistent copy of the database to `path` while it runs (SQLite only:
    /// `VACUUM INTO` reads one snapshot).
    pub async fn backup_to(&self, path: &str) -> Result<(), StoreError> {
        if self.backend() != DbBackend::Sqlite {
            return Err(StoreError::Open("backup is for SQLite; use pg_dump for PostgreSQL".into()));
        }
        if std::path::Path::new(path).exists() {
            return Err(StoreError::Open(format!("{path} exists already; choose a new file")));
        }
        self.read.execute(Statement::from_sql_and_values(DbBackend::Sqlite, "VACUUM INTO ?", [path.into()])).await?;
        Ok(())
    }

    /// Closes both pools.
    pub async fn close(self) {
        let _ = self.read.close().await;
        let _ = self.write.close().await;
    }
}

#[cfg(test)]
mod tests {
    use super::redact_url;

    #[test]
    fn urls_are_redacted() {
        assert_eq!(redact_url("postgres://varn:hemligt@db:5432/varn"), "postgres://varn:***@db:5432/varn");
        assert_eq!(redact_url("postgres://varn@db/varn"), "postgres://varn@db/varn");
        assert_eq!(redact_url("sqlite://varn-data/varn.sqlite"), "sqlite://varn-data/varn.sqlite");
    }
}
