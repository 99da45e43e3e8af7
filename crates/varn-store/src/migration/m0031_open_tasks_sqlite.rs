//! SQLite reads a person's open tasks (Mina uppgifter, the task API) from two indexes that
//! carry the whole row a list shows: one of the open tasks by the person they are given to,
//! one by the unit, each in the list's order (undated last, then due date, then id). A list
//! is then two walks of those indexes merged in order (`repo::tasks`), and its count two
//! counts of them, where before SQLite found the same tasks through `ix_tasks_user` and
//! `ix_tasks_unit` combined (`MULTI-INDEX OR`: a set of row ids built to drop the tasks found
//! twice), looked each up in the table (375 000 tasks at storstad, the open ones scattered
//! among them) and sorted them. A head's 151 open tasks at storstad, measured on a copy
//! (Python's sqlite3, µs a statement): the count about 80–100 → 12–18.
//!
//! Partial indexes (`WHERE status = 'open'`): the done tasks, two in three at storstad, are in
//! neither. PostgreSQL's reads are unchanged (its bitmap scans combine the two indexes it has).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The index of the open tasks by the person they are given to (`repo::tasks` names it).
pub(crate) const BY_USER: &str = "ix_tasks_open_user_rows";
/// The index of the open tasks by the unit they are given to.
pub(crate) const BY_UNIT: &str = "ix_tasks_open_unit_rows";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let row = "due_date IS NULL, due_date, id, source_type, title, link";
        super::on_sqlite_only(
            m,
            [
                format!("CREATE INDEX {BY_USER} ON tasks (assignee_user_id, {row}, assignee_unit_id, status) WHERE status = 'open'"),
                format!("CREATE INDEX {BY_UNIT} ON tasks (assignee_unit_id, {row}, assignee_user_id, status) WHERE status = 'open'"),
            ],
        )
        .await
    }
}
