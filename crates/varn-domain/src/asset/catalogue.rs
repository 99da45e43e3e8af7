//! The requirement catalogue as data: each requirement applies to one aspect from a level
//! up, binding either the city's own handling or a procurement. An asset's classification
//! yields its handlingsplan: the requirements whose level its levels reach.

use super::model::{Levels, Model, ModelError, Text};
use super::types::ReqKind;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// One requirement.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Requirement {
    /// Stable code (`K3-02`), stored with each self-assessment.
    pub code: String,
    /// The aspect it protects.
    pub aspect: String,
    /// The lowest level at which it applies.
    pub from_level: u8,
    /// Own handling or procurement.
    pub kind: ReqKind,
    /// The requirement.
    pub text: Text,
}

/// The catalogue.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Catalogue {
    /// The model it is written for.
    pub model: String,
    /// Its requirements.
    pub requirements: Vec<Requirement>,
}

/// What a change of levels adds to and drops from the handlingsplan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanChange {
    /// Codes that now apply and did not.
    pub added: Vec<String>,
    /// Codes that no longer apply.
    pub dropped: Vec<String>,
}

impl Catalogue {
    /// Checks the catalogue against its model: the model's id, known aspects and levels,
    /// unique codes.
    pub fn check(&self, model: &Model) -> Result<(), ModelError> {
        let bad = |m: String| Err(ModelError::Invalid(m));
        if self.model != model.id {
            return bad(format!("requirements are written for model {}, not {}", self.model, model.id));
        }
        let mut codes = BTreeSet::new();
        for r in &self.requirements {
            if !codes.insert(r.code.as_str()) || r.code.is_empty() || r.code.len() > 32 {
                return bad(format!("requirement code {:?} is empty, too long or repeated", r.code));
            }
            if model.aspect(&r.aspect).is_none() || !model.has_level(r.from_level) {
                return bad(format!("requirement {} names an aspect or level the model lacks", r.code));
            }
        }
        Ok(())
    }

    /// A requirement by code.
    pub fn get(&self, code: &str) -> Option<&Requirement> {
        self.requirements.iter().find(|r| r.code == code)
    }

    /// The requirements the levels call for, in the catalogue's order.
    pub fn for_levels<'c>(&'c self, levels: &Levels) -> Vec<&'c Requirement> {
        self.requirements.iter().filter(|r| levels.get(&r.aspect).is_some_and(|l| *l >= r.from_level)).collect()
    }

    /// What going from `before` to `after` adds and drops.
    pub fn change(&self, before: &Levels, after: &Levels) -> PlanChange {
        let was: BTreeSet<&str> = self.for_levels(before).into_iter().map(|r| r.code.as_str()).collect();
        let now: Vec<&str> = self.for_levels(after).into_iter().map(|r| r.code.as_str()).collect();
        let now_set: BTreeSet<&str> = now.iter().copied().collect();
        PlanChange {
            added: now.iter().filter(|c| !was.contains(*c)).map(|c| c.to_string()).collect(),
            dropped: self
                .for_levels(before)
                .into_iter()
                .map(|r| r.code.as_str())
                .filter(|c| !now_set.contains(c))
                .map(str::to_string)
                .collect(),
        }
    }
}
