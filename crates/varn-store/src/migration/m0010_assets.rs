//! Information assets, carriers and classification: the assets (informationsmängder), the
//! carriers they live on and what carriers depend on, every classification kept, the levels
//! of the one in force (one row an aspect, so that pictures and inheritance are SQL), and
//! the self-assessments of each asset's handlingsplan.

use super::m0003_documents::{a, big, date, fk, id, index, text, ts};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn flag(c: &str) -> ColumnDef {
    ColumnDef::new(a(c)).boolean().not_null().default(false).to_owned()
}

fn long(c: &str) -> ColumnDef {
    ColumnDef::new(a(c)).text().null().to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        assets(m).await?;
        carriers(m).await?;
        links(m).await?;
        classifications(m).await?;
        measures(m).await
    }
}

async fn assets(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let t = "assets";
    m.create_table(
        Table::create()
            .table(a(t))
            .col(id())
            .col(big("unit_id", false))
            .col(text("name", 300, false))
            .col(long("description"))
            .col(big("owner_user_id", true))
            .col(big("pua_unit_id", true))
            .col(text("forms", 64, false).default("").to_owned())
            .col(text("processes", 500, true))
            .col(text("osl", 200, true))
            .col(flag("personal_data"))
            .col(flag("special_categories"))
            .col(big("classification_id", true))
            .col(big("max_level", true))
            .col(date("classified_on"))
            .col(date("next_review"))
            .col(text("search_text", 600, false))
            .col(ts("created_at", false))
            .col(ts("updated_at", false))
            .foreign_key(&mut fk(t, "unit_id", "org_units"))
            .foreign_key(&mut fk(t, "owner_user_id", "users"))
            .foreign_key(&mut fk(t, "pua_unit_id", "org_units"))
            .to_owned(),
    )
    .await?;
    index(m, "ix_assets_unit", t, &["unit_id", "name"], false).await?;
    index(m, "ix_assets_owner", t, &["owner_user_id"], false).await?;
    index(m, "ix_assets_review", t, &["next_review"], false).await?;
    index(m, "ix_assets_name", t, &["name", "id"], false).await
}

async fn carriers(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let t = "carriers";
    m.create_table(
        Table::create()
            .table(a(t))
            .col(id())
            .col(big("unit_id", false))
            .col(text("kind", 24, false))
            .col(text("name", 300, false))
            .col(long("description"))
            .col(big("system_owner_user_id", true))
            .col(big("system_admin_user_id", true))
            .col(text("supplier", 200, true))
            .col(text("hosting", 16, true))
            .col(text("country", 64, true))
            .col(flag("third_country"))
            .col(text("transfer_basis", 300, true))
            .col(text("search_text", 600, false))
            .col(ts("created_at", false))
            .col(ts("updated_at", false))
            .foreign_key(&mut fk(t, "unit_id", "org_units"))
            .foreign_key(&mut fk(t, "system_owner_user_id", "users"))
            .foreign_key(&mut fk(t, "system_admin_user_id", "users"))
            .to_owned(),
    )
    .await?;
    index(m, "ix_carriers_unit", t, &["unit_id"], false).await?;
    index(m, "ix_carriers_name", t, &["name", "id"], false).await?;
    index(m, "ix_carriers_owner", t, &["system_owner_user_id"], false).await
}

/// Which carriers an asset lives on, and which carriers a carrier depends on.
async fn links(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let t = "asset_carriers";
    m.create_table(
        Table::create()
            .table(a(t))
            .col(big("asset_id", false))
            .col(big("carrier_id", false))
            .primary_key(Index::create().col(a("asset_id")).col(a("carrier_id")))
            .foreign_key(&mut fk(t, "asset_id", "assets"))
            .foreign_key(&mut fk(t, "carrier_id", "carriers"))
            .to_owned(),
    )
    .await?;
    index(m, "ix_asset_carriers_carrier", t, &["carrier_id", "asset_id"], false).await?;
    let t = "carrier_deps";
    m.create_table(
        Table::create()
            .table(a(t))
            .col(big("carrier_id", false))
            .col(big("depends_on_id", false))
            .primary_key(Index::create().col(a("carrier_id")).col(a("depends_on_id")))
            .foreign_key(&mut fk(t, "carrier_id", "carriers"))
            .foreign_key(&mut fk(t, "depends_on_id", "carriers"))
            .to_owned(),
    )
    .await?;
    index(m, "ix_carrier_deps_on", t, &["depends_on_id", "carrier_id"], false).await
}

/// Every classification kept (answers and levels as JSON, in the model's own terms), and the
/// levels of the one in force as rows.
async fn classifications(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let t = "classifications";
    m.create_table(
        Table::create()
            .table(a(t))
            .col(id())
            .col(big("asset_id", false))
            .col(text("model", 64, false))
            .col(ColumnDef::new(a("answers")).text().not_null())
            .col(ColumnDef::new(a("levels")).text().not_null())
            .col(flag("personal_data"))
            .col(flag("special_categories"))
            .col(big("classified_by", true))
            .col(big("with_user_id", true))
            .col(ts("classified_at", false))
            .col(date("next_review"))
            .col(long("note"))
            .foreign_key(&mut fk(t, "asset_id", "assets"))
            .foreign_key(&mut fk(t, "classified_by", "users"))
            .foreign_key(&mut fk(t, "with_user_id", "users"))
            .to_owned(),
    )
    .await?;
    index(m, "ix_classifications_asset", t, &["asset_id", "id"], false).await?;
    let t = "asset_levels";
    m.create_table(
        Table::create()
            .table(a(t))
            .col(big("asset_id", false))
            .col(text("aspect", 8, false))
            .col(big("level", false))
            .primary_key(Index::create().col(a("asset_id")).col(a("aspect")))
            .foreign_key(&mut fk(t, "asset_id", "assets"))
            .to_owned(),
    )
    .await?;
    index(m, "ix_asset_levels_aspect", t, &["aspect", "level"], false).await
}

/// The self-assessment of each requirement of an asset's handlingsplan.
async fn measures(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let t = "asset_measures";
    m.create_table(
        Table::create()
            .table(a(t))
            .col(big("asset_id", false))
            .col(text("requirement", 32, false))
            .col(text("assessment", 16, true))
            .col(long("comment"))
            .col(big("owner_user_id", true))
            .col(date("due_date"))
            .col(big("updated_by", true))
            .col(ts("updated_at", false))
            .primary_key(Index::create().col(a("asset_id")).col(a("requirement")))
            .foreign_key(&mut fk(t, "asset_id", "assets"))
            .foreign_key(&mut fk(t, "owner_user_id", "users"))
            .to_owned(),
    )
    .await?;
    index(m, "ix_asset_measures_owner", t, &["owner_user_id", "due_date"], false).await
}
