//! The `document_remisses` table: a remissinstans (a unit, answering through its head or a
//! named person) asked to answer a version on remiss by a date, and its answer.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "document_remisses")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub document_id: i64,
    pub version_id: i64,
    pub unit_id: i64,
    pub person_user_id: Option<i64>,
    pub due_date: Option<Date>,
    pub task_id: Option<i64>,
    pub sent_by: Option<i64>,
    pub sent_at: DateTimeUtc,
    pub answered_by: Option<i64>,
    pub answered_at: Option<DateTimeUtc>,
    #[sea_orm(column_type = "Text", nullable)]
    pub answer: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
