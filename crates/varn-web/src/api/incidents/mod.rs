//! API: incidents — report, the register (nearest deadline first), one incident with its
//! clocks, triage, status, notes, escalation, the duties' answers and the reports sent. One
//! router that also carries its OpenAPI paths.

mod samverkan;

use crate::api::{ApiActor, ApiResult, ErrorBody};
use crate::api::{ListArgs, PageOf};
use crate::json::Json;
use crate::AppState;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use varn_app::incidents::{
    ContactLists, DutyJson, EscalateJson, IncidentFilter, IncidentOverview, IncidentRow, IncidentView, LinkJson, NoteJson, ReportCommand,
    ReportJson, SentJson, StatusJson, TriageCommand, TriageJson,
};
use varn_app::AppError;
use varn_domain::incident::{Category, Level, Severity, Status};
use varn_domain::Code;

/// The module's routes, each with its OpenAPI description.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(get_one))
        .routes(routes!(overview))
        .routes(routes!(get_contacts, put_contacts))
        .routes(routes!(triage))
        .routes(routes!(move_status))
        .routes(routes!(note))
        .routes(routes!(escalate))
        .routes(routes!(duty))
        .routes(routes!(record_report))
        .routes(routes!(link))
        .merge(samverkan::routes())
}

/// Register filters.
#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
pub struct IncidentArgs {
    /// Only the caller's own reports.
    pub mine: Option<bool>,
    /// The affected unit or one below it.
    pub unit_id: Option<i64>,
    /// Open (true) or closed (false); default both.
    pub open: Option<bool>,
    /// `rapporterad`, `under_utredning`, `begransad`, `atgardad`, `avslutad`.
    pub status: Option<String>,
    /// `lag`, `medel`, `hog`, `kritisk`.
    pub severity: Option<String>,
    /// `incident`, `allvarlig_storning`, `kris`.
    pub level: Option<String>,
    /// `konfidentialitet`, `riktighet`, `tillganglighet`, `sparbarhet`.
    pub category: Option<String>,
    /// Only those with a report to an authority past its deadline (and not yet sent).
    pub due_passed: Option<bool>,
}

fn code<C: Code>(field: &str, s: Option<&str>) -> Result<Option<C>, AppError> {
    s.map(|x| C::parse(x).map_err(|_| AppError::field(field, "err.choose"))).transpose()
}

/// The register: the incidents the caller may see (their own reports; IncidentRead's
/// units), by default the nearest running deadline first.
#[utoipa::path(get, path = "/api/v1/incidents", tag = "incidenter", params(ListArgs, IncidentArgs), responses((status = 200, body = PageOf<IncidentRow>), (status = 422, body = ErrorBody)))]
pub async fn list(a: ApiActor, Query(l): Query<ListArgs>, Query(f): Query<IncidentArgs>) -> ApiResult<Json<PageOf<IncidentRow>>> {
    let filter = IncidentFilter {
        mine_user_id: f.mine.filter(|m| *m).map(|_| a.actor.id.0),
        unit_id: f.unit_id,
        open: f.open,
        status: code::<Status>("status", f.status.as_deref())?,
        severity: code::<Severity>("severity", f.severity.as_deref())?,
        level: code::<Level>("level", f.level.as_deref())?,
        category: code::<Category>("category", f.category.as_deref())?,
        due_before: f.due_passed.filter(|d| *d).map(|_| chrono::Utc::now()),
        ..Default::default()
    };
    let inc = a.state.app.incidents();
    let p = inc.list(&a.actor, &filter, &l.params_for(varn_app::incidents::SORTS)?).await?;
    Ok(Json(PageOf::of(p, From::from)))
}

/// Reports an incident (every employee). The city is aware from this moment; the legal
/// clocks start.
#[utoipa::path(post, path = "/api/v1/incidents", tag = "incidenter", request_body = ReportJson, responses((status = 201, body = IncidentView), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(a: ApiActor, Json(b): Json<ReportJson>) -> ApiResult<(StatusCode, Json<IncidentView>)> {
    Ok((StatusCode::CREATED, Json(a.state.app.incidents().report_view(&a.actor, ReportCommand::try_from(&b)).await?)))
}

/// One incident with its clocks, duties, reports and timeline.
#[utoipa::path(get, path = "/api/v1/incidents/{id}", tag = "incidenter", params(("id" = i64, Path)), responses((status = 200, body = IncidentView), (status = 404, body = ErrorBody)))]
pub async fn get_one(a: ApiActor, Path(id): Path<i64>) -> ApiResult<Json<IncidentView>> {
    Ok(Json(a.state.app.incidents().view(&a.actor, id).await?))
}

/// Triage (all fields; send back what you read). The first triage starts the investigation.
#[utoipa::path(put, path = "/api/v1/incidents/{id}/triage", tag = "incidenter", params(("id" = i64, Path)), request_body = TriageJson, responses((status = 200, body = IncidentView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn triage(a: ApiActor, Path(id): Path<i64>, Json(b): Json<TriageJson>) -> ApiResult<Json<IncidentView>> {
    let inc = a.state.app.incidents();
    inc.triage(&a.actor, id, TriageCommand::try_from(&b)).await?;
    Ok(Json(inc.view(&a.actor, id).await?))
}

