//! Riskhantering pages: the risk register with its heat maps, and the list of analyses here;
//! an analysis's and a risk's pages in [`page`], their forms in [`form`].

mod form;
mod page;

use super::list::{run, Column, ListQuery, ListSpec, ListView};
use crate::ctx::{Ctx, PageResult};
use crate::i18n::Tr;
use crate::present::{label, options};
use crate::shell::{render, Shell};
use crate::AppState;
use askama::Template;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use varn_app::modules::Boxed;
use varn_app::risks::{AnalysisRow, HeatMap, RiskFilter, RiskRow};
use varn_app::{Actor, App, AppError, ListParams, Page};
use varn_domain::risk::{RiskStatus, Treatment};
use varn_domain::Code;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/risks", get(list).post(form::create_risk))
        .route("/risks/analyses", get(analyses).post(form::create_analysis))
        .merge(form::routes())
        .merge(page::routes())
}

/// A level by score, in the reader's language, with its style class (`risk-hog`).
pub(crate) fn level(ctx: &Ctx, score: i64) -> (String, String) {
    match ctx.state.app.risks().rules().matrix.level(score) {
        Some(l) => (l.name.get(ctx.lang.code()).to_owned(), l.code.clone()),
        None => (score.to_string(), String::new()),
    }
}

/// One cell of a heat map as shown.
pub struct CellView {
    n: i64,
    class: String,
    level: String,
    href: String,
    /// "Sannolik × Allvarlig".
    name: String,
}

/// A heat map as a grid: the most likely row first, consequence rising to the right.
pub struct HeatGrid {
    id: &'static str,
    caption: String,
    cols: Vec<String>,
    rows: Vec<(String, Vec<CellView>)>,
    total: i64,
}

/// The grid of a heat map; each cell links to its risks (`base` with `cell=`).
pub(crate) fn grid(ctx: &Ctx, h: &HeatMap, base: &str) -> HeatGrid {
    let m = &ctx.state.app.risks().rules().matrix;
    let lang = ctx.lang.code();
    let which = if h.residual { "r" } else { "i" };
    let sep = if base.contains('?') { '&' } else { '?' };
    let rows = (1..=m.likelihood.len() as i64)
        .rev()
        .map(|l| {
            let lname = m.likelihood.get((l - 1) as usize).map(|s| s.name.get(lang).to_owned()).unwrap_or_default();
            let cells = (1..=m.consequence.len() as i64)
                .map(|c| {
                    let (level, class) = level(ctx, l * c);
                    let cname = m.consequence.get((c - 1) as usize).map(|s| s.name.get(lang)).unwrap_or_default();
                    CellView {
                        n: h.n(l, c),
                        class,
                        level,
                        href: format!("{base}{sep}cell={which}-{l}-{c}"),
                        name: format!("{lname} × {cname}"),
                    }
                })
                .collect();
            (lname, cells)
        })
        .collect();
    HeatGrid {
        id: if h.residual { "heat-residual" } else { "heat-inherent" },
        caption: ctx.tr.t(if h.residual { "risk.heat_residual" } else { "risk.heat_inherent" }).to_owned(),
        cols: m.consequence.iter().map(|s| s.name.get(lang).to_owned()).collect(),
        rows,
        total: h.total,
    }
}

/// Both heat maps of the register.
#[derive(Template)]
#[template(path = "risks/_heat_maps.html")]
struct HeatMaps {
    tr: Tr,
    heat: [HeatGrid; 2],
}

/// Both heat maps of the register as HTML, kept by everything they are written from: the
/// language, the page they link to (`base`) and each cell's count (the matrix is the
/// server's own). A nämnd's register wrote its fifty cells anew at every request, a tenth of
/// its instructions; the maps' counts are themselves kept until this server's next write.
fn heat_maps(ctx: &Ctx, maps: [&HeatMap; 2], base: &str) -> Result<std::sync::Arc<str>, AppError> {
    let mut key = String::with_capacity(base.len() + 8 * 64);
    key.push_str(base);
    for h in maps {
        key.push_str(if h.residual { "|r" } else { "|i" });
        for n in std::iter::once(h.total).chain(h.cells.iter().map(|c| c.n)) {
            key.push(',');
            key.push_str(itoa::Buffer::new().format(n));
        }
    }
    // Nothing in the HTML can change without its key: it is kept across writes (0).
    let key = ("risk_heat", key, ctx.lang.code(), 0);
    ctx.state
        .fragments
        .try_get_with(key, || {
            let page = HeatMaps { tr: ctx.tr, heat: maps.map(|h| grid(ctx, h, base)) };
            page.render().map(std::sync::Arc::from)
        })
        .map_err(|e| AppError::Internal(e.to_string()))
}

/// A register row with its labels.
pub struct Row {
    r: RiskRow,
    level: String,
    class: String,
    status: String,
    treatment: String,
    overdue: bool,
}

