//! API: an incident's actions and its contacts with authorities, and the register of
//! authorities and networks with the contacts made.

use crate::api::PageOf;
use crate::api::{ApiActor, ApiResult, ErrorBody};
use crate::json::Json;
use crate::AppState;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use varn_app::incidents::{ActionDoneJson, ActionJson, AuthorityJson, ContactCount, ContactJson, ContactRow, IncidentView};
use varn_app::AppError;
use varn_domain::Code;
use varn_store::entity::authority;

/// The routes, each with its OpenAPI description.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(add_action))
        .routes(routes!(action_done))
        .routes(routes!(incident_contact))
        .routes(routes!(list, create))
        .routes(routes!(get_one, update))
        .routes(routes!(add_contact))
}

/// An authority or network of the register, with the contacts in the caller's view.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuthorityOut {
    /// Id.
    pub id: i64,
    /// The code the reporting duties' data use (`imy`, `csirt`, …), for the builtin ones.
    pub code: Option<String>,
    /// Name.
    pub name: String,
    /// `myndighet`, `natverk` or `annan`.
    pub kind: String,
    /// What they do for the city.
    pub purpose: Option<String>,
    /// Website.
    pub website: Option<String>,
    /// Where reports are filed.
    pub report_url: Option<String>,
    /// Telephone.
    pub phone: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// A named contact.
    pub contact_person: Option<String>,
    /// Notes.
    pub notes: Option<String>,
    /// In use.
    pub active: bool,
    /// Contacts made, in the caller's view.
    pub contacts: i64,
    /// The latest of them.
    #[serde(serialize_with = "varn_domain::json_time::opt_datetime")]
    pub latest_contact: Option<chrono::DateTime<chrono::Utc>>,
}

fn out(a: authority::Model, c: Option<&ContactCount>) -> AuthorityOut {
    AuthorityOut {
        id: a.id,
        code: a.code,
        name: a.name,
        kind: a.kind.as_str().to_owned(),
        purpose: a.purpose,
        website: a.website,
        report_url: a.report_url,
        phone: a.phone,
        email: a.email,
        contact_person: a.contact_person,
        notes: a.notes,
        active: a.active,
        contacts: c.map(|c| c.n).unwrap_or(0),
        latest_contact: c.and_then(|c| c.latest),
    }
}

/// An authority with one page of its contacts, newest first.
#[derive(Serialize, ToSchema)]
pub struct AuthorityDetail {
    /// The authority (its `contacts` count is the page's total).
    pub authority: AuthorityOut,
    /// The contacts.
    pub contacts: PageOf<ContactRow>,
}

/// Which page of the contacts.
#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
pub struct PageArg {
    /// From 1 (50 a page).
    pub page: Option<u64>,
}

async fn detail(a: &ApiActor, id: i64, page: u64) -> Result<AuthorityDetail, AppError> {
    let (m, p) = a.state.app.incidents().authority(&a.actor, id, page).await?;
    let latest = p.items.first().map(|c| c.at);
    let count = ContactCount { authority_id: m.id, n: p.total as i64, latest };
    Ok(AuthorityDetail { authority: out(m, Some(&count)), contacts: PageOf::of(p, From::from) })
}

/// Gives an action about the incident to a person by a date: a task in their Mina uppgifter.
#[utoipa::path(post, path = "/api/v1/incidents/{id}/actions", tag = "incidenter", params(("id" = i64, Path)), request_body = ActionJson, responses((status = 200, body = IncidentView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_action(a: ApiActor, Path(id): Path<i64>, Json(b): Json<ActionJson>) -> ApiResult<Json<IncidentView>> {
    let inc = a.state.app.incidents();
    inc.add_action(&a.actor, id, &b).await?;
    Ok(Json(inc.view(&a.actor, id).await?))
}

