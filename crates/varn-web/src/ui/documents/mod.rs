//! Styrdokument pages: the register, the tree, and the draft form. The document page and
//! its actions are in [`page`].

mod page;

pub(crate) use page::pdf_of;

use super::list::{download, export_rows, export_slot, ListQuery, ListView};
use crate::ctx::{see_other, Ctx, PageResult};
use crate::shell::{render, FormState, Shell};
use crate::AppState;
use askama::Template;
use axum::extract::{Form, Path, Query};
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use varn_app::documents::{render as md, DocInput};
use varn_app::export::Table;
use varn_app::AppError;
use varn_domain::document::{DecidingBody, DocType, Status};
use varn_domain::Permission;
use varn_store::entity::org_unit::Model as Unit;
use varn_store::repo::documents::{DocFilter, DocRow};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/documents", get(list).post(create))
        .route("/documents/tree", get(tree))
        .route("/documents/new", get(new_form))
        .route("/documents/{id}/edit", get(edit_form).post(update))
        .merge(page::routes())
}

/// Translated label of a type.
pub fn type_label(ctx: &Ctx, t: &str) -> String {
    ctx.tr.t(&format!("doc.type.{t}")).to_owned()
}

/// Translated label of a status.
pub fn status_label(ctx: &Ctx, s: &str) -> String {
    ctx.tr.t(&format!("doc.status.{s}")).to_owned()
}

/// A register row with its labels.
pub struct Row {
    r: DocRow,
    kind: String,
    status: String,
}

fn rows(ctx: &Ctx, items: Vec<DocRow>) -> Vec<Row> {
    items.into_iter().map(|r| Row { kind: type_label(ctx, &r.doc_type), status: status_label(ctx, &r.status), r }).collect()
}

#[derive(Template)]
#[template(path = "documents_list.html")]
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
#[template(path = "_documents_rows.html")]
struct ListPartial {
    shell: Shell,
    view: ListView,
    rows: Vec<Row>,
}

fn types(ctx: &Ctx) -> Vec<(&'static str, String)> {
    DocType::ALL.iter().map(|t| (t.as_str(), type_label(ctx, t.as_str()))).collect()
}

fn statuses(ctx: &Ctx) -> Vec<(&'static str, String)> {
    Status::ALL.iter().map(|s| (s.as_str(), status_label(ctx, s.as_str()))).collect()
}

async fn list(ctx: Ctx, Query(q): Query<ListQuery>) -> PageResult {
    let actor = ctx.actor()?;
    let _slot = export_slot(&ctx.state, &q).await;
    let filter = DocFilter {
        doc_type: q.filter("type").map(str::to_owned),
        status: q.filter("status").map(str::to_owned),
        unit_id: q.filter("unit").and_then(|u| u.parse().ok()),
        parent_id: None,
    };
    let app = &ctx.state.app;
    if let Some(fmt) = q.export() {
        let fr = &filter;
        let c = &ctx;
        let t = ctx.tr;
        let data = export_rows(
            &q,
            |p| async move { app.doc_list(actor, fr, &p).await },
            |r| {
                vec![
                    r.id.to_string(),
                    r.title.clone(),
                    type_label(c, &r.doc_type),
                    status_label(c, &r.status),
                    r.unit_name.clone(),
                    r.revision_date.map(|d| d.to_string()).unwrap_or_default(),
                    r.valid_until.map(|d| d.to_string()).unwrap_or_else(|| t.t("doc.validity.tills_vidare").to_owned()),
                ]
            },
        )
        .await
        .map_err(|e| ctx.fail(e))?;
        let headers = [
            "doc.col.id",
            "doc.field.title",
            "doc.field.doc_type",
            "doc.col.status",
            "doc.field.unit",
            "doc.field.revision_date",
            "doc.field.validity",
        ]
        .iter()
        .map(|k| t.t(k).to_owned())
        .collect();
        return Ok(download(&Table { headers, rows: data }, fmt, "styrdokument"));
    }
    let page = app.doc_list(actor, &filter, &q.params()).await.map_err(|e| ctx.fail(e))?;
    let view = ListView::new("/documents", &q, page.total).exact(page.exact);
    let rows = rows(&ctx, page.items);
    if ctx.htmx {
        return Ok(render(&ListPartial { shell: ctx.shell("doc.heading"), view, rows }, StatusCode::OK));
    }
    let unit_filter = match filter.unit_id {
        Some(u) => app.org_get(actor, u).await.ok().map(|d| d.unit.name),
        None => None,
    };
    Ok(render(
        &ListPage {
            shell: ctx.shell("doc.heading"),
            view,
            rows,
            types: types(&ctx),
            statuses: statuses(&ctx),
            can_create: app.doc_can_create(actor),
            can_follow_up: actor.access.can_somewhere(Permission::DomainRead),
            unit_filter,
        },
        StatusCode::OK,
    ))
}

