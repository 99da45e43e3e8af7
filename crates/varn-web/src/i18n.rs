//! The translation catalogue: Swedish by default, English available. Every string a user
//! sees comes from `locales/*.toml`; a test checks that both languages have the same keys.

use std::collections::HashMap;
use std::sync::OnceLock;

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Svenska (default).
    #[default]
    Sv,
    /// English.
    En,
}

impl Lang {
    /// The code in cookies, URLs and `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// Parses a code; anything unknown is `None`.
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().get(..2) {
            Some("sv") => Some(Lang::Sv),
            Some("en") => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language (for the switch link).
    pub fn other(self) -> Lang {
        match self {
            Lang::Sv => Lang::En,
            Lang::En => Lang::Sv,
        }
    }
}

type Map = HashMap<String, String>;

fn flatten(prefix: &str, v: &toml::Value, out: &mut Map) {
    match v {
        toml::Value::Table(t) => {
            for (k, v) in t {
                let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                flatten(&key, v, out);
            }
        }
        toml::Value::String(s) => {
            out.insert(prefix.to_owned(), s.clone());
        }
        other => {
            out.insert(prefix.to_owned(), other.to_string());
        }
    }
}

fn load(src: &str) -> Map {
    let mut m = Map::new();
    match src.parse::<toml::Value>() {
        Ok(v) => flatten("", &v, &mut m),
        Err(e) => tracing::error!(error = %e, "translation catalogue does not parse"),
    }
    m
}

struct Catalog {
    sv: Map,
    en: Map,
}

fn catalog() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(|| Catalog { sv: load(include_str!("../locales/sv.toml")), en: load(include_str!("../locales/en.toml")) })
}

/// Translator for one language; cheap to copy into every template.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tr {
    /// The language.
    pub lang: Lang,
}

impl Tr {
    /// A translator for `lang`.
    pub fn new(lang: Lang) -> Self {
        Tr { lang }
    }

    /// The text of `key`, falling back to Swedish, then to the key itself (so a missing
    /// string shows up in tests instead of vanishing).
    pub fn t<'a>(&self, key: &'a str) -> &'a str {
        let c = catalog();
        let m = if self.lang == Lang::En { &c.en } else { &c.sv };
        // The catalogue lives for the whole program; the borrow of `key` is only for the fallback.
        m.get(key).or_else(|| c.sv.get(key)).map(|s| s.as_str()).unwrap_or(key)
    }

    /// Whether the catalogue has `key`.
    pub fn has(&self, key: &str) -> bool {
        catalog().sv.contains_key(key)
    }

    /// The text of `key` with `{name}` placeholders filled in.
    pub fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut s = self.t(key).to_owned();
        for (k, v) in args {
            s = s.replace(&format!("{{{k}}}"), v);
        }
        s
    }

    /// The codes whose label (`prefix` + code) contains `words`, in this language (a search
    /// by the words shown, such as "Inloggning" for `auth.sign_in`).
    pub fn codes_labelled(&self, prefix: &str, words: &str) -> Vec<String> {
        let words = words.trim().to_lowercase();
        if words.is_empty() {
            return vec![];
        }
        let c = catalog();
        let m = if self.lang == Lang::En { &c.en } else { &c.sv };
        let mut out: Vec<String> = m
            .iter()
            .filter(|(k, v)| k.starts_with(prefix) && v.to_lowercase().contains(&words))
            .map(|(k, _)| k[prefix.len()..].to_owned())
            .collect();
        out.sort();
        out
    }

    /// A decimal number with `places` decimals in the language's style (a decimal comma in
    /// Swedish: "6,0", a point in English: "6.0").
    pub fn decimal(&self, v: f64, places: usize) -> String {
        let s = format!("{v:.places$}");
        if self.lang == Lang::Sv {
            s.replace('.', ",")
        } else {
            s
        }
    }

    /// Formats a date in the language's style (ISO 8601 in Sweden).
    pub fn date(&self, d: &chrono::NaiveDate) -> String {
        d.format("%Y-%m-%d").to_string()
    }

    /// Formats a time stamp in Swedish local time (Europe/Stockholm, summer time included).
    pub fn datetime(&self, d: &chrono::DateTime<chrono::Utc>) -> String {
        d.with_timezone(&chrono_tz::Europe::Stockholm).format("%Y-%m-%d %H:%M").to_string()
    }

    /// Like [`Tr::datetime`], with seconds (audit log).
    pub fn datetime_secs(&self, d: &chrono::DateTime<chrono::Utc>) -> String {
        d.with_timezone(&chrono_tz::Europe::Stockholm).format("%Y-%m-%d %H:%M:%S").to_string()
    }
}

#[cfg(test)]
mod tests {
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
}
