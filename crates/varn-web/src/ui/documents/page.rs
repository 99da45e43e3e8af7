//! The document page (reading view with the metadata table of the seed), its workflow
//! forms, comparison of versions, PDF, acknowledgements and the follow-up overview.

use super::{status_label, type_label};
use crate::ctx::{see_other, Ctx, PageResult};
use crate::i18n::Tr;
use crate::shell::{render, FormState, Shell};
use crate::AppState;
use askama::Template;
use axum::extract::{Form, Multipart, Path, Query};
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use varn_app::documents::ack::{AckRequestReport, FollowUp};
use varn_app::documents::{pdf, render as md, ActionInput, Decision, DocView};
use varn_app::{Actor, AppError};
use varn_domain::document::{DocumentRules, Priority};
use varn_domain::Permission;
use varn_store::entity::document_version as ver;
use varn_store::entity::org_unit::Model as Unit;
use varn_store::repo::documents::PersonRow;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/documents/follow-up", get(follow_up))
        .route("/documents/settings", post(settings))
        .route("/documents/{id}", get(doc_page))
        .route("/documents/{id}/status", post(transition))
        .route("/documents/{id}/actions", post(add_action))
        .route("/documents/{id}/actions/{aid}/delete", post(remove_action))
        .route("/documents/{id}/comments", post(comment))
        .route("/documents/{id}/file", post(upload))
        .route("/documents/{id}/versions/{n}/file", get(file))
        .route("/documents/{id}/compare", get(compare))
        .route("/documents/{id}/pdf", get(pdf_download))
        .route("/documents/{id}/acknowledge", post(acknowledge))
        .route("/documents/{id}/acknowledgements", get(acks).post(request_ack))
}

fn date(tr: Tr, d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| tr.date(&d)).unwrap_or_else(|| "---".into())
}

/// The seed's metadata block (eight fields), then ours.
pub(crate) fn metadata(tr: Tr, v: &DocView) -> Vec<(String, String)> {
    let t = |k: &str| tr.t(k).to_owned();
    let ver = &v.version;
    vec![
        (t("doc.field.doc_type"), t(&format!("doc.type.{}", v.doc.doc_type))),
        (
            t("doc.field.validity"),
            ver.valid_until
                .map(|d| tr.tf("doc.validity.until_date", &[("date", &tr.date(&d))]))
                .unwrap_or_else(|| t("doc.validity.tills_vidare")),
        ),
        (t("doc.field.deciding_body"), t(&format!("doc.body.{}", ver.deciding_body))),
        (t("doc.field.decision_date"), date(tr, ver.decision_date)),
        (
            t("doc.field.by_law"),
            if ver.by_law { format!("{} – {}", t("common.yes"), ver.law.clone().unwrap_or_default()) } else { t("common.no") },
        ),
        (t("doc.field.revision_date"), date(tr, ver.revision_date)),
        (t("doc.field.owner"), v.owner.as_ref().map(|o| format!("{} ({})", o.0, v.unit_name)).unwrap_or_else(|| v.unit_name.clone())),
        (t("doc.field.follow_up"), ver.follow_up.clone().unwrap_or_else(|| "---".into())),
        (t("doc.field.diarienummer"), ver.diarienummer.clone().unwrap_or_else(|| "---".into())),
        (t("doc.field.paragraph"), ver.paragraph.clone().unwrap_or_else(|| "---".into())),
        (t("doc.field.applies_to"), if v.applies_to_root { t("doc.whole_city") } else { v.applies_to_name.clone() }),
        (t("doc.field.version"), format!("{} ({})", ver.number, t(&format!("doc.vstate.{}", ver.state)))),
    ]
}

/// The version as a PDF, with its file name.
pub(crate) fn pdf_of(tr: Tr, v: &DocView) -> (Vec<u8>, String) {
    let meta = metadata(tr, v);
    let blocks = md::blocks(&v.version.body_md);
    let footer = format!("Värn – {} – {} {}", v.version.title, tr.t("doc.field.version"), v.version.number);
    let bytes = pdf::document(&v.version.title, &meta, &blocks, &footer);
    let name = percent_encoding::utf8_percent_encode(&format!("{}.pdf", v.version.title), percent_encoding::NON_ALPHANUMERIC).to_string();
    (bytes, name)
}

