//! Reporting: every employee, in under a minute. What the write depends on is read first
//! (where the report lands and who is told), so that the transaction holds only the writes:
//! the incident, its first timeline step, the mail and the audit row.

use super::alerts::samordnare_and_contact;
use super::clocks::{clocks, next_due};
use super::commands::ReportCommand;
use super::lifecycle::{incident_json, search_text};
use super::queries::Parts;
use super::{reference, IncidentView, Incidents};
use crate::mail::Message;
use crate::{Actor, AppError};
use sea_orm::{ConnectionTrait, EntityTrait, Set, TryIntoModel};
use varn_domain::incident::{Level, Status};
use varn_domain::{FieldErrors, OrgKind, Permission};
use varn_store::entity::{incident, org_unit};
use varn_store::repo::incidents::{self as repo, EventRow};
use varn_store::repo::{mail, now, org};

/// A report made: its row, where it landed, its first timeline step (id, time).
type Made = (incident::Model, Place, (i64, chrono::DateTime<chrono::Utc>));

/// The units from the city's root down to the unit a report lands on (that one last).
pub(super) struct Place {
    pub(super) chain: Vec<org_unit::Model>,
}

impl Place {
    fn unit(&self) -> Option<&org_unit::Model> {
        self.chain.last()
    }

    /// The verksamhetsutövare (the nearest bolag above, or the city) and the
    /// personuppgiftsansvarig body (the nearest nämnd, KS or bolag).
    fn bodies(&self) -> (Option<i64>, Option<i64>) {
        let up = || self.chain.iter().rev();
        let operator = up().find(|u| u.kind == OrgKind::Bolag).or(self.chain.first()).map(|u| u.id);
        let pua = up().find(|u| matches!(u.kind, OrgKind::Namnd | OrgKind::Kommunstyrelse | OrgKind::Bolag)).map(|u| u.id);
        (operator, pua)
    }
}

/// The chain of units of `path`, root first.
pub(super) async fn chain<C: ConnectionTrait>(db: &C, path: &str) -> Result<Place, AppError> {
    let ids: Vec<i64> = path.split('/').filter_map(|x| x.parse().ok()).collect();
    let mut chain = org::by_ids(db, ids).await?;
    chain.sort_by_key(|u| u.path.len());
    Ok(Place { chain })
}

/// Where a report on a unit lands and who is told at once (see `App::incident_alerts`).
#[derive(Debug)]
pub struct Alerted {
    /// The units from the root down to the unit.
    chain: Vec<org_unit::Model>,
    /// The samordnare and the nearest security contact, as mail recipients.
    people: Vec<mail::Recipient>,
}

