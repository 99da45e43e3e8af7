//! The `audit_log` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: i64,
    pub at_us: i64,
    pub actor_id: Option<i64>,
    pub actor_name: String,
    pub action: String,
    pub entity_type: String,
    pub entity_id: Option<i64>,
    pub org_path: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub before_json: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub after_json: Option<String>,
    pub prev_hash: String,
    pub hash: String,
    /// The lane of the chain the row is in (see `repo::audit::LANES`).
    pub lane: i16,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
