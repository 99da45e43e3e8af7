//! Remiss on the document page: sending the draft to named remissinstanser with a
//! svarsdatum, and an instance answering it.

use super::page::{doc_view, draft_number, Extra};
use crate::ctx::{see_other, Ctx, PageResult};
use crate::shell::FormState;
use crate::AppState;
use axum::body::Bytes;
use axum::extract::{Form, Path};
use axum::http::StatusCode;
use axum::routing::post;
use axum::Router;
use serde::Deserialize;
use varn_app::documents::{RemissInput, RemissInstance};
use varn_app::AppError;

pub fn routes() -> Router<AppState> {
    Router::new().route("/documents/{id}/remiss", post(send)).route("/documents/{id}/remiss/{rid}/answer", post(answer))
}

/// The form: `unit_id` once per chosen unit (a multiple select), `due_date`.
fn input_of(body: &[u8]) -> (RemissInput, Vec<String>) {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(body).unwrap_or_default();
    let mut input = RemissInput::default();
    let mut chosen = Vec::new();
    for (k, v) in pairs {
        match k.as_str() {
            "unit_id" => {
                // A value that is not a number names no unit: the use case says so at the field.
                input.instances.push(RemissInstance { unit_id: v.trim().parse().unwrap_or(0), person: None });
                chosen.push(v);
            }
            "due_date" => input.due_date = v,
            _ => {}
        }
    }
    (input, chosen)
}

async fn send(ctx: Ctx, Path(id): Path<i64>, body: Bytes) -> PageResult {
    let actor = ctx.actor()?;
    let (input, chosen) = input_of(&body);
    match ctx.state.app.documents().send_on_remiss(actor, id, &input).await {
        Ok(()) => Ok(see_other(&format!("/documents/{id}#remiss"), "remiss_sent")),
        Err(AppError::Invalid(errs)) => {
            let form = FormState::with(&[("due_date", &input.due_date), ("unit_id", &chosen.join(","))]).errors(ctx.tr, &errs);
            let x = Extra { remiss_form: Some(form), ..Extra::default() };
            doc_view(&ctx, id, draft_number(&ctx, id).await?, x, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => super::steps::failed(&ctx, id, e, true, |_| Extra::default()).await,
    }
}

#[derive(Deserialize)]
struct AnswerForm {
    #[serde(default)]
    answer: String,
}

async fn answer(ctx: Ctx, Path((id, rid)): Path<(i64, i64)>, Form(f): Form<AnswerForm>) -> PageResult {
    let actor = ctx.actor()?;
    match ctx.state.app.documents().answer_remiss(actor, id, rid, &f.answer).await {
        // The receipt: the page says the answer is registered, and shows it with who and when.
        Ok(()) => Ok(see_other(&format!("/documents/{id}#remiss"), "remiss_answered")),
        Err(e) => {
            let keep = FormState::with(&[("answer", &f.answer)]);
            let tr = ctx.tr;
            super::steps::failed(&ctx, id, e, false, |errs| Extra { answer_form: Some(keep.errors(tr, errs)), ..Extra::default() }).await
        }
    }
}
