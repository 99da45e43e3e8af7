//! A folded copy of each unit's name for the unit list's search, as the documents have
//! (m0005): lower-cased by Rust, so Å, Ä and Ö fold on SQLite too. The search was
//! `lower("name") LIKE …`, and SQLite's `lower()` folds only ASCII: "Östermalm" found none of
//! the eighteen units named "Östermalms …" on SQLite (PostgreSQL's found them). Reading the
//! folded copy also spares the call of `lower()` on each of a city's units (692 at storstad).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        super::add_folded_copy(m, "org_units", "name", 200).await
    }
}
