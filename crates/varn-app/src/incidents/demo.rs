//! The demo city's incidents (its `incidents:` section): a year of reports, written through
//! the same use cases as the forms and then moved back to the days they happened. The
//! named items tell the stories (a personal data breach Socialnämnden reported to IMY, a
//! significant incident with all three reports to the CSIRT, one of them late); `spread`
//! repeats the everyday templates across the year.

use super::actions::ActionJson;
use super::authorities::ContactJson;
use super::bodies::*;
use super::commands::*;
use super::Incidents;
use crate::demo::DemoCity;
use crate::{Actor, AppError};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::Deserialize;
use std::collections::HashMap;
use varn_domain::Permission;
use varn_store::repo::{stmt, users};

#[derive(Debug, Deserialize)]
struct DemoSection {
    #[serde(rename = "as")]
    who: String,
    reporter: String,
    items: Vec<DemoIncident>,
    /// How many incidents the templates are repeated into, across the year.
    #[serde(default)]
    spread: usize,
    #[serde(default)]
    templates: Vec<DemoIncident>,
    /// Contacts made with the register's authorities.
    #[serde(default)]
    contacts: Vec<DemoContact>,
}

#[derive(Debug, Deserialize)]
struct DemoContact {
    authority: String,
    days_ago: i64,
    direction: String,
    channel: String,
    unit: String,
    summary: String,
    /// The incident's title (an item's).
    #[serde(default)]
    incident: Option<String>,
}

#[derive(Debug, Deserialize, Clone)]
struct DemoIncident {
    title: String,
    unit: String,
    #[serde(rename = "type")]
    type_code: String,
    category: String,
    severity: String,
    #[serde(default)]
    days_ago: i64,
    #[serde(default = "closed")]
    status: String,
    #[serde(default)]
    pd: bool,
    /// Regimes answered yes (the rest no).
    #[serde(default)]
    duties: Vec<String>,
    /// Reports sent: `regime.report` and the hours after awareness.
    #[serde(default)]
    sent: Vec<(String, i64)>,
    #[serde(default)]
    level: Option<String>,
    #[serde(default)]
    lessons: Option<String>,
    /// Who reported it (default: the section's reporter).
    #[serde(default)]
    by: Option<String>,
    /// Leave the duties' questions unanswered.
    #[serde(default)]
    unanswered: bool,
    /// The suppliers concerned, in words.
    #[serde(default)]
    suppliers: Option<String>,
    /// The protections concerned (requirement codes).
    #[serde(default)]
    protections: Vec<String>,
    /// The risks concerned (titles in the risk register).
    #[serde(default)]
    risks: Vec<String>,
    /// Actions: what, who (user name), due days after awareness, done.
    #[serde(default)]
    actions: Vec<(String, String, i64, bool)>,
}

fn closed() -> String {
    "avslutad".into()
}

fn fail(what: &str) -> impl Fn(AppError) -> AppError + '_ {
    move |e| AppError::Internal(format!("demo incident {what}: {e:?}"))
}

