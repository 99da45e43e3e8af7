//! An incident's actions (åtgärder): a handler gives something to be done to a named person
//! by a date; it lands as a task in their Mina uppgifter, and they (or a handler) mark it
//! done, on the incident's page or in Mina uppgifter. Each step is on the timeline and
//! audited. The owner of an action sees the incident (its report and their actions), as the
//! handler does.

use super::lifecycle::Step;
use super::Incidents;
use crate::{Actor, AppError};
use chrono::NaiveDate;
use serde_json::json;
use varn_domain::validation::bounded_text;
use varn_domain::{FieldErrors, Permission};
use varn_store::entity::incident;
use varn_store::repo::incidents::{self as repo, NewAction};
use varn_store::repo::{tasks, users};

/// An action as the form and the API send it.
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ActionJson {
    /// What is to be done.
    pub title: String,
    /// Who does it (sign-in name).
    pub responsible_username: String,
    /// By when (YYYY-MM-DD; blank: no date).
    pub due_date: String,
}

/// Marks an action done (true) or open again (false).
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ActionDoneJson {
    /// Done.
    pub done: bool,
}

/// An action's fields, checked: what is to be done, by whom (an active person) and by when.
pub(crate) struct Checked {
    pub(crate) title: String,
    pub(crate) owner: varn_store::entity::user::Model,
    pub(crate) due: Option<NaiveDate>,
}

impl ActionJson {
    /// Checks every field at once (one message per field); the person is read through `db`.
    /// Shared by an incident's actions and a risk's treatment actions.
    pub(crate) async fn check<C: sea_orm::ConnectionTrait>(&self, db: &C) -> Result<Checked, AppError> {
        let mut e = FieldErrors::new();
        let title = e.check("title", bounded_text(&self.title, 300));
        let due = match self.due_date.trim() {
            "" => None,
            d => e.check("due_date", NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| "err.date_invalid")),
        };
        let owner = match self.responsible_username.trim() {
            "" => {
                e.add("responsible_username", "err.incident.action_owner");
                None
            }
            n => match users::find_person(db, n).await? {
                Some(u) if u.active => Some(u),
                _ => {
                    e.add("responsible_username", "err.user.unknown");
                    None
                }
            },
        };
        e.into_result()?;
        let (Some(title), Some(owner)) = (title, owner) else { return Err(AppError::Internal("checked above".into())) };
        Ok(Checked { title, owner, due })
    }
}

impl Incidents<'_> {
    /// Gives an action to a person; returns its id.
    pub async fn add_action(&self, actor: &Actor, id: i64, cmd: &ActionJson) -> Result<i64, AppError> {
        self.handled(self.db(), actor, id).await?;
        let Checked { title, owner, due } = cmd.check(self.db()).await?;
        let (w, h) = self.open(actor, id).await?;
        let a = repo::add_action(
            &*w,
            NewAction {
                incident_id: id,
                title: title.clone(),
                task_title: format!("{title} ({})", super::reference(&h.incident)),
                responsible_user_id: owner.id,
                due_date: due,
                created_by: actor.id.0,
                unit_id: h.incident.unit_id,
            },
        )
        .await?;
        let m: incident::ActiveModel = h.incident.clone().into();
        let data = json!({"action_id": a.id, "title": title, "responsible": owner.display_name, "responsible_user_id": owner.id, "due_date": due, "task_id": a.task_id});
        let step = Step { kind: "action", action: "incident.action_add", text: None, data: Some(data), adds: true };
        self.finish(w, h, m, step).await?;
        Ok(a.id)
    }

    /// Marks an action done or open again: its owner, or a handler of the incident.
    pub async fn set_action_done(&self, actor: &Actor, id: i64, action_id: i64, done: bool) -> Result<(), AppError> {
        let cap = actor.can(Permission::Participate)?;
        let w = self.app.begin(&cap).await?;
        let (inc, path) = repo::find(&*w, &self.visibility(actor), id).await?.ok_or(AppError::NotFound)?;
        let a = repo::action(&*w, id, action_id).await?.ok_or(AppError::NotFound)?;
        if a.responsible_user_id != actor.id.0 && !self.may_handle(actor, &inc, &path) {
            return Err(AppError::Forbidden);
        }
        tasks::set_status(&*w, a.task_id, done).await?;
        let data = json!({"action_id": a.id, "title": a.title, "done": done});
        let kind = if done { "action_done" } else { "action_reopened" };
        repo::add_event(&*w, id, Some(actor.id.0), kind, None, Some(data.clone())).await?;
        let action = if done { "incident.action_done" } else { "incident.action_reopen" };
        w.commit(cap.audit(action, "incident").entity(id).at(path).after(data)).await
    }

    /// The same, reached from the owner's task in Mina uppgifter (`None`: not an action's task).
    pub(crate) async fn action_task_done(&self, actor: &Actor, task_id: i64, done: bool) -> Result<Option<()>, AppError> {
        match repo::action_of_task(self.db(), task_id).await? {
            Some(a) => self.set_action_done(actor, a.incident_id, a.id, done).await.map(Some),
            None => Ok(None),
        }
    }
}
