//! The life cycle: utkast → på remiss → gällande → under revision → upphävd. Only the moves
//! of [`Status::may_move_to`] exist; each is one transaction with its audit row.

use super::input::version_json;
use crate::attachments::Upload;
use crate::{Actor, App, AppError};
use sea_orm::{ActiveModelTrait, Set, TransactionTrait};
use serde_json::json;
use varn_domain::document::{check_adoption, DecidingBody, DocType, Status, Validity};
use varn_domain::FieldErrors;
use varn_store::entity::{attachment, document as doc, document_action, document_version as ver};
use varn_store::repo::documents as repo;
use varn_store::repo::tasks::{self, NewTask};
use varn_store::repo::{attachments, audit, now};

/// The decision's details, given when adopting (known only once the body has decided).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct Decision {
    /// Beslutsdatum (YYYY-MM-DD); empty keeps the draft's.
    pub decision_date: String,
    /// Diarienummer; empty keeps the draft's.
    pub diarienummer: String,
    /// Paragraph; empty keeps the draft's.
    pub paragraph: String,
}

impl App {
    /// Moves a document to `to`. Adopting checks the seed's rules on the draft and freezes
    /// it; revising opens a new draft while the adopted version stays valid.
    pub async fn doc_transition(&self, actor: &Actor, id: i64, to: &str) -> Result<Status, AppError> {
        self.doc_transition_with(actor, id, to, &Decision::default()).await
    }

    /// [`App::doc_transition`], recording the decision's details when adopting.
    pub async fn doc_transition_with(&self, actor: &Actor, id: i64, to: &str, decision: &Decision) -> Result<Status, AppError> {
        let to = Status::parse(to).map_err(|c| AppError::field("to", c))?;
        let (m, path) = self.doc_find_editable(actor, id).await?;
        let from = Status::parse(&m.status).map_err(|c| AppError::Internal(c.into()))?;
        // Back from remiss goes to where the document came from.
        let back_ok = from == Status::PaRemiss
            && matches!(to, Status::Utkast | Status::UnderRevision)
            && (to == Status::UnderRevision) == m.current_version_id.is_some();
        if !from.may_move_to(to) || (from == Status::PaRemiss && matches!(to, Status::Utkast | Status::UnderRevision) && !back_ok) {
            return Err(AppError::Conflict(
                "err.doc.move_not_allowed".into(),
                vec![("from".into(), from.as_str().into()), ("to".into(), to.as_str().into())],
            ));
        }
        let db = self.store.read();
        let draft = repo::draft(db, id).await?;
        let txn = self.store.write().begin().await?;
        let mut am: doc::ActiveModel = m.clone().into();
        am.status = Set(to.as_str().into());
        am.updated_at = Set(now());
        let mut after = json!({"status": to.as_str()});
        match to {
            Status::Gallande => {
                let mut d = draft.ok_or_else(|| AppError::conflict("err.doc.no_draft"))?;
                let t = DocType::parse(&m.doc_type).map_err(|c| AppError::Internal(c.into()))?;
                let mut e = FieldErrors::new();
                if let Some(date) = super::input::opt_date(&mut e, "decision_date", &decision.decision_date) {
                    d.decision_date = Some(date);
                }
                if !decision.diarienummer.trim().is_empty() {
                    d.diarienummer = e.check("diarienummer", varn_domain::validation::bounded_text(&decision.diarienummer, 64));
                }
                if !decision.paragraph.trim().is_empty() {
                    d.paragraph = e.check("paragraph", varn_domain::validation::bounded_text(&decision.paragraph, 32));
                }
                let body = e.check("deciding_body", DecidingBody::parse(&d.deciding_body));
                let validity = d.valid_until.map(Validity::Until).unwrap_or(Validity::TillsVidare);
                match (d.decision_date, body) {
                    (Some(on), Some(b)) => {
                        for (f, code) in check_adoption(t, b, validity, on, self.doc_rules().await?) {
                            e.add(f, code);
                        }
                    }
                    (None, _) => e.add("decision_date", "err.doc.decision_date_required"),
                    _ => {}
                }
                if d.body_md.trim().is_empty() && d.attachment_id.is_none() {
                    e.add("body_md", "err.doc.text_required");
                }
                let actions = repo::action_models(db, id).await?;
                if t == DocType::Strategi && actions.is_empty() {
                    e.add("actions", "err.doc.strategi_actions");
                }
                e.into_result()?;
                if let Some(old) = m.current_version_id {
                    ver::ActiveModel { id: Set(old), state: Set("superseded".into()), ..Default::default() }.update(&txn).await?;
                }
                let mut vm: ver::ActiveModel = d.clone().into();
                vm.decision_date = Set(d.decision_date);
                vm.diarienummer = Set(d.diarienummer.clone());
                vm.paragraph = Set(d.paragraph.clone());
                vm.state = Set("adopted".into());
                vm.adopted_by = Set(Some(actor.id.0));
                vm.adopted_at = Set(Some(now()));
                vm.update(&txn).await?;
                am.current_version_id = Set(Some(d.id));
                am.title = Set(d.title.clone());
                am.search_text = Set(d.title.to_lowercase());
                am.revision_date = Set(d.revision_date);
                am.valid_until = Set(d.valid_until);
                // Each strategy action becomes a task in Mina uppgifter.
                let mut made = Vec::new();
                for a in actions.into_iter().filter(|a| a.task_id.is_none()) {
                    let task = tasks::insert(
                        &txn,
                        NewTask {
                            source_type: "document.action".into(),
                            source_id: Some(a.id),
                            title: format!("{} – {}", a.title, d.title).chars().take(300).collect(),
                            link: format!("/documents/{id}"),
                            assignee_user_id: a.responsible_user_id,
                            assignee_unit_id: if a.responsible_user_id.is_some() { None } else { a.responsible_unit_id },
                            due_date: a.due_date,
                        },
                    )
                    .await?;
                    document_action::ActiveModel { id: Set(a.id), task_id: Set(Some(task.id)), ..Default::default() }.update(&txn).await?;
                    made.push(task.id);
                }
                after = json!({"status": to.as_str(), "version": d.number, "adopted": version_json(&d), "tasks": made});
            }
            Status::UnderRevision if from == Status::Gallande => {
                let cur = match m.current_version_id {
                    Some(v) => repo::version_by_id(db, v).await?,
                    None => None,
                }
                .ok_or_else(|| AppError::Internal("adopted document without version".into()))?;
                let latest = repo::versions(db, id).await?.first().map(|v| v.number).unwrap_or(cur.number);
                let t = now();
                let nv = ver::ActiveModel {
                    document_id: Set(id),
                    number: Set(latest + 1),
                    state: Set("draft".into()),
                    title: Set(cur.title.clone()),
                    deciding_body: Set(cur.deciding_body.clone()),
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
                    ..Default::default()
                }
                .insert(&txn)
                .await?;
                after = json!({"status": to.as_str(), "draft_version": nv.number});
            }
            Status::Upphavd => {
                // A repealed strategy asks nothing more: its open action tasks are closed.
                let mut closed = Vec::new();
                for a in repo::action_models(db, id).await? {
                    if let Some(tid) = a.task_id {
                        if tasks::find(db, tid).await?.is_some_and(|t| t.status == "open") {
                            tasks::set_status(&txn, tid, true).await?;
                            closed.push(tid);
                        }
                    }
                }
                after = json!({"status": to.as_str(), "closed_tasks": closed});
            }
            Status::PaRemiss if draft.is_none() => return Err(AppError::conflict("err.doc.no_draft")),
            _ => {}
        }
        am.update(&txn).await?;
        let mut a = actor.audit(&format!("document.{}", to.as_str()), "document");
        a.entity_id = Some(id);
        a.org_path = Some(path);
        a.before = Some(json!({"status": from.as_str()}));
        a.after = Some(after);
        audit::append(&txn, a).await?;
        txn.commit().await?;
        Ok(to)
    }

