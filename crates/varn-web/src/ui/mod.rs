//! The HTML pages. Each handler parses, calls one use case, and renders a template; an
//! htmx request gets the partial, anything else the whole page.

mod account;
pub(crate) mod assets;
mod audit;
mod audit_words;
mod auth;
pub(crate) mod documents;
pub(crate) mod incidents;
pub mod list;
mod modules;
mod org;
mod org_unit;
mod people;
pub(crate) mod risks;
mod tasks;
mod throttles;
pub(crate) mod tree;
mod users;
mod work;

use crate::ctx::Ctx;
use crate::AppState;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Router;

/// All page routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(auth::routes())
        .merge(tasks::routes())
        .merge(modules::routes())
        .merge(documents::routes())
        .merge(assets::routes())
        .merge(risks::routes())
        .merge(incidents::routes())
        .merge(org::routes())
        .merge(users::routes())
        .merge(throttles::routes())
        .merge(account::routes())
        .merge(audit::routes())
        .merge(work::routes())
        .merge(people::routes())
}

/// The 404 page for any unknown path.
pub async fn not_found(ctx: Ctx) -> Response {
    if ctx.path.starts_with("/api/") {
        return crate::api::error_json(StatusCode::NOT_FOUND, "not_found", ctx.tr.t("err.not_found"), None);
    }
    ctx.error_page_of(StatusCode::NOT_FOUND, "err.not_found", None)
}

/// A local path to return to, or `/` when the given one could lead elsewhere.
pub fn safe_next(next: &str) -> String {
    // A browser drops tabs and line breaks from an address and reads `\` as `/`, so
    // "/\t/evil.example" would leave the site: no control characters and no backslash at all,
    // and no second slash at the start.
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.chars().any(|c| c.is_control() || c == '\\')
        && !next.to_ascii_lowercase().starts_with("/%2f")
        && !next.to_ascii_lowercase().starts_with("/%5c");
    if ok {
        next.to_owned()
    } else {
        "/".into()
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_stays_on_the_site() {
        assert_eq!(safe_next("/org/3?x=1"), "/org/3?x=1");
        assert_eq!(safe_next("//evil.example"), "/");
        assert_eq!(safe_next("https://evil.example"), "/");
        assert_eq!(safe_next("/\\evil.example"), "/");
        assert_eq!(safe_next(""), "/");
        // The tab trick and its relatives.
        for bad in ["/\t/evil.example", "/\n/evil.example", "/%2F/evil.example", "/%5cevil.example", "/a\\b", "/\u{0}x"] {
            assert_eq!(safe_next(bad), "/", "{bad:?}");
        }
        assert_eq!(safe_next("/documents/7?version=2#remiss"), "/documents/7?version=2#remiss");
    }
}
