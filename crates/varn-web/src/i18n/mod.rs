//! The translation catalogue: Swedish by default, English available. Every string a user
//! sees comes from `locales/*.toml`; a test checks that both languages have the same keys.
//! Each string is a Project Fluent pattern (`{name}` is short for `{ $name }`), formatted by
//! `fluent-bundle` with the CLDR plural rules of its language:
//! `"{ $n ->\n [one] { $n } dag\n *[other] { $n } dagar\n}"`.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
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

/// Keys are looked up a few hundred times per page: Fx hashing, not SipHash (the keys are the
/// program's own, so there is nothing for a visitor to collide).
type Map = rustc_hash::FxHashMap<String, String>;

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
    let mut m = Map::default();
    match src.parse::<toml::Value>() {
        Ok(v) => flatten("", &v, &mut m),
        Err(e) => tracing::error!(error = %e, "translation catalogue does not parse"),
    }
    m
}

type Bundle = FluentBundle<FluentResource>;

struct Catalog {
    sv: Map,
    en: Map,
    sv_fluent: Bundle,
    en_fluent: Bundle,
    sv_ready: ReadyMap,
    en_ready: ReadyMap,
}

/// A catalogue key as a Fluent message id (ids have no dots).
fn fluent_id(key: &str) -> String {
    key.replace('.', "__")
}

