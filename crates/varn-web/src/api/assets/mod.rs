//! API: information assets, classification, handlingsplan and the carrier register. One
//! router that also carries its OpenAPI paths.

mod carriers;
mod classify;

use crate::api::{ApiActor, ApiResult, ErrorBody};
use crate::api::{ListArgs, PageOf};
use crate::json::Json;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use varn_app::assets::{AssetCommand, AssetFilter, AssetJson, AssetRow, AssetView, ImportPreview, Overview};
use varn_app::AppError;

/// The module's routes, each with its OpenAPI description.
pub fn routes() -> OpenApiRouter<AppState> {
    use carriers::*;
    use classify::*;
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(overview))
        .routes(routes!(import))
        .routes(routes!(import_carriers))
        .routes(routes!(model))
        .routes(routes!(get_one, update))
        .routes(routes!(link))
        .routes(routes!(unlink))
        .routes(routes!(classify, history))
        .routes(routes!(plan))
        .routes(routes!(assess))
        .routes(routes!(list_carriers, create_carrier))
        .routes(routes!(get_carrier, update_carrier))
        .routes(routes!(add_dependency, remove_dependency))
}

use crate::AppState;

/// Register filters.
#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
pub struct AssetArgs {
    /// Owned by this unit or one below it.
    pub unit_id: Option<i64>,
    /// Classified (true) or not (false).
    pub classified: Option<bool>,
    /// The highest level at least this.
    pub min_level: Option<i64>,
    /// Only those whose review is overdue.
    pub review_overdue: Option<bool>,
    /// Owned by this person (user id).
    pub owner_user_id: Option<i64>,
    /// Living on this carrier.
    pub carrier_id: Option<i64>,
}

/// The register: assets the caller may see, with the total.
#[utoipa::path(get, path = "/api/v1/assets", tag = "informationstillgångar", params(ListArgs, AssetArgs), responses((status = 200, body = PageOf<AssetRow>), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn list(a: ApiActor, Query(l): Query<ListArgs>, Query(f): Query<AssetArgs>) -> ApiResult<Json<PageOf<AssetRow>>> {
    let assets = a.state.app.assets();
    if !assets.can_use(&a.actor) {
        return Err(AppError::Forbidden.into());
    }
    let filter = AssetFilter {
        unit_id: f.unit_id,
        under: None,
        classified: f.classified,
        min_level: f.min_level,
        review_before: f.review_overdue.filter(|x| *x).map(|_| varn_domain::task::today()),
        owner_user_id: f.owner_user_id,
        carrier_id: f.carrier_id,
        key_trigram: None,
    };
    let p = assets.list(&a.actor, &filter, &l.params_for(varn_app::assets::SORTS)?).await?;
    Ok(Json(PageOf::of(p, From::from)))
}

/// Registers an asset (an information owner registers their own; a unit head and the
/// samordnare anywhere in scope).
#[utoipa::path(post, path = "/api/v1/assets", tag = "informationstillgångar", request_body = AssetJson, responses((status = 201, body = AssetView), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(a: ApiActor, Json(b): Json<AssetJson>) -> ApiResult<(StatusCode, Json<AssetView>)> {
    let assets = a.state.app.assets();
    let id = assets.create(&a.actor, AssetCommand::try_from(&b)).await?;
    Ok((StatusCode::CREATED, Json(assets.view(&a.actor, id).await?)))
}

/// One asset with its carriers and levels.
#[utoipa::path(get, path = "/api/v1/assets/{id}", tag = "informationstillgångar", params(("id" = i64, Path)), responses((status = 200, body = AssetView), (status = 404, body = ErrorBody)))]
pub async fn get_one(a: ApiActor, Path(id): Path<i64>) -> ApiResult<Json<AssetView>> {
    Ok(Json(a.state.app.assets().view(&a.actor, id).await?))
}

/// Changes an asset's facts (all fields; the classification has its own call).
#[utoipa::path(put, path = "/api/v1/assets/{id}", tag = "informationstillgångar", params(("id" = i64, Path)), request_body = AssetJson, responses((status = 200, body = AssetView), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update(a: ApiActor, Path(id): Path<i64>, Json(b): Json<AssetJson>) -> ApiResult<Json<AssetView>> {
    let assets = a.state.app.assets();
    assets.update(&a.actor, id, AssetCommand::try_from(&b)).await?;
    Ok(Json(assets.view(&a.actor, id).await?))
}

/// A carrier to link.
#[derive(Deserialize, Serialize, ToSchema)]
pub struct LinkBody {
    /// The carrier.
    pub carrier_id: i64,
}

