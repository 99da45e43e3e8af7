//! Sign-in throttles, one row per source and account name (and one per source over all
//! names, account [`ALL`]). Every change is a single `UPDATE … SET x = x + n` in the
//! caller's transaction, so parallel attempts each count (the row is locked by the update on
//! PostgreSQL; writes are serial on SQLite).

use crate::entity::sign_in_throttle::{self as t, Column as C};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::*;

/// The account name of a source's row over all names.
pub const ALL: &str = "*";

fn key(source: &str, account: &str) -> Condition {
    Condition::all().add(C::Source.eq(source)).add(C::Account.eq(account))
}

/// Counts one attempt on (`source`, `account`) and returns the row after it. A row quiet
/// since before `quiet_since` starts over (its failures, checks in flight and block are
/// forgotten). `count` false: only make sure the row is there and read it.
pub async fn count_attempt<D: ConnectionTrait>(
    db: &D,
    source: &str,
    account: &str,
    quiet_since: DateTime<Utc>,
    count: bool,
) -> Result<t::Model, DbErr> {
    // A success elsewhere may delete the row between our insert and our read (PostgreSQL's
    // ON CONFLICT saw its row): then insert again.
    for _ in 0..3 {
        if let Some(row) = try_count(db, source, account, quiet_since, count).await? {
            return Ok(row);
        }
    }
    Err(DbErr::RecordNotFound("sign_in_throttles".into()))
}

async fn try_count<D: ConnectionTrait>(
    db: &D,
    source: &str,
    account: &str,
    quiet_since: DateTime<Utc>,
    count: bool,
) -> Result<Option<t::Model>, DbErr> {
    let now = super::now();
    let fresh = t::ActiveModel {
        source: Set(source.to_owned()),
        account: Set(account.to_owned()),
        attempts: Set(0),
        failures: Set(0),
        in_flight: Set(0),
        unaudited: Set(0),
        audit_minute: Set(None),
        blocked_until: Set(None),
        first_at: Set(now),
        last_at: Set(now),
    };
    t::Entity::insert(fresh).on_conflict_do_nothing().exec_without_returning(db).await?;
    t::Entity::update_many()
        .col_expr(C::Failures, Expr::value(0))
        .col_expr(C::InFlight, Expr::value(0))
        .col_expr(C::BlockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(C::FirstAt, Expr::value(now))
        .filter(key(source, account))
        .filter(C::LastAt.lt(quiet_since))
        .exec(db)
        .await?;
    if count {
        t::Entity::update_many()
            .col_expr(C::Attempts, Expr::col(C::Attempts).add(1))
            .col_expr(C::LastAt, Expr::value(now))
            .filter(key(source, account))
            .exec(db)
            .await?;
    }
    crate::repo::select::find::<t::Entity>().filter(key(source, account)).one(db).await
}

/// Admits a check: counted as a failure until it succeeds, and in flight until decided.
pub async fn admit<D: ConnectionTrait>(db: &D, source: &str, account: &str) -> Result<(), DbErr> {
    t::Entity::update_many()
        .col_expr(C::Failures, Expr::col(C::Failures).add(1))
        .col_expr(C::InFlight, Expr::col(C::InFlight).add(1))
        .col_expr(C::LastAt, Expr::value(super::now()))
        .filter(key(source, account))
        .exec(db)
        .await?;
    Ok(())
}

/// A check is decided: no longer in flight; when it `succeeded`, no longer a failure either.
/// Returns the row after.
pub async fn settle<D: ConnectionTrait>(db: &D, source: &str, account: &str, succeeded: bool) -> Result<Option<t::Model>, DbErr> {
    t::Entity::update_many()
        .col_expr(C::InFlight, Expr::col(C::InFlight).sub(1))
        .filter(key(source, account))
        .filter(C::InFlight.gt(0))
        .exec(db)
        .await?;
    if succeeded {
        t::Entity::update_many()
            .col_expr(C::Failures, Expr::col(C::Failures).sub(1))
            .filter(key(source, account))
            .filter(C::Failures.gt(0))
            .exec(db)
            .await?;
    }
    find(db, source, account).await
}

/// Blocks a row until `until`.
pub async fn block<D: ConnectionTrait>(db: &D, source: &str, account: &str, until: DateTime<Utc>) -> Result<(), DbErr> {
    t::Entity::update_many().col_expr(C::BlockedUntil, Expr::value(Some(until))).filter(key(source, account)).exec(db).await?;
    Ok(())
}

/// Forgets a row (a success, or an administrator lifting the throttle). True if there was one.
pub async fn clear<D: ConnectionTrait>(db: &D, source: &str, account: &str) -> Result<bool, DbErr> {
    Ok(t::Entity::delete_many().filter(key(source, account)).exec(db).await?.rows_affected > 0)
}

/// Forgets every source's throttle on one account name.
pub async fn clear_account<D: ConnectionTrait>(db: &D, account: &str) -> Result<u64, DbErr> {
    Ok(t::Entity::delete_many().filter(C::Account.eq(account)).exec(db).await?.rows_affected)
}

/// One row by its key.
pub async fn find<D: ConnectionTrait>(db: &D, source: &str, account: &str) -> Result<Option<t::Model>, DbErr> {
    crate::repo::select::find::<t::Entity>().filter(key(source, account)).one(db).await
}

/// Counts a failed attempt with an unknown name on the source's [`ALL`] row. Returns the
/// number to summarise in one audit row when `minute` is a new minute for the source (the
/// failures since the previous summary, this one included), else `None`: at most one audit
/// row per source and minute.
pub async fn note_unknown<D: ConnectionTrait>(db: &D, source: &str, minute: i64) -> Result<Option<i64>, DbErr> {
    t::Entity::update_many().col_expr(C::Unaudited, Expr::col(C::Unaudited).add(1)).filter(key(source, ALL)).exec(db).await?;
    let Some(row) = find(db, source, ALL).await? else { return Ok(None) };
    if row.audit_minute == Some(minute) {
        return Ok(None);
    }
    t::Entity::update_many()
        .col_expr(C::Unaudited, Expr::value(0))
        .col_expr(C::AuditMinute, Expr::value(Some(minute)))
        .filter(key(source, ALL))
        .exec(db)
        .await?;
    Ok(Some(row.unaudited))
}

/// The rows with failures, newest first (at most `limit`), and how many there are.
pub async fn list<D: ConnectionTrait>(db: &D, limit: u64) -> Result<(Vec<t::Model>, u64), DbErr> {
    let q = crate::repo::select::find::<t::Entity>().filter(Condition::any().add(C::Failures.gt(0)).add(C::BlockedUntil.gt(super::now())));
    let total = q.clone().count(db).await?;
    Ok((q.order_by_desc(C::LastAt).limit(limit).all(db).await?, total))
}

/// Removes rows quiet since before `before` and not blocked now.
pub async fn purge<D: ConnectionTrait>(db: &D, before: DateTime<Utc>) -> Result<u64, DbErr> {
    let open = Condition::any().add(C::BlockedUntil.is_null()).add(C::BlockedUntil.lt(super::now()));
    Ok(t::Entity::delete_many().filter(C::LastAt.lt(before)).filter(open).exec(db).await?.rows_affected)
}
