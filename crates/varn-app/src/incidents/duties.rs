//! The reporting duties of an incident: the answer to each regime's question, and each
//! report recorded as sent (when, to whom, the reference) or judged not required (with the
//! assessment: a personal data breach unlikely to result in a risk, no high risk to the
//! data subjects).

use super::bodies::{text, DutyJson, SentJson};
use super::lifecycle::Step;
use super::Incidents;
use crate::{Actor, AppError};
use chrono::Utc;
use serde_json::json;
use varn_domain::incident::{Channel, Direction};
use varn_domain::FieldErrors;
use varn_store::entity::incident;
use varn_store::repo::authorities;
use varn_store::repo::incidents as repo;

impl Incidents<'_> {
    /// Answers whether a regime applies. GDPR answered yes alerts the dataskyddsombud
    /// through the timeline and the audit row (mail comes with the mail queue).
    pub async fn answer_duty(&self, actor: &Actor, id: i64, regime: &str, cmd: &DutyJson) -> Result<(), AppError> {
        self.handled(self.db(), actor, id).await?;
        let r = self.rules().regimes.get(regime).ok_or(AppError::NotFound)?;
        let mut e = FieldErrors::new();
        let note = text(&mut e, "note", cmd.note.as_deref(), 5_000);
        let Some(applies) = cmd.applies else {
            e.add("applies", "err.choose");
            return Err(e.into());
        };
        e.into_result()?;
        let (w, h) = self.open(actor, id).await?;
        let was_breach = repo::duties(&*w, id).await?.iter().any(|d| d.regime == "gdpr" && d.applies);
        repo::answer_duty(&*w, id, &r.code, applies, note.clone(), actor.id.0).await?;
        if r.code == "gdpr" && applies && !was_breach {
            // Judged a personal data breach: the dataskyddsombud is told at once.
            let dpo = self.listed(&*w, &super::alerts::list_key("dataskyddsombud")).await?;
            let args = self.mail_args(&*w, &h.incident).await?;
            self.app.mail().queue(&*w, dpo, crate::mail::Message::new("incident_breach", args).urgent()).await?;
        }
        let m: incident::ActiveModel = h.incident.clone().into();
        let data = json!({"regime": r.code, "applies": applies});
        let step = Step { kind: "duty", action: "incident.duty", text: note, data: Some(data), adds: true };
        self.finish(w, h, m, step).await
    }

    /// Records a report as sent (or judged not required). Only a report of a regime
    /// answered yes; once per report.
    pub async fn record_report(&self, actor: &Actor, id: i64, regime: &str, report: &str, cmd: &SentJson) -> Result<(), AppError> {
        self.handled(self.db(), actor, id).await?;
        let r = self.rules().regimes.get(regime).ok_or(AppError::NotFound)?;
        let def = r.reports.iter().find(|x| x.code == report).ok_or(AppError::NotFound)?;
        let mut e = FieldErrors::new();
        let note = text(&mut e, "note", cmd.note.as_deref(), 5_000);
        let reference = text(&mut e, "reference", cmd.reference.as_deref(), 200);
        let recipient = text(&mut e, "recipient", cmd.recipient.as_deref(), 300).unwrap_or_else(|| def.recipient.clone());
        let sent_at = super::commands::second(cmd.sent_at.unwrap_or_else(varn_store::repo::now));
        if sent_at > Utc::now() + chrono::Duration::minutes(1) {
            e.add("sent_at", "err.incident.future");
        }
        if cmd.not_required && note.is_none() {
            e.add("note", "err.incident.assessment_required");
        }
        e.into_result()?;
        let (w, h) = self.open(actor, id).await?;
        let duties = repo::duties(&*w, id).await?;
        if !duties.iter().any(|d| d.regime == r.code && d.applies) {
            return Err(AppError::field("report", "err.incident.duty_not_applies"));
        }
        let done = repo::reports(&*w, id).await?;
        if done.iter().any(|x| x.regime == r.code && x.report == def.code) {
            return Err(AppError::field("report", "err.incident.report_recorded"));
        }
        let clock = super::clocks::clocks(self.rules(), h.incident.aware_at, &duties, &done)
            .into_iter()
            .find(|c| c.regime == r.code && c.report == def.code);
        let outcome = if cmd.not_required { "not_required" } else { "sent" };
        let row = repo::NewReport {
            incident_id: id,
            regime: r.code.clone(),
            report: def.code.clone(),
            outcome: outcome.to_owned(),
            note: note.clone(),
            sent_at,
            sent_by: actor.id.0,
            recipient: recipient.clone(),
            reference: reference.clone(),
            due_at: clock.and_then(|c| c.due),
        };
        repo::add_report(&*w, row).await?;
        // A report sent to an authority of the register is a contact made with it.
        let authority = match (&def.authority, cmd.not_required) {
            (Some(code), false) => authorities::by_code(&*w, code).await?,
            _ => None,
        };
        if let Some(a) = &authority {
            let contact = authorities::NewContact {
                authority_id: a.id,
                at: sent_at,
                direction: Direction::Ut,
                channel: Channel::ETjanst,
                summary: def.name.get("sv").to_owned(),
                reference: reference.clone(),
                incident_id: Some(id),
                unit_id: h.incident.unit_id,
                user_id: actor.id.0,
            };
            authorities::add_contact(&*w, contact).await?;
        }
        let m: incident::ActiveModel = h.incident.clone().into();
        let data = json!({"regime": r.code, "report": def.code, "outcome": outcome, "sent_at": sent_at, "recipient": recipient, "reference": reference, "authority": authority.map(|a| a.name)});
        let step = Step { kind: "report", action: "incident.report_sent", text: note, data: Some(data), adds: true };
        self.finish(w, h, m, step).await
    }
}
