//! The `risks` table: one risk of an analysis. It carries its analysis's unit (scope, lists
//! and the heat map need no join) and its scores (likelihood × consequence, before and after
//! treatment) so that lists sort and filter by level through an index.

use sea_orm::entity::prelude::*;
use varn_domain::risk::{RiskStatus, Treatment};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "risks")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub analysis_id: i64,
    pub unit_id: i64,
    pub title: String,
    pub description: Option<String>,
    /// A code of the threat catalogue.
    pub threat: String,
    /// A code of the vulnerability catalogue.
    pub vulnerability: String,
    /// The aspects it threatens, codes of the classification model (`k,t`).
    pub aspects: String,
    pub likelihood: i64,
    pub consequence: i64,
    pub score: i64,
    pub residual_likelihood: Option<i64>,
    pub residual_consequence: Option<i64>,
    /// The residual score, or the inherent one while none is assessed.
    pub residual_score: i64,
    pub treatment: Option<Treatment>,
    pub treatment_plan: Option<String>,
    pub owner_user_id: Option<i64>,
    #[serde(serialize_with = "varn_domain::json_time::opt_date")]
    pub review_on: Option<Date>,
    pub status: RiskStatus,
    pub accepted_by: Option<i64>,
    #[serde(serialize_with = "varn_domain::json_time::opt_date")]
    pub accepted_on: Option<Date>,
    /// Title lower-cased, for search.
    pub search_text: String,
    #[serde(serialize_with = "varn_domain::json_time::datetime")]
    pub created_at: DateTimeUtc,
    #[serde(serialize_with = "varn_domain::json_time::datetime")]
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(belongs_to = "super::org_unit::Entity", from = "Column::UnitId", to = "super::org_unit::Column::Id")]
    Unit,
    #[sea_orm(belongs_to = "super::user::Entity", from = "Column::OwnerUserId", to = "super::user::Column::Id")]
    Owner,
    #[sea_orm(belongs_to = "super::risk_analysis::Entity", from = "Column::AnalysisId", to = "super::risk_analysis::Column::Id")]
    Analysis,
}

impl Related<super::org_unit::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Unit.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
