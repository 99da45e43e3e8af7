//! The `incident_events` table: one step of an incident's timeline.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "incident_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub incident_id: i64,
    pub at: DateTimeUtc,
    pub user_id: Option<i64>,
    /// What happened (`reported`, `triaged`, `status`, `note`, `duty`, `report_sent`, `escalated`).
    pub kind: String,
    /// Words written by a person.
    #[sea_orm(column_type = "Text", nullable)]
    pub text: Option<String>,
    /// The codes of the step (a status moved, a regime answered), as JSON.
    #[sea_orm(column_type = "Text", nullable)]
    pub data: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
