//! Remiss: the instances asked to answer a version, and their answers.

use crate::entity::{document_remiss as rem, org_unit, role_grant};
use crate::repo::stmt;
use sea_orm::*;

/// A remissinstans with its names and its answer.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct RemissRow {
    /// Id.
    pub id: i64,
    /// The version on remiss.
    pub version_id: i64,
    /// The unit asked.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// The person named to answer (else the unit's head).
    pub person_user_id: Option<i64>,
    /// Their name.
    pub person_name: Option<String>,
    /// Svarsdatum.
    #[serde(serialize_with = "varn_domain::json_time::opt_date")]
    pub due_date: Option<chrono::NaiveDate>,
    /// The task it gave.
    pub task_id: Option<i64>,
    /// Who answered.
    pub answered_by: Option<i64>,
    /// Their name.
    pub answered_by_name: Option<String>,
    /// When.
    #[serde(serialize_with = "varn_domain::json_time::opt_datetime")]
    pub answered_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The answer.
    pub answer: Option<String>,
}

/// The instances of a document's remisses, newest version first, in unit order.
pub async fn remisses<D: ConnectionTrait>(db: &D, document_id: i64) -> Result<Vec<RemissRow>, DbErr> {
    RemissRow::find_by_statement(remisses_statement(db, document_id)).all(db).await
}

/// The statement of [`remisses`] (rows: [`RemissRow`]).
pub fn remisses_statement<D: ConnectionTrait>(db: &D, document_id: i64) -> Statement {
    let sql = "SELECT r.id, r.version_id, r.unit_id, o.name AS unit_name, r.person_user_id, p.display_name AS person_name, \
               r.due_date, r.task_id, r.answered_by, a.display_name AS answered_by_name, r.answered_at, r.answer \
               FROM document_remisses r JOIN org_units o ON o.id = r.unit_id \
               LEFT JOIN users p ON p.id = r.person_user_id LEFT JOIN users a ON a.id = r.answered_by \
               WHERE r.document_id = ? ORDER BY r.version_id DESC, o.path, r.id";
    stmt(db, sql, vec![document_id.into()])
}

/// One instance.
pub async fn remiss<D: ConnectionTrait>(db: &D, id: i64) -> Result<Option<rem::Model>, DbErr> {
    rem::Entity::find_by_id(id).one(db).await
}

/// The open instances (not answered) of a document.
pub async fn open_remisses<D: ConnectionTrait>(db: &D, document_id: i64) -> Result<Vec<rem::Model>, DbErr> {
    crate::repo::select::find::<rem::Entity>()
        .filter(rem::Column::DocumentId.eq(document_id))
        .filter(rem::Column::AnsweredAt.is_null())
        .all(db)
        .await
}

/// Whether `user_id` answers for the unit: its head, or a holder of Verksamhetsansvarig
/// granted on it (the people whose Mina uppgifter shows the unit's tasks).
pub async fn answers_for_unit<D: ConnectionTrait>(db: &D, user_id: i64, unit_id: i64) -> Result<bool, DbErr> {
    let head = org_unit::Entity::find_by_id(unit_id).one(db).await?.and_then(|u| u.head_user_id) == Some(user_id);
    if head {
        return Ok(true);
    }
    Ok(crate::repo::select::find::<role_grant::Entity>()
        .filter(role_grant::Column::UserId.eq(user_id))
        .filter(role_grant::Column::OrgUnitId.eq(unit_id))
        .filter(role_grant::Column::Role.eq(varn_domain::Role::Verksamhetsansvarig))
        .one(db)
        .await?
        .is_some())
}
