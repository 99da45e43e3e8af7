//! The `risk_actions` table: a treatment action of a risk (åtgärd), by a named person, carried
//! as a task in their Mina uppgifter (the task's status is the action's).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "risk_actions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub risk_id: i64,
    pub title: String,
    pub responsible_user_id: i64,
    pub due_date: Option<Date>,
    pub task_id: i64,
    pub created_by: i64,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
