//! The `incidents` table: an incident as reported and as handled. `next_due` is the nearest
//! deadline of a report not yet sent (kept by the app on every change that moves it).

use sea_orm::entity::prelude::*;
use varn_domain::incident::{Answer, Category, Level, Severity, Status};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "incidents")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The affected unit.
    pub unit_id: i64,
    pub reporter_user_id: i64,
    pub handler_user_id: Option<i64>,
    pub title: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub description: Option<String>,
    /// When the reporter noticed it.
    pub noticed_at: DateTimeUtc,
    /// When the city (the verksamhetsutövare) became aware: the legal clocks count from it.
    pub aware_at: DateTimeUtc,
    pub reported_at: DateTimeUtc,
    pub status: Status,
    pub category: Option<Category>,
    pub type_code: Option<String>,
    pub severity: Option<Severity>,
    pub level: Level,
    /// Systems named in words (the carriers it concerns are linked in `incident_carriers`).
    pub systems: Option<String>,
    pub suppliers: Option<String>,
    /// Whether personal data were affected, as the reporter or handler knows it.
    pub personal_data: Answer,
    /// The verksamhetsutövare that reports under cybersäkerhetslagen (the city or a bolag).
    pub operator_unit_id: Option<i64>,
    /// The personuppgiftsansvarig nämnd or bolag.
    pub pua_unit_id: Option<i64>,
    #[sea_orm(column_type = "Text", nullable)]
    pub root_cause: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub lessons: Option<String>,
    pub contained_at: Option<DateTimeUtc>,
    pub closed_at: Option<DateTimeUtc>,
    pub next_due: Option<DateTimeUtc>,
    pub search_text: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(belongs_to = "super::org_unit::Entity", from = "Column::UnitId", to = "super::org_unit::Column::Id")]
    Unit,
    #[sea_orm(belongs_to = "super::user::Entity", from = "Column::ReporterUserId", to = "super::user::Column::Id")]
    Reporter,
}

impl Related<super::org_unit::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Unit.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
