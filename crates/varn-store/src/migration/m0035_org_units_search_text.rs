//! A folded copy of each unit's name for the unit list's search, as the documents have
//! (m0005): lower-cased by Rust, so Å, Ä and Ö fold on SQLite too. The search was
//! `lower("name") LIKE …`, and SQLite's `lower()` folds only ASCII: "Östermalm" found none of
//! the eighteen units named "Östermalms …" on SQLite (PostgreSQL's found them). Reading the
//! folded copy also spares the call of `lower()` on each of a city's units (692 at storstad).

use sea_orm::{ConnectionTrait, Statement};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Alias::new("org_units"))
                .add_column(ColumnDef::new(Alias::new("search_text")).string_len(200).not_null().default(""))
                .to_owned(),
        )
        .await?;
        let db = m.get_connection();
        let backend = db.get_database_backend();
        let rows = db.query_all(Statement::from_string(backend, "SELECT id, name FROM org_units")).await?;
        let sql = match backend {
            sea_orm::DbBackend::Postgres => "UPDATE org_units SET search_text = $1 WHERE id = $2",
            _ => "UPDATE org_units SET search_text = ? WHERE id = ?",
        };
        for r in rows {
            let id: i64 = r.try_get("", "id")?;
            let name: String = r.try_get("", "name")?;
            db.execute(Statement::from_sql_and_values(backend, sql, [name.to_lowercase().into(), id.into()])).await?;
        }
        Ok(())
    }
}
