//! E-mail: an outbox in the database (written in the same transaction as the change that
//! causes it, so a mail server outage loses nothing and delivery is retried), each person's
//! choice of immediate mail or a daily digest, and the deadline reminders already sent.

use super::m0003_documents::{a, big, fk, id, index, text, ts};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let t = "mail_outbox";
        m.create_table(
            Table::create()
                .table(a(t))
                .col(id())
                .col(big("user_id", true))
                .col(text("to_addr", 320, false))
                .col(text("subject", 300, false))
                .col(ColumnDef::new(a("body")).text().not_null())
                .col(ColumnDef::new(a("digest")).boolean().not_null().default(false))
                .col(ts("created_at", false))
                .col(ts("deliver_after", false))
                .col(ColumnDef::new(a("attempts")).integer().not_null().default(0))
                .col(ts("sent_at", true))
                .col(text("last_error", 500, true))
                .foreign_key(&mut fk(t, "user_id", "users"))
                .to_owned(),
        )
        .await?;
        index(m, "ix_mail_outbox_due", t, &["sent_at", "deliver_after"], false).await?;
        let t = "mail_prefs";
        m.create_table(
            Table::create()
                .table(a(t))
                .col(big("user_id", false).primary_key().to_owned())
                .col(text("mode", 16, false))
                .col(ts("updated_at", false))
                .foreign_key(&mut fk(t, "user_id", "users"))
                .to_owned(),
        )
        .await?;
        let t = "incident_reminders";
        m.create_table(
            Table::create()
                .table(a(t))
                .col(big("incident_id", false))
                .col(ts("due_at", false))
                .primary_key(Index::create().col(a("incident_id")).col(a("due_at")))
                .foreign_key(&mut fk(t, "incident_id", "incidents"))
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