#[derive(Template)]
#[template(path = "document.html")]
struct DocPage {
    shell: Shell,
    dv: DocView,
    meta: Vec<Vec<(String, String)>>,
    kind: String,
    status: String,
    draft_number: Option<i32>,
    current_number: Option<i32>,
    action_form: FormState,
    comment_form: FormState,
    ack_form: FormState,
    adopt_form: FormState,
    adopt_errors: Vec<(String, String)>,
    conflict: Option<String>,
    priorities: Vec<(&'static str, String)>,
    units: Vec<Unit>,
    ack_units: Vec<Unit>,
    ack_reports: Vec<AckRequestReport>,
    today: chrono::NaiveDate,
}

impl DocPage {
    fn move_label(&self, to: &varn_domain::document::Status) -> &str {
        self.shell.tr.t(match to.as_str() {
            "utkast" => "doc.move.utkast",
            "pa_remiss" => "doc.move.pa_remiss",
            "gallande" => "doc.move.gallande",
            "under_revision" => "doc.move.under_revision",
            _ => "doc.move.upphavd",
        })
    }

    fn prio(&self, p: &str) -> &str {
        self.shell.tr.t(match p {
            "hog" => "doc.prio.hog",
            "medel" => "doc.prio.medel",
            _ => "doc.prio.lag",
        })
    }

    fn vstate(&self, s: &str) -> &str {
        self.shell.tr.t(match s {
            "draft" => "doc.vstate.draft",
            "adopted" => "doc.vstate.adopted",
            _ => "doc.vstate.superseded",
        })
    }

