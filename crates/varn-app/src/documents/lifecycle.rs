//! The life cycle: utkast → på remiss → gällande → under revision → upphävd. Only the moves
//! of [`Status::may_move`] exist; each is one transaction with its audit row. Adopting and
//! repealing are decisions and need DocumentAdopt; the other moves DocumentWrite.

use super::commands::{Decision, Fields};
use super::edit::version_json;
use super::{Documents, Editable};
use crate::attachments::Upload;
use crate::{Actor, AppError};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseTransaction, Set};
use serde_json::{json, Value};
use varn_domain::document::{check_adoption, DocType, Status, Validity, VersionState, TASK_SOURCE_ACTION};
use varn_domain::task::TaskStatus;
use varn_domain::{Code, FieldErrors, Permission};
use varn_store::entity::{attachment, document as doc, document_action, document_version as ver};
use varn_store::repo::documents as repo;
use varn_store::repo::tasks::{self, NewTask};
use varn_store::repo::{attachments, now};

impl<'a> Documents<'a> {
    /// Moves a document to `to`, recording the decision's details when adopting. Adopting
    /// checks the seed's rules on the draft and freezes it; revising opens a new draft while
    /// the adopted version stays in force.
    pub async fn transition(&self, actor: &Actor, id: i64, to: Status, decision: &Decision) -> Result<Status, AppError> {
        let perm = if matches!(to, Status::Gallande | Status::Upphavd) { Permission::DocumentAdopt } else { Permission::DocumentWrite };
        let cap = actor.can(perm)?;
        let w = self.app.begin(&cap).await?;
        let ed = self.editable(&*w, cap, id).await?;
        let from = ed.doc.status;
        if !from.may_move(to, ed.doc.current_version_id.is_some()) {
            let args = vec![("from".into(), from.key()), ("to".into(), to.key())];
            return Err(AppError::Conflict("err.doc.move_not_allowed".into(), args));
        }
        let mut am: doc::ActiveModel = ed.doc.clone().into();
        am.status = Set(to);
        am.updated_at = Set(now());
        let after = match to {
            Status::Gallande => self.adopt(&w, &ed, &mut am, decision).await?,
            Status::UnderRevision if from == Status::Gallande => revise(&*w, &ed, actor).await?,
            Status::Upphavd => json!({"status": to, "closed_tasks": close_action_tasks(&*w, id).await?}),
            Status::PaRemiss if repo::draft(&*w, id).await?.is_none() => return Err(AppError::conflict("err.doc.no_draft")),
            _ => json!({"status": to}),
        };
        am.update(&*w).await?;
        let a = ed.cap.audit(&format!("document.{to}"), "document").entity(id).at(ed.path.clone());
        w.commit(a.before(json!({"status": from})).after(after)).await?;
        Ok(to)
    }

    /// Adopts the draft: the decision's details, the seed's rules, the version frozen and in
    /// force, each strategy action a task. Returns the audit row's `after`.
    async fn adopt(
        &self,
        w: &DatabaseTransaction,
        ed: &Editable<'_>,
        am: &mut doc::ActiveModel,
        decision: &Decision,
    ) -> Result<Value, AppError> {
        let mut d = repo::draft(w, ed.doc.id).await?.ok_or_else(|| AppError::conflict("err.doc.no_draft"))?;
        let mut e = record_decision(&mut d, decision);
        let validity = d.valid_until.map(Validity::Until).unwrap_or(Validity::TillsVidare);
        match d.decision_date {
            Some(on) => {
                for (field, code) in check_adoption(ed.doc.doc_type, d.deciding_body, validity, on, super::rules_in(w).await?) {
                    e.add(field, code);
                }
            }
            None if e.get("decision_date").is_none() => e.add("decision_date", "err.doc.decision_date_required"),
            None => {}
        }
        if d.body_md.trim().is_empty() && d.attachment_id.is_none() {
            e.add("body_md", "err.doc.text_required");
        }
        let actions = repo::action_models(w, ed.doc.id).await?;
        if ed.doc.doc_type == DocType::Strategi && actions.is_empty() {
            e.add("actions", "err.doc.strategi_actions");
        }
        e.into_result()?;
        if let Some(old) = ed.doc.current_version_id {
            ver::ActiveModel { id: Set(old), state: Set(VersionState::Superseded), ..Default::default() }.update(w).await?;
        }
        let mut vm: ver::ActiveModel = d.clone().into();
        vm.decision_date = Set(d.decision_date);
        vm.diarienummer = Set(d.diarienummer.clone());
        vm.paragraph = Set(d.paragraph.clone());
        vm.state = Set(VersionState::Adopted);
        vm.adopted_by = Set(Some(ed.cap.actor().id.0));
        vm.adopted_at = Set(Some(now()));
        vm.update(w).await?;
        // What the adopted version says of where it sits now holds for the document.
        let scope = super::edit::VersionScope::of(&ed.doc, &d);
        am.unit_id = Set(scope.unit);
        am.applies_to_unit_id = Set(scope.applies_to);
        am.owner_user_id = Set(scope.owner);
        am.parent_id = Set(scope.parent);
        am.current_version_id = Set(Some(d.id));
        am.title = Set(d.title.clone());
        am.search_text = Set(d.title.to_lowercase());
        am.revision_date = Set(d.revision_date);
        am.valid_until = Set(d.valid_until);
        let made = actions_to_tasks(w, ed.doc.id, &d.title, actions).await?;
        Ok(json!({"status": Status::Gallande, "version": d.number, "adopted": version_json(&d), "tasks": made}))
    }

