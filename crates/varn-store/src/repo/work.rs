//! The follow-up of work (uppföljning): open and overdue tasks counted per unit and kind, and
//! the tasks behind a count. "Overdue" is [`varn_domain::task::is_overdue`] said in SQL: open
//! and `due_date < today`. A task is counted under its `unit_id` (the responsible unit).

use crate::repo::stmt;
use sea_orm::*;
use varn_domain::task::TaskStatus;
use varn_domain::{Code, OrgPath, Scope};

/// Open and overdue tasks of one kind in one unit.
#[derive(Debug, Clone, FromQueryResult)]
pub struct WorkCount {
    /// The unit (none: a task that belongs to no unit).
    pub unit_id: Option<i64>,
    /// The task's source kind (`document.action`, `incident.action`, ...).
    pub kind: String,
    /// Open tasks.
    pub open: i64,
    /// Of those, past their day.
    pub overdue: i64,
}

/// One open task, for the drill-down.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct WorkTask {
    /// Task.
    pub id: i64,
    /// Its kind.
    pub kind: String,
    /// What to do.
    pub title: String,
    /// Where to do it.
    pub link: String,
    /// By when.
    #[serde(serialize_with = "varn_domain::json_time::opt_date")]
    pub due_date: Option<chrono::NaiveDate>,
    /// The unit it is counted under.
    pub unit_id: Option<i64>,
    /// Its name.
    pub unit_name: Option<String>,
    /// The person it is given to, by name (none: the unit's head and verksamhetsansvariga).
    pub assignee_name: Option<String>,
}

/// `AND {col} IN (units of the paths)`; empty for a city-wide scope, `None` for no scope.
fn within(scope: &Scope, col: &str) -> Option<String> {
    match scope {
        Scope::All => Some(String::new()),
        Scope::None => None,
        // Paths as literals (see `under_path`): the planner reads them to use the path index.
        Scope::Units(ps) => Some(format!(
            " AND {col} IN (SELECT id FROM org_units WHERE {})",
            ps.iter().map(|p| crate::under_path_sql("path", p.as_str())).collect::<Vec<_>>().join(" OR ")
        )),
    }
}

/// Open and overdue tasks per unit and kind within `scope`, read from `ix_tasks_open_unit`.
pub async fn counts<D: ConnectionTrait>(db: &D, scope: &Scope, today: chrono::NaiveDate) -> Result<Vec<WorkCount>, DbErr> {
    let Some(w) = within(scope, "t.unit_id") else { return Ok(vec![]) };
    let sql = format!(
        "SELECT t.unit_id, t.source_type AS kind, COUNT(*) AS open, \
         SUM(CASE WHEN t.due_date < ? THEN 1 ELSE 0 END) AS overdue \
         FROM tasks t WHERE t.status = ?{w} GROUP BY t.unit_id, t.source_type"
    );
    WorkCount::find_by_statement(stmt(db, &sql, vec![today.into(), TaskStatus::Open.as_str().into()])).all(db).await
}

/// Which tasks the drill-down lists.
#[derive(Debug, Clone)]
pub struct WorkQuery<'a> {
    /// The actor's scope.
    pub scope: &'a Scope,
    /// Within this unit's subtree (none: the whole scope).
    pub under: Option<&'a OrgPath>,
    /// Only this kind.
    pub kind: Option<&'a str>,
    /// Only those past their day (else every open task).
    pub overdue_only: bool,
    /// Today in the city.
    pub today: chrono::NaiveDate,
    /// At most this many.
    pub limit: u64,
}

/// Open tasks, the most overdue first (undated last, when every open task is asked for).
pub async fn tasks<D: ConnectionTrait>(db: &D, q: &WorkQuery<'_>) -> Result<Vec<WorkTask>, DbErr> {
    let mut dated = tasks_where(db, q, false, q.limit).await?;
    if !q.overdue_only && (dated.len() as u64) < q.limit {
        let rest = q.limit - dated.len() as u64;
        dated.extend(tasks_where(db, q, true, rest).await?);
    }
    Ok(dated)
}

/// The dated tasks in the order of `ix_tasks_open_due` (so that the first are found without
/// sorting every open task), or the undated ones.
async fn tasks_where<D: ConnectionTrait>(db: &D, q: &WorkQuery<'_>, undated: bool, limit: u64) -> Result<Vec<WorkTask>, DbErr> {
    let Some(w) = within(q.scope, "t.unit_id") else { return Ok(vec![]) };
    let mut values: Vec<Value> = vec![TaskStatus::Open.as_str().into()];
    let mut sql = format!(
        "SELECT t.id, t.source_type AS kind, t.title, t.link, t.due_date, t.unit_id, o.name AS unit_name, u.display_name AS assignee_name \
         FROM tasks t LEFT JOIN org_units o ON o.id = t.unit_id LEFT JOIN users u ON u.id = t.assignee_user_id \
         WHERE t.status = ?{w}"
    );
    if let Some(p) = q.under {
        sql.push_str(&format!(" AND t.unit_id IN (SELECT id FROM org_units WHERE {})", crate::under_path_sql("path", p.as_str())));
    }
    if let Some(k) = q.kind {
        sql.push_str(" AND t.source_type = ?");
        values.push(k.into());
    }
    if undated {
        sql.push_str(" AND t.due_date IS NULL ORDER BY t.id LIMIT ?");
    } else {
        if q.overdue_only {
            sql.push_str(" AND t.due_date < ?");
            values.push(q.today.into());
        } else {
            sql.push_str(" AND t.due_date IS NOT NULL");
        }
        // SQLite's planner cannot tell how small a subtree is. A förvaltning or anything below
        // it has a few thousand open tasks at most: read them through their units' index and
        // sort them (`+` keeps the due-date index out; PostgreSQL has no unary `+` on a date
        // and plans by its own statistics). For a nämnd or the whole city, read in due order
        // until the page is full (at storstad a unit's page took 280 ms that way).
        let narrow = db.get_database_backend() == DbBackend::Sqlite
            && match (q.under, q.scope) {
                (Some(p), _) => p.depth() >= 2,
                (None, Scope::Units(ps)) => ps.iter().all(|p| p.depth() >= 2),
                _ => false,
            };
        sql.push_str(if narrow { " ORDER BY +t.due_date, t.id LIMIT ?" } else { " ORDER BY t.due_date, t.id LIMIT ?" });
    }
    values.push((limit as i64).into());
    WorkTask::find_by_statement(stmt(db, &sql, values)).all(db).await
}

/// What a module counts per unit as past its date (beyond its tasks): rows of `table` whose
/// `column` is before `before`, per `unit_id`, within `scope`. `table` and `column` are the
/// module's own constants, never input.
#[derive(Debug, Clone, Copy)]
pub struct PastDate {
    /// The module's table (with a `unit_id`).
    pub table: &'static str,
    /// Its date column (indexed).
    pub column: &'static str,
    /// The follow-up kind the count goes under.
    pub kind: &'static str,
}

/// Counts [`PastDate`] per unit within `scope` (each such row is open and overdue).
pub async fn past_date<D: ConnectionTrait>(db: &D, what: PastDate, before: Value, scope: &Scope) -> Result<Vec<WorkCount>, DbErr> {
    let Some(w) = within(scope, "x.unit_id") else { return Ok(vec![]) };
    let sql = format!(
        "SELECT x.unit_id, '{}' AS kind, COUNT(*) AS open, COUNT(*) AS overdue FROM {} x WHERE x.{} < ?{w} GROUP BY x.unit_id",
        what.kind, what.table, what.column
    );
    WorkCount::find_by_statement(stmt(db, &sql, vec![before])).all(db).await
}
