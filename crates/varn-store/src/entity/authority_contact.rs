//! The `authority_contacts` table: a contact made with an authority or network — a call, a
//! mail, a meeting, a report filed — on behalf of a unit, from an incident or otherwise.

use sea_orm::entity::prelude::*;
use varn_domain::incident::{Channel, Direction};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "authority_contacts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub authority_id: i64,
    pub at: DateTimeUtc,
    pub direction: Direction,
    pub channel: Channel,
    #[sea_orm(column_type = "Text")]
    pub summary: String,
    pub reference: Option<String>,
    pub incident_id: Option<i64>,
    pub unit_id: i64,
    pub user_id: i64,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
