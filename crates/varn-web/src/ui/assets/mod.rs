//! Informationstillgångar pages: the register and the overview here; an asset's page in
//! [`page`], its forms (facts and classification) in [`form`], the carrier register and a
//! carrier's page and form in [`carriers`].

mod carriers;
mod form;
mod graph;
mod import;
mod page;

use super::list::{run, Column, ListQuery, ListSpec, ListView};
use crate::ctx::{Ctx, PageResult};
use crate::i18n::Tr;
use crate::shell::{render, Shell};
use crate::AppState;
use askama::Template;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use varn_app::assets::{AssetFilter, AssetRow, Overview};
use varn_app::modules::Boxed;
use varn_app::{Actor, App, AppError, ListParams, Page};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/assets", get(list).post(form::create))
        .route("/assets/overview", get(overview))
        .merge(form::routes())
        .merge(import::routes())
        .merge(page::routes())
        .merge(carriers::routes())
}

/// A level's name in the model, in the reader's language ("2 – Betydande").
pub(crate) fn level_name(ctx: &Ctx, level: Option<i64>) -> String {
    let model = &ctx.state.app.assets().classification().model;
    match level.and_then(|l| u8::try_from(l).ok()) {
        Some(l) => match model.level(l) {
            Some(d) => format!("{l} – {}", d.name.get(ctx.lang.code())),
            None => l.to_string(),
        },
        None => ctx.tr.t("asset.not_classified").to_owned(),
    }
}

/// A register row with its labels.
pub struct Row {
    r: AssetRow,
    level: std::sync::Arc<str>,
    overdue: bool,
}

#[derive(Template)]
#[template(path = "assets/list.html")]
struct ListPage {
    shell: Shell,
    view: ListView,
    rows: Vec<Row>,
    can_create: bool,
    levels: Vec<(String, String)>,
    unit_filter: Option<String>,
}

#[derive(Template)]
#[template(path = "assets/_rows.html")]
struct ListPartial {
    shell: Shell,
    view: ListView,
    rows: Vec<Row>,
}

fn yes_no(tr: Tr, b: bool) -> String {
    tr.t(if b { "common.yes" } else { "common.no" }).to_owned()
}

/// The register as a list.
struct Register;

impl ListSpec for Register {
    type Row = AssetRow;
    type Filter = AssetFilter;
    const BASE: &'static str = "/assets";
    const EXPORT_NAME: &'static str = "informationstillgangar";
    const SORTS: &'static [&'static str] = varn_app::assets::SORTS;
    const COLUMNS: &'static [Column<AssetRow>] = &[
        Column { header: "asset.col.id", cell: |_, r| r.id.to_string() },
        Column { header: "asset.field.name", cell: |_, r| r.name.clone() },
        Column { header: "asset.field.unit", cell: |_, r| r.unit_name.clone() },
        Column { header: "asset.field.owner", cell: |_, r| r.owner_name.clone().unwrap_or_default() },
        Column { header: "asset.field.personal_data", cell: |tr, r| yes_no(tr, r.personal_data) },
        Column { header: "asset.col.max_level", cell: |_, r| r.max_level.map(|l| l.to_string()).unwrap_or_default() },
        Column { header: "asset.col.classified_on", cell: |_, r| r.classified_on.map(|d| d.to_string()).unwrap_or_default() },
        Column { header: "asset.col.next_review", cell: |_, r| r.next_review.map(|d| d.to_string()).unwrap_or_default() },
    ];

    fn filter(q: &ListQuery) -> Result<AssetFilter, AppError> {
        let num =
            |k: &str, field: &str| q.filter(k).map(|u| u.parse::<i64>().map_err(|_| AppError::field(field, "err.choose"))).transpose();
        let classified = yes_no_filter(q, "classified")?;
        let review_before = match q.filter("review") {
            None => None,
            Some("overdue") => Some(varn_domain::task::today()),
            Some(_) => return Err(AppError::field("review", "err.choose")),
        };
        Ok(AssetFilter {
            under: None,
            classified,
            min_level: num("level", "level")?,
            review_before,
            owner_user_id: None,
            carrier_id: num("carrier", "carrier")?,
            unit_id: num("unit", "unit")?,
            key_trigram: None,
        })
    }

    fn fetch<'a>(app: &'a App, actor: &'a Actor, f: &'a AssetFilter, p: ListParams) -> Boxed<'a, Result<Page<AssetRow>, AppError>> {
        Box::pin(async move { app.assets().list(actor, f, &p).await })
    }
}

/// A yes/no filter of a list (`yes`, `no` or absent); anything else is a mistake at it.
pub(super) fn yes_no_filter(q: &ListQuery, key: &str) -> Result<Option<bool>, AppError> {
    match q.filter(key) {
        None => Ok(None),
        Some("yes") => Ok(Some(true)),
        Some("no") => Ok(Some(false)),
        Some(_) => Err(AppError::field(key, "err.choose")),
    }
}

