//! Legal clocks: a deadline counted from its anchor event. Hours are elapsed time (72 hours
//! across a change to or from summer time are 72 real hours); days and months are calendar
//! steps in Swedish local time, the local clock time kept. A local time that does not exist
//! (the hour skipped in spring) moves to the end of the gap; one that occurs twice (autumn)
//! takes the earlier, so a deadline is never later than the law allows.

use chrono::{DateTime, Datelike, Duration, Months, NaiveDateTime, TimeZone, Timelike, Utc};
use chrono_tz::Europe::Stockholm;
use serde::{Deserialize, Serialize};

/// How long a duty gives. In the data file: `{hours: 72}`, `{days: 3}` or `{months: 1}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "SpanDef", into = "SpanDef")]
pub enum Span {
    /// Elapsed hours.
    Hours(u32),
    /// Calendar days, local time.
    Days(u32),
    /// Calendar months, local time (the 31st becomes the month's last day).
    Months(u32),
}

/// A span as the file writes it: exactly one of the three.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpanDef {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    hours: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    days: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    months: Option<u32>,
}

impl TryFrom<SpanDef> for Span {
    type Error = String;
    fn try_from(d: SpanDef) -> Result<Self, String> {
        match (d.hours, d.days, d.months) {
            (Some(h), None, None) => Ok(Span::Hours(h)),
            (None, Some(x), None) => Ok(Span::Days(x)),
            (None, None, Some(m)) => Ok(Span::Months(m)),
            _ => Err("a time limit is one of hours, days or months".into()),
        }
    }
}

impl From<Span> for SpanDef {
    fn from(s: Span) -> Self {
        match s {
            Span::Hours(h) => SpanDef { hours: Some(h), ..Default::default() },
            Span::Days(d) => SpanDef { days: Some(d), ..Default::default() },
            Span::Months(m) => SpanDef { months: Some(m), ..Default::default() },
        }
    }
}

/// The moment a local date-time stands for: the earlier of two in autumn, the end of the
/// gap in spring.
pub fn local_to_utc(naive: NaiveDateTime) -> DateTime<Utc> {
    match Stockholm.from_local_datetime(&naive).earliest() {
        Some(t) => t.with_timezone(&Utc),
        // In the skipped hour (02:00–03:00): the moment it ends, 03:00.
        None => {
            let end = naive.date().and_hms_opt(naive.hour() + 1, 0, 0).unwrap_or(naive);
            Stockholm.from_local_datetime(&end).earliest().map_or_else(|| naive.and_utc(), |t| t.with_timezone(&Utc))
        }
    }
}

/// The deadline of `span` counted from `anchor`.
pub fn deadline(anchor: DateTime<Utc>, span: Span) -> DateTime<Utc> {
    match span {
        Span::Hours(h) => anchor + Duration::hours(i64::from(h)),
        Span::Days(d) => local_to_utc(anchor.with_timezone(&Stockholm).naive_local() + Duration::days(i64::from(d))),
        Span::Months(m) => {
            let local = anchor.with_timezone(&Stockholm).naive_local();
            let moved = local.checked_add_months(Months::new(m)).unwrap_or(local);
            local_to_utc(moved)
        }
    }
}

/// How late something done at `done` was against `due` (none when in time).
pub fn late_by(due: DateTime<Utc>, done: DateTime<Utc>) -> Option<Duration> {
    (done > due).then(|| done - due)
}

/// The local calendar date of a moment (for showing and for "due today").
pub fn local_date(t: DateTime<Utc>) -> chrono::NaiveDate {
    let l = t.with_timezone(&Stockholm);
    chrono::NaiveDate::from_ymd_opt(l.year(), l.month(), l.day()).unwrap_or_else(|| t.date_naive())
}

/// A moment as Swedish local date and time (`2026-03-29`, `14:05`), for forms.
pub fn local_parts(t: DateTime<Utc>) -> (String, String) {
    let mut date = local_text(t, false);
    match date.rfind(' ') {
        Some(at) => {
            let time = date[at + 1..].to_owned();
            date.truncate(at);
            (date, time)
        }
        None => (date, String::new()),
    }
}

/// A moment in Swedish local time, `2026-03-29 14:05` (with `secs`, `2026-03-29 14:05:09`),
/// written out directly: chrono's `format` parses its pattern at every call, and a list
/// writes one or two a row (on the coordinator's Mina uppgifter it was 4 % of the page).
pub fn local_text(t: DateTime<Utc>, secs: bool) -> String {
    let l = t.with_timezone(&Stockholm);
    if !(0..=9999).contains(&l.year()) {
        return l.format(if secs { "%Y-%m-%d %H:%M:%S" } else { "%Y-%m-%d %H:%M" }).to_string();
    }
    let mut s = String::with_capacity(19);
    digits(&mut s, l.year().unsigned_abs(), 4);
    for (sep, n) in [('-', l.month()), ('-', l.day()), (' ', l.hour()), (':', l.minute())] {
        s.push(sep);
        digits(&mut s, n, 2);
    }
    if secs {
        s.push(':');
        digits(&mut s, l.second(), 2);
    }
    s
}

/// Writes the last `width` decimal digits of `n`, with leading zeros.
pub fn digits(s: &mut String, n: u32, width: u32) {
    for p in (0..width).rev() {
        s.push(char::from(b'0' + (n / 10u32.pow(p) % 10) as u8));
    }
}
