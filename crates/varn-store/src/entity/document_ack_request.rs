//! The `document_ack_requests` table: a unit's staff asked to confirm a version.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "document_ack_requests")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub document_id: i64,
    pub version_id: i64,
    pub unit_id: i64,
    pub requested_by: Option<i64>,
    pub requested_at: DateTimeUtc,
    /// The last day to confirm, if the requester gave one.
    pub due_date: Option<Date>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
