//! The regimes of reporting duties as data (`data/incidents/regimes.yaml`): for each law or
//! duty, the question that decides whether it applies, who reports, and its reports with
//! recipient, time limit and the event the limit counts from. A change of law or authority
//! is a change of the file; [`Regimes::check`] refuses a file that contradicts itself.

use super::clock::{deadline, Span};
use crate::asset::Text;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The event a time limit counts from. In the data file: `aware`, or `{report: <code>}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "AnchorDef", into = "AnchorDef")]
pub enum Anchor {
    /// When the city (the verksamhetsutövare) became aware of the incident.
    Aware,
    /// When another report of the same regime was sent (its code).
    Report(String),
}

/// An anchor as the file writes it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AnchorDef {
    /// `aware`.
    Named(String),
    /// `{report: code}`.
    Report {
        /// The earlier report.
        report: String,
    },
}

impl TryFrom<AnchorDef> for Anchor {
    type Error = String;
    fn try_from(d: AnchorDef) -> Result<Self, String> {
        match d {
            AnchorDef::Named(n) if n == "aware" => Ok(Anchor::Aware),
            AnchorDef::Named(n) => Err(format!("unknown anchor {n}: aware, or report: <code>")),
            AnchorDef::Report { report } => Ok(Anchor::Report(report)),
        }
    }
}

impl From<Anchor> for AnchorDef {
    fn from(a: Anchor) -> Self {
        match a {
            Anchor::Aware => AnchorDef::Named("aware".into()),
            Anchor::Report(r) => AnchorDef::Report { report: r },
        }
    }
}

/// One report a regime asks for.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReportDef {
    /// Stable code.
    pub code: String,
    /// Its name.
    pub name: Text,
    /// To whom.
    pub recipient: String,
    /// Time limit (none: "without undue delay", no fixed hour).
    #[serde(default)]
    pub within: Option<Span>,
    /// What the limit counts from.
    pub from: Anchor,
    /// The register's authority (its code) a report sent is a contact made with.
    #[serde(default)]
    pub authority: Option<String>,
}

/// A law or duty with its reports.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Regime {
    /// Stable code.
    pub code: String,
    /// Its name.
    pub name: Text,
    /// The legal source.
    pub source: String,
    /// The yes/no question that decides whether it applies.
    pub question: Text,
    /// Who reports (`personuppgiftsansvarig`, `verksamhetsutovare`, `verksamheten`).
    pub reporter: String,
    /// Its reports, in the order they are due.
    pub reports: Vec<ReportDef>,
}

/// The whole file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Regimes {
    /// The regimes.
    pub regimes: Vec<Regime>,
}

/// A report's deadline as far as it can be known now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scheduled {
    /// The report's code.
    pub code: String,
    /// Its deadline, if it has a time limit.
    pub due: Option<DateTime<Utc>>,
    /// Whether the deadline counts from a report not yet sent (then it is reckoned from that
    /// report's own deadline: the latest it can be).
    pub estimated: bool,
}

impl Regimes {
    /// Checks that codes are unique and that a report counts only from `aware` or from an
    /// earlier report of its own regime.
    pub fn check(&self) -> Result<(), String> {
        let mut regimes = BTreeSet::new();
        for r in &self.regimes {
            if !regimes.insert(r.code.as_str()) {
                return Err(format!("regime {} is repeated", r.code));
            }
            let mut before = BTreeSet::new();
            for rep in &r.reports {
                if let Anchor::Report(a) = &rep.from {
                    if !before.contains(a.as_str()) {
                        return Err(format!("report {} of {} counts from {a}, which is not an earlier report of it", rep.code, r.code));
                    }
                }
                if !before.insert(rep.code.as_str()) {
                    return Err(format!("report {} of {} is repeated", rep.code, r.code));
                }
            }
        }
        Ok(())
    }

    /// A regime by code.
    pub fn get(&self, code: &str) -> Option<&Regime> {
        self.regimes.iter().find(|r| r.code == code)
    }
}

impl Regime {
    /// Every report's deadline, given when the city became aware and when reports were sent.
    pub fn schedule(&self, aware: DateTime<Utc>, sent: &BTreeMap<String, DateTime<Utc>>) -> Vec<Scheduled> {
        let mut due: BTreeMap<&str, DateTime<Utc>> = BTreeMap::new();
        let mut out = Vec::new();
        for rep in &self.reports {
            let (anchor, estimated) = match &rep.from {
                Anchor::Aware => (Some(aware), false),
                Anchor::Report(a) => match sent.get(a) {
                    Some(t) => (Some(*t), false),
                    None => (due.get(a.as_str()).copied(), true),
                },
            };
            let d = match (anchor, rep.within) {
                (Some(a), Some(span)) => Some(deadline(a, span)),
                _ => None,
            };
            if let Some(d) = d {
                due.insert(&rep.code, d);
            }
            out.push(Scheduled { code: rep.code.clone(), due: d, estimated: estimated && d.is_some() });
        }
        out
    }
}
