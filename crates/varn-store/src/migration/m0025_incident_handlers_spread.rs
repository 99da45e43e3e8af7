//! PostgreSQL plans each statement once per connection, for any values (session 25), so a
//! handler's open incidents are planned for the average handler, which PostgreSQL reckons
//! from the column's statistics. Where one person handles nearly every incident (the
//! benchmark's workload gives every handled incident to one samordnare; a small
//! municipality may have only one), that average is every incident: the plan then read every open incident in the city through the status
//! index to find the handler's (8 500 open, 7 ms for a unit head who handles none), instead
//! of reading the handler's own through `ix_incidents_handler_status` (0.1 ms).
//!
//! The column is told that its people are many (one for about every hundred incidents), which
//! is what a city's handlers are over the years; PostgreSQL keeps the setting through every
//! `ANALYZE` and applies it from the one this migration runs. A plan that reads one handler's
//! incidents through their index costs little whoever it is; the other plan pays off only for
//! a handler who holds nearly all of them, and even then by little. SQLite, which plans with
//! the values, needs nothing.

use sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The handlers' spread as PostgreSQL's `n_distinct`: negative, a share of the rows.
const HANDLERS_SPREAD: &str = "-0.01";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() != DbBackend::Postgres {
            return Ok(());
        }
        let conn = m.get_connection();
        let pg = DbBackend::Postgres;
        let spread = format!("ALTER TABLE incidents ALTER COLUMN handler_user_id SET (n_distinct = {HANDLERS_SPREAD})");
        conn.execute(Statement::from_string(pg, spread)).await?;
        conn.execute(Statement::from_string(pg, "ANALYZE incidents")).await?;
        Ok(())
    }
}
