//! The writes: reporting, triage, moving the status, notes, escalation, the duties'
//! answers and the reports sent. Each is one transaction with its timeline step and its
//! audit row, and recomputes the nearest deadline on the row.

use super::bodies::*;
use super::clocks::{clocks, next_due};
use super::commands::*;
use super::{Handled, Incidents};
use crate::{Actor, AppError};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use serde_json::json;
use varn_domain::incident::Status;
use varn_domain::{Code, FieldErrors, OrgKind, Permission};
use varn_store::entity::incident;
use varn_store::repo::incidents as repo;
use varn_store::repo::{now, org, users};

pub(super) fn incident_json(i: &incident::Model) -> serde_json::Value {
    json!({"title": i.title, "unit_id": i.unit_id, "status": i.status, "category": i.category, "type_code": i.type_code,
        "severity": i.severity, "level": i.level, "handler_user_id": i.handler_user_id, "personal_data": i.personal_data,
        "aware_at": i.aware_at, "operator_unit_id": i.operator_unit_id, "pua_unit_id": i.pua_unit_id, "systems": i.systems, "suppliers": i.suppliers})
}

pub(super) fn search_text(title: &str, systems: Option<&str>) -> String {
    let mut s = title.to_lowercase();
    if let Some(x) = systems {
        s.push(' ');
        s.push_str(&x.to_lowercase());
    }
    s.chars().take(600).collect()
}

