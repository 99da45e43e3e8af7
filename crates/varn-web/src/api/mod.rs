//! The JSON API under `/api/v1`, described by the OpenAPI document at `/api/openapi.json`.
//! Session (with `X-CSRF-Token`) or `Authorization: Bearer` token; one error format.

mod documents;
mod dto;
mod org;
mod throttles;
mod users;

use crate::i18n::Lang;
use crate::security::Auth;
use crate::AppState;
use axum::extract::{FromRef, FromRequestParts};
use axum::http::request::Parts;
use axum::routing::get;
use axum::{Json, Router};
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use varn_app::{Actor, AppError};

pub use crate::respond::{error_json, ErrorBody, ErrorDetail, FieldProblem, WebError};
pub use dto::*;

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
    OpenApiRouter::new().merge(documents::routes()).merge(throttles::routes())
}

/// The OpenAPI document: the foundation's paths and every module's.
pub fn openapi() -> utoipa::openapi::OpenApi {
    let (_, modules) = modules().split_for_parts();
    let mut doc = ApiDoc::openapi();
    doc.merge(modules);
    document_common_errors(&mut doc);
    doc
}

/// Adds to every operation the errors the server's shared layers can answer with, in the
/// API's error format, where the operation does not describe them itself: 400 (a path or
/// query value that cannot be read), 401 (no or a bad token), 403 (no permission, or a
/// session request without its CSRF token), 404 (not there or outside the caller's scope);
/// with query parameters 422; with a body also 413, 415 and 422; changes also 409. The contract test
/// (`tests/it/contract.rs`) checks that every status the server gives is listed.
fn document_common_errors(doc: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::{content::Content, response::ResponseBuilder, Ref, RefOr};
    let error = |what: &str| {
        let content = Content::new(Some(Ref::from_schema_name("ErrorBody")));
        RefOr::T(ResponseBuilder::new().description(what).content("application/json", content).build())
    };
    for item in doc.paths.paths.values_mut() {
        let ops =
            [(&mut item.get, false), (&mut item.post, true), (&mut item.put, true), (&mut item.patch, true), (&mut item.delete, true)];
        for (op, writes) in ops {
            let Some(op) = op.as_mut() else { continue };
            let mut add = vec![
                ("400", "A path or query value could not be read"),
                ("401", "No token, or one that is invalid, expired or revoked"),
                ("403", "Not permitted here (or a session request without its CSRF token)"),
                ("404", "Not found, or outside the caller's part of the organisation"),
            ];
            let query = op.parameters.iter().flatten().any(|p| matches!(p.parameter_in, utoipa::openapi::path::ParameterIn::Query));
            if query {
                add.push(("422", "A query value is not one this list takes (named in the error)"));
            }
            if op.request_body.is_some() {
                add.extend([
                    ("413", "The body is too large"),
                    ("415", "Not JSON"),
                    ("422", "The body could not be read or fails validation"),
                ]);
            }
            if writes {
                add.extend([("409", "In conflict with the current state"), ("422", "Fails validation")]);
            }
            for (status, what) in add {
                op.responses.responses.entry(status.to_owned()).or_insert_with(|| error(what));
            }
        }
    }
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
