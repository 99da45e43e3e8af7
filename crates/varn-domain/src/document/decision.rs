//! A decision is a real decision: who may register it, how far it reaches, and its dates.

use super::types::DecidingBody;
use crate::access::Access;
use crate::org::{OrgKind, OrgPath};
use crate::role::Role;
use chrono::NaiveDate;

/// Whether the user registers the decisions of the body at `body_unit` (KF, KS, a nämnd, a
/// bolag): the city's samordnare (granted on the root) for every body, a registrator only
/// for the unit their role is granted on (a nämnd's secretary does not record the
/// fullmäktige's decisions, though KF's unit sits above the nämnd).
pub fn registers_for(access: &Access, body_unit: &OrgPath) -> bool {
    access
        .grants()
        .iter()
        .any(|g| (g.role == Role::Samordnare && g.unit_path.depth() == 0) || (g.role == Role::Registrator && g.unit_path == *body_unit))
}

/// Whether the city's samordnare (on the root) is acting: they may record any decision,
/// naming the chef who approved an instruction.
pub fn is_city_coordinator(access: &Access) -> bool {
    access.grants().iter().any(|g| g.role == Role::Samordnare && g.unit_path.depth() == 0)
}

/// Whether a decision of `body`, sitting at `body_unit`, may apply to the unit at
/// `applies_to`: kommunfullmäktige and kommunstyrelsen decide for the whole city (or any
/// part); a nämnd or a bolag's styrelse for its own subtree; a chef for the subtree of the
/// unit they head.
pub fn reaches(body: DecidingBody, body_unit: &OrgPath, applies_to: &OrgPath) -> bool {
    body.decides_city_wide() || body_unit.contains(applies_to)
}

/// Whether a chef of a unit of `kind` may approve instructions: heads of förvaltningar,
/// avdelningar, enheter and bolag (not of political bodies, which decide, not approve).
pub fn chef_unit(kind: OrgKind) -> bool {
    matches!(kind, OrgKind::Forvaltning | OrgKind::Avdelning | OrgKind::Enhet | OrgKind::Bolag | OrgKind::ExternUtovare)
}

/// The dates of a decision: it was taken in a meeting, so not in the future; it may come
/// into force later ("gäller från"), never earlier. Returns (field, code) for each mistake.
pub fn check_dates(decided: NaiveDate, valid_from: Option<NaiveDate>, today: NaiveDate) -> Vec<(&'static str, &'static str)> {
    let mut e = Vec::new();
    if decided > today {
        e.push(("decision_date", "err.doc.decision_in_future"));
    }
    if valid_from.is_some_and(|f| f < decided) {
        e.push(("valid_from", "err.doc.valid_from_before"));
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::Grant;
    use crate::ids::{OrgUnitId, UserId};

    fn p(ids: &[i64]) -> OrgPath {
        let mut path = OrgPath::root(OrgUnitId(ids[0]));
        for &i in &ids[1..] {
            path = path.child(OrgUnitId(i));
        }
        path
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn a_registrator_records_only_their_own_body() {
        let (kf, ks, socn) = (p(&[1]), p(&[1, 2]), p(&[1, 3]));
        let reg = Access::new(UserId(7), vec![Grant { role: Role::Registrator, unit_path: socn.clone() }]);
        assert!(registers_for(&reg, &socn));
        assert!(!registers_for(&reg, &ks));
        assert!(!registers_for(&reg, &kf));
        // A registrator of KF (the root) is not thereby the secretary of every nämnd.
        let kf_reg = Access::new(UserId(8), vec![Grant { role: Role::Registrator, unit_path: kf.clone() }]);
        assert!(registers_for(&kf_reg, &kf) && !registers_for(&kf_reg, &socn));
        // The city's samordnare records every body's decisions; a unit head none.
        let sam = Access::new(UserId(9), vec![Grant { role: Role::Samordnare, unit_path: kf.clone() }]);
        assert!(registers_for(&sam, &socn) && registers_for(&sam, &kf) && is_city_coordinator(&sam));
        let head = Access::new(UserId(10), vec![Grant { role: Role::Verksamhetsansvarig, unit_path: socn.clone() }]);
        assert!(!registers_for(&head, &socn) && !is_city_coordinator(&head));
    }

    #[test]
    fn a_decision_reaches_as_far_as_its_body() {
        let (ks, socn, socf, utbn) = (p(&[1, 2]), p(&[1, 3]), p(&[1, 3, 4]), p(&[1, 5]));
        assert!(reaches(DecidingBody::Kommunstyrelse, &ks, &p(&[1])));
        assert!(reaches(DecidingBody::Kommunfullmaktige, &p(&[1]), &utbn));
        assert!(reaches(DecidingBody::Namnd, &socn, &socf));
        assert!(!reaches(DecidingBody::Namnd, &socn, &utbn));
        assert!(!reaches(DecidingBody::Namnd, &socn, &p(&[1])));
        assert!(reaches(DecidingBody::Chef, &socf, &p(&[1, 3, 4, 6])));
        assert!(!reaches(DecidingBody::Chef, &socf, &socn));
        assert!(chef_unit(OrgKind::Forvaltning) && !chef_unit(OrgKind::Namnd) && !chef_unit(OrgKind::Kommunstyrelse));
    }

    #[test]
    fn a_decision_is_not_in_the_future() {
        let today = d("2026-11-28");
        assert!(check_dates(d("2026-11-28"), None, today).is_empty());
        assert!(check_dates(d("2026-10-01"), Some(d("2027-01-01")), today).is_empty());
        assert_eq!(check_dates(d("2026-11-29"), None, today), vec![("decision_date", "err.doc.decision_in_future")]);
        assert_eq!(check_dates(d("2026-10-01"), Some(d("2026-09-30")), today), vec![("valid_from", "err.doc.valid_from_before")]);
    }

    #[test]
    fn review_comes_round_by_type() {
        use super::super::{DocType, DocumentRules};
        let r = DocumentRules::default();
        assert_eq!(r.next_review(DocType::Policy, d("2018-05-28")), d("2022-05-28"));
        assert_eq!(r.next_review(DocType::Anvisning, d("2024-02-29")), d("2026-02-28"));
        let custom = DocumentRules { review_years: [3, 1, 1, 1], ..r };
        assert_eq!(custom.next_review(DocType::Riktlinje, d("2026-01-15")), d("2027-01-15"));
    }
}
