//! API: users, roles, tokens, the audit log and tasks.

use super::dto::*;
use super::list::*;
use super::{ApiActor, ApiResult, ErrorBody};
use crate::json::Json;
use crate::AppState;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::routing::{delete, get, post};
use axum::Router;
use serde::Deserialize;
use utoipa::IntoParams;
use varn_app::users::{GrantInput, UserInput};
use varn_app::AppError;
use varn_domain::Permission;
use varn_store::repo::audit::{AuditFilter, Verdict};
use varn_store::repo::users::UserFilter;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/users", get(list_users).post(create_user))
        .route("/users/{id}", get(get_user).patch(update_user))
        .route("/users/{id}/deactivate", post(deactivate_user))
        .route("/users/{id}/activate", post(activate_user))
        .route("/users/{id}/roles", post(grant_role))
        .route("/users/{id}/roles/{grant_id}", delete(revoke_role))
        .route("/tokens", get(list_tokens).post(create_token))
        .route("/tokens/{id}", delete(revoke_token))
        .route("/audit", get(audit))
        .route("/audit/verify", get(audit_verify))
        .route("/tasks", get(tasks))
        .route("/tasks/{id}/done", post(task_done))
}

/// Filters of the user list.
#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
pub struct UserArgs {
    /// Only holders of this role.
    pub role: Option<String>,
    /// Only active (true) or inactive (false).
    pub active: Option<bool>,
}

/// Users the caller may see.
#[utoipa::path(get, path = "/api/v1/users", tag = "användare", params(ListArgs, UserArgs), responses((status = 200, body = PageOf<UserDto>), (status = 403, body = ErrorBody)))]
pub async fn list_users(a: ApiActor, Query(l): Query<ListArgs>, Query(u): Query<UserArgs>) -> ApiResult<Json<PageOf<UserDto>>> {
    a.actor.can(Permission::UserRead)?;
    let p = a
        .state
        .app
        .users_list(
            &a.actor,
            &UserFilter { role: varn_app::code_param("role", u.role.as_deref())?, active: u.active },
            &l.params_for(varn_store::repo::users::SORTS)?,
        )
        .await?;
    Ok(Json(PageOf::of(p, Into::into)))
}

/// Creates a user (Systemadministratör).
#[utoipa::path(post, path = "/api/v1/users", tag = "användare", request_body = NewUser, responses((status = 201, body = UserDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_user(a: ApiActor, Json(b): Json<NewUser>) -> ApiResult<(StatusCode, Json<UserDto>)> {
    let i = UserInput { username: b.username, display_name: b.display_name, email: b.email, password: b.password };
    Ok((StatusCode::CREATED, Json(a.state.app.user_create(&a.actor, &i).await?.into())))
}

/// One user with their roles.
#[utoipa::path(get, path = "/api/v1/users/{id}", tag = "användare", params(("id" = i64, Path)), responses((status = 200, body = UserDetailDto), (status = 404, body = ErrorBody)))]
pub async fn get_user(a: ApiActor, Path(id): Path<i64>) -> ApiResult<Json<UserDetailDto>> {
    let d = a.state.app.user_get(&a.actor, id).await?;
    Ok(Json(UserDetailDto { user: d.user.into(), grants: d.grants.into_iter().map(Into::into).collect() }))
}

/// Changes a user's name and e-mail.
#[utoipa::path(patch, path = "/api/v1/users/{id}", tag = "användare", params(("id" = i64, Path)), request_body = NewUser, responses((status = 200, body = UserDto), (status = 422, body = ErrorBody)))]
pub async fn update_user(a: ApiActor, Path(id): Path<i64>, Json(b): Json<NewUser>) -> ApiResult<Json<UserDto>> {
    let i = UserInput { username: String::new(), display_name: b.display_name, email: b.email, password: String::new() };
    Ok(Json(a.state.app.user_update(&a.actor, id, &i).await?.into()))
}

/// Deactivates a user and ends their sessions.
#[utoipa::path(post, path = "/api/v1/users/{id}/deactivate", tag = "användare", params(("id" = i64, Path)), responses((status = 200, body = UserDto), (status = 409, body = ErrorBody)))]
pub async fn deactivate_user(a: ApiActor, Path(id): Path<i64>) -> ApiResult<Json<UserDto>> {
    Ok(Json(a.state.app.user_set_active(&a.actor, id, false).await?.into()))
}

/// Reactivates a user.
#[utoipa::path(post, path = "/api/v1/users/{id}/activate", tag = "användare", params(("id" = i64, Path)), responses((status = 200, body = UserDto)))]
pub async fn activate_user(a: ApiActor, Path(id): Path<i64>) -> ApiResult<Json<UserDto>> {
    Ok(Json(a.state.app.user_set_active(&a.actor, id, true).await?.into()))
}

/// Grants a role on a unit (covering its subtree).
#[utoipa::path(post, path = "/api/v1/users/{id}/roles", tag = "användare", params(("id" = i64, Path)), request_body = NewGrant, responses((status = 201, body = GrantDto), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn grant_role(a: ApiActor, Path(id): Path<i64>, Json(b): Json<NewGrant>) -> ApiResult<(StatusCode, Json<GrantDto>)> {
    let g = GrantInput { role: b.role, org_unit_id: b.org_unit_id.map(|i| i.to_string()).unwrap_or_default() };
    Ok((StatusCode::CREATED, Json(a.state.app.user_grant(&a.actor, id, &g).await?.into())))
}

