//! Mina uppgifter: the tasks assigned to the user or their units, then what each module asks
//! of them (documents to confirm, documents to follow up, ...).

use crate::ctx::{see_other, Ctx, PageResult};
use crate::shell::{render, Shell};
use crate::AppState;
use askama::Template;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::response::Redirect;
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use varn_app::modules::{Note, WorkSection};
use varn_app::tasks::TaskView;
use varn_app::Page;
use varn_domain::task::TaskStatus;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/tasks", get(tasks_page))
        .route("/tasks/{id}/done", post(done))
        .route("/tasks/{id}/reopen", post(reopen))
}

#[derive(Template)]
#[template(path = "tasks.html")]
struct TasksPage {
    shell: Shell,
    user_name: String,
    tasks: Page<TaskView>,
    include_done: bool,
    sections: Vec<WorkSection>,
    /// The lead text's key: it depends on the role.
    lead: &'static str,
    /// Overdue work in the reader's follow-up (none: they follow up nothing).
    overdue: Option<i64>,
}

/// The lead of the start page for the reader's most telling role.
fn lead_for(actor: &varn_app::Actor) -> &'static str {
    use varn_domain::Role::*;
    for (r, key) in [
        (Samordnare, "tasks.lead_samordnare"),
        (Revisor, "tasks.lead_revisor"),
        (Verksamhetsansvarig, "tasks.lead_head"),
        (Informationsagare, "tasks.lead_owner"),
        (Registrator, "tasks.lead_registrator"),
        (SystemAdmin, "tasks.lead_admin"),
    ] {
        if actor.has_role(r) {
            return key;
        }
    }
    "tasks.lead_employee"
}

impl TasksPage {
    /// Whether there is anything at all for the reader to do.
    fn nothing_to_do(&self) -> bool {
        self.tasks.items.is_empty() && self.sections.is_empty()
    }

    /// The address of page `n` of the task list, keeping "show done".
    fn page_href(&self, n: u64) -> String {
        match (self.include_done, n) {
            (false, 1) => "/tasks#tasks-h".to_owned(),
            (false, n) => format!("/tasks?page={n}#tasks-h"),
            (true, 1) => "/tasks?all=1#tasks-h".to_owned(),
            (true, n) => format!("/tasks?all=1&page={n}#tasks-h"),
        }
    }

    fn note(&self, n: &Note) -> String {
        let args: Vec<(&str, &str)> = n.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let text = self.shell.tr.tf(n.key, &args);
        match n.date {
            Some(d) => format!("{text} ({})", self.shell.tr.date(&d)),
            None => text,
        }
    }
}

#[derive(Deserialize, Default)]
struct TasksQ {
    #[serde(default)]
    all: Option<String>,
    /// The page of the task list; anything but a number is the first.
    #[serde(default)]
    page: Option<String>,
}

/// Tasks a page of Mina uppgifter lists (the nearest due first; the rest on further pages).
const TASKS_PER_PAGE: u64 = 50;

async fn home(ctx: Ctx) -> PageResult {
    ctx.actor()?;
    Ok(Redirect::to("/tasks").into_response())
}

async fn tasks_page(ctx: Ctx, Query(q): Query<TasksQ>) -> PageResult {
    let actor = ctx.actor()?;
    let include_done = q.all.is_some();
    let app = &ctx.state.app;
    let page_no = q.page.as_deref().and_then(|p| p.trim().parse::<u64>().ok()).unwrap_or(1);
    let varn_app::tasks::MyTasks { tasks, sections } = app.my_tasks(actor, include_done, page_no, TASKS_PER_PAGE).await?;
    let overdue = app.overdue_in_scope(actor).await?;
    let page = TasksPage {
        shell: ctx.shell("tasks.heading"),
        user_name: actor.display_name.clone(),
        tasks,
        include_done,
        sections,
        lead: lead_for(actor),
        overdue,
    };
    Ok(render(&page, StatusCode::OK))
}

async fn done(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    let actor = ctx.actor()?;
    ctx.state.app.task_set_done(actor, id, true).await?;
    Ok(see_other("/tasks", "task_done"))
}

async fn reopen(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    let actor = ctx.actor()?;
    ctx.state.app.task_set_done(actor, id, false).await?;
    Ok(see_other("/tasks?all=1", "task_reopened"))
}