    fn is_editable(&self) -> bool {
        self.dv.can_edit && matches!(self.dv.doc.status.as_str(), "utkast" | "under_revision")
    }
}

#[derive(Default)]
struct Extra {
    action_form: Option<FormState>,
    comment_form: Option<FormState>,
    ack_form: Option<FormState>,
    adopt_form: Option<FormState>,
    adopt_errors: Vec<(String, String)>,
    conflict: Option<String>,
}

#[derive(Deserialize, Default)]
struct DocQ {
    #[serde(default)]
    version: Option<i32>,
    #[serde(default)]
    draft: Option<String>,
}

async fn doc_view(ctx: &Ctx, id: i64, number: Option<i32>, x: Extra, status: StatusCode) -> PageResult {
    let actor = ctx.actor()?;
    let app = &ctx.state.app;
    let v = app.doc_view(actor, id, number).await.map_err(|e| ctx.fail(e))?;
    let draft_number = v.versions.iter().find(|r| r.state == "draft").map(|r| r.number);
    let current_number = v.versions.iter().find(|r| r.state == "adopted").map(|r| r.number);
    let meta = metadata(ctx.tr, &v).chunks(4).map(|c| c.to_vec()).collect();
    let units = if v.can_edit && v.doc.doc_type == "strategi" {
        app.org_units_in(actor, Permission::OrgRead).await.map_err(|e| ctx.fail(e))?
    } else {
        vec![]
    };
    let (ack_units, ack_reports) = if v.can_edit && v.doc.current_version_id.is_some() {
        (app.doc_ack_units(actor, id).await.map_err(|e| ctx.fail(e))?, app.doc_ack_report(actor, id).await.map_err(|e| ctx.fail(e))?)
    } else {
        (vec![], vec![])
    };
    let priorities = Priority::ALL.iter().map(|p| (p.as_str(), ctx.tr.t(&format!("doc.prio.{}", p.as_str())).to_owned())).collect();
    Ok(render(
        &DocPage {
            shell: ctx.shell_named(v.version.title.clone()),
            kind: type_label(ctx, &v.doc.doc_type),
            status: status_label(ctx, &v.doc.status),
            meta,
            draft_number,
            current_number,
            action_form: x.action_form.unwrap_or_else(|| FormState::with(&[("priority", "medel")])),
            comment_form: x.comment_form.unwrap_or_default(),
            ack_form: x.ack_form.unwrap_or_default(),
            adopt_form: x.adopt_form.unwrap_or_else(|| {
                let d = &v.version;
                if d.state == "draft" {
                    FormState::with(&[
                        ("decision_date", &d.decision_date.map(|x| x.to_string()).unwrap_or_default()),
                        ("diarienummer", d.diarienummer.as_deref().unwrap_or("")),
                        ("paragraph", d.paragraph.as_deref().unwrap_or("")),
                    ])
                } else {
                    FormState::new()
                }
            }),
            adopt_errors: x.adopt_errors,
            conflict: x.conflict,
            priorities,
            units,
            ack_units,
            ack_reports,
            today: chrono::Utc::now().date_naive(),
            dv: v,
        },
        status,
    ))
}

async fn doc_page(ctx: Ctx, Path(id): Path<i64>, Query(q): Query<DocQ>) -> PageResult {
    let mut number = q.version;
    if number.is_none() && q.draft.is_some() {
        let actor = ctx.actor()?;
        number = ctx.state.app.doc_draft_number(actor, id).await.map_err(|e| ctx.fail(e))?;
    }
    doc_view(&ctx, id, number, Extra::default(), StatusCode::OK).await
}

/// Answers a failed workflow step on the document page itself.
async fn step_failed(ctx: &Ctx, id: i64, e: AppError, x: Extra) -> PageResult {
    match e {
        AppError::Conflict(code, args) => {
            let text = if code == "err.doc.move_not_allowed" {
                let get = |k: &str| args.iter().find(|(a, _)| a == k).map(|(_, v)| status_label(ctx, v)).unwrap_or_default();
                ctx.tr.tf(&code, &[("from", &get("from")), ("to", &get("to"))])
            } else {
                ctx.conflict_text(&code, &args)
            };
            doc_view(ctx, id, None, Extra { conflict: Some(text), ..x }, StatusCode::CONFLICT).await
        }
        e => Err(ctx.fail(e)),
    }
}

#[derive(Deserialize)]
struct MoveForm {
    #[serde(default)]
    to: String,
    #[serde(flatten)]
    decision: Decision,
}

async fn transition(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<MoveForm>) -> PageResult {
    let actor = ctx.actor()?;
    match ctx.state.app.doc_transition_with(actor, id, &f.to, &f.decision).await {
        Ok(_) => Ok(see_other(&format!("/documents/{id}"), "saved")),
        Err(AppError::Invalid(errs)) => {
            let adopt_errors = errs.0.iter().map(|e| (e.field.clone(), ctx.tr.t(&e.code).to_owned())).collect();
            let draft = ctx.state.app.doc_draft_number(actor, id).await.map_err(|e| ctx.fail(e))?;
            let adopt_form = FormState::with(&[
                ("decision_date", &f.decision.decision_date),
                ("diarienummer", &f.decision.diarienummer),
                ("paragraph", &f.decision.paragraph),
            ]);
            doc_view(
                &ctx,
                id,
                draft,
                Extra { adopt_errors, adopt_form: Some(adopt_form), ..Extra::default() },
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => step_failed(&ctx, id, e, Extra::default()).await,
    }
}

async fn add_action(ctx: Ctx, Path(id): Path<i64>, Form(i): Form<ActionInput>) -> PageResult {
    let actor = ctx.actor()?;
    match ctx.state.app.doc_add_action(actor, id, &i).await {
        Ok(_) => Ok(see_other(&format!("/documents/{id}?draft=1#actions"), "created")),
        Err(AppError::Invalid(errs)) => {
            let form = FormState::with(&[
                ("title", &i.title),
                ("responsible_username", &i.responsible_username),
                ("responsible_unit_id", &i.responsible_unit_id),
                ("due_date", &i.due_date),
                ("priority", &i.priority),
            ])
            .errors(ctx.tr, &errs);
            let draft = ctx.state.app.doc_draft_number(actor, id).await.map_err(|e| ctx.fail(e))?;
            doc_view(&ctx, id, draft, Extra { action_form: Some(form), ..Extra::default() }, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => step_failed(&ctx, id, e, Extra::default()).await,
    }
}

async fn remove_action(ctx: Ctx, Path((id, aid)): Path<(i64, i64)>) -> PageResult {
    let actor = ctx.actor()?;
    match ctx.state.app.doc_remove_action(actor, id, aid).await {
        Ok(()) => Ok(see_other(&format!("/documents/{id}?draft=1#actions"), "deleted")),
        Err(e) => step_failed(&ctx, id, e, Extra::default()).await,
    }
}

#[derive(Deserialize)]
struct CommentForm {
    #[serde(default)]
    body: String,
}

async fn comment(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<CommentForm>) -> PageResult {
    let actor = ctx.actor()?;
    match ctx.state.app.doc_comment(actor, id, &f.body).await {
        Ok(_) => Ok(see_other(&format!("/documents/{id}?draft=1#comments"), "saved")),
        Err(AppError::Invalid(errs)) => {
            let form = FormState::with(&[("body", &f.body)]).errors(ctx.tr, &errs);
            let draft = ctx.state.app.doc_draft_number(actor, id).await.map_err(|e| ctx.fail(e))?;
            doc_view(&ctx, id, draft, Extra { comment_form: Some(form), ..Extra::default() }, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => step_failed(&ctx, id, e, Extra::default()).await,
    }
}

async fn upload(ctx: Ctx, Path(id): Path<i64>, mut mp: Multipart) -> PageResult {
    let actor = ctx.actor()?;
    let up = crate::files::read_upload(&mut mp).await.map_err(|e| ctx.fail(e))?;
    match ctx.state.app.doc_attach_file(actor, id, up).await {
        Ok(()) => Ok(see_other(&format!("/documents/{id}?draft=1"), "uploaded")),
        Err(AppError::Invalid(errs)) => {
            let text = errs.0.first().map(|e| ctx.tr.t(&e.code).to_owned());
            let draft = ctx.state.app.doc_draft_number(actor, id).await.map_err(|e| ctx.fail(e))?;
            doc_view(&ctx, id, draft, Extra { conflict: text, ..Extra::default() }, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => step_failed(&ctx, id, e, Extra::default()).await,
    }
}

async fn file(ctx: Ctx, Path((id, n)): Path<(i64, i32)>) -> PageResult {
    let actor = ctx.actor()?;
    let f = ctx.state.app.doc_file(actor, id, n).await.map_err(|e| ctx.fail(e))?;
    Ok(crate::files::download(&f.filename, &f.sha256, f.data))
}

#[derive(Template)]
#[template(path = "document_compare.html")]
struct ComparePage {
    shell: Shell,
    id: i64,
    a: ver::Model,
    b: ver::Model,
    meta: Vec<(String, String, String)>,
    lines: Vec<md::DiffLine>,
    changed: usize,
}

#[derive(Deserialize)]
struct CompareQ {
    #[serde(default)]
    a: Option<i32>,
    #[serde(default)]
    b: Option<i32>,
}

async fn compare(ctx: Ctx, Path(id): Path<i64>, Query(q): Query<CompareQ>) -> PageResult {
    let actor = ctx.actor()?;
    let (Some(a), Some(b)) = (q.a, q.b) else { return Err(ctx.fail(AppError::NotFound)) };
    let (va, vb, meta, lines) = ctx.state.app.doc_compare(actor, id, a, b).await.map_err(|e| ctx.fail(e))?;
    let meta = meta.into_iter().map(|(k, x, y)| (ctx.tr.t(k).to_owned(), x, y)).collect();
    let changed = lines.iter().filter(|l| l.kind != "same").count();
    Ok(render(&ComparePage { shell: ctx.shell_named(va.title.clone()), id, a: va, b: vb, meta, lines, changed }, StatusCode::OK))
}

async fn pdf_download(ctx: Ctx, Path(id): Path<i64>, Query(q): Query<DocQ>) -> PageResult {
    let actor = ctx.actor()?;
    let v = ctx.state.app.doc_view(actor, id, q.version).await.map_err(|e| ctx.fail(e))?;
    let (bytes, name) = pdf_of(ctx.tr, &v);
    Ok((
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename*=UTF-8''{name}")),
        ],
        bytes,
    )
        .into_response())
}

async fn acknowledge(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    let actor = ctx.actor()?;
    match ctx.state.app.doc_acknowledge(actor, id).await {
        Ok(()) => Ok(see_other(&format!("/documents/{id}"), "acknowledged")),
        Err(e) => step_failed(&ctx, id, e, Extra::default()).await,
    }
}

#[derive(Template)]
#[template(path = "document_acks.html")]
struct AcksPage {
    shell: Shell,
    id: i64,
    title: String,
    reports: Vec<AckRequestReport>,
    unit: Option<(i64, String)>,
    missing: Vec<PersonRow>,
}

#[derive(Deserialize)]
struct AcksQ {
    #[serde(default)]
    unit: Option<i64>,
}

async fn acks(ctx: Ctx, Path(id): Path<i64>, Query(q): Query<AcksQ>) -> PageResult {
    let actor = ctx.actor()?;
    let app = &ctx.state.app;
    let title = app.doc_version_readable(actor, id, None).await.map_err(|e| ctx.fail(e))?.title;
    let reports = app.doc_ack_report(actor, id).await.map_err(|e| ctx.fail(e))?;
    let (unit, missing) = match q.unit {
        Some(u) => {
            let name = reports.iter().flat_map(|r| r.units.iter()).find(|x| x.unit_id == u).map(|x| x.unit_name.clone());
            match name {
                Some(n) => (Some((u, n)), app.doc_not_acked(actor, id, u).await.map_err(|e| ctx.fail(e))?),
                None => (None, vec![]),
            }
        }
        None => (None, vec![]),
    };
    Ok(render(&AcksPage { shell: ctx.shell("doc.acks_heading"), id, title, reports, unit, missing }, StatusCode::OK))
}

#[derive(Deserialize)]
struct AckRequestForm {
    #[serde(default)]
    unit_id: String,
}

async fn request_ack(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<AckRequestForm>) -> PageResult {
    let actor = ctx.actor()?;
    match ctx.state.app.doc_request_ack(actor, id, &f.unit_id).await {
        Ok(()) => Ok(see_other(&format!("/documents/{id}/acknowledgements"), "saved")),
        Err(AppError::Invalid(errs)) => {
            let form = FormState::with(&[("unit_id", &f.unit_id)]).errors(ctx.tr, &errs);
            doc_view(&ctx, id, None, Extra { ack_form: Some(form), ..Extra::default() }, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => step_failed(&ctx, id, e, Extra::default()).await,
    }
}

/// Rows of each list on the overview page; the counts per unit cover everything.
const FOLLOW_UP_ROWS: u64 = 100;

#[derive(Template)]
#[template(path = "documents_followup.html")]
struct FollowUpPage {
    shell: Shell,
    f: FollowUp,
    rules: DocumentRules,
    cap: usize,
    can_settings: bool,
}

impl FollowUpPage {
    fn kind(&self, t: &str) -> &str {
        self.shell.tr.t(match t {
            "policy" => "doc.type.policy",
            "strategi" => "doc.type.strategi",
            "riktlinje" => "doc.type.riktlinje",
            _ => "doc.type.anvisning",
        })
    }
}

async fn follow_up(ctx: Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let app = &ctx.state.app;
    let f = app.doc_follow_up(actor, FOLLOW_UP_ROWS).await.map_err(|e| ctx.fail(e))?;
    let rules = app.doc_rules().await.map_err(|e| ctx.fail(e))?;
    let can_settings = can_settings(actor);
    Ok(render(
        &FollowUpPage { shell: ctx.shell("doc.follow_up_heading"), f, rules, can_settings, cap: FOLLOW_UP_ROWS as usize },
        StatusCode::OK,
    ))
}

fn can_settings(actor: &Actor) -> bool {
    actor.scope(Permission::SettingsAdmin).is_all()
}

#[derive(Deserialize)]
struct SettingsForm {
    #[serde(default)]
    namnd_may_adopt_riktlinje: Option<String>,
}

async fn settings(ctx: Ctx, Form(f): Form<SettingsForm>) -> PageResult {
    let actor = ctx.actor()?;
    let rules = DocumentRules { namnd_may_adopt_riktlinje: f.namnd_may_adopt_riktlinje.is_some() };
    ctx.state.app.doc_set_rules(actor, rules).await.map_err(|e| ctx.fail(e))?;
    Ok(see_other("/documents/follow-up", "saved"))
}
