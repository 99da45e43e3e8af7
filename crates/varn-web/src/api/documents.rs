//! API: governing documents (styrdokument).

use super::dto::{ListArgs, PageOf};
use super::{ApiActor, ApiError, ApiResult, ErrorBody};
use crate::i18n::Tr;
use crate::AppState;
use axum::extract::Multipart;
use axum::extract::{Path, Query};
use axum::http::header;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use varn_app::documents::{ActionInput, DocInput, DocView};
use varn_store::entity::document_version as ver;
use varn_store::repo::documents::{DocFilter, DocRow};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/documents", get(list).post(create))
        .route("/documents/follow-up", get(follow_up))
        .route("/documents/pending-acknowledgements", get(pending))
        .route("/documents/{id}", get(get_one).patch(update))
        .route("/documents/{id}/transitions", post(transition))
        .route("/documents/{id}/versions", get(versions))
        .route("/documents/{id}/versions/{n}", get(version))
        .route("/documents/{id}/diff", get(diff))
        .route("/documents/{id}/actions", get(actions).post(add_action))
        .route("/documents/{id}/comments", get(comments).post(add_comment))
        .route("/documents/{id}/acknowledgement-requests", post(request_ack))
        .route("/documents/{id}/acknowledgements", get(ack_report))
        .route("/documents/{id}/acknowledge", post(acknowledge))
        .route("/documents/{id}/pdf", get(pdf))
        .route("/documents/{id}/file", post(upload_file))
        .route("/documents/{id}/versions/{n}/file", get(download_file))
        .route("/settings/documents", get(get_rules).put(put_rules))
}

/// Rules of the policy the city may bend.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct RulesDto {
    /// A nämnd may adopt its own riktlinjer (the policy says kommunstyrelsen).
    pub namnd_may_adopt_riktlinje: bool,
}

/// The city's rules for documents.
#[utoipa::path(get, path = "/api/v1/settings/documents", tag = "styrdokument", responses((status = 200, body = RulesDto)))]
pub async fn get_rules(a: ApiActor) -> ApiResult<Json<RulesDto>> {
    let r = a.state.app.doc_rules().await.map_err(|e| a.err(e))?;
    Ok(Json(RulesDto { namnd_may_adopt_riktlinje: r.namnd_may_adopt_riktlinje }))
}

/// Changes the city's rules (Systemadministratör).
#[utoipa::path(put, path = "/api/v1/settings/documents", tag = "styrdokument", request_body = RulesDto, responses((status = 200, body = RulesDto), (status = 403, body = ErrorBody)))]
pub async fn put_rules(a: ApiActor, Json(b): Json<RulesDto>) -> ApiResult<Json<RulesDto>> {
    let rules = varn_domain::document::DocumentRules { namnd_may_adopt_riktlinje: b.namnd_may_adopt_riktlinje };
    a.state.app.doc_set_rules(&a.actor, rules).await.map_err(|e| a.err(e))?;
    Ok(Json(b))
}

/// A row of the register.
#[derive(Serialize, ToSchema)]
pub struct DocumentRowDto {
    /// Id.
    pub id: i64,
    /// policy / strategi / riktlinje / anvisning.
    pub doc_type: String,
    /// Title.
    pub title: String,
    /// utkast / pa_remiss / gallande / under_revision / upphavd.
    pub status: String,
    /// Owning unit.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// The document it implements.
    pub parent_id: Option<i64>,
    /// Revision date of the version in force.
    pub revision_date: Option<chrono::NaiveDate>,
    /// End of validity of the version in force (none: until further notice).
    pub valid_until: Option<chrono::NaiveDate>,
}

impl From<DocRow> for DocumentRowDto {
    fn from(r: DocRow) -> Self {
        DocumentRowDto {
            id: r.id,
            doc_type: r.doc_type,
            title: r.title,
            status: r.status,
            unit_id: r.unit_id,
            unit_name: r.unit_name,
            parent_id: r.parent_id,
            revision_date: r.revision_date,
            valid_until: r.valid_until,
        }
    }
}

