//! An audit row in words for an auditor: "Status: utkast → på remiss", the object by its title
//! with a link, field names and codes from the catalogue; the raw JSON stays behind "visa
//! tekniska detaljer".

use crate::i18n::Tr;
use serde_json::Value;
use std::collections::HashMap;

/// What the rows of one page refer to by id or code, read once for the page: people and
/// units by name, the data files' codes (a reporting duty, its report) by their names.
#[derive(Debug, Default)]
pub struct Names {
    /// People by user id.
    pub users: HashMap<i64, String>,
    /// Units by id.
    pub units: HashMap<i64, String>,
    /// A code's name in the user's language, keyed `regime.<code>` or `report.<code>`.
    pub codes: HashMap<String, String>,
}

/// What a field's number stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refers {
    /// A person (a handler, a head, an owner).
    User,
    /// A unit of the organisation.
    Unit,
}

/// Whether a field's numbers are people's or units' ids (where "unit" or "owner" is a name
/// instead, the value is text and stays as written).
pub fn refers(entity: &str, key: &str) -> Option<Refers> {
    if matches!(key, "user_id" | "security_contact_id" | "user" | "owner" | "person" | "people") || key.ends_with("_user_id") {
        Some(Refers::User)
    } else if matches!(key, "unit_id" | "unit" | "applies_to") || key.ends_with("_unit_id") || (key == "parent_id" && entity == "org_unit")
    {
        Some(Refers::Unit)
    } else {
        None
    }
}

/// The ids of people and units that these rows' before and after name, each once.
pub fn ids<'a>(rows: impl Iterator<Item = (&'a str, Option<&'a Value>)>) -> (Vec<i64>, Vec<i64>) {
    let (mut users, mut units) = (Vec::new(), Vec::new());
    for (entity, j) in rows {
        if let Some(Value::Object(m)) = j {
            for (k, v) in m {
                let to = match refers(entity, k) {
                    Some(Refers::User) => &mut users,
                    Some(Refers::Unit) => &mut units,
                    None => continue,
                };
                match v {
                    Value::Array(a) => to.extend(a.iter().filter_map(Value::as_i64)),
                    v => to.extend(v.as_i64()),
                }
            }
        }
    }
    for v in [&mut users, &mut units] {
        v.sort_unstable();
        v.dedup();
    }
    (users, units)
}

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
    // A unit's path is its ancestors' ids ("/1/40/"); its parent is named beside it.
    key.ends_with("sha256") || key.ends_with("hash") || matches!(key, "id" | "task_id" | "tasks" | "path")
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

