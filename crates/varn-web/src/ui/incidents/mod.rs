//! Incident pages: the register (nearest deadline first) here; the short report form and
//! its receipt in [`report`], an incident's page with its handling in [`page`], and the
//! text of a report to an authority in [`text`].

mod actions;
mod authorities;
mod contacts;
mod links;
mod overview;
mod page;
mod report;
mod text;
mod timeline;
mod triage;

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
use chrono::{DateTime, Utc};
use varn_app::incidents::{IncidentFilter, IncidentRow};
use varn_app::modules::Boxed;
use varn_app::{Actor, App, AppError, ListParams, Page};
use varn_domain::incident::{Category, Level, Severity, Status};
use varn_domain::Code;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/incidents", get(list).post(report::create))
        .merge(report::routes())
        .merge(page::routes())
        .merge(text::routes())
        .merge(triage::routes())
        .merge(links::routes())
        .merge(overview::routes())
        .merge(contacts::routes())
        .merge(actions::routes())
        .merge(authorities::routes())
}

/// What is left until `due` (or how long since), in words: "2 d 4 h kvar", "5 h försenad".
pub(crate) fn countdown(tr: Tr, due: DateTime<Utc>, now: DateTime<Utc>) -> (String, bool) {
    let late = due < now;
    let span = span(tr, if late { now - due } else { due - now }.num_minutes());
    (tr.tf(if late { "incident.overdue_by" } else { "incident.left" }, &[("span", &span)]), late)
}

/// A length of time in words: days and hours from a day up, else hours and minutes.
pub(crate) fn span(tr: Tr, minutes: i64) -> String {
    let (days, hours, mins) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    if days > 0 {
        tr.tfn("incident.span_dh", &[("d", days), ("h", hours)])
    } else {
        tr.tfn("incident.span_hm", &[("h", hours), ("m", mins)])
    }
}

/// A register row with its labels.
pub struct Row {
    r: IncidentRow,
    status: String,
    severity: String,
    level: Option<String>,
    due: Option<(String, bool)>,
}

#[derive(Template)]
#[template(path = "incidents/list.html")]
struct ListPage {
    shell: Shell,
    view: ListView,
    rows: Vec<Row>,
    reads_others: bool,
    /// Handles the whole city's incidents (keeps the contact lists).
    city_wide: bool,
    statuses: Vec<(&'static str, String)>,
    severities: Vec<(&'static str, String)>,
    levels: Vec<(&'static str, String)>,
}

#[derive(Template)]
#[template(path = "incidents/_rows.html")]
struct ListPartial {
    shell: Shell,
    view: ListView,
    rows: Vec<Row>,
}

/// The register's filters: the store's, and "my own reports" (which needs the actor).
#[derive(Clone)]
pub struct Filter {
    f: IncidentFilter,
    mine: bool,
}

struct Register;

fn code_filter<C: Code>(q: &ListQuery, key: &str) -> Result<Option<C>, AppError> {
    q.filter(key).map(|s| C::parse(s).map_err(|_| AppError::field(key, "err.choose"))).transpose()
}

impl ListSpec for Register {
    type Row = IncidentRow;
    type Filter = Filter;
    const BASE: &'static str = "/incidents";
    const EXPORT_NAME: &'static str = "incidenter";
    const SORTS: &'static [&'static str] = varn_app::incidents::SORTS;
    const COLUMNS: &'static [Column<IncidentRow>] = &[
        Column { header: "incident.col.id", cell: |_, r| r.id.to_string() },
        Column { header: "incident.field.title", cell: |_, r| r.title.clone() },
        Column { header: "incident.field.unit", cell: |_, r| r.unit_name.clone() },
        Column { header: "incident.field.status", cell: |tr, r| label(tr, r.status) },
        Column { header: "incident.field.severity", cell: |tr, r| r.severity.map(|s| label(tr, s)).unwrap_or_default() },
        Column { header: "incident.field.level", cell: |tr, r| label(tr, r.level) },
        Column { header: "incident.col.reported", cell: |tr, r| tr.datetime(&r.reported_at) },
        Column { header: "incident.col.next_due", cell: |tr, r| r.next_due.map(|d| tr.datetime(&d)).unwrap_or_default() },
    ];

    fn filter(q: &ListQuery) -> Result<Filter, AppError> {
        let open = match q.filter("state") {
            None => Some(true),
            Some("closed") => Some(false),
            Some("all") => None,
            Some(_) => return Err(AppError::field("state", "err.choose")),
        };
        let unit_id = q.filter("unit").map(|u| u.parse::<i64>().map_err(|_| AppError::field("unit", "err.choose"))).transpose()?;
        let f = IncidentFilter {
            open,
            unit_id,
            status: code_filter::<Status>(q, "status")?,
            severity: code_filter::<Severity>(q, "severity")?,
            level: code_filter::<Level>(q, "level")?,
            category: code_filter::<Category>(q, "category")?,
            due_before: match q.filter("due") {
                None => None,
                Some("passed") => Some(chrono::Utc::now()),
                Some(_) => return Err(AppError::field("due", "err.choose")),
            },
            ..Default::default()
        };
        Ok(Filter { f, mine: q.filter("mine") == Some("yes") })
    }

    fn fetch<'a>(app: &'a App, actor: &'a Actor, f: &'a Filter, p: ListParams) -> Boxed<'a, Result<Page<IncidentRow>, AppError>> {
        Box::pin(async move {
            let mut filter = f.f.clone();
            if f.mine {
                filter.mine_user_id = Some(actor.id.0);
            }
            app.incidents().list(actor, &filter, &p).await
        })
    }
}

fn rows(tr: Tr, items: Vec<IncidentRow>) -> Vec<Row> {
    let now = Utc::now();
    items
        .into_iter()
        .map(|r| Row {
            status: label(tr, r.status),
            severity: r.severity.map(|s| label(tr, s)).unwrap_or_default(),
            level: (r.level != Level::Incident).then(|| label(tr, r.level)),
            due: r.next_due.map(|d| countdown(tr, d, now)),
            r,
        })
        .collect()
}

async fn list(ctx: Ctx, Query(q): Query<ListQuery>) -> PageResult {
    let actor = ctx.actor()?;
    let l = match run::<Register>(&ctx, &q).await? {
        Ok(l) => l,
        Err(download) => return Ok(download),
    };
    let rows = rows(ctx.tr, l.rows);
    if ctx.htmx {
        return Ok(render(&ListPartial { shell: ctx.shell("incident.heading"), view: l.view, rows }, StatusCode::OK));
    }
    let page = ListPage {
        shell: ctx.shell("incident.heading"),
        view: l.view,
        rows,
        reads_others: ctx.state.app.incidents().reads_others(actor),
        city_wide: actor.scope(varn_domain::Permission::IncidentHandle).is_all(),
        statuses: options::<Status>(ctx.tr),
        severities: options::<Severity>(ctx.tr),
        levels: options::<Level>(ctx.tr),
    };
    Ok(render(&page, StatusCode::OK))
}
