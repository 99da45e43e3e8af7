//! Sign-in throttles: failed password checks counted per source and account name (and per
//! source over all names), instead of a lock on the account that anyone could trigger.

use super::m0003_documents::{a, big, index, text, ts};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let t = "sign_in_throttles";
        m.create_table(
            Table::create()
                .table(a(t))
                .col(text("source", 64, false))
                .col(text("account", 64, false))
                .col(big("attempts", false).default(0).to_owned())
                .col(big("failures", false).default(0).to_owned())
                .col(big("unaudited", false).default(0).to_owned())
                .col(big("audit_minute", true))
                .col(ts("blocked_until", true))
                .col(ts("first_at", false))
                .col(ts("last_at", false))
                .primary_key(Index::create().col(a("source")).col(a("account")))
                .to_owned(),
        )
        .await?;
        index(m, "ix_sign_in_throttles_last", t, &["last_at"], false).await
    }
}
