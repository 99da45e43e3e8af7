//! The module through the API: register, classify through the questions (with a dry run
//! showing what the levels add), the handlingsplan and its self-assessment, carriers that
//! inherit levels, dependencies both ways without cycles, history and the audit trail.

use super::*;
use crate::documents::has;
use rstest::rstest;

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn an_asset_is_registered_classified_through_the_questions_and_its_plan_follows(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let api = api_as(&t, "sara.lindqvist").await;
    let fsd = t.id("Försörjningsstöd");
    let socn = t.id("Socialnämnden");
    // A mistake comes back at its field, nothing written.
    let (s, e) = api
        .call(Method::POST, "/api/v1/assets", Some(json!({"name": " ", "unit_id": fsd, "special_categories": true, "forms": ["video"]})))
        .await;
    assert_eq!(s, 422, "{e}");
    assert!(
        has(&e, "name", "err.required")
            && has(&e, "special_categories", "err.asset.special_without_personal")
            && has(&e, "forms", "err.asset.form_invalid"),
        "{e}"
    );
    let body = json!({"name": "Hembesök – anteckningar", "unit_id": fsd, "owner_username": "karin.berg", "pua_unit_id": socn,
        "forms": ["text", "bild"], "personal_data": true, "special_categories": true, "osl": "26 kap. 1 § OSL"});
    let (s, v) = api.call(Method::POST, "/api/v1/assets", Some(body)).await;
    assert_eq!(s, 201, "{v}");
    let id = v["asset"]["id"].as_i64().unwrap();
    assert_eq!(v["asset"]["owner_name"], "Karin Berg");
    assert_eq!(v["asset"]["pua_unit_name"], "Socialnämnden");
    assert_eq!(v["asset"]["forms"], json!(["text", "bild"]));
    assert!(v["levels"].as_object().unwrap().is_empty());
    // The personuppgiftsansvarig must be a nämnd, KS or a bolag.
    let (s, e) =
        api.call(Method::PUT, &format!("/api/v1/assets/{id}"), Some(json!({"name": "X", "unit_id": fsd, "pua_unit_id": fsd}))).await;
    assert_eq!(s, 422);
    assert!(has(&e, "pua_unit_id", "err.asset.pua_kind"), "{e}");

    // Every question of every applicable aspect must be answered; traceability applies here.
    let mut partial = answers([3, 2, 2, 3], true);
    partial.as_object_mut().unwrap().remove("s_logg");
    partial.as_object_mut().unwrap().remove("r_beslut");
    let (s, e) = api.call(Method::POST, &format!("/api/v1/assets/{id}/classifications"), Some(json!({"answers": partial}))).await;
    assert_eq!(s, 422);
    assert!(has(&e, "q_s_logg", "err.asset.unanswered") && has(&e, "q_r_beslut", "err.asset.unanswered"), "{e}");
    // A dry run shows the levels and the requirements they add, and saves nothing.
    let path = format!("/api/v1/assets/{id}/classifications");
    let (s, p) = api.call(Method::POST, &format!("{path}?dry_run=true"), Some(json!({"answers": answers([3, 2, 2, 3], true)}))).await;
    assert_eq!(s, 200, "{p}");
    assert_eq!(p["after"], json!({"k": 3, "r": 2, "t": 2, "s": 3}));
    let added: Vec<&str> = p["added"].as_array().unwrap().iter().map(|x| x.as_str().unwrap()).collect();
    assert!(added.contains(&"K3-01") && added.contains(&"S3-01") && !added.contains(&"T3-01"), "{added:?}");
    assert_eq!(api.call(Method::GET, &path, None).await.1, json!([]));
    // Saved: the levels, the highest level, the review in two years.
    let (s, _) =
        api.call(Method::POST, &path, Some(json!({"answers": answers([3, 2, 2, 3], true), "with_username": "anna.sjoberg"}))).await;
    assert_eq!(s, 201);
    let (_, v) = api.call(Method::GET, &format!("/api/v1/assets/{id}"), None).await;
    assert_eq!(v["levels"], json!({"k": 3, "r": 2, "t": 2, "s": 3}));
    assert_eq!(v["asset"]["max_level"], 3);
    // Two years from the city's day (Stockholm time: the UTC date is a day behind from 23:00 or 22:00).
    let review = varn_domain::task::today().checked_add_months(chrono::Months::new(24)).unwrap().to_string();
    assert_eq!(v["asset"]["next_review"], review);

    // The plan: exactly the requirements the levels call for, each not yet assessed.
    let (_, plan) = api.call(Method::GET, &format!("/api/v1/assets/{id}/plan"), None).await;
    let codes: Vec<&str> = plan.as_array().unwrap().iter().map(|r| r["code"].as_str().unwrap()).collect();
    assert!(
        codes.contains(&"K3-02")
            && codes.contains(&"R2-02")
            && codes.contains(&"S3-U1")
            && !codes.contains(&"K4-01")
            && !codes.contains(&"R3-01"),
        "{codes:?}"
    );
    assert!(plan.as_array().unwrap().iter().all(|r| r["assessment"].is_null()));
    // A self-assessment with an owner and a due date; one outside the plan is refused.
    let plan_path = format!("/api/v1/assets/{id}/plan");
    let put = |body: Value| api.call(Method::PUT, &plan_path, Some(body));
    let (s, e) = put(json!({"requirement": "K4-01", "assessment": "uppfyllt"})).await;
    assert_eq!(s, 422);
    assert!(has(&e, "requirement", "err.asset.requirement_not_in_plan"), "{e}");
    let (s, plan) = put(json!({"requirement": "K3-01", "assessment": "ej_uppfyllt", "owner_username": "omar.haddad", "due_date": "2027-03-01", "comment": "Tvåfaktor saknas"})).await;
    assert_eq!(s, 200, "{plan}");
    let k3 = plan.as_array().unwrap().iter().find(|r| r["code"] == "K3-01").unwrap().clone();
    assert_eq!(
        (k3["assessment"].as_str(), k3["owner_name"].as_str(), k3["due_date"].as_str()),
        (Some("ej_uppfyllt"), Some("Omar Haddad"), Some("2027-03-01"))
    );
    // It lands in the owner's Mina uppgifter.
    let omar = t.signed_in("omar.haddad").await;
    let (_, tasks) = omar.text("/tasks").await;
    assert!(tasks.contains("Hembesök – anteckningar") && tasks.contains("K3-01"), "{tasks}");
    // The asset's page reads the plan's owners with the rest of its parts and names them.
    let (_, page) = t.signed_in("sara.lindqvist").await.text(&format!("/assets/{id}")).await;
    let row = page.split("<tr").find(|r| r.contains("K3-01")).unwrap_or_default();
    assert!(row.contains("Omar Haddad") && row.contains("2027"), "{row}");

    // Lower the confidentiality: the history keeps both, the comparison shows what dropped.
    let (s, p) = api.call(Method::POST, &path, Some(json!({"answers": answers([2, 2, 2, 3], true)}))).await;
    assert_eq!(s, 201);
    assert!(p["dropped"].as_array().unwrap().iter().any(|c| c == "K3-01"), "{p}");
    let (_, hist) = api.call(Method::GET, &path, None).await;
    assert_eq!(hist.as_array().unwrap().len(), 2);
    assert_eq!(hist[1]["with_name"], "Anna Sjöberg");
    let sara = t.signed_in("sara.lindqvist").await;
    let (a, bb) = (hist[1]["id"].as_i64().unwrap(), hist[0]["id"].as_i64().unwrap());
    let (s, page) = sara.text(&format!("/assets/{id}/compare?a={a}&b={bb}")).await;
    assert_eq!(s, 200);
    assert!(page.contains("K3-01") && page.contains("3 – Allvarlig") && page.contains("2 – Betydande"), "{page}");
    // Each change is one audited row.
    let (_, audit) = api.call(Method::GET, "/api/v1/audit?entity_type=asset&limit=100", None).await;
    let actions: Vec<&str> =
        audit["items"].as_array().unwrap().iter().filter(|r| r["entity_id"] == id).map(|r| r["action"].as_str().unwrap()).collect();
    for want in ["asset.create", "asset.classify", "asset.assess"] {
        assert!(actions.contains(&want), "{actions:?}");
    }
    assert_eq!(actions.iter().filter(|a| **a == "asset.classify").count(), 2);
    t.stop().await;
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn carriers_inherit_what_they_carry_and_dependencies_show_both_ways_without_cycles(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let api = api_as(&t, "sara.lindqvist").await;
    let it = t.id("IT-avdelningen");
    // A third country needs its legal basis; hosting is asked of IT systems and services.
    let cloud = json!({"kind": "it_tjanst", "name": "Formulärtjänst", "unit_id": it, "supplier": "Formulär Inc.", "hosting": "moln", "country": "USA", "third_country": true});
    let (s, e) = api.call(Method::POST, "/api/v1/carriers", Some(cloud.clone())).await;
    assert_eq!(s, 422);
    assert!(has(&e, "transfer_basis", "err.asset.transfer_basis_required"), "{e}");
    let (s, e) = api.call(Method::POST, "/api/v1/carriers", Some(json!({"kind": "it_system", "name": "X", "unit_id": it}))).await;
    assert_eq!(s, 422);
    assert!(has(&e, "hosting", "err.choose"), "{e}");
    let mut ok = cloud;
    ok["transfer_basis"] = json!("Standardavtalsklausuler");
    let (s, v) = api.call(Method::POST, "/api/v1/carriers", Some(ok)).await;
    assert_eq!(s, 201, "{v}");
    let form = v["carrier"]["id"].as_i64().unwrap();
    // It carries two assets: it must meet the highest level of each aspect.
    let epost = carrier_id(&t, "E-post och kalender (molntjänst)").await;
    for (name, levels) in [("Ansökan om parkeringstillstånd", [1, 3, 2, 1]), ("Anmälan om missförhållanden", [3, 1, 1, 2])] {
        let (_, a) = api.call(Method::POST, "/api/v1/assets", Some(json!({"name": name, "unit_id": it, "personal_data": true}))).await;
        let aid = a["asset"]["id"].as_i64().unwrap();
        let (s, _) =
            api.call(Method::POST, &format!("/api/v1/assets/{aid}/classifications"), Some(json!({"answers": answers(levels, true)}))).await;
        assert_eq!(s, 201);
        let (s, v) = api.call(Method::POST, &format!("/api/v1/assets/{aid}/carriers"), Some(json!({"carrier_id": form}))).await;
        assert_eq!(s, 200);
        assert!(v["carriers"].as_array().unwrap().iter().any(|c| c["id"] == form));
    }
    let (_, c) = api.call(Method::GET, &format!("/api/v1/carriers/{form}"), None).await;
    assert_eq!(c["inherited"], json!({"k": 3, "r": 3, "t": 2, "s": 2}));
    assert_eq!(c["carried"], 2);
    assert_eq!(c["carrier"]["unit_name"], "IT-avdelningen", "{c}");
    let mut carried: Vec<&str> = c["assets"].as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap()).collect();
    carried.sort_unstable();
    assert_eq!(carried, ["Anmälan om missförhållanden", "Ansökan om parkeringstillstånd"]);
    assert_eq!((c["graph"]["depends_on_total"].as_u64(), c["graph"]["used_by_total"].as_u64()), (Some(0), Some(0)), "{c}");
    // The demo's e-mail service names its systemägare.
    let (_, e) = api.call(Method::GET, &format!("/api/v1/carriers/{epost}"), None).await;
    assert_eq!(e["carrier"]["system_owner_name"], "Anna Sjöberg", "{e}");
    // Dependencies: the form service → e-mail → (demo) identity service and network.
    let (s, _) = api.call(Method::PUT, &format!("/api/v1/carriers/{form}/depends-on/{epost}"), Some(json!({}))).await;
    assert_eq!(s, 204);
    let (_, c) = api.call(Method::GET, &format!("/api/v1/carriers/{form}"), None).await;
    let down: Vec<(String, i64)> = c["graph"]["depends_on"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| (x[0]["name"].as_str().unwrap().to_owned(), x[1].as_i64().unwrap()))
        .collect();
    assert!(down.contains(&("E-post och kalender (molntjänst)".into(), 1)), "{down:?}");
    assert!(
        down.contains(&("Identitets- och behörighetstjänsten".into(), 2)) && down.contains(&("Stadens datacenter".into(), 3)),
        "{down:?}"
    );
    // Each listed carrier is counted, and drawn from the one it was reached through.
    assert_eq!(c["graph"]["depends_on_total"].as_u64(), Some(down.len() as u64), "{c}");
    let via: Vec<(i64, i64)> = serde_json::from_value(c["graph"]["depends_on_via"].clone()).unwrap();
    let ad = carrier_id(&t, "Identitets- och behörighetstjänsten").await;
    assert!(via.contains(&(epost, form)) && via.contains(&(ad, epost)), "{via:?}");
    assert_eq!(via.len(), down.len());
    // What stops if the data centre stops: reaches the form service three steps up.
    let dc = carrier_id(&t, "Stadens datacenter").await;
    let (_, d) = api.call(Method::GET, &format!("/api/v1/carriers/{dc}"), None).await;
    let up: Vec<(String, i64)> = d["graph"]["used_by"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| (x[0]["name"].as_str().unwrap().to_owned(), x[1].as_i64().unwrap()))
        .collect();
    assert!(up.contains(&("Formulärtjänst".into(), 3)) && up.contains(&("Identitets- och behörighetstjänsten".into(), 1)), "{up:?}");
    // The rows the graph lists are kept with it until a write: a carrier renamed (and its
    // systemägare taken away) shows so on the next page of one that reaches it.
    let (_, a) = api.call(Method::GET, &format!("/api/v1/carriers/{ad}"), None).await;
    let was = &a["carrier"];
    let renamed = json!({"kind": was["kind"], "name": "Inloggningstjänsten", "unit_id": was["unit_id"], "hosting": was["hosting"],
        "supplier": was["supplier"], "country": was["country"], "third_country": was["third_country"], "transfer_basis": was["transfer_basis"]});
    let (s, v) = api.call(Method::PUT, &format!("/api/v1/carriers/{ad}"), Some(renamed)).await;
    assert_eq!(s, 200, "{v}");
    let (_, d) = api.call(Method::GET, &format!("/api/v1/carriers/{dc}"), None).await;
    let row = d["graph"]["used_by"].as_array().unwrap().iter().map(|x| &x[0]).find(|r| r["id"] == ad).cloned().unwrap_or_default();
    assert_eq!(
        (&row["name"], &row["system_owner_name"], &row["unit_name"]),
        (&json!("Inloggningstjänsten"), &Value::Null, &was["unit_name"]),
        "{d}"
    );
    // No cycles: the data centre cannot depend on what depends on it.
    let (s, e) = api.call(Method::PUT, &format!("/api/v1/carriers/{dc}/depends-on/{form}"), Some(json!({}))).await;
    assert_eq!(s, 422);
    assert!(has(&e, "depends_on_id", "err.asset.dependency_cycle"), "{e}");
    // The overview counts the third-country cloud service and the level-3 carrier.
    let (os, o) = api.call(Method::GET, "/api/v1/assets/overview", None).await;
    assert_eq!(os, 200, "{o}");
    assert!(
        o["hosting"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["hosting"] == "moln" && h["third_country"] == true && h["n"].as_i64().unwrap() >= 4),
        "{o}"
    );
    assert!(o["sensitive"].as_array().unwrap().iter().any(|s| s["id"] == form && s["top_level"] == 3), "{o}");
    t.stop().await;
}

