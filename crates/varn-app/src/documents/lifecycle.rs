//! The life cycle: utkast → på remiss → gällande → under revision → upphävd. Only the moves
//! of [`Status::may_move`] exist; each is one transaction with its audit row. Adopting and
//! repealing are decisions and need DocumentAdopt; the other moves DocumentWrite.

use super::commands::Decision;
use super::{Documents, Editable};
use crate::attachments::Upload;
use crate::{Actor, AppError};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use serde_json::{json, Value};
use varn_domain::document::{Status, VersionState, TASK_SOURCE_ACTION};
use varn_domain::task::TaskStatus;
use varn_domain::{Code, Permission};
use varn_store::entity::{attachment, document as doc, document_action, document_version as ver};
use varn_store::repo::documents as repo;
use varn_store::repo::tasks::{self, NewTask};
use varn_store::repo::{attachments, now};

impl<'a> Documents<'a> {
    /// Moves a document to `to`, recording the decision's details when adopting. Adopting
    /// checks the seed's rules on the draft and freezes it; revising opens a new draft while
    /// the adopted version stays in force.
    pub async fn transition(&self, actor: &Actor, id: i64, to: Status, decision: &Decision) -> Result<Status, AppError> {
        let decides = matches!(to, Status::Gallande | Status::Upphavd);
        let cap = actor.can(if decides { Permission::DocumentAdopt } else { Permission::DocumentWrite })?;
        let w = self.app.begin(&cap).await?;
        // A decision is recorded by whoever acts for the body (checked with the decision),
        // not by whoever may edit the owning unit's documents.
        let ed = if decides { self.decidable(&*w, cap, id).await? } else { self.editable(&*w, cap, id).await? };
        let from = ed.doc.status;
        if !from.may_move(to, ed.doc.current_version_id.is_some()) {
            let args = vec![("from".into(), from.key()), ("to".into(), to.key())];
            return Err(AppError::Conflict("err.doc.move_not_allowed".into(), args));
        }
        let mut am: doc::ActiveModel = ed.doc.clone().into();
        am.status = Set(to);
        am.updated_at = Set(now());
        let after = match to {
            Status::Gallande => super::adopt::adopt(&w, &ed, &mut am, decision).await?,
            Status::UnderRevision if from == Status::Gallande => revise(&*w, &ed, actor).await?,
            Status::Upphavd => super::adopt::repeal(&w, &ed, &mut am, decision, &self.visibility(actor)).await?,
            // A remiss names its instances and svarsdatum: [`Documents::send_on_remiss`].
            Status::PaRemiss => return Err(AppError::field("instances", "err.doc.remiss_instances_required")),
            _ => json!({"status": to}),
        };
        let mut after = after;
        if from == Status::PaRemiss {
            after["closed_remiss_tasks"] = json!(super::remiss::close_open(&*w, id).await?);
        }
        am.update(&*w).await?;
        let a = ed.cap.audit(&format!("document.{to}"), "document").entity(id).at(ed.path.clone());
        w.commit(a.before(json!({"status": from})).after(after)).await?;
        Ok(to)
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

    /// Attaches the protokollsutdrag (the extract of the minutes) to the version in force: by
    /// whoever records the deciding body's decisions. A chef's approval has no minutes.
    pub async fn attach_protocol(&self, actor: &Actor, id: i64, up: Upload) -> Result<(), AppError> {
        let cap = actor.can(Permission::DocumentAdopt)?;
        let w = self.app.begin(&cap).await?;
        let ed = self.decidable(&*w, cap, id).await?;
        let cur_id = ed.doc.current_version_id.filter(|_| ed.doc.status != Status::Upphavd);
        let cur = match cur_id {
            Some(c) => repo::version_by_id(&*w, c).await?.ok_or(AppError::NotFound)?,
            None => return Err(AppError::conflict("err.doc.not_adopted")),
        };
        if cur.deciding_body == varn_domain::document::DecidingBody::Chef {
            return Err(AppError::conflict("err.doc.protocol_body_only"));
        }
        let scope = super::edit::VersionScope::of(&ed.doc, &cur);
        let owning = varn_store::repo::org::find_any(&*w, scope.unit).await?.ok_or(AppError::NotFound)?;
        let applies = varn_store::repo::org::find_any(&*w, scope.applies_to).await?.ok_or(AppError::NotFound)?;
        super::decide::authorise(&*w, actor, cur.deciding_body, cur.deciding_unit_id, &owning, &applies, None).await?;
        let max = self.app.config.max_attachment_bytes;
        let (row, filename, sha) = crate::attachments::attachment_row(up, max, "document_protocol", cur.id, ed.doc.unit_id, actor.id.0)?;
        let f = attachments::insert(&*w, row).await?;
        ver::ActiveModel { id: Set(cur.id), protocol_attachment_id: Set(Some(f.id)), ..Default::default() }.update(&*w).await?;
        let after = json!({"version": cur.number, "protocol": filename, "sha256": sha, "size": f.size_bytes});
        w.commit(ed.cap.audit("document.protocol", "document").entity(id).at(ed.path).after(after)).await
    }

    /// The protokollsutdrag of a version the actor may read.
    pub async fn protocol_file(&self, actor: &Actor, id: i64, number: i32) -> Result<attachment::Model, AppError> {
        let v = self.version_readable(actor, id, Some(number)).await?;
        let aid = v.protocol_attachment_id.ok_or(AppError::NotFound)?;
        attachments::get(self.db(), aid).await?.ok_or(AppError::NotFound)
    }

    /// Records a planned review that changed nothing (ISO/IEC 27001 A.5.1): the document in
    /// force was read through and still holds. *Senast reviderad* becomes today and *nästa
    /// översyn* the given date (empty: the city's interval from today). Its editors only.
    pub async fn mark_reviewed(&self, actor: &Actor, id: i64, next_review: &str) -> Result<chrono::NaiveDate, AppError> {
        let cap = actor.can(Permission::DocumentWrite)?;
        let mut f = super::commands::Fields(varn_domain::FieldErrors::new());
        let given = f.date("next_review", next_review);
        let today = varn_domain::task::today();
        if given.is_some_and(|d| d <= today) {
            f.0.add("next_review", "err.doc.next_review_past");
        }
        f.0.into_result()?;
        let w = self.app.begin(&cap).await?;
        let ed = self.editable(&*w, cap, id).await?;
        if ed.doc.status != Status::Gallande {
            return Err(AppError::conflict("err.doc.review_in_force"));
        }
        let next = match given {
            Some(d) => d,
            None => super::rules_in(&*w).await?.next_review(ed.doc.doc_type, today),
        };
        let before = json!({"reviewed_on": ed.doc.reviewed_on, "next_review": ed.doc.revision_date});
        let mut am: doc::ActiveModel = ed.doc.clone().into();
        am.reviewed_on = Set(Some(today));
        am.revision_date = Set(Some(next));
        am.updated_at = Set(now());
        am.update(&*w).await?;
        let a = ed.cap.audit("document.reviewed", "document").entity(id).at(ed.path.clone());
        w.commit(a.before(before).after(json!({"reviewed_on": today, "next_review": next}))).await?;
        Ok(next)
    }

    /// The file of a version the actor may read.
    pub async fn file(&self, actor: &Actor, id: i64, number: i32) -> Result<attachment::Model, AppError> {
        let v = self.version_readable(actor, id, Some(number)).await?;
        let aid = v.attachment_id.ok_or(AppError::NotFound)?;
        attachments::get(self.db(), aid).await?.ok_or(AppError::NotFound)
    }
}

/// Each strategy action not yet a task becomes one in Mina uppgifter (of the responsible
/// person, else of the responsible unit). Returns the tasks made.
pub(super) async fn actions_to_tasks<C: ConnectionTrait>(
    w: &C,
    doc_id: i64,
    doc_unit: i64,
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
            // Followed up where the action is to be done: its responsible unit, else the strategy's.
            unit_id: Some(a.responsible_unit_id.unwrap_or(doc_unit)),
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
        // The same body decides the revision (its date, dnr and § are the new decision's).
        deciding_unit_id: Set(cur.deciding_unit_id),
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
pub(super) async fn close_action_tasks<C: ConnectionTrait>(w: &C, id: i64) -> Result<Vec<i64>, AppError> {
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