/// A version: its metadata block and text.
#[derive(Serialize, ToSchema)]
pub struct VersionDto {
    /// Number, from 1.
    pub number: i32,
    /// draft / adopted / superseded.
    pub state: String,
    /// Title.
    pub title: String,
    /// kommunfullmaktige / kommunstyrelse / namnd / chef.
    pub deciding_body: String,
    /// Beslutsdatum.
    pub decision_date: Option<chrono::NaiveDate>,
    /// Last day of validity; none means tills vidare.
    pub valid_until: Option<chrono::NaiveDate>,
    /// Antagen till följd av lag.
    pub by_law: bool,
    /// Which law.
    pub law: Option<String>,
    /// Revisionsdatum.
    pub revision_date: Option<chrono::NaiveDate>,
    /// Uppföljning.
    pub follow_up: Option<String>,
    /// Diarienummer.
    pub diarienummer: Option<String>,
    /// Paragraph.
    pub paragraph: Option<String>,
    /// Text in Markdown.
    pub body_md: String,
    /// When adopted.
    pub adopted_at: Option<chrono::DateTime<chrono::Utc>>,
}

impl From<ver::Model> for VersionDto {
    fn from(v: ver::Model) -> Self {
        VersionDto {
            number: v.number,
            state: v.state,
            title: v.title,
            deciding_body: v.deciding_body,
            decision_date: v.decision_date,
            valid_until: v.valid_until,
            by_law: v.by_law,
            law: v.law,
            revision_date: v.revision_date,
            follow_up: v.follow_up,
            diarienummer: v.diarienummer,
            paragraph: v.paragraph,
            body_md: v.body_md,
            adopted_at: v.adopted_at,
        }
    }
}

/// A strategy action.
#[derive(Serialize, ToSchema)]
pub struct ActionDto {
    /// Id.
    pub id: i64,
    /// What.
    pub title: String,
    /// Responsible person.
    pub responsible_user_id: Option<i64>,
    /// Responsible unit.
    pub responsible_unit_id: Option<i64>,
    /// By when.
    pub due_date: Option<chrono::NaiveDate>,
    /// hog / medel / lag.
    pub priority: String,
    /// The task in Mina uppgifter, once adopted.
    pub task_id: Option<i64>,
    /// open / done.
    pub task_status: Option<String>,
}

/// A document with the version shown.
#[derive(Serialize, ToSchema)]
pub struct DocumentDto {
    /// Id.
    pub id: i64,
    /// Type.
    pub doc_type: String,
    /// Status.
    pub status: String,
    /// Owning unit.
    pub unit_id: i64,
    /// Unit it applies to (with its subtree).
    pub applies_to_unit_id: i64,
    /// Dokumentansvarig person.
    pub owner_user_id: Option<i64>,
    /// The document it implements.
    pub parent_id: Option<i64>,
    /// Number of the version in force.
    pub current_version: Option<i32>,
    /// The version shown (in force, else the draft).
    pub version: VersionDto,
    /// The text as HTML.
    pub html: String,
    /// Strategy actions.
    pub actions: Vec<ActionDto>,
    /// Ids of documents implementing this one.
    pub children: Vec<i64>,
    /// Whether the caller may edit.
    pub can_edit: bool,
    /// Statuses the caller may move it to now.
    pub moves: Vec<String>,
}

impl From<DocView> for DocumentDto {
    fn from(v: DocView) -> Self {
        let current = v.versions.iter().find(|r| r.state == "adopted").map(|r| r.number);
        DocumentDto {
            id: v.doc.id,
            doc_type: v.doc.doc_type,
            status: v.doc.status,
            unit_id: v.doc.unit_id,
            applies_to_unit_id: v.doc.applies_to_unit_id,
            owner_user_id: v.doc.owner_user_id,
            parent_id: v.doc.parent_id,
            current_version: current,
            html: v.html,
            version: v.version.into(),
            actions: v
                .actions
                .into_iter()
                .map(|a| ActionDto {
                    id: a.id,
                    title: a.title,
                    responsible_user_id: a.responsible_user_id,
                    responsible_unit_id: a.responsible_unit_id,
                    due_date: a.due_date,
                    priority: a.priority,
                    task_id: a.task_id,
                    task_status: a.task_status,
                })
                .collect(),
            children: v.children.iter().map(|c| c.id).collect(),
            can_edit: v.can_edit,
            moves: v.moves.iter().map(|m| m.as_str().to_owned()).collect(),
        }
    }
}

