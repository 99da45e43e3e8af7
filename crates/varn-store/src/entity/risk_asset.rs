//! The `risk_assets` table: an information asset a risk concerns.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "risk_assets")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub risk_id: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub asset_id: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