/// Marks an action done or open again (its owner, or a handler).
#[utoipa::path(put, path = "/api/v1/incidents/{id}/actions/{action}", tag = "incidenter", params(("id" = i64, Path), ("action" = i64, Path)), request_body = ActionDoneJson, responses((status = 200, body = IncidentView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn action_done(
    a: ApiActor,
    Path((id, action)): Path<(i64, i64)>,
    Json(b): Json<ActionDoneJson>,
) -> ApiResult<Json<IncidentView>> {
    let inc = a.state.app.incidents();
    inc.set_action_done(&a.actor, id, action, b.done).await?;
    Ok(Json(inc.view(&a.actor, id).await?))
}

/// Records a contact made with an authority about the incident (`authority_id` required).
#[utoipa::path(post, path = "/api/v1/incidents/{id}/contacts", tag = "incidenter", params(("id" = i64, Path)), request_body = ContactJson, responses((status = 200, body = IncidentView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn incident_contact(a: ApiActor, Path(id): Path<i64>, Json(b): Json<ContactJson>) -> ApiResult<Json<IncidentView>> {
    let inc = a.state.app.incidents();
    inc.add_incident_contact(&a.actor, id, &b, Default::default()).await?;
    Ok(Json(inc.view(&a.actor, id).await?))
}

/// The register of authorities and networks, with the contacts in the caller's view counted.
#[utoipa::path(get, path = "/api/v1/authorities", tag = "incidenter", responses((status = 200, body = Vec<AuthorityOut>), (status = 403, body = ErrorBody)))]
pub async fn list(a: ApiActor) -> ApiResult<Json<Vec<AuthorityOut>>> {
    let rows = a.state.app.incidents().authorities(&a.actor).await?;
    Ok(Json(rows.into_iter().map(|(m, c)| out(m, c.as_ref())).collect()))
}

/// Adds an authority or network (the city's incident handlers).
#[utoipa::path(post, path = "/api/v1/authorities", tag = "incidenter", request_body = AuthorityJson, responses((status = 201, body = AuthorityDetail), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(a: ApiActor, Json(b): Json<AuthorityJson>) -> ApiResult<(StatusCode, Json<AuthorityDetail>)> {
    let id = a.state.app.incidents().save_authority(&a.actor, None, &b).await?;
    Ok((StatusCode::CREATED, Json(detail(&a, id, 1).await?)))
}

/// One authority or network with a page of the contacts in the caller's view.
#[utoipa::path(get, path = "/api/v1/authorities/{id}", tag = "incidenter", params(("id" = i64, Path), PageArg), responses((status = 200, body = AuthorityDetail), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_one(a: ApiActor, Path(id): Path<i64>, Query(q): Query<PageArg>) -> ApiResult<Json<AuthorityDetail>> {
    Ok(Json(detail(&a, id, q.page.unwrap_or(1).max(1)).await?))
}

/// Changes an authority or network (all fields; send back what you read).
#[utoipa::path(put, path = "/api/v1/authorities/{id}", tag = "incidenter", params(("id" = i64, Path)), request_body = AuthorityJson, responses((status = 200, body = AuthorityDetail), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update(a: ApiActor, Path(id): Path<i64>, Json(b): Json<AuthorityJson>) -> ApiResult<Json<AuthorityDetail>> {
    a.state.app.incidents().save_authority(&a.actor, Some(id), &b).await?;
    Ok(Json(detail(&a, id, 1).await?))
}

/// Records a contact made with the authority, on behalf of a unit where the caller handles
/// incidents (`unit_id`), or about an incident they handle (`incident_id`).
#[utoipa::path(post, path = "/api/v1/authorities/{id}/contacts", tag = "incidenter", params(("id" = i64, Path)), request_body = ContactJson, responses((status = 201, body = AuthorityDetail), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_contact(a: ApiActor, Path(id): Path<i64>, Json(b): Json<ContactJson>) -> ApiResult<(StatusCode, Json<AuthorityDetail>)> {
    a.state.app.incidents().add_contact(&a.actor, id, &b).await?;
    Ok((StatusCode::CREATED, Json(detail(&a, id, 1).await?)))
}
