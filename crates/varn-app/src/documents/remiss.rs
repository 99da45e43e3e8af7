//! Remiss as municipalities run it: the draft goes to named remissinstanser (units, each
//! answering through its head or a named person) with a svarsdatum; each gets a task in
//! Mina uppgifter; only they answer, once, with who and when recorded; the remiss ends when
//! the document leaves remiss and the unanswered tasks close.

use super::commands::Fields;
use super::Documents;
use crate::{Actor, AppError};
use chrono::NaiveDate;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use serde::{Deserialize, Serialize};
use serde_json::json;
use varn_domain::document::Status;
use varn_domain::{FieldErrors, Permission};
use varn_store::entity::{document as doc, document_remiss as rem};
use varn_store::repo::documents::{self as repo, RemissRow};
use varn_store::repo::tasks::{self, NewTask};
use varn_store::repo::{now, org, users};

/// The `source_type` of a remissinstans's task.
pub const TASK_SOURCE_REMISS: &str = "document.remiss";

/// One instance as the API names it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct RemissInstance {
    /// The unit asked.
    pub unit_id: i64,
    /// The person to answer for it (sign-in name); absent: the unit's head.
    pub person: Option<String>,
}

/// A remiss as the page or the API sends it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct RemissInput {
    /// The remissinstanser.
    pub instances: Vec<RemissInstance>,
    /// Svarsdatum (YYYY-MM-DD).
    pub due_date: String,
}

/// How far a remiss has come: "4 av 6 har svarat".
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RemissStatus {
    /// The instances of the newest remiss, with their answers.
    pub instances: Vec<RemissRow>,
    /// How many have answered.
    pub answered: usize,
    /// Instances in all.
    pub total: usize,
    /// The instances the caller answers for and has not yet answered (ids).
    pub mine_open: Vec<i64>,
}

impl<'a> Documents<'a> {
    /// Sends the open draft on remiss to `input`'s instances, each with a task due on the
    /// svarsdatum. One transaction with its audit row.
    pub async fn send_on_remiss(&self, actor: &Actor, id: i64, input: &RemissInput) -> Result<(), AppError> {
        let cap = actor.can(Permission::DocumentWrite)?;
        let w = self.app.begin(&cap).await?;
        let ed = self.editable(&*w, cap, id).await?;
        let from = ed.doc.status;
        if !from.may_move(Status::PaRemiss, ed.doc.current_version_id.is_some()) {
            let args = vec![("from".into(), varn_domain::Code::key(from)), ("to".into(), varn_domain::Code::key(Status::PaRemiss))];
            return Err(AppError::Conflict("err.doc.move_not_allowed".into(), args));
        }
        let draft = repo::draft(&*w, id).await?.ok_or_else(|| AppError::conflict("err.doc.no_draft"))?;
        let asked = check(&*w, input).await?;
        let mut made = Vec::new();
        for (unit, person) in &asked.instances {
            let row = rem::ActiveModel {
                document_id: Set(id),
                version_id: Set(draft.id),
                unit_id: Set(*unit),
                person_user_id: Set(*person),
                due_date: Set(Some(asked.due)),
                sent_by: Set(Some(actor.id.0)),
                sent_at: Set(now()),
                ..Default::default()
            }
            .insert(&*w)
            .await?;
            let task = tasks::insert(
                &*w,
                NewTask {
                    source_type: TASK_SOURCE_REMISS.into(),
                    source_id: Some(row.id),
                    title: format!("Remissvar: {}", draft.title).chars().take(300).collect(),
                    link: format!("/documents/{id}#remiss"),
                    assignee_user_id: *person,
                    assignee_unit_id: if person.is_some() { None } else { Some(*unit) },
                    due_date: Some(asked.due),
                    unit_id: Some(*unit),
                },
            )
            .await?;
            rem::ActiveModel { id: Set(row.id), task_id: Set(Some(task.id)), ..Default::default() }.update(&*w).await?;
            made.push(json!({"unit": unit, "person": person, "task": task.id}));
        }
        let mut am: doc::ActiveModel = ed.doc.clone().into();
        am.status = Set(Status::PaRemiss);
        am.updated_at = Set(now());
        am.update(&*w).await?;
        let after = json!({"status": Status::PaRemiss, "version": draft.number, "due": asked.due, "instances": made});
        let a = ed.cap.audit("document.pa_remiss", "document").entity(id).at(ed.path.clone());
        w.commit(a.before(json!({"status": from})).after(after)).await
    }

