//! API: risk management — analyses, risks, the heat map, acceptance, closing, the assets a
//! risk concerns and its treatment actions. One router that also carries its OpenAPI paths.

use crate::api::{ApiActor, ApiResult, ErrorBody};
use crate::api::{ListArgs, PageOf};
use crate::json::Json;
use crate::AppState;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use varn_app::risks::{ActionJson, AnalysisJson, AnalysisRow, AnalysisView, HeatMap, RiskFilter, RiskJson, RiskRow, RiskView};
use varn_app::AppError;
use varn_domain::risk::{RiskStatus, Treatment};
use varn_domain::Code;

/// The module's routes, each with its OpenAPI description.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(heat_map))
        .routes(routes!(matrix))
        .routes(routes!(get_one, update))
        .routes(routes!(accept))
        .routes(routes!(close))
        .routes(routes!(link_asset))
        .routes(routes!(unlink_asset))
        .routes(routes!(add_action))
        .routes(routes!(list_analyses, create_analysis))
        .routes(routes!(get_analysis, update_analysis))
}

/// Register filters.
#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
pub struct RiskArgs {
    /// In this unit or one below it.
    pub unit_id: Option<i64>,
    /// Of this analysis.
    pub analysis_id: Option<i64>,
    /// In this status (identifierad, behandlas, accepterad, avslutad).
    pub status: Option<String>,
    /// Closed ones too (default: open only).
    pub include_closed: Option<bool>,
    /// The residual score at least this.
    pub min_score: Option<i64>,
    /// Treated this way (reducera, acceptera, undvika, dela).
    pub treatment: Option<String>,
    /// Only those whose review is overdue.
    pub review_overdue: Option<bool>,
    /// Owned by this person (user id).
    pub owner_user_id: Option<i64>,
    /// Concerning this asset.
    pub asset_id: Option<i64>,
}

impl RiskArgs {
    fn filter(&self) -> Result<RiskFilter, AppError> {
        let status = self.status.as_deref().map(|s| RiskStatus::parse(s).map_err(|e| AppError::field("status", e))).transpose()?;
        let treatment = self.treatment.as_deref().map(|s| Treatment::parse(s).map_err(|e| AppError::field("treatment", e))).transpose()?;
        Ok(RiskFilter {
            analysis_id: self.analysis_id,
            status,
            open: self.include_closed != Some(true),
            min_score: self.min_score,
            treatment,
            review_before: self.review_overdue.filter(|x| *x).map(|_| varn_domain::task::today()),
            owner_user_id: self.owner_user_id,
            asset_id: self.asset_id,
            ..Default::default()
        })
    }
}

/// The register: risks the caller may see (open ones unless asked), highest residual first.
#[utoipa::path(get, path = "/api/v1/risks", tag = "riskhantering", params(ListArgs, RiskArgs), responses((status = 200, body = PageOf<RiskRow>), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn list(a: ApiActor, Query(l): Query<ListArgs>, Query(f): Query<RiskArgs>) -> ApiResult<Json<PageOf<RiskRow>>> {
    let risks = a.state.app.risks();
    if !risks.can_use(&a.actor) {
        return Err(AppError::Forbidden.into());
    }
    let p = risks.list(&a.actor, f.unit_id, &f.filter()?, &l.params_for(varn_app::risks::SORTS)?).await?;
    Ok(Json(PageOf::of(p, From::from)))
}

/// Whether the heat map counts after treatment.
#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
pub struct HeatArgs {
    /// After treatment (default) or before it (false).
    pub residual: Option<bool>,
}

/// The heat map of the open risks that match (e.g. a nämnd's: `unit_id`): how many sit in
/// each cell of the matrix.
#[utoipa::path(get, path = "/api/v1/risks/heat-map", tag = "riskhantering", params(RiskArgs, HeatArgs), responses((status = 200, body = HeatMap), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn heat_map(a: ApiActor, Query(f): Query<RiskArgs>, Query(h): Query<HeatArgs>) -> ApiResult<Json<HeatMap>> {
    let risks = a.state.app.risks();
    if !risks.can_use(&a.actor) {
        return Err(AppError::Forbidden.into());
    }
    Ok(Json(risks.heat_map(&a.actor, f.unit_id, &f.filter()?, h.residual != Some(false)).await?))
}

