//! API: the follow-up of work (uppföljning) — open and overdue tasks per unit and kind in the
//! caller's scope, and the tasks behind them.

use crate::api::{ApiActor, ApiResult, ErrorBody};
use crate::json::Json;
use crate::AppState;
use axum::extract::Query;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use varn_app::work::{WorkFilter, WorkOverview};

/// Where to look.
#[derive(Deserialize, IntoParams, Default)]
pub struct WorkParams {
    /// The unit (its own work and each unit below it with its subtree); default the top of
    /// the caller's scope.
    pub unit: Option<i64>,
    /// Only tasks of this kind in `tasks` (`document.action`, `document.remiss`,
    /// `incident.action`, `arshjul`).
    pub kind: Option<String>,
    /// `true`: every open task in `tasks`, not only the overdue.
    #[serde(default)]
    pub all_open: bool,
}

/// Open and overdue work per unit and kind, with the most overdue tasks (at most 100).
#[utoipa::path(get, path = "/api/v1/follow-up/work", tag = "uppföljning", params(WorkParams),
    responses((status = 200, body = WorkOverview), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn work(a: ApiActor, Query(p): Query<WorkParams>) -> ApiResult<Json<Shared>> {
    let f = WorkFilter { unit: p.unit, kind: p.kind, all_open: p.all_open };
    Ok(Json(Shared(a.state.app.work_overview(&a.actor, &f).await?)))
}

/// The overview as kept for everyone with the same scope and question, written without a copy.
pub struct Shared(std::sync::Arc<WorkOverview>);

impl serde::Serialize for Shared {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(work))
}
