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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRules {
    /// A nämnd may adopt its own riktlinjer (the policy says kommunstyrelsen).
    pub namnd_may_adopt_riktlinje: bool,
    /// Years from a decision to the next planned review (nästa översyn), per type in the
    /// order of [`DocType::ALL`](super::DocType) (ISO/IEC 27001 A.5.1: planned intervals).
    pub review_years: [u8; 4],
}

impl Default for DocumentRules {
    fn default() -> Self {
        // A policy every four years (a term of office), the rest every second year.
        DocumentRules { namnd_may_adopt_riktlinje: false, review_years: [4, 2, 2, 2] }
    }
}

impl DocumentRules {
    /// The default next review of a document of type `t` decided (or in force from) `from`.
    pub fn next_review(&self, t: DocType, from: NaiveDate) -> NaiveDate {
        let years = u32::from(self.review_years[t.rank()].max(1));
        from.checked_add_months(chrono::Months::new(12 * years)).unwrap_or(from)
    }
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
    // A bolag's own documents are decided by its styrelse (the use case checks that the
    // document is the bolag's).
    let body_ok = match t {
        DocType::Policy => body == DecidingBody::Kommunfullmaktige,
        DocType::Strategi => body == DecidingBody::Kommunstyrelse,
        DocType::Riktlinje => body == DecidingBody::Kommunstyrelse || (rules.namnd_may_adopt_riktlinje && body == DecidingBody::Namnd),
        DocType::Anvisning => body == DecidingBody::Chef,
    } || (body == DecidingBody::Styrelse && t != DocType::Anvisning);
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