/// One catalogue entry as a Fluent message: `{name}` becomes `{ $name }` (Fluent's own syntax
/// passes through), and lines after the first are indented as Fluent wants.
fn to_ftl(key: &str, value: &str) -> String {
    let mut body = String::with_capacity(value.len() + 8);
    let mut rest = value;
    while let Some(i) = rest.find('{') {
        body.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let name_len = after.find('}').filter(|&n| n > 0 && after[..n].bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
        match name_len {
            Some(n) => {
                body.push_str(&format!("{{ ${} }}", &after[..n]));
                rest = &after[n + 1..];
            }
            None => {
                body.push('{');
                rest = after;
            }
        }
    }
    body.push_str(rest);
    format!("{} = {}\n", fluent_id(key), body.replace('\n', "\n    "))
}

/// Swedish numbers of five digits or more are grouped by a no-break space ("12 400"); four
/// digits (a year, "1234") are not, as Språkrådet recommends.
fn group(n: f64, sep: char) -> Option<String> {
    if n.fract() != 0.0 || n.abs() < 10_000.0 {
        return None;
    }
    let digits = format!("{}", n.abs() as i64);
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    Some(if n < 0.0 { format!("−{out}") } else { out })
}

fn format_sv<M>(v: &FluentValue, _: &M) -> Option<String> {
    match v {
        FluentValue::Number(n) => group(n.value, '\u{a0}'),
        _ => None,
    }
}

fn format_en<M>(v: &FluentValue, _: &M) -> Option<String> {
    match v {
        FluentValue::Number(n) => group(n.value, ','),
        _ => None,
    }
}

/// The Fluent bundle of one language, each key's message made ready, and the entries that did
/// not parse (for the test).
fn bundle(lang: Lang, map: &Map) -> (Bundle, ReadyMap, Vec<String>) {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut b = Bundle::new_concurrent(vec![id]);
    b.set_use_isolating(false);
    b.set_formatter(Some(if lang == Lang::En { format_en } else { format_sv }));
    let mut bad = Vec::new();
    let mut ready_map = ReadyMap::default();
    for (k, v) in map.iter().filter(|(_, v)| !v.trim().is_empty()) {
        match FluentResource::try_new(to_ftl(k, v)) {
            Ok(r) => {
                let pieces = r.entries().find_map(|e| match e {
                    fluent_syntax::ast::Entry::Message(m) => m.value.as_ref().and_then(ready),
                    _ => None,
                });
                if b.add_resource(r).is_err() {
                    bad.push(k.clone());
                } else {
                    ready_map.insert(k.clone(), pieces.map_or(Ready::Fluent, Ready::Pieces));
                }
            }
            Err(_) => bad.push(k.clone()),
        }
    }
    if !bad.is_empty() {
        tracing::error!(lang = lang.code(), keys = ?bad, "catalogue entries are not Fluent patterns");
    }
    (b, ready_map, bad)
}

fn catalog() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(|| {
        let (sv, en) = (load(include_str!("../../locales/sv.toml")), load(include_str!("../../locales/en.toml")));
        let (sv_fluent, sv_ready, _) = bundle(Lang::Sv, &sv);
        let (en_fluent, en_ready, _) = bundle(Lang::En, &en);
        Catalog { sv, en, sv_fluent, en_fluent, sv_ready, en_ready }
    })
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

    /// The text of `key` formatted by Fluent with `args`: a value that is a whole number is a
    /// number (plural forms choose by it; large ones are grouped), anything else text. Most
    /// keys are written from their ready pieces; the rest (and a missing argument) by Fluent.
    pub fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.ready_written(key, 64, |out, pieces, lang| write_ready(out, pieces, args, lang)).unwrap_or_else(|| self.fluent(key, args))
    }

    /// [`Tr::tf`] with whole numbers for arguments ("3 av 12", "5 dagar försenad"), written
    /// without making a text of each number and reading it back (a follow-up page writes
    /// thousands).
    pub fn tfn(&self, key: &str, args: &[(&str, i64)]) -> String {
        self.ready_written(key, 32, |out, pieces, lang| write_ready_n(out, pieces, args, lang)).unwrap_or_else(|| {
            let texts: Vec<(&str, String)> = args.iter().map(|(k, v)| (*k, v.to_string())).collect();
            let args: Vec<(&str, &str)> = texts.iter().map(|(k, v)| (*k, v.as_str())).collect();
            self.fluent(key, &args)
        })
    }

    /// `key`'s ready message (in this language, else in Swedish) written by `write`; `None`
    /// where Fluent must write it (a key not ready or unknown, a missing argument).
    fn ready_written(&self, key: &str, capacity: usize, write: impl FnOnce(&mut String, &[Piece], Lang) -> Option<()>) -> Option<String> {
        let c = catalog();
        let (own, own_lang) = if self.lang == Lang::En { (&c.en_ready, Lang::En) } else { (&c.sv_ready, Lang::Sv) };
        let (found, lang) = own.get(key).map(|r| (r, own_lang)).or_else(|| c.sv_ready.get(key).map(|r| (r, Lang::Sv)))?;
        let Ready::Pieces(pieces) = found else { return None };
        let mut out = String::with_capacity(capacity);
        write(&mut out, pieces, lang).map(|()| out)
    }

    /// [`Tr::tf`] by Fluent's resolver alone.
    fn fluent(&self, key: &str, args: &[(&str, &str)]) -> String {
        let c = catalog();
        let id = fluent_id(key);
        let own = if self.lang == Lang::En { &c.en_fluent } else { &c.sv_fluent };
        let found = own.get_message(&id).map(|m| (own, m)).or_else(|| c.sv_fluent.get_message(&id).map(|m| (&c.sv_fluent, m)));
        let Some((b, pattern)) = found.and_then(|(b, m)| m.value().map(|p| (b, p))) else {
            return self.t(key).to_owned();
        };
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            match number(v) {
                Some(n) => fa.set(*k, FluentValue::from(n)),
                None => fa.set(*k, FluentValue::from(*v)),
            }
        }
        let mut errors = vec![];
        let out = b.format_pattern(pattern, Some(&fa), &mut errors);
        if !errors.is_empty() {
            tracing::warn!(key, errors = ?errors, "a catalogue string lacks an argument");
        }
        out.into_owned()
    }

    /// `key` with a count `n` (plural forms choose by it).
    pub fn count(&self, key: &str, n: i64) -> String {
        self.tfn(key, &[("n", n)])
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
        use chrono::Datelike;
        // Written out directly: chrono's `format` parses its pattern at every call, and a
        // list page writes a date per row.
        if (0..=9999).contains(&d.year()) {
            let mut s = String::with_capacity(10);
            varn_domain::incident::digits(&mut s, d.year().unsigned_abs(), 4);
            s.push('-');
            varn_domain::incident::digits(&mut s, d.month(), 2);
            s.push('-');
            varn_domain::incident::digits(&mut s, d.day(), 2);
            s
        } else {
            d.format("%Y-%m-%d").to_string()
        }
    }

    /// A date written out for a sentence: "20 november 2026", "20 November 2026".
    pub fn long_date(&self, d: &chrono::NaiveDate) -> String {
        use chrono::Datelike;
        self.tfn("fmt.long_date", &[("day", i64::from(d.day())), ("month", i64::from(d.month())), ("year", i64::from(d.year()))])
    }

    /// Formats a time stamp in Swedish local time (Europe/Stockholm, summer time included).
    pub fn datetime(&self, d: &chrono::DateTime<chrono::Utc>) -> String {
        varn_domain::incident::local_text(*d, false)
    }

    /// Like [`Tr::datetime`], with seconds (audit log).
    pub fn datetime_secs(&self, d: &chrono::DateTime<chrono::Utc>) -> String {
        varn_domain::incident::local_text(*d, true)
    }
}

mod ready;
use ready::Piece;
use ready::{number, ready, write_ready, write_ready_n, Ready, ReadyMap};

#[cfg(test)]
mod tests;
