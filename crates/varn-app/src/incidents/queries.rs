//! The app's view of one incident: its facts with names, its clocks, duties, reports,
//! timeline and links. A reporter who neither reads nor handles the unit's incidents sees
//! their report and the moves of its status, not the handling.

use super::clocks::{clocks, Clock};
use super::Incidents;
use crate::{Actor, AppError};
use chrono::{DateTime, Utc};
use varn_domain::incident::{Answer, Category, Level, Severity, Status};
use varn_domain::{OrgPath, Permission};
use varn_store::batch::Reads;
use varn_store::entity::incident;
use varn_store::repo::authorities::ContactRow;
use varn_store::repo::incidents::{self as repo, ActionRow, DutyRow, EventRow, ReportRow};
use varn_store::repo::{org, users};

/// One incident as the app shows it.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct IncidentView {
    /// Id.
    pub id: i64,
    /// `INC-2026-00042`.
    pub reference: String,
    /// What happened, in a line.
    pub title: String,
    /// What happened, told.
    pub description: Option<String>,
    /// Status.
    #[schema(value_type = String)]
    pub status: Status,
    /// Category.
    #[schema(value_type = Option<String>)]
    pub category: Option<Category>,
    /// Type code.
    pub type_code: Option<String>,
    /// Severity.
    #[schema(value_type = Option<String>)]
    pub severity: Option<Severity>,
    /// Level.
    #[schema(value_type = String)]
    pub level: Level,
    /// Personal data affected.
    #[schema(value_type = String)]
    pub personal_data: Answer,
    /// Systems in words.
    pub systems: Option<String>,
    /// Suppliers in words.
    pub suppliers: Option<String>,
    /// Affected unit.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// Who reported.
    pub reporter_name: String,
    /// Handler.
    pub handler_username: Option<String>,
    /// Handler's name.
    pub handler_name: Option<String>,
    /// Noticed.
    #[serde(serialize_with = "varn_domain::json_time::datetime")]
    pub noticed_at: DateTime<Utc>,
    /// The city aware.
    #[serde(serialize_with = "varn_domain::json_time::datetime")]
    pub aware_at: DateTime<Utc>,
    /// Reported.
    #[serde(serialize_with = "varn_domain::json_time::datetime")]
    pub reported_at: DateTime<Utc>,
    /// Contained.
    #[serde(serialize_with = "varn_domain::json_time::opt_datetime")]
    pub contained_at: Option<DateTime<Utc>>,
    /// Closed.
    #[serde(serialize_with = "varn_domain::json_time::opt_datetime")]
    pub closed_at: Option<DateTime<Utc>>,
    /// Root cause.
    pub root_cause: Option<String>,
    /// Lessons learned.
    pub lessons: Option<String>,
    /// Verksamhetsutövare.
    pub operator_unit_id: Option<i64>,
    /// Its name.
    pub operator_name: Option<String>,
    /// Whether the verksamhetsutövare is the municipality itself (the tree's root), not a bolag.
    pub operator_is_city: bool,
    /// Personuppgiftsansvarig.
    pub pua_unit_id: Option<i64>,
    /// Its name.
    pub pua_name: Option<String>,
    /// The nearest running deadline.
    #[serde(serialize_with = "varn_domain::json_time::opt_datetime")]
    pub next_due: Option<DateTime<Utc>>,
    /// Whether the caller may handle it.
    pub may_handle: bool,
    /// The statuses it may move to.
    #[schema(value_type = Vec<String>)]
    pub moves: Vec<Status>,
    /// The legal clocks.
    pub clocks: Vec<Clock>,
    /// The duties answered.
    pub duties: Vec<DutyRow>,
    /// The reports recorded.
    pub reports: Vec<ReportRow>,
    /// The timeline.
    pub events: Vec<EventRow>,
    /// Information assets it concerns (id, name).
    pub assets: Vec<(i64, String)>,
    /// Carriers it concerns (id, name, supplier).
    pub carriers: Vec<(i64, String, Option<String>)>,
    /// The protections it concerns (requirement codes of the classification model).
    pub requirements: Vec<String>,
    /// The risks of the register it concerns (for a reader of the handling who reads risks).
    pub risks: Vec<varn_store::repo::risks::LinkedRisk>,
    /// The actions given, with their owners (one who only reported sees none; an owner theirs).
    pub actions: Vec<ActionRow>,
    /// The contacts made with authorities about it.
    pub contacts: Vec<ContactRow>,
}

