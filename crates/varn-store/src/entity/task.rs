//! The `tasks` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "tasks")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub source_type: String,
    pub source_id: Option<i64>,
    pub title: String,
    pub link: String,
    pub assignee_user_id: Option<i64>,
    pub assignee_unit_id: Option<i64>,
    pub due_date: Option<Date>,
    pub status: varn_domain::task::TaskStatus,
    pub created_at: DateTimeUtc,
    pub completed_at: Option<DateTimeUtc>,
    /// The unit the task is counted under in the follow-up of work.
    pub unit_id: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
