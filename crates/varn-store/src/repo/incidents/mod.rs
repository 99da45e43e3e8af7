//! Incidents: the register, one incident with its timeline, duties and reports, and the
//! pictures. Who may see what is decided in the query ([`IncidentVisibility`]): the
//! reporter their own reports, the handler named on an incident that incident, IncidentRead
//! the incidents of the units in its scope.

mod actions;
mod reminders;
mod reports;
mod timeline;

pub use actions::*;
pub use reminders::*;
pub use reports::*;
pub use timeline::*;

use crate::entity::{incident, incident_action, org_unit};
use crate::repo::{count_upto, ListParams, Page};
use crate::units_in_scope;
use sea_orm::sea_query::{Expr, NullOrdering, Query, SelectStatement, SimpleExpr, UnionType};
use sea_orm::*;
use varn_domain::incident::{Category, Level, Severity, Status};
use varn_domain::{Code, Scope};

/// What a user may see of the incidents.
#[derive(Debug, Clone)]
pub struct IncidentVisibility {
    /// Where they read every incident (IncidentRead).
    pub read: Scope,
    /// The user: their own reports and those they handle are theirs wherever they sit.
    pub user_id: i64,
}

fn col(c: incident::Column) -> Expr {
    Expr::col((incident::Entity, c))
}

/// The SQL condition of [`IncidentVisibility`] on `incidents` joined with its unit.
pub fn visible(v: &IncidentVisibility) -> Condition {
    if v.read.is_all() {
        return Condition::all();
    }
    let mut c = Condition::any()
        .add(col(incident::Column::ReporterUserId).eq(v.user_id))
        .add(col(incident::Column::HandlerUserId).eq(v.user_id))
        .add(col(incident::Column::Id).in_subquery(with_actions_of(v.user_id)));
    if !v.read.is_none() {
        c = c.add(units_in_scope(&v.read, col(incident::Column::UnitId)));
    }
    c
}

/// The incidents on which the user owns an action (an action's owner sees the incident): the
/// few ids they own, a sub-query evaluated once.
fn with_actions_of(user_id: i64) -> SelectStatement {
    Query::select()
        .column(incident_action::Column::IncidentId)
        .from(incident_action::Entity)
        .and_where(Expr::col(incident_action::Column::ResponsibleUserId).eq(user_id))
        .to_owned()
}

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
fn open_ids(v: &IncidentVisibility) -> Option<SelectStatement> {
    if v.read.is_all() {
        return None;
    }
    let ids = |c: Condition| {
        Query::select().column((incident::Entity, incident::Column::Id)).from(incident::Entity).cond_where(c.add(open_status())).to_owned()
    };
    let mut q = ids(Condition::all().add(col(incident::Column::ReporterUserId).eq(v.user_id)));
    q.union(UnionType::All, ids(Condition::all().add(col(incident::Column::HandlerUserId).eq(v.user_id))));
    q.union(UnionType::All, ids(Condition::all().add(col(incident::Column::Id).in_subquery(with_actions_of(v.user_id)))));
    if !v.read.is_none() {
        q.union(UnionType::All, ids(units_in_scope(&v.read, col(incident::Column::UnitId))));
    }
    Some(q)
}

/// Up to how many open incidents in view count as few: then they are read by their ids. As
/// many as Mina uppgifter reads: more than that, and the `OR` walk finds a page's worth sooner.
const FEW_OPEN: u64 = 300;

/// How the open incidents in view are best read, decided on PostgreSQL by counting them (up
/// to [`FEW_OPEN`] + 1, through the indexes of [`open_ids`]). PostgreSQL plans [`visible`]'s
/// `OR` as a walk over every open incident in the city, testing each: 28 ms for a unit head
/// who sees none of 7 400 open; read by their ids instead, 0.6 ms. One who sees thousands is
/// served better by the walk (11 ms for 11 400, against 34 ms to fetch them all by id and
/// sort). SQLite plans the `OR` as one index search per part itself (`MULTI-INDEX OR`) and
/// needs no count.
async fn few_open<D: ConnectionTrait>(db: &D, v: &IncidentVisibility, few: u64) -> Result<bool, DbErr> {
    let Some(ids) = open_ids(v) else { return Ok(false) };
    if db.get_database_backend() != DbBackend::Postgres {
        return Ok(false);
    }
    // The bound as a literal: a plan made for any `LIMIT` takes it for a tenth of the rows.
    let ids = db.get_database_backend().build(&ids);
    let sql = format!("SELECT COUNT(*) FROM ({} LIMIT {}) AS \"v\"", ids.sql, few.min(u64::from(u32::MAX)) + 1);
    let q = Statement { sql, values: ids.values, db_backend: db.get_database_backend() };
    let n = db.query_one(q).await?.and_then(|r| r.try_get_by_index::<i64>(0).ok()).unwrap_or(0);
    Ok(n as u64 <= few)
}

