//! The `incident_duties` table: whether a reporting duty applies, who answered and why.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "incident_duties")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub incident_id: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub regime: String,
    pub applies: bool,
    /// The assessment (required when a personal data breach is judged not reportable).
    #[sea_orm(column_type = "Text", nullable)]
    pub note: Option<String>,
    pub answered_by: i64,
    pub answered_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
