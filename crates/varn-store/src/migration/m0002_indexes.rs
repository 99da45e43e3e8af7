//! Indexes found missing by the storstad benchmark.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // Mina uppgifter looks up the units a user heads.
        m.create_index(Index::create().name("ix_org_units_head").table(Alias::new("org_units")).col(Alias::new("head_user_id")).to_owned())
            .await?;
        Ok(())
    }
}
