//! Authentication, CSRF protection, security headers and request tracing.

use crate::i18n::Lang;
use crate::AppState;
use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use varn_app::actor::Actor;
use varn_app::auth::LiveSession;

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "varn_session";
/// Name of the pre-sign-in CSRF cookie (double submit).
pub const PRE_COOKIE: &str = "varn_pre";

/// The session cookie's name: over HTTPS (`--secure-cookies`) with the `__Host-` prefix, so
/// that the browser accepts it only from this host, Secure, on path `/` (a neighbour on a
/// sub-domain cannot plant one).
pub fn session_cookie(secure: bool) -> &'static str {
    if secure {
        "__Host-varn_session"
    } else {
        SESSION_COOKIE
    }
}

/// The pre-sign-in CSRF cookie's name (see [`session_cookie`]).
pub fn pre_cookie(secure: bool) -> &'static str {
    if secure {
        "__Host-varn_pre"
    } else {
        PRE_COOKIE
    }
}
/// Name of the language cookie.
pub const LANG_COOKIE: &str = "varn_lang";

/// Who is calling, resolved once per request.
#[derive(Clone, Debug)]
pub enum Auth {
    /// Signed in with a browser session.
    Session(std::sync::Arc<LiveSession>),
    /// An API token.
    Token(std::sync::Arc<Actor>),
    /// Nobody.
    Anonymous,
}

impl Auth {
    /// The actor, if any.
    pub fn actor(&self) -> Option<&Actor> {
        match self {
            Auth::Session(s) => Some(&s.actor),
            Auth::Token(a) => Some(a),
            Auth::Anonymous => None,
        }
    }
}

fn bearer(h: &HeaderMap) -> Option<&str> {
    h.get(header::AUTHORIZATION)?.to_str().ok()?.strip_prefix("Bearer ").map(str::trim)
}

/// Resolves the session cookie or API token and the language, into request extensions.
pub async fn authenticate(State(st): State<AppState>, jar: CookieJar, mut req: Request, next: Next) -> Response {
    // Swedish unless the user chose English: the browser's language is not asked, so every
    // employee sees the same Swedish terms the policy uses.
    let lang = jar.get(LANG_COOKIE).and_then(|c| Lang::parse(c.value())).unwrap_or_default();
    let auth = if let Some(tok) = bearer(req.headers()) {
        match st.app.token_actor(tok).await {
            Ok(Some(a)) => Auth::Token(std::sync::Arc::new(a)),
            Ok(None) => {
                // A token that opens nothing is a failed authentication, whatever the method:
                // 401 with the reason, never a CSRF refusal or an anonymous page.
                let tr = crate::i18n::Tr::new(lang);
                let mut r = crate::respond::error_json(StatusCode::UNAUTHORIZED, "invalid_token", tr.t("err.api.bad_token"), None);
                r.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer error=\"invalid_token\""));
                return r;
            }
            Err(e) => {
                tracing::error!(error = %e, "token lookup failed");
                return StatusCode::SERVICE_UNAVAILABLE.into_response();
            }
        }
    } else if let Some(c) = jar.get(session_cookie(st.web.secure_cookies)) {
        match st.app.session(c.value()).await {
            Ok(Some(s)) => Auth::Session(std::sync::Arc::new(s)),
            Ok(None) => Auth::Anonymous,
            Err(e) => {
                tracing::error!(error = %e, "session lookup failed");
                return StatusCode::SERVICE_UNAVAILABLE.into_response();
            }
        }
    } else {
        Auth::Anonymous
    };
    req.extensions_mut().insert(auth);
    req.extensions_mut().insert(lang);
    next.run(req).await
}

fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    // Constant time for equal lengths; lengths are public (both are 64 hex digits).
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn csrf_from_form(body: &[u8]) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(body).ok()?.into_iter().find(|(k, _)| k == "_csrf").map(|(_, v)| v)
}

fn csrf_from_query(q: Option<&str>) -> Option<String> {
    serde_urlencoded::from_str::<Vec<(String, String)>>(q?).ok()?.into_iter().find(|(k, _)| k == "_csrf").map(|(_, v)| v)
}

fn origin_ok(h: &HeaderMap) -> bool {
    let Some(origin) = h.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    let Some(host) = h.get(header::HOST).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let o = origin.split_once("://").map(|(_, rest)| rest).unwrap_or("");
    o == host
}

fn csrf_refused(req_is_api: bool, lang: Lang) -> Response {
    refused(req_is_api, lang, StatusCode::FORBIDDEN, "csrf", "err.csrf", None)
}

/// A form whose body is larger than a form may be (see `serve::body_limit`), refused before
/// its token could be read.
fn too_large(req_is_api: bool, lang: Lang) -> Response {
    refused(req_is_api, lang, StatusCode::PAYLOAD_TOO_LARGE, "too_large", "err.too_large", Some("err.too_large_page"))
}

