//! How a failed request is answered, in one place: handlers return `Result<_, WebError>` and
//! use `?` on any use-case error; [`failures`] turns the error into JSON (under `/api`) or
//! into the error page, in the caller's language. This module is a leaf: it knows the
//! catalogue and the use cases' errors, not the pages or the API.

use crate::i18n::{Lang, Tr};
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use std::sync::Arc;
use varn_app::AppError;

/// The error body of every failed API call.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// The error.
    pub error: ErrorDetail,
}

/// What went wrong.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// Stable machine code: `unauthenticated`, `forbidden`, `not_found`, `invalid`, `conflict`, `locked`, `csrf`, `internal`.
    pub code: String,
    /// Human message in the caller's language.
    pub message: String,
    /// Per-field problems, for `invalid`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<Vec<FieldProblem>>,
}

/// One field's problem.
#[derive(Serialize, utoipa::ToSchema)]
pub struct FieldProblem {
    /// The field.
    pub field: String,
    /// Catalogue key, stable.
    pub code: String,
    /// Message in the caller's language.
    pub message: String,
}

/// A JSON error response.
pub fn error_json(status: StatusCode, code: &str, message: &str, fields: Option<Vec<FieldProblem>>) -> Response {
    (status, Json(ErrorBody { error: ErrorDetail { code: code.to_owned(), message: message.to_owned(), fields } })).into_response()
}

/// The text of a conflict: arguments whose name has a `ref.<name>` label are counted into
/// `{what}` ("1 styrdokument, 2 roller"); the others fill `{name}`, translated when the value
/// is a catalogue key (a life-cycle state, say).
pub fn conflict_text(tr: Tr, code: &str, args: &[(String, String)]) -> String {
    let what: Vec<String> =
        args.iter().filter(|(k, _)| tr.has(&format!("ref.{k}"))).map(|(k, n)| format!("{} {}", n, tr.t(&format!("ref.{k}")))).collect();
    let what = what.join(", ");
    let mut fill: Vec<(&str, &str)> = args.iter().map(|(k, v)| (k.as_str(), tr.t(v))).collect();
    fill.push(("what", &what));
    tr.tf(code, &fill)
}

/// A failed request, cheap to clone: what [`failures`] needs to answer it.
#[derive(Clone, Debug)]
pub struct Failure(pub Arc<AppError>);

/// The error of every handler: a use-case error (answered by [`failures`]), or a response
/// that ends the handler early (a redirect to sign in, say).
#[derive(Debug)]
pub enum WebError {
    /// A use case said no.
    App(AppError),
    /// Answer with this instead.
    Halt(Box<Response>),
}

impl From<AppError> for WebError {
    fn from(e: AppError) -> Self {
        WebError::App(e)
    }
}

impl From<Response> for WebError {
    fn from(r: Response) -> Self {
        WebError::Halt(Box::new(r))
    }
}

/// The status of an error.
pub fn status_of(e: &AppError) -> StatusCode {
    match e {
        AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
        AppError::Locked(_) => StatusCode::TOO_MANY_REQUESTS,
        AppError::Forbidden | AppError::Refused(..) => StatusCode::FORBIDDEN,
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::Conflict(..) => StatusCode::CONFLICT,
        AppError::Db(_) | AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        match self {
            WebError::Halt(r) => *r,
            WebError::App(e) => {
                if matches!(e, AppError::Db(_) | AppError::Internal(_)) {
                    // The text stays in the log (with the request id of the span); the user
                    // sees only that something failed.
                    tracing::error!(error = %e, "internal error");
                }
                let mut res = status_of(&e).into_response();
                res.extensions_mut().insert(Failure(Arc::new(e)));
                res
            }
        }
    }
}

