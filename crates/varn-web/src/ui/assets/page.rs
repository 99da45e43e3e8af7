//! An asset's page: its facts, levels, carriers (linked and unlinked here), handlingsplan
//! (assessed here), history and the comparison of two classifications.

use super::level_name;
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
use varn_app::assets::{AssetView, CarrierFilter, CarrierRow, ClassificationRow, Comparison, MeasureForm, PlanItem};
use varn_app::{AppError, ListParams};
use varn_domain::asset::{Assessment, InfoForm, Levels};
use varn_domain::Code;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/assets/{id}", get(page))
        .route("/assets/{id}/carriers", post(link))
        .route("/assets/{id}/plan", post(assess))
        .route("/assets/{id}/compare", get(compare))
}

/// A level of one aspect, as shown.
pub struct LevelLine {
    pub(super) aspect: String,
    pub(super) level: String,
    pub(super) value: u8,
    pub(super) help: String,
}

/// Levels with names and help, in the model's order.
pub(super) fn level_lines(ctx: &Ctx, levels: &Levels) -> Vec<LevelLine> {
    let model = &ctx.state.app.assets().classification().model;
    let lang = ctx.lang.code();
    model
        .aspects
        .iter()
        .filter_map(|a| {
            let v = *levels.get(&a.code)?;
            let d = model.level(v);
            Some(LevelLine {
                aspect: a.name.get(lang).to_owned(),
                level: format!("{v} – {}", d.map(|d| d.name.get(lang)).unwrap_or_default()),
                value: v,
                help: d.map(|d| d.help.get(lang).to_owned()).unwrap_or_default(),
            })
        })
        .collect()
}

/// A plan row with its labels.
pub struct PlanRow {
    p: PlanItem,
    aspect: String,
    kind: String,
    assessment: String,
}

/// A history row with its levels in words.
pub struct HistoryRow {
    c: ClassificationRow,
    levels: String,
    /// The one before it, to compare with.
    prev: Option<i64>,
}