/// A document to create, or the draft to save.
#[derive(Deserialize, ToSchema, Default)]
#[serde(default)]
pub struct NewDocument {
    /// policy / strategi / riktlinje / anvisning.
    pub doc_type: String,
    /// Title.
    pub title: String,
    /// Owning unit.
    pub unit_id: Option<i64>,
    /// Unit it applies to; the root for the whole city.
    pub applies_to_unit_id: Option<i64>,
    /// Dokumentansvarig (sign-in name).
    pub owner_username: Option<String>,
    /// The document it implements.
    pub parent_id: Option<i64>,
    /// kommunfullmaktige / kommunstyrelse / namnd / chef.
    pub deciding_body: String,
    /// Last day of validity; absent for tills vidare.
    pub valid_until: Option<String>,
    /// Beslutsdatum (YYYY-MM-DD).
    pub decision_date: Option<String>,
    /// Antagen till följd av lag.
    pub by_law: bool,
    /// Which law.
    pub law: Option<String>,
    /// Revisionsdatum.
    pub revision_date: Option<String>,
    /// Uppföljning.
    pub follow_up: Option<String>,
    /// Diarienummer.
    pub diarienummer: Option<String>,
    /// Paragraph.
    pub paragraph: Option<String>,
    /// The text in Markdown.
    pub body_md: String,
}

impl From<NewDocument> for DocInput {
    fn from(b: NewDocument) -> Self {
        let s = |x: Option<i64>| x.map(|i| i.to_string()).unwrap_or_default();
        DocInput {
            doc_type: b.doc_type,
            title: b.title,
            unit_id: s(b.unit_id),
            applies_to_unit_id: s(b.applies_to_unit_id),
            owner_username: b.owner_username.unwrap_or_default(),
            parent_id: s(b.parent_id),
            deciding_body: b.deciding_body,
            validity: if b.valid_until.as_deref().map(str::trim).unwrap_or("").is_empty() { "tills_vidare".into() } else { "until".into() },
            valid_until: b.valid_until.unwrap_or_default(),
            decision_date: b.decision_date.unwrap_or_default(),
            by_law: if b.by_law { "yes".into() } else { String::new() },
            law: b.law.unwrap_or_default(),
            revision_date: b.revision_date.unwrap_or_default(),
            follow_up: b.follow_up.unwrap_or_default(),
            diarienummer: b.diarienummer.unwrap_or_default(),
            paragraph: b.paragraph.unwrap_or_default(),
            body_md: b.body_md,
        }
    }
}

/// Register filters.
#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
pub struct DocArgs {
    /// One type.
    #[serde(rename = "type")]
    pub doc_type: Option<String>,
    /// One status.
    pub status: Option<String>,
    /// Owned by this unit.
    pub unit_id: Option<i64>,
    /// Implementing this document.
    pub parent_id: Option<i64>,
}

/// The register: documents the caller may see.
#[utoipa::path(get, path = "/api/v1/documents", tag = "styrdokument", params(ListArgs, DocArgs), responses((status = 200, body = PageOf<DocumentRowDto>)))]
pub async fn list(a: ApiActor, Query(l): Query<ListArgs>, Query(f): Query<DocArgs>) -> ApiResult<Json<PageOf<DocumentRowDto>>> {
    let filter = DocFilter { doc_type: f.doc_type, status: f.status, unit_id: f.unit_id, parent_id: f.parent_id };
    let p = a.state.app.doc_list(&a.actor, &filter, &l.params()).await.map_err(|e| a.err(e))?;
    Ok(Json(PageOf { total: p.total, page: p.page, per_page: p.per_page, items: p.items.into_iter().map(Into::into).collect() }))
}

/// Creates a document as utkast (version 1), checked against the policy's rules.
#[utoipa::path(post, path = "/api/v1/documents", tag = "styrdokument", request_body = NewDocument, responses((status = 201, body = DocumentDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(a: ApiActor, Json(b): Json<NewDocument>) -> ApiResult<(StatusCode, Json<DocumentDto>)> {
    let id = a.state.app.doc_create(&a.actor, &b.into()).await.map_err(|e| a.err(e))?;
    let v = a.state.app.doc_view(&a.actor, id, None).await.map_err(|e| a.err(e))?;
    Ok((StatusCode::CREATED, Json(v.into())))
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
    Ok(Json(a.state.app.doc_view(&a.actor, id, q.version).await.map_err(|e| a.err(e))?.into()))
}

