//! API: sign-in throttles for the system administrator (user administration city-wide).

use crate::api::{ApiActor, ApiResult, ErrorBody};
use crate::json::Json;
use crate::AppState;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// One throttle: failures from a source at a name (or at all names: `*`).
#[derive(Serialize, ToSchema)]
pub struct ThrottleDto {
    /// The client's address (IPv6 as its /64).
    pub source: String,
    /// The name typed, or `*` for the source over all names.
    pub account: String,
    /// Password checks since the last success.
    pub failures: i64,
    /// Attempts, those refused while throttled included.
    pub attempts: i64,
    /// The latest attempt.
    #[serde(serialize_with = "varn_domain::json_time::datetime")]
    pub last_at: chrono::DateTime<chrono::Utc>,
    /// No check before this time (if in the future).
    #[serde(serialize_with = "varn_domain::json_time::opt_datetime")]
    pub blocked_until: Option<chrono::DateTime<chrono::Utc>>,
}

/// The throttles and how many there are.
#[derive(Serialize, ToSchema)]
pub struct ThrottleList {
    /// How many rows have failures (at most 500 are listed).
    pub total: u64,
    /// Newest first.
    pub items: Vec<ThrottleDto>,
}

/// Which throttle to lift.
#[derive(Deserialize, ToSchema)]
pub struct LiftThrottle {
    /// The source, as listed.
    pub source: String,
    /// The account, as listed (`*` for the source over all names).
    pub account: String,
}

/// Sign-in throttles with failures, newest first.
#[utoipa::path(get, path = "/api/v1/sign-in-throttles", tag = "användare", responses((status = 200, body = ThrottleList), (status = 403, body = ErrorBody)))]
pub async fn list_throttles(a: ApiActor) -> ApiResult<Json<ThrottleList>> {
    let (rows, total) = a.state.app.throttles(&a.actor).await?;
    let items = rows
        .into_iter()
        .map(|r| ThrottleDto {
            source: r.source,
            account: r.account,
            failures: r.failures,
            attempts: r.attempts,
            last_at: r.last_at,
            blocked_until: r.blocked_until,
        })
        .collect();
    Ok(Json(ThrottleList { total, items }))
}

/// Lifts a throttle (audited).
#[utoipa::path(post, path = "/api/v1/sign-in-throttles/lift", tag = "användare", request_body = LiftThrottle, responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn lift_throttle(a: ApiActor, Json(b): Json<LiftThrottle>) -> ApiResult<StatusCode> {
    a.state.app.lift_throttle(&a.actor, &b.source, &b.account).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The throttle routes with their OpenAPI description.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_throttles)).routes(routes!(lift_throttle))
}
