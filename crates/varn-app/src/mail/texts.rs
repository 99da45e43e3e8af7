//! The mail texts (`data/mail/messages.yaml`), in both languages, filled in per person.

use crate::AppError;
use std::collections::BTreeMap;
use varn_domain::asset::Text;

/// One message's subject and body.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Entry {
    /// Subject line.
    pub subject: Text,
    /// Plain-text body.
    pub body: Text,
}

/// The file: every message by key, and the words messages name by code.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Texts {
    messages: BTreeMap<String, Entry>,
    #[serde(default)]
    labels: BTreeMap<String, Text>,
}

/// The keys the code sends: the file must have each.
const KEYS: [&str; 5] = ["incident_reported", "incident_deadline", "incident_escalated", "incident_breach", "digest"];

impl Texts {
    /// Parses and checks the messages file.
    pub fn parse(yaml: &str) -> Result<Self, AppError> {
        let t: Texts = serde_yaml::from_str(yaml).map_err(|e| AppError::Internal(format!("mail texts: {e}")))?;
        if let Some(k) = KEYS.iter().find(|k| !t.messages.contains_key(**k)) {
            return Err(AppError::Internal(format!("mail texts: {k} is missing")));
        }
        Ok(t)
    }

    /// The file as shipped.
    pub fn builtin() -> Result<Self, AppError> {
        Self::parse(include_str!("../../../../data/mail/messages.yaml"))
    }

    /// Subject and body of `key` in `lang` with `{name}`s filled in; a value `@label`
    /// is the label's word in `lang`.
    pub fn render(&self, key: &str, lang: &str, args: &[(&str, String)]) -> (String, String) {
        let Some(e) = self.messages.get(key) else { return (key.to_owned(), String::new()) };
        let word = |v: &String| match v.strip_prefix('@').and_then(|l| self.labels.get(l)) {
            Some(t) => t.get(lang).to_owned(),
            None => v.clone(),
        };
        let fill = |s: &str| args.iter().fold(s.to_owned(), |acc, (k, v)| acc.replace(&format!("{{{k}}}"), &word(v)));
        (fill(e.subject.get(lang)), fill(e.body.get(lang)))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn every_message_is_there_in_both_languages_and_fills_in() {
        let t = Texts::builtin().unwrap();
        let args = [("title", "Nätfiske".to_owned()), ("reporter", "Lisa".to_owned()), ("unit", "IFO".to_owned())];
        let (s, b) = t.render("incident_reported", "sv", &args);
        assert_eq!(s, "Ny incidentrapport: Nätfiske");
        assert!(b.starts_with("Lisa har rapporterat en incident i IFO."), "{b}");
        let (s, _) = t.render("incident_reported", "en", &args);
        assert_eq!(s, "New incident report: Nätfiske");
        let (s, _) = t.render("incident_escalated", "en", &[("level", "@level.kris".to_owned()), ("title", "X".to_owned())]);
        assert_eq!(s, "Crisis: X");
        assert!(
            Texts::parse("messages: {digest: {subject: {sv: a, en: b}, body: {sv: c, en: d}}}").is_err(),
            "a missing key stops the start"
        );
    }
}
