//! The open incidents a user has in view, read the way that suits the database and how many
//! they are: what Mina uppgifter shows, and the register's open list.

use super::{col, filtered, open_status, open_status_tested, rows, with_actions_of, IncidentFilter, IncidentRow, IncidentVisibility};
use crate::entity::incident;
use crate::repo::ListParams;
use crate::units_in_scope;
use sea_orm::sea_query::{Expr, NullOrdering, Query, SelectStatement, SimpleExpr, UnionType};
use sea_orm::*;
use varn_domain::incident::Level;
use varn_domain::Code;

/// The ids of the open incidents a user sees, each way of seeing read through its own index
/// with the open statuses inside (an action's owner's through the actions, then those
/// incidents by id). `None` for one who sees the whole city.
///
/// Every part tests the open statuses itself, so the query that reads the incidents by these
/// ids does not test them again: with that test outside, PostgreSQL's generic plan (which
/// reckons with the average handler, and the workload's incidents have one) read every open
/// incident in the city through the status index to match them against the ids (8 500
/// incidents, 4.6 ms for a unit head who sees none); without it, each id is looked up
/// (0.7 ms).
///
/// The reporter's and the actions' parts find their rows by the user and test the status on
/// each (the reporter index holds no status); the handler's and the units' indexes hold the
/// status next to the user or the unit.
pub(super) fn open_ids(backend: DbBackend, v: &IncidentVisibility) -> Option<SelectStatement> {
    if v.read.is_all() {
        return None;
    }
    let ids = |c: Condition, open: SimpleExpr| {
        Query::select().column((incident::Entity, incident::Column::Id)).from(incident::Entity).cond_where(c.add(open)).to_owned()
    };
    let tested = || open_status_tested(backend);
    let mut q = ids(Condition::all().add(col(incident::Column::ReporterUserId).eq(v.user_id)), tested());
    q.union(UnionType::All, ids(Condition::all().add(col(incident::Column::HandlerUserId).eq(v.user_id)), open_status()));
    q.union(UnionType::All, ids(Condition::all().add(col(incident::Column::Id).in_subquery(with_actions_of(v.user_id))), tested()));
    if !v.read.is_none() {
        q.union(UnionType::All, ids(units_in_scope(&v.read, col(incident::Column::UnitId)), open_status()));
    }
    Some(q)
}

/// Up to how many open incidents in view count as few: then they are read by their ids. As
/// many as Mina uppgifter reads: more than that, and the `OR` walk finds a page's worth sooner.
pub(super) const FEW_OPEN: u64 = 300;

/// How the open incidents in view are best read: by their ids ([`open_ids`]) or by the `OR`
/// of [`super::visible`] over every open incident.
///
/// On PostgreSQL this is decided by counting them (up to [`FEW_OPEN`] + 1, through the indexes
/// of [`open_ids`]). PostgreSQL plans the `OR` as a walk over every open incident in the city,
/// testing each: 28 ms for a unit head who sees none of 7 400 open; read by their ids instead,
/// 0.6 ms. One who sees thousands is served better by the walk (11 ms for 11 400, against 34 ms
/// to fetch them all by id and sort).
///
/// SQLite always reads them by their ids. It plans the `OR` as one index search per part
/// (`MULTI-INDEX OR`) only while its statistics say that few incidents are open; built with
/// the query planner stability guarantee it cannot look at the user's id, and when the
/// statistics have fallen behind a wave of reports it reads every open incident in the city
/// through the status index to test each. After a benchmark run had left 24 657 more open
/// incidents in one unit, a unit head who saw none of them got Mina uppgifter at 94 pages a
/// second instead of 1 318 until the next `ANALYZE`. Read by their ids, each way of seeing
/// goes through its own index whatever the statistics say, and one who sees thousands reads
/// only those (against every open incident in the city for the walk).
///
/// `few` 0 always reads by the `OR` (for tests of both ways).
pub(super) async fn few_open<D: ConnectionTrait>(db: &D, v: &IncidentVisibility, few: u64) -> Result<bool, DbErr> {
    if v.read.is_all() || few == 0 {
        return Ok(false);
    }
    if db.get_database_backend() != DbBackend::Postgres {
        return Ok(true);
    }
    let Some(ids) = open_ids(db.get_database_backend(), v) else { return Ok(false) };
    // The bound written in (`capped_count_statement`); kept within PostgreSQL's `LIMIT`.
    let few = few.min(u64::from(u32::MAX));
    let q = crate::repo::capped_count_statement(db.get_database_backend().build(&ids), few);
    let n = db.query_one(q).await?.and_then(|r| r.try_get_by_index::<i64>(0).ok()).unwrap_or(0);
    Ok(n as u64 <= few)
}

