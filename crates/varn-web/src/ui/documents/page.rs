//! The document page: the reading view with the seed's metadata table, the workflow forms,
//! the comparison of two versions, and the PDF.

use crate::ctx::{Ctx, PageResult};
use crate::present::documents::{conformance_of, metadata, pdf_download};
use crate::present::{label, options};
use crate::shell::{render, FormState, Shell};
use crate::AppState;
use askama::Template;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use varn_app::documents::{AckPreview, AckRequestReport, Comparison, DocView};
use varn_app::AppError;
use varn_domain::document::{DecidingBody, DocType, Priority, Status, VersionState};
use varn_domain::task::TaskStatus;
use varn_domain::{Code, Permission};
use varn_store::entity::org_unit::Model as Unit;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/documents/{id}", get(doc_page))
        .route("/documents/{id}/compare", get(compare))
        .route("/documents/{id}/pdf", get(pdf_file))
}

#[derive(Template)]
#[template(path = "documents/page.html")]
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
    repeal_form: FormState,
    remiss_form: FormState,
    answer_form: FormState,
    /// A read-confirmation request waiting for "send?".
    ack_preview: Option<AckPreview>,
    reviewed_form: FormState,
    /// Units a remiss may go to (not single enheter: nämnder, förvaltningar, avdelningar, bolag).
    remiss_units: Vec<Unit>,
    /// Mistakes of the decision sent (adopt or repeal), for the summary at the top, and
    /// the id prefix of that form's fields.
    adopt_errors: Vec<(String, String)>,
    decision_prefix: &'static str,
    /// The signed-in user's sign-in name (the approving chef preselected).
    me: String,
    conflict: Option<String>,
    priorities: Vec<(&'static str, String)>,
    units: Vec<Unit>,
    ack_units: Vec<Unit>,
    ack_reports: Vec<AckRequestReport>,
    today: chrono::NaiveDate,
}

impl DocPage {
    fn move_label(&self, to: &Status) -> &str {
        self.shell.tr.t(match to {
            Status::Utkast => "doc.move.utkast",
            Status::PaRemiss => "doc.move.pa_remiss",
            Status::Gallande => "doc.move.gallande",
            Status::UnderRevision => "doc.move.under_revision",
            Status::Upphavd => "doc.move.upphavd",
        })
    }

    /// The state of the version shown, when it says more than the document's status (an
    /// adopted or replaced version); a draft's state is the status itself.
    fn version_state(&self) -> Option<String> {
        (self.dv.version.state != varn_domain::document::VersionState::Draft).then(|| self.label(&self.dv.version.state))
    }

    fn label<C: Code>(&self, c: &C) -> String {
        label(self.shell.tr, *c)
    }

    /// Whether `unit` was chosen in the remiss form sent back with a mistake.
    fn remiss_chosen(&self, unit: &i64) -> bool {
        self.remiss_form.v("unit_id").split(',').any(|v| v == unit.to_string())
    }

    /// "312 personer i Socialförvaltningen ombeds bekräfta … – skicka?"
    fn ack_preview_text(&self) -> Option<String> {
        let p = self.ack_preview.as_ref()?;
        let tr = self.shell.tr;
        let one = if p.people == 1 { "_one" } else { "" };
        let (n, date) = (p.people.to_string(), p.due_date.map(|d| tr.date(&d)).unwrap_or_default());
        let args = [("n", n.as_str()), ("unit", p.unit_name.as_str()), ("date", date.as_str())];
        Some(if p.due_date.is_some() {
            tr.tf(&format!("doc.ack_preview_due{one}"), &args)
        } else {
            tr.tf(&format!("doc.ack_preview{one}"), &args)
        })
    }

    /// Whether the protokollsutdrag of the version in force may be attached here: a body's
    /// decision, shown as the version in force, to whoever records that body's decisions.
    fn may_attach_protocol(&self) -> bool {
        self.dv.decided.may_decide
            && self.dv.version.state == VersionState::Adopted
            && self.dv.version.deciding_body != DecidingBody::Chef
            && self.dv.doc.status != Status::Upphavd
    }

    fn has_decision_move(&self) -> bool {
        self.dv.moves.iter().any(|m| matches!(m, Status::Gallande | Status::Upphavd))
    }

