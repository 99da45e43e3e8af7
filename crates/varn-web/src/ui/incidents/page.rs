//! An incident's page: what was reported, the legal clocks as countdowns, the questions
//! that decide which duties apply, the reports recorded, the timeline; and for those who
//! handle it, the forms of triage, status, notes and escalation. A form with a mistake
//! comes back on this page with its input and the message at the field.

use super::countdown;
use crate::ctx::{see_other, Ctx, PageResult};
use crate::present::{label, options};
use crate::shell::{render, FormState, Shell};
use crate::AppState;
use askama::Template;
use axum::extract::{Form, Path};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use chrono::Utc;
use std::collections::HashMap;
use varn_app::incidents::{DutyJson, EscalateJson, IncidentView, NoteJson, StatusJson, TriageCommand, TriageForm};
use varn_app::AppError;
use varn_domain::incident::{local_parts, Answer, Category, Level, Severity};
use varn_domain::{Code, Permission};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/incidents/{id}", get(page))
        .route("/incidents/{id}/triage", post(triage))
        .route("/incidents/{id}/status", post(status))
        .route("/incidents/{id}/note", post(note))
        .route("/incidents/{id}/escalate", post(escalate))
        .route("/incidents/{id}/duties/{regime}", post(duty))
}

/// A clock as shown.
pub struct ClockLine {
    regime: String,
    report: String,
    name: String,
    recipient: String,
    due: Option<String>,
    left: Option<(String, bool)>,
    conditional: bool,
    estimated: bool,
    done: Option<String>,
    late: Option<String>,
}

/// A regime's question with its answer.
pub struct Question {
    code: String,
    name: String,
    question: String,
    source: String,
    answer: Option<(bool, Option<String>, String, String)>,
}