impl Incidents<'_> {
    /// Loads the section.
    pub(crate) async fn load_demo(self, city: &DemoCity) -> Result<(), AppError> {
        // The register of authorities is the product's, demo or not.
        self.seed_authorities().await?;
        let Some(s) = city.section::<DemoSection>("incidents")? else { return Ok(()) };
        let db = self.app.store.read();
        let actor = |name: String| async move {
            let u =
                users::by_username(db, &name).await?.ok_or_else(|| AppError::Internal(format!("demo incidents: unknown user {name}")))?;
            crate::auth::load_actor(db, &u).await
        };
        let handler = actor(s.who.clone()).await?;
        let reporter = actor(s.reporter.clone()).await?;
        let units = city.unit_ids(self.app).await?;
        let mut all = s.items.clone();
        let mut ids: HashMap<String, i64> = HashMap::new();
        for n in 0..s.spread {
            if let Some(t) = s.templates.get(n % s.templates.len().max(1)) {
                let mut t = t.clone();
                t.days_ago = 3 + (n as i64 * 360) / s.spread.max(1) as i64;
                // The last few weeks' are still being handled.
                if t.days_ago < 20 {
                    t.status = if n % 2 == 0 { "under_utredning".into() } else { "begransad".into() };
                }
                all.push(t);
            }
        }
        for d in &all {
            let by = match &d.by {
                Some(u) => actor(u.clone()).await?,
                None => reporter.clone(),
            };
            let id = self.demo_one(&handler, &by, d, &units).await.map_err(fail(&d.title))?;
            ids.entry(d.title.clone()).or_insert(id);
        }
        for c in &s.contacts {
            let a = varn_store::repo::authorities::by_code(db, &c.authority)
                .await?
                .ok_or_else(|| AppError::Internal(format!("demo contact: unknown authority {}", c.authority)))?;
            let at = (Utc::now() - Duration::days(c.days_ago)).date_naive().and_hms_opt(9, 30, 0).map(|t| t.and_utc());
            let json = ContactJson {
                authority_id: Some(a.id),
                at,
                direction: c.direction.clone(),
                channel: c.channel.clone(),
                summary: c.summary.clone(),
                reference: None,
                incident_id: c.incident.as_ref().and_then(|t| ids.get(t).copied()),
                unit_id: units.get(&c.unit).copied(),
            };
            self.add_contact(&handler, a.id, &json).await.map_err(fail(&c.summary))?;
        }
        Ok(())
    }

    async fn demo_one(&self, handler: &Actor, reporter: &Actor, d: &DemoIncident, units: &HashMap<String, i64>) -> Result<i64, AppError> {
        let unit = *units.get(&d.unit).ok_or_else(|| AppError::Internal(format!("unknown unit {}", d.unit)))?;
        let aware = demo_aware(Utc::now(), d.days_ago);
        let json = ReportJson {
            title: d.title.clone(),
            description: None,
            noticed_at: Some(aware - Duration::minutes(25)),
            unit_id: Some(unit),
            systems: None,
            personal_data: Some(if d.pd { "ja" } else { "nej" }.into()),
            type_code: Some(d.type_code.clone()),
        };
        let id = self.report(reporter, ReportCommand::try_from(&json)).await?;
        self.demo_times(handler, id, aware, None).await?;
        let v = self.view(handler, id).await?;
        let triage = TriageJson {
            category: Some(d.category.clone()),
            type_code: Some(d.type_code.clone()),
            severity: Some(d.severity.clone()),
            unit_id: unit,
            handler_username: Some(handler.username.clone()),
            systems: None,
            suppliers: d.suppliers.clone(),
            personal_data: Some(if d.pd { "ja" } else { "nej" }.into()),
            aware_at: aware,
            operator_unit_id: v.operator_unit_id,
            pua_unit_id: v.pua_unit_id,
            root_cause: None,
            lessons: d.lessons.clone(),
        };
        self.triage(handler, id, TriageCommand::try_from(&triage)).await?;
        for code in &d.protections {
            let link = super::links::LinkJson { requirement: Some(code.clone()), ..Default::default() };
            self.link(handler, id, &link).await?;
        }
        for title in &d.risks {
            let found = varn_store::entity::risk::Entity::find()
                .filter(varn_store::entity::risk::Column::Title.eq(title.as_str()))
                .one(self.app.store.read())
                .await?
                .ok_or_else(|| AppError::Internal(format!("demo incidents: unknown risk {title}")))?;
            let link = super::links::LinkJson { risk_id: Some(found.id), ..Default::default() };
            self.link(handler, id, &link).await?;
        }
        for (title, owner, days, done) in &d.actions {
            let due = (aware + Duration::days(*days)).date_naive().format("%Y-%m-%d").to_string();
            let json = ActionJson { title: title.clone(), responsible_username: owner.clone(), due_date: due };
            let a = self.add_action(handler, id, &json).await?;
            if *done {
                self.set_action_done(handler, id, a, true).await?;
            }
        }
        if let Some(l) = &d.level {
            self.escalate(handler, id, &EscalateJson { level: l.clone(), reason: "Påverkar flera förvaltningar".into() }).await?;
        }
        for r in self.rules().regimes.regimes.iter().filter(|_| !d.unanswered) {
            let applies = d.duties.contains(&r.code);
            let note = (!applies).then(|| "Bedömt vid triage".to_owned());
            self.answer_duty(handler, id, &r.code, &DutyJson { applies: Some(applies), note }).await?;
        }
        for (what, hours) in &d.sent {
            let (regime, report) = what.split_once('.').unwrap_or((what, ""));
            let sent = SentJson {
                sent_at: Some(aware + Duration::hours(*hours)),
                reference: Some(format!("{}-{}", report.to_uppercase(), id)),
                ..Default::default()
            };
            self.record_report(handler, id, regime, report, &sent).await?;
        }
        let path: &[&str] = match d.status.as_str() {
            "under_utredning" => &[],
            "begransad" => &["begransad"],
            "atgardad" => &["begransad", "atgardad"],
            _ => &["begransad", "atgardad", "avslutad"],
        };
        for to in path {
            let lessons = (*to == "avslutad" && d.lessons.is_none()).then(|| "Rutinen gicks igenom med berörda medarbetare.".to_owned());
            self.move_status(handler, id, &StatusJson { to: (*to).to_owned(), note: None, lessons }).await?;
        }
        self.demo_times(handler, id, aware, Some(path.len())).await?;
        Ok(id)
    }

    /// Moves a demo incident's moments back to when it happened: the report, awareness and
    /// noticing; once handled, each timeline step a few hours apart and the containment and
    /// closing with them. One audited write of the demo loader.
    async fn demo_times(&self, actor: &Actor, id: i64, aware: DateTime<Utc>, steps: Option<usize>) -> Result<(), AppError> {
        let cap = actor.can(Permission::IncidentHandle)?;
        let w = self.app.begin(&cap).await?;
        let run = |s: &'static str, v: Vec<sea_orm::Value>| stmt(&*w, s, v);
        if steps.is_none() {
            let sql = "UPDATE incidents SET reported_at = ?, aware_at = ?, noticed_at = ?, created_at = ? WHERE id = ?";
            w.execute(run(sql, vec![aware.into(), aware.into(), (aware - Duration::minutes(25)).into(), aware.into(), id.into()])).await?;
        } else {
            let events = varn_store::repo::incidents::events(&*w, id).await?;
            for (n, e) in events.iter().enumerate() {
                let at = aware + Duration::minutes(30 * n as i64);
                w.execute(run("UPDATE incident_events SET at = ? WHERE id = ?", vec![at.into(), e.id.into()])).await?;
            }
            let contained = aware + Duration::hours(6);
            let closed = aware + Duration::days(9);
            let sql = "UPDATE incidents SET contained_at = CASE WHEN contained_at IS NULL THEN NULL ELSE ? END, \
                       closed_at = CASE WHEN closed_at IS NULL THEN NULL ELSE ? END WHERE id = ?";
            w.execute(run(sql, vec![contained.into(), closed.into(), id.into()])).await?;
            let answered = aware + Duration::hours(2);
            w.execute(run("UPDATE incident_duties SET answered_at = ? WHERE incident_id = ?", vec![answered.into(), id.into()])).await?;
        }
        w.commit(cap.audit("incident.demo_backdate", "incident").entity(id).after(serde_json::json!({"aware_at": aware}))).await
    }
}

