//! Mina uppgifter.

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
use varn_app::tasks::TaskView;
use varn_store::repo::documents::{FollowUpRow, OverdueAction, PendingAck};

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
    tasks: Vec<TaskView>,
    include_done: bool,
    follow_ups: Vec<FollowUpRow>,
    late_actions: Vec<OverdueAction>,
    acks: Vec<PendingAck>,
}

#[derive(Deserialize, Default)]
struct TasksQ {
    #[serde(default)]
    all: Option<String>,
}

async fn home(ctx: Ctx) -> PageResult {
    ctx.actor()?;
    Ok(Redirect::to("/tasks").into_response())
}

async fn tasks_page(ctx: Ctx, Query(q): Query<TasksQ>) -> PageResult {
    let actor = ctx.actor()?;
    let include_done = q.all.is_some();
    let app = &ctx.state.app;
    let tasks = app.my_tasks(actor, include_done).await.map_err(|e| ctx.fail(e))?;
    let (follow_ups, late_actions) = app.doc_my_follow_up(actor).await.map_err(|e| ctx.fail(e))?;
    let acks = app.doc_pending_acks(actor).await.map_err(|e| ctx.fail(e))?;
    Ok(render(
        &TasksPage {
            shell: ctx.shell("tasks.heading"),
            user_name: actor.display_name.clone(),
            tasks,
            include_done,
            follow_ups,
            late_actions,
            acks,
        },
        StatusCode::OK,
    ))
}

async fn done(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    let actor = ctx.actor()?;
    ctx.state.app.task_set_done(actor, id, true).await.map_err(|e| ctx.fail(e))?;
    Ok(see_other("/tasks", "saved"))
}

async fn reopen(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    let actor = ctx.actor()?;
    ctx.state.app.task_set_done(actor, id, false).await.map_err(|e| ctx.fail(e))?;
    Ok(see_other("/tasks?all=1", "saved"))
}
