//! Incidents (incidenter, allvarliga störningar och kriser). Reached as `app.incidents()`.
//!
//! Who may do what: every employee (Participate) reports and follows their own reports;
//! IncidentRead reads the incidents of the units in scope; IncidentHandle (unit heads for
//! their units, the samordnare city-wide) triages and handles them, answers the reporting
//! duties, records the reports sent and escalates. A person named as handler of an incident
//! sees it wherever it is, and handles it when they hold IncidentHandle anywhere.

mod actions;
mod alerts;
pub(crate) mod authorities;
mod bodies;
mod clocks;
mod commands;
mod contacts;
mod demo;
mod duties;
mod lifecycle;
mod links;
mod overview;
mod queries;
mod register;
mod report;
mod work;

pub(crate) use actions::Checked as CheckedAction;
pub use actions::{ActionDoneJson, ActionJson};
pub use alerts::{contacts_key, REMIND_HOURS};
pub use authorities::{AuthorityJson, ContactJson};
pub use bodies::*;
pub use clocks::Clock;
pub use commands::*;
pub use contacts::ContactLists;
pub use links::LinkJson;
pub use overview::IncidentOverview;
pub use queries::{Choices, IncidentView};
pub use report::Alerted;
pub use varn_store::repo::authorities::{ContactCount, ContactRow};
pub use varn_store::repo::incidents::{ActionRow, DutyRow, EventRow, IncidentFilter, IncidentRow, ReportRow, SORTS};

use crate::{Actor, App, AppError, Capability};
use sea_orm::ConnectionTrait;
use varn_domain::incident::{IncidentTypes, Regimes};
use varn_domain::{OrgPath, Permission};
use varn_store::entity::incident;
use varn_store::repo::incidents::{self as repo, IncidentVisibility};
use varn_store::repo::{ListParams, Page};

/// The module's registration with the foundation.
pub const MODULE: crate::modules::Module = crate::modules::Module {
    name: "incidents",
    work: |app, actor, reads| Box::pin(app.incidents().work_reads(actor, reads)),
    unit_refs: |txn, id| Box::pin(repo::unit_references(txn, id)),
    audit_entities: &["incident", "authority"],
    demo: |app, city| Box::pin(app.incidents().load_demo(city)),
    // Open incidents whose report to an authority is past its deadline and not yet sent.
    follow_up: |app, scope, _| Box::pin(app.past_date(REPORT_LATE, chrono::Utc::now().into(), scope)),
    follow_up_links: &[crate::modules::FollowUpLink { kind: "incident.report", link: "/incidents?due=passed", by_unit: true }],
};

/// What the follow-up counts of incidents: a running legal clock past its deadline.
const REPORT_LATE: varn_store::repo::work::PastDate =
    varn_store::repo::work::PastDate { table: "incidents", column: "next_due", kind: "incident.report" };

/// The reporting duties and the types of incident, as data, checked.
#[derive(Debug, Clone)]
pub struct Rules {
    /// The regimes.
    pub regimes: Regimes,
    /// The types.
    pub types: IncidentTypes,
}

impl Rules {
    /// Parses and checks a regimes file and a types file (YAML).
    pub fn parse(regimes: &str, types: &str) -> Result<Self, AppError> {
        let bad = |what: &str, e: &dyn std::fmt::Display| AppError::Internal(format!("incident {what}: {e}"));
        let regimes: Regimes = serde_yaml::from_str(regimes).map_err(|e| bad("regimes", &e))?;
        regimes.check().map_err(|e| bad("regimes", &e))?;
        let types: IncidentTypes = serde_yaml::from_str(types).map_err(|e| bad("types", &e))?;
        types.check().map_err(|e| bad("types", &e))?;
        Ok(Rules { regimes, types })
    }

    /// The files in `data/incidents/` as shipped.
    pub fn builtin() -> Result<Self, AppError> {
        Self::parse(include_str!("../../../../data/incidents/regimes.yaml"), include_str!("../../../../data/incidents/types.yaml"))
    }
}

impl App {
    /// The incident module.
    pub fn incidents(&self) -> Incidents<'_> {
        Incidents { app: self }
    }
}

