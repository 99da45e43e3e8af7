//! The mail outbox: rows written in the transaction of the change that causes them, read
//! by the sender, marked sent or failed (with the next try).

use crate::entity::{mail_outbox, mail_pref, role_grant, user};
use sea_orm::sea_query::Expr;
use sea_orm::*;

/// A person to mail: id, address, and whether they want a daily digest.
#[derive(Debug, Clone, FromQueryResult)]
pub struct Recipient {
    /// User id.
    pub id: i64,
    /// E-mail address.
    pub email: String,
    /// `digest` or `immediate` (none: immediate).
    pub mode: Option<String>,
    /// Their language (`sv`, `en`).
    pub locale: String,
}

/// The active users among `ids` who have an address, with their choice.
pub async fn recipients<D: ConnectionTrait>(db: &D, ids: Vec<i64>) -> Result<Vec<Recipient>, DbErr> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    crate::repo::select::find::<user::Entity>()
        .filter(user::Column::Id.is_in(ids))
        .filter(user::Column::Active.eq(true))
        .filter(user::Column::Email.is_not_null())
        .join(JoinType::LeftJoin, user::Entity::belongs_to(mail_pref::Entity).from(user::Column::Id).to(mail_pref::Column::UserId).into())
        .select_only()
        .column(user::Column::Id)
        .column(user::Column::Email)
        .column(user::Column::Locale)
        .column_as(Expr::col((mail_pref::Entity, mail_pref::Column::Mode)), "mode")
        .into_model::<Recipient>()
        .all(db)
        .await
}

/// The users holding `role` on the unit `unit_id` itself (the samordnare: on the root).
pub async fn holders_on<D: ConnectionTrait>(db: &D, role: varn_domain::Role, unit_id: i64) -> Result<Vec<i64>, DbErr> {
    crate::repo::select::find::<role_grant::Entity>()
        .filter(role_grant::Column::Role.eq(role))
        .filter(role_grant::Column::OrgUnitId.eq(unit_id))
        .select_only()
        .column(role_grant::Column::UserId)
        .into_tuple()
        .all(db)
        .await
}

/// A mail to queue.
#[derive(Debug, Clone)]
pub struct NewMail {
    /// To whom (for the digest).
    pub user_id: Option<i64>,
    /// Address.
    pub to_addr: String,
    /// Subject.
    pub subject: String,
    /// Plain text.
    pub body: String,
    /// Into the daily digest.
    pub digest: bool,
    /// Not before.
    pub deliver_after: chrono::DateTime<chrono::Utc>,
}

/// Queues mails.
pub async fn enqueue<D: ConnectionTrait>(db: &D, mails: Vec<NewMail>) -> Result<(), DbErr> {
    if mails.is_empty() {
        return Ok(());
    }
    let now = crate::repo::now();
    let rows = mails.into_iter().map(|m| mail_outbox::ActiveModel {
        user_id: Set(m.user_id),
        to_addr: Set(m.to_addr),
        subject: Set(m.subject),
        body: Set(m.body),
        digest: Set(m.digest),
        created_at: Set(now),
        deliver_after: Set(m.deliver_after),
        attempts: Set(0),
        sent_at: Set(None),
        last_error: Set(None),
        ..Default::default()
    });
    mail_outbox::Entity::insert_many(rows).exec_without_returning(db).await?;
    Ok(())
}

/// Mails due now, oldest first.
pub async fn due<D: ConnectionTrait>(db: &D, now: chrono::DateTime<chrono::Utc>, limit: u64) -> Result<Vec<mail_outbox::Model>, DbErr> {
    crate::repo::select::find::<mail_outbox::Entity>()
        .filter(mail_outbox::Column::SentAt.is_null())
        .filter(mail_outbox::Column::DeliverAfter.lte(now))
        .order_by_asc(mail_outbox::Column::Id)
        .limit(limit)
        .all(db)
        .await
}

/// Marks mails sent.
pub async fn mark_sent<D: ConnectionTrait>(db: &D, ids: Vec<i64>, at: chrono::DateTime<chrono::Utc>) -> Result<(), DbErr> {
    mail_outbox::Entity::update_many()
        .col_expr(mail_outbox::Column::SentAt, Expr::value(at))
        .col_expr(mail_outbox::Column::LastError, Expr::value(Option::<String>::None))
        .filter(mail_outbox::Column::Id.is_in(ids))
        .exec(db)
        .await?;
    Ok(())
}

/// Records a failed try and when to try again.
pub async fn mark_failed<D: ConnectionTrait>(
    db: &D,
    ids: Vec<i64>,
    attempts: i32,
    next: chrono::DateTime<chrono::Utc>,
    error: &str,
) -> Result<(), DbErr> {
    let error: String = error.chars().take(500).collect();
    mail_outbox::Entity::update_many()
        .col_expr(mail_outbox::Column::Attempts, Expr::value(attempts))
        .col_expr(mail_outbox::Column::DeliverAfter, Expr::value(next))
        .col_expr(mail_outbox::Column::LastError, Expr::value(error))
        .filter(mail_outbox::Column::Id.is_in(ids))
        .exec(db)
        .await?;
    Ok(())
}

/// How many mails wait, and the oldest's age in seconds (for the health of the queue).
pub async fn waiting<D: ConnectionTrait>(db: &D) -> Result<u64, DbErr> {
    crate::repo::select::find::<mail_outbox::Entity>().filter(mail_outbox::Column::SentAt.is_null()).count(db).await
}

/// A person's choice (none: immediate).
pub async fn mode_of<D: ConnectionTrait>(db: &D, user_id: i64) -> Result<Option<String>, DbErr> {
    Ok(mail_pref::Entity::find_by_id(user_id).one(db).await?.map(|p| p.mode))
}

/// Sets a person's choice.
pub async fn set_mode<D: ConnectionTrait>(db: &D, user_id: i64, mode: &str) -> Result<(), DbErr> {
    mail_pref::Entity::delete_by_id(user_id).exec(db).await?;
    mail_pref::ActiveModel { user_id: Set(user_id), mode: Set(mode.to_owned()), updated_at: Set(crate::repo::now()) }.insert(db).await?;
    Ok(())
}

/// Drops every mail not yet sent (the demo city's, queued while it was loaded).
pub async fn discard_unsent<D: ConnectionTrait>(db: &D) -> Result<u64, DbErr> {
    Ok(mail_outbox::Entity::delete_many().filter(mail_outbox::Column::SentAt.is_null()).exec(db).await?.rows_affected)
}
