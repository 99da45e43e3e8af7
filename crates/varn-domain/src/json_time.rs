//! Dates and time stamps written to JSON as chrono writes them, without chrono's formatter.
//!
//! chrono's `Serialize` hands serde a `Display` that writes a time stamp a character at a
//! time, and serde_json escapes each of those pieces as it comes: a tenth of the CPU of an API
//! list of 100 incidents (two time stamps a row) went there. These write the same text into a
//! buffer on the stack and give it to the serializer whole. Use them on a field with
//! `#[serde(serialize_with = "varn_domain::json_time::…")]`; the text is byte for byte
//! chrono's (the tests compare them), and what they do not write by hand (a year outside
//! 0–9999, a leap second) they leave to chrono.

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use serde::Serializer;

/// Writes `n` as `width` digits at the start of `out`.
fn digits(out: &mut [u8], mut n: u32, width: usize) {
    for b in out[..width].iter_mut().rev() {
        *b = b'0' + (n % 10) as u8;
        n /= 10;
    }
}

/// `YYYY-MM-DD` into `out[..10]`, or `None` outside the years 0–9999.
fn date_into(out: &mut [u8], d: &NaiveDate) -> Option<()> {
    let year = u32::try_from(d.year()).ok().filter(|y| *y <= 9999)?;
    digits(&mut out[0..4], year, 4);
    out[4] = b'-';
    digits(&mut out[5..7], d.month(), 2);
    out[7] = b'-';
    digits(&mut out[8..10], d.day(), 2);
    Some(())
}

/// A date as chrono's `Serialize` writes it: `2026-11-28`.
pub fn date<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    let mut buf = [0u8; 10];
    match date_into(&mut buf, d) {
        Some(()) => s.serialize_str(std::str::from_utf8(&buf).map_err(serde::ser::Error::custom)?),
        None => serde::Serialize::serialize(d, s),
    }
}

/// An optional date: [`date`] or `null`.
pub fn opt_date<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => date(d, s),
        None => s.serialize_none(),
    }
}

/// A time stamp as chrono's `Serialize` writes one in UTC: `2026-11-28T10:15:07Z`, with the
/// fraction of a second in 3, 6 or 9 digits when there is one.
pub fn datetime<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    let nano = t.nanosecond();
    let mut buf = [0u8; 30];
    if nano >= 1_000_000_000 || date_into(&mut buf, &t.date_naive()).is_none() {
        return serde::Serialize::serialize(t, s);
    }
    buf[10] = b'T';
    digits(&mut buf[11..13], t.hour(), 2);
    buf[13] = b':';
    digits(&mut buf[14..16], t.minute(), 2);
    buf[16] = b':';
    digits(&mut buf[17..19], t.second(), 2);
    let mut end = 19;
    let (fraction, width) = match nano {
        0 => (0, 0),
        n if n % 1_000_000 == 0 => (n / 1_000_000, 3),
        n if n % 1_000 == 0 => (n / 1_000, 6),
        n => (n, 9),
    };
    if width > 0 {
        buf[end] = b'.';
        digits(&mut buf[end + 1..], fraction, width);
        end += 1 + width;
    }
    buf[end] = b'Z';
    s.serialize_str(std::str::from_utf8(&buf[..=end]).map_err(serde::ser::Error::custom)?)
}

/// An optional time stamp: [`datetime`] or `null`.
pub fn opt_datetime<S: Serializer>(t: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => datetime(t, s),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;
    use chrono::{NaiveDateTime, TimeZone};

    fn ours_date(d: &NaiveDate) -> String {
        let mut out = Vec::new();
        date(d, &mut serde_json::Serializer::new(&mut out)).expect("written");
        String::from_utf8(out).expect("utf-8")
    }

    fn ours(t: &DateTime<Utc>) -> String {
        let mut out = Vec::new();
        datetime(t, &mut serde_json::Serializer::new(&mut out)).expect("written");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn dates_and_time_stamps_are_written_as_chrono_writes_them() {
        let dates = [(2026, 11, 28), (1, 1, 1), (9999, 12, 31), (2024, 2, 29), (0, 1, 1), (10_000, 1, 1), (-44, 3, 15)];
        for (y, m, d) in dates {
            let d = NaiveDate::from_ymd_opt(y, m, d).expect("a date");
            assert_eq!(ours_date(&d), serde_json::to_string(&d).expect("chrono"), "{d:?}");
        }
        let nanos = [0, 1, 999, 1_000, 250_000_000, 123_456_000, 123_456_789, 999_999_999, 1_500_000_000];
        for (i, nano) in nanos.into_iter().enumerate() {
            let day = NaiveDate::from_ymd_opt(2026 - i as i32 * 700, 1 + i as u32, 28).expect("a date");
            let naive = NaiveDateTime::new(day, chrono::NaiveTime::from_hms_nano_opt(23, 59, 59, nano).expect("a time"));
            let t = Utc.from_utc_datetime(&naive);
            assert_eq!(ours(&t), serde_json::to_string(&t).expect("chrono"), "{t:?}");
        }
        let far = Utc.with_ymd_and_hms(12_026, 1, 2, 3, 4, 5).single().expect("a time");
        assert_eq!(ours(&far), serde_json::to_string(&far).expect("chrono"));
        assert_eq!(ours(&Utc.with_ymd_and_hms(2026, 11, 28, 9, 5, 7).single().expect("a time")), "\"2026-11-28T09:05:07Z\"");
    }

    #[test]
    fn the_optional_ones_write_null_for_none() {
        #[derive(serde::Serialize)]
        struct Row {
            #[serde(serialize_with = "opt_date")]
            d: Option<NaiveDate>,
            #[serde(serialize_with = "opt_datetime")]
            t: Option<DateTime<Utc>>,
        }
        let row = Row { d: None, t: None };
        assert_eq!(serde_json::to_string(&row).expect("json"), r#"{"d":null,"t":null}"#);
        let row = Row { d: NaiveDate::from_ymd_opt(2026, 2, 3), t: Utc.with_ymd_and_hms(2026, 2, 3, 4, 5, 6).single() };
        assert_eq!(serde_json::to_string(&row).expect("json"), r#"{"d":"2026-02-03","t":"2026-02-03T04:05:06Z"}"#);
    }
}
