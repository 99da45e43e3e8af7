//! The catalogue's and the formatters' tests.
#[test]
#[allow(clippy::expect_used)]
fn dates_are_written_year_month_day_with_zeros() {
    let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).expect("a date");
    assert_eq!(Tr::new(Lang::Sv).date(&d(2026, 3, 7)), "2026-03-07");
    assert_eq!(Tr::new(Lang::En).date(&d(999, 12, 31)), "0999-12-31");
    assert_eq!(Tr::new(Lang::Sv).date(&d(12345, 1, 2)), d(12345, 1, 2).format("%Y-%m-%d").to_string());
}

#[test]
#[allow(clippy::expect_used)]
fn time_stamps_are_stockholm_time_written_as_chrono_writes_them() {
    use chrono::TimeZone;
    let tr = Tr::new(Lang::Sv);
    // Winter (UTC+1), summer (UTC+2) and the night summer time ends (03:00 → 02:00).
    for (utc, local) in [
        ((2026, 1, 5, 7, 4, 9), "2026-01-05 08:04:09"),
        ((2026, 7, 31, 22, 30, 0), "2026-08-01 00:30:00"),
        ((2026, 10, 25, 0, 59, 59), "2026-10-25 02:59:59"),
        ((2026, 10, 25, 1, 0, 0), "2026-10-25 02:00:00"),
    ] {
        let (y, mo, d, h, mi, s) = utc;
        let t = chrono::Utc.with_ymd_and_hms(y, mo, d, h, mi, s).single().expect("a time");
        assert_eq!(tr.datetime_secs(&t), local);
        assert_eq!(tr.datetime(&t), local[..16]);
        let chrono_says = t.with_timezone(&chrono_tz::Europe::Stockholm).format("%Y-%m-%d %H:%M:%S").to_string();
        assert_eq!(tr.datetime_secs(&t), chrono_says);
    }
}

#[test]
#[allow(clippy::expect_used)]
fn long_dates_name_the_month_in_the_language() {
    let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("a date");
    assert_eq!(Tr::new(Lang::Sv).long_date(&d), "20 november 2026");
    assert_eq!(Tr::new(Lang::En).long_date(&d), "20 November 2026");
    let d = chrono::NaiveDate::from_ymd_opt(2027, 1, 1).expect("a date");
    assert_eq!(Tr::new(Lang::Sv).long_date(&d), "1 januari 2027");
}

#[test]
fn decimals_follow_the_language() {
    assert_eq!(Tr::new(Lang::Sv).decimal(6.04, 1), "6,0");
    assert_eq!(Tr::new(Lang::En).decimal(6.04, 1), "6.0");
    assert_eq!(Tr::new(Lang::Sv).decimal(0.0488, 2), "0,05");
}

use super::*;

#[test]
fn both_languages_have_the_same_keys() {
    let c = catalog();
    assert!(c.sv.len() > 50, "the Swedish catalogue loaded");
    let mut missing_en: Vec<_> = c.sv.keys().filter(|k| !c.en.contains_key(*k)).collect();
    let mut missing_sv: Vec<_> = c.en.keys().filter(|k| !c.sv.contains_key(*k)).collect();
    missing_en.sort();
    missing_sv.sort();
    assert!(missing_en.is_empty(), "missing in en.toml: {missing_en:?}");
    assert!(missing_sv.is_empty(), "missing in sv.toml: {missing_sv:?}");
}

#[test]
fn every_string_is_a_fluent_pattern() {
    let c = catalog();
    for (lang, map) in [(Lang::Sv, &c.sv), (Lang::En, &c.en)] {
        let (_, _, bad) = bundle(lang, map);
        assert!(bad.is_empty(), "{}: not Fluent: {bad:?}", lang.code());
    }
}

#[test]
fn plural_forms_follow_each_language() {
    let (sv, en) = (Tr::new(Lang::Sv), Tr::new(Lang::En));
    assert_eq!(sv.count("tasks.overdue_days", 1), "1 dag försenad");
    assert_eq!(sv.count("tasks.overdue_days", 5), "5 dagar försenad");
    assert_eq!(sv.count("tasks.overdue_days", 0), "0 dagar försenad");
    assert_eq!(en.count("tasks.overdue_days", 1), "1 day overdue");
    assert_eq!(en.count("tasks.overdue_days", 21), "21 days overdue");
    assert_eq!(sv.count("tasks.overdue_in_scope", 1), "I ditt ansvarsområde är 1 uppgift eller tidsfrist försenad. Se uppföljningen");
    assert_eq!(
        sv.count("tasks.overdue_in_scope", 312),
        "I ditt ansvarsområde är 312 uppgifter och tidsfrister försenade. Se uppföljningen"
    );
    // Large numbers grouped as each language writes them; years and references untouched.
    assert_eq!(
        sv.count("tasks.overdue_in_scope", 12_400),
        "I ditt ansvarsområde är 12\u{a0}400 uppgifter och tidsfrister försenade. Se uppföljningen"
    );
    assert_eq!(
        en.count("tasks.overdue_in_scope", 12_400),
        "12,400 tasks and deadlines are overdue in your area of responsibility. See the follow-up"
    );
    assert_eq!(sv.tf("list.total", &[("n", "2026")]), "2026 totalt");
    assert_eq!(sv.tf("work.heading_unit", &[("unit", "Enhet {x} 007")]), "Uppföljning: Enhet {x} 007", "text stays text");
}

