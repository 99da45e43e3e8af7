//! API: finding the people one may name in a form (the person picker), by part of a name.

use crate::api::{ApiActor, ApiResult, ErrorBody};
use crate::json::Json;
use crate::AppState;
use axum::extract::Query;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use varn_app::users::PersonHit;

/// What to look for.
#[derive(Deserialize, IntoParams)]
pub struct PeopleParams {
    /// Part of the name or sign-in name (two characters or more).
    pub q: String,
    /// At most this many (default 20, at most 50).
    pub limit: Option<u64>,
}

/// Active people holding a role within the caller's area whose name matches, by name, each
/// with unit and role; `value()` of each ("Name (sign-in name)") is what person fields take.
#[utoipa::path(get, path = "/api/v1/people", tag = "användare", params(PeopleParams),
    responses((status = 200, body = Vec<PersonHit>), (status = 403, body = ErrorBody)))]
pub async fn people(a: ApiActor, Query(p): Query<PeopleParams>) -> ApiResult<Json<Vec<PersonHit>>> {
    let q = p.q.trim();
    if q.chars().count() < 2 {
        return Ok(Json(vec![]));
    }
    Ok(Json(a.state.app.people_search(&a.actor, q, p.limit.unwrap_or(20)).await?))
}

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(people))
}
