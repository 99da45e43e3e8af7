//! Per-user API tokens, stored as SHA-256 hashes.

use crate::entity::api_token;
use sea_orm::sea_query::Expr;
use sea_orm::*;

/// The active token with this hash: not revoked, not expired.
pub async fn find_active<D: ConnectionTrait>(db: &D, hash: &str) -> Result<Option<api_token::Model>, DbErr> {
    let live = Condition::any().add(api_token::Column::ExpiresAt.is_null()).add(api_token::Column::ExpiresAt.gt(super::now()));
    crate::repo::select::find::<api_token::Entity>()
        .filter(api_token::Column::TokenHash.eq(hash))
        .filter(api_token::Column::RevokedAt.is_null())
        .filter(live)
        .one(db)
        .await
}

/// Revokes every active token of a user (when the account is deactivated). Returns how many.
pub async fn revoke_all<D: ConnectionTrait>(db: &D, user_id: i64) -> Result<u64, DbErr> {
    let r = api_token::Entity::update_many()
        .col_expr(api_token::Column::RevokedAt, Expr::value(super::now()))
        .filter(api_token::Column::UserId.eq(user_id))
        .filter(api_token::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(r.rows_affected)
}

/// A user's tokens, newest first.
pub async fn of_user<D: ConnectionTrait>(db: &D, user_id: i64) -> Result<Vec<api_token::Model>, DbErr> {
    crate::repo::select::find::<api_token::Entity>()
        .filter(api_token::Column::UserId.eq(user_id))
        .order_by_desc(api_token::Column::Id)
        .all(db)
        .await
}

/// Stores a new token.
pub async fn insert<D: ConnectionTrait>(
    db: &D,
    user_id: i64,
    name: &str,
    (hash, prefix): (&str, &str),
    expires_at: chrono::DateTime<chrono::Utc>,
) -> Result<api_token::Model, DbErr> {
    api_token::ActiveModel {
        user_id: Set(user_id),
        name: Set(name.to_owned()),
        token_hash: Set(hash.to_owned()),
        prefix: Set(prefix.to_owned()),
        created_at: Set(super::now()),
        last_used_at: Set(None),
        revoked_at: Set(None),
        expires_at: Set(Some(expires_at)),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// Revokes a token of a user; false when there was no such active token.
pub async fn revoke<D: ConnectionTrait>(db: &D, user_id: i64, id: i64) -> Result<bool, DbErr> {
    let r = api_token::Entity::update_many()
        .col_expr(api_token::Column::RevokedAt, Expr::value(super::now()))
        .filter(api_token::Column::Id.eq(id))
        .filter(api_token::Column::UserId.eq(user_id))
        .filter(api_token::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(r.rows_affected > 0)
}

/// Notes that a token was used (at most once a minute, to keep reads cheap).
pub async fn touch<D: ConnectionTrait>(db: &D, id: i64) -> Result<(), DbErr> {
    let now = super::now();
    api_token::Entity::update_many()
        .col_expr(api_token::Column::LastUsedAt, Expr::value(now))
        .filter(api_token::Column::Id.eq(id))
        .filter(
            Condition::any()
                .add(api_token::Column::LastUsedAt.is_null())
                .add(api_token::Column::LastUsedAt.lt(now - chrono::Duration::minutes(1))),
        )
        .exec(db)
        .await
        .map(|_| ())
}
