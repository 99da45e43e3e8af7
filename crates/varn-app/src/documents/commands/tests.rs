//! The commands from the form and from JSON.

#![allow(clippy::panic)]

use super::*;
use varn_domain::document::Priority;

fn form() -> DocForm {
    DocForm {
        doc_type: "riktlinje".into(),
        title: "Riktlinje för loggning".into(),
        unit_id: "3".into(),
        applies_to_unit_id: "1".into(),
        deciding_body: "kommunstyrelse".into(),
        validity: "tills_vidare".into(),
        body_md: "Text\r\nmer".into(),
        ..Default::default()
    }
}

#[test]
fn a_form_becomes_a_typed_draft() {
    let c = DraftCommand::try_from(&form()).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(c.doc_type, DocType::Riktlinje);
    assert_eq!(c.unit_id, OrgUnitId(3));
    assert_eq!(c.validity, Validity::TillsVidare);
    assert_eq!(c.body_md, "Text\nmer");
    // The same draft through the JSON body gives the same command, and back to the form.
    let j = DocJson {
        doc_type: "riktlinje".into(),
        title: "Riktlinje för loggning".into(),
        unit_id: Some(3),
        applies_to_unit_id: Some(1),
        deciding_body: "kommunstyrelse".into(),
        body_md: "Text\r\nmer".into(),
        ..Default::default()
    };
    assert_eq!(DraftCommand::try_from(&j), Ok(c.clone()));
    assert_eq!(DraftCommand::try_from(&DocForm::of(&c, String::new())), Ok(c));
}

#[test]
fn every_mistake_of_a_form_is_named_at_once() {
    let f = DocForm {
        doc_type: "policy".into(),
        deciding_body: "kommunstyrelse".into(),
        validity: "until".into(),
        valid_until: "2020-13-01".into(),
        unit_id: "x".into(),
        applies_to_unit_id: String::new(),
        by_law: "yes".into(),
        ..form()
    };
    let e = DraftCommand::try_from(&f).err().unwrap_or_default();
    let codes: Vec<(&str, &str)> = e.0.iter().map(|x| (x.field.as_str(), x.code.as_str())).collect();
    for want in [
        ("valid_until", "err.date_invalid"),
        ("unit_id", "err.choose"),
        ("applies_to_unit_id", "err.required"),
        ("law", "err.doc.law_required"),
        ("deciding_body", "err.doc.policy_body"),
    ] {
        assert!(codes.contains(&want), "{want:?} in {codes:?}");
    }
    // An instruction needs the document it carries out; an unknown type is named.
    let e = DraftCommand::try_from(&DocForm { doc_type: "anvisning".into(), deciding_body: "chef".into(), ..form() }).err();
    assert_eq!(e.and_then(|e| e.get("parent_id").map(str::to_owned)).as_deref(), Some("err.doc.parent_required"));
    // ... or a law it carries out directly.
    let by_law = DocForm {
        doc_type: "anvisning".into(),
        deciding_body: "chef".into(),
        by_law: "yes".into(),
        law: "Arkivlagen (1990:782)".into(),
        ..form()
    };
    let c = DraftCommand::try_from(&by_law).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!((c.parent_id, c.law.as_deref()), (None, Some("Arkivlagen (1990:782)")));
    // Naming the law without saying it is adopted under it is not enough.
    let half = DocForm { by_law: String::new(), ..by_law };
    assert!(DraftCommand::try_from(&half).err().is_some_and(|e| e.get("parent_id") == Some("err.doc.parent_required")));
    let e = DraftCommand::try_from(&DocForm { doc_type: "beslut".into(), ..form() }).err();
    assert_eq!(e.and_then(|e| e.get("doc_type").map(str::to_owned)).as_deref(), Some("err.doc.type_invalid"));
}

#[test]
fn an_action_needs_someone_a_date_and_a_priority() {
    let ok = ActionForm {
        title: "Inventera".into(),
        responsible_unit_id: "4".into(),
        due_date: "2026-03-01".into(),
        priority: "hog".into(),
        ..Default::default()
    };
    let a = ActionCommand::try_from(&ok).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!((a.responsible_unit_id, a.priority), (Some(OrgUnitId(4)), Priority::Hog));
    let e = ActionCommand::try_from(&ActionForm { title: "Inventera".into(), priority: "akut".into(), ..Default::default() })
        .err()
        .unwrap_or_default();
    assert_eq!(e.get("responsible_username"), Some("err.doc.action_responsible"));
    assert_eq!(e.get("due_date"), Some("err.doc.action_due"));
    assert_eq!(e.get("priority"), Some("err.doc.priority_invalid"));
}
