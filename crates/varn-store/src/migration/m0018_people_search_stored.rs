//! PostgreSQL's name search reads stored, folded text instead of computing `lower()` per row:
//! `users.search_name` (generated: `lower(display_name || ' ' || username)`, what the person
//! picker searches) and `users.search_text` (the same and the e-mail, what the user list
//! searches), each with a trigram index in place of m0016's expression index and the e-mail's;
//! and an index in name order that carries both and whether the person is active (`INCLUDE`),
//! so that a search matching many people reads names in order from the index alone (no table
//! row per name passed over: 8.5 → 1.0 ms for "anna" among 50 000). SQLite is unchanged (FTS5).

use super::m0016_people_search_pg::trgm_schema;
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        if db.get_database_backend() != DbBackend::Postgres {
            return Ok(());
        }
        let mut sql = vec![
            "ALTER TABLE users ADD COLUMN search_name text GENERATED ALWAYS AS (lower(display_name || ' ' || username)) STORED".to_owned(),
            "ALTER TABLE users ADD COLUMN search_text text \
             GENERATED ALWAYS AS (lower(display_name || ' ' || username || ' ' || coalesce(email, ''))) STORED"
                .to_owned(),
            "CREATE INDEX ix_users_name_order ON users (display_name, id) INCLUDE (search_name, search_text, active)".to_owned(),
        ];
        if let Some(schema) = trgm_schema(db).await? {
            sql.push(format!("CREATE INDEX ix_users_search_name ON users USING gin (search_name \"{schema}\".gin_trgm_ops)"));
            sql.push(format!("CREATE INDEX ix_users_search_text ON users USING gin (search_text \"{schema}\".gin_trgm_ops)"));
            sql.push("DROP INDEX IF EXISTS ix_users_search_name_trgm".to_owned());
            sql.push("DROP INDEX IF EXISTS ix_users_email_trgm".to_owned());
        }
        for s in sql {
            db.execute(Statement::from_string(DbBackend::Postgres, s)).await?;
        }
        Ok(())
    }
}
