//! One portable set of migrations for SQLite and PostgreSQL.
//!
//! We run them ourselves rather than through `Migrator::up` so that each migration and its
//! bookkeeping row commit in one transaction on both databases: a failed migration leaves
//! the database exactly as it was.

mod m0001_foundation;
mod m0001_idens;
mod m0002_indexes;
mod m0003_documents;
mod m0004_users_active;
mod m0005_document_search;
mod m0006_version_scope;
mod m0007_decisions;
mod m0008_throttles;
mod m0009_throttle_in_flight;
mod m0010_assets;
mod m0011_incidents;
mod m0012_mail;
mod m0013_samverkan;
mod m0014_supervision;
mod m0015_people_search;
mod m0016_people_search_pg;
mod m0017_follow_up_reviews;
mod m0018_people_search_stored;
mod m0019_incident_handler_status;
mod m0020_assets_unit_search;
mod m0021_documents_status_title;
mod m0022_risks;
mod m0023_risks_unit_scores;
mod m0024_audit_lanes;
mod m0025_incident_handlers_spread;
pub(crate) mod m0026_people_search_sqlite;
mod m0027_people_trigrams_sqlite;
mod m0028_people_trigrams_pg;
mod m0029_risks_unit_residual;
mod m0030_documents_trigrams_sqlite;
pub(crate) mod m0031_open_tasks_sqlite;
mod m0032_assets_trigrams;
mod m0033_documents_trigrams_status;
mod m0034_incidents_status_level;
mod m0035_org_units_search_text;
mod m0036_risk_analyses_open;
mod m0037_assets_unit_search_name;

use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement, TransactionTrait};
use sea_orm_migration::{MigrationTrait, SchemaManager};

fn migrations() -> Vec<Box<dyn MigrationTrait>> {
    vec![
        Box::new(m0001_foundation::Migration),
        Box::new(m0002_indexes::Migration),
        Box::new(m0003_documents::Migration),
        Box::new(m0004_users_active::Migration),
        Box::new(m0005_document_search::Migration),
        Box::new(m0006_version_scope::Migration),
        Box::new(m0007_decisions::Migration),
        Box::new(m0008_throttles::Migration),
        Box::new(m0009_throttle_in_flight::Migration),
        Box::new(m0010_assets::Migration),
        Box::new(m0011_incidents::Migration),
        Box::new(m0012_mail::Migration),
        Box::new(m0013_samverkan::Migration),
        Box::new(m0014_supervision::Migration),
        Box::new(m0015_people_search::Migration),
        Box::new(m0016_people_search_pg::Migration),
        Box::new(m0017_follow_up_reviews::Migration),
        Box::new(m0018_people_search_stored::Migration),
        Box::new(m0019_incident_handler_status::Migration),
        Box::new(m0020_assets_unit_search::Migration),
        Box::new(m0021_documents_status_title::Migration),
        Box::new(m0022_risks::Migration),
        Box::new(m0023_risks_unit_scores::Migration),
        Box::new(m0024_audit_lanes::Migration),
        Box::new(m0025_incident_handlers_spread::Migration),
        Box::new(m0026_people_search_sqlite::Migration),
        Box::new(m0027_people_trigrams_sqlite::Migration),
        Box::new(m0028_people_trigrams_pg::Migration),
        Box::new(m0029_risks_unit_residual::Migration),
        Box::new(m0030_documents_trigrams_sqlite::Migration),
        Box::new(m0031_open_tasks_sqlite::Migration),
        Box::new(m0032_assets_trigrams::Migration),
        Box::new(m0033_documents_trigrams_status::Migration),
        Box::new(m0034_incidents_status_level::Migration),
        Box::new(m0035_org_units_search_text::Migration),
        Box::new(m0036_risk_analyses_open::Migration),
        Box::new(m0037_assets_unit_search_name::Migration),
    ]
}

