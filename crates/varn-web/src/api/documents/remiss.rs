//! Remiss and the protokollsutdrag through the API: send the draft to named remissinstanser,
//! see how far it has come, answer for an instance; attach and fetch the minutes.

use crate::api::WebError;
use crate::api::{ApiActor, ApiResult, ErrorBody};
use crate::json::Json;
use axum::extract::{Multipart, Path};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use utoipa::ToSchema;
use varn_app::documents::{RemissInput, RemissStatus};

/// The newest remiss: its instances, their answers, and how many have answered.
#[utoipa::path(get, path = "/api/v1/documents/{id}/remiss", tag = "styrdokument", params(("id" = i64, Path)), responses((status = 200, body = RemissStatus), (status = 404, body = ErrorBody)))]
pub async fn remiss_status(a: ApiActor, Path(id): Path<i64>) -> ApiResult<Json<RemissStatus>> {
    Ok(Json(a.state.app.documents().remiss_status(&a.actor, id).await?))
}

/// Sends the open draft on remiss to the instances (units; a named person answers for one,
/// else its head) with a svarsdatum; each gets a task.
#[utoipa::path(post, path = "/api/v1/documents/{id}/remiss", tag = "styrdokument", params(("id" = i64, Path)), request_body = RemissInput, responses((status = 201, body = RemissStatus), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn send_remiss(a: ApiActor, Path(id): Path<i64>, Json(b): Json<RemissInput>) -> ApiResult<(StatusCode, Json<RemissStatus>)> {
    let docs = a.state.app.documents();
    docs.send_on_remiss(&a.actor, id, &b).await?;
    Ok((StatusCode::CREATED, Json(docs.remiss_status(&a.actor, id).await?)))
}

/// A remiss answer.
#[derive(Deserialize, ToSchema)]
pub struct AnswerBody {
    /// The answer.
    #[serde(default)]
    pub answer: String,
}

/// Answers for an instance (its named person, else its head), once; the receipt is the
/// remiss with the answer, who and when.
#[utoipa::path(post, path = "/api/v1/documents/{id}/remiss/{rid}/answer", tag = "styrdokument", params(("id" = i64, Path), ("rid" = i64, Path)), request_body = AnswerBody, responses((status = 201, body = RemissStatus), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn answer_remiss(
    a: ApiActor,
    Path((id, rid)): Path<(i64, i64)>,
    Json(b): Json<AnswerBody>,
) -> ApiResult<(StatusCode, Json<RemissStatus>)> {
    let docs = a.state.app.documents();
    docs.answer_remiss(&a.actor, id, rid, &b.answer).await?;
    Ok((StatusCode::CREATED, Json(docs.remiss_status(&a.actor, id).await?)))
}

/// Attaches the protokollsutdrag to the version in force (multipart field `file`): whoever
/// records the deciding body's decisions.
#[utoipa::path(post, path = "/api/v1/documents/{id}/protocol", tag = "styrdokument", params(("id" = i64, Path)), responses((status = 204), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn upload_protocol(a: ApiActor, Path(id): Path<i64>, mut mp: Multipart) -> ApiResult<StatusCode> {
    let up = crate::files::read_upload(&mut mp).await?;
    a.state.app.documents().attach_protocol(&a.actor, id, up).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Downloads the protokollsutdrag of a version.
#[utoipa::path(get, path = "/api/v1/documents/{id}/versions/{n}/protocol", tag = "styrdokument", params(("id" = i64, Path), ("n" = i32, Path)), responses((status = 200, content_type = "application/octet-stream", body = Vec<u8>), (status = 404, body = ErrorBody)))]
pub async fn download_protocol(a: ApiActor, Path((id, n)): Path<(i64, i32)>) -> Result<Response, WebError> {
    let f = a.state.app.documents().protocol_file(&a.actor, id, n).await?;
    Ok(crate::files::download(&f.filename, &f.sha256, f.data))
}

/// A review that changed nothing.
#[derive(Deserialize, ToSchema)]
pub struct ReviewedBody {
    /// Nästa översyn (YYYY-MM-DD); absent: the city's interval from today.
    #[serde(default)]
    pub next_review: Option<String>,
}

/// Records that the document in force was reviewed and still holds: senast reviderad today,
/// nästa översyn as given (its editors).
#[utoipa::path(post, path = "/api/v1/documents/{id}/reviewed", tag = "styrdokument", params(("id" = i64, Path)), request_body = ReviewedBody, responses((status = 204), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn mark_reviewed(a: ApiActor, Path(id): Path<i64>, Json(b): Json<ReviewedBody>) -> ApiResult<StatusCode> {
    a.state.app.documents().mark_reviewed(&a.actor, id, b.next_review.as_deref().unwrap_or("")).await?;
    Ok(StatusCode::NO_CONTENT)
}
