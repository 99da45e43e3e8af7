//! Finding a person by a part of their name among 50 000: an index made for substring search.
//! SQLite: an FTS5 table with the trigram tokenizer over name, sign-in name and e-mail, kept
//! in step with `users` by triggers (it also folds å, ä and ö, which SQLite's `lower()` does
//! not). PostgreSQL: `pg_trgm` GIN indexes on the lower-cased columns the searches compare.

use sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const SQLITE: [&str; 5] = [
    "CREATE VIRTUAL TABLE users_fts USING fts5(display_name, username, email, content='users', content_rowid='id', tokenize='trigram')",
    "INSERT INTO users_fts(users_fts) VALUES ('rebuild')",
    "CREATE TRIGGER users_fts_ai AFTER INSERT ON users BEGIN \
       INSERT INTO users_fts(rowid, display_name, username, email) VALUES (new.id, new.display_name, new.username, new.email); END",
    "CREATE TRIGGER users_fts_ad AFTER DELETE ON users BEGIN \
       INSERT INTO users_fts(users_fts, rowid, display_name, username, email) VALUES ('delete', old.id, old.display_name, old.username, old.email); END",
    "CREATE TRIGGER users_fts_au AFTER UPDATE OF display_name, username, email ON users BEGIN \
       INSERT INTO users_fts(users_fts, rowid, display_name, username, email) VALUES ('delete', old.id, old.display_name, old.username, old.email); \
       INSERT INTO users_fts(rowid, display_name, username, email) VALUES (new.id, new.display_name, new.username, new.email); END",
];

/// The indexes, with the schema pg_trgm's operator class lives in.
fn postgres_indexes(schema: &str) -> [String; 3] {
    [
        format!("CREATE INDEX ix_users_name_trgm ON users USING gin (lower(display_name) \"{schema}\".gin_trgm_ops)"),
        format!("CREATE INDEX ix_users_username_trgm ON users USING gin (lower(username) \"{schema}\".gin_trgm_ops)"),
        format!("CREATE INDEX ix_users_email_trgm ON users USING gin (lower(email) \"{schema}\".gin_trgm_ops)"),
    ]
}

/// pg_trgm is one per database: created once in `public` (under a lock, as several
/// migrations may run at once), then found wherever it is.
async fn trgm_schema(db: &sea_orm_migration::SchemaManagerConnection<'_>) -> Result<Option<String>, DbErr> {
    let pg = DbBackend::Postgres;
    let one = |sql: &str| Statement::from_string(pg, sql.to_owned());
    let available = db.query_one(one("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")).await?.is_some();
    if !available {
        tracing::warn!("pg_trgm is not installed on the server: people are found without a trigram index");
        return Ok(None);
    }
    db.execute(one("SELECT pg_advisory_xact_lock(7346201)")).await?;
    let find = "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'";
    if db.query_one(one(find)).await?.is_none() {
        db.execute(one("CREATE EXTENSION pg_trgm WITH SCHEMA public")).await?;
    }
    let row = db.query_one(one(find)).await?.ok_or_else(|| DbErr::Custom("pg_trgm did not install".into()))?;
    Ok(Some(row.try_get_by_index::<String>(0)?))
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        let backend = db.get_database_backend();
        match backend {
            DbBackend::Postgres => {
                if let Some(schema) = trgm_schema(db).await? {
                    for sql in postgres_indexes(&schema) {
                        db.execute(Statement::from_string(backend, sql)).await?;
                    }
                }
            }
            _ => {
                for sql in SQLITE {
                    db.execute(Statement::from_string(backend, sql)).await?;
                }
            }
        }
        Ok(())
    }
}