/// Runs in order the statements of the database `m` is on: `postgres`'s on PostgreSQL,
/// `sqlite`'s otherwise (a migration whose SQL differs by database: triggers, tables).
pub(crate) async fn on_each(m: &SchemaManager<'_>, sqlite: Vec<String>, postgres: Vec<String>) -> Result<(), sea_orm::DbErr> {
    let db = m.get_connection();
    let backend = db.get_database_backend();
    for s in if backend == DbBackend::Postgres { postgres } else { sqlite } {
        db.execute(Statement::from_string(backend, s)).await?;
    }
    Ok(())
}

/// Runs `statements` in order on SQLite, and nothing on another database: a migration that
/// only SQLite needs (an index or table its planner uses where PostgreSQL's has its own).
pub(crate) async fn on_sqlite_only(m: &SchemaManager<'_>, statements: impl IntoIterator<Item = String>) -> Result<(), sea_orm::DbErr> {
    let db = m.get_connection();
    if db.get_database_backend() != DbBackend::Sqlite {
        return Ok(());
    }
    for s in statements {
        db.execute(Statement::from_string(DbBackend::Sqlite, s)).await?;
    }
    Ok(())
}

/// Adds to `table` a column `search_text` of at most `len` characters holding `source`
/// lower-cased by Rust (Å, Ä and Ö too: SQLite's `lower()` folds only ASCII), filled for
/// every row there is; the writes keep it from then on.
pub(crate) async fn add_folded_copy(m: &SchemaManager<'_>, table: &str, source: &str, len: u32) -> Result<(), sea_orm::DbErr> {
    use sea_orm_migration::prelude::{Alias, ColumnDef, Table};
    m.alter_table(
        Table::alter()
            .table(Alias::new(table))
            .add_column(ColumnDef::new(Alias::new("search_text")).string_len(len).not_null().default(""))
            .to_owned(),
    )
    .await?;
    let db = m.get_connection();
    let backend = db.get_database_backend();
    let rows = db.query_all(Statement::from_string(backend, format!("SELECT id, {source} FROM {table}"))).await?;
    let sql = match backend {
        DbBackend::Postgres => format!("UPDATE {table} SET search_text = $1 WHERE id = $2"),
        _ => format!("UPDATE {table} SET search_text = ? WHERE id = ?"),
    };
    for r in rows {
        let id: i64 = r.try_get("", "id")?;
        let text: String = r.try_get("", source)?;
        db.execute(Statement::from_sql_and_values(backend, &sql, [text.to_lowercase().into(), id.into()])).await?;
    }
    Ok(())
}

/// Creates an index (as `m0003_documents::index`, not unique) and, on a SQLite database that
/// has statistics, gathers this index's at once (the others' stay); one without is analysed
/// whole when it opens (`statistics`). PostgreSQL keeps no statistics of a plain index.
pub(crate) async fn index_with_statistics(m: &SchemaManager<'_>, name: &str, table: &str, columns: &[&str]) -> Result<(), sea_orm::DbErr> {
    m0003_documents::index(m, name, table, columns, false).await?;
    if m.get_database_backend() == DbBackend::Sqlite && crate::statistics::present(m.get_connection()).await? {
        m.get_connection().execute(Statement::from_string(DbBackend::Sqlite, format!("ANALYZE {name}"))).await?;
    }
    Ok(())
}