    /// Attaches a file as the text of the open draft (replacing an earlier file).
    pub async fn attach_file(&self, actor: &Actor, id: i64, up: Upload) -> Result<(), AppError> {
        let cap = actor.can(Permission::DocumentWrite)?;
        let w = self.app.begin(&cap).await?;
        let ed = self.editable(&*w, cap, id).await?;
        let draft = super::edit::open_draft(&*w, &ed).await?;
        let max = self.app.config.max_attachment_bytes;
        let (row, filename, sha) = crate::attachments::attachment_row(up, max, "document_version", draft.id, ed.doc.unit_id, actor.id.0)?;
        let f = attachments::insert(&*w, row).await?;
        ver::ActiveModel { id: Set(draft.id), attachment_id: Set(Some(f.id)), updated_at: Set(now()), ..Default::default() }
            .update(&*w)
            .await?;
        let after = json!({"version": draft.number, "filename": filename, "sha256": sha, "size": f.size_bytes});
        w.commit(ed.cap.audit("document.file", "document").entity(id).at(ed.path).after(after)).await
    }

    /// The file of a version the actor may read.
    pub async fn file(&self, actor: &Actor, id: i64, number: i32) -> Result<attachment::Model, AppError> {
        let v = self.version_readable(actor, id, Some(number)).await?;
        let aid = v.attachment_id.ok_or(AppError::NotFound)?;
        attachments::get(self.db(), aid).await?.ok_or(AppError::NotFound)
    }
}

/// The decision's details into the draft (empty ones keep the draft's); the mistakes in them.
fn record_decision(d: &mut ver::Model, decision: &Decision) -> FieldErrors {
    let mut f = Fields(FieldErrors::new());
    if let Some(date) = f.date("decision_date", &decision.decision_date) {
        d.decision_date = Some(date);
    }
    if let Some(dnr) = f.text("diarienummer", &decision.diarienummer, 64) {
        d.diarienummer = Some(dnr);
    }
    if let Some(par) = f.text("paragraph", &decision.paragraph, 32) {
        d.paragraph = Some(par);
    }
    f.0
}

/// Each strategy action not yet a task becomes one in Mina uppgifter (of the responsible
/// person, else of the responsible unit). Returns the tasks made.
async fn actions_to_tasks<C: ConnectionTrait>(
    w: &C,
    doc_id: i64,
    title: &str,
    actions: Vec<document_action::Model>,
) -> Result<Vec<i64>, AppError> {
    let mut made = Vec::new();
    for a in actions.into_iter().filter(|a| a.task_id.is_none()) {
        let new = NewTask {
            source_type: TASK_SOURCE_ACTION.into(),
            source_id: Some(a.id),
            title: format!("{} – {}", a.title, title).chars().take(300).collect(),
            link: format!("/documents/{doc_id}"),
            assignee_user_id: a.responsible_user_id,
            assignee_unit_id: if a.responsible_user_id.is_some() { None } else { a.responsible_unit_id },
            due_date: a.due_date,
        };
        let task = tasks::insert(w, new).await?;
        document_action::ActiveModel { id: Set(a.id), task_id: Set(Some(task.id)), ..Default::default() }.update(w).await?;
        made.push(task.id);
    }
    Ok(made)
}

/// Opens version N+1 as a draft, a copy of the version in force.
async fn revise<C: ConnectionTrait>(w: &C, ed: &Editable<'_>, actor: &Actor) -> Result<Value, AppError> {
    let cur = match ed.doc.current_version_id {
        Some(v) => repo::version_by_id(w, v).await?,
        None => None,
    }
    .ok_or_else(|| AppError::Internal("adopted document without version".into()))?;
    let latest = repo::versions(w, ed.doc.id).await?.first().map(|v| v.number).unwrap_or(cur.number);
    let t = now();
    let nv = ver::ActiveModel {
        document_id: Set(ed.doc.id),
        number: Set(latest + 1),
        state: Set(VersionState::Draft),
        title: Set(cur.title.clone()),
        deciding_body: Set(cur.deciding_body),
        decision_date: Set(None),
        valid_until: Set(cur.valid_until),
        by_law: Set(cur.by_law),
        law: Set(cur.law.clone()),
        revision_date: Set(None),
        follow_up: Set(cur.follow_up.clone()),
        diarienummer: Set(None),
        paragraph: Set(None),
        body_md: Set(cur.body_md.clone()),
        attachment_id: Set(None),
        created_by: Set(Some(actor.id.0)),
        created_at: Set(t),
        updated_at: Set(t),
        adopted_by: Set(None),
        adopted_at: Set(None),
        // The revision starts where the version in force sits.
        unit_id: Set(Some(ed.doc.unit_id)),
        applies_to_unit_id: Set(Some(ed.doc.applies_to_unit_id)),
        owner_user_id: Set(ed.doc.owner_user_id),
        parent_id: Set(ed.doc.parent_id),
        ..Default::default()
    }
    .insert(w)
    .await?;
    Ok(json!({"status": Status::UnderRevision, "draft_version": nv.number}))
}

/// A repealed strategy asks nothing more: its open action tasks are closed. Returns them.
async fn close_action_tasks<C: ConnectionTrait>(w: &C, id: i64) -> Result<Vec<i64>, AppError> {
    let mut closed = Vec::new();
    for a in repo::action_models(w, id).await? {
        if let Some(tid) = a.task_id {
            if tasks::find(w, tid).await?.is_some_and(|t| t.status == TaskStatus::Open) {
                tasks::set_status(w, tid, true).await?;
                closed.push(tid);
            }
        }
    }
    Ok(closed)
}
