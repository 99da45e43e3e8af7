//! The `carriers` table: an informationsbärare (paper, removable media, IT system, IT
//! service, a role).

use sea_orm::entity::prelude::*;
use varn_domain::asset::{CarrierKind, Hosting};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "carriers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub unit_id: i64,
    pub kind: CarrierKind,
    pub name: String,
    pub description: Option<String>,
    pub system_owner_user_id: Option<i64>,
    pub system_admin_user_id: Option<i64>,
    pub supplier: Option<String>,
    pub hosting: Option<Hosting>,
    pub country: Option<String>,
    pub third_country: bool,
    pub transfer_basis: Option<String>,
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
    #[sea_orm(belongs_to = "super::user::Entity", from = "Column::SystemOwnerUserId", to = "super::user::Column::Id")]
    Owner,
}

impl Related<super::org_unit::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Unit.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
