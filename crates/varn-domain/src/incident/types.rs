//! The codes of an incident: its status and the moves allowed between them, its category,
//! severity and level (incident, allvarlig störning, kris); and the types of incident as
//! data (`data/incidents/types.yaml`).

use crate::asset::Text;
use crate::code::Code;
use crate::code_enum;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

code_enum! {
    /// Where an incident is in its handling.
    pub enum Status("incident.status", "err.incident.status_invalid") {
        /// Reported, not yet looked at.
        Rapporterad,
        /// Being investigated.
        UnderUtredning,
        /// Contained: the damage no longer grows.
        Begransad,
        /// Remedied.
        Atgardad,
        /// Closed, with what was learned.
        Avslutad,
    }
}

impl Status {
    /// Whether the handler may move an incident from `self` to `to`. Forward one or two
    /// steps as the handling goes; a remedied or closed incident may be opened again for
    /// investigation when something new comes to light.
    pub fn may_move(self, to: Status) -> bool {
        use Status::*;
        matches!(
            (self, to),
            (Rapporterad, UnderUtredning)
                | (UnderUtredning, Begransad)
                | (UnderUtredning, Atgardad)
                | (Begransad, Atgardad)
                | (Atgardad, Avslutad)
                | (Atgardad, UnderUtredning)
                | (Avslutad, UnderUtredning)
        )
    }

    /// The moves open from here, in the order of the flow.
    pub fn moves(self) -> Vec<Status> {
        Status::ALL.iter().copied().filter(|t| self.may_move(*t)).collect()
    }
}

code_enum! {
    /// What the incident harmed (the aspects of the classification).
    pub enum Category("incident.category", "err.incident.category_invalid") {
        /// Information reached someone it should not.
        Konfidentialitet,
        /// Information became wrong or was changed.
        Riktighet,
        /// Information or a service could not be reached.
        Tillganglighet,
        /// It cannot be seen who did what.
        Sparbarhet,
    }
}

code_enum! {
    /// How serious the incident is.
    pub enum Severity("incident.severity", "err.incident.severity_invalid") {
        /// Low.
        Lag,
        /// Medium.
        Medel,
        /// High.
        Hog,
        /// Critical.
        Kritisk,
    }
}

code_enum! {
    /// What the event has been raised to: who is alerted follows from it.
    pub enum Level("incident.level", "err.incident.level_invalid") {
        /// An incident, handled by the unit and the samordnare.
        Incident,
        /// A serious disruption (allvarlig störning).
        AllvarligStorning,
        /// A crisis under the city's crisis management (LEH).
        Kris,
    }
}

/// A type of incident (nätfiske, skadlig kod, …), as data.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IncidentType {
    /// Stable code.
    pub code: String,
    /// Its name.
    pub name: Text,
    /// The categories it usually falls in (a suggestion for triage).
    #[serde(default)]
    pub categories: Vec<Category>,
}

/// The types file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IncidentTypes {
    /// The types, in the order the form offers them.
    pub types: Vec<IncidentType>,
}

impl IncidentTypes {
    /// Checks that codes are unique and not empty.
    pub fn check(&self) -> Result<(), String> {
        let mut seen = BTreeSet::new();
        for t in &self.types {
            if t.code.is_empty() || !seen.insert(t.code.as_str()) {
                return Err(format!("incident type {:?} is empty or repeated", t.code));
            }
        }
        Ok(())
    }
}

code_enum! {
    /// A reporter's answer where "I don't know" is an honest answer (were personal data
    /// affected?).
    pub enum Answer("incident.answer", "err.choose") {
        /// Yes.
        Ja,
        /// No.
        Nej,
        /// Not known (yet).
        VetInte,
    }
}
