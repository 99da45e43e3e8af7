#![allow(clippy::unwrap_used)]
use super::*;
use crate::Code;

const MODEL: &str = include_str!("../../../../data/classification/model.yaml");
const REQS: &str = include_str!("../../../../data/classification/requirements.yaml");
const THREE: &str = include_str!("../../../../data/classification/examples/tre-nivaer.yaml");

fn model() -> Model {
    let m: Model = serde_yaml::from_str(MODEL).unwrap();
    m.check().unwrap();
    m
}

fn catalogue(m: &Model) -> Catalogue {
    let c: Catalogue = serde_yaml::from_str(REQS).unwrap();
    c.check(m).unwrap();
    c
}

fn answers(pairs: &[(&str, u8)]) -> Answers {
    pairs.iter().map(|(q, l)| (q.to_string(), *l)).collect()
}

fn levels(pairs: &[(&str, u8)]) -> Levels {
    pairs.iter().map(|(a, l)| (a.to_string(), *l)).collect()
}

const ALL_ONES: &[(&str, u8)] =
    &[("k_enskild", 1), ("k_verksamhet", 1), ("r_beslut", 1), ("r_verksamhet", 1), ("t_tid", 1), ("t_enskild", 1), ("s_logg", 1)];

#[test]
fn an_aspect_takes_the_highest_answer_of_its_questions() {
    let m = model();
    let mut a = answers(ALL_ONES);
    a.insert("k_verksamhet".into(), 3);
    a.insert("t_tid".into(), 2);
    let l = m.levels(&a, true).unwrap();
    assert_eq!(l, levels(&[("k", 3), ("r", 1), ("t", 2), ("s", 1)]));
}

#[test]
fn traceability_only_where_personal_data_is_processed() {
    let m = model();
    let l = m.levels(&answers(ALL_ONES), false).unwrap();
    assert!(!l.contains_key("s"), "{l:?}");
    assert_eq!(l.len(), 3);
    // Without personal data the traceability question need not be answered.
    let mut a = answers(ALL_ONES);
    a.remove("s_logg");
    assert!(m.levels(&a, false).is_ok());
    assert_eq!(m.levels(&a, true), Err(ModelError::Unanswered("s_logg".into())));
}

#[test]
fn an_unanswered_question_or_a_level_it_does_not_offer_is_refused() {
    let m = model();
    let mut a = answers(ALL_ONES);
    a.remove("r_beslut");
    assert_eq!(m.levels(&a, false), Err(ModelError::Unanswered("r_beslut".into())));
    assert_eq!(m.unanswered(&a, false).iter().map(|q| q.id.as_str()).collect::<Vec<_>>(), vec!["r_beslut"]);
    a.insert("r_beslut".into(), 9);
    assert_eq!(m.levels(&a, false), Err(ModelError::Unanswered("r_beslut".into())));
}

#[test]
fn level_four_calls_for_a_separate_analysis() {
    let m = model();
    let l = levels(&[("k", 4), ("r", 3), ("t", 4)]);
    assert_eq!(m.needs_separate_analysis(&l), vec!["k", "t"]);
    assert!(m.needs_separate_analysis(&levels(&[("k", 3)])).is_empty());
}

#[test]
fn levels_yield_the_requirements_from_their_level_up() {
    let m = model();
    let c = catalogue(&m);
    let codes = |l: &Levels| c.for_levels(l).into_iter().map(|r| r.code.as_str()).collect::<Vec<_>>();
    assert!(codes(&levels(&[("k", 0), ("r", 0), ("t", 0)])).is_empty());
    let two = codes(&levels(&[("k", 2)]));
    assert_eq!(two, vec!["K1-01", "K1-02", "K2-01", "K2-02", "K2-03", "K2-U1"]);
    let three = codes(&levels(&[("k", 3), ("t", 1)]));
    assert!(three.contains(&"K3-U1") && three.contains(&"T1-01") && !three.contains(&"K4-01") && !three.contains(&"T2-01"));
    // Procurement requirements are kept apart by kind.
    assert!(c.for_levels(&levels(&[("k", 3)])).iter().any(|r| r.kind == ReqKind::Upphandling));
}

#[test]
fn a_change_of_level_shows_what_is_added_and_dropped() {
    let m = model();
    let c = catalogue(&m);
    let ch = c.change(&levels(&[("k", 2), ("t", 3)]), &levels(&[("k", 3), ("t", 2)]));
    assert!(ch.added.iter().all(|a| a.starts_with("K3")) && ch.added.len() == 5, "{ch:?}");
    assert_eq!(ch.dropped, vec!["T3-01", "T3-02", "T3-U1"]);
    assert_eq!(c.change(&levels(&[("k", 2)]), &levels(&[("k", 2)])), PlanChange::default());
}

#[test]
fn carriers_inherit_the_highest_level_of_what_they_carry() {
    let a = levels(&[("k", 3), ("r", 1), ("t", 2)]);
    let b = levels(&[("k", 1), ("r", 2), ("t", 4), ("s", 2)]);
    assert_eq!(inherit([&a, &b]), levels(&[("k", 3), ("r", 2), ("t", 4), ("s", 2)]));
    assert!(inherit([]).is_empty());
}

#[test]
fn a_second_model_with_its_own_scale_loads_and_works() {
    let m: Model = serde_yaml::from_str(THREE).unwrap();
    m.check().unwrap();
    assert_eq!(m.levels.first().map(|l| l.value), Some(1));
    let l = m.levels(&answers(&[("k1", 2), ("r1", 3), ("t1", 1)]), true).unwrap();
    assert_eq!(l, levels(&[("k", 2), ("r", 3), ("t", 1)]));
    assert!(m.needs_separate_analysis(&l).is_empty());
    // The city's catalogue is written for another model and is refused for this one.
    let c: Catalogue = serde_yaml::from_str(REQS).unwrap();
    assert!(matches!(c.check(&m), Err(ModelError::Invalid(_))));
}

#[test]
fn a_model_that_contradicts_itself_is_refused() {
    let mut m = model();
    m.aspects[0].questions[0].choices[0].level = 7;
    assert!(matches!(m.check(), Err(ModelError::Invalid(e)) if e.contains("k_enskild")));
    let mut m = model();
    m.aspects[1].questions[0].id = "k_enskild".into();
    assert!(m.check().is_err());
    let mut m = model();
    m.levels.remove(2);
    assert!(m.check().is_err());
}

#[test]
fn codes_round_trip() {
    for k in CarrierKind::ALL {
        assert_eq!(CarrierKind::parse(k.as_str()), Ok(*k));
    }
    assert_eq!(CarrierKind::parse("it_tjanst"), Ok(CarrierKind::ItTjanst));
    assert!(Assessment::parse("kanske").is_err());
    assert!(Assessment::Delvis.is_open() && !Assessment::EjTillampligt.is_open());
}