/// `"incidents"."status" IN ('rapporterad', …)`: the open statuses as literals, not
/// parameters: our own codes, and a prepared statement's generic plan on PostgreSQL then
/// still sees that few incidents are open (with parameters it scanned all 100 000: 38 ms
/// instead of 1 ms).
fn open_status() -> SimpleExpr {
    let list = OPEN.iter().map(|c| format!("'{}'", c.as_str())).collect::<Vec<_>>().join(", ");
    Expr::cust(format!("\"incidents\".\"status\" IN ({list})"))
}

fn joined() -> Select<incident::Entity> {
    crate::repo::select::find::<incident::Entity>().join(JoinType::InnerJoin, incident::Relation::Unit.def())
}

fn scoped(v: &IncidentVisibility) -> Select<incident::Entity> {
    joined().filter(visible(v))
}

/// A row of the register.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct IncidentRow {
    /// Id.
    pub id: i64,
    /// What happened, in a line.
    pub title: String,
    /// The affected unit.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// Where in the handling.
    #[schema(value_type = String)]
    pub status: Status,
    /// Category, once triaged.
    #[schema(value_type = Option<String>)]
    pub category: Option<Category>,
    /// Severity, once triaged.
    #[schema(value_type = Option<String>)]
    pub severity: Option<Severity>,
    /// Incident, allvarlig störning or kris.
    #[schema(value_type = String)]
    pub level: Level,
    /// When it was reported.
    pub reported_at: chrono::DateTime<chrono::Utc>,
    /// The nearest deadline of a report not yet sent.
    pub next_due: Option<chrono::DateTime<chrono::Utc>>,
}

fn rows(q: Select<incident::Entity>) -> Selector<SelectModel<IncidentRow>> {
    q.select_only()
        .columns([
            incident::Column::Id,
            incident::Column::Title,
            incident::Column::UnitId,
            incident::Column::Status,
            incident::Column::Category,
            incident::Column::Severity,
            incident::Column::Level,
            incident::Column::ReportedAt,
            incident::Column::NextDue,
        ])
        .column_as(Expr::col((org_unit::Entity, org_unit::Column::Name)), "unit_name")
        .into_model::<IncidentRow>()
}

/// Filters of the register.
#[derive(Debug, Clone, Default)]
pub struct IncidentFilter {
    /// Only the caller's own reports.
    pub mine_user_id: Option<i64>,
    /// In a unit of this subtree (its path).
    pub under: Option<String>,
    /// The affected unit or one below it (the app turns it into `under`).
    pub unit_id: Option<i64>,
    /// Open (not closed) or closed.
    pub open: Option<bool>,
    /// In this status.
    pub status: Option<Status>,
    /// At this level.
    pub level: Option<Level>,
    /// Of this severity.
    pub severity: Option<Severity>,
    /// Of this category.
    pub category: Option<Category>,
    /// With a running deadline before this moment.
    pub due_before: Option<chrono::DateTime<chrono::Utc>>,
    /// Raised above incident (allvarlig störning or kris).
    pub raised: bool,
}

/// The sort keys of the register (the first is the default: the nearest deadline first).
pub const SORTS: &[&str] = &["due", "reported", "title", "unit", "status"];

const OPEN: [Status; 4] = [Status::Rapporterad, Status::UnderUtredning, Status::Begransad, Status::Atgardad];

