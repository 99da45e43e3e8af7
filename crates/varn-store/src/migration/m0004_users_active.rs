//! An index the storstad benchmark asked for: follow-up looks for documents whose owner has
//! left (an inactive user), which are few; without the index that meant a lookup per
//! document.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(Index::create().name("ix_users_active").table(Alias::new("users")).col(Alias::new("active")).to_owned()).await?;
        Ok(())
    }
}