/// Saves the open draft (utkast or under revision; adopted versions are frozen: 409).
#[utoipa::path(patch, path = "/api/v1/documents/{id}", tag = "styrdokument", params(("id" = i64, Path)), request_body = NewDocument, responses((status = 200, body = DocumentDto), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update(a: ApiActor, Path(id): Path<i64>, Json(b): Json<NewDocument>) -> ApiResult<Json<DocumentDto>> {
    a.state.app.doc_update(&a.actor, id, &b.into()).await.map_err(|e| a.err(e))?;
    let n = a.state.app.doc_draft_number(&a.actor, id).await.map_err(|e| a.err(e))?;
    Ok(Json(a.state.app.doc_view(&a.actor, id, n).await.map_err(|e| a.err(e))?.into()))
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
}

/// Moves the document (only the allowed moves exist; adopting checks the rules).
#[utoipa::path(post, path = "/api/v1/documents/{id}/transitions", tag = "styrdokument", params(("id" = i64, Path)), request_body = Transition, responses((status = 200, body = DocumentDto), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn transition(a: ApiActor, Path(id): Path<i64>, Json(b): Json<Transition>) -> ApiResult<Json<DocumentDto>> {
    let d = varn_app::documents::Decision {
        decision_date: b.decision_date.unwrap_or_default(),
        diarienummer: b.diarienummer.unwrap_or_default(),
        paragraph: b.paragraph.unwrap_or_default(),
    };
    a.state.app.doc_transition_with(&a.actor, id, &b.to, &d).await.map_err(|e| a.err(e))?;
    Ok(Json(a.state.app.doc_view(&a.actor, id, None).await.map_err(|e| a.err(e))?.into()))
}

/// The versions the caller may read, newest first.
#[utoipa::path(get, path = "/api/v1/documents/{id}/versions", tag = "styrdokument", params(("id" = i64, Path)), responses((status = 200, body = Vec<VersionDto>)))]
pub async fn versions(a: ApiActor, Path(id): Path<i64>) -> ApiResult<Json<Vec<VersionDto>>> {
    let all = a.state.app.doc_versions(&a.actor, id).await.map_err(|e| a.err(e))?;
    Ok(Json(all.into_iter().map(Into::into).collect()))
}

