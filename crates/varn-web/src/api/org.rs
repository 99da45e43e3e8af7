//! API: the caller, organisation units and their files.

use super::dto::*;
use super::list::*;
use super::{ApiActor, ApiResult, ErrorBody, WebError};
use crate::json::Json;
use crate::AppState;
use axum::extract::{Multipart, Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use utoipa::IntoParams;
use varn_app::org::{UnitInput, UnitUpdateInput};
use varn_store::repo::org::OrgFilter;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/me", get(me))
        .route("/me/password", post(change_password))
        .route("/org-units", get(list_units).post(create_unit))
        .route("/org-units/{id}", get(get_unit).patch(update_unit).delete(delete_unit))
        .route("/org-units/{id}/move", post(move_unit))
        .route("/org-units/{id}/deactivate", post(deactivate_unit))
        .route("/org-units/{id}/activate", post(activate_unit))
        .route("/org-units/{id}/attachments", get(list_unit_files).post(upload_unit_file))
        .route("/attachments/{id}", get(download_file))
}

/// The signed-in caller and their roles.
#[utoipa::path(get, path = "/api/v1/me", tag = "konto", responses((status = 200, body = MeDto), (status = 401, body = ErrorBody)))]
pub async fn me(a: ApiActor) -> Json<MeDto> {
    Json(MeDto {
        id: a.actor.id.0,
        username: a.actor.username.clone(),
        display_name: a.actor.display_name.clone(),
        roles: a
            .actor
            .access
            .grants()
            .iter()
            .map(|g| RoleOn { role: g.role.to_string(), unit_path: g.unit_path.as_str().to_owned() })
            .collect(),
    })
}

/// A password change.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct PasswordChange {
    /// The current password.
    #[serde(default)]
    pub current_password: String,
    /// The new password (at least 12 characters).
    #[serde(default)]
    pub new_password: String,
}

/// Changes the caller's own password. Every session of theirs ends (API tokens stay).
#[utoipa::path(post, path = "/api/v1/me/password", tag = "konto", request_body = PasswordChange, responses((status = 204), (status = 422, body = ErrorBody)))]
pub async fn change_password(a: ApiActor, src: crate::serve::ClientSource, Json(b): Json<PasswordChange>) -> ApiResult<StatusCode> {
    a.state.app.change_password(&a.actor, &b.current_password, &b.new_password, &src.0).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Filters of the unit list.
#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
pub struct UnitArgs {
    /// Only this kind.
    pub kind: Option<String>,
    /// Only active (true) or inactive (false).
    pub active: Option<bool>,
    /// Only direct children of this unit.
    pub parent_id: Option<i64>,
}

/// Units the caller may see.
#[utoipa::path(get, path = "/api/v1/org-units", tag = "organisation", params(ListArgs, UnitArgs), responses((status = 200, body = PageOf<UnitDto>), (status = 401, body = ErrorBody)))]
pub async fn list_units(a: ApiActor, Query(l): Query<ListArgs>, Query(u): Query<UnitArgs>) -> ApiResult<Json<PageOf<UnitDto>>> {
    let f = OrgFilter {
        kind: varn_app::code_param("kind", u.kind.as_deref())?,
        active: u.active,
        parent_id: u.parent_id,
        ..Default::default()
    };
    let p = a.state.app.org_list(&a.actor, &f, &l.params_for(varn_store::repo::org::SORTS)?).await?;
    Ok(Json(PageOf::of(p, Into::into)))
}

/// Creates a unit.
#[utoipa::path(post, path = "/api/v1/org-units", tag = "organisation", request_body = NewUnit, responses((status = 201, body = UnitDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_unit(a: ApiActor, Json(b): Json<NewUnit>) -> ApiResult<(StatusCode, Json<UnitDto>)> {
    let input = UnitInput { parent_id: b.parent_id.map(|p| p.to_string()), kind: b.kind, name: b.name };
    let u = a.state.app.org_create(&a.actor, &input).await?;
    Ok((StatusCode::CREATED, Json(u.into())))
}

/// One unit.
#[utoipa::path(get, path = "/api/v1/org-units/{id}", tag = "organisation", params(("id" = i64, Path)), responses((status = 200, body = UnitDto), (status = 404, body = ErrorBody)))]
pub async fn get_unit(a: ApiActor, Path(id): Path<i64>) -> ApiResult<Json<UnitDto>> {
    Ok(Json(a.state.app.org_get(&a.actor, id).await?.into()))
}

