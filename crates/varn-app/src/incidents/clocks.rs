//! The legal clocks of one incident: for each regime that applies, or that nobody has yet
//! answered, each report's deadline counted from the awareness (or from the earlier report
//! it follows), and whether and when it was sent. An unanswered regime's clocks run: the law
//! counts from awareness whether or not anyone has asked the question, so Värn shows the
//! deadline "if it applies" until someone answers no.

use super::Rules;
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;
use varn_domain::incident::{late_by, Status};
use varn_store::repo::incidents::{DutyRow, ReportRow};

/// One report's clock.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Clock {
    /// The regime's code.
    pub regime: String,
    /// The report's code.
    pub report: String,
    /// To whom it goes (from the regimes file).
    pub recipient: String,
    /// The regime's answer: applies (true), unanswered (none).
    pub applies: Option<bool>,
    /// Its deadline (none: no fixed hour, "utan onödigt dröjsmål").
    #[serde(serialize_with = "varn_domain::json_time::opt_datetime")]
    pub due: Option<DateTime<Utc>>,
    /// Reckoned from an earlier report's deadline because that report is not sent yet.
    pub estimated: bool,
    /// When it was sent or judged not required.
    #[serde(serialize_with = "varn_domain::json_time::opt_datetime")]
    pub done_at: Option<DateTime<Utc>>,
    /// `sent` or `not_required`.
    pub outcome: Option<String>,
    /// How late it was sent, in minutes.
    pub late_minutes: Option<i64>,
}

impl Clock {
    /// Whether the clock still runs (not done and has a deadline).
    pub fn running(&self) -> bool {
        self.done_at.is_none() && self.due.is_some()
    }
}

/// Every clock of an incident.
pub fn clocks(rules: &Rules, aware: DateTime<Utc>, duties: &[DutyRow], reports: &[ReportRow]) -> Vec<Clock> {
    let mut out = Vec::new();
    for regime in &rules.regimes.regimes {
        let applies = duties.iter().find(|d| d.regime == regime.code).map(|d| d.applies);
        if applies == Some(false) {
            continue;
        }
        let done: Vec<&ReportRow> = reports.iter().filter(|r| r.regime == regime.code).collect();
        let sent: BTreeMap<String, DateTime<Utc>> =
            done.iter().filter(|r| r.outcome == "sent").map(|r| (r.report.clone(), r.sent_at)).collect();
        for (def, s) in regime.reports.iter().zip(regime.schedule(aware, &sent)) {
            // An unanswered regime shows only the reports that have a fixed hour.
            if applies.is_none() && s.due.is_none() {
                continue;
            }
            let d = done.iter().find(|r| r.report == def.code);
            out.push(Clock {
                regime: regime.code.clone(),
                report: def.code.clone(),
                recipient: def.recipient.clone(),
                applies,
                due: s.due,
                estimated: s.estimated,
                done_at: d.map(|r| r.sent_at),
                outcome: d.map(|r| r.outcome.clone()),
                late_minutes: match (s.due, d) {
                    (Some(due), Some(r)) if r.outcome == "sent" => late_by(due, r.sent_at).map(|x| x.num_minutes()),
                    _ => None,
                },
            });
        }
    }
    out
}

/// The nearest deadline still running (none once closed).
pub fn next_due(status: Status, clocks: &[Clock]) -> Option<DateTime<Utc>> {
    if status == Status::Avslutad {
        return None;
    }
    clocks.iter().filter(|c| c.running()).filter_map(|c| c.due).min()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn duty(regime: &str, applies: bool) -> DutyRow {
        DutyRow { regime: regime.into(), applies, note: None, answered_by_name: "A".into(), answered_at: t("2026-03-01T00:00:00Z") }
    }

    fn sent(regime: &str, report: &str, at: &str, outcome: &str) -> ReportRow {
        ReportRow {
            id: 1,
            regime: regime.into(),
            report: report.into(),
            outcome: outcome.into(),
            note: None,
            sent_at: t(at),
            recipient: "x".into(),
            reference: None,
            due_at: None,
            sent_by_name: "A".into(),
        }
    }

    #[test]
    fn unanswered_regimes_run_until_answered_no_and_a_breach_judged_not_reportable_stops_its_clock() {
        let rules = Rules::builtin().unwrap();
        let aware = t("2026-03-02T08:00:00Z");
        // Nobody has answered: the 24-hour early warning is the nearest deadline.
        let c = clocks(&rules, aware, &[], &[]);
        assert_eq!(next_due(Status::Rapporterad, &c), Some(t("2026-03-03T08:00:00Z")));
        assert!(c.iter().all(|x| x.due.is_some()), "an unanswered regime shows only its fixed hours");
        // Not significant: the IMY clock (72 h) is next.
        let duties = vec![duty("cybersakerhetslagen", false)];
        let c = clocks(&rules, aware, &duties, &[]);
        assert_eq!(next_due(Status::UnderUtredning, &c), Some(t("2026-03-05T08:00:00Z")));
        // A breach judged unlikely to result in a risk: recorded, and no clock runs.
        let duties = vec![duty("cybersakerhetslagen", false), duty("gdpr", true)];
        let done = vec![sent("gdpr", "imy_anmalan", "2026-03-03T10:00:00Z", "not_required")];
        let c = clocks(&rules, aware, &duties, &done);
        assert_eq!(next_due(Status::UnderUtredning, &c), None);
        let imy = c.iter().find(|x| x.report == "imy_anmalan").unwrap();
        assert_eq!((imy.outcome.as_deref(), imy.late_minutes), (Some("not_required"), None));
        // The data subjects' information has no fixed hour, but it is listed once GDPR applies.
        assert!(c.iter().any(|x| x.report == "registrerade" && x.due.is_none()));
    }

    #[test]
    fn a_report_sent_after_its_deadline_shows_by_how_much_and_the_final_report_counts_from_the_notification() {
        let rules = Rules::builtin().unwrap();
        let aware = t("2026-03-02T08:00:00Z");
        let duties = vec![duty("cybersakerhetslagen", true), duty("gdpr", false)];
        let done = vec![
            sent("cybersakerhetslagen", "tidig_varning", "2026-03-03T11:30:00Z", "sent"),
            sent("cybersakerhetslagen", "incidentanmalan", "2026-03-04T08:00:00Z", "sent"),
        ];
        let c = clocks(&rules, aware, &duties, &done);
        let w = c.iter().find(|x| x.report == "tidig_varning").unwrap();
        assert_eq!(w.late_minutes, Some(210), "3 h 30 min late");
        let n = c.iter().find(|x| x.report == "incidentanmalan").unwrap();
        assert_eq!(n.late_minutes, None);
        let f = c.iter().find(|x| x.report == "slutrapport").unwrap();
        assert_eq!((f.due, f.estimated), (Some(t("2026-04-04T07:00:00Z")), false), "a month after the notification, 09:00 local kept");
        assert_eq!(next_due(Status::Atgardad, &c), f.due);
        assert_eq!(next_due(Status::Avslutad, &c), None, "a closed incident has no running clock");
    }
}
