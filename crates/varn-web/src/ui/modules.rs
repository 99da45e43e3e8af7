//! The places in the navigation for the modules of DOMAIN.md not built yet: each says what
//! it will hold, honestly, instead of pretending.

use crate::ctx::{Ctx, PageResult};
use crate::shell::{render, Shell};
use crate::AppState;
use askama::Template;
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;

#[derive(Template)]
#[template(path = "module.html")]
struct ModulePage {
    shell: Shell,
    about: String,
}

async fn page(ctx: Ctx, key: &str) -> PageResult {
    ctx.actor()?;
    let about = ctx.tr.t(&format!("module.{key}.about")).to_owned();
    Ok(render(&ModulePage { shell: ctx.shell(&format!("nav.{key}")), about }, StatusCode::OK))
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/controls", get(|c: Ctx| async move { page(c, "controls").await }))
        .route("/suppliers", get(|c: Ctx| async move { page(c, "suppliers").await }))
        .route("/training", get(|c: Ctx| async move { page(c, "training").await }))
}
