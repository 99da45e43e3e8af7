//! The `org_units` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "org_units")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub parent_id: Option<i64>,
    pub kind: varn_domain::OrgKind,
    pub name: String,
    pub path: String,
    pub head_user_id: Option<i64>,
    pub security_contact_id: Option<i64>,
    pub active: bool,
    /// The name lower-cased by Rust (Å, Ä and Ö too), for the unit list's search.
    pub search_text: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