/// A value in words: a person or unit by name, a code by its label, yes/no, "uppgift
/// saknas", long text shortened.
pub fn value_words(tr: Tr, names: &Names, entity: &str, key: &str, v: &Value) -> String {
    match v {
        Value::Null => tr.t("common.missing").to_owned(),
        Value::Bool(true) => tr.t("common.yes").to_owned(),
        Value::Bool(false) => tr.t("common.no").to_owned(),
        Value::Number(n) => {
            let of = match refers(entity, key) {
                Some(Refers::User) => &names.users,
                Some(Refers::Unit) => &names.units,
                None => return n.to_string(),
            };
            match n.as_i64().and_then(|id| of.get(&id)) {
                Some(name) => name.clone(),
                // Removed since: the number, said to be gone.
                None => tr.tf("audit.val.gone", &[("id", &n.to_string())]),
            }
        }
        Value::String(s) => {
            // A duty, its report or an incident type by its name in the rules' files.
            if matches!(key, "regime" | "report" | "type_code") {
                if let Some(name) = names.codes.get(&format!("{key}.{s}")) {
                    return name.clone();
                }
            }
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
        Value::Array(a) => a.iter().map(|x| value_words(tr, names, entity, key, x)).collect::<Vec<_>>().join(", "),
        Value::Object(_) => v.to_string(),
    }
}

/// A row's before or after as JSON, read once for everything the page shows of it (none: not
/// there, or not JSON).
pub fn parse(j: &Option<String>) -> Option<Value> {
    j.as_deref().and_then(|s| serde_json::from_str(s).ok())
}

/// What changed, in words: with both sides, the keys whose value differs; with one side, all.
pub fn changes(tr: Tr, names: &Names, entity: &str, before: Option<&Value>, after: Option<&Value>) -> Vec<Change> {
    let empty = serde_json::Map::new();
    let bm = match before {
        Some(Value::Object(m)) => m,
        _ => &empty,
    };
    let am = match after {
        Some(Value::Object(m)) => m,
        _ => &empty,
    };
    // An id beside the thing's name ("authority_id" beside "authority", "responsible_user_id"
    // beside "responsible") says nothing more.
    let has = |k: &str| bm.contains_key(k) || am.contains_key(k);
    let named = |k: &str| {
        ["_user_id", "_unit_id", "_id"].iter().any(|suffix| k.strip_suffix(suffix).is_some_and(|base| !base.is_empty() && has(base)))
    };
    let mut keys: Vec<&String> = bm.keys().chain(am.keys()).filter(|k| !technical(k) && !named(k)).collect();
    // What the row is about first ("Regelverk: Lex Sarah", then whether the duty applies).
    keys.sort_by_key(|k| (!matches!(k.as_str(), "regime" | "report"), *k));
    keys.dedup();
    keys.into_iter()
        .filter(|k| bm.get(*k) != am.get(*k))
        .map(|k| Change {
            field: field_name(tr, k),
            before: bm.get(k).map(|v| value_words(tr, names, entity, k, v)),
            after: am.get(k).map(|v| value_words(tr, names, entity, k, v)),
        })
        .collect()
}

/// The object's title as the row names it (its title or name, before or after).
pub fn title(before: Option<&Value>, after: Option<&Value>) -> Option<String> {
    for j in [after, before] {
        if let Some(Value::Object(m)) = j {
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
        let (b, a) = (parse(&b), parse(&a));
        let c = changes(sv, &Names::default(), "document", b.as_ref(), a.as_ref());
        assert_eq!(c.len(), 1, "only what changed, hashes left to the details: {c:?}");
        assert_eq!(c[0].field, "Status");
        assert_eq!((c[0].before.as_deref(), c[0].after.as_deref()), (Some("utkast"), Some("på remiss")), "{c:?}");
        assert_eq!(title(b.as_ref(), a.as_ref()).as_deref(), Some("Riktlinje"));
        assert_eq!(link("document", Some(7)).as_deref(), Some("/documents/7"));
        assert_eq!(link("task", Some(7)), None);
    }

    #[test]
    fn people_units_and_duties_read_by_name() {
        let sv = Tr::new(Lang::Sv);
        let rows = [
            ("incident", Some(r#"{"handler_user_id":3,"unit_id":9,"title":"Nätfiske"}"#.to_owned())),
            ("incident", Some(r#"{"handler_user_id":4,"unit_id":12,"title":"Nätfiske"}"#.to_owned())),
            ("org_unit", Some(r#"{"parent_id":9,"head_user_id":3,"name":"Hemtjänst"}"#.to_owned())),
            ("asset", Some(r#"{"parent_id":5,"asset_id":7}"#.to_owned())),
            ("document", Some(r#"{"unit":14,"people":[4,6],"parent":8,"role":"medarbetare"}"#.to_owned())),
            ("user", Some(r#"{"unit":"Hemtjänsten Norr","role":"chef"}"#.to_owned())),
        ];
        let rows = rows.map(|(e, j)| (e, parse(&j)));
        let (users, units) = ids(rows.iter().map(|(e, j)| (*e, j.as_ref())));
        assert_eq!((users, units), (vec![3, 4, 6], vec![9, 12, 14]), "each once; an asset's or a document's parent is not a unit");
        let mut names = Names::default();
        names.users.insert(3, "Sara Lindqvist".into());
        names.users.insert(4, "Erik Holm".into());
        names.units.insert(9, "Hemtjänsten Norr".into());
        names.codes.insert("regime.lex_sarah".into(), "Lex Sarah".into());
        let c = changes(sv, &names, "incident", rows[0].1.as_ref(), rows[1].1.as_ref());
        let get = |f: &str| c.iter().find(|x| x.field == f).map(|x| (x.before.clone(), x.after.clone()));
        assert_eq!(get("Handläggare"), Some((Some("Sara Lindqvist".into()), Some("Erik Holm".into()))), "{c:?}");
        assert_eq!(get("Enhet"), Some((Some("Hemtjänsten Norr".into()), Some("nr 12, finns inte längre".into()))), "{c:?}");
        let duty = Some(r#"{"regime":"lex_sarah","applies":true,"responsible":"Sara Lindqvist","responsible_user_id":3}"#.to_owned());
        let c = changes(sv, &names, "incident", None, parse(&duty).as_ref());
        assert!(c[0].field == "Regelverk" && c[0].after.as_deref() == Some("Lex Sarah"), "the duty first: {c:?}");
        assert!(c.iter().all(|x| x.field != "Ansvarig person"), "the person's id beside their name says nothing more: {c:?}");
        names.users.insert(6, "Karin Berg".into());
        let c = changes(sv, &names, "document", None, rows[4].1.as_ref());
        assert!(c.iter().any(|x| x.field == "Personer" && x.after.as_deref() == Some("Erik Holm, Karin Berg")), "{c:?}");
        let c = changes(sv, &names, "user", None, rows[5].1.as_ref());
        assert!(c.iter().any(|x| x.after.as_deref() == Some("Hemtjänsten Norr")), "a unit already named stays: {c:?}");
        let unknown = Some(r#"{"regime":"ny_lag"}"#.to_owned());
        let c = changes(sv, &names, "incident", None, parse(&unknown).as_ref());
        assert_eq!(c[0].after.as_deref(), Some("ny_lag"), "a code no longer in the file as written");
    }

    #[test]
    fn codes_flags_and_blanks_are_words_in_each_language() {
        let (sv, en) = (Tr::new(Lang::Sv), Tr::new(Lang::En));
        let a = Some(r#"{"kind":"enhet","active":false,"head_user_id":null,"role":"medarbetare","unit":"Hemtjänst","unit_id":7,"at":"2026-08-27T09:30:00Z"}"#.to_owned());
        let c = changes(sv, &Names::default(), "org_unit", None, parse(&a).as_ref());
        let get = |f: &str| c.iter().find(|x| x.field == f).and_then(|x| x.after.clone());
        assert_eq!(get("Typ av enhet").as_deref(), Some("Enhet"), "{c:?}");
        assert_eq!(get("Aktiv").as_deref(), Some("Nej"), "{c:?}");
        assert_eq!(get("Chef").as_deref(), Some("uppgift saknas"), "{c:?}");
        assert_eq!(get("Roll").as_deref(), Some("Medarbetare"), "{c:?}");
        assert_eq!(get("Tidpunkt").as_deref(), Some("2026-08-27 11:30"), "Stockholm's time: {c:?}");
        assert!(c.iter().all(|x| !x.field.contains("(nr)")), "the unit by name, not also its number: {c:?}");
        let c = changes(en, &Names::default(), "org_unit", None, parse(&a).as_ref());
        assert!(c.iter().any(|x| x.field == "Active" && x.after.as_deref() == Some("No")), "{c:?}");
    }
}
