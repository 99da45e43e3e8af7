//! The `asset_measures` table: the self-assessment of one requirement of an asset's
//! handlingsplan, with the owner and due date of what is missing.

use sea_orm::entity::prelude::*;
use varn_domain::asset::Assessment;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "asset_measures")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub asset_id: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub requirement: String,
    pub assessment: Option<Assessment>,
    #[sea_orm(column_type = "Text", nullable)]
    pub comment: Option<String>,
    pub owner_user_id: Option<i64>,
    pub due_date: Option<Date>,
    pub updated_by: Option<i64>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
