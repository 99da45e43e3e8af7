//! Organisation pages: the tree, the searchable list and the new unit's form (a unit's own
//! pages are in `org_unit`).

use super::list::{run, Column, ListQuery, ListSpec, ListView};
use crate::ctx::{see_other, Ctx, PageResult};
use crate::shell::{render, FormState, Shell};
use crate::AppState;
use askama::Template;
use axum::extract::{Form, Query};
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use varn_app::modules::Boxed;
use varn_app::org::UnitInput;
use varn_app::AppError;
use varn_app::{Actor, App, ListParams, Page};
use varn_domain::{OrgKind, Permission};
use varn_store::entity::org_unit::Model as Unit;
use varn_store::repo::org::ListedUnit;
use varn_store::repo::org::OrgFilter;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/org", get(tree).post(create))
        .route("/org/list", get(list))
        .route("/org/new", get(new_form))
        .merge(super::org_unit::routes())
}

/// A unit as a row of the tree, with the list tags that nest it (constants only).
pub struct TreeNode {
    /// The unit.
    pub unit: Unit,
    /// Translated kind.
    pub kind: String,
    /// `</li>`, `</ul>` and `<ul>` tags that go before this item.
    pub before: String,
    /// Whether units lie below it (it folds).
    pub has_children: bool,
    /// Whether it starts unfolded (the top two levels).
    pub open: bool,
}

pub(super) fn kind_label(ctx: &Ctx, k: &OrgKind) -> String {
    crate::present::label(ctx.tr, *k)
}

/// The units as nested lists that fold, siblings in the city's order (kommunfullmäktige,
/// kommunstyrelsen, the nämnder alphabetically, …, bolag, externa utövare).
fn nest(ctx: &Ctx, mut units: Vec<Unit>) -> (Vec<TreeNode>, String) {
    units.sort_by_cached_key(|u| varn_domain::org::city_order(u.kind, &u.name));
    let (ordered, n) = super::tree::depth_first(units, |u| u.id, |u| u.parent_id);
    let depths: Vec<usize> = ordered.iter().map(|(_, d)| *d).collect();
    let nested = super::tree::nest_folding(ordered, |(_, d)| *d);
    let nodes = nested
        .nodes
        .into_iter()
        .enumerate()
        .map(|(i, ((u, d), before))| TreeNode {
            kind: kind_label(ctx, &u.kind),
            unit: u,
            before,
            has_children: i + 1 < n && depths[i + 1] > d,
            open: d < 1,
        })
        .collect();
    (nodes, nested.after)
}

#[derive(Template)]
#[template(path = "org_tree.html")]
struct TreePage {
    shell: Shell,
    /// The rendered tree (empty: no unit to show).
    tree: std::sync::Arc<str>,
    can_create: bool,
}

#[derive(Template)]
#[template(path = "_org_tree.html")]
struct TreeBody {
    tr: crate::i18n::Tr,
    nodes: Vec<TreeNode>,
    after: String,
}

async fn tree(ctx: Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let app = &ctx.state.app;
    // The same for everyone who reads the same units in the same language: 692 units at
    // storstad, read and rendered once until the next write.
    let key = ("org-tree", format!("{:?}", actor.scope(Permission::OrgRead)), ctx.lang.code(), app.writes_committed());
    let tree = match ctx.state.fragments.get(&key) {
        Some(t) => t,
        None => {
            let units = app.org_tree(actor).await?;
            let t: std::sync::Arc<str> = if units.is_empty() {
                "".into()
            } else {
                let (nodes, after) = nest(&ctx, units);
                TreeBody { tr: ctx.tr, nodes, after }.render().map_err(|e| AppError::Internal(e.to_string()))?.into()
            };
            ctx.state.fragments.insert(key, t.clone());
            t
        }
    };
    let can_create = actor.access.can_somewhere(Permission::OrgWrite);
    Ok(render(&TreePage { shell: ctx.shell("org.heading"), tree, can_create }, StatusCode::OK))
}

/// A unit row of the list.
pub struct UnitRow {
    unit: ListedUnit,
    kind: String,
}

