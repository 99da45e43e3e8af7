//! The JSON API under `/api/v1`, described by the OpenAPI document at `/api/openapi.json`.
//! Session (with `X-CSRF-Token`) or `Authorization: Bearer` token; one error format.

mod documents;
mod dto;
mod org;
mod users;

use crate::i18n::{Lang, Tr};
use crate::security::Auth;
use crate::AppState;
use axum::extract::{FromRef, FromRequestParts};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use utoipa::OpenApi;
use varn_app::{Actor, AppError};

pub use dto::*;

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

/// A use-case error on its way out as JSON, in the caller's language.
pub struct ApiError(pub AppError, pub Lang);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let tr = Tr::new(self.1);
        match self.0 {
            AppError::Unauthenticated => error_json(StatusCode::UNAUTHORIZED, "unauthenticated", tr.t("err.unauthenticated"), None),
            AppError::Locked(s) => {
                error_json(StatusCode::TOO_MANY_REQUESTS, "locked", &tr.tf("err.login.locked", &[("n", &s.to_string())]), None)
            }
            AppError::Forbidden => error_json(StatusCode::FORBIDDEN, "forbidden", tr.t("err.forbidden"), None),
            AppError::NotFound => error_json(StatusCode::NOT_FOUND, "not_found", tr.t("err.not_found"), None),
            AppError::Invalid(e) => {
                let fields =
                    e.0.iter()
                        .map(|f| FieldProblem { field: f.field.clone(), code: f.code.clone(), message: tr.t(&f.code).to_owned() })
                        .collect();
                error_json(StatusCode::UNPROCESSABLE_ENTITY, "invalid", tr.t("err.invalid"), Some(fields))
            }
            AppError::Conflict(code, args) => {
                let what: Vec<String> = args.iter().map(|(k, n)| format!("{} {}", n, tr.t(&format!("ref.{k}")))).collect();
                let what = what.join(", ");
                // Life-cycle states are codes; say them in the caller's language.
                let labels: Vec<(String, String)> = args
                    .iter()
                    .map(|(k, v)| {
                        let key = format!("doc.status.{v}");
                        let text = if matches!(k.as_str(), "from" | "to") { tr.t(&key).to_owned() } else { v.clone() };
                        (k.clone(), text)
                    })
                    .collect();
                let mut fill: Vec<(&str, &str)> = labels.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                fill.push(("what", &what));
                let msg = tr.tf(&code, &fill);
                error_json(
                    StatusCode::CONFLICT,
                    "conflict",
                    &msg,
                    Some(vec![FieldProblem { field: String::new(), code, message: msg.clone() }]),
                )
            }
            e @ (AppError::Db(_) | AppError::Internal(_)) => {
                let id = uuid::Uuid::new_v4();
                tracing::error!(error = %e, error_id = %id, "internal error in API");
                error_json(StatusCode::INTERNAL_SERVER_ERROR, "internal", &format!("{} ({id})", tr.t("err.internal")), None)
            }
        }
    }
}

/// The signed-in caller of an API route.
pub struct ApiActor {
    /// The actor.
    pub actor: Actor,
    /// Their language.
    pub lang: Lang,
    /// The state.
    pub state: AppState,
}

impl ApiActor {
    /// Wraps an error in the caller's language.
    pub fn err(&self, e: AppError) -> ApiError {
        ApiError(e, self.lang)
    }
}

impl<S> FromRequestParts<S> for ApiActor
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let lang = parts.extensions.get::<Lang>().copied().unwrap_or_default();
        let auth = parts.extensions.get::<Auth>().cloned().unwrap_or(Auth::Anonymous);
        match auth.actor() {
            Some(a) => Ok(ApiActor { actor: a.clone(), lang, state: AppState::from_ref(state) }),
            None => Err(ApiError(AppError::Unauthenticated, lang)),
        }
    }
}

/// The result of an API handler.
pub type ApiResult<T> = Result<T, ApiError>;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Värn API",
        description = "Värn, ledningssystem för informationssäkerhet (LIS). Authenticate with `Authorization: Bearer <token>` (create one under Mitt konto) or a browser session plus `X-CSRF-Token`."
    ),
    paths(
        org::me,
        org::change_password,
        org::list_units,
        org::create_unit,
        org::get_unit,
        org::update_unit,
        org::move_unit,
        org::deactivate_unit,
        org::activate_unit,
        org::delete_unit,
        org::list_unit_files,
        org::upload_unit_file,
        org::download_file,
        users::list_users,
        users::create_user,
        users::get_user,
        users::update_user,
        users::deactivate_user,
        users::activate_user,
        users::grant_role,
        users::revoke_role,
        users::list_tokens,
        users::create_token,
        users::revoke_token,
        users::audit,
        users::audit_verify,
        users::tasks,
        users::task_done,
        documents::list,
        documents::create,
        documents::get_one,
        documents::update,
        documents::transition,
        documents::versions,
        documents::version,
        documents::diff,
        documents::actions,
        documents::add_action,
        documents::comments,
        documents::add_comment,
        documents::request_ack,
        documents::ack_report,
        documents::acknowledge,
        documents::pending,
        documents::follow_up,
        documents::pdf,
        documents::upload_file,
        documents::download_file,
        documents::get_rules,
        documents::put_rules,
    ),
    components(schemas(ErrorBody, ErrorDetail, FieldProblem))
)]
struct ApiDoc;

/// The OpenAPI document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(openapi())
}

/// Routes under `/api`.
pub fn routes() -> Router<AppState> {
    Router::new().route("/openapi.json", get(openapi_json)).nest("/v1", org::routes().merge(users::routes()).merge(documents::routes()))
}
