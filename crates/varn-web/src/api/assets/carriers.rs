//! The carrier register through the API: list, register, change, and dependencies.

use crate::api::{ApiActor, ApiResult, ErrorBody};
use crate::api::{ListArgs, PageOf};
use crate::json::Json;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use serde::Deserialize;
use utoipa::IntoParams;
use varn_app::assets::{CarrierCommand, CarrierFilter, CarrierJson, CarrierRow, CarrierView};
use varn_app::{code_param, AppError};
use varn_domain::asset::{CarrierKind, Hosting};

/// Carrier filters.
#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
pub struct CarrierArgs {
    /// papper / flyttbart_medium / it_system / it_tjanst / person.
    pub kind: Option<String>,
    /// egen_drift / leverantor / moln.
    pub hosting: Option<String>,
    /// Only those with (true) or without (false) third-country transfer.
    pub third_country: Option<bool>,
}

/// The city's carrier register.
#[utoipa::path(get, path = "/api/v1/carriers", tag = "informationstillgångar", params(ListArgs, CarrierArgs), responses((status = 200, body = PageOf<CarrierRow>), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn list_carriers(a: ApiActor, Query(l): Query<ListArgs>, Query(f): Query<CarrierArgs>) -> ApiResult<Json<PageOf<CarrierRow>>> {
    let assets = a.state.app.assets();
    if !assets.can_use(&a.actor) {
        return Err(AppError::Forbidden.into());
    }
    let filter = CarrierFilter {
        kind: code_param::<CarrierKind>("kind", f.kind.as_deref())?,
        hosting: code_param::<Hosting>("hosting", f.hosting.as_deref())?,
        third_country: f.third_country,
    };
    let p = assets.carriers(&a.actor, &filter, &l.params_for(varn_app::assets::CARRIER_SORTS)?).await?;
    Ok(Json(PageOf::of(p, From::from)))
}

/// Registers a carrier.
#[utoipa::path(post, path = "/api/v1/carriers", tag = "informationstillgångar", request_body = CarrierJson, responses((status = 201, body = CarrierView), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_carrier(a: ApiActor, Json(b): Json<CarrierJson>) -> ApiResult<(StatusCode, Json<CarrierView>)> {
    let assets = a.state.app.assets();
    let id = assets.create_carrier(&a.actor, CarrierCommand::try_from(&b)).await?;
    Ok((StatusCode::CREATED, Json(assets.carrier(&a.actor, id).await?)))
}

/// One carrier: what it must meet, what it carries, its dependencies both ways.
#[utoipa::path(get, path = "/api/v1/carriers/{id}", tag = "informationstillgångar", params(("id" = i64, Path)), responses((status = 200, body = CarrierView), (status = 404, body = ErrorBody)))]
pub async fn get_carrier(a: ApiActor, Path(id): Path<i64>) -> ApiResult<Json<CarrierView>> {
    Ok(Json(a.state.app.assets().carrier(&a.actor, id).await?))
}

/// Changes a carrier (all fields).
#[utoipa::path(put, path = "/api/v1/carriers/{id}", tag = "informationstillgångar", params(("id" = i64, Path)), request_body = CarrierJson, responses((status = 200, body = CarrierView), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_carrier(a: ApiActor, Path(id): Path<i64>, Json(b): Json<CarrierJson>) -> ApiResult<Json<CarrierView>> {
    let assets = a.state.app.assets();
    assets.update_carrier(&a.actor, id, CarrierCommand::try_from(&b)).await?;
    Ok(Json(assets.carrier(&a.actor, id).await?))
}

/// Records that carrier `id` depends on carrier `on` (no cycles).
#[utoipa::path(put, path = "/api/v1/carriers/{id}/depends-on/{on}", tag = "informationstillgångar", params(("id" = i64, Path), ("on" = i64, Path)), responses((status = 204), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_dependency(a: ApiActor, Path((id, on)): Path<(i64, i64)>) -> ApiResult<StatusCode> {
    a.state.app.assets().depend(&a.actor, id, on, true).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes the dependency of carrier `id` on carrier `on`.
#[utoipa::path(delete, path = "/api/v1/carriers/{id}/depends-on/{on}", tag = "informationstillgångar", params(("id" = i64, Path), ("on" = i64, Path)), responses((status = 204), (status = 403, body = ErrorBody)))]
pub async fn remove_dependency(a: ApiActor, Path((id, on)): Path<(i64, i64)>) -> ApiResult<StatusCode> {
    a.state.app.assets().depend(&a.actor, id, on, false).await?;
    Ok(StatusCode::NO_CONTENT)
}
