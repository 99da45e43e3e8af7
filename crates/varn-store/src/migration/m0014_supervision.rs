//! The unit a task is counted under in the follow-up of work (uppföljning): the responsible
//! unit, or for a task given to a person the unit the thing belongs to (a strategy action's
//! responsible unit, an incident's unit). Filled in for the tasks that exist, and indexed for
//! the counts per unit of open and overdue work.

use super::m0003_documents::{a, big, index};
use sea_orm::{ConnectionTrait, Statement};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const BACKFILL: [&str; 3] = [
    "UPDATE tasks SET unit_id = assignee_unit_id WHERE assignee_unit_id IS NOT NULL",
    "UPDATE tasks SET unit_id = (SELECT COALESCE(a.responsible_unit_id, d.unit_id) FROM document_actions a \
     JOIN documents d ON d.id = a.document_id WHERE a.task_id = tasks.id) \
     WHERE unit_id IS NULL AND source_type = 'document.action'",
    "UPDATE tasks SET unit_id = (SELECT i.unit_id FROM incident_actions a JOIN incidents i ON i.id = a.incident_id \
     WHERE a.task_id = tasks.id) WHERE unit_id IS NULL AND source_type = 'incident.action'",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table(a("tasks")).add_column(big("unit_id", true)).to_owned()).await?;
        let db = m.get_connection();
        for sql in BACKFILL {
            db.execute(Statement::from_string(db.get_database_backend(), sql)).await?;
        }
        // Open work per unit and kind: the counts read the index alone, in the order they group.
        index(m, "ix_tasks_open_unit", "tasks", &["status", "unit_id", "source_type", "due_date"], false).await?;
        // The city's most overdue work first, without sorting every open task.
        index(m, "ix_tasks_open_due", "tasks", &["status", "due_date"], false).await?;
        Ok(())
    }
}
