//! The JSON API under `/api/v1`, described by the OpenAPI document at `/api/openapi.json`.
//! Session (with `X-CSRF-Token`) or `Authorization: Bearer` token; one error format.

mod assets;
mod contract;
mod documents;
mod dto;
mod incidents;
mod list;
mod org;
mod people;
mod risks;
mod throttles;
mod users;
mod work;

use crate::i18n::Lang;
use crate::json::Json;
use crate::security::Auth;
use crate::AppState;
use axum::extract::{FromRef, FromRequestParts};
use axum::http::request::Parts;
use axum::routing::get;
use axum::Router;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use varn_app::{Actor, AppError};

pub use crate::respond::{error_json, ErrorBody, ErrorDetail, FieldProblem, WebError};
pub use dto::*;
pub use list::*;

/// The signed-in caller of an API route.
pub struct ApiActor {
    /// The actor.
    pub actor: Actor,
    /// Their language.
    pub lang: Lang,
    /// The state.
    pub state: AppState,
    /// Whether the caller came with an API token (not a signed-in session).
    pub via_token: bool,
}

impl<S> FromRequestParts<S> for ApiActor
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let lang = parts.extensions.get::<Lang>().copied().unwrap_or_default();
        let auth = parts.extensions.get::<Auth>().cloned().unwrap_or(Auth::Anonymous);
        match auth.actor() {
            Some(a) => {
                let via_token = matches!(auth, Auth::Token(_));
                Ok(ApiActor { actor: a.clone(), lang, state: AppState::from_ref(state), via_token })
            }
            None => Err(WebError::App(AppError::Unauthenticated)),
        }
    }
}

/// The result of an API handler.
pub type ApiResult<T> = Result<T, WebError>;

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
    ),
    components(schemas(ErrorBody, ErrorDetail, FieldProblem))
)]
struct ApiDoc;

/// The routers of the modules, each carrying its OpenAPI paths: a module adds one line here.
fn modules() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(documents::routes())
        .merge(assets::routes())
        .merge(risks::routes())
        .merge(incidents::routes())
        .merge(throttles::routes())
        .merge(work::routes())
        .merge(people::routes())
}

/// The OpenAPI document: the foundation's paths and every module's.
pub fn openapi() -> utoipa::openapi::OpenApi {
    let (_, modules) = modules().split_for_parts();
    let mut doc = ApiDoc::openapi();
    doc.merge(modules);
    contract::document_common_errors(&mut doc);
    contract::declare_formats(&mut doc);
    doc
}

async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(openapi())
}

/// The API's routes (under `/api`).
pub fn routes() -> Router<AppState> {
    let (modules, _) = modules().split_for_parts();
    Router::new()
        .route("/api/openapi.json", get(openapi_json))
        .nest("/api/v1", org::routes().merge(users::routes()))
        .merge(modules)
        .layer(axum::middleware::from_fn(crate::respond::api_failures))
}
