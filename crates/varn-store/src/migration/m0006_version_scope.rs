//! A revision's draft holds its own scope: the owning unit, the unit it applies to, the
//! owner and the document it implements. Until the revision is adopted, the version in
//! force keeps the document's (empty on versions written before: they take the document's).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // One column a statement: SQLite alters one thing at a time.
        for col in ["unit_id", "applies_to_unit_id", "owner_user_id", "parent_id"] {
            m.alter_table(
                Table::alter()
                    .table(Alias::new("document_versions"))
                    .add_column(ColumnDef::new(Alias::new(col)).big_integer().null())
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}