/// The register's search as the samordnare makes it (the whole city), paged as the API pages:
/// the count and each match's id and name.
async fn city_search(api: &Api, q: &str) -> (i64, Vec<(i64, String)>) {
    let (s, v) = api.call(Method::GET, &format!("/api/v1/assets?limit=10&q={}", urlencode(q)), None).await;
    assert_eq!(s, 200, "{v}");
    let rows = v["items"].as_array().unwrap().iter().map(|a| (a["id"].as_i64().unwrap(), a["name"].as_str().unwrap().to_owned())).collect();
    (v["total"].as_i64().unwrap(), rows)
}

/// A search of the whole city finds an asset by its name as it is now, once: new (by any
/// part of its name, in any case), renamed (the old name no longer finds it) and with only its
/// capitals changed. Such a search reads the assets that hold its first three letters
/// (`assets_trigrams`, m0032), which triggers keep on every write of a name.
#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn a_city_wide_search_finds_an_asset_by_its_name_as_it_is_now(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let api = api_as(&t, "sara.lindqvist").await;
    let fsd = t.id("Försörjningsstöd");
    let (s, v) = api.call(Method::POST, "/api/v1/assets", Some(json!({"name": "Bikupor på Örtagården", "unit_id": fsd}))).await;
    assert_eq!(s, 201, "{v}");
    let id = v["asset"]["id"].as_i64().unwrap();
    let new = (1, vec![(id, "Bikupor på Örtagården".to_owned())]);
    for q in ["BIKUP", "örtagård", "tagården", " på ör "] {
        assert_eq!(city_search(&api, q).await, new, "{b} {q:?}");
    }
    let (s, v) =
        api.call(Method::PUT, &format!("/api/v1/assets/{id}"), Some(json!({"name": "Stadsodlingens kupor", "unit_id": fsd}))).await;
    assert_eq!(s, 200, "{v}");
    for q in ["bikup", "örtagård"] {
        assert_eq!(city_search(&api, q).await, (0, vec![]), "{b} {q:?}: the old name");
    }
    assert_eq!(city_search(&api, "odlingens").await, (1, vec![(id, "Stadsodlingens kupor".to_owned())]), "{b}");
    let (s, v) =
        api.call(Method::PUT, &format!("/api/v1/assets/{id}"), Some(json!({"name": "STADSODLINGENS KUPOR", "unit_id": fsd}))).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(city_search(&api, "odlingens").await, (1, vec![(id, "STADSODLINGENS KUPOR".to_owned())]), "{b}: once, as named now");
    t.stop().await;
}

