//! The `assets` table: an information asset (informationsmängd). The levels of the
//! classification in force sit in `asset_levels`; `max_level`, `classified_on` and
//! `next_review` are copied here from it so that lists and follow-up need no join.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "assets")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub unit_id: i64,
    pub name: String,
    pub description: Option<String>,
    pub owner_user_id: Option<i64>,
    /// Personuppgiftsansvarig nämnd or bolag.
    pub pua_unit_id: Option<i64>,
    /// Forms as codes, comma-separated (`text,bild`).
    pub forms: String,
    pub processes: Option<String>,
    /// Secrecy provision (OSL chapter and section).
    pub osl: Option<String>,
    pub personal_data: bool,
    pub special_categories: bool,
    pub classification_id: Option<i64>,
    pub max_level: Option<i64>,
    pub classified_on: Option<Date>,
    pub next_review: Option<Date>,
    /// Name lower-cased, for search.
    pub search_text: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(belongs_to = "super::org_unit::Entity", from = "Column::UnitId", to = "super::org_unit::Column::Id")]
    Unit,
    #[sea_orm(belongs_to = "super::user::Entity", from = "Column::OwnerUserId", to = "super::user::Column::Id")]
    Owner,
}

impl Related<super::org_unit::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Unit.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