/// One version.
#[utoipa::path(get, path = "/api/v1/documents/{id}/versions/{n}", tag = "styrdokument", params(("id" = i64, Path), ("n" = i32, Path)), responses((status = 200, body = VersionDto), (status = 404, body = ErrorBody)))]
pub async fn version(a: ApiActor, Path((id, n)): Path<(i64, i32)>) -> ApiResult<Json<VersionDto>> {
    Ok(Json(a.state.app.doc_version_readable(&a.actor, id, Some(n)).await.map_err(|e| a.err(e))?.into()))
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

/// A changed metadata field.
#[derive(Serialize, ToSchema)]
pub struct FieldChange {
    /// Catalogue key of the field.
    pub field: String,
    /// Value in `from`.
    pub from: String,
    /// Value in `to`.
    pub to: String,
}

/// A line of the text diff.
#[derive(Serialize, ToSchema)]
pub struct DiffLineDto {
    /// same / del / ins.
    pub kind: String,
    /// The line.
    pub text: String,
}

/// The difference between two versions.
#[derive(Serialize, ToSchema)]
pub struct DiffDto {
    /// Changed metadata.
    pub fields: Vec<FieldChange>,
    /// The text, line by line.
    pub lines: Vec<DiffLineDto>,
}

/// Compares two versions.
#[utoipa::path(get, path = "/api/v1/documents/{id}/diff", tag = "styrdokument", params(("id" = i64, Path), DiffArgs), responses((status = 200, body = DiffDto), (status = 404, body = ErrorBody)))]
pub async fn diff(a: ApiActor, Path(id): Path<i64>, Query(q): Query<DiffArgs>) -> ApiResult<Json<DiffDto>> {
    let (_, _, meta, lines) = a.state.app.doc_compare(&a.actor, id, q.from, q.to).await.map_err(|e| a.err(e))?;
    Ok(Json(DiffDto {
        fields: meta.into_iter().map(|(k, x, y)| FieldChange { field: k.to_owned(), from: x, to: y }).collect(),
        lines: lines.into_iter().map(|l| DiffLineDto { kind: l.kind.to_owned(), text: l.text }).collect(),
    }))
}

/// The actions of a strategy.
#[utoipa::path(get, path = "/api/v1/documents/{id}/actions", tag = "styrdokument", params(("id" = i64, Path)), responses((status = 200, body = Vec<ActionDto>)))]
pub async fn actions(a: ApiActor, Path(id): Path<i64>) -> ApiResult<Json<Vec<ActionDto>>> {
    let d: DocumentDto = a.state.app.doc_view(&a.actor, id, None).await.map_err(|e| a.err(e))?.into();
    Ok(Json(d.actions))
}

/// A strategy action to add.
#[derive(Deserialize, ToSchema, Default)]
#[serde(default)]
pub struct NewAction {
    /// What is to be done.
    pub title: String,
    /// Responsible person (sign-in name).
    pub responsible_username: Option<String>,
    /// Or responsible unit.
    pub responsible_unit_id: Option<i64>,
    /// Deadline (YYYY-MM-DD).
    pub due_date: String,
    /// hog / medel / lag.
    pub priority: String,
}

/// The id of what was created.
#[derive(Serialize, ToSchema)]
pub struct Created {
    /// Id.
    pub id: i64,
}

/// Adds an action to a strategy being drafted; it becomes a task when adopted.
#[utoipa::path(post, path = "/api/v1/documents/{id}/actions", tag = "styrdokument", params(("id" = i64, Path)), request_body = NewAction, responses((status = 201, body = Created), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_action(a: ApiActor, Path(id): Path<i64>, Json(b): Json<NewAction>) -> ApiResult<(StatusCode, Json<Created>)> {
    let i = ActionInput {
        title: b.title,
        responsible_username: b.responsible_username.unwrap_or_default(),
        responsible_unit_id: b.responsible_unit_id.map(|u| u.to_string()).unwrap_or_default(),
        due_date: b.due_date,
        priority: b.priority,
    };
    let id = a.state.app.doc_add_action(&a.actor, id, &i).await.map_err(|e| a.err(e))?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// A remiss comment.
#[derive(Serialize, Deserialize, ToSchema, Default)]
#[serde(default)]
pub struct CommentDto {
    /// Author.
    pub author_name: String,
    /// Text.
    pub body: String,
    /// When.
    pub created_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// Remiss comments (editors; readers while on remiss).
#[utoipa::path(get, path = "/api/v1/documents/{id}/comments", tag = "styrdokument", params(("id" = i64, Path)), responses((status = 200, body = Vec<CommentDto>)))]
pub async fn comments(a: ApiActor, Path(id): Path<i64>) -> ApiResult<Json<Vec<CommentDto>>> {
    let v = a.state.app.doc_view(&a.actor, id, None).await.map_err(|e| a.err(e))?;
    Ok(Json(
        v.comments.into_iter().map(|c| CommentDto { author_name: c.author_name, body: c.body, created_at: Some(c.created_at) }).collect(),
    ))
}

/// Comments on the version on remiss.
#[utoipa::path(post, path = "/api/v1/documents/{id}/comments", tag = "styrdokument", params(("id" = i64, Path)), request_body = CommentDto, responses((status = 201, body = Created), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_comment(a: ApiActor, Path(id): Path<i64>, Json(b): Json<CommentDto>) -> ApiResult<(StatusCode, Json<Created>)> {
    let id = a.state.app.doc_comment(&a.actor, id, &b.body).await.map_err(|e| a.err(e))?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// A unit whose staff are to confirm.
#[derive(Deserialize, ToSchema)]
pub struct AckRequest {
    /// The unit (its whole subtree is asked).
    pub unit_id: i64,
}

/// Asks a unit's staff to confirm reading the version in force.
#[utoipa::path(post, path = "/api/v1/documents/{id}/acknowledgement-requests", tag = "styrdokument", params(("id" = i64, Path)), request_body = AckRequest, responses((status = 204), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn request_ack(a: ApiActor, Path(id): Path<i64>, Json(b): Json<AckRequest>) -> ApiResult<StatusCode> {
    a.state.app.doc_request_ack(&a.actor, id, &b.unit_id.to_string()).await.map_err(|e| a.err(e))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Staff and confirmations in one unit.
#[derive(Serialize, ToSchema)]
pub struct AckUnitDto {
    /// Unit.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// Active staff with a role there.
    pub staff: i64,
    /// Of whom have confirmed.
    pub acknowledged: i64,
}

/// One request and how far its staff have come.
#[derive(Serialize, ToSchema)]
pub struct AckReportDto {
    /// The unit asked (its subtree).
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// The version asked about.
    pub version: i32,
    /// Staff in all.
    pub staff: i64,
    /// Confirmed in all.
    pub acknowledged: i64,
    /// Per unit of the subtree.
    pub units: Vec<AckUnitDto>,
}

/// Who has confirmed, per request and unit.
#[utoipa::path(get, path = "/api/v1/documents/{id}/acknowledgements", tag = "styrdokument", params(("id" = i64, Path)), responses((status = 200, body = Vec<AckReportDto>)))]
pub async fn ack_report(a: ApiActor, Path(id): Path<i64>) -> ApiResult<Json<Vec<AckReportDto>>> {
    let r = a.state.app.doc_ack_report(&a.actor, id).await.map_err(|e| a.err(e))?;
    Ok(Json(
        r.into_iter()
            .map(|r| AckReportDto {
                unit_id: r.unit_id,
                unit_name: r.unit_name,
                version: r.version,
                staff: r.staff,
                acknowledged: r.acknowledged,
                units: r
                    .units
                    .into_iter()
                    .map(|u| AckUnitDto { unit_id: u.unit_id, unit_name: u.unit_name, staff: u.staff, acknowledged: u.acknowledged })
                    .collect(),
            })
            .collect(),
    ))
}

/// The caller confirms reading the version in force.
#[utoipa::path(post, path = "/api/v1/documents/{id}/acknowledge", tag = "styrdokument", params(("id" = i64, Path)), responses((status = 204), (status = 409, body = ErrorBody)))]
pub async fn acknowledge(a: ApiActor, Path(id): Path<i64>) -> ApiResult<StatusCode> {
    a.state.app.doc_acknowledge(&a.actor, id).await.map_err(|e| a.err(e))?;
    Ok(StatusCode::NO_CONTENT)
}

/// A version the caller is asked to confirm.
#[derive(Serialize, ToSchema)]
pub struct PendingDto {
    /// Document.
    pub document_id: i64,
    /// Its title.
    pub title: String,
    /// Version number.
    pub number: i32,
}

/// Documents the caller is asked to confirm.
#[utoipa::path(get, path = "/api/v1/documents/pending-acknowledgements", tag = "styrdokument", responses((status = 200, body = Vec<PendingDto>)))]
pub async fn pending(a: ApiActor) -> ApiResult<Json<Vec<PendingDto>>> {
    let r = a.state.app.doc_pending_acks(&a.actor).await.map_err(|e| a.err(e))?;
    Ok(Json(r.into_iter().map(|p| PendingDto { document_id: p.document_id, title: p.title, number: p.number }).collect()))
}

/// Follow-up counts of one owning unit.
#[derive(Serialize, ToSchema)]
pub struct FollowUpCountDto {
    /// Unit.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// Documents past their revision date.
    pub revision_overdue: i64,
    /// Strategies past their end date.
    pub expired: i64,
    /// Documents with nobody to own them.
    pub no_owner: i64,
    /// Strategy actions past their deadline.
    pub actions_overdue: i64,
}

/// A document that needs follow-up, and why.
#[derive(Serialize, ToSchema)]
pub struct FollowUpDocDto {
    /// Document.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Type.
    pub doc_type: String,
    /// Owning unit.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// Past its revision date.
    pub revision_overdue: bool,
    /// A strategy past its end date.
    pub expired: bool,
    /// Nobody to act.
    pub no_owner: bool,
    /// Revision date.
    pub revision_date: Option<chrono::NaiveDate>,
    /// End of validity.
    pub valid_until: Option<chrono::NaiveDate>,
}

/// A strategy action past its deadline.
#[derive(Serialize, ToSchema)]
pub struct OverdueActionDto {
    /// The strategy.
    pub document_id: i64,
    /// Its title.
    pub document_title: String,
    /// The action.
    pub title: String,
    /// Deadline.
    pub due_date: Option<chrono::NaiveDate>,
    /// The strategy's owning unit.
    pub unit_name: String,
}

/// The follow-up overview.
#[derive(Serialize, ToSchema)]
pub struct FollowUpDto {
    /// Counts per owning unit (everything in scope).
    pub counts: Vec<FollowUpCountDto>,
    /// The first 1 000 documents, oldest revision date first.
    pub documents: Vec<FollowUpDocDto>,
    /// The first 1 000 overdue actions.
    pub actions: Vec<OverdueActionDto>,
}

/// Follow-up within the caller's scope: counts per unit, and the first 1 000 documents and
/// overdue actions.
#[utoipa::path(get, path = "/api/v1/documents/follow-up", tag = "styrdokument", responses((status = 200, body = FollowUpDto), (status = 403, body = ErrorBody)))]
pub async fn follow_up(a: ApiActor) -> ApiResult<Json<FollowUpDto>> {
    let r = a.state.app.doc_follow_up(&a.actor, 1_000).await.map_err(|e| a.err(e))?;
    Ok(Json(FollowUpDto {
        counts: r
            .counts
            .into_iter()
            .map(|c| FollowUpCountDto {
                unit_id: c.unit_id,
                unit_name: c.unit_name,
                revision_overdue: c.revision_overdue,
                expired: c.expired,
                no_owner: c.no_owner,
                actions_overdue: c.actions_overdue,
            })
            .collect(),
        documents: r
            .documents
            .into_iter()
            .map(|d| FollowUpDocDto {
                id: d.id,
                title: d.title,
                doc_type: d.doc_type,
                unit_id: d.unit_id,
                unit_name: d.unit_name,
                revision_overdue: d.revision_overdue,
                expired: d.expired,
                no_owner: d.no_owner,
                revision_date: d.revision_date,
                valid_until: d.valid_until,
            })
            .collect(),
        actions: r
            .actions
            .into_iter()
            .map(|x| OverdueActionDto {
                document_id: x.document_id,
                document_title: x.document_title,
                title: x.title,
                due_date: x.due_date,
                unit_name: x.unit_name,
            })
            .collect(),
    }))
}

/// The version in force (or `?version=`) as PDF, with the metadata table on top.
#[utoipa::path(get, path = "/api/v1/documents/{id}/pdf", tag = "styrdokument", params(("id" = i64, Path), VersionArg), responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 404, body = ErrorBody)))]
pub async fn pdf(a: ApiActor, Path(id): Path<i64>, Query(q): Query<VersionArg>) -> Result<Response, ApiError> {
    let v = a.state.app.doc_view(&a.actor, id, q.version).await.map_err(|e| a.err(e))?;
    let (bytes, name) = crate::ui::documents::pdf_of(Tr::new(a.lang), &v);
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename*=UTF-8''{name}")),
        ],
        bytes,
    )
        .into_response())
}

/// Attaches a file as the text of the open draft (multipart field `file`).
#[utoipa::path(post, path = "/api/v1/documents/{id}/file", tag = "styrdokument", params(("id" = i64, Path)), responses((status = 204), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn upload_file(a: ApiActor, Path(id): Path<i64>, mut mp: Multipart) -> ApiResult<StatusCode> {
    let up = crate::files::read_upload(&mut mp).await.map_err(|e| a.err(e))?;
    a.state.app.doc_attach_file(&a.actor, id, up).await.map_err(|e| a.err(e))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Downloads the file of a version.
#[utoipa::path(get, path = "/api/v1/documents/{id}/versions/{n}/file", tag = "styrdokument", params(("id" = i64, Path), ("n" = i32, Path)), responses((status = 200, content_type = "application/octet-stream", body = Vec<u8>), (status = 404, body = ErrorBody)))]
pub async fn download_file(a: ApiActor, Path((id, n)): Path<(i64, i32)>) -> Result<Response, ApiError> {
    let f = a.state.app.doc_file(&a.actor, id, n).await.map_err(|e| a.err(e))?;
    Ok(crate::files::download(&f.filename, &f.sha256, f.data))
}
