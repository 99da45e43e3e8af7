//! The short report form every employee reaches from every page: what happened, when it
//! was noticed, optionally where and in which system. It answers with the incident's page
//! as the receipt (its reference, and what happens next).

use crate::ctx::{see_other, Ctx, PageResult};
use crate::shell::{render, FormState, Shell};
use crate::AppState;
use askama::Template;
use axum::extract::Form;
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use varn_app::incidents::{ReportCommand, ReportForm};
use varn_app::AppError;
use varn_domain::incident::{local_parts, Answer};
use varn_domain::Permission;

pub fn routes() -> Router<AppState> {
    Router::new().route("/incidents/new", get(new_form))
}

#[derive(Template)]
#[template(path = "incidents/new.html")]
struct NewPage {
    shell: Shell,
    form: FormState,
    units: Vec<(i64, String)>,
    types: Vec<(String, String)>,
    answers: Vec<(&'static str, String)>,
}

fn form_of(f: &ReportForm) -> FormState {
    FormState::with(&[
        ("title", &f.title),
        ("description", &f.description),
        ("noticed_date", &f.noticed_date),
        ("noticed_time", &f.noticed_time),
        ("unit_id", &f.unit_id),
        ("systems", &f.systems),
        ("personal_data", &f.personal_data),
        ("type_code", &f.type_code),
    ])
}

async fn form_page(ctx: &Ctx, form: FormState, status: StatusCode) -> PageResult {
    let actor = ctx.actor()?;
    let app = &ctx.state.app;
    if !app.incidents().can_report(actor) {
        return Err(AppError::Forbidden.into());
    }
    let units = app.org_units_in(actor, Permission::Participate).await?.into_iter().filter(|u| u.active).map(|u| (u.id, u.name)).collect();
    let lang = ctx.lang.code();
    let types = app.incidents().rules().types.types.iter().map(|t| (t.code.clone(), t.name.get(lang).to_owned())).collect();
    let answers = crate::present::options::<Answer>(ctx.tr);
    Ok(render(&NewPage { shell: ctx.shell("incident.report_heading"), form, units, types, answers }, status))
}

async fn new_form(ctx: Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let (date, time) = local_parts(chrono::Utc::now());
    let own = actor.access.grants().iter().max_by_key(|g| g.unit_path.depth()).and_then(|g| g.unit_path.ids().last().copied());
    let f = ReportForm {
        noticed_date: date,
        noticed_time: time,
        unit_id: own.map(|u| u.0.to_string()).unwrap_or_default(),
        personal_data: "vet_inte".into(),
        ..Default::default()
    };
    form_page(&ctx, form_of(&f), StatusCode::OK).await
}

pub(super) async fn create(ctx: Ctx, Form(f): Form<ReportForm>) -> PageResult {
    let actor = ctx.actor()?;
    match ctx.state.app.incidents().report(actor, ReportCommand::try_from(&f)).await {
        Ok(id) => Ok(see_other(&format!("/incidents/{id}"), "incident_reported")),
        Err(AppError::Invalid(errs)) => form_page(&ctx, form_of(&f).errors(ctx.tr, &errs), StatusCode::UNPROCESSABLE_ENTITY).await,
        Err(e) => Err(e.into()),
    }
}