#[derive(Template)]
#[template(path = "org_list.html")]
struct ListPage {
    shell: Shell,
    view: ListView,
    rows: Vec<UnitRow>,
    kinds: Vec<(&'static str, String)>,
}

#[derive(Template)]
#[template(path = "_org_rows.html")]
struct ListPartial {
    shell: Shell,
    view: ListView,
    rows: Vec<UnitRow>,
}

fn kinds(ctx: &Ctx) -> Vec<(&'static str, String)> {
    crate::present::options::<OrgKind>(ctx.tr)
}

/// The unit list (search, filter, export) as a list.
struct UnitList;

impl ListSpec for UnitList {
    type Row = ListedUnit;
    type Filter = OrgFilter;
    const BASE: &'static str = "/org/list";
    const EXPORT_NAME: &'static str = "organisation";
    const SORTS: &'static [&'static str] = varn_store::repo::org::SORTS;
    const COLUMNS: &'static [Column<ListedUnit>] = &[
        Column { header: "org.col.id", cell: |_, u| u.id.to_string() },
        Column { header: "org.col.name", cell: |_, u| u.name.clone() },
        Column { header: "org.col.kind", cell: |tr, u| crate::present::label(tr, u.kind) },
        Column { header: "org.col.path", cell: |_, u| u.path.clone() },
        Column { header: "org.col.active", cell: |tr, u| tr.t(if u.active { "common.yes" } else { "common.no" }).to_owned() },
    ];

    fn filter(q: &ListQuery) -> Result<OrgFilter, AppError> {
        Ok(OrgFilter { kind: super::list::code_filter(q, "kind")?, active: super::list::yes_no(q, "active")?, ..Default::default() })
    }

    fn fetch<'a>(app: &'a App, actor: &'a Actor, f: &'a OrgFilter, p: ListParams) -> Boxed<'a, Result<Page<ListedUnit>, AppError>> {
        Box::pin(async move { app.org_list(actor, f, &p).await })
    }
}

async fn list(ctx: Ctx, Query(q): Query<ListQuery>) -> PageResult {
    let l = match run::<UnitList>(&ctx, &q).await? {
        Ok(l) => l,
        Err(download) => return Ok(download),
    };
    let rows = l.rows.into_iter().map(|u| UnitRow { kind: kind_label(&ctx, &u.kind), unit: u }).collect();
    if ctx.htmx {
        return Ok(render(&ListPartial { shell: ctx.shell("org.list_heading"), view: l.view, rows }, StatusCode::OK));
    }
    Ok(render(&ListPage { shell: ctx.shell("org.list_heading"), view: l.view, rows, kinds: kinds(&ctx) }, StatusCode::OK))
}

#[derive(Template)]
#[template(path = "org_new.html")]
struct NewPage {
    shell: Shell,
    form: FormState,
    parents: Vec<Unit>,
    kinds: Vec<(&'static str, String)>,
}

#[derive(Deserialize, Default)]
struct NewQ {
    #[serde(default)]
    parent: Option<String>,
}

async fn new_page(ctx: &Ctx, form: FormState, status: StatusCode) -> PageResult {
    let actor = ctx.actor()?;
    let parents = ctx.state.app.org_writable(actor).await?;
    if parents.is_empty() {
        return Err(AppError::Forbidden.into());
    }
    Ok(render(&NewPage { shell: ctx.shell("org.new_heading"), form, parents, kinds: kinds(ctx) }, status))
}

async fn new_form(ctx: Ctx, Query(q): Query<NewQ>) -> PageResult {
    let form = FormState::with(&[("parent_id", q.parent.as_deref().unwrap_or("")), ("kind", "enhet")]);
    new_page(&ctx, form, StatusCode::OK).await
}

async fn create(ctx: Ctx, Form(input): Form<UnitInput>) -> PageResult {
    let actor = ctx.actor()?;
    match ctx.state.app.org_create(actor, &input).await {
        Ok(u) => Ok(see_other(&format!("/org/{}", u.id), "unit_created")),
        Err(AppError::Invalid(errs)) => {
            let form =
                FormState::with(&[("parent_id", input.parent_id.as_deref().unwrap_or("")), ("kind", &input.kind), ("name", &input.name)])
                    .errors(ctx.tr, &errs);
            new_page(&ctx, form, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}
