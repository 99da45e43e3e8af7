#![allow(clippy::unwrap_used)]
use super::*;
use chrono::{DateTime, TimeZone, Utc};
use std::collections::BTreeMap;

const REGIMES: &str = include_str!("../../../../data/incidents/regimes.yaml");

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

#[test]
fn hours_are_elapsed_time_across_both_changes_of_summer_time() {
    // Aware Saturday 28 March 2026 10:00 local (CET); summer time starts the next night.
    let aware = utc("2026-03-28T09:00:00Z");
    assert_eq!(deadline(aware, Span::Hours(72)), utc("2026-03-31T09:00:00Z"), "72 real hours: 11:00 on the local clock");
    // Aware Saturday 24 October 2026 12:00 local (CEST); winter time the next night.
    let aware = utc("2026-10-24T10:00:00Z");
    assert_eq!(deadline(aware, Span::Hours(24)), utc("2026-10-25T10:00:00Z"), "24 real hours: 11:00 on the local clock");
}

#[test]
fn months_and_days_are_calendar_steps_in_local_time() {
    // Notification sent 31 January 15:00 local: the final report is due on February's last day.
    assert_eq!(deadline(utc("2026-01-31T14:00:00Z"), Span::Months(1)), utc("2026-02-28T14:00:00Z"));
    // Across the change to summer time the local clock time is kept (15:00 CET → 15:00 CEST).
    assert_eq!(deadline(utc("2026-03-10T14:00:00Z"), Span::Months(1)), utc("2026-04-10T13:00:00Z"));
    // 02:30 on the night the clocks skip 02:00–03:00 does not exist: the end of the gap.
    assert_eq!(deadline(utc("2026-03-28T01:30:00Z"), Span::Days(1)), utc("2026-03-29T01:00:00Z"));
    // 02:30 on the night it occurs twice: the earlier one, never later than the law allows.
    assert_eq!(deadline(utc("2026-10-24T00:30:00Z"), Span::Days(1)), utc("2026-10-25T00:30:00Z"));
}

#[test]
fn lateness_is_measured_and_local_dates_are_swedish() {
    let due = utc("2026-03-31T09:00:00Z");
    assert_eq!(late_by(due, utc("2026-03-31T14:00:00Z")), Some(chrono::Duration::hours(5)));
    assert_eq!(late_by(due, utc("2026-03-31T08:59:00Z")), None);
    // 23:30 UTC on 31 December is already New Year's Day in Stockholm.
    assert_eq!(local_date(Utc.with_ymd_and_hms(2026, 12, 31, 23, 30, 0).unwrap()).to_string(), "2027-01-01");
}

#[test]
fn local_times_are_written_as_chrono_writes_them() {
    // Winter, summer, New Year's night and the hour repeated in autumn.
    for at in ["2026-01-05T07:04:09Z", "2026-07-31T22:30:00Z", "2026-12-31T23:30:59Z", "2026-10-25T00:59:59Z", "0999-02-03T04:05:06Z"] {
        let t = utc(at);
        let l = t.with_timezone(&chrono_tz::Europe::Stockholm);
        assert_eq!(local_text(t, true), l.format("%Y-%m-%d %H:%M:%S").to_string(), "{at}");
        assert_eq!(local_text(t, false), l.format("%Y-%m-%d %H:%M").to_string(), "{at}");
        assert_eq!(local_parts(t), (l.format("%Y-%m-%d").to_string(), l.format("%H:%M").to_string()), "{at}");
    }
    assert_eq!(local_parts(utc("2026-03-29T12:05:00Z")), ("2026-03-29".to_owned(), "14:05".to_owned()));
}

#[test]
fn the_regimes_file_holds_and_gives_each_report_its_clock() {
    let r: Regimes = serde_yaml::from_str(REGIMES).unwrap();
    r.check().unwrap();
    let csl = r.get("cybersakerhetslagen").unwrap();
    let aware = utc("2026-03-02T08:00:00Z");
    let s = csl.schedule(aware, &BTreeMap::new());
    let due = |c: &str| s.iter().find(|x| x.code == c).unwrap().clone();
    assert_eq!(due("tidig_varning").due, Some(utc("2026-03-03T08:00:00Z")));
    assert_eq!(due("incidentanmalan").due, Some(utc("2026-03-05T08:00:00Z")));
    // Before the notification is sent, the final report is reckoned from its deadline.
    let f = due("slutrapport");
    assert_eq!((f.due, f.estimated), (Some(utc("2026-04-05T07:00:00Z")), true));
    // Once sent (a day early), it counts from the sending.
    let sent = BTreeMap::from([("incidentanmalan".to_owned(), utc("2026-03-04T10:00:00Z"))]);
    let f = csl.schedule(aware, &sent).into_iter().find(|x| x.code == "slutrapport").unwrap();
    assert_eq!((f.due, f.estimated), (Some(utc("2026-04-04T09:00:00Z")), false));
    // GDPR: 72 hours to IMY; informing the data subjects has no fixed hour.
    let g = r.get("gdpr").unwrap().schedule(aware, &BTreeMap::new());
    assert_eq!(g[0].due, Some(utc("2026-03-05T08:00:00Z")));
    assert_eq!(g[1].due, None);
    assert!(r.regimes.iter().any(|x| x.code == "sakerhetsskydd" && x.question.sv.contains("inte föras in i Värn")));
}

#[test]
fn a_file_that_counts_from_a_later_or_unknown_report_is_refused() {
    let mut r: Regimes = serde_yaml::from_str(REGIMES).unwrap();
    let csl = r.regimes.iter_mut().find(|x| x.code == "cybersakerhetslagen").unwrap();
    csl.reports.swap(1, 2);
    assert!(r.check().unwrap_err().contains("slutrapport"));
    let mut r: Regimes = serde_yaml::from_str(REGIMES).unwrap();
    r.regimes[0].reports[0].from = Anchor::Report("okand".into());
    assert!(r.check().is_err());
}

#[test]
fn the_status_flow_allows_only_its_moves() {
    use crate::Code;
    use Status::*;
    assert_eq!(Rapporterad.moves(), vec![UnderUtredning]);
    assert_eq!(UnderUtredning.moves(), vec![Begransad, Atgardad]);
    assert!(!Rapporterad.may_move(Avslutad), "closing needs the handling in between");
    assert!(!Begransad.may_move(Rapporterad) && !Avslutad.may_move(Atgardad));
    assert!(Avslutad.may_move(UnderUtredning), "something new reopens it");
    for s in Status::ALL {
        assert!(!s.may_move(*s), "{s:?} to itself is no move");
    }
    assert_eq!(Status::parse("under_utredning"), Ok(UnderUtredning));
    assert!(Level::parse("allvarlig_storning").is_ok() && Severity::parse("kritisk").is_ok());
}

#[test]
fn the_types_file_holds() {
    let t: IncidentTypes = serde_yaml::from_str(include_str!("../../../../data/incidents/types.yaml")).unwrap();
    t.check().unwrap();
    assert!(t.types.iter().any(|x| x.code == "natfiske" && x.categories == vec![Category::Konfidentialitet]));
    let mut bad = t.clone();
    bad.types.push(bad.types[0].clone());
    assert!(bad.check().is_err());
}
