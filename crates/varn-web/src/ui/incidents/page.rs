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
use varn_app::incidents::{DutyJson, EscalateJson, IncidentView, NoteJson, StatusJson};
use varn_app::AppError;
use varn_domain::incident::{Channel, Direction, Level};
use varn_domain::task::TaskStatus;
use varn_domain::Code;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/incidents/{id}", get(page))
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
    /// The search for an asset or a system to link, and what it found.
    find: String,
    found: Vec<super::links::Found>,
    /// Which form failed ("triage", "status", …) and its state.
    failed: String,
    form: FormState,
    /// The actions: (row, due date, late).
    actions: Vec<(varn_app::incidents::ActionRow, String, bool)>,
    /// The contacts made: (row, when, direction and channel in words).
    contacts: Vec<(varn_app::incidents::ContactRow, String, String)>,
    /// The contact form: the register's active authorities, the choices, now in local time.
    authorities: Vec<(i64, String)>,
    directions: Vec<(&'static str, String)>,
    channels: Vec<(&'static str, String)>,
    now_parts: (String, String),
    /// The protections it concerns and those to choose among: (code, text).
    requirements: Vec<(String, String)>,
    requirement_choices: Vec<(String, String)>,
    /// The risks it concerns, and those to choose among (open ones of its unit and above).
    risks: Vec<varn_app::risks::LinkedRisk>,
    risk_choices: Vec<varn_app::risks::LinkedRisk>,
    /// The reader.
    me: i64,
    blank: FormState,
}

impl IncidentPage {
    /// The state of the form `name`: the one that failed, or an empty one.
    fn form_for(&self, name: &str) -> &FormState {
        if self.failed == name {
            &self.form
        } else {
            &self.blank
        }
    }
}

fn minutes_text(ctx: &Ctx, m: i64) -> String {
    ctx.tr.tf("incident.sent_late", &[("span", &super::span(ctx.tr, m))])
}

/// The page; `failed` names the form that came back with `form`'s mistakes.
pub(super) async fn render_page(ctx: &Ctx, id: i64, failed: &str, form: FormState, code: StatusCode) -> PageResult {
    render_with(ctx, id, failed, form, String::new(), code).await
}

/// The page, with what a search for something to link found.
pub(super) async fn render_with(ctx: &Ctx, id: i64, failed: &str, form: FormState, find: String, code: StatusCode) -> PageResult {
    let actor = ctx.actor()?;
    let app = &ctx.state.app;
    let inc = app.incidents();
    let (mut v, choices) = inc.view_for_page(actor, id).await?;
    let (authorities, risk_choices) = (choices.authorities, choices.risks);
    let risks = std::mem::take(&mut v.risks);
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
    let timeline = v.events.iter().map(|e| super::timeline::line(ctx, e)).collect();
    let type_name = v
        .type_code
        .as_deref()
        .and_then(|c| rules.types.types.iter().find(|t| t.code == c))
        .map(|t| t.name.get(lang).to_owned())
        .unwrap_or_default();
    let found = if v.may_handle { super::links::search(ctx, actor, &find).await? } else { vec![] };
    let catalogue = &app.assets().classification().catalogue;
    let requirement = |code: &str| catalogue.requirements.iter().find(|r| r.code == code).map(|r| r.text.get(lang).to_owned());
    let requirements = v.requirements.iter().map(|c| (c.clone(), requirement(c).unwrap_or_default())).collect();
    let requirement_choices = if v.may_handle {
        catalogue
            .requirements
            .iter()
            .filter(|r| !v.requirements.contains(&r.code))
            .map(|r| (r.code.clone(), r.text.get(lang).to_owned()))
            .collect()
    } else {
        vec![]
    };
    let today = varn_domain::incident::local_date(now);
    let actions = v
        .actions
        .iter()
        .map(|a| {
            let late = a.status == TaskStatus::Open && a.due_date.is_some_and(|d| d < today);
            (a.clone(), a.due_date.map(|d| tr.date(&d)).unwrap_or_default(), late)
        })
        .collect();
    let contacts = v
        .contacts
        .iter()
        .map(|c| {
            let how = format!("{}, {}", label(tr, c.direction), label(tr, c.channel).to_lowercase());
            (c.clone(), tr.datetime(&c.at), how)
        })
        .collect();
    let page = IncidentPage {
        find,
        found,
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
        failed: failed.to_owned(),
        form,
        actions,
        contacts,
        authorities,
        directions: options::<Direction>(tr),
        channels: options::<Channel>(tr),
        now_parts: varn_domain::incident::local_parts(now),
        me: actor.id.0,
        blank: FormState::new(),
        requirements,
        requirement_choices,
        risks,
        risk_choices,
        v,
    };
    Ok(render(&page, code))
}

/// The page's query: a search for something to link.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct PageQuery {
    find: String,
}

async fn page(ctx: Ctx, Path(id): Path<i64>, axum::extract::Query(q): axum::extract::Query<PageQuery>) -> PageResult {
    render_with(&ctx, id, "", FormState::new(), q.find, StatusCode::OK).await
}

/// The page again after a write: the message on success, or the failed form with its
/// mistakes at the fields.
async fn after(ctx: &Ctx, id: i64, r: Result<(), AppError>, msg: &str, failed: &str, form: FormState) -> PageResult {
    match r {
        Ok(()) => Ok(see_other(&format!("/incidents/{id}"), msg)),
        Err(AppError::Invalid(errs)) => render_page(ctx, id, failed, form.errors(ctx.tr, &errs), StatusCode::UNPROCESSABLE_ENTITY).await,
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