/// A document as a row of the tree, with the list tags that nest it (constants only).
pub struct TreeNode {
    r: DocRow,
    kind: String,
    status: String,
    before: String,
}

#[derive(Template)]
#[template(path = "documents_tree.html")]
struct TreePage {
    shell: Shell,
    nodes: Vec<TreeNode>,
    after: String,
    can_follow_up: bool,
}

/// Orders documents depth-first under their parents (roots: those whose parent is not
/// visible) and nests them as `<ul>`s.
fn nest(ctx: &Ctx, docs: Vec<DocRow>) -> (Vec<TreeNode>, String) {
    use std::collections::HashMap;
    let ids: std::collections::HashSet<i64> = docs.iter().map(|d| d.id).collect();
    let mut kids: HashMap<Option<i64>, Vec<DocRow>> = HashMap::new();
    for d in docs {
        let key = d.parent_id.filter(|p| ids.contains(p));
        kids.entry(key).or_default().push(d);
    }
    for v in kids.values_mut() {
        v.sort_by(|a, b| {
            let rank = |t: &str| DocType::ALL.iter().position(|x| x.as_str() == t).unwrap_or(9);
            rank(&a.doc_type).cmp(&rank(&b.doc_type)).then_with(|| a.title.cmp(&b.title))
        });
    }
    let mut out = Vec::new();
    let mut stack: Vec<(DocRow, usize)> = kids.remove(&None).unwrap_or_default().into_iter().rev().map(|d| (d, 0)).collect();
    let mut prev: Option<usize> = None;
    while let Some((d, depth)) = stack.pop() {
        if let Some(children) = kids.remove(&Some(d.id)) {
            for c in children.into_iter().rev() {
                stack.push((c, depth + 1));
            }
        }
        let mut before = String::new();
        match prev {
            None => {}
            Some(p) if depth > p => before.push_str(&"<ul>".repeat(depth - p)),
            Some(p) => {
                before.push_str("</li>");
                before.push_str(&"</ul></li>".repeat(p - depth));
            }
        }
        prev = Some(depth);
        out.push(TreeNode { kind: type_label(ctx, &d.doc_type), status: status_label(ctx, &d.status), r: d, before });
    }
    let after = match prev {
        Some(p) => format!("</li>{}", "</ul></li>".repeat(p)),
        None => String::new(),
    };
    (out, after)
}

async fn tree(ctx: Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let docs = ctx.state.app.doc_tree(actor).await.map_err(|e| ctx.fail(e))?;
    let (nodes, after) = nest(&ctx, docs);
    let can_follow_up = actor.access.can_somewhere(Permission::DomainRead);
    Ok(render(&TreePage { shell: ctx.shell("doc.tree_heading"), nodes, after, can_follow_up }, StatusCode::OK))
}