impl Incidents<'_> {
    /// One visible incident (`NotFound` otherwise).
    pub async fn view(&self, actor: &Actor, id: i64) -> Result<IncidentView, AppError> {
        Ok(self.view_with(actor, id, false).await?.0)
    }

    /// [`Self::view`] for its page: with what a handler chooses among, read in the same batch:
    /// the active authorities to record a contact with (id, name), and the open risks of the
    /// incident's unit and above it to link.
    pub async fn view_for_page(&self, actor: &Actor, id: i64) -> Result<(IncidentView, Choices), AppError> {
        self.view_with(actor, id, true).await
    }

    async fn view_with(&self, actor: &Actor, id: i64, choices: bool) -> Result<(IncidentView, Choices), AppError> {
        let db = self.db();
        let (i, path) = self.find(actor, id).await?;
        let reads_all = self.reads(actor, &i, &path);
        // The incident's parts are independent reads: one batch, one hand-off on SQLite.
        let mut b = Reads::on(db);
        let unit_ids: Vec<i64> = [Some(i.unit_id), i.operator_unit_id, i.pua_unit_id].into_iter().flatten().collect();
        let units = b.add(org::by_ids_query(unit_ids));
        let people = b.add(users::names_by_ids_query([Some(i.reporter_user_id), i.handler_user_id].into_iter().flatten().collect()));
        let duties = b.add(repo::duties_query(id));
        let reports = b.add(repo::reports_query(id));
        let events = b.add(repo::events_query(id));
        let actions = b.add(repo::actions_query(id));
        let risk_scope = self.app.risks().scope(actor);
        let more = reads_all.then(|| {
            (
                b.add(repo::linked_assets_query(id)),
                b.add(repo::linked_carriers_query(id)),
                b.add(repo::requirements_query(id)),
                b.add(varn_store::repo::authorities::of_incident_query(id)),
                (!risk_scope.is_none()).then(|| b.add(varn_store::repo::risks::risks_of_incident_query(id))),
            )
        });
        let handles = choices && self.may_handle(actor, &i, &path);
        let authorities = handles.then(|| b.add(varn_store::repo::authorities::choices_query()));
        // The risks to choose among are the same for every incident of the unit: kept until
        // this server's next write, at most 10 s (`AppParts::risk_choices`).
        let choice_key = (format!("{risk_scope:?}|{path}"), self.app.writes_committed());
        let kept_choices = (handles && !risk_scope.is_none()).then(|| self.app.risk_choices.get(&choice_key)).flatten();
        let risk_choices = (handles && !risk_scope.is_none() && kept_choices.is_none())
            .then(|| b.add(varn_store::repo::risks::candidates_query(&risk_scope, &path, 200, b.backend())));
        let mut got = b.run(db).await?;
        let authorities = got.take_if(authorities)?;
        let (links, requirements, contacts, risks) = match more {
            Some((a, c, r, k, rk)) => ((got.take(a)?, got.take(c)?), got.take(r)?, got.take(k)?, got.take_if(rk)?),
            None => ((vec![], vec![]), vec![], vec![], vec![]),
        };
        let all_choices = match (kept_choices, risk_choices) {
            (Some(kept), _) => kept,
            (None, Some(read)) => {
                let rows = std::sync::Arc::new(got.take(read)?);
                self.app.risk_choices.insert(choice_key, rows.clone());
                rows
            }
            (None, None) => std::sync::Arc::default(),
        };
        let risk_choices = all_choices.iter().filter(|r| !risks.iter().any(|x| x.id == r.id)).cloned().collect();
        let parts = Parts {
            units: got.take(units)?,
            people: got.take(people)?.into_iter().map(|u| (u.id, u.username, u.display_name)).collect(),
            duties: got.take(duties)?,
            reports: got.take(reports)?,
            events: got.take(events)?,
            links,
            actions: got.take(actions)?,
            requirements,
            risks,
            contacts,
        };
        Ok((self.assemble(actor, i, &path, parts), Choices { authorities, risks: risk_choices }))
    }

    /// Whether the actor reads the handling (not only the report): they handle it, or read
    /// the unit's incidents.
    fn reads(&self, actor: &Actor, i: &incident::Model, path: &str) -> bool {
        self.may_handle(actor, i, path) || OrgPath::parse(path).is_ok_and(|p| actor.scope(Permission::IncidentRead).covers(&p))
    }

    /// The view of an incident from its row and its parts, as far as the actor may read it.
    pub(super) fn assemble(&self, actor: &Actor, i: incident::Model, path: &str, p: Parts) -> IncidentView {
        let may_handle = self.may_handle(actor, &i, path);
        let reads = self.reads(actor, &i, path);
        let unit = |u: Option<i64>| u.and_then(|u| p.units.iter().find(|x| x.id == u)).map(|x| x.name.clone());
        let person = |u: Option<i64>| u.and_then(|u| p.people.iter().find(|x| x.0 == u));
        let (mut duties, mut reports, mut events, mut actions) = (p.duties, p.reports, p.events, p.actions);
        let mut cl = clocks(self.rules(), i.aware_at, &duties, &reports);
        if !reads {
            events.retain(|e| matches!(e.kind.as_str(), "reported" | "status"));
            for e in &mut events {
                e.text = None;
            }
            duties.clear();
            reports.clear();
            cl.clear();
            // The owner of an action sees their own.
            actions.retain(|a| a.responsible_user_id == actor.id.0);
        }
        IncidentView {
            reference: super::reference(&i),
            id: i.id,
            title: i.title.clone(),
            description: i.description.clone(),
            status: i.status,
            category: i.category,
            type_code: i.type_code.clone(),
            severity: i.severity,
            level: i.level,
            personal_data: i.personal_data,
            systems: i.systems.clone(),
            suppliers: if reads { i.suppliers.clone() } else { None },
            unit_id: i.unit_id,
            unit_name: unit(Some(i.unit_id)).unwrap_or_default(),
            reporter_name: person(Some(i.reporter_user_id)).map(|u| u.2.clone()).unwrap_or_default(),
            handler_username: person(i.handler_user_id).map(|u| u.1.clone()),
            handler_name: person(i.handler_user_id).map(|u| u.2.clone()),
            noticed_at: i.noticed_at,
            aware_at: i.aware_at,
            reported_at: i.reported_at,
            contained_at: i.contained_at,
            closed_at: i.closed_at,
            root_cause: if reads { i.root_cause.clone() } else { None },
            lessons: if reads { i.lessons.clone() } else { None },
            operator_unit_id: i.operator_unit_id,
            operator_name: unit(i.operator_unit_id),
            operator_is_city: i.operator_unit_id.and_then(|u| p.units.iter().find(|x| x.id == u)).is_some_and(|u| u.parent_id.is_none()),
            pua_unit_id: i.pua_unit_id,
            pua_name: unit(i.pua_unit_id),
            next_due: if reads { i.next_due } else { None },
            may_handle,
            moves: if may_handle { i.status.moves() } else { vec![] },
            clocks: cl,
            duties,
            reports,
            events,
            assets: p.links.0,
            carriers: p.links.1,
            actions,
            requirements: p.requirements,
            risks: p.risks,
            contacts: p.contacts,
        }
    }
}

