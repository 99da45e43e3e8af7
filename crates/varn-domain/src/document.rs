//! Governing documents (styrdokument): the four types of the policy's first page, who
//! decides each, how long it is valid, which may implement which, and the life cycle.
//!
//! The rules are data-free and configurable ([`DocumentRules`]) so that a city that lets a
//! nämnd adopt its own guidelines changes a setting, not the code.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The four types of governing document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocType {
    /// Policy: values and aims, adopted by kommunfullmäktige, valid until further notice.
    Policy,
    /// Strategi: actions with responsible, deadline and priority; kommunstyrelsen; limited period.
    Strategi,
    /// Riktlinje: how something is achieved; kommunstyrelsen.
    Riktlinje,
    /// Anvisning or rutin: execution; approved by förvaltningschef/chef, no political decision.
    Anvisning,
}

impl DocType {
    /// Every type, from the top of the tree down.
    pub const ALL: [DocType; 4] = [DocType::Policy, DocType::Strategi, DocType::Riktlinje, DocType::Anvisning];

    /// The stored code.
    pub fn as_str(self) -> &'static str {
        match self {
            DocType::Policy => "policy",
            DocType::Strategi => "strategi",
            DocType::Riktlinje => "riktlinje",
            DocType::Anvisning => "anvisning",
        }
    }

    /// Parses a stored code.
    pub fn parse(s: &str) -> Result<Self, &'static str> {
        Self::ALL.into_iter().find(|t| t.as_str() == s.trim()).ok_or("err.doc.type_invalid")
    }

    /// Whether a document of this type may implement (sit under) one of type `parent`.
    pub fn may_implement(self, parent: DocType) -> bool {
        use DocType::*;
        match self {
            Policy => false,
            Strategi => parent == Policy,
            Riktlinje => matches!(parent, Policy | Strategi),
            // "ren verkställighet av riktlinjer eller andra styrdokument"
            Anvisning => matches!(parent, Policy | Strategi | Riktlinje),
        }
    }
}

/// Who adopts or approves a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecidingBody {
    /// Kommunfullmäktige.
    Kommunfullmaktige,
    /// Kommunstyrelsen.
    Kommunstyrelse,
    /// A nämnd (only where the city's rules allow it).
    Namnd,
    /// Förvaltningschef or chef: no political decision.
    Chef,
}

impl DecidingBody {
    /// Every body.
    pub const ALL: [DecidingBody; 4] =
        [DecidingBody::Kommunfullmaktige, DecidingBody::Kommunstyrelse, DecidingBody::Namnd, DecidingBody::Chef];

    /// The stored code.
    pub fn as_str(self) -> &'static str {
        match self {
            DecidingBody::Kommunfullmaktige => "kommunfullmaktige",
            DecidingBody::Kommunstyrelse => "kommunstyrelse",
            DecidingBody::Namnd => "namnd",
            DecidingBody::Chef => "chef",
        }
    }

    /// Parses a stored code.
    pub fn parse(s: &str) -> Result<Self, &'static str> {
        Self::ALL.into_iter().find(|b| b.as_str() == s.trim()).ok_or("err.doc.body_invalid")
    }
}

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

/// Priority of a strategy action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// Hög.
    Hog,
    /// Medel.
    Medel,
    /// Låg.
    Lag,
}

impl Priority {
    /// Every priority, highest first.
    pub const ALL: [Priority; 3] = [Priority::Hog, Priority::Medel, Priority::Lag];

    /// The stored code.
    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Hog => "hog",
            Priority::Medel => "medel",
            Priority::Lag => "lag",
        }
    }

    /// Parses a stored code.
    pub fn parse(s: &str) -> Result<Self, &'static str> {
        match s.trim() {
            "hog" => Ok(Priority::Hog),
            "medel" => Ok(Priority::Medel),
            "lag" => Ok(Priority::Lag),
            _ => Err("err.doc.priority_invalid"),
        }
    }
}

/// Where a document is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Utkast.
    Utkast,
    /// På remiss: reviewers comment.
    PaRemiss,
    /// Beslutad/gällande.
    Gallande,
    /// Under revision: a new version is being written; the adopted one stays valid.
    UnderRevision,
    /// Upphävd.
    Upphavd,
}

impl Status {
    /// Every status, in life-cycle order.
    pub const ALL: [Status; 5] = [Status::Utkast, Status::PaRemiss, Status::Gallande, Status::UnderRevision, Status::Upphavd];

