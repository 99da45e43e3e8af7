//! Värn's persistence: SeaORM entities, repositories and migrations, on SQLite (the
//! embedded default) and PostgreSQL from the same code.

pub mod entity;
pub mod migration;
pub mod repo;
mod scope;

pub use scope::scope_condition;

use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, SqlxPostgresConnector, SqlxSqliteConnector, Statement};
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
}

impl std::fmt::Debug for StoreConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoreConfig").field("url", &redact_url(&self.url)).field("max_connections", &self.max_connections).finish()
    }
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
/// same pool and the audit head row is locked with `FOR UPDATE`.
#[derive(Clone, Debug)]
pub struct Store {
    read: DatabaseConnection,
    write: DatabaseConnection,
    audit_key: varn_domain::audit::AuditKey,
}

impl Store {
    /// Opens (and for SQLite creates) the database. Does not migrate.
    pub async fn open(cfg: &StoreConfig) -> Result<Self, StoreError> {
        if cfg.url.starts_with("postgres://") || cfg.url.starts_with("postgresql://") {
            let pool = PgPoolOptions::new()
                .max_connections(cfg.max_connections.max(2))
                .acquire_timeout(Duration::from_secs(10))
                .connect(&cfg.url)
                .await
                .map_err(|e| StoreError::Open(e.to_string()))?;
            let db = SqlxPostgresConnector::from_sqlx_postgres_pool(pool);
            Ok(Store { read: db.clone(), write: db, audit_key: Default::default() })
        } else if cfg.url.starts_with("sqlite:") {
            let opts = SqliteConnectOptions::from_str(&cfg.url)
                .map_err(|e| StoreError::Open(e.to_string()))?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                // WAL + NORMAL: a crash may lose the last transactions but never corrupts.
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10))
                // Paths are digits and slashes: case-sensitive LIKE lets SQLite use the index.
                .pragma("case_sensitive_like", "ON")
                // 4 MiB of page cache per connection: the operating system caches the file
                // too, and nine connections × 16 MiB showed up as resident memory.
                .pragma("cache_size", "-4000")
                .pragma("temp_store", "MEMORY");
            let write_pool = SqlitePoolOptions::new()
                .max_connections(1)
                .acquire_timeout(Duration::from_secs(30))
                .connect_with(opts.clone())
                .await
                .map_err(|e| StoreError::Open(e.to_string()))?;
            let read_pool = SqlitePoolOptions::new()
                .max_connections(cfg.max_connections.max(1))
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(opts.read_only(false))
                .await
                .map_err(|e| StoreError::Open(e.to_string()))?;
            Ok(Store {
                read: SqlxSqliteConnector::from_sqlx_sqlite_pool(read_pool),
                write: SqlxSqliteConnector::from_sqlx_sqlite_pool(write_pool),
                audit_key: Default::default(),
            })
        } else {
            Err(StoreError::Open("the database URL must start with sqlite: or postgres://".into()))
        }
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

    /// The connection for writes (begin a transaction on it).
    pub fn write(&self) -> &DatabaseConnection {
        &self.write
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
