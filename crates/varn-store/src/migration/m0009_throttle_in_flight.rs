//! Password checks in flight, so that parallel sign-ins wait for each other's outcome instead
//! of counting as failures (16 right passwords at once all sign in; 40 wrong ones get 5 checks).

use super::m0003_documents::{a, big};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let col = big("in_flight", false).default(0).to_owned();
        m.alter_table(Table::alter().table(a("sign_in_throttles")).add_column(col).to_owned()).await
    }
}