/// The risk matrix and the catalogues of threats and vulnerabilities in use.
#[utoipa::path(get, path = "/api/v1/risk-matrix", tag = "riskhantering", responses((status = 200, body = Object)))]
pub async fn matrix(a: ApiActor) -> ApiResult<Json<serde_json::Value>> {
    let r = a.state.app.risks().rules();
    Ok(Json(serde_json::json!({"matrix": r.matrix, "catalogue": r.catalogue})))
}

/// Adds a risk to an analysis the caller may change.
#[utoipa::path(post, path = "/api/v1/risks", tag = "riskhantering", request_body = RiskJson, responses((status = 201, body = RiskView), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(a: ApiActor, Json(b): Json<RiskJson>) -> ApiResult<(StatusCode, Json<RiskView>)> {
    let risks = a.state.app.risks();
    let id = risks.create_risk(&a.actor, risks.check(&b)).await?;
    Ok((StatusCode::CREATED, Json(risks.view(&a.actor, id).await?)))
}

/// One risk with its assets, incidents and treatment actions.
#[utoipa::path(get, path = "/api/v1/risks/{id}", tag = "riskhantering", params(("id" = i64, Path)), responses((status = 200, body = RiskView), (status = 404, body = ErrorBody)))]
pub async fn get_one(a: ApiActor, Path(id): Path<i64>) -> ApiResult<Json<RiskView>> {
    let risks = a.state.app.risks();
    if !risks.can_use(&a.actor) {
        return Err(AppError::NotFound.into());
    }
    Ok(Json(risks.view(&a.actor, id).await?))
}

/// Changes a risk (all fields). An acceptance lapses when the residual level or the treatment
/// changes.
#[utoipa::path(put, path = "/api/v1/risks/{id}", tag = "riskhantering", params(("id" = i64, Path)), request_body = RiskJson, responses((status = 200, body = RiskView), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update(a: ApiActor, Path(id): Path<i64>, Json(b): Json<RiskJson>) -> ApiResult<Json<RiskView>> {
    let risks = a.state.app.risks();
    risks.update_risk(&a.actor, id, risks.check(&b)).await?;
    Ok(Json(risks.view(&a.actor, id).await?))
}

/// Accepts a risk at its present residual level (a unit head over it, at the level the matrix
/// asks: 422 at `accept` when the caller's unit is too low).
#[utoipa::path(post, path = "/api/v1/risks/{id}/accept", tag = "riskhantering", params(("id" = i64, Path)), responses((status = 200, body = RiskView), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn accept(a: ApiActor, Path(id): Path<i64>) -> ApiResult<Json<RiskView>> {
    let risks = a.state.app.risks();
    risks.accept(&a.actor, id).await?;
    Ok(Json(risks.view(&a.actor, id).await?))
}

/// Closes a risk that is no longer relevant.
#[utoipa::path(post, path = "/api/v1/risks/{id}/close", tag = "riskhantering", params(("id" = i64, Path)), responses((status = 200, body = RiskView), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn close(a: ApiActor, Path(id): Path<i64>) -> ApiResult<Json<RiskView>> {
    let risks = a.state.app.risks();
    risks.close(&a.actor, id).await?;
    Ok(Json(risks.view(&a.actor, id).await?))
}

/// An asset to link.
#[derive(Deserialize, Serialize, ToSchema)]
pub struct AssetBody {
    /// The asset.
    pub asset_id: i64,
}

/// Links an information asset to the risk.
#[utoipa::path(post, path = "/api/v1/risks/{id}/assets", tag = "riskhantering", params(("id" = i64, Path)), request_body = AssetBody, responses((status = 200, body = RiskView), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn link_asset(a: ApiActor, Path(id): Path<i64>, Json(b): Json<AssetBody>) -> ApiResult<Json<RiskView>> {
    let risks = a.state.app.risks();
    risks.link_asset(&a.actor, id, b.asset_id, true).await?;
    Ok(Json(risks.view(&a.actor, id).await?))
}

