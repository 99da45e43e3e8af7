//! A decision is a real decision: the body that decided (a concrete unit), "gäller från",
//! the chef who approved an instruction and who was consulted, the protokollsutdrag; the
//! repeal as a decision of its own; the last review; remiss to named instances.

use super::m0003_documents::{a, big, date, fk, id, index, text, ts};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

async fn add(m: &SchemaManager<'_>, table: &str, col: ColumnDef) -> Result<(), DbErr> {
    // One column a statement: SQLite alters one thing at a time.
    m.alter_table(Table::alter().table(a(table)).add_column(col).to_owned()).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let v = "document_versions";
        for c in ["deciding_unit_id", "approved_by_user_id", "approver_unit_id", "protocol_attachment_id"] {
            add(m, v, big(c, true)).await?;
        }
        add(m, v, date("valid_from")).await?;
        add(m, v, text("consulted", 500, true)).await?;
        let d = "documents";
        for c in ["repeal_unit_id", "replaced_by_id", "repealed_by"] {
            add(m, d, big(c, true)).await?;
        }
        add(m, d, date("reviewed_on")).await?;
        add(m, d, date("repealed_on")).await?;
        add(m, d, text("repeal_body", 32, true)).await?;
        add(m, d, text("repeal_diarienummer", 64, true)).await?;
        add(m, d, text("repeal_paragraph", 32, true)).await?;
        // A read-confirmation request may name a last date.
        add(m, "document_ack_requests", date("due_date")).await?;
        // API tokens expire (none on tokens made before: they keep working until revoked).
        add(m, "api_tokens", ts("expires_at", true)).await?;
        // A session also ends when it sits unused.
        add(m, "sessions", ts("last_seen_at", true)).await?;
        remiss(m).await
    }
}

/// Remissinstanser: the units (answering through their head or a named person) asked to
/// answer a remiss by a date; each answer with who and when.
async fn remiss(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let t = "document_remisses";
    m.create_table(
        Table::create()
            .table(a(t))
            .col(id())
            .col(big("document_id", false))
            .col(big("version_id", false))
            .col(big("unit_id", false))
            .col(big("person_user_id", true))
            .col(date("due_date"))
            .col(big("task_id", true))
            .col(big("sent_by", true))
            .col(ts("sent_at", false))
            .col(big("answered_by", true))
            .col(ts("answered_at", true))
            .col(ColumnDef::new(a("answer")).text().null())
            .foreign_key(&mut fk(t, "document_id", "documents"))
            .foreign_key(&mut fk(t, "version_id", "document_versions"))
            .foreign_key(&mut fk(t, "unit_id", "org_units"))
            .foreign_key(&mut fk(t, "person_user_id", "users"))
            .foreign_key(&mut fk(t, "task_id", "tasks"))
            .to_owned(),
    )
    .await?;
    index(m, "ix_document_remisses_doc", t, &["document_id", "version_id"], false).await?;
    index(m, "ix_document_remisses_task", t, &["task_id"], false).await
}