/// The incident module's use cases.
#[derive(Clone, Copy)]
pub struct Incidents<'a> {
    app: &'a App,
}

/// An incident the actor may handle, found inside the write's transaction.
pub(crate) struct Handled<'c> {
    pub(crate) incident: incident::Model,
    pub(crate) path: String,
    pub(crate) cap: Capability<'c>,
}

/// The reference people quote: `INC-2026-00042` (the year it was reported, the id).
pub fn reference(i: &incident::Model) -> String {
    use chrono::Datelike;
    format!("INC-{}-{:05}", varn_domain::incident::local_date(i.reported_at).year(), i.id)
}

impl<'a> Incidents<'a> {
    fn db(&self) -> &'a sea_orm::DatabaseConnection {
        self.app.store.read()
    }

    /// The duties and types in use.
    pub fn rules(&self) -> &'a Rules {
        &self.app.incident_rules
    }

    /// What the actor may see.
    pub fn visibility(&self, actor: &Actor) -> IncidentVisibility {
        IncidentVisibility { read: actor.scope(Permission::IncidentRead), user_id: actor.id.0 }
    }

    /// Whether the actor may report (every employee).
    pub fn can_report(&self, actor: &Actor) -> bool {
        actor.access.can_somewhere(Permission::Participate)
    }

    /// Whether the actor reads incidents beyond their own (the register's filters show).
    pub fn reads_others(&self, actor: &Actor) -> bool {
        actor.access.can_somewhere(Permission::IncidentRead)
    }

    /// Whether the actor may handle this incident: IncidentHandle over its unit, or named
    /// as its handler while holding IncidentHandle somewhere.
    pub fn may_handle(&self, actor: &Actor, i: &incident::Model, path: &str) -> bool {
        let covers = OrgPath::parse(path).is_ok_and(|p| actor.scope(Permission::IncidentHandle).covers(&p));
        covers || (i.handler_user_id == Some(actor.id.0) && actor.access.can_somewhere(Permission::IncidentHandle))
    }

    /// The register: visible incidents that match, one page.
    pub async fn list(&self, actor: &Actor, f: &IncidentFilter, p: &ListParams) -> Result<Page<IncidentRow>, AppError> {
        let mut f = f.clone();
        if let Some(u) = f.unit_id {
            let path = self.app.readable_unit_path(actor, u).await.map_err(|_| AppError::field("unit_id", "err.choose"))?;
            f.under = Some(path);
        }
        // The count is kept until this server's next write (`App::kept_count`): stepping past
        // the first thousand of the register was a tenth of its page. Everyone who sees the
        // whole city counts the same rows.
        let v = self.visibility(actor);
        if f.due_before.is_some() {
            // The deadlines passed as of this moment: a count of its own each time, not kept.
            return Ok(repo::list_counted(self.db(), &v, &f, p, None).await?);
        }
        self.app.kept_count("incidents", &reader_key(&v), &f, p, |known| repo::list_counted(self.db(), &v, &f, p, known)).await
    }

    /// A visible incident with its unit's path (`NotFound` otherwise).
    pub async fn find(&self, actor: &Actor, id: i64) -> Result<(incident::Model, String), AppError> {
        repo::find(self.db(), &self.visibility(actor), id).await?.ok_or(AppError::NotFound)
    }

    /// An incident the actor may handle, read through `db` (the write's transaction).
    pub(crate) async fn handled<'c, C: ConnectionTrait>(&self, db: &C, actor: &'c Actor, id: i64) -> Result<Handled<'c>, AppError> {
        let (incident, path) = repo::find(db, &self.visibility(actor), id).await?.ok_or(AppError::NotFound)?;
        if !self.may_handle(actor, &incident, &path) {
            return Err(AppError::Forbidden);
        }
        Ok(Handled { cap: actor.can(Permission::IncidentHandle)?, incident, path })
    }
}

/// Whose way of seeing incidents a kept view is kept for: everyone who sees the whole city
/// reads the same rows, so they share one key; anyone else their own.
pub(crate) fn reader_key(v: &IncidentVisibility) -> String {
    if v.read.is_all() {
        "all".to_owned()
    } else {
        format!("{v:?}")
    }
}
