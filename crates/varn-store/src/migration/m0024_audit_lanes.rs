//! The audit chain in lanes, so that PostgreSQL's writers do not queue behind one another's
//! commit.
//!
//! One chain has one head, and its row lock is held from the append to the commit: every
//! write waited for the one before it to reach the disk (an fsync, 0.8 ms on the project's
//! machine), a ceiling below 1 000 writes a second whatever the CPU. Now there are
//! [`LANES`](crate::repo::audit::LANES) heads: each is a chain of its own, a writer takes the
//! first lane no other transaction holds, and PostgreSQL flushes the commits of several lanes
//! together. A row's id comes from a sequence (on SQLite, whose one writer appends in lane 1,
//! from the largest id), so the log keeps one order across lanes.
//!
//! Rows already written stay as they are: they are lane 1 (the column's default; no row is
//! updated, which the append-only triggers would refuse) and their hashes are unchanged,
//! because a row's lane is hashed only when it is not 1.

use sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Alias::new("audit_log"))
                .add_column(ColumnDef::new(Alias::new("lane")).small_integer().not_null().default(1))
                .to_owned(),
        )
        .await?;
        let conn = m.get_connection();
        let backend = m.get_database_backend();
        let lanes = crate::repo::audit::LANES;
        let heads = (2..=lanes).map(|l| format!("({l}, 0, '{}')", varn_domain::audit::GENESIS)).collect::<Vec<_>>().join(", ");
        conn.execute(Statement::from_string(backend, format!("INSERT INTO audit_head (id, last_seq, last_hash) VALUES {heads}"))).await?;
        if backend == DbBackend::Postgres {
            conn.execute(Statement::from_string(backend, "CREATE SEQUENCE audit_log_ids")).await?;
            conn.execute(Statement::from_string(backend, crate::repo::audit::IDS_FOLLOW)).await?;
        }
        Ok(())
    }
}
