//! The register, a document, its drafts, moves and versions.

use crate::api::{ApiActor, ApiResult, ErrorBody};
use crate::api::{ListArgs, PageOf};
use crate::json::Json;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use varn_app::code_param;
use varn_app::documents::{ActionRow, Comparison, DocFilter, DocJson, DocRow, DocView, Document, Version};
use varn_app::AppError;
use varn_domain::document::{DocType, Status};
use varn_domain::Code;

/// A document with the version shown.
#[derive(Serialize, ToSchema)]
pub struct DocumentDto {
    /// The document.
    #[serde(flatten)]
    pub doc: Document,
    /// Number of the version in force.
    pub current_version: Option<i32>,
    /// The version shown (in force, else the draft).
    pub version: Version,
    /// The text as HTML.
    pub html: String,
    /// Strategy actions.
    pub actions: Vec<ActionRow>,
    /// Ids of documents implementing this one.
    pub children: Vec<i64>,
    /// Whether the caller may edit.
    pub can_edit: bool,
    /// Statuses the caller may move it to now.
    #[schema(value_type = Vec<String>)]
    pub moves: Vec<Status>,
}

impl From<DocView> for DocumentDto {
    fn from(v: DocView) -> Self {
        DocumentDto {
            current_version: v.current_number(),
            children: v.children.iter().map(|c| c.id).collect(),
            doc: v.doc,
            version: v.version,
            html: v.html,
            actions: v.actions,
            can_edit: v.can_edit,
            moves: v.moves,
        }
    }
}

/// Register filters.
#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
pub struct DocArgs {
    /// One type: policy / strategi / riktlinje / anvisning.
    #[serde(rename = "type")]
    pub doc_type: Option<String>,
    /// One status: utkast / pa_remiss / gallande / under_revision / upphavd.
    pub status: Option<String>,
    /// Owned by this unit.
    pub unit_id: Option<i64>,
    /// Implementing this document.
    pub parent_id: Option<i64>,
}

/// The register: documents the caller may see. An unknown type or status is a 422.
#[utoipa::path(get, path = "/api/v1/documents", tag = "styrdokument", params(ListArgs, DocArgs), responses((status = 200, body = PageOf<DocRow>), (status = 422, body = ErrorBody)))]
pub async fn list(a: ApiActor, Query(l): Query<ListArgs>, Query(f): Query<DocArgs>) -> ApiResult<Json<PageOf<DocRow>>> {
    let filter = DocFilter {
        doc_type: code_param::<DocType>("type", f.doc_type.as_deref())?,
        status: code_param::<Status>("status", f.status.as_deref())?,
        unit_id: f.unit_id,
        parent_id: f.parent_id,
    };
    let p = a.state.app.documents().list(&a.actor, &filter, &l.params_for(varn_app::documents::SORTS)?).await?;
    Ok(Json(PageOf::of(p, From::from)))
}

/// Creates a document as utkast (version 1), checked against the policy's rules.
#[utoipa::path(post, path = "/api/v1/documents", tag = "styrdokument", request_body = DocJson, responses((status = 201, body = DocumentDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(a: ApiActor, Json(b): Json<DocJson>) -> ApiResult<(StatusCode, Json<DocumentDto>)> {
    let docs = a.state.app.documents();
    let id = docs.create(&a.actor, &b).await?;
    Ok((StatusCode::CREATED, Json(docs.view(&a.actor, id, None).await?.into())))
}

/// Which version to show.
#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
pub struct VersionArg {
    /// Version number; default the one in force (else the draft).
    pub version: Option<i32>,
}

/// One document.
#[utoipa::path(get, path = "/api/v1/documents/{id}", tag = "styrdokument", params(("id" = i64, Path), VersionArg), responses((status = 200, body = DocumentDto), (status = 404, body = ErrorBody)))]
pub async fn get_one(a: ApiActor, Path(id): Path<i64>, Query(q): Query<VersionArg>) -> ApiResult<Json<DocumentDto>> {
    Ok(Json(a.state.app.documents().view(&a.actor, id, q.version).await?.into()))
}

/// Saves the open draft (utkast or under revision; adopted versions are frozen: 409).
#[utoipa::path(patch, path = "/api/v1/documents/{id}", tag = "styrdokument", params(("id" = i64, Path)), request_body = DocJson, responses((status = 200, body = DocumentDto), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update(a: ApiActor, Path(id): Path<i64>, Json(b): Json<DocJson>) -> ApiResult<Json<DocumentDto>> {
    let docs = a.state.app.documents();
    docs.update(&a.actor, id, &b).await?;
    let n = docs.draft_number(&a.actor, id).await?;
    Ok(Json(docs.view(&a.actor, id, n).await?.into()))
}

