//! The audit log page: filter by user, entity and date; export.

use super::audit_words as words;
use super::list::spec::off_runtime;
use super::list::{download, export_slot, ListQuery, ListView};
use crate::ctx::{Ctx, PageResult};
use crate::shell::{render, Shell};
use crate::AppState;
use askama::Template;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use serde_json::Value;
use varn_app::export::Table;
use varn_store::entity::audit_log::Model as AuditRow;
use varn_store::repo::audit::AuditFilter;

pub fn routes() -> Router<AppState> {
    Router::new().route("/audit", get(page))
}

/// An audit row as shown: in words, with the raw before and after for the technical details.
pub struct Row {
    id: i64,
    when: String,
    /// Who acted: their name today, else the sign-in name the row recorded.
    actor: String,
    /// The sign-in name the row recorded, shown under the name when there is one.
    login: Option<String>,
    action: String,
    entity: String,
    /// The object's title, when the row names it.
    title: Option<String>,
    /// Its page, for the kinds that have one.
    link: Option<String>,
    /// What changed, each line "Field: before → after".
    changes: Vec<String>,
    before: String,
    after: String,
}

/// A row's before and after, each read from its JSON once for the whole page.
type Json = (Option<Value>, Option<Value>);

fn parsed(r: &AuditRow) -> Json {
    (words::parse(&r.before_json), words::parse(&r.after_json))
}

/// Before and after as `key: value` lines; when both exist, only the keys that changed.
/// Each key is looked up once, in the other object (it was looked up in both, for each side:
/// four lookups a key, a fifth of the audit log's page with its 50 rows' objects).
fn changes(before: Option<&Value>, after: Option<&Value>) -> (String, String) {
    fn lines(m: &serde_json::Map<String, Value>, other: Option<&serde_json::Map<String, Value>>) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        for (k, v) in m {
            if other.is_some_and(|o| o.get(k) == Some(v)) {
                continue;
            }
            if !out.is_empty() {
                out.push('\n');
            }
            let _ = write!(out, "{k}: {v}");
        }
        out
    }
    let whole = |v: &Value| match v {
        Value::Object(m) => lines(m, None),
        other => other.to_string(),
    };
    match (before, after) {
        (Some(Value::Object(bm)), Some(Value::Object(am))) => (lines(bm, Some(am)), lines(am, Some(bm))),
        (b, a) => (b.map(whole).unwrap_or_default(), a.map(whole).unwrap_or_default()),
    }
}

fn when(tr: crate::i18n::Tr, us: i64) -> String {
    chrono::DateTime::from_timestamp_micros(us).map(|d| tr.datetime_secs(&d)).unwrap_or_default()
}

/// The names the page's rows refer to: people and units read in one batch, the incident
/// rules' codes (duties, reports, types) from the files loaded at start.
async fn names(ctx: &Ctx, actor: &varn_app::Actor, rows: &[AuditRow], json: &[Json]) -> Result<words::Names, varn_app::AppError> {
    let app = &ctx.state.app;
    let (mut users, units) = if json.len() == rows.len() {
        words::ids(
            rows.iter().zip(json).flat_map(|(r, (b, a))| [(r.entity_type.as_str(), b.as_ref()), (r.entity_type.as_str(), a.as_ref())]),
        )
    } else {
        // An export (up to 100 000 rows): each row parsed on its own, not all held at once.
        let (mut users, mut units) = (Vec::new(), Vec::new());
        for r in rows {
            let (b, a) = parsed(r);
            let (u, n) = words::ids([(r.entity_type.as_str(), b.as_ref()), (r.entity_type.as_str(), a.as_ref())].into_iter());
            users.extend(u);
            units.extend(n);
        }
        units.sort_unstable();
        units.dedup();
        (users, units)
    };
    // Who acted, by name: the row keeps the sign-in name they had then; and the person a row
    // about a person concerns, when it does not name them (a sign-in).
    users.extend(rows.iter().filter_map(|r| r.actor_id));
    users.extend(rows.iter().filter(|r| r.entity_type == "user").filter_map(|r| r.entity_id));
    users.sort_unstable();
    users.dedup();
    let (users, units) = app.audit_names(actor, users, units).await?;
    let mut codes = std::collections::HashMap::new();
    let incidents = rows.iter().any(|r| r.entity_type == "incident");
    if incidents {
        let (rules, lang) = (app.incidents().rules(), ctx.lang.code());
        for r in &rules.regimes.regimes {
            codes.insert(format!("regime.{}", r.code), r.name.get(lang).to_owned());
            for d in &r.reports {
                codes.entry(format!("report.{}", d.code)).or_insert_with(|| d.name.get(lang).to_owned());
            }
        }
        for t in &rules.types.types {
            codes.insert(format!("type_code.{}", t.code), t.name.get(lang).to_owned());
        }
    }
    Ok(words::Names { users, units, codes })
}

