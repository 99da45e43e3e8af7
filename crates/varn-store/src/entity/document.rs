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
    /// Nästa översyn: the next planned review.
    pub revision_date: Option<Date>,
    pub valid_until: Option<Date>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// Senast reviderad: the last review (an adoption, or a review that changed nothing).
    pub reviewed_on: Option<Date>,
    /// The repeal, a decision of its own: date, body (and its unit), dnr, §, who recorded
    /// it, and the document that replaces this one.
    pub repealed_on: Option<Date>,
    pub repeal_body: Option<varn_domain::document::DecidingBody>,
    pub repeal_unit_id: Option<i64>,
    pub repeal_diarienummer: Option<String>,
    pub repeal_paragraph: Option<String>,
    pub replaced_by_id: Option<i64>,
    pub repealed_by: Option<i64>,
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
