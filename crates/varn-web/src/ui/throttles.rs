//! Sign-in throttles for the system administrator: who is being slowed down, from where,
//! and a way to lift a throttle (e.g. a whole office behind one address after a typo storm).

use crate::ctx::{see_other, Ctx, PageResult};
use crate::shell::{render, Shell};
use crate::AppState;
use askama::Template;
use axum::extract::Form;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use varn_store::entity::sign_in_throttle::Model as Throttle;

pub fn routes() -> Router<AppState> {
    Router::new().route("/users/throttles", get(page)).route("/users/throttles/lift", post(lift))
}

#[derive(Template)]
#[template(path = "throttles.html")]
struct ThrottlesPage {
    shell: Shell,
    rows: Vec<Throttle>,
    total: u64,
    now: chrono::DateTime<chrono::Utc>,
}

async fn page(ctx: Ctx) -> PageResult {
    let (rows, total) = ctx.state.app.throttles(ctx.actor()?).await?;
    Ok(render(&ThrottlesPage { shell: ctx.shell("throttles.heading"), rows, total, now: chrono::Utc::now() }, StatusCode::OK))
}

#[derive(Deserialize)]
struct LiftForm {
    #[serde(default)]
    source: String,
    #[serde(default)]
    account: String,
}

async fn lift(ctx: Ctx, Form(f): Form<LiftForm>) -> PageResult {
    ctx.state.app.lift_throttle(ctx.actor()?, &f.source, &f.account).await?;
    Ok(see_other("/users/throttles", "throttle_lifted"))
}