#[test]
fn lookup_and_placeholders() {
    let sv = Tr::new(Lang::Sv);
    let en = Tr::new(Lang::En);
    assert_eq!(sv.t("nav.org"), "Organisation");
    assert_eq!(en.t("nav.tasks"), "My tasks");
    assert_eq!(sv.t("nav.tasks"), "Mina uppgifter");
    assert_eq!(sv.t("no.such.key"), "no.such.key");
    assert_eq!(en.tf("list.total", &[("n", "3")]), "3 in total");
}

#[test]
fn times_are_swedish_local_time() {
    let tr = Tr::new(Lang::Sv);
    let winter = chrono::DateTime::from_timestamp(1_767_225_600, 0).unwrap_or_default(); // 2026-01-01 00:00 UTC
    let summer = chrono::DateTime::from_timestamp(1_782_864_000, 0).unwrap_or_default(); // 2026-07-01 00:00 UTC
    assert_eq!(tr.datetime(&winter), "2026-01-01 01:00");
    assert_eq!(tr.datetime_secs(&summer), "2026-07-01 02:00:00");
}

#[test]
fn languages_parse() {
    assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
    assert_eq!(Lang::parse("xx"), None);
}

/// The names of the arguments `pieces` use.
fn arg_names(pieces: &[Piece], out: &mut Vec<String>) {
    for p in pieces {
        match p {
            Piece::Text(_) => {}
            Piece::Arg(name) => out.push(name.to_string()),
            Piece::Choice { arg, variants, .. } => {
                out.push(arg.to_string());
                for (_, v) in variants.iter() {
                    arg_names(v, out);
                }
            }
        }
    }
    out.sort();
    out.dedup();
}

#[test]
fn ready_strings_are_written_as_fluent_writes_them() {
    let c = catalog();
    for (lang, ready) in [(Lang::Sv, &c.sv_ready), (Lang::En, &c.en_ready)] {
        let tr = Tr::new(lang);
        let (mut with_args, mut choices) = (0, 0);
        for (key, r) in ready.iter() {
            let Ready::Pieces(pieces) = r else { continue };
            let mut names = Vec::new();
            arg_names(pieces, &mut names);
            with_args += usize::from(!names.is_empty());
            choices += usize::from(pieces.iter().any(|p| matches!(p, Piece::Choice { .. })));
            // Every argument the same value: text, numbers small and large (grouped), one and
            // minus one (the `one` form), a leading zero (text), and the keys' own names.
            for v in [
                "0",
                "-0",
                "1",
                "-1",
                "2",
                "7",
                "1234",
                "9999",
                "-9999",
                "12345",
                "-20000",
                "1234567",
                "007",
                "-",
                "one",
                "other",
                "Sigrid <b>",
            ] {
                let args: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), v)).collect();
                let mut out = String::new();
                assert!(write_ready(&mut out, pieces, &args, lang).is_some(), "{key}: every argument given");
                let fluent = tr.fluent(key, &args);
                assert_eq!(out, fluent, "{lang:?} {key} with {v}");
                assert_eq!(tr.tf(key, &args), fluent, "{lang:?} {key} with {v}");
                // The same whole number given as a number.
                if let Some(n) = number(v) {
                    let nargs: Vec<(&str, i64)> = names.iter().map(|k| (k.as_str(), n)).collect();
                    assert_eq!(tr.tfn(key, &nargs), fluent, "{lang:?} {key} with {n} as a number");
                }
            }
            // Each argument a value of its own.
            let values: Vec<String> = (0..names.len()).map(|i| ((i * 7 + 1) * 1_000).to_string()).collect();
            let args: Vec<(&str, &str)> = names.iter().zip(&values).map(|(n, v)| (n.as_str(), v.as_str())).collect();
            assert_eq!(tr.tf(key, &args), tr.fluent(key, &args), "{lang:?} {key}");
            let nargs: Vec<(&str, i64)> = names.iter().zip(&values).map(|(n, v)| (n.as_str(), v.parse().unwrap_or(-1))).collect();
            assert_eq!(tr.tfn(key, &nargs), tr.fluent(key, &args), "{lang:?} {key} as numbers");
            // A missing argument is left to Fluent, which writes it as `{$name}`.
            if !names.is_empty() {
                let mut out = String::new();
                assert!(write_ready(&mut out, pieces, &[], lang).is_none(), "{key}");
                assert_eq!(tr.tf(key, &[]), tr.fluent(key, &[]), "{lang:?} {key}");
            }
        }
        let all = ready.len();
        let own = ready.values().filter(|r| matches!(r, Ready::Pieces(_))).count();
        assert!(own * 100 >= all * 99, "{lang:?}: {own} of {all} keys ready");
        assert!(with_args > 100 && choices >= 10, "{lang:?}: {with_args} with arguments, {choices} with a choice");
    }
    // Known strings, through the ready path.
    assert_eq!(
        Tr::new(Lang::Sv).tf("incident.span_dh", &[("d", "2"), ("h", "4")]),
        Tr::new(Lang::Sv).fluent("incident.span_dh", &[("d", "2"), ("h", "4")])
    );
    assert_eq!(Tr::new(Lang::Sv).count("tasks.due_in_days", 1), "om 1 dag");
    assert_eq!(Tr::new(Lang::Sv).count("tasks.due_in_days", 12_345), "om 12\u{a0}345 dagar");
    assert_eq!(Tr::new(Lang::En).count("tasks.due_in_days", 12_345), "in 12,345 days");
}