    /// Whether a mistake of the decision sits at a field of its form (else of the draft).
    fn decision_field(&self, f: &str) -> bool {
        matches!(f, "decision_date" | "diarienummer" | "paragraph" | "valid_from" | "approved_by" | "consulted" | "replaced_by")
    }

    /// "Upphävd 2026-10-01 genom beslut av Kommunstyrelsen, § 12, dnr KS 2026/0001."
    fn repeal_text(&self) -> Option<String> {
        let r = self.dv.doc.repeal.as_ref()?;
        let tr = self.shell.tr;
        let date = r.date.map(|d| tr.date(&d)).unwrap_or_else(|| tr.t("common.missing").to_owned());
        let body = self.dv.decided.repeal_body_name.clone().unwrap_or_else(|| r.body.map(|b| label(tr, b)).unwrap_or_default());
        let mut s = tr.tf("doc.repealed_by", &[("date", &date), ("body", &body)]);
        if let Some(p) = &r.paragraph {
            s.push_str(&format!(", {p}"));
        }
        if let Some(d) = &r.diarienummer {
            s.push_str(&format!(", {} {d}", tr.t("doc.dnr_short")));
        }
        s.push('.');
        Some(s)
    }

    fn is_editable(&self) -> bool {
        self.dv.can_edit && self.dv.doc.status.is_editable()
    }

    /// The types that may implement this document (the "new document under this one" links).
    fn child_types(&self) -> Vec<(&'static str, String)> {
        DocType::ALL.iter().filter(|t| t.may_implement(self.dv.doc.doc_type)).map(|t| (t.as_str(), label(self.shell.tr, *t))).collect()
    }
}

/// What a failed step brings back to the page: the form it came from, with its messages.
#[derive(Default)]
pub(super) struct Extra {
    pub action_form: Option<FormState>,
    pub comment_form: Option<FormState>,
    pub ack_form: Option<FormState>,
    pub adopt_form: Option<FormState>,
    pub repeal_form: Option<FormState>,
    pub remiss_form: Option<FormState>,
    pub ack_preview: Option<AckPreview>,
    pub reviewed_form: Option<FormState>,
    pub answer_form: Option<FormState>,
    pub adopt_errors: Vec<(String, String)>,
    pub conflict: Option<String>,
}

#[derive(Deserialize, Default)]
pub(super) struct DocQ {
    #[serde(default)]
    version: Option<i32>,
    #[serde(default)]
    draft: Option<String>,
    /// `1` for the PDF to archive (PDF/A-2a).
    #[serde(default)]
    archive: Option<String>,
}

fn adopt_form_of(v: &DocView) -> FormState {
    let d = &v.version;
    if d.state != VersionState::Draft {
        return FormState::new();
    }
    FormState::with(&[
        ("decision_date", &d.decision_date.map(|x| x.to_string()).unwrap_or_default()),
        ("diarienummer", d.diarienummer.as_deref().unwrap_or("")),
        ("paragraph", d.paragraph.as_deref().unwrap_or("")),
    ])
}