/// Renames a unit and sets its head and security contact.
#[utoipa::path(patch, path = "/api/v1/org-units/{id}", tag = "organisation", params(("id" = i64, Path)), request_body = UnitChanges, responses((status = 200, body = UnitDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_unit(a: ApiActor, Path(id): Path<i64>, Json(b): Json<UnitChanges>) -> ApiResult<Json<UnitDto>> {
    let input = UnitUpdateInput { name: b.name, head_username: b.head_username, security_contact_username: b.security_contact_username };
    Ok(Json(a.state.app.org_update(&a.actor, id, &input).await?.into()))
}

/// Moves a unit and its subtree under a new parent.
#[utoipa::path(post, path = "/api/v1/org-units/{id}/move", tag = "organisation", params(("id" = i64, Path)), request_body = MoveTo, responses((status = 200, body = UnitDto), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn move_unit(a: ApiActor, Path(id): Path<i64>, Json(b): Json<MoveTo>) -> ApiResult<Json<UnitDto>> {
    Ok(Json(a.state.app.org_move(&a.actor, id, &b.parent_id.to_string()).await?.into()))
}

/// Deactivates a unit.
#[utoipa::path(post, path = "/api/v1/org-units/{id}/deactivate", tag = "organisation", params(("id" = i64, Path)), responses((status = 200, body = UnitDto), (status = 409, body = ErrorBody)))]
pub async fn deactivate_unit(a: ApiActor, Path(id): Path<i64>) -> ApiResult<Json<UnitDto>> {
    Ok(Json(a.state.app.org_set_active(&a.actor, id, false).await?.into()))
}

/// Reactivates a unit.
#[utoipa::path(post, path = "/api/v1/org-units/{id}/activate", tag = "organisation", params(("id" = i64, Path)), responses((status = 200, body = UnitDto), (status = 409, body = ErrorBody)))]
pub async fn activate_unit(a: ApiActor, Path(id): Path<i64>) -> ApiResult<Json<UnitDto>> {
    Ok(Json(a.state.app.org_set_active(&a.actor, id, true).await?.into()))
}

/// Deletes a unit nothing refers to.
#[utoipa::path(delete, path = "/api/v1/org-units/{id}", tag = "organisation", params(("id" = i64, Path)), responses((status = 204), (status = 409, body = ErrorBody, description = "Still has children, roles, tasks or files")))]
pub async fn delete_unit(a: ApiActor, Path(id): Path<i64>) -> ApiResult<StatusCode> {
    a.state.app.org_delete(&a.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The files of a unit.
#[utoipa::path(get, path = "/api/v1/org-units/{id}/attachments", tag = "organisation", params(("id" = i64, Path)), responses((status = 200, body = Vec<FileDto>)))]
pub async fn list_unit_files(a: ApiActor, Path(id): Path<i64>) -> ApiResult<Json<Vec<FileDto>>> {
    let files = a.state.app.unit_attachments(&a.actor, id).await?;
    Ok(Json(files.into_iter().map(Into::into).collect()))
}

/// Uploads a file (multipart field `file`).
#[utoipa::path(post, path = "/api/v1/org-units/{id}/attachments", tag = "organisation", params(("id" = i64, Path)), request_body(content_type = "multipart/form-data", content = String), responses((status = 201, body = FileDto), (status = 422, body = ErrorBody)))]
pub async fn upload_unit_file(a: ApiActor, Path(id): Path<i64>, mut mp: Multipart) -> ApiResult<(StatusCode, Json<FileDto>)> {
    let up = crate::files::read_upload(&mut mp).await?;
    let m = a.state.app.attach_to_unit(&a.actor, id, up).await?;
    Ok((StatusCode::CREATED, Json(m.into())))
}

/// Downloads a file.
#[utoipa::path(get, path = "/api/v1/attachments/{id}", tag = "organisation", params(("id" = i64, Path)), responses((status = 200, content_type = "application/octet-stream", body = Vec<u8>), (status = 404, body = ErrorBody)))]
pub async fn download_file(a: ApiActor, Path(id): Path<i64>) -> Result<Response, WebError> {
    let f = a.state.app.attachment_get(&a.actor, id).await?;
    Ok(crate::files::download(&f.filename, &f.sha256, f.data))
}