impl Incidents<'_> {
    /// Where a report lands: the unit chosen (any active unit: an employee may see
    /// something wrong elsewhere) or the reporter's own (the deepest unit they hold a role on).
    async fn place<C: ConnectionTrait>(&self, db: &C, actor: &Actor, chosen: Option<i64>) -> Result<Place, AppError> {
        let bad = || AppError::field("unit_id", "err.choose");
        let path = match chosen {
            Some(u) => org::find_any(db, u).await?.filter(|u| u.active).ok_or_else(bad)?.path,
            None => actor.access.grants().iter().max_by_key(|g| g.unit_path.depth()).ok_or_else(bad)?.unit_path.as_str().to_owned(),
        };
        let place = chain(db, &path).await?;
        match place.unit() {
            Some(u) if u.active && u.path == path => Ok(place),
            _ => Err(bad()),
        }
    }

    /// The place and the people told for a report on the unit chosen or the reporter's own,
    /// from the cache when it has them.
    async fn alerted_for(&self, actor: &Actor, chosen: Option<i64>) -> Result<(Place, Vec<mail::Recipient>), AppError> {
        let key = match chosen {
            Some(u) => Some(u),
            None => actor.access.grants().iter().max_by_key(|g| g.unit_path.depth()).and_then(|g| g.unit_path.ids().last().map(|u| u.0)),
        };
        if let Some(hit) = key.and_then(|k| self.app.incident_alerts.get(&k)) {
            return Ok((Place { chain: hit.chain.clone() }, hit.people.clone()));
        }
        let db = self.db();
        let place = self.place(db, actor, chosen).await?;
        let told = samordnare_and_contact(db, &place.chain).await?;
        let people = self.app.mail().people(db, told).await?;
        if let Some(u) = place.unit() {
            let entry = Alerted { chain: place.chain.clone(), people: people.clone() };
            self.app.incident_alerts.insert(u.id, std::sync::Arc::new(entry));
        }
        Ok((place, people))
    }

    /// Reports an incident; returns its id. Every employee may.
    pub async fn report(&self, actor: &Actor, cmd: Result<ReportCommand, FieldErrors>) -> Result<i64, AppError> {
        Ok(self.report_made(actor, cmd).await?.0.id)
    }

    /// Reports an incident and returns it as the reporter sees it, made from what the write
    /// already knows (nothing is read back).
    pub async fn report_view(&self, actor: &Actor, cmd: Result<ReportCommand, FieldErrors>) -> Result<IncidentView, AppError> {
        let (i, place, (event_id, at)) = self.report_made(actor, cmd).await?;
        let path = place.unit().map(|u| u.path.clone()).unwrap_or_default();
        let first =
            EventRow { id: event_id, at, kind: "reported".into(), text: None, data: None, user_name: Some(actor.display_name.clone()) };
        let parts = Parts {
            units: place.chain,
            people: vec![(actor.id.0, actor.username.clone(), actor.display_name.clone())],
            duties: vec![],
            reports: vec![],
            events: vec![first],
            links: (vec![], vec![]),
            actions: vec![],
            requirements: vec![],
            risks: vec![],
            contacts: vec![],
        };
        Ok(self.assemble(actor, i, &path, parts))
    }

    /// The report's write: the row, where it landed and its first timeline step (id, time).
    async fn report_made(&self, actor: &Actor, cmd: Result<ReportCommand, FieldErrors>) -> Result<Made, AppError> {
        let cap = actor.can(Permission::Participate)?;
        let cmd = cmd?;
        if let Some(t) = &cmd.type_code {
            if !self.rules().types.types.iter().any(|x| &x.code == t) {
                return Err(AppError::field("type_code", "err.choose"));
            }
        }
        let (place, people) = self.alerted_for(actor, cmd.unit_id).await?;
        let (operator, pua) = place.bodies();
        let unit = place.unit().ok_or_else(|| AppError::field("unit_id", "err.choose"))?;
        let at = now();
        let mut m = incident::ActiveModel {
            unit_id: Set(unit.id),
            reporter_user_id: Set(actor.id.0),
            handler_user_id: Set(None),
            title: Set(cmd.title.clone()),
            description: Set(cmd.description.clone()),
            noticed_at: Set(cmd.noticed_at),
            // The city is aware when the report reaches it; the handler may set an earlier moment.
            aware_at: Set(at),
            reported_at: Set(at),
            status: Set(Status::Rapporterad),
            category: Set(None),
            type_code: Set(cmd.type_code.clone()),
            severity: Set(None),
            level: Set(Level::Incident),
            systems: Set(cmd.systems.clone()),
            suppliers: Set(None),
            personal_data: Set(cmd.personal_data),
            operator_unit_id: Set(operator),
            pua_unit_id: Set(pua),
            root_cause: Set(None),
            lessons: Set(None),
            contained_at: Set(None),
            closed_at: Set(None),
            next_due: Set(next_due(Status::Rapporterad, &clocks(self.rules(), at, &[], &[]))),
            search_text: Set(search_text(&cmd.title, cmd.systems.as_deref())),
            created_at: Set(at),
            updated_at: Set(at),
            ..Default::default()
        };
        let w = self.app.begin(&cap).await?;
        // One statement: the row is known, only its id comes back.
        m.id = Set(incident::Entity::insert(m.clone()).exec(&*w).await?.last_insert_id);
        let i = m.try_into_model()?;
        let event = repo::add_event(&*w, i.id, Some(actor.id.0), "reported", None, None).await?;
        let (d, t) = varn_domain::incident::local_parts(i.aware_at);
        let args = vec![
            ("title", i.title.clone()),
            ("unit", unit.name.clone()),
            ("reference", reference(&i)),
            ("aware", format!("{d} {t}")),
            ("link", self.app.mail().link(&format!("/incidents/{}", i.id))),
            ("reporter", actor.display_name.clone()),
        ];
        mail::enqueue(&*w, self.app.mail().compose(&people, &Message::new("incident_reported", args))).await?;
        w.commit(cap.audit("incident.report", "incident").entity(i.id).at(unit.path.clone()).after(incident_json(&i))).await?;
        Ok((i, place, event))
    }
}
