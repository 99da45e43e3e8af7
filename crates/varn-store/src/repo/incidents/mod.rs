//! Incidents: the register, one incident with its timeline, duties and reports, and the
//! pictures. Who may see what is decided in the query ([`IncidentVisibility`]): the
//! reporter their own reports, the handler named on an incident that incident, IncidentRead
//! the incidents of the units in its scope.

mod actions;
mod open;
mod reminders;
mod reports;
mod timeline;

pub use actions::*;
pub use open::*;
use open::{few_open, open_ids, FEW_OPEN};
pub use reminders::*;
pub use reports::*;
pub use timeline::*;

use crate::entity::{incident, incident_action, org_unit};
use crate::repo::{count_upto, ListParams, Page};
use crate::units_in_scope;
use sea_orm::sea_query::{Expr, NullOrdering, Query, SelectStatement, SimpleExpr};
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

/// `"incidents"."status" IN ('rapporterad', …)`: the open statuses as literals, not
/// parameters: our own codes, and a prepared statement's generic plan on PostgreSQL then
/// still sees that few incidents are open (with parameters it scanned all 100 000: 38 ms
/// instead of 1 ms).
fn open_status() -> SimpleExpr {
    open_status_as("")
}

/// [`open_status`] tested on the rows another index found: on SQLite written `+status`, which
/// no index may serve, so that statistics that take the open statuses for rare cannot make
/// the status index the way in (see [`open::few_open`]).
fn open_status_tested(backend: DbBackend) -> SimpleExpr {
    open_status_as(if backend == DbBackend::Sqlite { "+" } else { "" })
}

fn open_status_as(prefix: &str) -> SimpleExpr {
    let list = OPEN.iter().map(|c| format!("'{}'", c.as_str())).collect::<Vec<_>>().join(", ");
    Expr::cust(format!("{prefix}\"incidents\".\"status\" IN ({list})"))
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
    #[serde(serialize_with = "varn_domain::json_time::datetime")]
    pub reported_at: chrono::DateTime<chrono::Utc>,
    /// The nearest deadline of a report not yet sent.
    #[serde(serialize_with = "varn_domain::json_time::opt_datetime")]
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
    let mut q = match (f.open, by_ids.then(|| open_ids(backend, v)).flatten()) {
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
    list_counted(db, v, f, p, None).await
}

/// [`list`], its count given when it is `known` (the total and whether it is exact, as
/// [`list`] counted the same reader's incidents, filter and search): only the page is read.
pub async fn list_counted<D: ConnectionTrait + 'static>(
    db: &D,
    v: &IncidentVisibility,
    f: &IncidentFilter,
    p: &ListParams,
    known: Option<(u64, bool)>,
) -> Result<Page<IncidentRow>, DbErr> {
    let by_ids = f.open == Some(true) && few_open(db, v, FEW_OPEN).await?;
    let q = filtered(db.get_database_backend(), v, f, p, by_ids);
    // Counted up to COUNT_CAP: past it the header says "more than 1 000".
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
            return Ok(page(by_due(db, q, counted, p.offset(), per, known).await?))
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
    Ok(page(crate::repo::page_counted_or_known(db, counted, COUNT_CAP, rows(q), known).await?))
}

/// How far the register's count goes, as a search of the city's people or information assets
/// ([`crate::repo::assets::SEARCH_CAP`]): "more than 1 000" is what a list's header needs to
/// say (the pictures of the follow-up count incidents over time, and an export lists them
/// all). Counting further was most of a page of the whole register: stepping past 10 000 of
/// the city's 100 000 incidents took 120 µs of SQLite's time against 17 µs past 1 000, and
/// after a wave of 21 000 open reports the open list's count was four fifths of its page.
pub const COUNT_CAP: u64 = 1_000;

/// A page in deadline order, read as two index walks rather than one sort of every row:
/// first the few with a running deadline (nearest first), then the rest, newest first.
/// The count (of `counted`, up to [`COUNT_CAP`]) is read with the first walk, unless it is
/// `known`.
async fn by_due<D: ConnectionTrait + 'static>(
    db: &D,
    q: Select<incident::Entity>,
    counted: Select<incident::Entity>,
    offset: u64,
    per: u64,
    known: Option<(u64, bool)>,
) -> Result<(Vec<IncidentRow>, u64, bool), DbErr> {
    let due = q.clone().filter(col(incident::Column::NextDue).is_not_null());
    let first =
        rows(due.clone().order_by_asc(col(incident::Column::NextDue)).order_by_asc(col(incident::Column::Id)).offset(offset).limit(per));
    let (mut items, total, exact) = crate::repo::page_counted_or_known(db, counted, COUNT_CAP, first, known).await?;
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