    /// The remissinstans `rid` answers: only its named person, else its head (or a holder of
    /// Verksamhetsansvarig on it), once, while the document is on remiss.
    pub async fn answer_remiss(&self, actor: &Actor, id: i64, rid: i64, text: &str) -> Result<(), AppError> {
        let cap = actor.can(Permission::Participate)?;
        let (d, _) = self.find(actor, id).await?;
        let w = self.app.begin(&cap).await?;
        let r = repo::remiss(&*w, rid).await?.filter(|r| r.document_id == id).ok_or(AppError::NotFound)?;
        if !answers_for(&*w, actor.id.0, &r).await? {
            return Err(AppError::Refused("err.doc.remiss_not_yours".into(), vec![]));
        }
        if r.answered_at.is_some() {
            return Err(AppError::conflict("err.doc.remiss_answered"));
        }
        if d.status != Status::PaRemiss {
            return Err(AppError::conflict("err.doc.remiss_closed"));
        }
        let mut f = Fields(FieldErrors::new());
        let Some(answer) = f.text("answer", text, 20_000) else {
            f.0.into_result()?;
            return Err(AppError::field("answer", "err.required"));
        };
        let at = now();
        rem::ActiveModel {
            id: Set(rid),
            answered_by: Set(Some(actor.id.0)),
            answered_at: Set(Some(at)),
            answer: Set(Some(answer.clone())),
            ..Default::default()
        }
        .update(&*w)
        .await?;
        if let Some(t) = r.task_id {
            tasks::set_status(&*w, t, true).await?;
        }
        let path = org::find_any(&*w, d.unit_id).await?.map(|u| u.path);
        let after = json!({"remiss": rid, "unit": r.unit_id, "chars": answer.chars().count(), "at": at});
        w.commit(cap.audit("document.remiss_answer", "document").entity(id).at(path).after(after)).await
    }

    /// The newest remiss of the document, for those who may read it.
    pub async fn remiss_status(&self, actor: &Actor, id: i64) -> Result<RemissStatus, AppError> {
        self.find(actor, id).await?;
        self.remiss_of(actor, id).await
    }

    /// [`Self::remiss_status`] of a document the actor has already been shown (by `view`).
    pub(super) async fn remiss_of(&self, actor: &Actor, id: i64) -> Result<RemissStatus, AppError> {
        let all = repo::remisses(self.db(), id).await?;
        self.remiss_from(actor, all).await
    }

    /// The remiss from every instance of the document (`all`, newest version first).
    pub(super) async fn remiss_from(&self, actor: &Actor, all: Vec<RemissRow>) -> Result<RemissStatus, AppError> {
        let db = self.db();
        let newest = all.first().map(|r| r.version_id);
        let instances: Vec<RemissRow> = all.into_iter().filter(|r| Some(r.version_id) == newest).collect();
        let mut mine_open = Vec::new();
        for r in instances.iter().filter(|r| r.answered_at.is_none()) {
            let mine = match r.person_user_id {
                Some(p) => p == actor.id.0,
                None => repo::answers_for_unit(db, actor.id.0, r.unit_id).await?,
            };
            if mine {
                mine_open.push(r.id);
            }
        }
        let answered = instances.iter().filter(|r| r.answered_at.is_some()).count();
        Ok(RemissStatus { total: instances.len(), answered, instances, mine_open })
    }
}

/// Whether `user` answers for the instance.
async fn answers_for<C: ConnectionTrait>(db: &C, user: i64, r: &rem::Model) -> Result<bool, AppError> {
    Ok(match r.person_user_id {
        Some(p) => p == user,
        None => repo::answers_for_unit(db, user, r.unit_id).await?,
    })
}

/// The remiss checked: (unit, named person) per instance, and the svarsdatum.
struct Asked {
    instances: Vec<(i64, Option<i64>)>,
    due: NaiveDate,
}

async fn check<C: ConnectionTrait>(db: &C, input: &RemissInput) -> Result<Asked, AppError> {
    let mut f = Fields(FieldErrors::new());
    let due = f.date("due_date", &input.due_date);
    let today = varn_domain::task::today();
    match due {
        None if f.0.get("due_date").is_none() => f.0.add("due_date", "err.doc.remiss_due_required"),
        Some(d) if d <= today => f.0.add("due_date", "err.doc.remiss_due_past"),
        _ => {}
    }
    let mut instances: Vec<(i64, Option<i64>)> = Vec::new();
    if input.instances.is_empty() {
        f.0.add("instances", "err.doc.remiss_instances_required");
    }
    for i in &input.instances {
        let unit = org::find_any(db, i.unit_id).await?.filter(|u| u.active);
        let person = match i.person.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => Ok(None),
            Some(name) => match users::find_person(db, name).await? {
                Some(u) if u.active => Ok(Some(u.id)),
                _ => Err(()),
            },
        };
        match (unit, person) {
            (None, _) => f.0.add("instances", "err.doc.remiss_unit"),
            (_, Err(())) => f.0.add("instances", "err.user.unknown"),
            (Some(u), Ok(p)) if !instances.iter().any(|(x, _)| *x == u.id) => instances.push((u.id, p)),
            _ => {}
        }
    }
    f.0.into_result()?;
    let due = due.ok_or_else(|| AppError::field("due_date", "err.doc.remiss_due_required"))?;
    Ok(Asked { instances, due })
}

/// The remiss is over (the document left remiss): the tasks of instances that did not
/// answer close. Returns them.
pub(super) async fn close_open<C: ConnectionTrait>(db: &C, id: i64) -> Result<Vec<i64>, AppError> {
    let mut closed = Vec::new();
    for r in repo::open_remisses(db, id).await? {
        if let Some(t) = r.task_id {
            if tasks::find(db, t).await?.is_some_and(|t| t.status == varn_domain::task::TaskStatus::Open) {
                tasks::set_status(db, t, true).await?;
                closed.push(t);
            }
        }
    }
    Ok(closed)
}
