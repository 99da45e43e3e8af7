//! Uppföljning av arbetet: every open and overdue task in the actor's scope, counted per unit
//! and kind, with the tasks behind the counts. Tasks are where every module puts its
//! deadlines, so the samordnare (city-wide) and a nämnd's or förvaltning's head (their
//! subtree) see all of it in one place; modules add what is not a task through
//! [`crate::modules::Module::follow_up`]. "Overdue" is [`varn_domain::task::is_overdue`]:
//! the same for Mina uppgifter, this view and the documents' follow-up.

use crate::{Actor, App, AppError};
use std::collections::HashMap;
use varn_domain::org::city_order;
use varn_domain::{OrgPath, Permission};
use varn_store::entity::org_unit;
use varn_store::repo::org;
use varn_store::repo::work::{self as repo, WorkQuery};
pub use varn_store::repo::work::{WorkCount, WorkTask};

/// Kinds in the order the columns show them (others follow, alphabetically).
const KIND_ORDER: &[&str] = &[
    "document.action",
    "document.remiss",
    "incident.action",
    "risk.action",
    "arshjul",
    "document.follow_up",
    "incident.report",
    "asset.review",
    "risk.review",
];

/// How many tasks the drill-down lists.
pub const TASKS_SHOWN: u64 = 100;

/// Open and overdue work of one kind.
#[derive(Debug, Clone, Default, serde::Serialize, utoipa::ToSchema)]
pub struct KindCount {
    /// Kind (`document.action`, ...).
    pub kind: String,
    /// Open.
    pub open: i64,
    /// Of those, overdue.
    pub overdue: i64,
}

/// A line of the overview: a unit with its subtree, or the unit looked at by itself.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct WorkRow {
    /// The unit (none: work that belongs to no unit).
    pub unit_id: Option<i64>,
    /// Its name.
    pub name: String,
    /// The unit's own work only (the unit looked at), not its subtree's.
    pub own: bool,
    /// Whether it has units below it to open.
    pub has_children: bool,
    /// Open in all.
    pub open: i64,
    /// Overdue in all.
    pub overdue: i64,
    /// Per kind, in the order of [`WorkOverview::kinds`].
    pub by_kind: Vec<KindCount>,
}

impl WorkRow {
    fn new(unit_id: Option<i64>, name: String, own: bool, has_children: bool, kinds: &[String]) -> Self {
        let by_kind = kinds.iter().map(|k| KindCount { kind: k.clone(), ..KindCount::default() }).collect();
        WorkRow { unit_id, name, own, has_children, open: 0, overdue: 0, by_kind }
    }

    fn add(&mut self, kind: &str, open: i64, overdue: i64) {
        self.open += open;
        self.overdue += overdue;
        if let Some(k) = self.by_kind.iter_mut().find(|k| k.kind == kind) {
            k.open += open;
            k.overdue += overdue;
        }
    }
}

/// A unit by id and name.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct UnitRef {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
}

/// What the actor asked to see.
#[derive(Debug, Clone, Default)]
pub struct WorkFilter {
    /// The unit looked at (none: the top of the actor's scope).
    pub unit: Option<i64>,
    /// Only this kind in the task list.
    pub kind: Option<String>,
    /// Every open task in the list, not only the overdue.
    pub all_open: bool,
}

/// The overview and its drill-down.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct WorkOverview {
    /// The unit looked at (none: the top of the scope, when it is more than one unit).
    pub unit: Option<UnitRef>,
    /// The units above it that the actor may open, from the top of their scope.
    pub trail: Vec<UnitRef>,
    /// The kinds that have open work here, in column order.
    pub kinds: Vec<String>,
    /// The unit's own work first, then each unit below it with its subtree, in the city's order.
    pub rows: Vec<WorkRow>,
    /// Everything here.
    pub total: WorkRow,
    /// The tasks (the most overdue first), at most [`TASKS_SHOWN`].
    pub tasks: Vec<WorkTask>,
    /// The kind the task list is filtered to.
    pub kind: Option<String>,
    /// Whether the task list holds every open task, not only the overdue.
    pub all_open: bool,
    /// Today in the city (what "overdue" is measured against).
    #[serde(serialize_with = "varn_domain::json_time::date")]
    pub today: chrono::NaiveDate,
}

fn kind_rank(k: &str) -> (usize, String) {
    (KIND_ORDER.iter().position(|x| *x == k).unwrap_or(KIND_ORDER.len()), k.to_owned())
}

