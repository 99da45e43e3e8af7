//! The `risk_analyses` table: a risk analysis (riskanalys) of a unit: what it covers, when it
//! was made and who took part. Its risks sit in `risks`.

use sea_orm::entity::prelude::*;
use varn_domain::risk::ScopeKind;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "risk_analyses")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub unit_id: i64,
    pub title: String,
    pub scope_kind: ScopeKind,
    /// What exactly it covers (the asset, system, process or project by name).
    pub scope_text: Option<String>,
    #[serde(serialize_with = "varn_domain::json_time::date")]
    pub analysed_on: Date,
    pub participants: Option<String>,
    pub description: Option<String>,
    /// Title lower-cased, for search.
    pub search_text: String,
    pub created_by: i64,
    #[serde(serialize_with = "varn_domain::json_time::datetime")]
    pub created_at: DateTimeUtc,
    #[serde(serialize_with = "varn_domain::json_time::datetime")]
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(belongs_to = "super::org_unit::Entity", from = "Column::UnitId", to = "super::org_unit::Column::Id")]
    Unit,
}

impl Related<super::org_unit::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Unit.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