#[derive(Template)]
#[template(path = "incidents/page.html")]
struct IncidentPage {
    shell: Shell,
    v: IncidentView,
    status: String,
    level: String,
    category: String,
    severity: String,
    type_name: String,
    personal_data: String,
    clocks: Vec<ClockLine>,
    /// The nearest running deadline: (report, due, countdown, late).
    nearest: Option<(String, String, String, bool)>,
    questions: Vec<Question>,
    timeline: Vec<(String, String, String, Option<String>)>,
    moves: Vec<(&'static str, String)>,
    levels: Vec<(&'static str, String)>,
    categories: Vec<(&'static str, String)>,
    severities: Vec<(&'static str, String)>,
    answers: Vec<(&'static str, String)>,
    types: Vec<(String, String)>,
    units: Vec<(i64, String)>,
    /// Whether the incident's unit is among `units` (else it is offered first as it is).
    unit_listed: bool,
    operators: Vec<(i64, String)>,
    puas: Vec<(i64, String)>,
    /// Which form failed ("triage", "status", …) and its state.
    failed: String,
    form: FormState,
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
        ("personal_data", &f.personal_data),
        ("aware_date", &f.aware_date),
        ("aware_time", &f.aware_time),
        ("operator_unit_id", &f.operator_unit_id),
        ("pua_unit_id", &f.pua_unit_id),
        ("root_cause", &f.root_cause),
        ("lessons", &f.lessons),
    ])
}

fn minutes_text(ctx: &Ctx, m: i64) -> String {
    let span = if m >= 24 * 60 {
        ctx.tr.tf("incident.span_dh", &[("d", &(m / 1440).to_string()), ("h", &((m % 1440) / 60).to_string())])
    } else {
        ctx.tr.tf("incident.span_hm", &[("h", &(m / 60).to_string()), ("m", &(m % 60).to_string())])
    };
    ctx.tr.tf("incident.sent_late", &[("span", &span)])
}

/// The page; `failed` names the form that came back with `form`'s mistakes.
pub(super) async fn render_page(
    ctx: &Ctx,
    id: i64,
    failed: &str,
    form: FormState,
    triage: Option<FormState>,
    code: StatusCode,
) -> PageResult {
    let actor = ctx.actor()?;
    let app = &ctx.state.app;
    let inc = app.incidents();
    let v = inc.view(actor, id).await?;
    let rules = inc.rules();
    let lang = ctx.lang.code();
    let tr = ctx.tr;
    let now = Utc::now();
    let regime = |c: &str| rules.regimes.get(c);
    let clocks: Vec<ClockLine> = v
        .clocks
        .iter()
        .map(|c| {
            let def = regime(&c.regime).and_then(|r| r.reports.iter().find(|x| x.code == c.report));
            ClockLine {
                regime: c.regime.clone(),
                report: c.report.clone(),
                name: def.map(|d| d.name.get(lang).to_owned()).unwrap_or_default(),
                recipient: c.recipient.clone(),
                due: c.due.map(|d| tr.datetime(&d)),
                left: c.due.filter(|_| c.done_at.is_none()).map(|d| countdown(tr, d, now)),
                conditional: c.applies.is_none(),
                estimated: c.estimated,
                done: c.done_at.map(|d| {
                    let key =
                        if c.outcome.as_deref() == Some("not_required") { "incident.clock.not_required" } else { "incident.clock.sent" };
                    tr.tf(key, &[("at", &tr.datetime(&d))])
                }),
                late: c.late_minutes.map(|m| minutes_text(ctx, m)),
            }
        })
        .collect();
    let nearest = v.clocks.iter().zip(&clocks).filter(|(c, _)| c.running()).min_by_key(|(c, _)| c.due).and_then(|(c, l)| {
        let (left, late) = countdown(tr, c.due?, now);
        Some((l.name.clone(), l.due.clone().unwrap_or_default(), left, late))
    });
    let questions = rules
        .regimes
        .regimes
        .iter()
        .map(|r| Question {
            code: r.code.clone(),
            name: r.name.get(lang).to_owned(),
            question: r.question.get(lang).to_owned(),
            source: r.source.clone(),
            answer: v
                .duties
                .iter()
                .find(|d| d.regime == r.code)
                .map(|d| (d.applies, d.note.clone(), d.answered_by_name.clone(), tr.datetime(&d.answered_at))),
        })
        .collect();
    let timeline = v.events.iter().map(|e| timeline_line(ctx, e)).collect();
    let (units, (operators, puas)) = if v.may_handle {
        let units =
            app.org_units_in(actor, Permission::IncidentHandle).await?.into_iter().filter(|u| u.active).map(|u| (u.id, u.name)).collect();
        let (o, p) = inc.bodies().await?;
        let city = |u: varn_store::entity::org_unit::Model| {
            if u.parent_id.is_none() {
                (u.id, tr.t("incident.operator_city").to_owned())
            } else {
                (u.id, u.name)
            }
        };
        (units, (o.into_iter().map(city).collect(), p.into_iter().map(|u| (u.id, u.name)).collect()))
    } else {
        (vec![], (vec![], vec![]))
    };
    let type_name = v
        .type_code
        .as_deref()
        .and_then(|c| rules.types.types.iter().find(|t| t.code == c))
        .map(|t| t.name.get(lang).to_owned())
        .unwrap_or_default();
    let page = IncidentPage {
        shell: ctx.shell_named(format!("{} {}", v.reference, v.title)),
        status: label(tr, v.status),
        level: label(tr, v.level),
        category: v.category.map(|c| label(tr, c)).unwrap_or_default(),
        severity: v.severity.map(|c| label(tr, c)).unwrap_or_default(),
        personal_data: label(tr, v.personal_data),
        type_name,
        clocks,
        nearest,
        questions,
        timeline,
        moves: v.moves.iter().map(|m| (m.as_str(), label(tr, *m))).collect(),
        levels: options::<Level>(tr),
        categories: options::<Category>(tr),
        severities: options::<Severity>(tr),
        answers: options::<Answer>(tr),
        types: rules.types.types.iter().map(|t| (t.code.clone(), t.name.get(lang).to_owned())).collect(),
        unit_listed: units.iter().any(|u: &(i64, String)| u.0 == v.unit_id),
        units,
        operators,
        puas,
        failed: failed.to_owned(),
        form,
        triage: triage.unwrap_or_else(|| triage_state(&triage_form(&v))),
        v,
    };
    Ok(render(&page, code))
}

/// A timeline step in words: (when, who, what, the words written).
fn timeline_line(ctx: &Ctx, e: &varn_app::incidents::EventRow) -> (String, String, String, Option<String>) {
    let tr = ctx.tr;
    let data: HashMap<String, serde_json::Value> = e.data.as_deref().and_then(|d| serde_json::from_str(d).ok()).unwrap_or_default();
    let s = |k: &str| data.get(k).and_then(|v| v.as_str()).unwrap_or_default().to_owned();
    let what = match e.kind.as_str() {
        "status" | "triaged" if data.contains_key("to") => {
            let l = |c: String| tr.t(&format!("incident.status.{c}")).to_owned();
            tr.tf("incident.event.status", &[("from", &l(s("from"))), ("to", &l(s("to")))])
        }
        "escalated" => {
            let l = |c: String| tr.t(&format!("incident.level.{c}")).to_owned();
            tr.tf("incident.event.escalated", &[("from", &l(s("from"))), ("to", &l(s("to")))])
        }
        "duty" => {
            let name = ctx
                .state
                .app
                .incidents()
                .rules()
                .regimes
                .get(&s("regime"))
                .map(|r| r.name.get(ctx.lang.code()).to_owned())
                .unwrap_or_default();
            let yes = data.get("applies").and_then(|v| v.as_bool()) == Some(true);
            tr.tf(if yes { "incident.event.duty_yes" } else { "incident.event.duty_no" }, &[("regime", &name)])
        }
        "report" => {
            let rules = ctx.state.app.incidents().rules();
            let name = rules
                .regimes
                .get(&s("regime"))
                .and_then(|r| r.reports.iter().find(|x| x.code == s("report")))
                .map(|x| x.name.get(ctx.lang.code()).to_owned())
                .unwrap_or_default();
            let key = if s("outcome") == "not_required" { "incident.event.report_not_required" } else { "incident.event.report_sent" };
            tr.tf(key, &[("report", &name), ("recipient", &s("recipient"))])
        }
        k => tr.t(&format!("incident.event.{k}")).to_owned(),
    };
    (tr.datetime(&e.at), e.user_name.clone().unwrap_or_default(), what, e.text.clone())
}

async fn page(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    render_page(&ctx, id, "", FormState::new(), None, StatusCode::OK).await
}

/// The page again after a write: the message on success, or the failed form with its
/// mistakes at the fields.
async fn after(ctx: &Ctx, id: i64, r: Result<(), AppError>, msg: &str, failed: &str, form: FormState) -> PageResult {
    match r {
        Ok(()) => Ok(see_other(&format!("/incidents/{id}"), msg)),
        Err(AppError::Invalid(errs)) => {
            render_page(ctx, id, failed, form.errors(ctx.tr, &errs), None, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn triage(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<TriageForm>) -> PageResult {
    let actor = ctx.actor()?;
    match ctx.state.app.incidents().triage(actor, id, TriageCommand::try_from(&f)).await {
        Ok(()) => Ok(see_other(&format!("/incidents/{id}"), "incident_triaged")),
        Err(AppError::Invalid(errs)) => {
            let st = triage_state(&f).errors(ctx.tr, &errs);
            render_page(&ctx, id, "triage", FormState::new(), Some(st), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn status(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<StatusJson>) -> PageResult {
    let actor = ctx.actor()?;
    let r = ctx.state.app.incidents().move_status(actor, id, &f).await;
    let form =
        FormState::with(&[("to", &f.to), ("note", f.note.as_deref().unwrap_or("")), ("lessons", f.lessons.as_deref().unwrap_or(""))]);
    after(&ctx, id, r, "incident_moved", "status", form).await
}

async fn note(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<NoteJson>) -> PageResult {
    let actor = ctx.actor()?;
    let r = ctx.state.app.incidents().note(actor, id, &f).await;
    after(&ctx, id, r, "incident_noted", "note", FormState::with(&[("text", &f.text)])).await
}

async fn escalate(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<EscalateJson>) -> PageResult {
    let actor = ctx.actor()?;
    let r = ctx.state.app.incidents().escalate(actor, id, &f).await;
    after(&ctx, id, r, "incident_escalated", "escalate", FormState::with(&[("level", &f.level), ("reason", &f.reason)])).await
}

/// The duty form as sent: `applies` is `ja` or `nej`.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct DutyForm {
    applies: String,
    note: String,
}

async fn duty(ctx: Ctx, Path((id, regime)): Path<(i64, String)>, Form(f): Form<DutyForm>) -> PageResult {
    let actor = ctx.actor()?;
    let applies = match f.applies.as_str() {
        "ja" => Some(true),
        "nej" => Some(false),
        _ => None,
    };
    let r = ctx.state.app.incidents().answer_duty(actor, id, &regime, &DutyJson { applies, note: Some(f.note.clone()) }).await;
    after(&ctx, id, r, "incident_duty", &format!("duty-{regime}"), FormState::with(&[("applies", &f.applies), ("note", &f.note)])).await
}