/// What a view is made of beyond the incident's row: the units and people it names (id,
/// user name, name), its duties, reports, timeline and links (assets, carriers).
pub(super) struct Parts {
    pub(super) units: Vec<varn_store::entity::org_unit::Model>,
    pub(super) people: Vec<(i64, String, String)>,
    pub(super) duties: Vec<DutyRow>,
    pub(super) reports: Vec<ReportRow>,
    pub(super) events: Vec<EventRow>,
    pub(super) links: Links,
    pub(super) actions: Vec<ActionRow>,
    pub(super) requirements: Vec<String>,
    pub(super) risks: Vec<varn_store::repo::risks::LinkedRisk>,
    pub(super) contacts: Vec<ContactRow>,
}

/// What a handler chooses among on an incident's page.
#[derive(Debug, Default)]
pub struct Choices {
    /// The active authorities to record a contact with (id, name).
    pub authorities: Vec<(i64, String)>,
    /// The open risks of the incident's unit and above it, not yet linked.
    pub risks: Vec<varn_store::repo::risks::LinkedRisk>,
}

/// The assets and carriers an incident concerns: (id, name) each, and a carrier's supplier.
pub(super) type Links = (Vec<(i64, String)>, Vec<(i64, String, Option<String>)>);

/// The units that may be verksamhetsutövare (the city's root and the bolag) and those that
/// may be personuppgiftsansvarig (KS, the nämnder, the bolag), in tree order.
pub type Bodies = (Vec<varn_store::entity::org_unit::Model>, Vec<varn_store::entity::org_unit::Model>);

impl Incidents<'_> {
    /// See [`Bodies`].
    pub async fn bodies(&self) -> Result<Bodies, AppError> {
        use varn_domain::OrgKind::*;
        let db = self.db();
        let mut operators: Vec<_> = org::root(db).await?.into_iter().collect();
        operators.extend(org::of_kinds(db, vec![Bolag]).await?);
        Ok((operators, org::of_kinds(db, vec![Kommunstyrelse, Namnd, Bolag]).await?))
    }
}
