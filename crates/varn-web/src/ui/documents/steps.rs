//! The workflow steps of the document page: moves in the life cycle, strategy actions,
//! remiss comments, the text as a file, read confirmation. A step that fails shows the page
//! again with the form it came from and its message.

use super::page::{doc_view, draft_number, Extra};
use crate::ctx::{see_other, Ctx, PageResult};
use crate::shell::FormState;
use crate::AppState;
use axum::extract::{Form, Multipart, Path};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use varn_app::documents::{AckAsk, ActionForm, Decision};
use varn_app::AppError;
use varn_domain::document::Status;
use varn_domain::{Code, FieldErrors};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/documents/{id}/status", post(transition))
        .route("/documents/{id}/actions", post(add_action))
        .route("/documents/{id}/actions/{aid}/delete", post(remove_action))
        .route("/documents/{id}/comments", post(comment))
        .route("/documents/{id}/file", post(upload))
        .route("/documents/{id}/versions/{n}/file", get(file))
        .route("/documents/{id}/protocol", post(upload_protocol))
        .route("/documents/{id}/reviewed", post(reviewed))
        .route("/documents/{id}/versions/{n}/protocol", get(protocol))
        .route("/documents/{id}/acknowledge", post(acknowledge))
        .route("/documents/{id}/acknowledgements", post(request_ack))
}

