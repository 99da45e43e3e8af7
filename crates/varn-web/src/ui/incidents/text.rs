//! The text of a report to an authority, written from the incident's data in the order the
//! authorities' forms ask (no authority offers an API: the handler copies it into their web
//! form), and the form that records what was sent, when, to whom and with which reference —
//! or that it was judged not required, with the assessment.

use crate::ctx::{see_other, Ctx, PageResult};
use crate::i18n::Tr;
use crate::present::label;
use crate::shell::{render, FormState, Shell};
use crate::AppState;
use askama::Template;
use axum::extract::{Form, Path};
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use varn_app::incidents::{IncidentView, SentJson};
use varn_app::AppError;
use varn_domain::incident::local_parts;

pub fn routes() -> Router<AppState> {
    Router::new().route("/incidents/{id}/reports/{regime}/{report}", get(page).post(record))
}

#[derive(Template)]
#[template(path = "incidents/report.html")]
struct ReportPage {
    shell: Shell,
    v: IncidentView,
    regime: String,
    report: String,
    name: String,
    recipient: String,
    due: Option<String>,
    text: String,
    form: FormState,
    /// Already recorded: when, and how (then no form).
    recorded: Option<String>,
}

/// The report's text: each line a label and its value from the incident.
pub(crate) fn report_text(tr: Tr, v: &IncidentView, regime_name: &str, report_name: &str, reporter_body: Option<&str>) -> String {
    let none = tr.t("incident.text.none");
    let or_none = |s: Option<&str>| s.filter(|x| !x.is_empty()).unwrap_or(none).to_owned();
    let notes: Vec<String> = v.events.iter().filter(|e| e.kind == "note").filter_map(|e| e.text.clone()).collect();
    let lines: Vec<(&str, String)> = vec![
        ("incident.text.regime", format!("{regime_name} – {report_name}")),
        ("incident.text.reporter_body", or_none(reporter_body)),
        ("incident.text.reference", v.reference.clone()),
        ("incident.text.contact", or_none(v.handler_name.as_deref())),
        ("incident.field.aware", tr.datetime(&v.aware_at)),
        ("incident.text.noticed", tr.datetime(&v.noticed_at)),
        ("incident.text.what", v.title.clone()),
        ("incident.field.description", or_none(v.description.as_deref())),
        ("incident.field.category", v.category.map(|c| label(tr, c)).unwrap_or_else(|| none.to_owned())),
        ("incident.field.severity", v.severity.map(|c| label(tr, c)).unwrap_or_else(|| none.to_owned())),
        ("incident.field.unit", v.unit_name.clone()),
        ("incident.field.systems", or_none(v.systems.as_deref())),
        ("incident.field.suppliers", or_none(v.suppliers.as_deref())),
        ("incident.text.personal_data", label(tr, v.personal_data)),
        ("incident.field.status", label(tr, v.status)),
        ("incident.text.contained", v.contained_at.map(|d| tr.datetime(&d)).unwrap_or_else(|| none.to_owned())),
        ("incident.text.measures", if notes.is_empty() { none.to_owned() } else { notes.join("\n") }),
        ("incident.field.root_cause", or_none(v.root_cause.as_deref())),
        ("incident.field.lessons", or_none(v.lessons.as_deref())),
    ];
    lines.into_iter().map(|(k, val)| format!("{}: {val}", tr.t(k))).collect::<Vec<_>>().join("\n")
}

async fn render_report(ctx: &Ctx, id: i64, regime: &str, report: &str, form: Option<FormState>, code: StatusCode) -> PageResult {
    let actor = ctx.actor()?;
    let inc = ctx.state.app.incidents();
    let v = inc.view(actor, id).await?;
    if !v.may_handle {
        return Err(AppError::Forbidden.into());
    }
    let r = inc.rules().regimes.get(regime).ok_or(AppError::NotFound)?;
    let def = r.reports.iter().find(|x| x.code == report).ok_or(AppError::NotFound)?;
    let lang = ctx.lang.code();
    let body = match r.reporter.as_str() {
        "personuppgiftsansvarig" => v.pua_name.clone(),
        "verksamhetsutovare" => v.operator_name.clone(),
        _ => Some(v.unit_name.clone()),
    };
    let (name, regime_name) = (def.name.get(lang).to_owned(), r.name.get(lang).to_owned());
    let text = report_text(ctx.tr, &v, &regime_name, &name, body.as_deref());
    let due = v.clocks.iter().find(|c| c.regime == regime && c.report == report).and_then(|c| c.due).map(|d| ctx.tr.datetime(&d));
    let form = form.unwrap_or_else(|| {
        let (d, t) = local_parts(chrono::Utc::now());
        FormState::with(&[("sent_date", &d), ("sent_time", &t), ("recipient", &def.recipient)])
    });
    let recorded = v.reports.iter().find(|r| r.regime == regime && r.report == report).map(|r| {
        let key = if r.outcome == "not_required" { "incident.clock.not_required" } else { "incident.clock.sent" };
        ctx.tr.tf(key, &[("at", &ctx.tr.datetime(&r.sent_at))])
    });
    let page = ReportPage {
        recorded,
        shell: ctx.shell_named(format!("{name} – {}", v.reference)),
        regime: regime.to_owned(),
        report: report.to_owned(),
        recipient: def.recipient.clone(),
        name,
        due,
        text,
        form,
        v,
    };
    Ok(render(&page, code))
}

async fn page(ctx: Ctx, Path((id, regime, report)): Path<(i64, String, String)>) -> PageResult {
    render_report(&ctx, id, &regime, &report, None, StatusCode::OK).await
}

/// The record form as sent.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct RecordForm {
    sent_date: String,
    sent_time: String,
    recipient: String,
    reference: String,
    not_required: String,
    note: String,
}

async fn record(ctx: Ctx, Path((id, regime, report)): Path<(i64, String, String)>, Form(f): Form<RecordForm>) -> PageResult {
    let actor = ctx.actor()?;
    let mut e = varn_domain::FieldErrors::new();
    let sent_at = varn_app::incidents::local_moment_field(&mut e, "sent_date", &f.sent_date, &f.sent_time);
    let cmd = SentJson {
        sent_at,
        recipient: Some(f.recipient.clone()),
        reference: Some(f.reference.clone()),
        not_required: matches!(f.not_required.as_str(), "on" | "true"),
        note: Some(f.note.clone()),
    };
    let r = match e.into_result() {
        Ok(()) => ctx.state.app.incidents().record_report(actor, id, &regime, &report, &cmd).await,
        Err(e) => Err(e.into()),
    };
    match r {
        Ok(()) => Ok(see_other(&format!("/incidents/{id}#clocks"), "incident_report_recorded")),
        Err(AppError::Invalid(errs)) => {
            let st = FormState::with(&[
                ("sent_date", &f.sent_date),
                ("sent_time", &f.sent_time),
                ("recipient", &f.recipient),
                ("reference", &f.reference),
                ("not_required", &f.not_required),
                ("note", &f.note),
            ])
            .errors(ctx.tr, &errs);
            render_report(&ctx, id, &regime, &report, Some(st), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}
