//! A risk's page (levels before and after treatment, acceptance, the assets it concerns, the
//! incidents that concern it, treatment actions) and an analysis's page (its risks and their
//! heat map).

use super::{grid, level, rows, HeatGrid, Row};
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
use varn_app::assets::{AssetFilter, AssetRow};
use varn_app::risks::{ActionJson, RiskView};
use varn_app::{AppError, ListParams};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/risks/{id}", get(page))
        .route("/risks/{id}/accept", post(accept))
        .route("/risks/{id}/close", post(close))
        .route("/risks/{id}/assets", post(link))
        .route("/risks/{id}/actions", post(add_action))
        .route("/risks/analyses/{id}", get(analysis))
}

#[derive(Template)]
#[template(path = "risks/page.html")]
struct RiskPage {
    shell: Shell,
    v: RiskView,
    threat: String,
    vulnerability: String,
    aspects: String,
    level: (String, String),
    residual: (String, String),
    likelihood: String,
    consequence: String,
    residual_lc: Option<(String, String)>,
    treatment: String,
    status: String,
    link_q: String,
    found: Vec<AssetRow>,
    form: FormState,
}

#[derive(Deserialize, Default)]
struct PageQ {
    #[serde(default)]
    link: Option<String>,
}

async fn page(ctx: Ctx, Path(id): Path<i64>, Query(q): Query<PageQ>) -> PageResult {
    show(&ctx, id, q.link.unwrap_or_default(), FormState::new(), StatusCode::OK).await
}

async fn show(ctx: &Ctx, id: i64, link_q: String, form: FormState, status: StatusCode) -> PageResult {
    let actor = ctx.actor()?;
    let app = &ctx.state.app;
    let risks = app.risks();
    if !risks.can_use(actor) {
        return Err(AppError::NotFound.into());
    }
    let v = risks.view(actor, id).await?;
    let lang = ctx.lang.code();
    let rules = risks.rules();
    let r = &v.risk;
    let threat = rules.catalogue.threat(&r.threat).map(|t| t.name.get(lang).to_owned()).unwrap_or_else(|| r.threat.clone());
    let vulnerability =
        rules.catalogue.vulnerability(&r.vulnerability).map(|t| t.name.get(lang).to_owned()).unwrap_or_else(|| r.vulnerability.clone());
    let model = &app.assets().classification().model;
    let aspects = r
        .aspects
        .split(',')
        .filter_map(|c| model.aspects.iter().find(|a| a.code == c).map(|a| a.name.get(lang).to_owned()))
        .collect::<Vec<_>>()
        .join(", ");
    let step = |list: &[varn_domain::risk::ScaleStep], v: i64| {
        list.get((v - 1).max(0) as usize).map(|s| format!("{v} – {}", s.name.get(lang))).unwrap_or_else(|| v.to_string())
    };
    let m = &rules.matrix;
    let found = if v.can_edit && !link_q.trim().is_empty() {
        let p = ListParams { q: Some(link_q.clone()), page: 1, per_page: Some(20), ..Default::default() };
        app.assets().list(actor, &AssetFilter::default(), &p).await?.items
    } else {
        vec![]
    };
    let page = RiskPage {
        threat,
        vulnerability,
        aspects,
        level: level(ctx, r.score),
        residual: level(ctx, r.residual_score),
        likelihood: step(&m.likelihood, r.likelihood),
        consequence: step(&m.consequence, r.consequence),
        residual_lc: r.residual_likelihood.zip(r.residual_consequence).map(|(l, c)| (step(&m.likelihood, l), step(&m.consequence, c))),
        treatment: r.treatment.map(|t| label(ctx.tr, t)).unwrap_or_default(),
        status: label(ctx.tr, r.status),
        shell: ctx.shell_named(r.title.clone()),
        link_q,
        found,
        form,
        v,
    };
    Ok(render(&page, status))
}

/// Shows the page again with a mistake at its field (422), or goes on.
async fn after(ctx: &Ctx, id: i64, done: Result<(), AppError>, to: &str, msg: &str, form: FormState) -> PageResult {
    match done {
        Ok(()) => Ok(see_other(to, msg)),
        Err(AppError::Invalid(errs)) => show(ctx, id, String::new(), form.errors(ctx.tr, &errs), StatusCode::UNPROCESSABLE_ENTITY).await,
        Err(e) => Err(e.into()),
    }
}

async fn accept(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    let done = ctx.state.app.risks().accept(ctx.actor()?, id).await;
    after(&ctx, id, done, &format!("/risks/{id}"), "risk_accepted", FormState::new()).await
}

async fn close(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    let done = ctx.state.app.risks().close(ctx.actor()?, id).await;
    after(&ctx, id, done, &format!("/risks/{id}"), "risk_closed", FormState::new()).await
}

#[derive(Deserialize)]
struct LinkForm {
    asset_id: i64,
    #[serde(default)]
    unlink: Option<String>,
}

async fn link(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<LinkForm>) -> PageResult {
    let linked = f.unlink.is_none();
    let done = ctx.state.app.risks().link_asset(ctx.actor()?, id, f.asset_id, linked).await;
    after(&ctx, id, done, &format!("/risks/{id}#assets"), "risk_linked", FormState::new()).await
}

async fn add_action(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<ActionJson>) -> PageResult {
    let done = ctx.state.app.risks().add_action(ctx.actor()?, id, &f).await.map(|_| ());
    let form = FormState::with(&[("title", &f.title), ("responsible_username", &f.responsible_username), ("due_date", &f.due_date)]);
    after(&ctx, id, done, &format!("/risks/{id}#actions"), "risk_action_added", form).await
}

#[derive(Template)]
#[template(path = "risks/analysis.html")]
struct AnalysisPage {
    shell: Shell,
    a: varn_app::risks::AnalysisView,
    scope: String,
    heat: Vec<HeatGrid>,
    rows: Vec<Row>,
}

async fn analysis(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    let actor = ctx.actor()?;
    let risks = ctx.state.app.risks();
    if !risks.can_use(actor) {
        return Err(AppError::NotFound.into());
    }
    let mut a = risks.analysis_view(actor, id).await?;
    let heat = vec![grid(&ctx, &a.heat_map, &format!("/risks?analysis={id}"))];
    let rows = rows(&ctx, std::mem::take(&mut a.risks));
    let page =
        AnalysisPage { shell: ctx.shell_named(a.analysis.title.clone()), scope: label(ctx.tr, a.analysis.scope_kind), heat, rows, a };
    Ok(render(&page, StatusCode::OK))
}
