//! Static files, compiled into the binary so it runs from any folder. htmx is vendored,
//! pinned (2.0.11) and served from here: no file comes from outside the server.

use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

const CSS: &str = include_str!("../static/varn.css");
const JS: &str = include_str!("../static/varn.js");
const HTMX: &str = include_str!("../static/htmx-2.0.11.min.js");
const HTMX_LICENSE: &str = include_str!("../static/htmx-LICENSE.txt");
const FAVICON: &str = include_str!("../static/favicon.svg");

fn serve(body: &'static str, ct: &'static str) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, ct), (header::CACHE_CONTROL, "public, max-age=3600")], body)
}

/// Routes of the static files.
pub fn routes() -> Router<crate::AppState> {
    Router::new()
        .route("/static/varn.css", get(|| async { serve(CSS, "text/css; charset=utf-8") }))
        .route("/static/varn.js", get(|| async { serve(JS, "text/javascript; charset=utf-8") }))
        .route("/static/htmx-2.0.11.min.js", get(|| async { serve(HTMX, "text/javascript; charset=utf-8") }))
        .route("/static/htmx-LICENSE.txt", get(|| async { serve(HTMX_LICENSE, "text/plain; charset=utf-8") }))
        .route("/static/favicon.svg", get(|| async { serve(FAVICON, "image/svg+xml") }))
        // The risk matrix's level colours, from the city's matrix file (checked at start: codes
        // plain, colours #rrggbb), as classes for the heat map's cells and the level badges.
        .route("/static/risk-levels.css", get(risk_levels))
        // Browsers ask for it whatever the page says: the same shield, not a 404 in the log.
        .route("/favicon.ico", get(|| async { serve(FAVICON, "image/svg+xml") }))
}

async fn risk_levels(axum::extract::State(s): axum::extract::State<crate::AppState>) -> impl IntoResponse {
    let m = &s.app.risks().rules().matrix;
    let css: String = m
        .levels
        .iter()
        .map(|l| {
            format!(
                ".heat-{c}, .badge.risk-{c} {{ background: {bg}; color: {fg}; }}\n",
                c = l.code,
                bg = l.colour,
                fg = varn_domain::risk::matrix::CELL_TEXT
            )
        })
        .collect();
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")], css)
}