/// Answers a failed workflow step on the document page itself: a conflict as a message at
/// the top, a mistake in the step's form at its fields (`form` builds that form).
pub(super) async fn failed(ctx: &Ctx, id: i64, e: AppError, on_draft: bool, form: impl FnOnce(&FieldErrors) -> Extra) -> PageResult {
    match e {
        AppError::Refused(code, args) => {
            let x = Extra { conflict: Some(ctx.conflict_text(&code, &args)), ..Extra::default() };
            doc_view(ctx, id, None, x, StatusCode::FORBIDDEN).await
        }
        AppError::Conflict(code, args) => {
            let x = Extra { conflict: Some(ctx.conflict_text(&code, &args)), ..Extra::default() };
            doc_view(ctx, id, None, x, StatusCode::CONFLICT).await
        }
        AppError::Invalid(errs) => {
            let number = if on_draft { draft_number(ctx, id).await? } else { None };
            let x = form(&errs);
            doc_view(ctx, id, number, x, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        e => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct MoveForm {
    #[serde(default)]
    to: String,
    #[serde(flatten)]
    decision: Decision,
}

/// What the notice says after a move of the document to `to`.
fn moved_to(to: Status) -> &'static str {
    match to {
        Status::Utkast => "doc_to_draft",
        Status::PaRemiss => "doc_to_remiss",
        Status::Gallande => "doc_adopted",
        Status::UnderRevision => "doc_to_revision",
        Status::Upphavd => "doc_repealed",
    }
}

async fn transition(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<MoveForm>) -> PageResult {
    let actor = ctx.actor()?;
    let to = Status::parse(&f.to).map_err(|c| AppError::field("to", c))?;
    match ctx.state.app.documents().transition(actor, id, to, &f.decision).await {
        Ok(_) => Ok(see_other(&format!("/documents/{id}"), moved_to(to))),
        Err(AppError::Invalid(errs)) => {
            let adopt_errors = errs.0.iter().map(|e| (e.field.clone(), ctx.tr.t(&e.code).to_owned())).collect();
            let d = &f.decision;
            let form = FormState::with(&[
                ("decision_date", &d.decision_date),
                ("diarienummer", &d.diarienummer),
                ("paragraph", &d.paragraph),
                ("valid_from", &d.valid_from),
                ("approved_by", &d.approved_by),
                ("consulted", &d.consulted),
                ("replaced_by", &d.replaced_by),
            ])
            .errors(ctx.tr, &errs);
            let x = if to == Status::Upphavd {
                Extra { adopt_errors, repeal_form: Some(form), ..Extra::default() }
            } else {
                Extra { adopt_errors, adopt_form: Some(form), ..Extra::default() }
            };
            let number = if to == Status::Upphavd { None } else { draft_number(&ctx, id).await? };
            doc_view(&ctx, id, number, x, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => failed(&ctx, id, e, false, |_| Extra::default()).await,
    }
}

async fn add_action(ctx: Ctx, Path(id): Path<i64>, Form(i): Form<ActionForm>) -> PageResult {
    let actor = ctx.actor()?;
    let done = ctx.state.app.documents().add_action(actor, id, &i).await;
    let keep = FormState::with(&[
        ("title", &i.title),
        ("responsible_username", &i.responsible_username),
        ("responsible_unit_id", &i.responsible_unit_id),
        ("due_date", &i.due_date),
        ("priority", &i.priority),
    ]);
    match done {
        Ok(_) => Ok(see_other(&format!("/documents/{id}?draft=1#actions"), "doc_action_added")),
        Err(AppError::Invalid(errs)) => {
            let x = Extra { action_form: Some(keep.errors(ctx.tr, &errs)), ..Extra::default() };
            doc_view(&ctx, id, draft_number(&ctx, id).await?, x, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => failed(&ctx, id, e, true, |_| Extra::default()).await,
    }
}

async fn remove_action(ctx: Ctx, Path((id, aid)): Path<(i64, i64)>) -> PageResult {
    let actor = ctx.actor()?;
    match ctx.state.app.documents().remove_action(actor, id, aid).await {
        Ok(()) => Ok(see_other(&format!("/documents/{id}?draft=1#actions"), "doc_action_removed")),
        Err(e) => failed(&ctx, id, e, true, |_| Extra::default()).await,
    }
}

#[derive(Deserialize)]
struct CommentForm {
    #[serde(default)]
    body: String,
}

async fn comment(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<CommentForm>) -> PageResult {
    let actor = ctx.actor()?;
    match ctx.state.app.documents().comment(actor, id, &f.body).await {
        Ok(_) => Ok(see_other(&format!("/documents/{id}?draft=1#comments"), "comment_added")),
        Err(e) => {
            let keep = FormState::with(&[("body", &f.body)]);
            let tr = ctx.tr;
            failed(&ctx, id, e, true, |errs| Extra { comment_form: Some(keep.errors(tr, errs)), ..Extra::default() }).await
        }
    }
}

async fn upload(ctx: Ctx, Path(id): Path<i64>, mut mp: Multipart) -> PageResult {
    let actor = ctx.actor()?;
    let up = crate::files::read_upload(&mut mp).await?;
    let tr = ctx.tr;
    match ctx.state.app.documents().attach_file(actor, id, up).await {
        Ok(()) => Ok(see_other(&format!("/documents/{id}?draft=1"), "uploaded")),
        Err(e) => {
            failed(&ctx, id, e, true, |errs| Extra { conflict: errs.0.first().map(|e| tr.t(&e.code).to_owned()), ..Extra::default() }).await
        }
    }
}

async fn upload_protocol(ctx: Ctx, Path(id): Path<i64>, mut mp: Multipart) -> PageResult {
    let actor = ctx.actor()?;
    let up = crate::files::read_upload(&mut mp).await?;
    let tr = ctx.tr;
    match ctx.state.app.documents().attach_protocol(actor, id, up).await {
        Ok(()) => Ok(see_other(&format!("/documents/{id}"), "uploaded")),
        Err(e) => {
            failed(&ctx, id, e, false, |errs| Extra { conflict: errs.0.first().map(|e| tr.t(&e.code).to_owned()), ..Extra::default() })
                .await
        }
    }
}

#[derive(Deserialize)]
struct ReviewedForm {
    #[serde(default)]
    next_review: String,
}

async fn reviewed(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<ReviewedForm>) -> PageResult {
    let actor = ctx.actor()?;
    match ctx.state.app.documents().mark_reviewed(actor, id, &f.next_review).await {
        Ok(_) => Ok(see_other(&format!("/documents/{id}"), "doc_reviewed")),
        Err(e) => {
            let keep = FormState::with(&[("next_review", &f.next_review)]);
            let tr = ctx.tr;
            failed(&ctx, id, e, false, |errs| Extra { reviewed_form: Some(keep.errors(tr, errs)), ..Extra::default() }).await
        }
    }
}

async fn protocol(ctx: Ctx, Path((id, n)): Path<(i64, i32)>) -> PageResult {
    let actor = ctx.actor()?;
    let f = ctx.state.app.documents().protocol_file(actor, id, n).await?;
    Ok(crate::files::download(&f.filename, &f.sha256, f.data))
}

async fn file(ctx: Ctx, Path((id, n)): Path<(i64, i32)>) -> PageResult {
    let actor = ctx.actor()?;
    let f = ctx.state.app.documents().file(actor, id, n).await?;
    Ok(crate::files::download(&f.filename, &f.sha256, f.data))
}

async fn acknowledge(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    let actor = ctx.actor()?;
    match ctx.state.app.documents().acknowledge(actor, id).await {
        Ok(()) => Ok(see_other(&format!("/documents/{id}"), "acknowledged")),
        Err(e) => failed(&ctx, id, e, false, |_| Extra::default()).await,
    }
}

async fn request_ack(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<AckAsk>) -> PageResult {
    let actor = ctx.actor()?;
    match ctx.state.app.documents().request_ack(actor, id, &f).await {
        Ok(p) if p.sent => Ok(see_other(&format!("/documents/{id}/acknowledgements?asked={}", p.unit_id), "ack_requested")),
        // Asked first: how many people, and send?
        Ok(p) => {
            let keep = FormState::with(&[("unit_id", &f.unit_id), ("due_date", &f.due_date)]);
            let x = Extra { ack_form: Some(keep), ack_preview: Some(p), ..Extra::default() };
            doc_view(&ctx, id, None, x, StatusCode::OK).await
        }
        Err(e) => {
            let keep = FormState::with(&[("unit_id", &f.unit_id), ("due_date", &f.due_date)]);
            let tr = ctx.tr;
            failed(&ctx, id, e, false, |errs| Extra { ack_form: Some(keep.errors(tr, errs)), ..Extra::default() }).await
        }
    }
}