/// The open incidents in view, at most `limit`, without a count: what Mina uppgifter sorts
/// into its sections in one query. Those raised to allvarlig störning or kris come first,
/// whatever their deadlines (a crisis whose reports are all sent has none running, and would
/// otherwise fall behind hundreds of ordinary incidents with deadlines), then the nearest
/// deadline first. A query to add to the page's batch: on PostgreSQL its shape depends on a
/// count read first (see [`few_open`]).
pub async fn open_in_view_query<D: ConnectionTrait>(
    db: &D,
    v: &IncidentVisibility,
    limit: u64,
) -> Result<Selector<SelectModel<IncidentRow>>, DbErr> {
    open_in_view_query_counting(db, v, limit, FEW_OPEN).await
}

/// The rows of [`open_in_view_query`] with another bound for "few" (see [`few_open`]): 0 reads them by the
/// `OR` always, `u64::MAX` by their ids always. For tests of both ways.
#[doc(hidden)]
pub async fn open_in_view_counting<D: ConnectionTrait>(
    db: &D,
    v: &IncidentVisibility,
    limit: u64,
    few: u64,
) -> Result<Vec<IncidentRow>, DbErr> {
    open_in_view_query_counting(db, v, limit, few).await?.all(db).await
}

/// The query of [`open_in_view_counting`] (for tests of both ways' plans).
#[doc(hidden)]
pub async fn open_in_view_query_counting<D: ConnectionTrait>(
    db: &D,
    v: &IncidentVisibility,
    limit: u64,
    few: u64,
) -> Result<Selector<SelectModel<IncidentRow>>, DbErr> {
    let by_ids = few_open(db, v, few).await?;
    Ok(open_rows(db.get_database_backend(), v, limit, by_ids))
}

fn open_rows(backend: DbBackend, v: &IncidentVisibility, limit: u64, by_ids: bool) -> Selector<SelectModel<IncidentRow>> {
    let f = IncidentFilter { open: Some(true), ..Default::default() };
    rows(in_open_order(filtered(backend, v, &f, &ListParams::default(), by_ids)).limit(limit))
}

/// The open list's order: those raised above incident first, then the nearest deadline (none
/// last), then the newest report.
fn in_open_order(q: Select<incident::Entity>) -> Select<incident::Entity> {
    let ordinary = format!("CASE WHEN \"incidents\".\"level\" = '{}' THEN 1 ELSE 0 END", Level::Incident.as_str());
    q.order_by(Expr::cust(ordinary), Order::Asc)
        .order_by_with_nulls(col(incident::Column::NextDue), Order::Asc, NullOrdering::Last)
        .order_by_desc(col(incident::Column::ReportedAt))
}

/// The open incidents in view that Mina uppgifter's three sections show, in one statement.
///
/// For one who sees the whole city, at most `each` for each section: those raised above
/// incident (the nearest deadline first, then the newest), those whose deadline falls before
/// `soon` (the nearest first) and the new reports not yet triaged (raised first, then the
/// nearest deadline), each part through its own index, and its text kept
/// ([`crate::repo::kept`]). Before, the samordnare's page read the first 300 of all the city's
/// open incidents in the order of [`open_in_view_query`] and sorted the sections out of them:
/// at storstad's 400 open it read and sorted every one to show 104, and with more than 300
/// open a new report whose deadline lay behind 300 others was missing from "new reports".
///
/// One who sees a part reads their open incidents by their ids as before
/// ([`open_in_view_query`], at most 300): they see few, and their ways of seeing written into
/// each of three parts made a unit head's page dearer (the ids gathered three times).
///
/// The rows come in the order of [`open_in_view_query`]; the app takes each section from them
/// by its own test and order (`incidents::work`).
pub async fn work_statement<D: ConnectionTrait>(
    db: &D,
    v: &IncidentVisibility,
    soon: chrono::DateTime<chrono::Utc>,
    each: u64,
) -> Result<Statement, DbErr> {
    use crate::repo::kept::Read;
    let backend = db.get_database_backend();
    if v.read.is_all() {
        return Ok(city_work_read(backend, soon, each).statement(backend));
    }
    // Built once for each reader (see `memo`): 16 % of a unit head's Mina uppgifter went to
    // building it.
    static OPEN: crate::repo::memo::Memo = crate::repo::memo::Memo::new();
    let by_ids = few_open(db, v, FEW_OPEN).await?;
    let key = format!("{v:?}|{by_ids}");
    Ok(OPEN.statement(backend, &key, || open_rows(backend, v, FEW_OPEN, by_ids).into_statement(backend)))
}