#[derive(Template)]
#[template(path = "document_form.html")]
struct FormPage {
    shell: Shell,
    form: FormState,
    /// `None` for a new document.
    id: Option<i64>,
    units: Vec<Unit>,
    applies: Vec<Unit>,
    parents: Vec<(i64, String)>,
    types: Vec<(&'static str, String)>,
    bodies: Vec<(&'static str, String)>,
    preview: Option<String>,
}

fn form_of(i: &DocInput) -> FormState {
    FormState::with(&[
        ("doc_type", &i.doc_type),
        ("title", &i.title),
        ("unit_id", &i.unit_id),
        ("applies_to_unit_id", &i.applies_to_unit_id),
        ("owner_username", &i.owner_username),
        ("parent_id", &i.parent_id),
        ("deciding_body", &i.deciding_body),
        ("validity", if i.validity.is_empty() { "tills_vidare" } else { &i.validity }),
        ("valid_until", &i.valid_until),
        ("decision_date", &i.decision_date),
        ("by_law", &i.by_law),
        ("law", &i.law),
        ("revision_date", &i.revision_date),
        ("follow_up", &i.follow_up),
        ("diarienummer", &i.diarienummer),
        ("paragraph", &i.paragraph),
        ("body_md", &i.body_md),
    ])
}

async fn form_page(ctx: &Ctx, id: Option<i64>, form: FormState, preview: Option<String>, status: StatusCode) -> PageResult {
    let actor = ctx.actor()?;
    let app = &ctx.state.app;
    if !app.doc_can_create(actor) {
        return Err(ctx.fail(AppError::Forbidden));
    }
    let units: Vec<Unit> =
        app.org_units_in(actor, Permission::DomainWrite).await.map_err(|e| ctx.fail(e))?.into_iter().filter(|u| u.active).collect();
    let mut applies = app.org_root().await.map_err(|e| ctx.fail(e))?.into_iter().collect::<Vec<_>>();
    applies.extend(units.iter().filter(|u| u.parent_id.is_some()).cloned());
    let parents = app
        .doc_tree(actor)
        .await
        .map_err(|e| ctx.fail(e))?
        .into_iter()
        .filter(|d| d.doc_type != "anvisning" && Some(d.id) != id)
        .map(|d| (d.id, format!("{} – {}", d.title, type_label(ctx, &d.doc_type))))
        .collect();
    let bodies = DecidingBody::ALL.iter().map(|b| (b.as_str(), ctx.tr.t(&format!("doc.body.{}", b.as_str())).to_owned())).collect();
    let title = if id.is_some() { "doc.edit_heading" } else { "doc.new_heading" };
    Ok(render(&FormPage { shell: ctx.shell(title), form, id, units, applies, parents, types: types(ctx), bodies, preview }, status))
}

#[derive(Deserialize, Default)]
struct NewQ {
    #[serde(default)]
    parent: Option<String>,
    #[serde(default)]
    doc_type: Option<String>,
}

async fn new_form(ctx: Ctx, Query(q): Query<NewQ>) -> PageResult {
    let actor = ctx.actor()?;
    let root = ctx.state.app.org_root().await.map_err(|e| ctx.fail(e))?.map(|u| u.id.to_string()).unwrap_or_default();
    let t = q.doc_type.unwrap_or_else(|| "riktlinje".into());
    let body = match t.as_str() {
        "policy" => "kommunfullmaktige",
        "anvisning" => "chef",
        _ => "kommunstyrelse",
    };
    let i = DocInput {
        doc_type: t,
        parent_id: q.parent.unwrap_or_default(),
        applies_to_unit_id: root,
        deciding_body: body.into(),
        validity: "tills_vidare".into(),
        owner_username: actor.username.clone(),
        ..Default::default()
    };
    form_page(&ctx, None, form_of(&i), None, StatusCode::OK).await
}

/// The form's fields plus which button was pressed.
#[derive(Deserialize)]
struct DocForm {
    #[serde(flatten)]
    input: DocInput,
    #[serde(default)]
    preview: Option<String>,
}

async fn create(ctx: Ctx, Form(f): Form<DocForm>) -> PageResult {
    let actor = ctx.actor()?;
    if f.preview.is_some() {
        let html = md::markdown(&f.input.body_md);
        return form_page(&ctx, None, form_of(&f.input), Some(html), StatusCode::OK).await;
    }
    match ctx.state.app.doc_create(actor, &f.input).await {
        Ok(id) => Ok(see_other(&format!("/documents/{id}"), "created")),
        Err(AppError::Invalid(errs)) => {
            let form = form_of(&f.input).errors(ctx.tr, &errs);
            form_page(&ctx, None, form, None, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}

async fn edit_form(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    let actor = ctx.actor()?;
    let i = ctx.state.app.doc_draft_input(actor, id).await.map_err(|e| ctx.fail(e))?;
    form_page(&ctx, Some(id), form_of(&i), None, StatusCode::OK).await
}

async fn update(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<DocForm>) -> PageResult {
    let actor = ctx.actor()?;
    if f.preview.is_some() {
        let html = md::markdown(&f.input.body_md);
        return form_page(&ctx, Some(id), form_of(&f.input), Some(html), StatusCode::OK).await;
    }
    match ctx.state.app.doc_update(actor, id, &f.input).await {
        Ok(()) => Ok(see_other(&format!("/documents/{id}?draft=1"), "saved")),
        Err(AppError::Invalid(errs)) => {
            let form = form_of(&f.input).errors(ctx.tr, &errs);
            form_page(&ctx, Some(id), form, None, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(ctx.fail(e)),
    }
}
