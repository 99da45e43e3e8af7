//! Triage on a page of its own (one task per page): category, type, severity, the unit,
//! the handler, when the city became aware, personal data, the verksamhetsutövare and the
//! personuppgiftsansvarig body, root cause and lessons. The incident's page stays light.

use crate::ctx::{see_other, Ctx, PageResult};
use crate::present::options;
use crate::shell::{render, FormState, Shell};
use crate::AppState;
use askama::Template;
use axum::extract::{Form, Path};
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use varn_app::incidents::{IncidentView, TriageCommand, TriageForm};
use varn_app::AppError;
use varn_domain::incident::{local_parts, Answer, Category, Severity};
use varn_domain::{Code, Permission};

pub fn routes() -> Router<AppState> {
    Router::new().route("/incidents/{id}/triage", get(page).post(save))
}

#[derive(Template)]
#[template(path = "incidents/triage.html")]
struct TriagePage {
    shell: Shell,
    v: IncidentView,
    categories: Vec<(&'static str, String)>,
    severities: Vec<(&'static str, String)>,
    answers: Vec<(&'static str, String)>,
    types: Vec<(String, String)>,
    units: Vec<(i64, String)>,
    /// Whether the incident's unit is among `units` (else it is offered first as it is).
    unit_listed: bool,
    operators: Vec<(i64, String)>,
    puas: Vec<(i64, String)>,
    triage: FormState,
}

fn triage_form(v: &IncidentView) -> TriageForm {
    let (d, t) = local_parts(v.aware_at);
    let s = |x: Option<String>| x.unwrap_or_default();
    TriageForm {
        category: s(v.category.map(|c| c.as_str().to_owned())),
        type_code: s(v.type_code.clone()),
        severity: s(v.severity.map(|c| c.as_str().to_owned())),
        unit_id: v.unit_id.to_string(),
        handler_username: s(v.handler_username.clone()),
        systems: s(v.systems.clone()),
        suppliers: s(v.suppliers.clone()),
        personal_data: v.personal_data.as_str().to_owned(),
        aware_date: d,
        aware_time: t,
        operator_unit_id: s(v.operator_unit_id.map(|x| x.to_string())),
        pua_unit_id: s(v.pua_unit_id.map(|x| x.to_string())),
        root_cause: s(v.root_cause.clone()),
        lessons: s(v.lessons.clone()),
    }
}

fn triage_state(f: &TriageForm) -> FormState {
    FormState::with(&[
        ("category", &f.category),
        ("type_code", &f.type_code),
        ("severity", &f.severity),
        ("unit_id", &f.unit_id),
        ("handler_username", &f.handler_username),
        ("systems", &f.systems),
        ("suppliers", &f.suppliers),
        ("personal_data", &f.personal_data),
        ("aware_date", &f.aware_date),
        ("aware_time", &f.aware_time),
        ("operator_unit_id", &f.operator_unit_id),
        ("pua_unit_id", &f.pua_unit_id),
        ("root_cause", &f.root_cause),
        ("lessons", &f.lessons),
    ])
}

async fn render_triage(ctx: &Ctx, id: i64, form: Option<FormState>, code: StatusCode) -> PageResult {
    let actor = ctx.actor()?;
    let app = &ctx.state.app;
    let inc = app.incidents();
    let v = inc.view(actor, id).await?;
    if !v.may_handle {
        return Err(AppError::Forbidden.into());
    }
    let tr = ctx.tr;
    let lang = ctx.lang.code();
    let units: Vec<(i64, String)> =
        app.org_units_in(actor, Permission::IncidentHandle).await?.into_iter().filter(|u| u.active).map(|u| (u.id, u.name)).collect();
    let (o, p) = inc.bodies().await?;
    let city = |u: varn_store::entity::org_unit::Model| {
        if u.parent_id.is_none() {
            (u.id, tr.t("incident.operator_city").to_owned())
        } else {
            (u.id, u.name)
        }
    };
    let page = TriagePage {
        shell: ctx.shell_named(format!("{} – {}", tr.t("incident.triage_heading"), v.reference)),
        categories: options::<Category>(tr),
        severities: options::<Severity>(tr),
        answers: options::<Answer>(tr),
        types: inc.rules().types.types.iter().map(|t| (t.code.clone(), t.name.get(lang).to_owned())).collect(),
        unit_listed: units.iter().any(|u| u.0 == v.unit_id),
        units,
        operators: o.into_iter().map(city).collect(),
        puas: p.into_iter().map(|u| (u.id, u.name)).collect(),
        triage: form.unwrap_or_else(|| triage_state(&triage_form(&v))),
        v,
    };
    Ok(render(&page, code))
}

async fn page(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    render_triage(&ctx, id, None, StatusCode::OK).await
}

async fn save(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<TriageForm>) -> PageResult {
    let actor = ctx.actor()?;
    match ctx.state.app.incidents().triage(actor, id, TriageCommand::try_from(&f)).await {
        Ok(()) => Ok(see_other(&format!("/incidents/{id}"), "incident_triaged")),
        Err(AppError::Invalid(errs)) => {
            render_triage(&ctx, id, Some(triage_state(&f).errors(ctx.tr, &errs)), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}
