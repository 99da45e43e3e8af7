//! An audit row in words for an auditor: "Status: utkast → på remiss", the object by its title
//! with a link, field names and codes from the catalogue; the raw JSON stays behind "visa
//! tekniska detaljer".

use crate::i18n::Tr;
use serde_json::Value;

/// One field that changed (or was set, or removed), in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The field's name.
    pub field: String,
    /// Before (none: it did not exist).
    pub before: Option<String>,
    /// After (none: removed).
    pub after: Option<String>,
}

/// Keys that are for machines (hashes, ids of rows already named): in the technical details only.
fn technical(key: &str) -> bool {
    key.ends_with("sha256") || key.ends_with("hash") || key == "id" || key == "task_id" || key == "tasks"
}

/// The catalogue segment a field's coded values are labelled under.
fn code_segment(key: &str) -> &str {
    match key {
        "deciding_body" => "body",
        "state" => "vstate",
        "doc_type" => "type",
        other => other,
    }
}

/// The module prefix of an entity type's labels.
fn module(entity: &str) -> &str {
    match entity {
        "document" => "doc",
        "org_unit" => "org",
        "user" => "users",
        other => other,
    }
}

/// A field's name: its label, else the key as written.
pub fn field_name(tr: Tr, key: &str) -> String {
    let k = format!("audit.field.{key}");
    if tr.has(&k) {
        tr.t(&k).to_owned()
    } else {
        key.replace('_', " ")
    }
}

/// A value in words: a code by its label, yes/no, "uppgift saknas", long text shortened.
pub fn value_words(tr: Tr, entity: &str, key: &str, v: &Value) -> String {
    match v {
        Value::Null => tr.t("common.missing").to_owned(),
        Value::Bool(true) => tr.t("common.yes").to_owned(),
        Value::Bool(false) => tr.t("common.no").to_owned(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => {
            // A time stamp in the city's time, not as stored.
            if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
                return tr.datetime(&t.with_timezone(&chrono::Utc));
            }
            let seg = code_segment(key);
            for k in [format!("{}.{seg}.{s}", module(entity)), format!("{seg}.{s}"), format!("audit.val.{seg}.{s}")] {
                if tr.has(&k) {
                    return tr.t(&k).to_owned();
                }
            }
            let mut out: String = s.chars().take(160).collect();
            if s.chars().count() > 160 {
                out.push('…');
            }
            out
        }
        Value::Array(a) => a.iter().map(|x| value_words(tr, entity, key, x)).collect::<Vec<_>>().join(", "),
        Value::Object(_) => v.to_string(),
    }
}

fn parse(j: &Option<String>) -> Option<Value> {
    j.as_deref().and_then(|s| serde_json::from_str(s).ok())
}

/// What changed, in words: with both sides, the keys whose value differs; with one side, all.
pub fn changes(tr: Tr, entity: &str, before: &Option<String>, after: &Option<String>) -> Vec<Change> {
    let (b, a) = (parse(before), parse(after));
    let empty = serde_json::Map::new();
    let bm = match &b {
        Some(Value::Object(m)) => m,
        _ => &empty,
    };
    let am = match &a {
        Some(Value::Object(m)) => m,
        _ => &empty,
    };
    // An id beside the thing's name ("authority_id" beside "authority") says nothing more.
    let named = |k: &str| k.strip_suffix("_id").is_some_and(|base| bm.contains_key(base) || am.contains_key(base));
    let mut keys: Vec<&String> = bm.keys().chain(am.keys()).filter(|k| !technical(k) && !named(k)).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| bm.get(*k) != am.get(*k))
        .map(|k| Change {
            field: field_name(tr, k),
            before: bm.get(k).map(|v| value_words(tr, entity, k, v)),
            after: am.get(k).map(|v| value_words(tr, entity, k, v)),
        })
        .collect()
}

/// The object's title as the row names it (its title or name, before or after).
pub fn title(before: &Option<String>, after: &Option<String>) -> Option<String> {
    for j in [after, before] {
        if let Some(Value::Object(m)) = parse(j) {
            for k in ["title", "name", "display_name", "username"] {
                if let Some(Value::String(s)) = m.get(k) {
                    return Some(s.clone());
                }
            }
        }
    }
    None
}

/// Where the object is, for the entity types that have a page.
pub fn link(entity: &str, id: Option<i64>) -> Option<String> {
    let id = id?;
    let base = match entity {
        "org_unit" => "/org",
        "user" => "/users",
        "document" => "/documents",
        "asset" => "/assets",
        "carrier" => "/carriers",
        "incident" => "/incidents",
        "authority" => "/authorities",
        _ => return None,
    };
    Some(format!("{base}/{id}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, Tr};

    #[test]
    fn a_status_change_reads_in_words() {
        let sv = Tr::new(Lang::Sv);
        let b = Some(r#"{"status":"utkast","text_sha256":"ab12","title":"Riktlinje"}"#.to_owned());
        let a = Some(r#"{"status":"pa_remiss","text_sha256":"cd34","title":"Riktlinje"}"#.to_owned());
        let c = changes(sv, "document", &b, &a);
        assert_eq!(c.len(), 1, "only what changed, hashes left to the details: {c:?}");
        assert_eq!(c[0].field, "Status");
        assert_eq!((c[0].before.as_deref(), c[0].after.as_deref()), (Some("utkast"), Some("på remiss")), "{c:?}");
        assert_eq!(title(&b, &a).as_deref(), Some("Riktlinje"));
        assert_eq!(link("document", Some(7)).as_deref(), Some("/documents/7"));
        assert_eq!(link("task", Some(7)), None);
    }

    #[test]
    fn codes_flags_and_blanks_are_words_in_each_language() {
        let (sv, en) = (Tr::new(Lang::Sv), Tr::new(Lang::En));
        let a = Some(r#"{"kind":"enhet","active":false,"head_user_id":null,"role":"medarbetare","unit":"Hemtjänst","unit_id":7,"at":"2026-08-27T09:30:00Z"}"#.to_owned());
        let c = changes(sv, "org_unit", &None, &a);
        let get = |f: &str| c.iter().find(|x| x.field == f).and_then(|x| x.after.clone());
        assert_eq!(get("Typ av enhet").as_deref(), Some("Enhet"), "{c:?}");
        assert_eq!(get("Aktiv").as_deref(), Some("Nej"), "{c:?}");
        assert_eq!(get("Chef").as_deref(), Some("uppgift saknas"), "{c:?}");
        assert_eq!(get("Roll").as_deref(), Some("Medarbetare"), "{c:?}");
        assert_eq!(get("Tidpunkt").as_deref(), Some("2026-08-27 11:30"), "Stockholm's time: {c:?}");
        assert!(c.iter().all(|x| !x.field.contains("(nr)")), "the unit by name, not also its number: {c:?}");
        let c = changes(en, "org_unit", &None, &a);
        assert!(c.iter().any(|x| x.field == "Active" && x.after.as_deref() == Some("No")), "{c:?}");
    }
}