/// The register's rows with their labels: each level's name written once for the page, not
/// once a row (a `format!` a row was 2 % of a nämnd's search).
fn rows(ctx: &Ctx, items: Vec<AssetRow>) -> Vec<Row> {
    let today = varn_domain::task::today();
    let mut names: Vec<(Option<i64>, std::sync::Arc<str>)> = Vec::with_capacity(6);
    let mut name = |level: Option<i64>| match names.iter().find(|(l, _)| *l == level) {
        Some((_, n)) => n.clone(),
        None => {
            let n: std::sync::Arc<str> = level_name(ctx, level).into();
            names.push((level, n.clone()));
            n
        }
    };
    items.into_iter().map(|r| Row { level: name(r.max_level), overdue: r.next_review.is_some_and(|d| d < today), r }).collect()
}

async fn list(ctx: Ctx, Query(q): Query<ListQuery>) -> PageResult {
    let actor = ctx.actor()?;
    let assets = ctx.state.app.assets();
    if !assets.can_use(actor) {
        return Err(AppError::Forbidden.into());
    }
    let l = match run::<Register>(&ctx, &q).await? {
        Ok(l) => l,
        Err(download) => return Ok(download),
    };
    let rows = rows(&ctx, l.rows);
    if ctx.htmx {
        return Ok(render(&ListPartial { shell: ctx.shell("asset.heading"), view: l.view, rows }, StatusCode::OK));
    }
    let unit_filter = match l.filter.unit_id {
        Some(u) => ctx.state.app.unit_name(actor, u).await?,
        None => None,
    };
    let model = &assets.classification().model;
    let levels =
        model.levels.iter().skip(1).map(|l| (l.value.to_string(), format!("≥ {} – {}", l.value, l.name.get(ctx.lang.code())))).collect();
    let page =
        ListPage { shell: ctx.shell("asset.heading"), view: l.view, rows, can_create: assets.can_create(actor), levels, unit_filter };
    Ok(render(&page, StatusCode::OK))
}

/// One bar of a picture: a label, a count and its share of the largest, for the CSS bar.
pub struct Bar {
    label: String,
    n: i64,
    pct: i64,
}

fn bars(items: Vec<(String, i64)>) -> Vec<Bar> {
    let max = items.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    items.into_iter().map(|(label, n)| Bar { label, n, pct: n * 100 / max }).collect()
}

/// An aspect's row of the levels picture: the aspect's name and one count per level.
pub struct AspectLevels {
    name: String,
    counts: Vec<i64>,
}

#[derive(Template)]
#[template(path = "assets/overview.html")]
struct OverviewPage {
    shell: Shell,
    o: std::sync::Arc<Overview>,
    level_names: Vec<String>,
    aspects: Vec<AspectLevels>,
    hosting: Vec<Bar>,
    plan: Vec<Bar>,
    total: i64,
    classified: i64,
    overdue: i64,
}

async fn overview(ctx: Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let assets = ctx.state.app.assets();
    let o = assets.overview(actor).await?;
    let lang = ctx.lang.code();
    let model = &assets.classification().model;
    let level_names = model.levels.iter().map(|l| format!("{} – {}", l.value, l.name.get(lang))).collect();
    let aspects = model
        .aspects
        .iter()
        .map(|a| AspectLevels {
            name: a.name.get(lang).to_owned(),
            counts: model
                .levels
                .iter()
                .map(|l| o.levels.iter().find(|c| c.aspect == a.code && c.level == i64::from(l.value)).map_or(0, |c| c.n))
                .collect(),
        })
        .collect();
    let tr = ctx.tr;
    let hosting = bars(
        o.hosting
            .iter()
            .map(|h| {
                let where_ = h
                    .hosting
                    .as_deref()
                    .map(|c| tr.t(&format!("asset.hosting.{c}")).to_owned())
                    .unwrap_or_else(|| tr.t("asset.hosting_none").to_owned());
                let third = if h.third_country { format!(" · {}", tr.t("asset.third_country_short")) } else { String::new() };
                (format!("{where_}{third}"), h.n)
            })
            .collect(),
    );
    let plan = bars(
        o.assessments
            .iter()
            .map(|a| {
                (
                    a.assessment
                        .as_deref()
                        .map(|c| tr.t(&format!("asset.assess.{c}")).to_owned())
                        .unwrap_or_else(|| tr.t("asset.assess_none").to_owned()),
                    a.n,
                )
            })
            .collect(),
    );
    let total = o.coverage.iter().map(|c| c.assets).sum();
    let classified = o.coverage.iter().map(|c| c.classified).sum();
    let overdue = o.coverage.iter().map(|c| c.overdue).sum();
    let page =
        OverviewPage { shell: ctx.shell("asset.overview_heading"), o, level_names, aspects, hosting, plan, total, classified, overdue };
    Ok(render(&page, StatusCode::OK))
}
