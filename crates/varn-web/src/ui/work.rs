//! Styrning och uppföljning: the follow-up of all open and overdue work in the reader's scope,
//! per unit and kind, with the tasks behind the counts (two clicks from the top to a unit's
//! overdue task).

use crate::ctx::{Ctx, PageResult};
use crate::shell::{render, Shell};
use crate::AppState;
use askama::Template;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use varn_app::work::{KindCount, WorkFilter, WorkOverview, WorkRow, WorkTask};

pub fn routes() -> Router<AppState> {
    Router::new().route("/governance", get(page))
}

#[derive(Template)]
#[template(path = "work.html")]
struct WorkPage {
    shell: Shell,
    w: std::sync::Arc<WorkOverview>,
    shown: usize,
    /// Each kind on the page with its words, looked up once (a kind is named in every cell of
    /// its column and in every task of it).
    labels: Vec<(String, String)>,
}

impl WorkPage {
    fn new(shell: Shell, w: std::sync::Arc<WorkOverview>) -> WorkPage {
        let mut labels: Vec<(String, String)> = Vec::new();
        for k in w.kinds.iter().chain(w.tasks.iter().map(|t| &t.kind)) {
            if !labels.iter().any(|(x, _)| x == k) {
                labels.push((k.clone(), shell.tr.t(&format!("work.kind.{k}")).to_owned()));
            }
        }
        WorkPage { shown: w.tasks.len(), shell, w, labels }
    }

    fn kind_label(&self, k: &str) -> &str {
        self.labels.iter().find(|(x, _)| x == k).map_or("", |(_, l)| l.as_str())
    }

    /// "3 av 12" in words a screen reader says well.
    fn of(&self, k: &KindCount) -> String {
        self.shell.tr.tfn("work.of", &[("overdue", k.overdue), ("open", k.open)])
    }

    fn row_name(&self, r: &WorkRow) -> String {
        match (r.unit_id, r.own) {
            (None, _) => self.shell.tr.t("work.no_unit").to_owned(),
            (Some(_), true) => self.shell.tr.tf("work.own", &[("unit", &r.name)]),
            _ => r.name.clone(),
        }
    }

    fn late(&self, t: &WorkTask) -> Option<String> {
        let n = varn_domain::task::days_left(t.due_date, self.w.today)?;
        (n < 0).then(|| self.shell.tr.tfn("tasks.overdue_days", &[("n", -n)]))
    }

    /// Where the kind filtered to lists its items when they are not tasks (a module's own
    /// list, at the unit looked at), with the link's words.
    fn kind_link(&self) -> Option<(String, String)> {
        let k = self.w.kind.as_deref()?;
        let link = varn_app::modules::follow_up_link(k, self.here())?;
        Some((link, self.shell.tr.t(&format!("work.link.{k}")).to_owned()))
    }

    fn here(&self) -> Option<i64> {
        self.w.unit.as_ref().map(|u| u.id)
    }

    fn heading_tasks(&self) -> String {
        let key = if self.w.all_open { "work.open_in" } else { "work.overdue_in" };
        match &self.w.unit {
            Some(u) => self.shell.tr.tf(key, &[("unit", &u.name)]),
            None => self.shell.tr.t(if self.w.all_open { "work.open_all" } else { "work.overdue_all" }).to_owned(),
        }
    }
}

#[derive(Deserialize, Default)]
struct WorkQ {
    unit: Option<i64>,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    all_open: Option<String>,
}

async fn page(ctx: Ctx, Query(q): Query<WorkQ>) -> PageResult {
    let actor = ctx.actor()?;
    let f = WorkFilter { unit: q.unit, kind: q.kind, all_open: q.all_open.is_some_and(|v| !v.is_empty()) };
    let w = ctx.state.app.work_overview(actor, &f).await?;
    Ok(render(&WorkPage::new(ctx.shell("nav.governance"), w), StatusCode::OK))
}