impl App {
    /// Every count of open and overdue work within `scope`: the tasks', then the modules'
    /// (kept until this server commits a write, see [`App::work_counts`]).
    async fn work_counts(&self, scope: &varn_domain::Scope, today: chrono::NaiveDate) -> Result<std::sync::Arc<Vec<WorkCount>>, AppError> {
        let key = (format!("{scope:?}"), today, self.writes.load(std::sync::atomic::Ordering::Relaxed));
        let load = async {
            let mut counts = repo::counts(self.store.read(), scope, today).await?;
            counts.extend(self.module_counts(scope, today).await?);
            Ok::<_, AppError>(std::sync::Arc::new(counts))
        };
        self.work_counts.try_get_with(key, load).await.map_err(|e| AppError::Internal(e.to_string()))
    }

    /// What the modules count beyond their tasks.
    async fn module_counts(&self, scope: &varn_domain::Scope, today: chrono::NaiveDate) -> Result<Vec<WorkCount>, AppError> {
        let mut out = Vec::new();
        for m in crate::modules::MODULES {
            out.extend((m.follow_up)(self, scope, today).await?);
        }
        Ok(out)
    }

    /// A module's rows past their date, per unit within `scope` (see [`repo::PastDate`]).
    pub(crate) async fn past_date(
        &self,
        what: repo::PastDate,
        before: sea_orm::Value,
        scope: &varn_domain::Scope,
    ) -> Result<Vec<WorkCount>, AppError> {
        Ok(repo::past_date(self.store.read(), what, before, scope).await?)
    }

    /// Today in the city: what every task's deadline is measured against.
    pub fn today(&self) -> chrono::NaiveDate {
        varn_domain::task::today()
    }

    /// The follow-up of work in the actor's scope (Supervise), at a unit or at the top. The
    /// same for everyone with the same scope and question: kept like the counts (until this
    /// server commits a write, at most 10 s), so the city-wide view is read and assembled once.
    pub async fn work_overview(&self, actor: &Actor, f: &WorkFilter) -> Result<std::sync::Arc<WorkOverview>, AppError> {
        let cap = actor.can(Permission::Supervise)?;
        let scope = cap.scope().clone();
        let today = self.today();
        let key = (format!("{scope:?}"), format!("{f:?}"), today, self.writes.load(std::sync::atomic::Ordering::Relaxed));
        if let Some(w) = self.work_views.get(&key).await {
            return Ok(w);
        }
        let w = std::sync::Arc::new(self.assemble_overview(&scope, f, today).await?);
        self.work_views.insert(key, w.clone()).await;
        Ok(w)
    }