    /// The stored code.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Utkast => "utkast",
            Status::PaRemiss => "pa_remiss",
            Status::Gallande => "gallande",
            Status::UnderRevision => "under_revision",
            Status::Upphavd => "upphavd",
        }
    }

    /// Parses a stored code.
    pub fn parse(s: &str) -> Result<Self, &'static str> {
        Self::ALL.into_iter().find(|x| x.as_str() == s.trim()).ok_or("err.doc.status_invalid")
    }

    /// Whether the text may be changed in this status (on remiss the reviewers read a fixed text).
    pub fn is_editable(self) -> bool {
        matches!(self, Status::Utkast | Status::UnderRevision)
    }

    /// The moves the life cycle allows. A revision may also go on remiss and come back.
    pub fn may_move_to(self, to: Status) -> bool {
        use Status::*;
        matches!(
            (self, to),
            (Utkast, PaRemiss)
                | (PaRemiss, Utkast)
                | (Utkast, Gallande)
                | (PaRemiss, Gallande)
                | (Gallande, UnderRevision)
                | (UnderRevision, Gallande)
                | (UnderRevision, PaRemiss)
                | (PaRemiss, UnderRevision)
                | (Gallande, Upphavd)
                | (UnderRevision, Upphavd)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn the_seed_page_is_enforced() {
        let r = DocumentRules::default();
        let on = d("2018-05-28");
        // The city's own policy: kommunfullmäktige, tills vidare.
        assert!(check_adoption(DocType::Policy, DecidingBody::Kommunfullmaktige, Validity::TillsVidare, on, r).is_empty());
        assert_eq!(
            check_adoption(DocType::Policy, DecidingBody::Kommunstyrelse, Validity::TillsVidare, on, r),
            vec![("deciding_body", "err.doc.policy_body")]
        );
        assert_eq!(
            check_adoption(DocType::Policy, DecidingBody::Kommunfullmaktige, Validity::Until(d("2022-12-31")), on, r),
            vec![("validity", "err.doc.policy_validity")]
        );
        // A strategy: kommunstyrelsen, a limited period.
        assert!(check_adoption(DocType::Strategi, DecidingBody::Kommunstyrelse, Validity::Until(d("2022-12-31")), on, r).is_empty());
        assert_eq!(
            check_adoption(DocType::Strategi, DecidingBody::Kommunstyrelse, Validity::TillsVidare, on, r),
            vec![("validity", "err.doc.strategi_validity")]
        );
        // A guideline: kommunstyrelsen, or a nämnd when the city allows it.
        assert_eq!(
            check_adoption(DocType::Riktlinje, DecidingBody::Namnd, Validity::TillsVidare, on, r),
            vec![("deciding_body", "err.doc.riktlinje_body")]
        );
        assert!(check_adoption(
            DocType::Riktlinje,
            DecidingBody::Namnd,
            Validity::TillsVidare,
            on,
            DocumentRules { namnd_may_adopt_riktlinje: true }
        )
        .is_empty());
        // An instruction: a chef, never a political body.
        assert!(check_adoption(DocType::Anvisning, DecidingBody::Chef, Validity::TillsVidare, on, r).is_empty());
        assert_eq!(
            check_adoption(DocType::Anvisning, DecidingBody::Kommunstyrelse, Validity::TillsVidare, on, r),
            vec![("deciding_body", "err.doc.anvisning_body")]
        );
        // An end date before the decision makes no sense.
        assert_eq!(
            check_adoption(DocType::Riktlinje, DecidingBody::Kommunstyrelse, Validity::Until(d("2018-01-01")), on, r),
            vec![("validity", "err.doc.validity_past")]
        );
    }

    #[test]
    fn the_document_tree() {
        use DocType::*;
        assert!(!Policy.may_implement(Policy));
        assert!(Strategi.may_implement(Policy));
        assert!(!Strategi.may_implement(Riktlinje));
        assert!(Riktlinje.may_implement(Strategi));
        assert!(Anvisning.may_implement(Riktlinje));
        assert!(!Riktlinje.may_implement(Anvisning));
        for t in DocType::ALL {
            assert_eq!(DocType::parse(t.as_str()), Ok(t));
        }
        for b in DecidingBody::ALL {
            assert_eq!(DecidingBody::parse(b.as_str()), Ok(b));
        }
        assert_eq!(Priority::parse("hog"), Ok(Priority::Hog));
        assert!(Priority::parse("akut").is_err());
    }

    #[test]
    fn only_the_allowed_moves_exist() {
        use Status::*;
        assert!(Utkast.may_move_to(PaRemiss));
        assert!(PaRemiss.may_move_to(Gallande));
        assert!(Gallande.may_move_to(UnderRevision));
        assert!(UnderRevision.may_move_to(Gallande));
        assert!(Gallande.may_move_to(Upphavd));
        assert!(!Upphavd.may_move_to(Gallande));
        assert!(!Gallande.may_move_to(Utkast));
        assert!(!Utkast.may_move_to(UnderRevision));
        assert!(!Utkast.may_move_to(Upphavd));
        assert!(UnderRevision.may_move_to(PaRemiss));
        assert!(!Upphavd.may_move_to(UnderRevision));
        for st in Status::ALL {
            assert_eq!(Status::parse(st.as_str()), Ok(st));
        }
        assert!(Utkast.is_editable() && UnderRevision.is_editable());
        assert!(!PaRemiss.is_editable() && !Gallande.is_editable() && !Upphavd.is_editable());
    }
}