/// A search of the whole city reads the assets that hold the rarest run of three letters in
/// it, as the app counted them, and finds the same whatever the counts kept: here "xyl" is
/// held by six assets and "lof" by the two that match, and after ten more that match are
/// registered (the counts kept still say two) every one is found, in name order. The count of
/// a search is kept until this server's next write.
#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn a_city_wide_search_reads_the_assets_that_hold_its_rarest_three_letters(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let api = api_as(&t, "sara.lindqvist").await;
    let fsd = t.id("Försörjningsstöd");
    let register = |name: String| {
        let api = &api;
        async move {
            let (s, v) = api.call(Method::POST, "/api/v1/assets", Some(json!({"name": name, "unit_id": fsd}))).await;
            assert_eq!(s, 201, "{v}");
            v["asset"]["id"].as_i64().unwrap()
        }
    };
    let mut matching = vec![];
    for n in ["B", "A"] {
        let name = format!("Xylofonkvist {n}");
        matching.push((register(name.clone()).await, name));
    }
    for n in 1..=4 {
        register(format!("Xylografi {n}")).await;
    }
    let counted = varn_store::repo::assets::trigram_rows(t.app.store.read(), &["xyl".into(), "lof".into(), "kvi".into()]).await.unwrap();
    let n = |t: &str| counted.iter().find(|(c, _)| c == t).map_or(0, |(_, n)| *n);
    assert_eq!((n("xyl"), n("lof")), (6, 2), "{b}: {counted:?}");
    let assets = t.app.assets();
    assert_eq!(assets.rarest_trigram("Xylofonkvist").await.unwrap().as_deref(), Some("lof"), "{b}: the first of the fewest");
    assert_eq!(assets.rarest_trigram("xylo").await.unwrap().as_deref(), Some("xyl"), "{b}: a tie goes to the first");
    assert_eq!(assets.rarest_trigram("xy").await.unwrap(), None, "{b}");
    matching.sort_by(|a, b| a.1.cmp(&b.1));
    assert_eq!(city_search(&api, "xylofonkvist").await, (2, matching.clone()), "{b}");
    for n in 0..10 {
        let name = format!("Xylofonkvist C{n}");
        matching.push((register(name.clone()).await, name));
    }
    matching.sort_by(|a, b| a.1.cmp(&b.1));
    let (total, first) = city_search(&api, "XYLOFONKVIST").await;
    assert_eq!((total, first), (12, matching[..10].to_vec()), "{b}: found with the counts kept from before");
    assert_eq!(city_search(&api, "ylografi").await.0, 4, "{b}");
    let (_, v) = api.call(Method::GET, "/api/v1/assets?limit=10&q=xylofonkvist", None).await;
    assert_eq!(v["exact"], true, "{b}: {v}");
    // Past a thousand matches the count stops, and says so (in the API and on the page); the
    // page is still the first ten in name order.
    use sea_orm::ConnectionTrait;
    let more = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) \
         INSERT INTO assets (unit_id, name, forms, personal_data, special_categories, search_text, created_at, updated_at) \
         SELECT f.unit_id, 'Xylofonkvist E' || i, f.forms, f.personal_data, f.special_categories, 'xylofonkvist e' || i, \
         f.created_at, f.updated_at FROM n, (SELECT * FROM assets ORDER BY id LIMIT 1) f";
    t.app.store.write().execute_unprepared(more).await.unwrap();
    // Written behind the app's back (as another server would): the count of this search is
    // kept until this server's next write, though the page is read anew.
    let (_, v) = api.call(Method::GET, "/api/v1/assets?limit=10&q=xylofonkvist", None).await;
    assert_eq!((&v["total"], &v["exact"]), (&json!(12), &json!(true)), "{b}: the count kept: {v}");
    register("Trädgårdsredskap".into()).await;
    let (s, v) = api.call(Method::GET, "/api/v1/assets?limit=10&q=xylofonkvist", None).await;
    assert_eq!((s, &v["total"], &v["exact"]), (200, &json!(1000), &json!(false)), "{b}: {v}");
    let names: Vec<&str> = v["items"].as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        ["Xylofonkvist A", "Xylofonkvist B", "Xylofonkvist C0", "Xylofonkvist C1"]
            .iter()
            .chain(&["Xylofonkvist C2", "Xylofonkvist C3", "Xylofonkvist C4", "Xylofonkvist C5", "Xylofonkvist C6", "Xylofonkvist C7"])
            .copied()
            .collect::<Vec<_>>(),
        "{b}"
    );
    let browser = t.signed_in("sara.lindqvist").await;
    let (_, page) = browser.text("/assets?q=xylofonkvist").await;
    assert!(page.contains("fler än 1000 – förfina sökningen · sida 1"), "{b}: the count says it stopped");
    // The pages go on past the count's twenty while they are full: page 21 holds the last 12.
    let (_, page) = browser.text("/assets?q=xylofonkvist&page=20").await;
    assert!(page.contains("rel=\"next\"") && page.contains("sida 20<"), "{b}: {page}");
    let (_, page) = browser.text("/assets?q=xylofonkvist&page=21").await;
    assert_eq!(page.matches("Xylofonkvist E").count(), 12, "{b}: {page}");
    assert!(!page.contains("rel=\"next\"") && page.contains("rel=\"prev\""), "{b}: the last page");
    let (_, v) = api.call(Method::GET, "/api/v1/assets?limit=10", None).await;
    assert_eq!(v["exact"], true, "{b}: the whole register is counted: {v}");
    t.stop().await;
}

