//! Tasks in Mina uppgifter.

use crate::code_enum;

code_enum! {
    /// Whether a task is still to do.
    pub enum TaskStatus("task.status", "err.invalid") {
        /// To do.
        Open,
        /// Done (or closed by the module that made it).
        Done,
    }
}

/// The city's calendar day at `now` (Europe/Stockholm): what "today" means for every deadline
/// of a task. One definition for Mina uppgifter, the follow-up and the supervision view.
pub fn today_at(now: chrono::DateTime<chrono::Utc>) -> chrono::NaiveDate {
    now.with_timezone(&chrono_tz::Europe::Stockholm).date_naive()
}

/// The city's calendar day now (see [`today_at`]).
pub fn today() -> chrono::NaiveDate {
    today_at(chrono::Utc::now())
}

/// Days from `today` until `due` (negative: late by that many days).
pub fn days_left(due: Option<chrono::NaiveDate>, today: chrono::NaiveDate) -> Option<i64> {
    due.map(|d| (d - today).num_days())
}

/// Whether a task is overdue: open, and its last day has passed. The SQL of the store says the
/// same (`status = 'open' AND due_date < today`); the tests hold the two together.
pub fn is_overdue(status: TaskStatus, due: Option<chrono::NaiveDate>, today: chrono::NaiveDate) -> bool {
    status == TaskStatus::Open && due.is_some_and(|d| d < today)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone, Utc};

    #[test]
    fn today_is_stockholm_s_day() {
        // 23:30 UTC on 30 November is already 1 December in Stockholm (UTC+1 in winter),
        // and 22:30 UTC on 30 June is 1 July (UTC+2 in summer).
        assert_eq!(today_at(Utc.with_ymd_and_hms(2026, 11, 30, 23, 30, 0).unwrap()), NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
        assert_eq!(today_at(Utc.with_ymd_and_hms(2026, 6, 30, 22, 30, 0).unwrap()), NaiveDate::from_ymd_opt(2026, 7, 1).unwrap());
        assert_eq!(today_at(Utc.with_ymd_and_hms(2026, 6, 30, 21, 30, 0).unwrap()), NaiveDate::from_ymd_opt(2026, 6, 30).unwrap());
    }

    #[test]
    fn overdue_is_open_and_past_its_day() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let yesterday = today.pred_opt();
        assert!(is_overdue(TaskStatus::Open, yesterday, today));
        assert!(!is_overdue(TaskStatus::Open, Some(today), today), "due today is not late yet");
        assert!(!is_overdue(TaskStatus::Done, yesterday, today), "done is never late");
        assert!(!is_overdue(TaskStatus::Open, None, today), "undated is never late");
        assert_eq!(days_left(yesterday, today), Some(-1));
        assert_eq!(days_left(None, today), None);
    }
}
