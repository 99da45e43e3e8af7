//! Strategy actions, remiss comments, read confirmation, follow-up, files, PDF and the city's
//! rules for documents.

use crate::api::{ApiActor, ApiResult, ErrorBody, WebError};
use crate::json::Json;
use crate::present::documents::{conformance_of, pdf_download};
use axum::extract::{Multipart, Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use varn_app::documents::{AckAsk, AckPreview, AckRequestReport, ActionJson, ActionRow, Comment, FollowUp, PendingAck};
use varn_domain::document::DocumentRules;

/// The actions of a strategy.
#[utoipa::path(get, path = "/api/v1/documents/{id}/actions", tag = "styrdokument", params(("id" = i64, Path)), responses((status = 200, body = Vec<ActionRow>)))]
pub async fn actions(a: ApiActor, Path(id): Path<i64>) -> ApiResult<Json<Vec<ActionRow>>> {
    Ok(Json(a.state.app.documents().view(&a.actor, id, None).await?.actions))
}

/// The id of what was created.
#[derive(Serialize, ToSchema)]
pub struct Created {
    /// Id.
    pub id: i64,
}

/// Adds an action to a strategy being drafted; it becomes a task when adopted.
#[utoipa::path(post, path = "/api/v1/documents/{id}/actions", tag = "styrdokument", params(("id" = i64, Path)), request_body = ActionJson, responses((status = 201, body = Created), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_action(a: ApiActor, Path(id): Path<i64>, Json(b): Json<ActionJson>) -> ApiResult<(StatusCode, Json<Created>)> {
    let id = a.state.app.documents().add_action(&a.actor, id, &b).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// The editors' notes on a document (the remissinstanser answer through the remiss).
#[utoipa::path(get, path = "/api/v1/documents/{id}/comments", tag = "styrdokument", params(("id" = i64, Path)), responses((status = 200, body = Vec<Comment>)))]
pub async fn comments(a: ApiActor, Path(id): Path<i64>) -> ApiResult<Json<Vec<Comment>>> {
    Ok(Json(a.state.app.documents().view(&a.actor, id, None).await?.comments))
}

/// A remiss comment to add.
#[derive(Deserialize, ToSchema, Default)]
#[serde(default)]
pub struct NewComment {
    /// Text.
    pub body: String,
}

/// Comments on the version on remiss.
#[utoipa::path(post, path = "/api/v1/documents/{id}/comments", tag = "styrdokument", params(("id" = i64, Path)), request_body = NewComment, responses((status = 201, body = Created), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_comment(a: ApiActor, Path(id): Path<i64>, Json(b): Json<NewComment>) -> ApiResult<(StatusCode, Json<Created>)> {
    let id = a.state.app.documents().comment(&a.actor, id, &b.body).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// A unit whose staff are to confirm.
#[derive(Deserialize, ToSchema)]
pub struct AckRequest {
    /// The unit (its whole subtree is asked); within the caller's own scope.
    pub unit_id: i64,
    /// The last day to confirm (YYYY-MM-DD), optional.
    #[serde(default)]
    pub due_date: Option<String>,
    /// Send it. Without it nothing is sent: the answer (200) says how many people would be
    /// asked, so a client can ask its user first.
    #[serde(default)]
    pub confirm: bool,
}

/// Asks a unit's staff to confirm reading the version in force (201 when `confirm`; else
/// 200 with how many would be asked, and nothing sent).
#[utoipa::path(post, path = "/api/v1/documents/{id}/acknowledgement-requests", tag = "styrdokument", params(("id" = i64, Path)), request_body = AckRequest, responses((status = 201, body = AckPreview), (status = 200, body = AckPreview), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn request_ack(a: ApiActor, Path(id): Path<i64>, Json(b): Json<AckRequest>) -> ApiResult<(StatusCode, Json<AckPreview>)> {
    let ask = AckAsk { unit_id: b.unit_id.to_string(), due_date: b.due_date.unwrap_or_default(), confirm: b.confirm };
    let p = a.state.app.documents().request_ack(&a.actor, id, &ask).await?;
    Ok((if p.sent { StatusCode::CREATED } else { StatusCode::OK }, Json(p)))
}

/// Who has confirmed, per request and unit.
#[utoipa::path(get, path = "/api/v1/documents/{id}/acknowledgements", tag = "styrdokument", params(("id" = i64, Path)), responses((status = 200, body = Vec<AckRequestReport>)))]
pub async fn ack_report(a: ApiActor, Path(id): Path<i64>) -> ApiResult<Json<Vec<AckRequestReport>>> {
    Ok(Json(a.state.app.documents().ack_report(&a.actor, id).await?))
}