    async fn assemble_overview(
        &self,
        scope: &varn_domain::Scope,
        f: &WorkFilter,
        today: chrono::NaiveDate,
    ) -> Result<WorkOverview, AppError> {
        let scope = scope.clone();
        let db = self.store.read();
        let units = org::all_in_scope(db, &scope).await?;
        let by_id: HashMap<i64, &org_unit::Model> = units.iter().map(|u| (u.id, u)).collect();
        // The top of the scope: units whose parent the actor cannot see.
        let top: Vec<&org_unit::Model> = units.iter().filter(|u| u.parent_id.is_none_or(|p| !by_id.contains_key(&p))).collect();
        let at: Option<&org_unit::Model> = match f.unit {
            Some(id) => Some(*by_id.get(&id).ok_or(AppError::NotFound)?),
            None if top.len() == 1 => Some(top[0]),
            None => None,
        };
        let counts = self.work_counts(&scope, today).await?;
        let mut kinds: Vec<String> = counts.iter().filter(|c| c.open > 0).map(|c| c.kind.clone()).collect();
        kinds.sort_by_key(|k| kind_rank(k));
        kinds.dedup();

        let has_children = |id: i64| units.iter().any(|u| u.parent_id == Some(id));
        let mut children: Vec<&org_unit::Model> = match at {
            Some(a) => units.iter().filter(|u| u.parent_id == Some(a.id)).collect(),
            None => top.clone(),
        };
        children.sort_by_key(|u| city_order(u.kind, &u.name));
        let mut rows: Vec<WorkRow> = Vec::with_capacity(children.len() + 2);
        if let Some(a) = at {
            rows.push(WorkRow::new(Some(a.id), a.name.clone(), true, false, &kinds));
        }
        let first_child = rows.len();
        let mut slot: HashMap<i64, usize> = HashMap::new();
        for (i, c) in children.iter().enumerate() {
            slot.insert(c.id, first_child + i);
            rows.push(WorkRow::new(Some(c.id), c.name.clone(), false, has_children(c.id), &kinds));
        }
        let at_path = at.and_then(|a| OrgPath::parse(&a.path).ok());
        let depth = at_path.as_ref().map_or(0, |p| p.depth() + 1);
        let mut total = WorkRow::new(at.map(|a| a.id), at.map(|a| a.name.clone()).unwrap_or_default(), false, false, &kinds);
        let mut none_row: Option<WorkRow> = None;
        for c in counts.iter() {
            let Some(uid) = c.unit_id else {
                // Work of no unit: only a city-wide scope sees it, at the top.
                if scope.is_all() && f.unit.is_none() {
                    none_row.get_or_insert_with(|| WorkRow::new(None, String::new(), true, false, &kinds)).add(&c.kind, c.open, c.overdue);
                    total.add(&c.kind, c.open, c.overdue);
                }
                continue;
            };
            let Some(u) = by_id.get(&uid) else { continue };
            let Ok(path) = OrgPath::parse(&u.path) else { continue };
            if let Some(ap) = &at_path {
                if !ap.contains(&path) {
                    continue;
                }
            }
            total.add(&c.kind, c.open, c.overdue);
            let row = if at.is_some_and(|a| a.id == uid) {
                Some(0)
            } else {
                // The unit below the one looked at whose subtree holds this unit.
                path.ids().get(depth).and_then(|child| slot.get(&child.0)).copied().or_else(|| {
                    // At the top of a scope of several units: the top unit above it.
                    top.iter().find(|t| OrgPath::parse(&t.path).is_ok_and(|tp| tp.contains(&path))).and_then(|t| slot.get(&t.id).copied())
                })
            };
            if let Some(i) = row {
                rows[i].add(&c.kind, c.open, c.overdue);
            }
        }
        rows.extend(none_row);

        let trail: Vec<UnitRef> = match at {
            Some(a) => OrgPath::parse(&a.path)
                .map(|p| p.ids())
                .unwrap_or_default()
                .into_iter()
                .filter(|id| id.0 != a.id)
                .filter_map(|id| by_id.get(&id.0).map(|u| UnitRef { id: u.id, name: u.name.clone() }))
                .collect(),
            None => vec![],
        };
        let kind = f.kind.clone().filter(|k| !k.is_empty());
        // At the top of a scope of one unit the scope says it all: no list of every unit to
        // match (which would sort every overdue task instead of reading the first in order).
        let whole_scope = top.len() == 1 && at.is_some_and(|a| a.id == top[0].id);
        let q = WorkQuery {
            scope: &scope,
            under: if whole_scope { None } else { at_path.as_ref() },
            kind: kind.as_deref(),
            overdue_only: !f.all_open,
            today,
            limit: TASKS_SHOWN,
        };
        let tasks = repo::tasks(db, &q).await?;
        Ok(WorkOverview {
            unit: at.map(|a| UnitRef { id: a.id, name: a.name.clone() }),
            trail,
            kinds,
            rows,
            total,
            tasks,
            kind,
            all_open: f.all_open,
            today,
        })
    }

    /// How much in the actor's follow-up is overdue, tasks and the modules' items alike (the
    /// total of [`Self::work_overview`], for the start page); none when the actor follows up
    /// nothing.
    pub async fn overdue_in_scope(&self, actor: &Actor) -> Result<Option<i64>, AppError> {
        let scope = actor.scope(Permission::Supervise);
        if scope.is_none() {
            return Ok(None);
        }
        Ok(Some(self.work_counts(&scope, self.today()).await?.iter().map(|c| c.overdue).sum()))
    }
}

impl App {
    /// Open and overdue work in a unit and below it, when the actor follows the unit up
    /// (for the unit's page): (open, overdue).
    pub async fn unit_work(&self, actor: &Actor, unit_path: &str) -> Result<Option<(i64, i64)>, AppError> {
        let Ok(path) = OrgPath::parse(unit_path) else { return Ok(None) };
        if !actor.scope(Permission::Supervise).covers(&path) {
            return Ok(None);
        }
        let counts = self.work_counts(&varn_domain::Scope::Units(vec![path]), self.today()).await?;
        Ok(Some((counts.iter().map(|c| c.open).sum(), counts.iter().map(|c| c.overdue).sum())))
    }
}

/// The scope-limited counts a module adds for what is not a task (helper for modules).
pub fn count(unit_id: i64, kind: &str, n: i64) -> WorkCount {
    WorkCount { unit_id: Some(unit_id), kind: kind.to_owned(), open: n, overdue: n }
}