    /// Attaches a file as the text of the open draft (replacing an earlier file).
    pub async fn doc_attach_file(&self, actor: &Actor, id: i64, up: Upload) -> Result<(), AppError> {
        let (m, path) = self.doc_find_editable(actor, id).await?;
        if !Status::parse(&m.status).map(|s| s.is_editable()).unwrap_or(false) {
            return Err(AppError::conflict("err.doc.not_editable"));
        }
        let draft = repo::draft(self.store.read(), id).await?.ok_or_else(|| AppError::conflict("err.doc.not_editable"))?;
        let (row, filename, sha) =
            crate::attachments::attachment_row(up, self.config.max_attachment_bytes, "document_version", draft.id, m.unit_id, actor.id.0)?;
        let txn = self.store.write().begin().await?;
        let f = attachments::insert(&txn, row).await?;
        ver::ActiveModel { id: Set(draft.id), attachment_id: Set(Some(f.id)), updated_at: Set(now()), ..Default::default() }
            .update(&txn)
            .await?;
        let mut a = actor.audit("document.file", "document");
        a.entity_id = Some(id);
        a.org_path = Some(path);
        a.after = Some(json!({"version": draft.number, "filename": filename, "sha256": sha, "size": f.size_bytes}));
        audit::append(&txn, a).await?;
        txn.commit().await?;
        Ok(())
    }

    /// The file of a version the actor may read.
    pub async fn doc_file(&self, actor: &Actor, id: i64, number: i32) -> Result<attachment::Model, AppError> {
        let v = self.doc_version_readable(actor, id, Some(number)).await?;
        let aid = v.attachment_id.ok_or(AppError::NotFound)?;
        attachments::get(self.store.read(), aid).await?.ok_or(AppError::NotFound)
    }
}