/// The caller confirms reading the version in force.
#[utoipa::path(post, path = "/api/v1/documents/{id}/acknowledge", tag = "styrdokument", params(("id" = i64, Path)), responses((status = 204), (status = 409, body = ErrorBody)))]
pub async fn acknowledge(a: ApiActor, Path(id): Path<i64>) -> ApiResult<StatusCode> {
    a.state.app.documents().acknowledge(&a.actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Documents the caller is asked to confirm.
#[utoipa::path(get, path = "/api/v1/documents/pending-acknowledgements", tag = "styrdokument", responses((status = 200, body = Vec<PendingAck>)))]
pub async fn pending(a: ApiActor) -> ApiResult<Json<Vec<PendingAck>>> {
    Ok(Json(a.state.app.documents().pending_acks(&a.actor).await?))
}

/// Follow-up within the caller's scope: counts per unit, and the first 1 000 documents and
/// overdue actions.
#[utoipa::path(get, path = "/api/v1/documents/follow-up", tag = "styrdokument", responses((status = 200, body = FollowUp), (status = 403, body = ErrorBody)))]
pub async fn follow_up(a: ApiActor) -> ApiResult<Json<FollowUp>> {
    Ok(Json(std::sync::Arc::unwrap_or_clone(a.state.app.documents().follow_up(&a.actor, 1_000).await?)))
}

/// Which PDF.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PdfArgs {
    /// The version (default: the one in force).
    pub version: Option<i32>,
    /// `1`: PDF/A-2a, to archive; else PDF/UA-1, to read.
    pub archive: Option<String>,
}

/// The version in force (or `?version=`) as PDF, with the metadata table on top: tagged
/// PDF/UA-1, or with `archive=1` PDF/A-2a; fonts embedded.
#[utoipa::path(get, path = "/api/v1/documents/{id}/pdf", tag = "styrdokument", params(("id" = i64, Path), PdfArgs), responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 404, body = ErrorBody)))]
pub async fn pdf(a: ApiActor, Path(id): Path<i64>, Query(q): Query<PdfArgs>) -> Result<Response, WebError> {
    Ok(pdf_download(&a.state, crate::i18n::Tr::new(a.lang), &a.actor, id, q.version, conformance_of(q.archive.as_deref())).await?)
}

/// Attaches a file as the text of the open draft (multipart field `file`).
#[utoipa::path(post, path = "/api/v1/documents/{id}/file", tag = "styrdokument", params(("id" = i64, Path)), responses((status = 204), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn upload_file(a: ApiActor, Path(id): Path<i64>, mut mp: Multipart) -> ApiResult<StatusCode> {
    let up = crate::files::read_upload(&mut mp).await?;
    a.state.app.documents().attach_file(&a.actor, id, up).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Downloads the file of a version.
#[utoipa::path(get, path = "/api/v1/documents/{id}/versions/{n}/file", tag = "styrdokument", params(("id" = i64, Path), ("n" = i32, Path)), responses((status = 200, content_type = "application/octet-stream", body = Vec<u8>), (status = 404, body = ErrorBody)))]
pub async fn download_file(a: ApiActor, Path((id, n)): Path<(i64, i32)>) -> Result<Response, WebError> {
    let f = a.state.app.documents().file(&a.actor, id, n).await?;
    Ok(crate::files::download(&f.filename, &f.sha256, f.data))
}

/// Rules of the policy the city may bend.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct RulesDto {
    /// A nämnd may adopt its own riktlinjer (the policy says kommunstyrelsen).
    pub namnd_may_adopt_riktlinje: bool,
    /// Years from a decision to the next review, per type (policy, strategi, riktlinje,
    /// anvisning), 1–10; absent keeps the current setting.
    #[serde(default)]
    pub review_years: Option<[u8; 4]>,
}

/// The city's rules for documents.
#[utoipa::path(get, path = "/api/v1/settings/documents", tag = "styrdokument", responses((status = 200, body = RulesDto)))]
pub async fn get_rules(a: ApiActor) -> ApiResult<Json<RulesDto>> {
    let r = a.state.app.documents().rules().await?;
    Ok(Json(RulesDto { namnd_may_adopt_riktlinje: r.namnd_may_adopt_riktlinje, review_years: Some(r.review_years) }))
}

/// Changes the city's rules (Systemadministratör).
#[utoipa::path(put, path = "/api/v1/settings/documents", tag = "styrdokument", request_body = RulesDto, responses((status = 200, body = RulesDto), (status = 403, body = ErrorBody)))]
pub async fn put_rules(a: ApiActor, Json(b): Json<RulesDto>) -> ApiResult<Json<RulesDto>> {
    let docs = a.state.app.documents();
    let current = docs.rules().await?;
    let rules = DocumentRules {
        namnd_may_adopt_riktlinje: b.namnd_may_adopt_riktlinje,
        review_years: b.review_years.unwrap_or(current.review_years),
    };
    docs.set_rules(&a.actor, rules).await?;
    Ok(Json(RulesDto { namnd_may_adopt_riktlinje: rules.namnd_may_adopt_riktlinje, review_years: Some(rules.review_years) }))
}
