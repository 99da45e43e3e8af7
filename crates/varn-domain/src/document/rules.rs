//! The seed's table of types: who decides each, and how long it is valid.

use super::types::{DecidingBody, DocType};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How long a document is valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "until")]
pub enum Validity {
    /// Tills vidare (until further notice).
    TillsVidare,
    /// Until and including this date.
    Until(NaiveDate),
}

/// Rules a city may bend by setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DocumentRules {
    /// A nämnd may adopt its own riktlinjer (the policy says kommunstyrelsen).
    pub namnd_may_adopt_riktlinje: bool,
}

/// Checks the seed's rules for a document about to be adopted; returns (field, code) for
/// each rule broken.
pub fn check_adoption(
    t: DocType,
    body: DecidingBody,
    validity: Validity,
    adopted_on: NaiveDate,
    rules: DocumentRules,
) -> Vec<(&'static str, &'static str)> {
    let mut e = Vec::new();
    let body_ok = match t {
        DocType::Policy => body == DecidingBody::Kommunfullmaktige,
        DocType::Strategi => body == DecidingBody::Kommunstyrelse,
        DocType::Riktlinje => body == DecidingBody::Kommunstyrelse || (rules.namnd_may_adopt_riktlinje && body == DecidingBody::Namnd),
        DocType::Anvisning => body == DecidingBody::Chef,
    };
    if !body_ok {
        e.push((
            "deciding_body",
            match t {
                DocType::Policy => "err.doc.policy_body",
                DocType::Strategi => "err.doc.strategi_body",
                DocType::Riktlinje => "err.doc.riktlinje_body",
                DocType::Anvisning => "err.doc.anvisning_body",
            },
        ));
    }
    match (t, validity) {
        (DocType::Policy, Validity::Until(_)) => e.push(("validity", "err.doc.policy_validity")),
        (DocType::Strategi, Validity::TillsVidare) => e.push(("validity", "err.doc.strategi_validity")),
        (_, Validity::Until(d)) if d <= adopted_on => e.push(("validity", "err.doc.validity_past")),
        _ => {}
    }
    e
}
