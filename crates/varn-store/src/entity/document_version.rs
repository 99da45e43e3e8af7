//! The `document_versions` table: a draft, or a frozen adopted version.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "document_versions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub document_id: i64,
    pub number: i32,
    /// draft / adopted / superseded
    pub state: varn_domain::document::VersionState,
    pub title: String,
    pub deciding_body: varn_domain::document::DecidingBody,
    pub decision_date: Option<Date>,
    pub valid_until: Option<Date>,
    pub by_law: bool,
    pub law: Option<String>,
    pub revision_date: Option<Date>,
    pub follow_up: Option<String>,
    pub diarienummer: Option<String>,
    pub paragraph: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub body_md: String,
    pub attachment_id: Option<i64>,
    pub created_by: Option<i64>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub adopted_by: Option<i64>,
    pub adopted_at: Option<DateTimeUtc>,
    /// A draft's own scope (none: the document's): owning unit, unit it applies to, owner,
    /// the document it implements. Copied to the document when the version is adopted.
    pub unit_id: Option<i64>,
    pub applies_to_unit_id: Option<i64>,
    pub owner_user_id: Option<i64>,
    pub parent_id: Option<i64>,
    /// The body that decides (KF, KS, the nämnd, the bolag): a unit. None for a chef's approval.
    pub deciding_unit_id: Option<i64>,
    /// The chef who approved an instruction, and the unit they head.
    pub approved_by_user_id: Option<i64>,
    pub approver_unit_id: Option<i64>,
    /// Protokollsutdrag (an attachment).
    pub protocol_attachment_id: Option<i64>,
    /// Gäller från, when later than the decision.
    pub valid_from: Option<Date>,
    /// I samråd med.
    pub consulted: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