/// Links a carrier to the asset.
#[utoipa::path(post, path = "/api/v1/assets/{id}/carriers", tag = "informationstillgångar", params(("id" = i64, Path)), request_body = LinkBody, responses((status = 200, body = AssetView), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn link(a: ApiActor, Path(id): Path<i64>, Json(b): Json<LinkBody>) -> ApiResult<Json<AssetView>> {
    let assets = a.state.app.assets();
    assets.link_carrier(&a.actor, id, b.carrier_id, true).await?;
    Ok(Json(assets.view(&a.actor, id).await?))
}

/// Unlinks a carrier from the asset.
#[utoipa::path(delete, path = "/api/v1/assets/{id}/carriers/{carrier_id}", tag = "informationstillgångar", params(("id" = i64, Path), ("carrier_id" = i64, Path)), responses((status = 200, body = AssetView), (status = 403, body = ErrorBody)))]
pub async fn unlink(a: ApiActor, Path((id, carrier_id)): Path<(i64, i64)>) -> ApiResult<Json<AssetView>> {
    let assets = a.state.app.assets();
    assets.link_carrier(&a.actor, id, carrier_id, false).await?;
    Ok(Json(assets.view(&a.actor, id).await?))
}

/// Pictures of the register within the caller's scope.
#[utoipa::path(get, path = "/api/v1/assets/overview", tag = "informationstillgångar", responses((status = 200, body = Overview), (status = 403, body = ErrorBody)))]
pub async fn overview(a: ApiActor) -> ApiResult<Json<Overview>> {
    Ok(Json(Overview::clone(&*a.state.app.assets().overview(&a.actor).await?)))
}

/// The classification model and requirement catalogue in use (aspects, levels, questions).
#[utoipa::path(get, path = "/api/v1/classification-model", tag = "informationstillgångar", responses((status = 200, body = Object)))]
pub async fn model(a: ApiActor) -> ApiResult<Json<serde_json::Value>> {
    let c = a.state.app.assets().classification();
    Ok(Json(serde_json::json!({"model": c.model, "requirements": c.catalogue.requirements})))
}

/// Whether an import only checks.
#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
pub struct ImportArgs {
    /// Only check the file and report (nothing is written).
    pub dry_run: Option<bool>,
}

/// Imports assets from CSV (`;` or `,`, a header row; Namn/Name and Ansvarig enhet/Unit
/// required) or an XLSX workbook's first sheet (sent as the body). Every problem comes back per line and field (422) and nothing is written
/// unless every row is right; then all rows in one transaction (201 with the new ids).
#[utoipa::path(post, path = "/api/v1/assets/import", tag = "informationstillgångar", params(ImportArgs), request_body(content = String, content_type = "text/csv"), responses((status = 201, body = ImportPreview), (status = 200, body = ImportPreview), (status = 403, body = ErrorBody), (status = 422, body = ImportPreview)))]
pub async fn import(a: ApiActor, Query(q): Query<ImportArgs>, body: axum::body::Bytes) -> ApiResult<(StatusCode, Json<ImportPreview>)> {
    import_file(a, q, body, false).await
}

/// Imports carriers from CSV or an XLSX workbook's first sheet (Namn/Name, Slag/Kind and
/// Ansvarig enhet/Unit required), on the same terms as the assets' import.
#[utoipa::path(post, path = "/api/v1/carriers/import", tag = "informationstillgångar", params(ImportArgs), request_body(content = String, content_type = "text/csv"), responses((status = 201, body = ImportPreview), (status = 200, body = ImportPreview), (status = 403, body = ErrorBody), (status = 422, body = ImportPreview)))]
pub async fn import_carriers(
    a: ApiActor,
    Query(q): Query<ImportArgs>,
    body: axum::body::Bytes,
) -> ApiResult<(StatusCode, Json<ImportPreview>)> {
    import_file(a, q, body, true).await
}

async fn import_file(a: ApiActor, q: ImportArgs, body: axum::body::Bytes, carriers: bool) -> ApiResult<(StatusCode, Json<ImportPreview>)> {
    let dry = q.dry_run == Some(true);
    let assets = a.state.app.assets();
    if !assets.can_create(&a.actor) {
        return Err(AppError::Forbidden.into());
    }
    let text = if varn_app::assets::is_xlsx(&body) {
        varn_app::assets::xlsx_to_csv(&body)?
    } else {
        String::from_utf8(body.to_vec()).map_err(|_| AppError::field("file", "err.import.not_utf8"))?
    };
    let p =
        if carriers { assets.import_carriers_csv(&a.actor, &text, !dry).await? } else { assets.import_csv(&a.actor, &text, !dry).await? };
    let status = if !p.problems.is_empty() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else if dry {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((status, Json(p)))
}