/// The register's query; `by_ids`: the open incidents in view read by their ids (see
/// [`few_open`]).
fn filtered(backend: DbBackend, v: &IncidentVisibility, f: &IncidentFilter, p: &ListParams, by_ids: bool) -> Select<incident::Entity> {
    let mut q = match (f.open, by_ids.then(|| open_ids(v)).flatten()) {
        // The ids are open ones (see `open_ids`): the statuses are not tested again.
        (Some(true), Some(ids)) => joined().filter(col(incident::Column::Id).in_subquery(ids)),
        (Some(true), None) => scoped(v).filter(open_status()),
        _ => scoped(v),
    };
    if let Some(like) = p.like() {
        q = q.filter(crate::repo::like_on(backend, col(incident::Column::SearchText).into(), &like));
    }
    if let Some(u) = f.mine_user_id {
        q = q.filter(col(incident::Column::ReporterUserId).eq(u));
    }
    if let Some(path) = &f.under {
        let units = sea_orm::sea_query::Query::select()
            .column(org_unit::Column::Id)
            .from(org_unit::Entity)
            .and_where(crate::under_path(Expr::col(org_unit::Column::Path).into(), path))
            .to_owned();
        q = q.filter(col(incident::Column::UnitId).in_subquery(units));
    }
    if f.open == Some(false) {
        q = q.filter(col(incident::Column::Status).eq(Status::Avslutad.as_str()));
    }
    if let Some(s) = f.status {
        q = q.filter(col(incident::Column::Status).eq(s.as_str()));
    }
    if let Some(l) = f.level {
        q = q.filter(col(incident::Column::Level).eq(l.as_str()));
    }
    if let Some(s) = f.severity {
        q = q.filter(col(incident::Column::Severity).eq(s.as_str()));
    }
    if let Some(c) = f.category {
        q = q.filter(col(incident::Column::Category).eq(c.as_str()));
    }
    if let Some(t) = f.due_before {
        q = q.filter(col(incident::Column::NextDue).lt(t));
    }
    if f.raised {
        q = q.filter(col(incident::Column::Level).ne(Level::Incident.as_str()));
    }
    q
}

/// The visible incidents that match, one page; by default the nearest deadline first
/// (those without one after, the newest first).
pub async fn list<D: ConnectionTrait + 'static>(
    db: &D,
    v: &IncidentVisibility,
    f: &IncidentFilter,
    p: &ListParams,
) -> Result<Page<IncidentRow>, DbErr> {
    let by_ids = f.open == Some(true) && few_open(db, v, FEW_OPEN).await?;
    let q = filtered(db.get_database_backend(), v, f, p, by_ids);
    // "More than 10 000" is enough for a page header; counting ten years of the city's
    // incidents cost more than the page (25 ms on PostgreSQL).
    let counted = q.clone();
    let page = |(items, total, exact): (Vec<IncidentRow>, u64, bool)| Page {
        items,
        total,
        page: p.page.max(1),
        per_page: p.per_page.unwrap_or(total.max(1)),
        exact,
    };
    let id = col(incident::Column::Id);
    let o = p.dir.order();
    let q = match (p.sort.as_deref(), p.per_page) {
        (Some("reported"), _) => q.order_by(col(incident::Column::ReportedAt), o).order_by(id, p.dir.order()),
        (Some("title"), _) => q.order_by(col(incident::Column::Title), o).order_by_asc(id),
        (Some("unit"), _) => q.order_by(Expr::col((org_unit::Entity, org_unit::Column::Name)), o).order_by_desc(id),
        (Some("status"), _) => q.order_by(col(incident::Column::Status), o).order_by_desc(id),
        (None | Some("due"), Some(per)) if p.dir == crate::repo::Dir::Asc => {
            return Ok(page(by_due(db, q, counted, p.offset(), per).await?))
        }
        _ => q
            .order_by_with_nulls(col(incident::Column::NextDue), o, NullOrdering::Last)
            .order_by_desc(col(incident::Column::ReportedAt))
            .order_by_desc(id),
    };
    let q = match p.per_page {
        Some(n) => q.offset(p.offset()).limit(n),
        None => q,
    };
    Ok(page(crate::repo::page_counted(db, counted, 10_000, rows(q)).await?))
}

