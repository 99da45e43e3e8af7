//! The `classifications` table: every classification of an asset, kept. Answers and levels
//! are JSON in the model's own terms (question ids, aspect codes).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "classifications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub asset_id: i64,
    pub model: String,
    #[sea_orm(column_type = "Text")]
    pub answers: String,
    #[sea_orm(column_type = "Text")]
    pub levels: String,
    pub personal_data: bool,
    pub special_categories: bool,
    pub classified_by: Option<i64>,
    pub with_user_id: Option<i64>,
    pub classified_at: DateTimeUtc,
    pub next_review: Option<Date>,
    #[sea_orm(column_type = "Text", nullable)]
    pub note: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