impl Incidents<'_> {
    /// Opens a handling write: the incident, re-read inside the transaction.
    /// Every caller has already checked, outside it, that the actor may handle the incident
    /// (so that a refusal comes before a mistake in what they sent); inside, it is checked again.
    pub(super) async fn open<'c>(&self, actor: &'c Actor, id: i64) -> Result<(crate::Write, Handled<'c>), AppError> {
        let w = self.app.begin(&actor.can(Permission::IncidentHandle)?).await?;
        let h = self.handled(&*w, actor, id).await?;
        Ok((w, h))
    }

    /// Saves the row with its nearest deadline recomputed, appends the timeline step and
    /// commits with the audit row.
    pub(super) async fn finish(&self, w: crate::Write, h: Handled<'_>, m: incident::ActiveModel, step: Step) -> Result<(), AppError> {
        let id = h.incident.id;
        let mut m = m;
        m.updated_at = Set(now());
        let saved = m.update(&*w).await?;
        let due = {
            let duties = repo::duties(&*w, id).await?;
            let reports = repo::reports(&*w, id).await?;
            next_due(saved.status, &clocks(self.rules(), saved.aware_at, &duties, &reports))
        };
        let saved = if due != saved.next_due {
            let mut m: incident::ActiveModel = saved.into();
            m.next_due = Set(due);
            m.update(&*w).await?
        } else {
            saved
        };
        let added = if step.adds { step.data.clone() } else { None };
        repo::add_event(&*w, id, Some(h.cap.actor().id.0), step.kind, step.text, step.data).await?;
        let audit = h.cap.audit(step.action, "incident").entity(id).at(h.path.clone());
        let audit = match added {
            Some(added) => audit.after(added),
            None => audit.before(incident_json(&h.incident)).after(incident_json(&saved)),
        };
        w.commit(audit).await
    }

    /// Triage: category, type, severity, unit, handler, awareness, the bodies; the first
    /// triage of a new report starts the investigation.
    pub async fn triage(&self, actor: &Actor, id: i64, cmd: Result<TriageCommand, FieldErrors>) -> Result<(), AppError> {
        self.handled(self.db(), actor, id).await?;
        let cmd = cmd?;
        let (w, h) = self.open(actor, id).await?;
        let mut e = FieldErrors::new();
        let handler = match &cmd.handler_username {
            Some(n) => match users::find_person(&*w, n).await? {
                Some(u) if u.active => Some(u.id),
                _ => {
                    e.add("handler_username", "err.user.unknown");
                    None
                }
            },
            None => None,
        };
        if let Some(t) = &cmd.type_code {
            if !self.rules().types.types.iter().any(|x| &x.code == t) {
                e.add("type_code", "err.choose");
            }
        }
        let unit = org::find_any(&*w, cmd.unit_id).await?.filter(|u| u.active);
        let in_scope =
            unit.as_ref().is_some_and(|u| h.cap.covers(&u.path).is_ok()) || unit.as_ref().is_some_and(|u| u.id == h.incident.unit_id);
        if !in_scope {
            e.add("unit_id", "err.incident.unit_outside");
        }
        if let Some(o) = cmd.operator_unit_id {
            let ok = org::find_any(&*w, o).await?.is_some_and(|u| u.kind == OrgKind::Bolag || u.parent_id.is_none());
            if !ok {
                e.add("operator_unit_id", "err.incident.operator_kind");
            }
        }
        if let Some(p) = cmd.pua_unit_id {
            let ok =
                org::find_any(&*w, p).await?.is_some_and(|u| matches!(u.kind, OrgKind::Namnd | OrgKind::Kommunstyrelse | OrgKind::Bolag));
            if !ok {
                e.add("pua_unit_id", "err.asset.pua_kind");
            }
        }
        e.into_result()?;
        let mut m: incident::ActiveModel = h.incident.clone().into();
        m.category = Set(cmd.category);
        m.type_code = Set(cmd.type_code.clone());
        m.severity = Set(cmd.severity);
        m.unit_id = Set(cmd.unit_id);
        m.handler_user_id = Set(handler);
        m.systems = Set(cmd.systems.clone());
        m.suppliers = Set(cmd.suppliers.clone());
        m.search_text = Set(search_text(&h.incident.title, cmd.systems.as_deref()));
        m.personal_data = Set(cmd.personal_data);
        m.aware_at = Set(cmd.aware_at);
        m.operator_unit_id = Set(cmd.operator_unit_id);
        m.pua_unit_id = Set(cmd.pua_unit_id);
        m.root_cause = Set(cmd.root_cause.clone());
        m.lessons = Set(cmd.lessons.clone());
        let started = h.incident.status == Status::Rapporterad;
        if started {
            m.status = Set(Status::UnderUtredning);
        }
        let data = started.then(|| json!({"from": "rapporterad", "to": "under_utredning"}));
        self.finish(w, h, m, Step { kind: "triaged", action: "incident.triage", text: None, data, adds: false }).await
    }

    /// Moves the status along the flow. Closing needs lessons learned, every duty
    /// answered and every report due recorded.
    pub async fn move_status(&self, actor: &Actor, id: i64, cmd: &StatusJson) -> Result<(), AppError> {
        self.handled(self.db(), actor, id).await?;
        let mut e = FieldErrors::new();
        let to = status(&mut e, &cmd.to);
        let note = text(&mut e, "note", cmd.note.as_deref(), 5_000);
        let lessons = text(&mut e, "lessons", cmd.lessons.as_deref(), 10_000);
        e.into_result()?;
        let Some(to) = to else { return Err(AppError::field("to", "err.choose")) };
        let (w, h) = self.open(actor, id).await?;
        let from = h.incident.status;
        if !from.may_move(to) {
            return Err(AppError::field("to", "err.incident.move"));
        }
        let mut m: incident::ActiveModel = h.incident.clone().into();
        if let Some(l) = &lessons {
            m.lessons = Set(Some(l.clone()));
        }
        let at = now();
        match to {
            Status::Begransad => m.contained_at = Set(Some(at)),
            Status::Avslutad => {
                self.check_closable(&*w, &h.incident, lessons.is_some()).await?;
                m.closed_at = Set(Some(at));
            }
            Status::UnderUtredning => m.closed_at = Set(None),
            _ => {}
        }
        m.status = Set(to);
        let data = Some(json!({"from": from, "to": to}));
        self.finish(w, h, m, Step { kind: "status", action: "incident.status", text: note, data, adds: false }).await
    }

    /// What closing needs: lessons, every regime answered, nothing due left unrecorded.
    async fn check_closable<C: ConnectionTrait>(&self, db: &C, i: &incident::Model, lessons_now: bool) -> Result<(), AppError> {
        let mut e = FieldErrors::new();
        if !lessons_now && i.lessons.as_deref().is_none_or(str::is_empty) {
            e.add("lessons", "err.incident.lessons_required");
        }
        let duties = repo::duties(db, i.id).await?;
        if self.rules().regimes.regimes.iter().any(|r| !duties.iter().any(|d| d.regime == r.code)) {
            e.add("to", "err.incident.duties_open");
        } else {
            let reports = repo::reports(db, i.id).await?;
            if clocks(self.rules(), i.aware_at, &duties, &reports).iter().any(|c| c.done_at.is_none()) {
                e.add("to", "err.incident.reports_open");
            }
        }
        Ok(e.into_result()?)
    }

    /// A note in the timeline.
    pub async fn note(&self, actor: &Actor, id: i64, cmd: &NoteJson) -> Result<(), AppError> {
        self.handled(self.db(), actor, id).await?;
        let mut e = FieldErrors::new();
        let t = text(&mut e, "text", Some(&cmd.text), 5_000);
        if t.is_none() && e.is_empty() {
            e.add("text", "err.required");
        }
        e.into_result()?;
        let (w, h) = self.open(actor, id).await?;
        let m: incident::ActiveModel = h.incident.clone().into();
        self.finish(w, h, m, Step { kind: "note", action: "incident.note", text: t, data: None, adds: false }).await
    }

    /// Raises (or lowers) the level, with the reason.
    pub async fn escalate(&self, actor: &Actor, id: i64, cmd: &EscalateJson) -> Result<(), AppError> {
        self.handled(self.db(), actor, id).await?;
        let mut e = FieldErrors::new();
        let to = level(&mut e, &cmd.level);
        let reason = text(&mut e, "reason", Some(&cmd.reason), 2_000);
        if reason.is_none() && e.get("reason").is_none() {
            e.add("reason", "err.incident.reason_required");
        }
        e.into_result()?;
        let Some(to) = to else { return Err(AppError::field("level", "err.choose")) };
        let (w, h) = self.open(actor, id).await?;
        let from = h.incident.level;
        if from == to {
            return Err(AppError::field("level", "err.incident.level_same"));
        }
        let mut m: incident::ActiveModel = h.incident.clone().into();
        m.level = Set(to);
        if to != varn_domain::incident::Level::Incident {
            let raised = incident::Model { level: to, ..h.incident.clone() };
            let reason = reason.clone().unwrap_or_default();
            self.alert_escalated(&*w, &raised, &h.path, &actor.display_name, format!("@level.{}", to.as_str()), &reason).await?;
        }
        let data = Some(json!({"from": from, "to": to}));
        self.finish(w, h, m, Step { kind: "escalated", action: "incident.escalate", text: reason, data, adds: false }).await
    }
}

/// A timeline step and its audit action.
pub(super) struct Step {
    pub(super) kind: &'static str,
    pub(super) action: &'static str,
    pub(super) text: Option<String>,
    pub(super) data: Option<serde_json::Value>,
    /// The step adds something to the incident (a duty answered, an action, a link, a report
    /// sent): its audit row records `data`, what it added, and not the incident's own fields,
    /// which it does not change and which beside it would read as removed.
    pub(super) adds: bool,
}
