//! Informationstillgångar: registering, classifying through the model's questions, the
//! handlingsplan, carriers and their dependencies, who sees and changes what, through the
//! API and the pages, each case on each database.

mod api;
mod import;
mod scope;

use crate::authz::Call;
use crate::helpers::*;
use reqwest::Method;
use serde_json::{json, Value};

/// The id of a demo asset by its exact name, as the samordnare sees it.
pub async fn asset_id(t: &TestApp, name: &str) -> i64 {
    let api = api_as(t, "sara.lindqvist").await;
    let q = name.split_whitespace().next().unwrap_or(name);
    let (s, v) = api.call(Method::GET, &format!("/api/v1/assets?limit=100&q={}", urlencode(q)), None).await;
    assert_eq!(s, 200, "{v}");
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == name)
        .and_then(|a| a["id"].as_i64())
        .unwrap_or_else(|| panic!("no asset {name}"))
}

/// The id of a demo carrier by its exact name.
pub async fn carrier_id(t: &TestApp, name: &str) -> i64 {
    let api = api_as(t, "sara.lindqvist").await;
    let q = name.split_whitespace().next().unwrap_or(name);
    let (s, v) = api.call(Method::GET, &format!("/api/v1/carriers?limit=100&q={}", urlencode(q)), None).await;
    assert_eq!(s, 200, "{v}");
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == name)
        .and_then(|a| a["id"].as_i64())
        .unwrap_or_else(|| panic!("no carrier {name}"))
}