/// A page in deadline order, read as two index walks rather than one sort of every row:
/// first the few with a running deadline (nearest first), then the rest, newest first.
/// The count (of `counted`, up to 10 000) is read with the first walk.
async fn by_due<D: ConnectionTrait + 'static>(
    db: &D,
    q: Select<incident::Entity>,
    counted: Select<incident::Entity>,
    offset: u64,
    per: u64,
) -> Result<(Vec<IncidentRow>, u64, bool), DbErr> {
    let due = q.clone().filter(col(incident::Column::NextDue).is_not_null());
    let first =
        rows(due.clone().order_by_asc(col(incident::Column::NextDue)).order_by_asc(col(incident::Column::Id)).offset(offset).limit(per));
    let (mut items, total, exact) = crate::repo::page_counted(db, counted, 10_000, first).await?;
    let got = items.len() as u64;
    if got == per {
        return Ok((items, total, exact));
    }
    // How many have a deadline: known from this page unless the page lies past them all.
    let n_due = if got > 0 || offset == 0 { offset + got } else { count_upto(db, due, 100_000).await?.0 };
    let rest = q
        .filter(col(incident::Column::NextDue).is_null())
        .order_by_desc(col(incident::Column::ReportedAt))
        .order_by_desc(col(incident::Column::Id))
        .offset(offset.saturating_sub(n_due))
        .limit(per - got);
    items.extend(rows(rest).all(db).await?);
    Ok((items, total, exact))
}

/// One visible incident with the path of its unit.
/// The query of [`find`]: its text is kept for those who see the whole city (no condition
/// of their own).
pub fn find_query(
    v: &IncidentVisibility,
    id: i64,
) -> impl crate::repo::kept::Read<S = SelectTwoModel<incident::Model, org_unit::Model>> + use<'_> {
    static KEPT: [crate::repo::kept::Slot; 1] = [const { crate::repo::kept::Slot::new() }];
    let shape = usize::from(v.read.is_all());
    crate::repo::kept::Slot::keep_nth(&KEPT, shape, vec![id.into(), 1u64.into()], move || {
        incident::Entity::find_by_id(id)
            .find_also_related(org_unit::Entity)
            .filter(visible(v))
            .limit(1)
            .into_model::<incident::Model, org_unit::Model>()
    })
}

pub async fn find<D: ConnectionTrait>(db: &D, v: &IncidentVisibility, id: i64) -> Result<Option<(incident::Model, String)>, DbErr> {
    // One query: the incident with its unit, where the caller may see it.
    let q = find_query(v, id);
    let found = crate::repo::kept::all(db, q).await?.into_iter().next();
    Ok(found.and_then(|(i, u)| u.map(|u| (i, u.path))))
}

/// What of the module refers to a unit, for the unit's delete guard.
pub async fn unit_references<D: ConnectionTrait>(db: &D, id: i64) -> Result<Vec<(&'static str, u64)>, DbErr> {
    let n = crate::repo::select::find::<incident::Entity>()
        .filter(
            Condition::any()
                .add(incident::Column::UnitId.eq(id))
                .add(incident::Column::OperatorUnitId.eq(id))
                .add(incident::Column::PuaUnitId.eq(id)),
        )
        .count(db)
        .await?;
    let c = crate::repo::select::find::<crate::entity::authority_contact::Entity>()
        .filter(crate::entity::authority_contact::Column::UnitId.eq(id))
        .count(db)
        .await?;
    Ok([("incidents", n), ("authority_contacts", c)].into_iter().filter(|x| x.1 > 0).collect())
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
/// `OR` whenever any are in view, `u64::MAX` by their ids always. For tests of both ways.
#[doc(hidden)]
pub async fn open_in_view_counting<D: ConnectionTrait>(
    db: &D,
    v: &IncidentVisibility,
    limit: u64,
    few: u64,
) -> Result<Vec<IncidentRow>, DbErr> {
    open_in_view_query_counting(db, v, limit, few).await?.all(db).await
}

async fn open_in_view_query_counting<D: ConnectionTrait>(
    db: &D,
    v: &IncidentVisibility,
    limit: u64,
    few: u64,
) -> Result<Selector<SelectModel<IncidentRow>>, DbErr> {
    let f = IncidentFilter { open: Some(true), ..Default::default() };
    let ordinary = format!("CASE WHEN \"incidents\".\"level\" = '{}' THEN 1 ELSE 0 END", Level::Incident.as_str());
    let by_ids = few_open(db, v, few).await?;
    let q = filtered(db.get_database_backend(), v, &f, &ListParams::default(), by_ids)
        .order_by(Expr::cust(ordinary), sea_orm::Order::Asc)
        .order_by_with_nulls(col(incident::Column::NextDue), sea_orm::Order::Asc, NullOrdering::Last)
        .order_by_desc(col(incident::Column::ReportedAt))
        .limit(limit);
    Ok(rows(q))
}
