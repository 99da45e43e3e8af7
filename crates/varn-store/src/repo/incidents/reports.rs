//! Pictures of the incidents in view: per month by category and by severity, the time to
//! contain and to close, and the reporting deadlines met and missed per unit. Aggregated in
//! SQL; months are calendar months in UTC.

use super::{visible, IncidentVisibility};
use crate::entity::{incident, incident_report, org_unit};
use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::*;

/// A count per month and code (category or severity; none: not yet triaged).
#[derive(Debug, Clone, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct MonthCount {
    /// `2026-08`.
    pub month: String,
    /// The category's or severity's code.
    pub code: Option<String>,
    /// How many.
    pub n: i64,
}

/// Hours to contain and to close, on average, over the period.
#[derive(Debug, Clone, Default, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct Durations {
    /// Average hours from report to contained.
    pub contain_hours: Option<f64>,
    /// Average hours from report to closed.
    pub close_hours: Option<f64>,
}

/// Reports with a deadline sent in time and late, per unit.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct DeadlineRow {
    /// The unit's name.
    pub unit_name: String,
    /// Sent in time.
    pub met: i64,
    /// Sent late.
    pub missed: i64,
}

fn month(backend: DbBackend) -> SimpleExpr {
    match backend {
        DbBackend::Postgres => Expr::cust("to_char(\"incidents\".\"reported_at\" AT TIME ZONE 'UTC', 'YYYY-MM')"),
        _ => Expr::cust("substr(\"incidents\".\"reported_at\", 1, 7)"),
    }
}

fn hours(backend: DbBackend, col: &str) -> SimpleExpr {
    match backend {
        DbBackend::Postgres => {
            Expr::cust(format!("AVG(EXTRACT(EPOCH FROM (\"incidents\".\"{col}\" - \"incidents\".\"reported_at\")) / 3600.0)::float8"))
        }
        _ => Expr::cust(format!("AVG((julianday(\"incidents\".\"{col}\") - julianday(\"incidents\".\"reported_at\")) * 24.0)")),
    }
}

fn in_view(v: &IncidentVisibility, since: chrono::DateTime<chrono::Utc>) -> Select<incident::Entity> {
    crate::repo::select::find::<incident::Entity>()
        .join(JoinType::InnerJoin, incident::Relation::Unit.def())
        .filter(visible(v))
        .filter(Expr::col((incident::Entity, incident::Column::ReportedAt)).gte(since))
}

/// Incidents per month by `by` (category or severity) since `since`.
pub async fn per_month<D: ConnectionTrait>(
    db: &D,
    v: &IncidentVisibility,
    since: chrono::DateTime<chrono::Utc>,
    by: incident::Column,
) -> Result<Vec<MonthCount>, DbErr> {
    let m = month(db.get_database_backend());
    in_view(v, since)
        .select_only()
        .column_as(m.clone(), "month")
        .column_as(Expr::col((incident::Entity, by)), "code")
        .column_as(Expr::col((incident::Entity, incident::Column::Id)).count(), "n")
        .group_by(m.clone())
        .group_by(Expr::col((incident::Entity, by)))
        .order_by_asc(m)
        .into_model::<MonthCount>()
        .all(db)
        .await
}

/// The average time to contain and to close since `since`.
pub async fn durations<D: ConnectionTrait>(
    db: &D,
    v: &IncidentVisibility,
    since: chrono::DateTime<chrono::Utc>,
) -> Result<Durations, DbErr> {
    let b = db.get_database_backend();
    Ok(in_view(v, since)
        .select_only()
        .column_as(hours(b, "contained_at"), "contain_hours")
        .column_as(hours(b, "closed_at"), "close_hours")
        .into_model::<Durations>()
        .one(db)
        .await?
        .unwrap_or_default())
}

/// Reports with a deadline, sent in time and late, per unit (most missed first).
pub async fn deadlines<D: ConnectionTrait>(
    db: &D,
    v: &IncidentVisibility,
    since: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<DeadlineRow>, DbErr> {
    let sent = || Expr::col((incident_report::Entity, incident_report::Column::SentAt));
    let due = || Expr::col((incident_report::Entity, incident_report::Column::DueAt));
    let one_if = |c: SimpleExpr| Expr::case(c, 1).finally(0);
    let missed = Expr::expr(one_if(sent().gt(due()))).sum();
    let met = Expr::expr(one_if(sent().lte(due()))).sum();
    in_view(v, since)
        .join(
            JoinType::InnerJoin,
            incident::Entity::belongs_to(incident_report::Entity).from(incident::Column::Id).to(incident_report::Column::IncidentId).into(),
        )
        .filter(Expr::col((incident_report::Entity, incident_report::Column::DueAt)).is_not_null())
        .filter(Expr::col((incident_report::Entity, incident_report::Column::Outcome)).eq("sent"))
        .select_only()
        .column_as(Expr::col((org_unit::Entity, org_unit::Column::Name)), "unit_name")
        .column_as(met, "met")
        .column_as(missed.clone(), "missed")
        .group_by(Expr::col((org_unit::Entity, org_unit::Column::Name)))
        .order_by_desc(missed)
        .order_by_asc(Expr::col((org_unit::Entity, org_unit::Column::Name)))
        .limit(50)
        .into_model::<DeadlineRow>()
        .all(db)
        .await
}
