//! Server-side sessions. The cookie holds a random token; the table holds its SHA-256, so a
//! leaked database does not hand out live sessions.

use crate::entity::session;
use sea_orm::*;

/// A session by the hash of its token, if not expired and not idle longer than
/// `idle_minutes` (counted from its last use, or its start).
pub async fn find<D: ConnectionTrait>(db: &D, id_hash: &str, idle_minutes: i64) -> Result<Option<session::Model>, DbErr> {
    let now = super::now();
    let since = now - chrono::Duration::minutes(idle_minutes);
    let awake = Condition::any()
        .add(session::Column::LastSeenAt.gt(since))
        .add(Condition::all().add(session::Column::LastSeenAt.is_null()).add(session::Column::CreatedAt.gt(since)));
    session::Entity::find_by_id(id_hash.to_owned()).filter(session::Column::ExpiresAt.gt(now)).filter(awake).one(db).await
}

/// Notes that a session was used (at most once a minute, to keep reads cheap).
pub async fn touch<D: ConnectionTrait>(db: &D, id_hash: &str) -> Result<(), DbErr> {
    let now = super::now();
    session::Entity::update_many()
        .col_expr(session::Column::LastSeenAt, sea_orm::sea_query::Expr::value(Some(now)))
        .filter(session::Column::Id.eq(id_hash))
        .filter(
            Condition::any()
                .add(session::Column::LastSeenAt.is_null())
                .add(session::Column::LastSeenAt.lt(now - chrono::Duration::minutes(1))),
        )
        .exec(db)
        .await
        .map(|_| ())
}

/// Stores a new session.
pub async fn insert<D: ConnectionTrait>(db: &D, m: session::Model) -> Result<(), DbErr> {
    session::ActiveModel::from(m).insert(db).await.map(|_| ())
}

/// Removes a session.
pub async fn delete<D: ConnectionTrait>(db: &D, id_hash: &str) -> Result<(), DbErr> {
    session::Entity::delete_by_id(id_hash.to_owned()).exec(db).await.map(|_| ())
}

/// Removes every session of a user (password change, deactivation).
pub async fn delete_for_user<D: ConnectionTrait>(db: &D, user_id: i64) -> Result<(), DbErr> {
    session::Entity::delete_many().filter(session::Column::UserId.eq(user_id)).exec(db).await.map(|_| ())
}

/// Removes expired sessions.
pub async fn purge_expired<D: ConnectionTrait>(db: &D) -> Result<u64, DbErr> {
    Ok(session::Entity::delete_many().filter(session::Column::ExpiresAt.lte(super::now())).exec(db).await?.rows_affected)
}

/// Sets the language of an anonymous or signed-in session.
pub async fn set_locale<D: ConnectionTrait>(db: &D, id_hash: &str, locale: &str) -> Result<(), DbErr> {
    session::Entity::update_many()
        .col_expr(session::Column::Locale, sea_orm::sea_query::Expr::value(locale))
        .filter(session::Column::Id.eq(id_hash))
        .exec(db)
        .await
        .map(|_| ())
}