/// A request this layer refuses, in the user's language: the API in its JSON format (`code`,
/// the message `key`), a page as a bare error page (this layer has no context for the shell)
/// with the heading `key` and what to do (`detail`).
fn refused(req_is_api: bool, lang: Lang, status: StatusCode, code: &str, key: &str, detail: Option<&str>) -> Response {
    let tr = crate::i18n::Tr::new(lang);
    if req_is_api {
        return crate::respond::error_json(status, code, tr.t(key), None);
    }
    let page = crate::shell::bare_error_page(tr, tr.t(key), detail.map(|d| tr.t(d)));
    (status, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response()
}

/// Refuses state-changing requests that do not prove they come from our own pages: the
/// Origin must be ours, and the request must carry the session's CSRF token (header
/// `X-CSRF-Token`, form field `_csrf`, or for file uploads the `_csrf` query parameter).
/// Before sign-in the token is the double-submit cookie. API tokens are exempt: they are
/// not sent by browsers on their own.
pub async fn csrf(State(st): State<AppState>, jar: CookieJar, req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let auth = req.extensions().get::<Auth>().cloned().unwrap_or(Auth::Anonymous);
    let lang = req.extensions().get::<Lang>().copied().unwrap_or_default();
    let is_api = req.uri().path().starts_with("/api/");
    if matches!(auth, Auth::Token(_)) {
        return next.run(req).await;
    }
    if !origin_ok(req.headers()) {
        return csrf_refused(is_api, lang);
    }
    let expected = match &auth {
        Auth::Session(s) => Some(s.csrf.clone()),
        _ => jar.get(pre_cookie(st.web.secure_cookies)).map(|c| c.value().to_owned()),
    };
    let Some(expected) = expected else {
        return csrf_refused(is_api, lang);
    };
    let mut provided = req.headers().get("x-csrf-token").and_then(|v| v.to_str().ok()).map(str::to_owned);
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"));
    let req = if provided.is_none() && is_form {
        let (parts, body) = req.into_parts();
        let Ok(bytes) = to_bytes(body, 1024 * 1024).await else {
            return too_large(is_api, lang);
        };
        provided = csrf_from_form(&bytes);
        Request::from_parts(parts, Body::from(bytes))
    } else {
        req
    };
    if provided.is_none() {
        provided = csrf_from_query(req.uri().query());
    }
    match provided {
        Some(p) if same_bytes(p.as_bytes(), expected.as_bytes()) => next.run(req).await,
        _ => csrf_refused(is_api, lang),
    }
}

/// Strict security headers on every response; over HTTPS also HSTS.
pub async fn headers(State(st): State<AppState>, req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    if st.web.secure_cookies {
        h.insert("strict-transport-security", HeaderValue::from_static("max-age=31536000; includeSubDomains"));
    }
    let set = |h: &mut HeaderMap, k: &'static str, v: &'static str| {
        h.insert(k, HeaderValue::from_static(v));
    };
    set(
        h,
        "content-security-policy",
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
         frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'",
    );
    set(h, "x-content-type-options", "nosniff");
    set(h, "x-frame-options", "DENY");
    set(h, "referrer-policy", "same-origin");
    set(h, "cross-origin-opener-policy", "same-origin");
    set(h, "permissions-policy", "camera=(), microphone=(), geolocation=()");
    if !h.contains_key(header::CACHE_CONTROL) {
        set(h, "cache-control", "no-store");
    }
    res
}

/// The trace span of a request, carrying its request id.
pub fn span(req: &Request) -> tracing::Span {
    let id = req.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-");
    tracing::info_span!("request", method = %req.method(), path = %req.uri().path(), request_id = %id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_must_match_host() {
        let mut h = HeaderMap::new();
        h.insert(header::HOST, HeaderValue::from_static("127.0.0.1:8080"));
        assert!(origin_ok(&h));
        h.insert(header::ORIGIN, HeaderValue::from_static("http://127.0.0.1:8080"));
        assert!(origin_ok(&h));
        h.insert(header::ORIGIN, HeaderValue::from_static("http://evil.example"));
        assert!(!origin_ok(&h));
    }

    #[test]
    fn tokens_are_found_in_forms_and_queries() {
        assert_eq!(csrf_from_form(b"name=x&_csrf=abc"), Some("abc".into()));
        assert_eq!(csrf_from_form(b"name=x"), None);
        assert_eq!(csrf_from_query(Some("_csrf=q1&x=2")), Some("q1".into()));
        assert!(same_bytes(b"abc", b"abc"));
        assert!(!same_bytes(b"abc", b"abd"));
        assert!(!same_bytes(b"abc", b"ab"));
    }
}