/// The parts as one text, without `format!` (several per row of the log).
fn joined(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}

fn row(ctx: &Ctx, names: &words::Names, r: AuditRow, (b, a): Json) -> Row {
    let (b, a) = (b.as_ref(), a.as_ref());
    let action_key = joined(&["audit.act.", &r.action]);
    let action = match ctx.tr.t(&action_key) {
        t if t == action_key => r.action.clone(),
        t => t.to_owned(),
    };
    let entity_key = joined(&["audit.ent.", &r.entity_type]);
    let entity_label = ctx.tr.t(&entity_key);
    let entity = match r.entity_id {
        Some(id) => joined(&[entity_label, " ", &id.to_string()]),
        None => entity_label.to_owned(),
    };
    let tr = ctx.tr;
    let in_words: Vec<String> = words::changes(tr, names, &r.entity_type, b, a)
        .into_iter()
        .map(|c| {
            let what = match (&c.before, &c.after) {
                (Some(b), Some(a)) => tr.tf("audit.arrow", &[("before", b), ("after", a)]),
                (None, Some(a)) => tr.tf("audit.set", &[("after", a)]),
                (Some(b), None) => tr.tf("audit.removed", &[("before", b)]),
                (None, None) => String::new(),
            };
            joined(&[&c.field, ": ", &what])
        })
        .collect();
    let title = words::title(b, a)
        .or_else(|| (r.entity_type == "user").then(|| r.entity_id.and_then(|id| names.users.get(&id).cloned())).flatten());
    let link = words::link(&r.entity_type, r.entity_id);
    let (before, after) = changes(b, a);
    let (actor, login) = match r.actor_id.and_then(|id| names.users.get(&id)) {
        Some(name) if *name != r.actor_name => (name.clone(), Some(r.actor_name.clone())),
        _ => (r.actor_name.clone(), None),
    };
    Row {
        id: r.id,
        when: when(tr, r.at_us),
        actor,
        login,
        action,
        entity: entity.trim().to_owned(),
        title,
        link,
        changes: in_words,
        before,
        after,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_changed_keys_are_shown() {
        let b = Some(r#"{"name":"A","kind":"enhet","active":true}"#.to_owned());
        let a = Some(r#"{"name":"B","kind":"enhet","active":true}"#.to_owned());
        let (b, a) = (super::words::parse(&b), super::words::parse(&a));
        assert_eq!(super::changes(b.as_ref(), a.as_ref()), ("name: \"A\"".to_owned(), "name: \"B\"".to_owned()));
        let (x, y) = super::changes(None, a.as_ref());
        assert_eq!(x, "");
        assert!(y.contains("kind: \"enhet\"") && y.contains("name: \"B\""));
        // A key on one side only is a change on that side; each change on its own line.
        let b = Some(r#"{"a":1,"gone":2,"same":3}"#.to_owned());
        let a = Some(r#"{"a":5,"new":4,"same":3}"#.to_owned());
        let (b, a) = (super::words::parse(&b), super::words::parse(&a));
        assert_eq!(super::changes(b.as_ref(), a.as_ref()), ("a: 1\ngone: 2".to_owned(), "a: 5\nnew: 4".to_owned()));
        // Not an object: the value whole.
        assert_eq!(super::changes(Some(&serde_json::json!(7)), None), ("7".to_owned(), String::new()));
    }
}

#[derive(Template)]
#[template(path = "audit.html")]
struct Page {
    shell: Shell,
    view: ListView,
    rows: Vec<Row>,
    entities: Vec<(&'static str, String)>,
    errors: FilterErrors,
}

#[derive(Template)]
#[template(path = "_audit_partial.html")]
struct Partial {
    shell: Shell,
    view: ListView,
    rows: Vec<Row>,
    errors: FilterErrors,
}

/// The filters that could not be used, by field (`user`, `from`, `to`), with the message shown
/// at the field and, inside the results that htmx swaps in, as a list linking to it.
#[derive(Debug, Default)]
struct FilterErrors(Vec<(&'static str, String)>);

impl FilterErrors {
    /// The message at field `f`, if it has one.
    fn e(&self, f: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| *k == f).map(|(_, m)| m.as_str())
    }
}

fn day_us(s: &str) -> Option<i64> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?.and_hms_opt(0, 0, 0).map(|d| d.and_utc().timestamp_micros())
}

async fn page(ctx: Ctx, Query(q): Query<ListQuery>) -> PageResult {
    let actor = ctx.actor()?;
    let _slot = export_slot(&ctx.state, &q).await;
    let app = &ctx.state.app;
    let entities = varn_app::modules::audit_entities();
    let mut f = AuditFilter { entity_type: q.filter("entity").filter(|e| entities.contains(e)).map(str::to_owned), ..Default::default() };
    f.sign_ins = match q.filter("show") {
        Some("sign_ins") => Some(true),
        Some("changes") => Some(false),
        _ => None,
    };
    let mut errors = FilterErrors::default();
    if let Some(u) = q.filter("user") {
        match app.user_id_by_username(u).await? {
            Some(id) => f.actor_id = Some(id),
            None => {
                errors.0.push(("user", ctx.tr.t("err.user.unknown").to_owned()));
                f.actor_id = Some(-1);
            }
        }
    }
    for (k, slot, add_day) in [("from", &mut f.from_us, false), ("to", &mut f.to_us, true)] {
        if let Some(v) = q.filter(k) {
            match day_us(v) {
                Some(us) => *slot = Some(if add_day { us + 86_400_000_000 } else { us }),
                None => errors.0.push((k, ctx.tr.t("err.date_invalid").to_owned())),
            }
        }
    }
    let mut params = q.params();
    // "Inloggning" finds the sign-ins: the words shown, not only the codes.
    f.actions_labelled = params.q.as_deref().map(|w| ctx.tr.codes_labelled("audit.act.", w)).unwrap_or_default();
    varn_app::check_page(params.page)?;
    params.dir = varn_app::Dir::Desc;
    if q.export().is_some() {
        // An export is for a period or a person; the newest 100 000 rows at most.
        params.per_page = Some(100_000);
    }
    let page = match q.export() {
        // Up to 100 000 rows: read off the runtime's threads, like an export's chunks.
        Some(_) => {
            let (app, actor, f, params) = (app.clone(), actor.clone(), f.clone(), params.clone());
            off_runtime(&ctx.state.export_chunks, async move { app.audit_list(&actor, &f, &params).await }).await?
        }
        None => app.audit_list(actor, &f, &params).await?,
    };
    // A page's rows parsed once for everything it shows; an export's row by row as written.
    let json: Vec<Json> = if q.export().is_some() { Vec::new() } else { page.items.iter().map(parsed).collect() };
    let names = names(&ctx, actor, &page.items, &json).await?;
    if let Some(fmt) = q.export() {
        let t = ctx.tr;
        let table = Table {
            headers: [
                "#",
                "audit.when",
                "audit.user",
                "audit.action",
                "audit.entity",
                "audit.object",
                "audit.change",
                "audit.before",
                "audit.after",
                "audit.hash",
            ]
            .iter()
            .map(|k| t.t(k).to_owned())
            .collect(),
            rows: page
                .items
                .into_iter()
                .map(|r| {
                    let hash = r.hash.clone();
                    let j = parsed(&r);
                    let x = row(&ctx, &names, r, j);
                    vec![
                        x.id.to_string(),
                        x.when,
                        match x.login {
                            Some(l) => format!("{} ({l})", x.actor),
                            None => x.actor,
                        },
                        x.action,
                        x.entity,
                        x.title.unwrap_or_default(),
                        x.changes.join("\n"),
                        x.before,
                        x.after,
                        hash,
                    ]
                })
                .collect(),
        };
        return Ok(off_runtime(&ctx.state.export_chunks, async move { Ok(download(&table, fmt, "granskningslogg")) }).await?);
    }
    let view = ListView::for_page("/audit", &q, &page);
    let rows = page.items.into_iter().zip(json).map(|(r, j)| row(&ctx, &names, r, j)).collect();
    if ctx.htmx {
        return Ok(render(&Partial { shell: ctx.shell("audit.heading"), view, rows, errors }, StatusCode::OK));
    }
    let entities = entities.iter().map(|e| (*e, ctx.tr.t(&format!("audit.ent.{e}")).to_owned())).collect();
    Ok(render(&Page { shell: ctx.shell("audit.heading"), view, rows, entities, errors }, StatusCode::OK))
}