/// Revokes a role.
#[utoipa::path(delete, path = "/api/v1/users/{id}/roles/{grant_id}", tag = "användare", params(("id" = i64, Path), ("grant_id" = i64, Path)), responses((status = 204), (status = 409, body = ErrorBody)))]
pub async fn revoke_role(a: ApiActor, Path((id, gid)): Path<(i64, i64)>) -> ApiResult<StatusCode> {
    a.state.app.user_revoke(&a.actor, id, gid).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The caller's API tokens.
#[utoipa::path(get, path = "/api/v1/tokens", tag = "konto", responses((status = 200, body = Vec<TokenDto>)))]
pub async fn list_tokens(a: ApiActor) -> ApiResult<Json<Vec<TokenDto>>> {
    Ok(Json(a.state.app.my_tokens(&a.actor).await?.into_iter().map(Into::into).collect()))
}

/// Creates a token (from a signed-in session only: a token cannot make tokens); the secret
/// is in this answer only.
#[utoipa::path(post, path = "/api/v1/tokens", tag = "konto", request_body = NewToken, responses((status = 201, body = TokenDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_token(a: ApiActor, Json(b): Json<NewToken>) -> ApiResult<(StatusCode, Json<TokenDto>)> {
    if a.via_token {
        return Err(AppError::Refused("err.token.session_only".into(), vec![]).into());
    }
    let (secret, t) = a.state.app.create_token(&a.actor, &b.name, b.days).await?;
    let mut dto: TokenDto = t.into();
    dto.secret = Some(secret);
    Ok((StatusCode::CREATED, Json(dto)))
}

/// Revokes one of the caller's tokens.
#[utoipa::path(delete, path = "/api/v1/tokens/{id}", tag = "konto", params(("id" = i64, Path)), responses((status = 204), (status = 404, body = ErrorBody)))]
pub async fn revoke_token(a: ApiActor, Path(id): Path<i64>) -> ApiResult<StatusCode> {
    a.state.app.revoke_token(&a.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

fn day_us(s: &str, field: &str) -> Result<i64, AppError> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc().timestamp_micros())
        .ok_or_else(|| AppError::field(field, "err.date_invalid"))
}

/// The audit log within the caller's scope, newest first.
#[utoipa::path(get, path = "/api/v1/audit", tag = "granskningslogg", params(AuditArgs), responses((status = 200, body = PageOf<AuditDto>), (status = 403, body = ErrorBody)))]
pub async fn audit(a: ApiActor, Query(q): Query<AuditArgs>) -> ApiResult<Json<PageOf<AuditDto>>> {
    let f = AuditFilter {
        actor_id: q.user_id,
        entity_type: q.entity_type.clone(),
        entity_id: q.entity_id,
        from_us: q.from.as_deref().map(|s| day_us(s, "from")).transpose()?,
        to_us: q.to.as_deref().map(|s| day_us(s, "to").map(|d| d + 86_400_000_000)).transpose()?,
        actions_labelled: vec![],
        sign_ins: None,
    };
    varn_app::check_page(q.page.unwrap_or(1))?;
    let p = ListArgs { page: q.page, limit: q.limit, dir: Some("desc".into()), ..Default::default() }.params();
    let page = a.state.app.audit_list(&a.actor, &f, &p).await?;
    Ok(Json(PageOf::of(page, Into::into)))
}

/// Checks the audit chain (city-wide auditors and samordnare).
#[utoipa::path(get, path = "/api/v1/audit/verify", tag = "granskningslogg", responses((status = 200, body = VerifyDto), (status = 403, body = ErrorBody)))]
pub async fn audit_verify(a: ApiActor) -> ApiResult<Json<VerifyDto>> {
    if !a.actor.access.can_everywhere(Permission::AuditRead) {
        return Err(AppError::Forbidden.into());
    }
    Ok(Json(match a.state.app.audit_verify().await? {
        Verdict::Whole { rows } => VerifyDto { whole: true, rows: Some(rows), broken_at: None, reason: None },
        Verdict::Broken { seq, reason } => VerifyDto { whole: false, rows: None, broken_at: Some(seq), reason: Some(reason.into()) },
    }))
}

/// Mina uppgifter: the caller's open tasks, overdue first.
#[utoipa::path(get, path = "/api/v1/tasks", tag = "uppgifter", responses((status = 200, body = Vec<TaskDto>)))]
pub async fn tasks(a: ApiActor) -> ApiResult<Json<Vec<TaskDto>>> {
    // The first 500, as before pages came to the page (the API's answer is a plain list).
    let ts = a.state.app.my_open_tasks(&a.actor, 500).await?;
    Ok(Json(
        ts.into_iter()
            .map(|t| TaskDto {
                id: t.task.id,
                source_type: t.task.source_type,
                title: t.task.title,
                link: t.task.link,
                due_date: t.task.due_date,
                status: varn_domain::Code::as_str(t.task.status),
                unit_name: t.unit_name,
                days_left: t.days_left,
            })
            .collect(),
    ))
}

/// Marks a task done.
#[utoipa::path(post, path = "/api/v1/tasks/{id}/done", tag = "uppgifter", params(("id" = i64, Path)), responses((status = 204), (status = 404, body = ErrorBody)))]
pub async fn task_done(a: ApiActor, Path(id): Path<i64>) -> ApiResult<StatusCode> {
    a.state.app.task_set_done(&a.actor, id, true).await?;
    Ok(StatusCode::NO_CONTENT)
}
