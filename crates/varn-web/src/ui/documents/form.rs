//! The draft form: a new document, or the open draft of one. A mistake brings the form back
//! with the input and a message at each field.

use crate::ctx::{see_other, Ctx, PageResult};
use crate::present::{label, options};
use crate::shell::{render, FormState, Shell};
use crate::AppState;
use askama::Template;
use axum::extract::{Form, Path, Query};
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use varn_app::documents::{render as md, DocForm};
use varn_app::AppError;
use varn_domain::document::{DecidingBody, DocType};
use varn_domain::{Code, FieldErrors, Permission};
use varn_store::entity::org_unit::Model as Unit;

pub fn routes() -> Router<AppState> {
    Router::new().route("/documents/new", get(new_form)).route("/documents/{id}/edit", get(edit_form).post(update))
}

#[derive(Template)]
#[template(path = "documents/form.html")]
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
    /// The nämnder and bolag that may decide.
    deciding_units: Vec<Unit>,
    preview: Option<String>,
}

fn form_of(i: &DocForm) -> FormState {
    FormState::with(&[
        ("doc_type", &i.doc_type),
        ("title", &i.title),
        ("unit_id", &i.unit_id),
        ("applies_to_unit_id", &i.applies_to_unit_id),
        ("owner_username", &i.owner_username),
        ("parent_id", &i.parent_id),
        ("deciding_body", &i.deciding_body),
        ("deciding_unit_id", &i.deciding_unit_id),
        ("validity", if i.validity.is_empty() { varn_app::documents::VALIDITY_TILLS_VIDARE } else { &i.validity }),
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
    let docs = app.documents();
    if !docs.can_create(actor) {
        return Err(AppError::Forbidden.into());
    }
    let units: Vec<Unit> = app.org_units_in(actor, Permission::DocumentWrite).await?.into_iter().filter(|u| u.active).collect();
    let mut applies = app.org_root().await?.into_iter().collect::<Vec<_>>();
    applies.extend(units.iter().filter(|u| u.parent_id.is_some()).cloned());
    let parents = docs
        .tree(actor)
        .await?
        .into_iter()
        .filter(|d| DocType::ALL.iter().any(|t| t.may_implement(d.doc_type)) && Some(d.id) != id)
        .map(|d| (d.id, format!("{} – {}", d.title, label(ctx.tr, d.doc_type))))
        .collect();
    let title = if id.is_some() { "doc.edit_heading" } else { "doc.new_heading" };
    let page = FormPage {
        shell: ctx.shell(title),
        form,
        id,
        units,
        applies,
        parents,
        types: options::<DocType>(ctx.tr),
        bodies: options::<DecidingBody>(ctx.tr),
        deciding_units: docs.deciding_units().await?,
        preview,
    };
    Ok(render(&page, status))
}

#[derive(Deserialize, Default)]
struct NewQ {
    #[serde(default)]
    parent: Option<String>,
    #[serde(default)]
    doc_type: Option<String>,
}

/// The body that usually decides a type (the user may choose another; the rules then say).
fn usual_body(t: DocType) -> DecidingBody {
    match t {
        DocType::Policy => DecidingBody::Kommunfullmaktige,
        DocType::Strategi | DocType::Riktlinje => DecidingBody::Kommunstyrelse,
        DocType::Anvisning => DecidingBody::Chef,
    }
}

async fn new_form(ctx: Ctx, Query(q): Query<NewQ>) -> PageResult {
    let actor = ctx.actor()?;
    let root = ctx.state.app.org_root().await?.map(|u| u.id.to_string()).unwrap_or_default();
    let t = q.doc_type.as_deref().and_then(|t| DocType::parse(t).ok()).unwrap_or(DocType::Riktlinje);
    let i = DocForm {
        doc_type: t.as_str().into(),
        parent_id: q.parent.unwrap_or_default(),
        applies_to_unit_id: root,
        deciding_body: usual_body(t).as_str().into(),
        validity: varn_app::documents::VALIDITY_TILLS_VIDARE.into(),
        owner_username: actor.username.clone(),
        ..Default::default()
    };
    form_page(&ctx, None, form_of(&i), None, StatusCode::OK).await
}

/// The form's fields plus which button was pressed.
#[derive(Deserialize)]
pub(super) struct Posted {
    #[serde(flatten)]
    input: DocForm,
    #[serde(default)]
    preview: Option<String>,
}

/// A form with mistakes, back to the user with the input and the messages.
async fn invalid(ctx: &Ctx, id: Option<i64>, input: &DocForm, errs: &FieldErrors) -> PageResult {
    form_page(ctx, id, form_of(input).errors(ctx.tr, errs), None, StatusCode::UNPROCESSABLE_ENTITY).await
}

/// Saves a new document or the draft of `id` (the use case turns the form into its command).
async fn save(ctx: &Ctx, id: Option<i64>, f: Posted) -> PageResult {
    let actor = ctx.actor()?;
    if f.preview.is_some() {
        let html = md::markdown(&f.input.body_md);
        return form_page(ctx, id, form_of(&f.input), Some(html), StatusCode::OK).await;
    }
    let docs = ctx.state.app.documents();
    let done = match id {
        None => docs.create(actor, &f.input).await.map(|new| see_other(&format!("/documents/{new}"), "draft_created")),
        Some(id) => docs.update(actor, id, &f.input).await.map(|()| see_other(&format!("/documents/{id}?draft=1"), "draft_saved")),
    };
    match done {
        Ok(r) => Ok(r),
        Err(AppError::Invalid(errs)) => invalid(ctx, id, &f.input, &errs).await,
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn create(ctx: Ctx, Form(f): Form<Posted>) -> PageResult {
    save(&ctx, None, f).await
}

async fn edit_form(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    let actor = ctx.actor()?;
    let i = ctx.state.app.documents().draft_form(actor, id).await?;
    form_page(&ctx, Some(id), form_of(&i), None, StatusCode::OK).await
}

async fn update(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<Posted>) -> PageResult {
    save(&ctx, Some(id), f).await
}