/// Why migrating failed.
#[derive(Debug, thiserror::Error)]
pub enum MigrateError {
    /// A migration's statements failed; nothing of it was kept.
    #[error("migration {name} failed and was rolled back: {source}")]
    Failed {
        /// The migration.
        name: String,
        /// The database's error.
        source: sea_orm::DbErr,
    },
    /// The database knows a migration this binary does not: it is newer than we are.
    #[error("the database has migration {0}, which this version of Värn does not know; use a newer Värn")]
    UnknownApplied(String),
    /// The database lacks migrations this binary has: it must be migrated first.
    #[error("the database needs {0} migration(s) this version of Värn has (from {1}); run `varn migrate` while no server uses it")]
    Pending(usize, String),
    /// No migration table at all.
    #[error("this is not a Värn database (no migration table)")]
    NotVarn,
    /// Bookkeeping failed.
    #[error("could not read or write the migration table: {0}")]
    Db(#[from] sea_orm::DbErr),
}

/// Checks, without changing anything, that the database is exactly at this binary's
/// migrations: maintenance commands work on such a database only, and never migrate one (a
/// newer binary must not migrate a database under a running older server).
pub async fn check_current(db: &DatabaseConnection) -> Result<(), MigrateError> {
    let backend = db.get_database_backend();
    let rows =
        db.query_all(Statement::from_string(backend, "SELECT name FROM varn_migrations")).await.map_err(|_| MigrateError::NotVarn)?;
    let mut applied = Vec::new();
    for r in rows {
        applied.push(r.try_get::<String>("", "name")?);
    }
    let known = migrations();
    if let Some(newer) = applied.iter().find(|a| !known.iter().any(|m| m.name() == a.as_str())) {
        return Err(MigrateError::UnknownApplied(newer.clone()));
    }
    let pending: Vec<String> = known.iter().map(|m| m.name().to_owned()).filter(|n| !applied.contains(n)).collect();
    match pending.first() {
        Some(first) => Err(MigrateError::Pending(pending.len(), first.clone())),
        None => Ok(()),
    }
}

/// Applies every migration not yet applied; returns the names applied now.
pub async fn migrate(db: &DatabaseConnection) -> Result<Vec<String>, MigrateError> {
    migrate_with(db, migrations()).await
}

/// Applies `all` (in order) where not yet applied, each in its own transaction. Public so
/// that tests can prove a failing migration leaves nothing behind.
pub async fn migrate_with(db: &DatabaseConnection, all: Vec<Box<dyn MigrationTrait>>) -> Result<Vec<String>, MigrateError> {
    let backend = db.get_database_backend();
    db.execute(Statement::from_string(
        backend,
        "CREATE TABLE IF NOT EXISTS varn_migrations (name VARCHAR(200) NOT NULL PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)",
    ))
    .await?;
    let rows = db.query_all(Statement::from_string(backend, "SELECT name FROM varn_migrations")).await?;
    let mut applied = Vec::new();
    for r in rows {
        applied.push(r.try_get::<String>("", "name")?);
    }
    let known = migrations();
    for name in &applied {
        if !known.iter().chain(all.iter()).any(|m| m.name() == name) {
            return Err(MigrateError::UnknownApplied(name.clone()));
        }
    }
    let mut done = Vec::new();
    for m in all {
        let name = m.name().to_owned();
        if applied.contains(&name) {
            continue;
        }
        let txn = db.begin().await?;
        let result = async {
            let manager = SchemaManager::new(&txn);
            m.up(&manager).await?;
            let sql = match backend {
                DbBackend::Postgres => "INSERT INTO varn_migrations (name, applied_at) VALUES ($1, $2)",
                _ => "INSERT INTO varn_migrations (name, applied_at) VALUES (?, ?)",
            };
            txn.execute(Statement::from_sql_and_values(backend, sql, [name.clone().into(), chrono::Utc::now().to_rfc3339().into()]))
                .await?;
            Ok::<(), sea_orm::DbErr>(())
        }
        .await;
        match result {
            Ok(()) => txn.commit().await.map_err(|source| MigrateError::Failed { name: name.clone(), source })?,
            Err(source) => {
                let _ = txn.rollback().await;
                return Err(MigrateError::Failed { name, source });
            }
        }
        tracing::info!(migration = %name, "applied migration");
        done.push(name);
    }
    if backend == DbBackend::Postgres && done.iter().any(|n| n.starts_with("m0018")) {
        // m0018 rewrote the users table: its visibility map starts empty, so the name index
        // could not answer alone (index-only) until the next vacuum, which a table of people
        // that rarely change may not see for months. VACUUM runs outside a transaction.
        db.execute(Statement::from_string(backend, "VACUUM (ANALYZE) users")).await?;
    }
    Ok(done)
}
