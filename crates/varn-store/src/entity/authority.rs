//! The `authorities` table: an authority or network the city works with (MCF, CERT-SE, IMY,
//! Polisen, Säkerhetspolisen, länsstyrelsen, SKR's networks …). `code` names those the
//! reporting duties' data files refer to.

use sea_orm::entity::prelude::*;
use varn_domain::incident::AuthorityKind;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "authorities")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub code: Option<String>,
    pub name: String,
    pub kind: AuthorityKind,
    #[sea_orm(column_type = "Text", nullable)]
    pub purpose: Option<String>,
    pub website: Option<String>,
    pub report_url: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub contact_person: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub notes: Option<String>,
    pub active: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
