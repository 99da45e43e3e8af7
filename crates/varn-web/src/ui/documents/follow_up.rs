//! Read confirmation per unit, the follow-up overview, and the city's rules for documents.

use crate::ctx::{see_other, Ctx, PageResult};
use crate::present::label;
use crate::shell::{render, Shell};
use crate::AppState;
use askama::Template;
use axum::extract::{Form, Path, Query};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use varn_app::documents::{AckRequestReport, FollowUp, PersonRow};
use varn_app::Actor;
use varn_domain::document::{DocType, DocumentRules};
use varn_domain::Permission;

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
}

async fn acks(ctx: Ctx, Path(id): Path<i64>, Query(q): Query<AcksQ>) -> PageResult {
    let actor = ctx.actor()?;
    let docs = ctx.state.app.documents();
    let title = docs.version_readable(actor, id, None).await?.title;
    let reports = docs.ack_report(actor, id).await?;
    let named = |u: i64| reports.iter().flat_map(|r| r.units.iter()).find(|x| x.unit_id == u).map(|x| (u, x.unit_name.clone()));
    let (unit, missing) = match q.unit.and_then(named) {
        Some(u) => {
            let missing = docs.not_acked(actor, id, u.0).await?;
            (Some(u), missing)
        }
        None => (None, vec![]),
    };
    Ok(render(&AcksPage { shell: ctx.shell("doc.acks_heading"), id, title, reports, unit, missing }, StatusCode::OK))
}

/// Rows of each list on the overview page; the counts per unit cover everything.
const FOLLOW_UP_ROWS: u64 = 100;

#[derive(Template)]
#[template(path = "documents/follow_up.html")]
struct FollowUpPage {
    shell: Shell,
    f: FollowUp,
    rules: DocumentRules,
    cap: usize,
    can_settings: bool,
}

impl FollowUpPage {
    fn kind(&self, t: &DocType) -> String {
        label(self.shell.tr, *t)
    }
}

async fn follow_up(ctx: Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let docs = ctx.state.app.documents();
    let f = docs.follow_up(actor, FOLLOW_UP_ROWS).await?;
    let rules = docs.rules().await?;
    let page = FollowUpPage {
        shell: ctx.shell("doc.follow_up_heading"),
        f,
        rules,
        can_settings: can_settings(actor),
        cap: FOLLOW_UP_ROWS as usize,
    };
    Ok(render(&page, StatusCode::OK))
}

fn can_settings(actor: &Actor) -> bool {
    actor.scope(Permission::SettingsAdmin).is_all()
}

#[derive(Deserialize)]
struct SettingsForm {
    #[serde(default)]
    namnd_may_adopt_riktlinje: Option<String>,
}

async fn settings(ctx: Ctx, Form(f): Form<SettingsForm>) -> PageResult {
    let actor = ctx.actor()?;
    let rules = DocumentRules { namnd_may_adopt_riktlinje: f.namnd_may_adopt_riktlinje.is_some() };
    ctx.state.app.documents().set_rules(actor, rules).await?;
    Ok(see_other("/documents/follow-up", "saved"))
}