pub(crate) fn rows(ctx: &Ctx, items: Vec<RiskRow>) -> Vec<Row> {
    let today = varn_domain::task::today();
    items
        .into_iter()
        .map(|r| {
            let (level, class) = level(ctx, r.residual_score);
            Row {
                level,
                class,
                status: label(ctx.tr, r.status),
                treatment: r.treatment.map(|t| label(ctx.tr, t)).unwrap_or_default(),
                overdue: r.review_on.is_some_and(|d| d < today) && r.status.is_open(),
                r,
            }
        })
        .collect()
}

/// The register's filters with the unit chosen.
#[derive(Clone)]
pub struct RegisterFilter {
    unit: Option<i64>,
    f: RiskFilter,
}

/// The register as a list.
struct Register;

fn yes(tr: Tr, s: &str) -> String {
    tr.t(s).to_owned()
}

impl ListSpec for Register {
    type Row = RiskRow;
    type Filter = RegisterFilter;
    const BASE: &'static str = "/risks";
    const EXPORT_NAME: &'static str = "risker";
    const SORTS: &'static [&'static str] = varn_app::risks::SORTS;
    const COLUMNS: &'static [Column<RiskRow>] = &[
        Column { header: "risk.col.id", cell: |_, r| r.id.to_string() },
        Column { header: "risk.field.title", cell: |_, r| r.title.clone() },
        Column { header: "risk.field.unit", cell: |_, r| r.unit_name.clone() },
        Column { header: "risk.field.analysis", cell: |_, r| r.analysis_title.clone() },
        Column { header: "risk.field.threat", cell: |_, r| r.threat.clone() },
        Column { header: "risk.field.likelihood", cell: |_, r| r.likelihood.to_string() },
        Column { header: "risk.field.consequence", cell: |_, r| r.consequence.to_string() },
        Column { header: "risk.col.residual_score", cell: |_, r| r.residual_score.to_string() },
        Column { header: "risk.field.treatment", cell: |tr, r| r.treatment.map(|t| yes(tr, &t.key())).unwrap_or_default() },
        Column { header: "risk.field.status", cell: |tr, r| yes(tr, &r.status.key()) },
        Column { header: "risk.field.owner", cell: |_, r| r.owner_name.clone().unwrap_or_default() },
        Column { header: "risk.field.review_on", cell: |_, r| r.review_on.map(|d| d.to_string()).unwrap_or_default() },
    ];

    fn filter(q: &ListQuery) -> Result<RegisterFilter, AppError> {
        let num = |k: &str| q.filter(k).map(|u| u.parse::<i64>().map_err(|_| AppError::field(k, "err.choose"))).transpose();
        let code = |k: &str| q.filter(k);
        let status = code("status").map(|s| RiskStatus::parse(s).map_err(|_| AppError::field("status", "err.choose"))).transpose()?;
        let treatment =
            code("treatment").map(|s| Treatment::parse(s).map_err(|_| AppError::field("treatment", "err.choose"))).transpose()?;
        let review_before = match q.filter("review") {
            None => None,
            Some("overdue") => Some(varn_domain::task::today()),
            Some(_) => return Err(AppError::field("review", "err.choose")),
        };
        let cell = match q.filter("cell") {
            None => None,
            Some(c) => {
                let parts: Vec<&str> = c.split('-').collect();
                match parts.as_slice() {
                    [w @ ("r" | "i"), l, c] => match (l.parse::<i64>(), c.parse::<i64>()) {
                        (Ok(l), Ok(c)) => Some((*w == "r", l, c)),
                        _ => return Err(AppError::field("cell", "err.choose")),
                    },
                    _ => return Err(AppError::field("cell", "err.choose")),
                }
            }
        };
        // "open" (the default) leaves out closed risks; "all" shows them.
        let open = match q.filter("show") {
            None | Some("open") => true,
            Some("all") => false,
            Some(_) => return Err(AppError::field("show", "err.choose")),
        };
        Ok(RegisterFilter {
            unit: num("unit")?,
            f: RiskFilter {
                status,
                open,
                min_score: num("min")?,
                treatment,
                review_before,
                analysis_id: num("analysis")?,
                asset_id: num("asset")?,
                cell,
                ..Default::default()
            },
        })
    }

    fn fetch<'a>(app: &'a App, actor: &'a Actor, f: &'a RegisterFilter, p: ListParams) -> Boxed<'a, Result<Page<RiskRow>, AppError>> {
        Box::pin(async move { app.risks().list(actor, f.unit, &f.f, &p).await })
    }
}

