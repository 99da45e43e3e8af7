//! The module's forms: an analysis (new or edit) and a risk (new in an analysis, or edit).
//! A mistake comes back with what was typed and a message at the field.

use crate::ctx::{see_other, Ctx, PageResult};
use crate::present::options;
use crate::shell::{render, FormState, Shell};
use crate::AppState;
use askama::Template;
use axum::extract::{Form, Path, Query};
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use varn_app::risks::{AnalysisForm, RiskForm};
use varn_app::AppError;
use varn_domain::risk::{ScopeKind, Treatment};
use varn_store::entity::org_unit::Model as Unit;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/risks/analyses/new", get(new_analysis))
        .route("/risks/analyses/{id}/edit", get(edit_analysis).post(update_analysis))
        .route("/risks/new", get(new_risk))
        .route("/risks/{id}/edit", get(edit_risk).post(update_risk))
}

#[derive(Template)]
#[template(path = "risks/analysis_form.html")]
struct AnalysisFormPage {
    shell: Shell,
    form: FormState,
    id: Option<i64>,
    units: Vec<Unit>,
    scopes: Vec<(&'static str, String)>,
}

fn analysis_state(f: &AnalysisForm) -> FormState {
    FormState::with(&[
        ("title", &f.title),
        ("unit_id", &f.unit_id),
        ("scope_kind", &f.scope_kind),
        ("scope_text", &f.scope_text),
        ("analysed_on", &f.analysed_on),
        ("participants", &f.participants),
        ("description", &f.description),
    ])
}

async fn analysis_page(ctx: &Ctx, id: Option<i64>, form: FormState, status: StatusCode) -> PageResult {
    let actor = ctx.actor()?;
    let risks = ctx.state.app.risks();
    if !risks.can_create(actor) {
        return Err(AppError::Forbidden.into());
    }
    let units = risks.writable_units(actor).await?;
    let title = if id.is_some() { "risk.analysis.edit" } else { "risk.analysis.new_heading" };
    Ok(render(&AnalysisFormPage { shell: ctx.shell(title), form, id, units, scopes: options::<ScopeKind>(ctx.tr) }, status))
}

async fn new_analysis(ctx: Ctx) -> PageResult {
    let f = AnalysisForm { analysed_on: varn_domain::task::today().to_string(), scope_kind: "system".into(), ..Default::default() };
    analysis_page(&ctx, None, analysis_state(&f), StatusCode::OK).await
}

async fn save_analysis(ctx: &Ctx, id: Option<i64>, f: AnalysisForm) -> PageResult {
    let actor = ctx.actor()?;
    let risks = ctx.state.app.risks();
    let cmd = (&f).try_into();
    let done = match id {
        None => risks.create_analysis(actor, cmd).await.map(|n| see_other(&format!("/risks/analyses/{n}"), "risk_analysis_created")),
        Some(id) => {
            risks.update_analysis(actor, id, cmd).await.map(|()| see_other(&format!("/risks/analyses/{id}"), "risk_analysis_saved"))
        }
    };
    match done {
        Ok(r) => Ok(r),
        Err(AppError::Invalid(errs)) => {
            analysis_page(ctx, id, analysis_state(&f).errors(ctx.tr, &errs), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn create_analysis(ctx: Ctx, Form(f): Form<AnalysisForm>) -> PageResult {
    save_analysis(&ctx, None, f).await
}

async fn edit_analysis(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    let v = ctx.state.app.risks().analysis_view(ctx.actor()?, id).await?;
    if !v.can_edit {
        return Err(AppError::Forbidden.into());
    }
    analysis_page(&ctx, Some(id), analysis_state(&AnalysisForm::of(&v.analysis)), StatusCode::OK).await
}

async fn update_analysis(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<AnalysisForm>) -> PageResult {
    save_analysis(&ctx, Some(id), f).await
}

/// A step of a scale as a choice.
pub struct Choice {
    value: String,
    text: String,
}

#[derive(Template)]
#[template(path = "risks/form.html")]
struct RiskFormPage {
    shell: Shell,
    form: FormState,
    id: Option<i64>,
    analysis_id: String,
    analysis_title: String,
    threats: Vec<Choice>,
    vulnerabilities: Vec<Choice>,
    aspects: Vec<Choice>,
    likelihood: Vec<Choice>,
    consequence: Vec<Choice>,
    treatments: Vec<(&'static str, String)>,
}

fn risk_state(f: &RiskForm) -> FormState {
    let mut pairs: Vec<(&str, &str)> = vec![
        ("analysis_id", &f.analysis_id),
        ("title", &f.title),
        ("description", &f.description),
        ("threat", &f.threat),
        ("vulnerability", &f.vulnerability),
        ("likelihood", &f.likelihood),
        ("consequence", &f.consequence),
        ("residual_likelihood", &f.residual_likelihood),
        ("residual_consequence", &f.residual_consequence),
        ("treatment", &f.treatment),
        ("treatment_plan", &f.treatment_plan),
        ("owner_username", &f.owner_username),
        ("review_on", &f.review_on),
    ];
    for (k, v) in &f.rest {
        if k.starts_with("aspect_") {
            pairs.push((k, v));
        }
    }
    FormState::with(&pairs)
}

async fn risk_page(ctx: &Ctx, id: Option<i64>, f: &RiskForm, form: FormState, status: StatusCode) -> PageResult {
    let actor = ctx.actor()?;
    let app = &ctx.state.app;
    let risks = app.risks();
    if !risks.can_create(actor) {
        return Err(AppError::Forbidden.into());
    }
    // The analysis the risk goes in, by its title: one the user may change (404 outside their
    // scope, 403 where they only read).
    let analysis_title = match f.analysis_id.trim().parse::<i64>() {
        Ok(a) => match risks.analysis_view(actor, a).await {
            Ok(v) if v.can_edit => v.analysis.title,
            Ok(_) => return Err(AppError::Forbidden.into()),
            Err(e) => return Err(e.into()),
        },
        Err(_) => return Err(AppError::field("analysis", "err.choose").into()),
    };
    let lang = ctx.lang.code();
    let rules = risks.rules();
    let entries = |l: &[varn_domain::risk::CatalogueEntry]| {
        l.iter().map(|e| Choice { value: e.code.clone(), text: e.name.get(lang).to_owned() }).collect::<Vec<_>>()
    };
    let steps = |l: &[varn_domain::risk::ScaleStep]| {
        l.iter()
            .enumerate()
            .map(|(i, s)| Choice { value: (i + 1).to_string(), text: format!("{} – {}: {}", i + 1, s.name.get(lang), s.help.get(lang)) })
            .collect::<Vec<_>>()
    };
    let aspects = app
        .assets()
        .classification()
        .model
        .aspects
        .iter()
        .map(|a| Choice { value: a.code.clone(), text: a.name.get(lang).to_owned() })
        .collect();
    let page = RiskFormPage {
        shell: ctx.shell(if id.is_some() { "risk.edit" } else { "risk.new_heading" }),
        form,
        id,
        analysis_id: f.analysis_id.trim().to_owned(),
        analysis_title,
        threats: entries(&rules.catalogue.threats),
        vulnerabilities: entries(&rules.catalogue.vulnerabilities),
        aspects,
        likelihood: steps(&rules.matrix.likelihood),
        consequence: steps(&rules.matrix.consequence),
        treatments: options::<Treatment>(ctx.tr),
    };
    Ok(render(&page, status))
}

#[derive(Deserialize)]
struct NewQ {
    #[serde(default)]
    analysis: String,
}

async fn new_risk(ctx: Ctx, Query(q): Query<NewQ>) -> PageResult {
    let actor = ctx.actor()?;
    let f = RiskForm { analysis_id: q.analysis, owner_username: actor.username.clone(), ..Default::default() };
    risk_page(&ctx, None, &f, risk_state(&f), StatusCode::OK).await
}

async fn save_risk(ctx: &Ctx, id: Option<i64>, f: RiskForm) -> PageResult {
    let actor = ctx.actor()?;
    let risks = ctx.state.app.risks();
    let cmd = risks.check_form(&f);
    let done = match id {
        None => risks.create_risk(actor, cmd).await.map(|n| see_other(&format!("/risks/{n}"), "risk_created")),
        Some(id) => risks.update_risk(actor, id, cmd).await.map(|()| see_other(&format!("/risks/{id}"), "risk_saved")),
    };
    match done {
        Ok(r) => Ok(r),
        Err(AppError::Invalid(errs)) => {
            risk_page(ctx, id, &f, risk_state(&f).errors(ctx.tr, &errs), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn create_risk(ctx: Ctx, Form(f): Form<RiskForm>) -> PageResult {
    save_risk(&ctx, None, f).await
}

async fn edit_risk(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    let v = ctx.state.app.risks().view(ctx.actor()?, id).await?;
    if !v.can_edit {
        return Err(AppError::Forbidden.into());
    }
    let f = RiskForm::of(&v.risk, v.owner_username.clone());
    risk_page(&ctx, Some(id), &f, risk_state(&f), StatusCode::OK).await
}

async fn update_risk(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<RiskForm>) -> PageResult {
    save_risk(&ctx, Some(id), f).await
}