/// A use-case error as JSON, in the caller's language.
pub fn api_error(e: &AppError, tr: Tr) -> Response {
    let status = status_of(e);
    match e {
        AppError::Unauthenticated => error_json(status, "unauthenticated", tr.t("err.unauthenticated"), None),
        AppError::Locked(s) => error_json(status, "locked", &tr.tf("err.login.locked", &[("n", &s.to_string())]), None),
        AppError::Forbidden => error_json(status, "forbidden", tr.t("err.forbidden"), None),
        AppError::NotFound => error_json(status, "not_found", tr.t("err.not_found"), None),
        AppError::Invalid(e) => {
            let fields =
                e.0.iter()
                    .map(|f| FieldProblem { field: f.field.clone(), code: f.code.clone(), message: tr.t(&f.code).to_owned() })
                    .collect();
            error_json(status, "invalid", tr.t("err.invalid"), Some(fields))
        }
        AppError::Conflict(code, args) => {
            let msg = conflict_text(tr, code, args);
            let problem = FieldProblem { field: String::new(), code: code.clone(), message: msg.clone() };
            error_json(status, "conflict", &msg, Some(vec![problem]))
        }
        AppError::Refused(code, args) => {
            let msg = conflict_text(tr, code, args);
            let problem = FieldProblem { field: String::new(), code: code.clone(), message: msg.clone() };
            error_json(status, "forbidden", &msg, Some(vec![problem]))
        }
        AppError::Db(_) | AppError::Internal(_) => error_json(status, "internal", tr.t("err.internal"), None),
    }
}

/// Answers the API's failures as JSON in the caller's language (layered on `/api`).
pub async fn api_failures(req: Request, next: Next) -> Response {
    let lang = req.extensions().get::<Lang>().copied().unwrap_or_default();
    let res = next.run(req).await;
    match res.extensions().get::<Failure>() {
        Some(f) => {
            let mut out = api_error(&f.0, Tr::new(lang));
            copy_request_id(&res, &mut out);
            out
        }
        None => res,
    }
}

/// Gives every error under `/api/` that is not JSON yet — an extractor's rejection (malformed
/// JSON, a wrong content type, a bad path or query value), a wrong method, a body too large
/// or too slow — the API's JSON error format, keeping its status. Layered outside
/// everything, so that the limits and timeouts answer in the format too.
pub async fn api_json_errors(req: Request, next: Next) -> Response {
    if !req.uri().path().starts_with("/api/") {
        return next.run(req).await;
    }
    let lang = req.extensions().get::<Lang>().copied().unwrap_or_default();
    let res = next.run(req).await;
    if !plain_error(&res) {
        return res;
    }
    let tr = Tr::new(lang);
    let (code, key) = match res.status() {
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ("unsupported_media_type", "err.api.content_type"),
        StatusCode::PAYLOAD_TOO_LARGE => ("too_large", "err.api.too_large"),
        StatusCode::NOT_FOUND => ("not_found", "err.not_found"),
        StatusCode::METHOD_NOT_ALLOWED => ("method_not_allowed", "err.api.method"),
        StatusCode::REQUEST_TIMEOUT => ("timeout", "err.api.timeout"),
        s if s.is_server_error() => ("internal", "err.internal"),
        _ => ("bad_request", "err.api.bad_request"),
    };
    let mut out = error_json(res.status(), code, tr.t(key), None);
    copy_request_id(&res, &mut out);
    if let Some(allow) = res.headers().get(axum::http::header::ALLOW) {
        out.headers_mut().insert(axum::http::header::ALLOW, allow.clone());
    }
    out
}

/// Whether `res` is an error that is not JSON.
fn plain_error(res: &Response) -> bool {
    let json = res.headers().get(axum::http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("json"));
    (res.status().is_client_error() || res.status().is_server_error()) && !json
}

/// Keeps headers set on the way out (request id) when a failure is answered anew.
pub fn copy_request_id(from: &Response, to: &mut Response) {
    if let Some(v) = from.headers().get("x-request-id") {
        to.headers_mut().insert("x-request-id", v.clone());
    }
}