/// Unlinks an information asset from the risk.
#[utoipa::path(delete, path = "/api/v1/risks/{id}/assets/{asset_id}", tag = "riskhantering", params(("id" = i64, Path), ("asset_id" = i64, Path)), responses((status = 200, body = RiskView), (status = 403, body = ErrorBody)))]
pub async fn unlink_asset(a: ApiActor, Path((id, asset_id)): Path<(i64, i64)>) -> ApiResult<Json<RiskView>> {
    let risks = a.state.app.risks();
    risks.link_asset(&a.actor, id, asset_id, false).await?;
    Ok(Json(risks.view(&a.actor, id).await?))
}

/// Gives a treatment action to a person: a task in their Mina uppgifter.
#[utoipa::path(post, path = "/api/v1/risks/{id}/actions", tag = "riskhantering", params(("id" = i64, Path)), request_body = ActionJson, responses((status = 201, body = RiskView), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_action(a: ApiActor, Path(id): Path<i64>, Json(b): Json<ActionJson>) -> ApiResult<(StatusCode, Json<RiskView>)> {
    let risks = a.state.app.risks();
    risks.add_action(&a.actor, id, &b).await?;
    Ok((StatusCode::CREATED, Json(risks.view(&a.actor, id).await?)))
}

/// Analyses filters.
#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
pub struct AnalysisArgs {
    /// Of this unit or one below it.
    pub unit_id: Option<i64>,
}

/// The risk analyses the caller may see, newest first.
#[utoipa::path(get, path = "/api/v1/risk-analyses", tag = "riskhantering", params(ListArgs, AnalysisArgs), responses((status = 200, body = PageOf<AnalysisRow>), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn list_analyses(a: ApiActor, Query(l): Query<ListArgs>, Query(f): Query<AnalysisArgs>) -> ApiResult<Json<PageOf<AnalysisRow>>> {
    let risks = a.state.app.risks();
    if !risks.can_use(&a.actor) {
        return Err(AppError::Forbidden.into());
    }
    let p = risks.analyses(&a.actor, f.unit_id, &l.params_for(varn_app::risks::ANALYSIS_SORTS)?).await?;
    Ok(Json(PageOf::of(p, From::from)))
}

/// Makes a risk analysis of a unit in the caller's scope.
#[utoipa::path(post, path = "/api/v1/risk-analyses", tag = "riskhantering", request_body = AnalysisJson, responses((status = 201, body = AnalysisView), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_analysis(a: ApiActor, Json(b): Json<AnalysisJson>) -> ApiResult<(StatusCode, Json<AnalysisView>)> {
    let risks = a.state.app.risks();
    let id = risks.create_analysis(&a.actor, (&b).try_into()).await?;
    Ok((StatusCode::CREATED, Json(risks.analysis_view(&a.actor, id).await?)))
}

/// One analysis with its risks and their heat map.
#[utoipa::path(get, path = "/api/v1/risk-analyses/{id}", tag = "riskhantering", params(("id" = i64, Path)), responses((status = 200, body = AnalysisView), (status = 404, body = ErrorBody)))]
pub async fn get_analysis(a: ApiActor, Path(id): Path<i64>) -> ApiResult<Json<AnalysisView>> {
    let risks = a.state.app.risks();
    if !risks.can_use(&a.actor) {
        return Err(AppError::NotFound.into());
    }
    Ok(Json(risks.analysis_view(&a.actor, id).await?))
}

/// Changes an analysis; moving it to another unit moves its risks with it.
#[utoipa::path(put, path = "/api/v1/risk-analyses/{id}", tag = "riskhantering", params(("id" = i64, Path)), request_body = AnalysisJson, responses((status = 200, body = AnalysisView), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_analysis(a: ApiActor, Path(id): Path<i64>, Json(b): Json<AnalysisJson>) -> ApiResult<Json<AnalysisView>> {
    let risks = a.state.app.risks();
    risks.update_analysis(&a.actor, id, (&b).try_into()).await?;
    Ok(Json(risks.analysis_view(&a.actor, id).await?))
}
