//! The `incident_reports` table: a report sent to an authority (or the data subjects).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "incident_reports")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub incident_id: i64,
    pub regime: String,
    pub report: String,
    /// `sent`, or `not_required` (judged not to be sent, the assessment in `note`).
    pub outcome: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub note: Option<String>,
    pub sent_at: DateTimeUtc,
    pub sent_by: i64,
    pub recipient: String,
    /// The authority's reference (diarienummer, case number).
    pub reference: Option<String>,
    /// The deadline it had when it was sent (none: no fixed hour).
    pub due_at: Option<DateTimeUtc>,
    pub recorded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
