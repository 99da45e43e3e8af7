//! Värn's HTTP layer: askama pages with htmx (`ui`) and the JSON API with its OpenAPI
//! description (`api`). Handlers are thin: they parse, call one use case, and render.

pub mod api;
pub mod ctx;
mod files;
pub mod i18n;
pub mod json;
pub mod present;
pub mod respond;
pub mod security;
pub mod serve;
mod shell;
mod statics;
pub mod ui;

use axum::Router;
use std::sync::Arc;
use varn_app::App;

/// Settings of the web layer.
#[derive(Debug, Clone, Default)]
pub struct WebConfig {
    /// Mark cookies `Secure` (set when Värn is served over TLS, directly or behind a proxy).
    pub secure_cookies: bool,
    /// The header a trusted reverse proxy puts the client's address in (e.g.
    /// `x-forwarded-for`; its last address is taken). None: the peer's address.
    pub client_ip_header: Option<String>,
    /// Time and size limits on requests.
    pub limits: serve::Limits,
}

/// What every handler gets: one shared [`StateParts`]. Every request clones the state
/// several times (each middleware with state, each extractor), so a clone is one reference
/// count, not one per field and per cache (a profile of a page showed the clones and drops of
/// the caches' parts at about 3 % of the server's CPU).
#[derive(Clone)]
pub struct AppState(Arc<StateParts>);

impl std::ops::Deref for AppState {
    type Target = StateParts;
    fn deref(&self) -> &StateParts {
        &self.0
    }
}

/// What an [`AppState`] holds.
pub struct StateParts {
    /// The use cases.
    pub app: App,
    /// Web settings.
    pub web: Arc<WebConfig>,
    /// Exports hold every matching row as text: one at a time keeps memory bounded under load.
    pub exports: Arc<tokio::sync::Semaphore>,
    /// How many chunks of exports are read at once, each on a blocking thread (one per core,
    /// at most half the pool's connections: the rest stay for pages).
    pub export_chunks: Arc<tokio::sync::Semaphore>,
    /// Rendered parts of pages that are the same for everyone with one scope and language,
    /// until this server commits a write (and at most 10 s, for other servers' writes).
    pub fragments: Fragments,
    /// Documents rendered as PDF, per version, language and conformance, until this server
    /// commits a write (and at most 10 s): a PDF costs milliseconds of layout and font
    /// subsetting, and a policy just adopted is fetched by everyone asked to confirm it. Who
    /// may read the version is still decided at every request.
    pub pdfs: Pdfs,
}

/// See [`AppState::pdfs`]: (version, language, PDF/A, writes committed) to the file and its name.
pub type Pdfs = moka::sync::Cache<(i64, &'static str, bool, u64), Arc<(axum::body::Bytes, String)>>;

/// See [`AppState::fragments`]: (what, scope, language, writes committed) to HTML.
pub type Fragments = moka::sync::Cache<(&'static str, String, &'static str, u64), Arc<str>>;

/// The whole application as one router.
pub fn router(app: App, web: WebConfig) -> Router {
    let fragments = moka::sync::Cache::builder().max_capacity(500).time_to_live(std::time::Duration::from_secs(10)).build();
    let pdfs = moka::sync::Cache::builder().max_capacity(64).time_to_live(std::time::Duration::from_secs(10)).build();
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
    let chunks = cores.min(app.store_connections() as usize / 2).max(1);
    let state = AppState(Arc::new(StateParts {
        app,
        web: Arc::new(web),
        exports: Arc::new(tokio::sync::Semaphore::new(1)),
        export_chunks: Arc::new(tokio::sync::Semaphore::new(chunks)),
        fragments,
        pdfs,
    }));
    let max_body = state.app.config.max_attachment_bytes + 64 * 1024;
    Router::new()
        .merge(ui::routes().layer(axum::middleware::from_fn_with_state(state.clone(), ctx::page_failures)))
        .merge(api::routes())
        .merge(statics::routes())
        .route("/healthz", axum::routing::get(|| async { "ok" }))
        .route("/readyz", axum::routing::get(readyz))
        .fallback(ui::not_found)
        // The layers every request passes, as one stack (outermost first): `Router::layer`
        // wraps each route in them one at a time, and axum clones a route's whole stack for
        // every request, so one stack is one box to clone instead of ten.
        .layer(
            tower::ServiceBuilder::new()
                .layer(tower_http::request_id::SetRequestIdLayer::x_request_id(tower_http::request_id::MakeRequestUuid))
                .layer(
                    tower_http::trace::TraceLayer::new_for_http()
                        .make_span_with(security::span as fn(&axum::extract::Request) -> tracing::Span),
                )
                .layer(tower_http::request_id::PropagateRequestIdLayer::x_request_id())
                .layer(axum::middleware::from_fn_with_state(state.clone(), security::headers))
                .layer(axum::middleware::from_fn(respond::api_json_errors))
                .layer(tower_http::timeout::RequestBodyTimeoutLayer::new(state.web.limits.body_read))
                .layer(tower_http::map_request_body::MapRequestBodyLayer::new(axum::body::Body::new))
                .layer(axum::extract::DefaultBodyLimit::max(max_body))
                .layer(axum::middleware::from_fn_with_state(state.web.limits.small_body, serve::body_limit))
                .layer(axum::middleware::from_fn_with_state(state.clone(), security::authenticate))
                .layer(axum::middleware::from_fn_with_state(state.clone(), security::csrf)),
        )
        .with_state(state)
}

/// Readiness for a load balancer or an operator: 200 when the database answers a read and
/// takes a write, else 503 naming the part that fails (the error itself goes to the log).
async fn readyz(axum::extract::State(st): axum::extract::State<AppState>) -> axum::response::Response {
    use axum::response::IntoResponse;
    let r = st.app.readiness().await;
    let word = |ok: bool| if ok { "ok" } else { "failing" };
    let body = serde_json::json!({
        "status": if r.ready() { "ready" } else { "not_ready" },
        "database_read": word(r.read),
        "database_write": word(r.write),
    });
    let status = if r.ready() { axum::http::StatusCode::OK } else { axum::http::StatusCode::SERVICE_UNAVAILABLE };
    (status, axum::Json(body)).into_response()
}
