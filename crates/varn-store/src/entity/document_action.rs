//! The `document_actions` table: a strategy's åtgärder.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "document_actions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub document_id: i64,
    pub title: String,
    pub responsible_user_id: Option<i64>,
    pub responsible_unit_id: Option<i64>,
    pub due_date: Option<Date>,
    pub priority: varn_domain::document::Priority,
    pub task_id: Option<i64>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
