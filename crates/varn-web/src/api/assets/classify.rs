//! Classification, its history and the handlingsplan through the API.

use crate::api::{ApiActor, ApiResult, ErrorBody};
use crate::json::Json;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use serde::Deserialize;
use utoipa::IntoParams;
use varn_app::assets::{ClassificationRow, ClassifyJson, MeasureForm, PlanItem, Preview};

/// Whether to save.
#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
pub struct DryRun {
    /// Only show the levels and what they add to and drop from the handlingsplan.
    pub dry_run: Option<bool>,
}

/// Classifies the asset by answering the model's questions (`answers`: question id →
/// chosen level). Every question of every applicable aspect must be answered (422 at
/// `q_<id>` otherwise). Returns the levels and the change of the handlingsplan; with
/// `dry_run=true` nothing is saved.
#[utoipa::path(post, path = "/api/v1/assets/{id}/classifications", tag = "informationstillgångar", params(("id" = i64, Path), DryRun), request_body = ClassifyJson, responses((status = 201, body = Preview), (status = 200, body = Preview), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn classify(
    a: ApiActor,
    Path(id): Path<i64>,
    Query(q): Query<DryRun>,
    Json(b): Json<ClassifyJson>,
) -> ApiResult<(StatusCode, Json<Preview>)> {
    let assets = a.state.app.assets();
    let preview = assets.preview_json(&a.actor, id, &b).await?;
    if q.dry_run == Some(true) {
        return Ok((StatusCode::OK, Json(preview)));
    }
    assets.classify_json(&a.actor, id, &b).await?;
    Ok((StatusCode::CREATED, Json(preview)))
}

/// Every classification of the asset, newest first.
#[utoipa::path(get, path = "/api/v1/assets/{id}/classifications", tag = "informationstillgångar", params(("id" = i64, Path)), responses((status = 200, body = Vec<ClassificationRow>), (status = 404, body = ErrorBody)))]
pub async fn history(a: ApiActor, Path(id): Path<i64>) -> ApiResult<Json<Vec<ClassificationRow>>> {
    Ok(Json(a.state.app.assets().history(&a.actor, id).await?))
}

/// The handlingsplan: the requirements the levels call for, each with its self-assessment.
#[utoipa::path(get, path = "/api/v1/assets/{id}/plan", tag = "informationstillgångar", params(("id" = i64, Path)), responses((status = 200, body = Vec<PlanItem>), (status = 404, body = ErrorBody)))]
pub async fn plan(a: ApiActor, Path(id): Path<i64>) -> ApiResult<Json<Vec<PlanItem>>> {
    Ok(Json(a.state.app.assets().plan(&a.actor, id, a.lang.code()).await?))
}

/// Records the self-assessment of one requirement (`requirement` in the body).
#[utoipa::path(put, path = "/api/v1/assets/{id}/plan", tag = "informationstillgångar", params(("id" = i64, Path)), request_body = MeasureForm, responses((status = 200, body = Vec<PlanItem>), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn assess(a: ApiActor, Path(id): Path<i64>, Json(b): Json<MeasureForm>) -> ApiResult<Json<Vec<PlanItem>>> {
    let assets = a.state.app.assets();
    assets.assess(&a.actor, id, &b).await?;
    Ok(Json(assets.plan(&a.actor, id, a.lang.code()).await?))
}