/// A search within a part of the city pages its matches in name order, the same whether its
/// count is read with the page (the first page asked) or kept (every page after it: SQLite
/// then reads only the page, sorted as it is found, `repo::assets::searched_once`): each page
/// in both directions, the names ordered by their bytes (capitals first, Å and Ä last), and
/// no match from outside the part.
#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn a_search_within_a_part_pages_the_same_with_its_count_kept(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let api = api_as(&t, "sara.lindqvist").await;
    let register = |name: &str, unit: i64| {
        let api = &api;
        let name = name.to_owned();
        async move {
            let (s, v) = api.call(Method::POST, "/api/v1/assets", Some(json!({"name": name, "unit_id": unit}))).await;
            assert_eq!(s, 201, "{v}");
            (v["asset"]["id"].as_i64().unwrap(), name)
        }
    };
    let (inside, outside) = (t.id("Försörjningsstöd"), t.id("Utbildningsförvaltningen"));
    let mut expected = vec![];
    for name in ["Zebrafink b", "Zebrafink B", "ZEBRAFINK a", "Zebrafink Å", "Zebrafink ä", "zebrafink 10", "Zebrafink 9"] {
        expected.push(register(name, inside).await);
    }
    register("Zebrafink utanför", outside).await;
    expected.sort_by(|a, b| a.1.as_bytes().cmp(b.1.as_bytes()));
    let part = t.id("Socialförvaltningen");
    for dir in ["asc", "desc"] {
        if dir == "desc" {
            expected.reverse();
        }
        let mut first: Option<Vec<(i64, String)>> = None;
        for round in 0..2 {
            let mut found = vec![];
            for page in 1..=3 {
                let url = format!("/api/v1/assets?unit_id={part}&q=zebrafink&limit=3&page={page}&dir={dir}");
                let (s, v) = api.call(Method::GET, &url, None).await;
                assert_eq!((s, &v["total"]), (200, &json!(7)), "{b} {dir} round {round} page {page}: {v}");
                found.extend(
                    v["items"].as_array().unwrap().iter().map(|a| (a["id"].as_i64().unwrap(), a["name"].as_str().unwrap().to_owned())),
                );
            }
            if b == "sqlite" {
                assert_eq!(found, expected, "{b} {dir} round {round}");
            } else {
                // PostgreSQL orders by the database's collation, which need not be bytes.
                let (mut f, mut e) = (found.clone(), expected.clone());
                f.sort();
                e.sort();
                assert_eq!(f, e, "{b} {dir} round {round}");
            }
            assert_eq!(first.get_or_insert_with(|| found.clone()), &found, "{b} {dir}: the same with the count kept");
        }
    }
    t.stop().await;
}