#[derive(Template)]
#[template(path = "assets/page.html")]
struct AssetPage {
    shell: Shell,
    v: AssetView,
    forms: String,
    levels: Vec<LevelLine>,
    separate: bool,
    carriers: Vec<(CarrierRow, String)>,
    link_q: String,
    found: Vec<CarrierRow>,
    plan: Vec<PlanRow>,
    plan_done: usize,
    history: Vec<HistoryRow>,
    assessments: Vec<(&'static str, String)>,
    form: FormState,
    overdue: bool,
    /// The risks that concern it, for a reader of risks.
    risks: Vec<(varn_app::risks::LinkedRisk, String, String, String)>,
}

#[derive(Deserialize, Default)]
struct PageQ {
    #[serde(default)]
    link: Option<String>,
}

/// Levels in one line ("K 3 · R 2 · T 2").
pub(super) fn levels_short(ctx: &Ctx, levels: &Levels) -> String {
    let model = &ctx.state.app.assets().classification().model;
    model
        .aspects
        .iter()
        .filter_map(|a| levels.get(&a.code).map(|l| format!("{} {l}", a.name.get(ctx.lang.code()))))
        .collect::<Vec<_>>()
        .join(" · ")
}

async fn page(ctx: Ctx, Path(id): Path<i64>, Query(q): Query<PageQ>) -> PageResult {
    show(&ctx, id, q.link.unwrap_or_default(), FormState::new(), StatusCode::OK).await
}

async fn show(ctx: &Ctx, id: i64, link_q: String, form: FormState, status: StatusCode) -> PageResult {
    let actor = ctx.actor()?;
    let assets = ctx.state.app.assets();
    let lang = ctx.lang.code();
    let risk_module = ctx.state.app.risks();
    let parts = assets.page(actor, id, lang, risk_module.can_use(actor)).await?;
    let (v, plan, hist) = (parts.view, parts.plan, parts.history);
    let tr = ctx.tr;
    let forms = v.asset.forms.iter().filter_map(|f| InfoForm::parse(f).ok()).map(|f| label(tr, f)).collect::<Vec<_>>().join(", ");
    let model = &assets.classification().model;
    let separate = !model.needs_separate_analysis(&v.levels).is_empty();
    let plan: Vec<PlanRow> = plan
        .into_iter()
        .map(|p| PlanRow {
            aspect: model.aspect(&p.aspect).map(|a| a.name.get(lang).to_owned()).unwrap_or_default(),
            kind: label(tr, p.kind),
            assessment: p.assessment.map(|a| label(tr, a)).unwrap_or_else(|| tr.t("asset.assess_none").to_owned()),
            p,
        })
        .collect();
    let plan_done = plan.iter().filter(|p| matches!(p.p.assessment, Some(Assessment::Uppfyllt | Assessment::EjTillampligt))).count();
    let history = hist
        .iter()
        .enumerate()
        .map(|(i, c)| HistoryRow {
            levels: levels_short(ctx, &serde_json::from_str(&c.levels).unwrap_or_default()),
            prev: hist.get(i + 1).map(|p| p.id),
            c: c.clone(),
        })
        .collect();
    let found = if v.can_edit && !link_q.trim().is_empty() {
        let p = ListParams { q: Some(link_q.clone()), page: 1, per_page: Some(20), ..Default::default() };
        let on: Vec<i64> = v.carriers.iter().map(|c| c.id).collect();
        assets.carriers(actor, &CarrierFilter::default(), &p).await?.items.into_iter().filter(|c| !on.contains(&c.id)).collect()
    } else {
        vec![]
    };
    let carriers = v.carriers.iter().map(|c| (c.clone(), label(tr, c.kind))).collect();
    let overdue = v.asset.next_review.is_some_and(|d| d < varn_domain::task::today());
    let risks = parts
        .risks
        .into_iter()
        .map(|r| {
            let (name, class) = crate::ui::risks::level(ctx, r.residual_score);
            let status = label(ctx.tr, r.status);
            (r, name, class, status)
        })
        .collect();
    let page = AssetPage {
        shell: ctx.shell_named(v.asset.name.clone()),
        forms,
        levels: super::page::level_lines(ctx, &v.levels),
        separate,
        carriers,
        link_q,
        found,
        plan,
        plan_done,
        history,
        assessments: crate::present::options::<Assessment>(tr),
        form,
        overdue,
        risks,
        v,
    };
    Ok(render(&page, status))
}

#[derive(Deserialize)]
struct LinkForm {
    carrier_id: i64,
    #[serde(default)]
    unlink: Option<String>,
}

async fn link(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<LinkForm>) -> PageResult {
    let actor = ctx.actor()?;
    let linked = f.unlink.is_none();
    ctx.state.app.assets().link_carrier(actor, id, f.carrier_id, linked).await?;
    Ok(see_other(&format!("/assets/{id}#carriers"), if linked { "carrier_linked" } else { "carrier_unlinked" }))
}

async fn assess(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<MeasureForm>) -> PageResult {
    let actor = ctx.actor()?;
    match ctx.state.app.assets().assess(actor, id, &f).await {
        Ok(()) => Ok(see_other(&format!("/assets/{id}#plan"), "assessed")),
        Err(AppError::Invalid(errs)) => {
            let form = FormState::with(&[
                ("requirement", &f.requirement),
                ("assessment", &f.assessment),
                ("comment", &f.comment),
                ("owner_username", &f.owner_username),
                ("due_date", &f.due_date),
            ])
            .errors(ctx.tr, &errs);
            show(&ctx, id, String::new(), form, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "assets/compare.html")]
struct ComparePage {
    shell: Shell,
    id: i64,
    name: String,
    c: Comparison,
    rows: Vec<(String, String, String, bool)>,
    added: Vec<String>,
    dropped: Vec<String>,
}

#[derive(Deserialize)]
struct CompareQ {
    a: i64,
    b: i64,
}

async fn compare(ctx: Ctx, Path(id): Path<i64>, Query(q): Query<CompareQ>) -> PageResult {
    let actor = ctx.actor()?;
    let assets = ctx.state.app.assets();
    let v = assets.view(actor, id).await?;
    let c = assets.compare(actor, id, q.a, q.b).await?;
    let model = &assets.classification().model;
    let lang = ctx.lang.code();
    let name = |l: Option<u8>| level_name(&ctx, l.map(i64::from));
    let rows = c
        .levels
        .iter()
        .map(|(a, x, y)| (model.aspect(a).map(|m| m.name.get(lang).to_owned()).unwrap_or_else(|| a.clone()), name(*x), name(*y), x != y))
        .collect();
    let req = |code: &String| {
        let cat = &assets.classification().catalogue;
        cat.get(code).map(|r| format!("{} – {}", r.code, r.text.get(lang))).unwrap_or_else(|| code.clone())
    };
    let added = c.added.iter().map(req).collect();
    let dropped = c.dropped.iter().map(req).collect();
    let page = ComparePage { shell: ctx.shell("asset.compare_heading"), id, name: v.asset.name, c, rows, added, dropped };
    Ok(render(&page, StatusCode::OK))
}
