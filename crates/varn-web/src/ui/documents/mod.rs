//! Styrdokument pages: the register and the tree here; the draft form in [`form`], the
//! document page in [`page`], its workflow steps in [`steps`], acknowledgements and the
//! follow-up overview in [`follow_up`].

mod follow_up;
mod form;
mod page;
mod remiss;
mod steps;

use super::list::{code_filter, run, Column, ListQuery, ListSpec, ListView};
use crate::ctx::{Ctx, PageResult};
use crate::present::{label, options};
use crate::shell::{render, Shell};
use crate::AppState;
use askama::Template;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use varn_app::documents::{DocFilter, DocRow};
use varn_app::modules::Boxed;
use varn_app::{Actor, App, AppError, ListParams, Page};
use varn_domain::document::{DocType, Status};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/documents", get(list).post(form::create))
        .route("/documents/tree", get(tree))
        .merge(form::routes())
        .merge(page::routes())
        .merge(steps::routes())
        .merge(remiss::routes())
        .merge(follow_up::routes())
}

/// A register row with its labels.
pub struct Row {
    r: DocRow,
    kind: String,
    status: String,
}

fn rows(ctx: &Ctx, items: Vec<DocRow>) -> Vec<Row> {
    items.into_iter().map(|r| Row { kind: label(ctx.tr, r.doc_type), status: label(ctx.tr, r.status), r }).collect()
}

#[derive(Template)]
#[template(path = "documents/list.html")]
struct ListPage {
    shell: Shell,
    view: ListView,
    rows: Vec<Row>,
    types: Vec<(&'static str, String)>,
    statuses: Vec<(&'static str, String)>,
    can_create: bool,
    can_follow_up: bool,
    /// The unit the register is filtered on (from the follow-up overview).
    unit_filter: Option<String>,
}

#[derive(Template)]
#[template(path = "documents/_rows.html")]
struct ListPartial {
    shell: Shell,
    view: ListView,
    rows: Vec<Row>,
}

/// The register as a list.
struct Register;

impl ListSpec for Register {
    type Row = DocRow;
    type Filter = DocFilter;
    const BASE: &'static str = "/documents";
    const EXPORT_NAME: &'static str = "styrdokument";
    const SORTS: &'static [&'static str] = varn_app::documents::SORTS;
    const COLUMNS: &'static [Column<DocRow>] = &[
        Column { header: "doc.col.id", cell: |_, r| r.id.to_string() },
        Column { header: "doc.field.title", cell: |_, r| r.title.clone() },
        Column { header: "doc.field.doc_type", cell: |tr, r| label(tr, r.doc_type) },
        Column { header: "doc.col.status", cell: |tr, r| label(tr, r.status) },
        Column { header: "doc.field.unit", cell: |_, r| r.unit_name.clone() },
        Column { header: "doc.field.revision_date", cell: |_, r| r.revision_date.map(|d| d.to_string()).unwrap_or_default() },
        Column {
            header: "doc.field.validity",
            cell: |tr, r| r.valid_until.map(|d| d.to_string()).unwrap_or_else(|| tr.t("doc.validity.tills_vidare").to_owned()),
        },
    ];

    fn filter(q: &ListQuery) -> Result<DocFilter, AppError> {
        let unit_id = q.filter("unit").map(|u| u.parse().map_err(|_| AppError::field("unit", "err.choose"))).transpose()?;
        Ok(DocFilter { doc_type: code_filter(q, "type")?, status: code_filter(q, "status")?, unit_id, parent_id: None })
    }

    fn fetch<'a>(app: &'a App, actor: &'a Actor, f: &'a DocFilter, p: ListParams) -> Boxed<'a, Result<Page<DocRow>, AppError>> {
        Box::pin(async move { app.documents().list(actor, f, &p).await })
    }
}

async fn list(ctx: Ctx, Query(q): Query<ListQuery>) -> PageResult {
    let actor = ctx.actor()?;
    let l = match run::<Register>(&ctx, &q).await? {
        Ok(l) => l,
        Err(download) => return Ok(download),
    };
    let rows = rows(&ctx, l.rows);
    if ctx.htmx {
        return Ok(render(&ListPartial { shell: ctx.shell("doc.heading"), view: l.view, rows }, StatusCode::OK));
    }
    let unit_filter = match l.filter.unit_id {
        Some(u) => ctx.state.app.unit_name(actor, u).await?,
        None => None,
    };
    let docs = ctx.state.app.documents();
    let page = ListPage {
        shell: ctx.shell("doc.heading"),
        view: l.view,
        rows,
        types: options::<DocType>(ctx.tr),
        statuses: options::<Status>(ctx.tr),
        can_create: docs.can_create(actor),
        can_follow_up: docs.can_follow_up(actor),
        unit_filter,
    };
    Ok(render(&page, StatusCode::OK))
}

/// A document as a row of the tree, with the list tags that nest it (constants only).
pub struct TreeNode {
    r: DocRow,
    kind: String,
    status: String,
    before: String,
}

#[derive(Template)]
#[template(path = "documents/tree.html")]
struct TreePage {
    shell: Shell,
    nodes: Vec<TreeNode>,
    after: String,
    can_follow_up: bool,
}

async fn tree(ctx: Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let docs = ctx.state.app.documents();
    let mut all = docs.tree(actor).await?;
    // Siblings policy first, then by title.
    all.sort_by(|a, b| a.doc_type.rank().cmp(&b.doc_type.rank()).then_with(|| a.title.cmp(&b.title)));
    let nested = crate::ui::tree::nest(all, |d| d.id, |d| d.parent_id);
    let nodes = nested
        .nodes
        .into_iter()
        .map(|(r, before)| TreeNode { kind: label(ctx.tr, r.doc_type), status: label(ctx.tr, r.status), r, before })
        .collect();
    let page = TreePage { shell: ctx.shell("doc.tree_heading"), nodes, after: nested.after, can_follow_up: docs.can_follow_up(actor) };
    Ok(render(&page, StatusCode::OK))
}
