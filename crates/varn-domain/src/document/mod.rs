//! Governing documents (styrdokument): the four types of the policy's first page, who
//! decides each, how long it is valid, which may implement which, and the life cycle.
//!
//! The rules are data-free and configurable ([`DocumentRules`]) so that a city that lets a
//! nämnd adopt its own guidelines changes a setting, not the code.

pub mod decision;
mod rules;
mod types;

pub use rules::{check_adoption, DocumentRules, Validity};
pub use types::{DecidingBody, DocType, Priority, Status, VersionState};

/// The `source_type` of the task a strategy action becomes.
pub const TASK_SOURCE_ACTION: &str = "document.action";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::Code;
    use chrono::NaiveDate;

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
            DocumentRules { namnd_may_adopt_riktlinje: true, ..DocumentRules::default() }
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
        for &t in DocType::ALL {
            assert_eq!(DocType::parse(t.as_str()), Ok(t));
        }
        for &b in DecidingBody::ALL {
            assert_eq!(DecidingBody::parse(b.as_str()), Ok(b));
        }
        assert_eq!(Priority::parse("hog"), Ok(Priority::Hog));
        assert!(Priority::parse("akut").is_err());
    }

    #[test]
    fn only_the_allowed_moves_exist() {
        use Status::*;
        let allowed = [
            (Utkast, PaRemiss),
            (PaRemiss, Utkast),
            (Utkast, Gallande),
            (PaRemiss, Gallande),
            (Gallande, UnderRevision),
            (UnderRevision, Gallande),
            (UnderRevision, PaRemiss),
            (PaRemiss, UnderRevision),
            (Gallande, Upphavd),
            (UnderRevision, Upphavd),
        ];
        // Every one of the 25 pairs: exactly the listed ones are moves.
        for &from in Status::ALL {
            for &to in Status::ALL {
                assert_eq!(from.may_move_to(to), allowed.contains(&(from, to)), "{from} -> {to}");
            }
        }
        for &st in Status::ALL {
            assert_eq!(Status::parse(st.as_str()), Ok(st));
            assert_eq!(st.key(), format!("doc.status.{st}"));
        }
        assert_eq!(PaRemiss.as_str(), "pa_remiss");
        assert_eq!(Status::parse(" under_revision "), Ok(UnderRevision));
        assert_eq!(Status::parse("Gallande"), Err("err.doc.status_invalid"));
        // Back from remiss goes where the document came from.
        assert_eq!(PaRemiss.moves(false), vec![Utkast, Gallande]);
        assert_eq!(PaRemiss.moves(true), vec![Gallande, UnderRevision]);
        assert_eq!(Gallande.moves(true), vec![UnderRevision, Upphavd]);
        assert!(Utkast.is_editable() && UnderRevision.is_editable());
        assert!(!PaRemiss.is_editable() && !Gallande.is_editable() && !Upphavd.is_editable());
    }
}