/// When the city became aware of a demo incident `days_ago` days back: at 08:40 (UTC) that day,
/// or the day before when that is less than an hour further back than `days_ago` whole days
/// (in the early hours). So yesterday's incident is always more than a day old, and its
/// 24-hour deadline has passed whenever the demo is loaded (it had not before 08:40).
fn demo_aware(now: DateTime<Utc>, days_ago: i64) -> DateTime<Utc> {
    let back = now - Duration::days(days_ago);
    let at = |d: chrono::NaiveDate| d.and_hms_opt(8, 40, 0).map(|t| t.and_utc()).unwrap_or(back);
    let that_day = at(back.date_naive());
    if that_day > back - Duration::hours(1) {
        at(back.date_naive() - chrono::Days::new(1))
    } else {
        that_day
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_demo_incident_of_yesterday_is_a_day_and_more_old_at_any_hour() {
        for hour in 0..24 {
            for minute in [0, 39, 41] {
                let Some(now) =
                    chrono::NaiveDate::from_ymd_opt(2026, 3, 29).and_then(|d| d.and_hms_opt(hour, minute, 0)).map(|t| t.and_utc())
                else {
                    continue;
                };
                let age = now - demo_aware(now, 1);
                assert!(age >= Duration::hours(25) && age <= Duration::hours(49), "{now}: {age}");
                assert_eq!(demo_aware(now, 1).format("%H:%M").to_string(), "08:40");
            }
        }
    }
}