pub fn urlencode(s: &str) -> String {
    s.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

/// Answers that lead to `levels` ([K, R, T, S]) in the city's model: every question of an
/// aspect answered with its level.
pub fn answers(levels: [u8; 4], personal_data: bool) -> Value {
    let mut m = serde_json::Map::new();
    for (q, l) in
        [("k_enskild", 0), ("k_verksamhet", 0), ("r_beslut", 1), ("r_verksamhet", 1), ("t_tid", 2), ("t_enskild", 2), ("s_logg", 3)]
    {
        if q == "s_logg" && !personal_data {
            continue;
        }
        m.insert(q.into(), json!(levels[l]));
    }
    Value::Object(m)
}

/// The rows of the module in the route × role table (users in the order of
/// [`crate::authz::USERS`]: admin, samordnare, revisor, Socialnämndens head, Utbildningsnämndens
/// head, informationsägare in IFO, medarbetare, registrator).
pub async fn authz_rows(t: &TestApp) -> Vec<(Call, &'static str)> {
    let barn = asset_id(t, "Socialtjänstens akter – barn och unga").await;
    let elev = asset_id(t, "Elevdokumentation (betyg, omdömen, åtgärdsprogram)").await;
    let omsorg = carrier_id(t, "Verksamhetssystemet för socialtjänsten").await;
    let bad = json!({"name": "", "unit_id": 0});
    vec![
        (Call::Page("/assets".into()), "AAAAAAFF"),
        (Call::Page("/assets/overview".into()), "AAAAAAFF"),
        (Call::Page("/carriers".into()), "AAAAAAFF"),
        (Call::Page("/assets/new".into()), "FAFAAAFF"),
        (Call::Form("/assets".into(), vec![("name", String::new())]), "FAFAAAFF"),
        (Call::Page("/assets/import".into()), "FAFAAAFF"),
        (Call::Upload("/assets/import".into()), "FAFAAAFF"),
        (Call::Json(Method::POST, "/api/v1/assets/import?dry_run=true".into(), json!("")), "FAFAAAFF"),
        (Call::Page("/carriers/import".into()), "FAFAAAFF"),
        (Call::Upload("/carriers/import".into()), "FAFAAAFF"),
        (Call::Json(Method::POST, "/api/v1/carriers/import?dry_run=true".into(), json!("")), "FAFAAAFF"),
        (Call::Page(format!("/assets/{barn}")), "AAAANANN"),
        (Call::Page(format!("/assets/{elev}")), "AAANANNN"),
        (Call::Page(format!("/assets/{barn}/edit")), "FAFANANN"),
        (Call::Form(format!("/assets/{barn}/edit"), vec![("name", String::new())]), "FAFANANN"),
        (Call::Page(format!("/assets/{barn}/classify")), "FAFANANN"),
        (Call::Form(format!("/assets/{barn}/classify"), vec![]), "FAFANANN"),
        (Call::Form(format!("/assets/{barn}/plan"), vec![("requirement", "K1-01".into()), ("assessment", "kanske".into())]), "FAFANANN"),
        (Call::Form(format!("/assets/{barn}/carriers"), vec![("carrier_id", "999999".into())]), "FAFANANN"),
        (Call::Page(format!("/carriers/{omsorg}")), "AAAAAANN"),
        (Call::Page(format!("/carriers/{omsorg}/edit")), "FAFAFFNN"),
        (Call::Form("/carriers".into(), vec![("name", String::new())]), "FAFAAAFF"),
        (Call::Form(format!("/carriers/{omsorg}/depends"), vec![("depends_on_id", omsorg.to_string())]), "FAFAFFNN"),
        (Call::Json(Method::GET, "/api/v1/assets".into(), json!(null)), "AAAAAAFF"),
        (Call::Json(Method::GET, "/api/v1/assets/overview".into(), json!(null)), "AAAAAAFF"),
        (Call::Json(Method::GET, format!("/api/v1/assets/{barn}"), json!(null)), "AAAANANN"),
        (Call::Json(Method::GET, format!("/api/v1/assets/{barn}/plan"), json!(null)), "AAAANANN"),
        (Call::Json(Method::POST, "/api/v1/assets".into(), bad.clone()), "FAFAAAFF"),
        (Call::Json(Method::PUT, format!("/api/v1/assets/{barn}"), bad), "FAFANANN"),
        (Call::Json(Method::POST, format!("/api/v1/assets/{barn}/classifications"), json!({"answers": {}})), "FAFANANN"),
        (Call::Json(Method::GET, "/api/v1/carriers".into(), json!(null)), "AAAAAAFF"),
        (Call::Json(Method::GET, format!("/api/v1/carriers/{omsorg}"), json!(null)), "AAAAAANN"),
        (Call::Json(Method::PUT, format!("/api/v1/carriers/{omsorg}/depends-on/{omsorg}"), json!({})), "FAFAFFNN"),
    ]
}

/// A search of the register, page by page in name order either way, lists what the whole list
/// lists in the same order, each page with the whole count, and a page past the last none but
/// the count: on SQLite a searched page is read with its count in one pass over the matches,
/// the whole list (no page) as before; for the whole city, for part of it and for an owner
/// outside that part, with and without a unit's subtree and "classified" chosen, and a whole
/// city's search read by another run of its letters than the first.
#[rstest::rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn a_searched_register_pages_through_what_it_counts_in_name_order(#[case] b: &str) {
    use varn_store::repo::assets::{list, AssetFilter, AssetVisibility};
    use varn_store::repo::{Dir, ListParams};
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let db = t.app.store.read();
    let socn = varn_store::repo::org::find_any(db, t.id("Socialnämnden")).await.unwrap().unwrap();
    let part = varn_domain::Scope::Units(vec![varn_domain::OrgPath::parse(&socn.path).unwrap()]);
    let city = AssetVisibility { read: varn_domain::Scope::All, write: varn_domain::Scope::None, user_id: 0 };
    let nämnd = AssetVisibility { read: part.clone(), write: varn_domain::Scope::None, user_id: t.id("omar.haddad") };
    let filters = [
        AssetFilter::default(),
        AssetFilter { under: Some(socn.path.clone()), ..Default::default() },
        AssetFilter { classified: Some(true), ..Default::default() },
        // A whole-city search read by a later run of its letters, and by one not in it (read
        // by its first three letters then).
        AssetFilter { key_trigram: Some("ste".into()), ..Default::default() },
        AssetFilter { key_trigram: Some("zzz".into()), ..Default::default() },
    ];
    let mut searched = 0;
    for (who, v) in [("city", &city), ("nämnd", &nämnd)] {
        for (i, f) in filters.iter().enumerate() {
            for q in ["a", "register", "ingen sådan tillgång"] {
                for dir in [Dir::Asc, Dir::Desc] {
                    let what = format!("{b} {who} filter {i} {q:?} {dir:?}");
                    let params =
                        |page: u64, per_page: Option<u64>| ListParams { q: Some(q.into()), sort: Some("name".into()), dir, page, per_page };
                    let whole = list(db, v, f, &params(1, None)).await.unwrap();
                    let ids: Vec<i64> = whole.items.iter().map(|r| r.id).collect();
                    assert_eq!(whole.total, ids.len() as u64, "{what}");
                    if b == "sqlite" {
                        // In the names' byte order (PostgreSQL's follows its collation).
                        let ordered = whole.items.windows(2).all(|w| match dir {
                            Dir::Asc => w[0].name <= w[1].name,
                            Dir::Desc => w[0].name >= w[1].name,
                        });
                        assert!(ordered, "{what}");
                    }
                    let mut paged = vec![];
                    let pages = ids.len().div_ceil(3).max(1) as u64;
                    for page in 1..=pages + 1 {
                        let got = list(db, v, f, &params(page, Some(3))).await.unwrap();
                        assert_eq!((got.total, got.exact, got.page), (ids.len() as u64, true, page), "{what} page {page}");
                        assert!(got.items.len() <= 3, "{what} page {page}");
                        if page > pages {
                            assert!(got.items.is_empty(), "{what}: past the last page");
                        }
                        // Each row as the whole list has it: its unit and owner joined.
                        for r in &got.items {
                            let w = whole.items.iter().find(|w| w.id == r.id).unwrap();
                            assert_eq!(
                                (&r.name, &r.unit_name, &r.owner_name, r.max_level, r.next_review),
                                (&w.name, &w.unit_name, &w.owner_name, w.max_level, w.next_review),
                                "{what}"
                            );
                        }
                        paged.extend(got.items.iter().map(|r| r.id));
                    }
                    assert_eq!(paged, ids, "{what}");
                    searched += ids.len();
                }
            }
        }
    }
    assert!(searched > 20, "{b}: the searches found assets to page through ({searched})");
    t.stop().await;
}
