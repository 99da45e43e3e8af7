//! Read confirmation per unit, the follow-up overview, and the city's rules for documents.

use crate::ctx::{see_other, Ctx, PageResult};
use crate::present::label;
use crate::shell::{render, FormState, Shell};
use crate::AppState;
use askama::Template;
use axum::extract::{Form, Path, Query};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use varn_app::documents::{AckRequestReport, FollowUp, PersonRow};
use varn_app::{Actor, AppError};
use varn_domain::document::{DocType, DocumentRules};
use varn_domain::{Code, Permission};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/documents/follow-up", get(follow_up))
        .route("/documents/settings", post(settings))
        .route("/documents/{id}/acknowledgements", get(acks))
}

#[derive(Template)]
#[template(path = "documents/acks.html")]
struct AcksPage {
    shell: Shell,
    id: i64,
    title: String,
    reports: Vec<AckRequestReport>,
    unit: Option<(i64, String)>,
    missing: Vec<PersonRow>,
}

#[derive(Deserialize)]
struct AcksQ {
    #[serde(default)]
    unit: Option<i64>,
    /// The unit just asked (for the notice).
    #[serde(default)]
    asked: Option<i64>,
}

async fn acks(ctx: Ctx, Path(id): Path<i64>, Query(q): Query<AcksQ>) -> PageResult {
    let actor = ctx.actor()?;
    let docs = ctx.state.app.documents();
    let version = docs.version_readable(actor, id, None).await?;
    let title = version.title;
    let reports = docs.ack_report(actor, id).await?;
    let mut shell = ctx.shell("doc.acks_heading");
    // "312 personer i Socialförvaltningen har ombetts bekräfta ...": the request's own count.
    if let (Some("msg.ack_requested"), Some(r)) = (ctx.msg, q.asked.and_then(|u| reports.iter().find(|r| r.unit_id == u))) {
        let the = ctx.tr.t(&format!("doc.the.{}", docs.doc_type(actor, id).await?.as_str())).to_lowercase();
        shell.msg = Some(ctx.tr.tf("msg.ack_requested_n", &[("n", &r.staff.to_string()), ("unit", &r.unit_name), ("doc", &the)]));
    }
    let named = |u: i64| reports.iter().flat_map(|r| r.units.iter()).find(|x| x.unit_id == u).map(|x| (u, x.unit_name.clone()));
    let (unit, missing) = match q.unit.and_then(named) {
        Some(u) => {
            let missing = docs.not_acked(actor, id, u.0).await?;
            (Some(u), missing)
        }
        None => (None, vec![]),
    };
    Ok(render(&AcksPage { shell, id, title, reports, unit, missing }, StatusCode::OK))
}

/// Rows of each list on the overview page; the counts per unit cover everything.
const FOLLOW_UP_ROWS: u64 = 100;

#[derive(Template)]
#[template(path = "documents/follow_up.html")]
struct FollowUpPage {
    shell: Shell,
    f: std::sync::Arc<FollowUp>,
    rules: DocumentRules,
    cap: usize,
    can_settings: bool,
    /// The settings as typed, with their mistakes.
    settings_form: FormState,
}

impl FollowUpPage {
    fn kind(&self, t: &DocType) -> String {
        label(self.shell.tr, *t)
    }

    /// The review-interval fields: (field name, type label).
    fn review_fields(&self) -> Vec<(String, String)> {
        DocType::ALL.iter().map(|t| (format!("review_years_{t}"), label(self.shell.tr, *t))).collect()
    }
}

async fn follow_up(ctx: Ctx) -> PageResult {
    follow_up_page(&ctx, None, StatusCode::OK).await
}

/// The overview; `form` is the settings form as sent when it had mistakes.
async fn follow_up_page(ctx: &Ctx, form: Option<FormState>, status: StatusCode) -> PageResult {
    let actor = ctx.actor()?;
    let docs = ctx.state.app.documents();
    let f = docs.follow_up(actor, FOLLOW_UP_ROWS).await?;
    let rules = docs.rules().await?;
    let settings_form = form.unwrap_or_else(|| {
        let years: Vec<(String, String)> =
            DocType::ALL.iter().zip(rules.review_years).map(|(t, y)| (format!("review_years_{t}"), y.to_string())).collect();
        let pairs: Vec<(&str, &str)> = years.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        FormState::with(&pairs)
    });
    let page = FollowUpPage {
        shell: ctx.shell("doc.follow_up_heading"),
        f,
        rules,
        can_settings: can_settings(actor),
        cap: FOLLOW_UP_ROWS as usize,
        settings_form,
    };
    Ok(render(&page, status))
}

fn can_settings(actor: &Actor) -> bool {
    actor.scope(Permission::SettingsAdmin).is_all()
}

#[derive(Deserialize)]
struct SettingsForm {
    #[serde(default)]
    namnd_may_adopt_riktlinje: Option<String>,
    #[serde(flatten)]
    years: std::collections::HashMap<String, String>,
}

async fn settings(ctx: Ctx, Form(f): Form<SettingsForm>) -> PageResult {
    let actor = ctx.actor()?;
    let mut rules = DocumentRules { namnd_may_adopt_riktlinje: f.namnd_may_adopt_riktlinje.is_some(), ..DocumentRules::default() };
    let mut typed: Vec<(String, String)> = Vec::new();
    for (slot, t) in rules.review_years.iter_mut().zip(DocType::ALL) {
        let k = format!("review_years_{t}");
        let v = f.years.get(&k).cloned().unwrap_or_default();
        // Not a number: 0, which the use case refuses at the field like any other bad value.
        *slot = v.trim().parse().unwrap_or(0);
        typed.push((k, v));
    }
    match ctx.state.app.documents().set_rules(actor, rules).await {
        Ok(()) => Ok(see_other("/documents/follow-up", "doc_rules_saved")),
        Err(AppError::Invalid(errs)) => {
            let pairs: Vec<(&str, &str)> = typed.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let form = FormState::with(&pairs).errors(ctx.tr, &errs);
            follow_up_page(&ctx, Some(form), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}
