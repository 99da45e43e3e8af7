#![allow(clippy::unwrap_used)]
use super::*;
use crate::OrgKind;

fn shipped() -> (Matrix, Catalogue) {
    let m: Matrix = serde_yaml::from_str(include_str!("../../../../data/risks/matrix.yaml")).unwrap();
    let c: Catalogue = serde_yaml::from_str(include_str!("../../../../data/risks/catalogue.yaml")).unwrap();
    (m, c)
}

#[test]
fn the_shipped_files_hold() {
    let (m, c) = shipped();
    m.check().unwrap();
    c.check().unwrap();
    assert_eq!((m.likelihood.len(), m.consequence.len()), (4, 4));
    assert!(c.threat("natfiske").is_some() && c.vulnerability("sakerhetskopior").is_some() && c.threat("nope").is_none());
}

#[test]
fn a_cell_falls_in_its_level() {
    let (m, _) = shipped();
    let code = |l, c| m.level_of(l, c).map(|x| x.code.as_str());
    assert_eq!(code(1, 1), Some("lag"));
    assert_eq!(code(1, 3), Some("lag"));
    assert_eq!(code(2, 2), Some("medel"));
    assert_eq!(code(3, 2), Some("medel"));
    assert_eq!(code(2, 4), Some("hog"));
    assert_eq!(code(3, 3), Some("hog"));
    assert_eq!(code(4, 3), Some("mycket_hog"));
    assert_eq!(code(4, 4), Some("mycket_hog"));
    // Off the matrix: no level.
    assert_eq!(code(0, 2), None);
    assert_eq!(code(5, 1), None);
    assert_eq!(m.rank(16), 3);
    assert_eq!(m.rank(3), 0);
}

#[test]
fn acceptance_needs_the_right_level() {
    let (m, _) = shipped();
    // Low and medium: any head over the risk's unit.
    assert!(m.may_accept(2, OrgKind::Enhet) && m.may_accept(6, OrgKind::Avdelning));
    // High: a förvaltning's head or above, not an enhet's.
    assert!(!m.may_accept(9, OrgKind::Enhet) && m.may_accept(9, OrgKind::Forvaltning) && m.may_accept(8, OrgKind::Namnd));
    // Very high: the nämnd (or KS, KF, a bolag), not the förvaltning.
    assert!(!m.may_accept(12, OrgKind::Forvaltning) && m.may_accept(16, OrgKind::Namnd) && m.may_accept(12, OrgKind::Bolag));
}

#[test]
fn a_matrix_that_contradicts_itself_is_refused() {
    let (m, _) = shipped();
    let mut bad = m.clone();
    bad.likelihood.truncate(2);
    assert_eq!(bad.check(), Err(MatrixError::ScaleSize("likelihood", 2)));
    let mut bad = m.clone();
    bad.levels[0].from = 2;
    assert!(matches!(bad.check(), Err(MatrixError::Levels(_))));
    let mut bad = m.clone();
    bad.levels[2].from = 4;
    assert!(matches!(bad.check(), Err(MatrixError::Levels(_))));
    let mut bad = m.clone();
    bad.levels[3].from = 17;
    assert!(matches!(bad.check(), Err(MatrixError::Levels(_))));
    let mut bad = m.clone();
    bad.levels[1].code = "lag".into();
    assert!(matches!(bad.check(), Err(MatrixError::Code(_))));
    // A level's code names its style: nothing that could break out of a CSS class.
    let mut bad = m.clone();
    bad.levels[1].code = "x{color:red}".into();
    assert!(matches!(bad.check(), Err(MatrixError::Code(_))));
    // A dark red cell would not carry the dark text.
    let mut bad = m.clone();
    bad.levels[3].colour = "#8b0000".into();
    assert!(matches!(bad.check(), Err(MatrixError::Colour(..))));
    let mut bad = m;
    bad.levels[3].colour = "red".into();
    assert!(matches!(bad.check(), Err(MatrixError::Colour(..))));
}

#[test]
fn a_five_by_five_matrix_loads() {
    let (mut m, _) = shipped();
    m.likelihood.push(m.likelihood[3].clone());
    m.consequence.push(m.consequence[3].clone());
    m.levels[3].from = 15;
    m.check().unwrap();
    assert_eq!(m.max_score(), 25);
    assert_eq!(m.level_of(5, 5).map(|l| l.code.as_str()), Some("mycket_hog"));
    assert_eq!(m.level_of(4, 3).map(|l| l.code.as_str()), Some("hog"));
}

#[test]
fn contrast_is_wcags() {
    assert!((matrix::contrast("#ffffff", "#000000").unwrap() - 21.0).abs() < 0.01);
    assert!((matrix::contrast("#777777", "#ffffff").unwrap() - 4.48).abs() < 0.01);
    assert!(matrix::contrast("#fff", "#000000").is_none());
}

#[test]
fn a_change_moves_the_status() {
    use RiskStatus::*;
    use Treatment::*;
    // A treatment other than acceptance: under treatment; none: identified.
    assert_eq!(status_after_edit(Identifierad, Some(Reducera), true), Behandlas);
    assert_eq!(status_after_edit(Behandlas, None, true), Identifierad);
    // Choosing acceptance is not yet acceptance.
    assert_eq!(status_after_edit(Behandlas, Some(Acceptera), true), Identifierad);
    // An acceptance holds while nothing it covered changed, and lapses when it did.
    assert_eq!(status_after_edit(Accepterad, Some(Acceptera), false), Accepterad);
    assert_eq!(status_after_edit(Accepterad, Some(Reducera), false), Accepterad);
    assert_eq!(status_after_edit(Accepterad, Some(Acceptera), true), Identifierad);
    assert_eq!(status_after_edit(Accepterad, Some(Reducera), true), Behandlas);
    // A closed risk stays closed.
    assert_eq!(status_after_edit(Avslutad, Some(Reducera), true), Avslutad);
    assert!(!Avslutad.is_open() && Accepterad.is_open());
}