/// The document page showing version `number` (else the one in force), with `x`.
pub(super) async fn doc_view(ctx: &Ctx, id: i64, number: Option<i32>, x: Extra, status: StatusCode) -> PageResult {
    let actor = ctx.actor()?;
    let app = &ctx.state.app;
    let docs = app.documents();
    let v = docs.view(actor, id, number).await?;
    let units =
        if v.can_edit && v.doc.doc_type == DocType::Strategi { app.org_units_in(actor, Permission::OrgRead).await? } else { vec![] };
    // Anyone who writes documents may ask their own staff to confirm one in force; the
    // counts (an aggregate over the staff of each request) are for its editors here, and for
    // the others on the page of the requests.
    let may_ask = docs.can_create(actor) && v.doc.current_version_id.is_some() && v.doc.status != Status::Upphavd;
    let ack_units = match (&v.applies_to_path, may_ask) {
        (Some(p), true) => docs.ack_units_under(actor, p).await?,
        (None, true) => docs.ack_units_of(actor, &v.doc).await?,
        (_, false) => vec![],
    };
    let ack_reports = if may_ask && v.can_edit { docs.ack_report(actor, id).await? } else { vec![] };
    let remiss_units = if v.can_edit && v.doc.status.is_editable() { docs.remiss_units().await? } else { vec![] };
    let mut shell = ctx.shell_named(v.version.title.clone());
    if let Some(n) = notice(ctx, &v) {
        shell.msg = Some(n);
    }
    let page = DocPage {
        shell,
        kind: label(ctx.tr, v.doc.doc_type),
        status: label(ctx.tr, v.doc.status),
        meta: metadata(ctx.tr, &v).chunks(4).map(|c| c.to_vec()).collect(),
        draft_number: v.draft_number(),
        current_number: v.current_number(),
        action_form: x.action_form.unwrap_or_else(|| FormState::with(&[("priority", Priority::Medel.as_str())])),
        comment_form: x.comment_form.unwrap_or_default(),
        ack_form: x.ack_form.unwrap_or_default(),
        decision_prefix: if x.repeal_form.is_some() { "repeal-" } else { "adopt-" },
        adopt_form: x.adopt_form.unwrap_or_else(|| adopt_form_of(&v)),
        repeal_form: x.repeal_form.unwrap_or_default(),
        remiss_form: x.remiss_form.unwrap_or_default(),
        ack_preview: x.ack_preview,
        reviewed_form: x.reviewed_form.unwrap_or_default(),
        answer_form: x.answer_form.unwrap_or_default(),
        remiss_units,
        adopt_errors: x.adopt_errors,
        me: actor.username.clone(),
        conflict: x.conflict,
        priorities: options::<Priority>(ctx.tr),
        units,
        ack_units,
        ack_reports,
        today: varn_domain::task::today(),
        dv: v,
    };
    Ok(render(&page, status))
}

/// The notice after a step, in the document's own words and data ("Beslutet är registrerat –
/// riktlinjen gäller från 20 november 2026"); none where the plain notice says it all.
fn notice(ctx: &Ctx, v: &DocView) -> Option<String> {
    let tr = ctx.tr;
    let the = tr.t(&format!("doc.the.{}", v.doc.doc_type.as_str())).to_owned();
    match ctx.msg? {
        "msg.doc_adopted" => {
            let from = v.version.valid_from.or(v.version.decision_date)?;
            Some(tr.tf("msg.doc_adopted_from", &[("doc", &the.to_lowercase()), ("date", &tr.long_date(&from))]))
        }
        "msg.remiss_sent" | "msg.doc_to_remiss" => {
            let r = &v.remiss;
            let due = r.instances.iter().filter_map(|i| i.due_date).max()?;
            Some(tr.tf("msg.remiss_sent_n", &[("doc", &the), ("n", &r.total.to_string()), ("date", &tr.long_date(&due))]))
        }
        _ => None,
    }
}

/// The draft's number, for showing the page again after a step on the draft.
pub(super) async fn draft_number(ctx: &Ctx, id: i64) -> Result<Option<i32>, crate::respond::WebError> {
    Ok(ctx.state.app.documents().draft_number(ctx.actor()?, id).await?)
}

async fn doc_page(ctx: Ctx, Path(id): Path<i64>, Query(q): Query<DocQ>) -> PageResult {
    let number = match (q.version, q.draft) {
        (None, Some(_)) => draft_number(&ctx, id).await?,
        (n, _) => n,
    };
    doc_view(&ctx, id, number, Extra::default(), StatusCode::OK).await
}

#[derive(Template)]
#[template(path = "documents/compare.html")]
struct ComparePage {
    shell: Shell,
    id: i64,
    c: Comparison,
    meta: Vec<(String, String, String)>,
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
    let (Some(a), Some(b)) = (q.a, q.b) else { return Err(AppError::NotFound.into()) };
    let c = ctx.state.app.documents().compare(actor, id, a, b).await?;
    let meta = c.fields.iter().map(|f| (ctx.tr.t(&f.field).to_owned(), f.from.clone(), f.to.clone())).collect();
    let changed = c.lines.iter().filter(|l| l.kind != "same").count();
    Ok(render(&ComparePage { shell: ctx.shell_named(c.from.title.clone()), id, meta, changed, c }, StatusCode::OK))
}

async fn pdf_file(ctx: Ctx, Path(id): Path<i64>, Query(q): Query<DocQ>) -> PageResult {
    let actor = ctx.actor()?;
    Ok(pdf_download(&ctx.state, ctx.tr, actor, id, q.version, conformance_of(q.archive.as_deref())).await?)
}
