//! The `documents` table: a governing document across its versions.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "documents")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub doc_type: varn_domain::document::DocType,
    pub title: String,
    /// The title lower-cased, for search.
    pub search_text: String,
    pub status: varn_domain::document::Status,
    pub unit_id: i64,
    pub applies_to_unit_id: i64,
    pub owner_user_id: Option<i64>,
    pub parent_id: Option<i64>,
    pub current_version_id: Option<i64>,
    pub revision_date: Option<Date>,
    pub valid_until: Option<Date>,
    pub created_at: DateTimeUtc,
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