#[derive(Template)]
#[template(path = "risks/list.html")]
struct ListPage {
    shell: Shell,
    view: ListView,
    rows: Vec<Row>,
    can_create: bool,
    /// Both heat maps as HTML ([`heat_maps`]).
    heat: std::sync::Arc<str>,
    unit_filter: Option<String>,
    statuses: Vec<(&'static str, String)>,
    treatments: Vec<(&'static str, String)>,
    levels: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "risks/_rows.html")]
struct ListPartial {
    shell: Shell,
    view: ListView,
    rows: Vec<Row>,
}

async fn list(ctx: Ctx, Query(q): Query<ListQuery>) -> PageResult {
    let actor = ctx.actor()?;
    let risks = ctx.state.app.risks();
    if !risks.can_use(actor) {
        return Err(AppError::Forbidden.into());
    }
    if ctx.htmx || q.export().is_some() {
        let l = match run::<Register>(&ctx, &q).await? {
            Ok(l) => l,
            Err(download) => return Ok(download),
        };
        let rows = rows(&ctx, l.rows);
        return Ok(render(&ListPartial { shell: ctx.shell("risk.heading"), view: l.view, rows }, StatusCode::OK));
    }
    // The whole page: the unit, then the rows and both heat maps in one batch.
    varn_app::check_sort(q.sort.as_deref(), Register::SORTS)?;
    varn_app::check_page(q.params().page)?;
    let filter = Register::filter(&q)?;
    let reg = risks.register(actor, filter.unit, &filter.f, &q.params()).await?;
    let view = ListView::for_page(Register::BASE, &q, &reg.page);
    let base = match filter.unit {
        Some(u) => format!("/risks?unit={u}"),
        None => "/risks".to_owned(),
    };
    let heat = heat_maps(&ctx, [&reg.inherent, &reg.residual], &base)?;
    let lang = ctx.lang.code();
    let levels = risks.rules().matrix.levels.iter().skip(1).map(|l| (l.from.to_string(), format!("≥ {}", l.name.get(lang)))).collect();
    let page = ListPage {
        shell: ctx.shell("risk.heading"),
        view,
        rows: rows(&ctx, reg.page.items),
        can_create: risks.can_create(actor),
        heat,
        unit_filter: reg.unit_name,
        statuses: options::<RiskStatus>(ctx.tr),
        treatments: options::<Treatment>(ctx.tr),
        levels,
    };
    Ok(render(&page, StatusCode::OK))
}

/// The analyses as a list.
struct Analyses;

impl ListSpec for Analyses {
    type Row = AnalysisRow;
    type Filter = Option<i64>;
    const BASE: &'static str = "/risks/analyses";
    const EXPORT_NAME: &'static str = "riskanalyser";
    const SORTS: &'static [&'static str] = varn_app::risks::ANALYSIS_SORTS;
    const COLUMNS: &'static [Column<AnalysisRow>] = &[
        Column { header: "risk.col.id", cell: |_, r| r.id.to_string() },
        Column { header: "risk.analysis.field.title", cell: |_, r| r.title.clone() },
        Column { header: "risk.field.unit", cell: |_, r| r.unit_name.clone() },
        Column { header: "risk.analysis.field.scope_kind", cell: |tr, r| yes(tr, &r.scope_kind.key()) },
        Column { header: "risk.analysis.field.analysed_on", cell: |_, r| r.analysed_on.to_string() },
        Column { header: "risk.analysis.col.open_risks", cell: |_, r| r.open_risks.to_string() },
    ];

    fn filter(q: &ListQuery) -> Result<Option<i64>, AppError> {
        q.filter("unit").map(|u| u.parse::<i64>().map_err(|_| AppError::field("unit", "err.choose"))).transpose()
    }

    fn fetch<'a>(app: &'a App, actor: &'a Actor, f: &'a Option<i64>, p: ListParams) -> Boxed<'a, Result<Page<AnalysisRow>, AppError>> {
        Box::pin(async move { app.risks().analyses(actor, *f, &p).await })
    }
}

/// An analysis row with its labels.
pub struct AnalysisLine {
    a: AnalysisRow,
    scope: String,
    level: String,
    class: String,
}

#[derive(Template)]
#[template(path = "risks/analyses.html")]
struct AnalysesPage {
    shell: Shell,
    view: ListView,
    rows: Vec<AnalysisLine>,
    can_create: bool,
}

#[derive(Template)]
#[template(path = "risks/_analysis_rows.html")]
struct AnalysesPartial {
    shell: Shell,
    view: ListView,
    rows: Vec<AnalysisLine>,
}

async fn analyses(ctx: Ctx, Query(q): Query<ListQuery>) -> PageResult {
    let actor = ctx.actor()?;
    let risks = ctx.state.app.risks();
    if !risks.can_use(actor) {
        return Err(AppError::Forbidden.into());
    }
    let l = match run::<Analyses>(&ctx, &q).await? {
        Ok(l) => l,
        Err(download) => return Ok(download),
    };
    let rows = l
        .rows
        .into_iter()
        .map(|a| {
            let (level, class) = a.highest.map(|s| level(&ctx, s)).unwrap_or_default();
            AnalysisLine { scope: label(ctx.tr, a.scope_kind), level, class, a }
        })
        .collect();
    if ctx.htmx {
        return Ok(render(&AnalysesPartial { shell: ctx.shell("risk.analyses_heading"), view: l.view, rows }, StatusCode::OK));
    }
    let page = AnalysesPage { shell: ctx.shell("risk.analyses_heading"), view: l.view, rows, can_create: risks.can_create(actor) };
    Ok(render(&page, StatusCode::OK))
}
