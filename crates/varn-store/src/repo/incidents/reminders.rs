//! Deadline reminders by mail: the open incidents whose nearest deadline comes within the
//! notice and has not yet been reminded of (a new deadline is reminded of anew).

use crate::entity::{incident, incident_reminder};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::*;

/// Open incidents with a running deadline before `until` not yet reminded of.
pub async fn to_remind<D: ConnectionTrait>(
    db: &D,
    until: chrono::DateTime<chrono::Utc>,
    limit: u64,
) -> Result<Vec<incident::Model>, DbErr> {
    let done = Query::select()
        .expr(Expr::val(1))
        .from(incident_reminder::Entity)
        .and_where(
            Expr::col((incident_reminder::Entity, incident_reminder::Column::IncidentId)).equals((incident::Entity, incident::Column::Id)),
        )
        .and_where(
            Expr::col((incident_reminder::Entity, incident_reminder::Column::DueAt)).equals((incident::Entity, incident::Column::NextDue)),
        )
        .to_owned();
    crate::repo::select::find::<incident::Entity>()
        .filter(incident::Column::NextDue.is_not_null())
        .filter(incident::Column::NextDue.lt(until))
        .filter(Expr::exists(done).not())
        .order_by_asc(incident::Column::NextDue)
        .limit(limit)
        .all(db)
        .await
}

/// Records that the deadline `due` of an incident has been reminded of.
pub async fn reminded<D: ConnectionTrait>(db: &D, incident_id: i64, due: chrono::DateTime<chrono::Utc>) -> Result<(), DbErr> {
    incident_reminder::ActiveModel { incident_id: Set(incident_id), due_at: Set(due) }.insert(db).await?;
    Ok(())
}
