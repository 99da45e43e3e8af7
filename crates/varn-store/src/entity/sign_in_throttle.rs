//! The `sign_in_throttles` table: failed password checks per source and account name.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sign_in_throttles")]
pub struct Model {
    /// The client's address (IPv4, or the /64 of an IPv6 address).
    #[sea_orm(primary_key, auto_increment = false)]
    pub source: String,
    /// The name typed, lower-cased; `*` for the source over all names.
    #[sea_orm(primary_key, auto_increment = false)]
    pub account: String,
    /// Every attempt, those refused while throttled too.
    pub attempts: i64,
    /// Password checks since the last success (each counted before it is made).
    pub failures: i64,
    /// Checks admitted and not yet decided.
    pub in_flight: i64,
    /// Failures with unknown names not yet summarised in the audit log (on the `*` row).
    pub unaudited: i64,
    /// The minute (Unix minutes) of the last summarising audit row (on the `*` row).
    pub audit_minute: Option<i64>,
    /// No check before this time.
    pub blocked_until: Option<DateTimeUtc>,
    /// The first attempt counted.
    pub first_at: DateTimeUtc,
    /// The latest attempt.
    pub last_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