/// Moves the status along the flow (closing needs lessons learned, every duty answered and
/// every report recorded).
#[utoipa::path(post, path = "/api/v1/incidents/{id}/status", tag = "incidenter", params(("id" = i64, Path)), request_body = StatusJson, responses((status = 200, body = IncidentView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn move_status(a: ApiActor, Path(id): Path<i64>, Json(b): Json<StatusJson>) -> ApiResult<Json<IncidentView>> {
    let inc = a.state.app.incidents();
    inc.move_status(&a.actor, id, &b).await?;
    Ok(Json(inc.view(&a.actor, id).await?))
}

/// A note in the timeline.
#[utoipa::path(post, path = "/api/v1/incidents/{id}/notes", tag = "incidenter", params(("id" = i64, Path)), request_body = NoteJson, responses((status = 200, body = IncidentView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn note(a: ApiActor, Path(id): Path<i64>, Json(b): Json<NoteJson>) -> ApiResult<Json<IncidentView>> {
    let inc = a.state.app.incidents();
    inc.note(&a.actor, id, &b).await?;
    Ok(Json(inc.view(&a.actor, id).await?))
}

/// Raises (or lowers) the level: incident, allvarlig störning, kris.
#[utoipa::path(post, path = "/api/v1/incidents/{id}/escalate", tag = "incidenter", params(("id" = i64, Path)), request_body = EscalateJson, responses((status = 200, body = IncidentView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn escalate(a: ApiActor, Path(id): Path<i64>, Json(b): Json<EscalateJson>) -> ApiResult<Json<IncidentView>> {
    let inc = a.state.app.incidents();
    inc.escalate(&a.actor, id, &b).await?;
    Ok(Json(inc.view(&a.actor, id).await?))
}

/// Answers whether a reporting duty applies (`gdpr`, `cybersakerhetslagen`, `polisanmalan`,
/// `lex_maria`, `lex_sarah`, `sakerhetsskydd` as in the regimes file).
#[utoipa::path(put, path = "/api/v1/incidents/{id}/duties/{regime}", tag = "incidenter", params(("id" = i64, Path), ("regime" = String, Path)), request_body = DutyJson, responses((status = 200, body = IncidentView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn duty(a: ApiActor, Path((id, regime)): Path<(i64, String)>, Json(b): Json<DutyJson>) -> ApiResult<Json<IncidentView>> {
    let inc = a.state.app.incidents();
    inc.answer_duty(&a.actor, id, &regime, &b).await?;
    Ok(Json(inc.view(&a.actor, id).await?))
}

/// Records a report as sent (when, to whom, the reference), or judged not required with
/// the assessment. Once per report.
#[utoipa::path(post, path = "/api/v1/incidents/{id}/reports/{regime}/{report}", tag = "incidenter", params(("id" = i64, Path), ("regime" = String, Path), ("report" = String, Path)), request_body = SentJson, responses((status = 200, body = IncidentView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn record_report(
    a: ApiActor,
    Path((id, regime, report)): Path<(i64, String, String)>,
    Json(b): Json<SentJson>,
) -> ApiResult<Json<IncidentView>> {
    let inc = a.state.app.incidents();
    inc.record_report(&a.actor, id, &regime, &report, &b).await?;
    Ok(Json(inc.view(&a.actor, id).await?))
}

/// Links (or, with `"linked": false`, unlinks) an information asset and/or a carrier the
/// caller can see in the register.
#[utoipa::path(post, path = "/api/v1/incidents/{id}/links", tag = "incidenter", params(("id" = i64, Path)), request_body = LinkJson, responses((status = 200, body = IncidentView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn link(a: ApiActor, Path(id): Path<i64>, Json(b): Json<LinkJson>) -> ApiResult<Json<IncidentView>> {
    let inc = a.state.app.incidents();
    inc.link(&a.actor, id, &b).await?;
    Ok(Json(inc.view(&a.actor, id).await?))
}

/// Pictures of the incidents the caller reads over the last twelve months: per month by
/// category and severity, hours to contain and close, deadlines met and missed per unit.
#[utoipa::path(get, path = "/api/v1/incidents/overview", tag = "incidenter", responses((status = 200, body = IncidentOverview), (status = 403, body = ErrorBody)))]
pub async fn overview(a: ApiActor) -> ApiResult<Json<IncidentOverview>> {
    Ok(Json(a.state.app.incidents().overview(&a.actor).await?))
}

/// The contact lists per level: user names told at once when an incident is raised.
#[utoipa::path(get, path = "/api/v1/settings/incidents", tag = "incidenter", responses((status = 200, body = ContactLists), (status = 403, body = ErrorBody)))]
pub async fn get_contacts(a: ApiActor) -> ApiResult<Json<ContactLists>> {
    if !a.actor.scope(varn_domain::Permission::IncidentHandle).is_all() {
        return Err(AppError::Forbidden.into());
    }
    Ok(Json(a.state.app.incidents().contact_lists().await?))
}

/// Changes the contact lists (the city's incident handlers); every name an active user.
#[utoipa::path(put, path = "/api/v1/settings/incidents", tag = "incidenter", request_body = ContactLists, responses((status = 200, body = ContactLists), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn put_contacts(a: ApiActor, Json(b): Json<ContactLists>) -> ApiResult<Json<ContactLists>> {
    let inc = a.state.app.incidents();
    inc.set_contact_lists(&a.actor, &b).await?;
    Ok(Json(inc.contact_lists().await?))
}
