//! An incident's actions and its contacts with authorities, written from its page: a
//! handler gives an action to a person (a task in their Mina uppgifter); the owner or a
//! handler marks it done; a handler records a contact made with an authority about it.

use super::page::render_page;
use crate::ctx::{see_other, Ctx, PageResult};
use crate::shell::FormState;
use crate::AppState;
use axum::extract::{Form, Path};
use axum::http::StatusCode;
use axum::routing::post;
use axum::Router;
use varn_app::incidents::{ActionJson, ContactJson};
use varn_app::AppError;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/incidents/{id}/actions", post(add))
        .route("/incidents/{id}/actions/{action}/done", post(done))
        .route("/incidents/{id}/contacts", post(contact))
}

async fn add(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<ActionJson>) -> PageResult {
    let actor = ctx.actor()?;
    let form = FormState::with(&[("title", &f.title), ("responsible_username", &f.responsible_username), ("due_date", &f.due_date)]);
    match ctx.state.app.incidents().add_action(actor, id, &f).await {
        Ok(_) => Ok(see_other(&format!("/incidents/{id}#actions"), "incident_action_added")),
        Err(AppError::Invalid(errs)) => render_page(&ctx, id, "action", form.errors(ctx.tr, &errs), StatusCode::UNPROCESSABLE_ENTITY).await,
        Err(e) => Err(e.into()),
    }
}

/// `done`: `ja` marks it done, anything else opens it again.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct DoneForm {
    done: String,
}

async fn done(ctx: Ctx, Path((id, action)): Path<(i64, i64)>, Form(f): Form<DoneForm>) -> PageResult {
    let actor = ctx.actor()?;
    let done = f.done == "ja";
    ctx.state.app.incidents().set_action_done(actor, id, action, done).await?;
    Ok(see_other(&format!("/incidents/{id}#actions"), if done { "incident_action_done" } else { "incident_action_reopened" }))
}

/// The contact form: the authority, when (local date and time), who made it, how, what
/// about, their reference.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub(super) struct ContactForm {
    pub(super) authority_id: String,
    pub(super) date: String,
    pub(super) time: String,
    pub(super) direction: String,
    pub(super) channel: String,
    pub(super) summary: String,
    pub(super) reference: String,
    pub(super) unit_id: String,
}

impl ContactForm {
    pub(super) fn state(&self) -> FormState {
        FormState::with(&[
            ("authority_id", &self.authority_id),
            ("date", &self.date),
            ("time", &self.time),
            ("direction", &self.direction),
            ("channel", &self.channel),
            ("summary", &self.summary),
            ("reference", &self.reference),
            ("unit_id", &self.unit_id),
        ])
    }

    /// The command, with the form's own mistakes (the moment) kept apart.
    pub(super) fn command(&self, incident_id: Option<i64>) -> (ContactJson, varn_domain::FieldErrors) {
        let mut e = varn_domain::FieldErrors::new();
        let at = varn_app::incidents::local_moment_field(&mut e, "date", &self.date, &self.time);
        if self.date.trim().is_empty() {
            e.add("date", "err.required");
        }
        let json = ContactJson {
            authority_id: self.authority_id.trim().parse().ok(),
            at,
            direction: self.direction.clone(),
            channel: self.channel.clone(),
            summary: self.summary.clone(),
            reference: Some(self.reference.clone()),
            incident_id,
            unit_id: self.unit_id.trim().parse().ok(),
        };
        (json, e)
    }
}

async fn contact(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<ContactForm>) -> PageResult {
    let actor = ctx.actor()?;
    let (json, e) = f.command(Some(id));
    match ctx.state.app.incidents().add_incident_contact(actor, id, &json, e).await {
        Ok(_) => Ok(see_other(&format!("/incidents/{id}#contacts"), "authority_contact_added")),
        Err(AppError::Invalid(errs)) => {
            render_page(&ctx, id, "contact", f.state().errors(ctx.tr, &errs), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(x) => Err(x.into()),
    }
}