/// A move in the life cycle.
#[derive(Deserialize, ToSchema)]
pub struct Transition {
    /// utkast / pa_remiss / gallande / under_revision / upphavd.
    pub to: String,
    /// When adopting: beslutsdatum (YYYY-MM-DD), if not already in the draft.
    #[serde(default)]
    pub decision_date: Option<String>,
    /// When adopting: diarienummer.
    #[serde(default)]
    pub diarienummer: Option<String>,
    /// When adopting: paragraph.
    #[serde(default)]
    pub paragraph: Option<String>,
    /// When adopting: gäller från (YYYY-MM-DD), if later than the decision.
    #[serde(default)]
    pub valid_from: Option<String>,
    /// When adopting or repealing an instruction: the approving chef's sign-in name (absent:
    /// the caller, who must be that chef).
    #[serde(default)]
    pub approved_by: Option<String>,
    /// When adopting an instruction: i samråd med.
    #[serde(default)]
    pub consulted: Option<String>,
    /// When repealing: the document that replaces this one (its id).
    #[serde(default)]
    #[schema(value_type = Option<i64>)]
    pub replaced_by: Option<serde_json::Value>,
}

/// Moves the document (only the allowed moves exist). Adopting and repealing record a
/// decision: only someone who acts for the deciding body may (403 with the reason), with
/// its date, dnr and § (a chef's approval: the chef named).
#[utoipa::path(post, path = "/api/v1/documents/{id}/transitions", tag = "styrdokument", params(("id" = i64, Path)), request_body = Transition, responses((status = 200, body = DocumentDto), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn transition(a: ApiActor, Path(id): Path<i64>, Json(b): Json<Transition>) -> ApiResult<Json<DocumentDto>> {
    let to = Status::parse(&b.to).map_err(|c| AppError::field("to", c))?;
    let d = varn_app::documents::Decision {
        decision_date: b.decision_date.unwrap_or_default(),
        diarienummer: b.diarienummer.unwrap_or_default(),
        paragraph: b.paragraph.unwrap_or_default(),
        valid_from: b.valid_from.unwrap_or_default(),
        approved_by: b.approved_by.unwrap_or_default(),
        consulted: b.consulted.unwrap_or_default(),
        // An id, as a number or as text; anything else is a mistake at the field.
        replaced_by: match b.replaced_by {
            None | Some(serde_json::Value::Null) => String::new(),
            Some(serde_json::Value::String(s)) => s,
            Some(v) => v.to_string(),
        },
    };
    let docs = a.state.app.documents();
    docs.transition(&a.actor, id, to, &d).await?;
    Ok(Json(docs.view(&a.actor, id, None).await?.into()))
}

/// The versions the caller may read, newest first.
#[utoipa::path(get, path = "/api/v1/documents/{id}/versions", tag = "styrdokument", params(("id" = i64, Path)), responses((status = 200, body = Vec<Version>)))]
pub async fn versions(a: ApiActor, Path(id): Path<i64>) -> ApiResult<Json<Vec<Version>>> {
    Ok(Json(a.state.app.documents().versions(&a.actor, id).await?))
}

/// One version.
#[utoipa::path(get, path = "/api/v1/documents/{id}/versions/{n}", tag = "styrdokument", params(("id" = i64, Path), ("n" = i32, Path)), responses((status = 200, body = Version), (status = 404, body = ErrorBody)))]
pub async fn version(a: ApiActor, Path((id, n)): Path<(i64, i32)>) -> ApiResult<Json<Version>> {
    Ok(Json(a.state.app.documents().version_readable(&a.actor, id, Some(n)).await?))
}

/// Two versions to compare.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DiffArgs {
    /// From version.
    pub from: i32,
    /// To version.
    pub to: i32,
}

/// Compares two versions: the changed metadata and the text line by line.
#[utoipa::path(get, path = "/api/v1/documents/{id}/diff", tag = "styrdokument", params(("id" = i64, Path), DiffArgs), responses((status = 200, body = Comparison), (status = 404, body = ErrorBody)))]
pub async fn diff(a: ApiActor, Path(id): Path<i64>, Query(q): Query<DiffArgs>) -> ApiResult<Json<Comparison>> {
    Ok(Json(a.state.app.documents().compare(&a.actor, id, q.from, q.to).await?))
}