/// [`work_statement`]'s read for one who sees the whole city (for tests of its kept text).
#[doc(hidden)]
pub fn city_work_read(
    backend: DbBackend,
    soon: chrono::DateTime<chrono::Utc>,
    each: u64,
) -> impl crate::repo::kept::Read<S = SelectModel<IncidentRow>> + use<> {
    static KEPT: crate::repo::kept::Slot = crate::repo::kept::Slot::new();
    let values = vec![each.into(), soon.into(), each.into(), each.into(), each.into(), each.into()];
    KEPT.keep(values, move || city_work_query(backend, soon, each))
}

/// `"incidents"."level" IN (…)` the levels above incident, written in: an index on (status,
/// level, …) is then sought for each, where `level <> 'incident'` read every row of the
/// status (after the benchmark's wave of 34 000 new reports: 1.6 ms against 8 µs).
fn raised_level() -> SimpleExpr {
    let raised: Vec<String> = Level::ALL.iter().filter(|l| **l != Level::Incident).map(|l| format!("'{}'", l.as_str())).collect();
    Expr::cust(format!("\"incidents\".\"level\" IN ({})", raised.join(", ")))
}

fn city_work_query(backend: DbBackend, soon: chrono::DateTime<chrono::Utc>, each: u64) -> Selector<SelectModel<IncidentRow>> {
    use sea_orm::sea_query::Alias;
    let (next_due, reported, id) = (col(incident::Column::NextDue), col(incident::Column::ReportedAt), col(incident::Column::Id));
    let part = |q: Select<incident::Entity>, alias: &str| {
        let q = q.limit(each).select_only().column(incident::Column::Id).into_query();
        Query::select().column(Alias::new("id")).from_subquery(q, Alias::new(alias)).to_owned()
    };
    let find = crate::repo::select::find::<incident::Entity>;
    // The level and the status are written in, not bound: PostgreSQL plans a prepared
    // statement once for any value, and for a bound status it read the new reports as if they
    // were a quarter of all incidents (30 ms at storstad against 1.4 ms written in).
    // Through the status and level index: the open that are raised.
    let raised = find()
        .filter(open_status())
        .filter(raised_level())
        .order_by_with_nulls(next_due.clone(), Order::Asc, NullOrdering::Last)
        .order_by_desc(reported.clone())
        .order_by_asc(id.clone());
    // Through the deadlines' index in its order, stopping at `each` (only open incidents have
    // a deadline running; the statuses are tested on the rows it finds).
    let due = find()
        .filter(next_due.clone().lt(soon))
        .filter(open_status_tested(backend))
        .order_by_asc(next_due.clone())
        .order_by_asc(id.clone());
    // The new reports in the open list's order, in three parts that each read the status and
    // level index in (nearly) their own order and stop at `each`: the raised, then those at
    // incident level with a deadline (nearest first), then those without (newest first). One
    // read sorted every new report, 4 ms a page after the benchmark's wave of 34 000.
    let new = || find().filter(Expr::cust(format!("\"incidents\".\"status\" = '{}'", varn_domain::incident::Status::Rapporterad.as_str())));
    let incident_level = || Expr::cust(format!("\"incidents\".\"level\" = '{}'", Level::Incident.as_str()));
    let new_raised = in_open_order(new().filter(raised_level())).order_by_asc(id.clone());
    let new_due = new()
        .filter(incident_level())
        .filter(next_due.clone().is_not_null())
        .order_by_asc(next_due.clone())
        .order_by_desc(reported.clone())
        .order_by_asc(id.clone());
    let new_undue = new().filter(incident_level()).filter(next_due.clone().is_null()).order_by_desc(reported).order_by_asc(id.clone());
    let mut shown = part(raised, "r");
    shown
        .union(UnionType::Distinct, part(due, "d"))
        .union(UnionType::Distinct, part(new_raised, "n"))
        .union(UnionType::Distinct, part(new_due, "nd"))
        .union(UnionType::Distinct, part(new_undue, "nu"));
    let q = in_open_order(super::joined().filter(id.clone().in_subquery(shown))).order_by_asc(id);
    rows(q)
}
