//! PostgreSQL's name search in one trigram index instead of two: `lower(display_name || ' ' ||
//! username)`, the expression the searches compare (one `lower()` per row to recheck instead of
//! two, and one index scan instead of a BitmapOr). The e-mail index stays for the user list.
//! SQLite is unchanged (its FTS5 table covers all three columns).

use sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The schema pg_trgm lives in, if it is installed in this database.
pub(super) async fn trgm_schema(db: &sea_orm_migration::SchemaManagerConnection<'_>) -> Result<Option<String>, DbErr> {
    let find = "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'";
    let row = db.query_one(Statement::from_string(DbBackend::Postgres, find.to_owned())).await?;
    row.map(|r| r.try_get_by_index::<String>(0)).transpose()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        if db.get_database_backend() != DbBackend::Postgres {
            return Ok(());
        }
        let Some(schema) = trgm_schema(db).await? else { return Ok(()) };
        for sql in [
            format!(
                "CREATE INDEX ix_users_search_name_trgm ON users USING gin ((lower(display_name || ' ' || username)) \"{schema}\".gin_trgm_ops)"
            ),
            "DROP INDEX IF EXISTS ix_users_name_trgm".to_owned(),
            "DROP INDEX IF EXISTS ix_users_username_trgm".to_owned(),
        ] {
            db.execute(Statement::from_string(DbBackend::Postgres, sql)).await?;
        }
        Ok(())
    }
}
