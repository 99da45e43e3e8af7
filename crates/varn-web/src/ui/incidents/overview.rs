//! The pictures of the incidents in the reader's scope: per month by category and by
//! severity (tables with bars, no script), the time to contain and to close, and the
//! reporting deadlines met and missed per unit.

use crate::ctx::{Ctx, PageResult};
use crate::shell::{render, Shell};
use crate::AppState;
use askama::Template;
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use std::collections::BTreeSet;
use varn_app::incidents::IncidentOverview;
use varn_domain::incident::{Category, Severity};
use varn_domain::Code;
use varn_store::repo::incidents::MonthCount;

pub fn routes() -> Router<AppState> {
    Router::new().route("/incidents/overview", get(page))
}

/// A table of months (rows) by codes (columns), with each month's total.
pub struct Grid {
    heads: Vec<String>,
    rows: Vec<(String, Vec<i64>, i64)>,
    max: i64,
}

fn grid(ctx: &Ctx, counts: &[MonthCount], codes: &[(&str, String)]) -> Grid {
    let months: BTreeSet<&str> = counts.iter().map(|c| c.month.as_str()).collect();
    let mut heads: Vec<String> = codes.iter().map(|(_, l)| l.clone()).collect();
    heads.push(ctx.tr.t("incident.not_triaged").to_owned());
    let rows: Vec<(String, Vec<i64>, i64)> = months
        .into_iter()
        .map(|m| {
            let n = |code: Option<&str>| counts.iter().filter(|c| c.month == m && c.code.as_deref() == code).map(|c| c.n).sum::<i64>();
            let mut cells: Vec<i64> = codes.iter().map(|(c, _)| n(Some(c))).collect();
            cells.push(n(None));
            let total = cells.iter().sum();
            (m.to_owned(), cells, total)
        })
        .collect();
    let max = rows.iter().map(|r| r.2).max().unwrap_or(0).max(1);
    Grid { heads, rows, max }
}

#[derive(Template)]
#[template(path = "incidents/overview.html")]
struct OverviewPage {
    shell: Shell,
    o: IncidentOverview,
    categories: Grid,
    severities: Grid,
    contain: String,
    close: String,
}

async fn page(ctx: Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let o = ctx.state.app.incidents().overview(actor).await?;
    let codes = |all: Vec<(&'static str, String)>| all;
    let categories =
        grid(&ctx, &o.by_category, &codes(Category::ALL.iter().map(|c| (c.as_str(), ctx.tr.t(&c.key()).to_owned())).collect()));
    let severities =
        grid(&ctx, &o.by_severity, &codes(Severity::ALL.iter().map(|c| (c.as_str(), ctx.tr.t(&c.key()).to_owned())).collect()));
    let h = |x: Option<f64>| match x {
        Some(v) => ctx.tr.tf("incident.hours", &[("n", &ctx.tr.decimal(v, 1))]),
        None => ctx.tr.t("incident.none").to_owned(),
    };
    let page = OverviewPage {
        shell: ctx.shell("incident.overview_heading"),
        contain: h(o.durations.contain_hours),
        close: h(o.durations.close_hours),
        categories,
        severities,
        o,
    };
    Ok(render(&page, StatusCode::OK))
}
