//! Who sees and changes what: a unit head in their nämnd's subtree, an information owner
//! their own assets, the samordnare all; the demo city's pictures and Mina uppgifter.

use super::*;
use crate::documents::has;
use rstest::rstest;

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn each_sees_and_changes_the_assets_of_their_scope_and_the_owner_their_own(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let barn = asset_id(&t, "Socialtjänstens akter – barn och unga").await;
    let ekbi = asset_id(&t, "Ekonomiskt bistånd – ansökningar och beslut").await;
    // Utbildningsnämndens head does not see Socialnämndens assets, in the list or by id.
    let johan = api_as(&t, "johan.ek").await;
    let (_, l) = johan.call(Method::GET, "/api/v1/assets?limit=100", None).await;
    let names: Vec<&str> = l["items"].as_array().unwrap().iter().map(|a| a["name"].as_str().unwrap()).collect();
    assert!(
        names.iter().any(|n| n.starts_with("Elevdokumentation")) && !names.iter().any(|n| n.starts_with("Socialtjänstens")),
        "{names:?}"
    );
    assert_eq!(l["total"], names.len());
    assert_eq!(johan.call(Method::GET, &format!("/api/v1/assets/{barn}"), None).await.0, 404);
    // A filter on a unit outside the reader's scope is a mistake, not an empty list.
    let socf = t.id("Socialförvaltningen");
    let (s, e) = johan.call(Method::GET, &format!("/api/v1/assets?unit_id={socf}"), None).await;
    assert_eq!(s, 422);
    assert!(has(&e, "unit_id", "err.choose"), "{e}");
    // Socialnämndens head sees the subtree's assets, with the exact total.
    let karin = api_as(&t, "karin.berg").await;
    let (_, l) = karin.call(Method::GET, &format!("/api/v1/assets?unit_id={socf}&limit=2"), None).await;
    assert_eq!(l["items"].as_array().unwrap().len(), 2);
    assert_eq!(l["total"], 6, "{l}");
    // A subtree's page is chosen first and read whole after: page by page, in every order,
    // it is the order of her whole list (read without the subtree) kept to the subtree's.
    let ids = |v: &serde_json::Value| v["items"].as_array().unwrap().iter().map(|a| a["id"].as_i64().unwrap()).collect::<Vec<_>>();
    for sort in ["name", "unit", "level", "review"] {
        for dir in ["asc", "desc"] {
            let (_, whole) = karin.call(Method::GET, &format!("/api/v1/assets?limit=500&sort={sort}&dir={dir}"), None).await;
            let (_, sub) = karin.call(Method::GET, &format!("/api/v1/assets?unit_id={socf}&limit=500&sort={sort}&dir={dir}"), None).await;
            let mut paged = vec![];
            for page in 1..=3 {
                let q = format!("/api/v1/assets?unit_id={socf}&limit=2&page={page}&sort={sort}&dir={dir}");
                paged.extend(ids(&karin.call(Method::GET, &q, None).await.1));
            }
            let in_sub: Vec<i64> = ids(&whole).into_iter().filter(|i| ids(&sub).contains(i)).collect();
            assert_eq!((paged.len(), &paged), (6, &in_sub), "{b}: {sort} {dir}");
        }
    }
    // The information owner reads IFO's assets, changes his own and not Karin's.
    let omar = api_as(&t, "omar.haddad").await;
    let ifo = t.id("Individ- och familjeomsorg");
    let mine = json!({"name": "Socialtjänstens akter – barn och unga", "unit_id": ifo, "owner_username": "omar.haddad", "pua_unit_id": t.id("Socialnämnden"), "forms": ["text"], "personal_data": true, "special_categories": true});
    assert_eq!(omar.call(Method::PUT, &format!("/api/v1/assets/{barn}"), Some(mine)).await.0, 200);
    assert_eq!(omar.call(Method::GET, &format!("/api/v1/assets/{ekbi}"), None).await.0, 404, "Försörjningsstöd is outside IFO");
    let (_, k) = karin
        .call(
            Method::POST,
            "/api/v1/assets",
            Some(json!({"name": "Familjerättens utredningar", "unit_id": ifo, "owner_username": "karin.berg"})),
        )
        .await;
    let karins = k["asset"]["id"].as_i64().unwrap();
    let (s, v) = omar.call(Method::GET, &format!("/api/v1/assets/{karins}"), None).await;
    assert_eq!((s, &v["can_edit"]), (200, &json!(false)), "{v}");
    assert_eq!(omar.call(Method::PUT, &format!("/api/v1/assets/{karins}"), Some(json!({"name": "X", "unit_id": ifo}))).await.0, 403);
    // He registers only his own, and only within his scope.
    let (s, e) = omar
        .call(Method::POST, "/api/v1/assets", Some(json!({"name": "Anteckningar", "unit_id": ifo, "owner_username": "karin.berg"})))
        .await;
    assert_eq!(s, 422);
    assert!(has(&e, "owner_username", "err.asset.owner_self"), "{e}");
    let (s, e) = omar.call(Method::POST, "/api/v1/assets", Some(json!({"name": "Anteckningar", "unit_id": t.id("Norrskolan")}))).await;
    assert_eq!(s, 422);
    assert!(has(&e, "unit_id", "err.asset.unit_forbidden"), "{e}");
    let (s, v) = omar.call(Method::POST, "/api/v1/assets", Some(json!({"name": "Anteckningar från hembesök", "unit_id": ifo}))).await;
    assert_eq!(s, 201, "{v}");
    assert_eq!(v["asset"]["owner_name"], "Omar Haddad");
    // If he hands it over, it is no longer his to change.
    let id = v["asset"]["id"].as_i64().unwrap();
    let handed = json!({"name": "Anteckningar från hembesök", "unit_id": ifo, "owner_username": "karin.berg"});
    let (s, e) = omar.call(Method::PUT, &format!("/api/v1/assets/{id}"), Some(handed)).await;
    assert_eq!(s, 422, "{e}");
    // The revisor reads everything and changes nothing; a medarbetare has no register.
    let erik = api_as(&t, "erik.holm").await;
    assert_eq!(erik.call(Method::GET, &format!("/api/v1/assets/{barn}"), None).await.0, 200);
    assert_eq!(
        erik.call(Method::PUT, &format!("/api/v1/assets/{barn}/plan"), Some(json!({"requirement": "K1-01", "assessment": "uppfyllt"})))
            .await
            .0,
        403
    );
    let lisa = api_as(&t, "lisa.nilsson").await;
    assert_eq!(lisa.call(Method::GET, "/api/v1/assets", None).await.0, 403);
    assert_eq!(lisa.call(Method::GET, &format!("/api/v1/assets/{barn}"), None).await.0, 404);
    t.stop().await;
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn the_demo_city_shows_its_picture_and_owners_find_their_reviews(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let sara = api_as(&t, "sara.lindqvist").await;
    let (_, l) = sara.call(Method::GET, "/api/v1/assets?limit=1", None).await;
    assert_eq!(l["total"], 40);
    let (_, c) = sara.call(Method::GET, "/api/v1/carriers?limit=1", None).await;
    assert_eq!(c["total"], 25);
    let (_, o) = sara.call(Method::GET, "/api/v1/assets/overview", None).await;
    let sum = |k: &str| o["coverage"].as_array().unwrap().iter().map(|u| u[k].as_i64().unwrap()).sum::<i64>();
    let classified = sum("classified");
    assert!(sum("assets") == 40 && (30..40).contains(&classified) && sum("overdue") >= 5, "{o}");
    // The demo's classifications keep what the assets say of personal data.
    let barn = asset_id(&t, "Socialtjänstens akter – barn och unga").await;
    let (_, v) = sara.call(Method::GET, &format!("/api/v1/assets/{barn}"), None).await;
    assert_eq!((v["asset"]["personal_data"].as_bool(), v["asset"]["special_categories"].as_bool()), (Some(true), Some(true)), "{v}");
    // The level-4 information shows its separate analysis; the overdue review says so.
    let skydd = asset_id(&t, "Skyddade personuppgifter i socialtjänsten").await;
    let s = t.signed_in("sara.lindqvist").await;
    let (_, page) = s.text(&format!("/assets/{skydd}")).await;
    assert!(page.contains("id=\"separate-analysis\""), "level 4 flags a separate analysis");
    let (_, page) = s.text("/assets?review=overdue").await;
    assert!(page.contains("Elevhälsans journaler") && !page.contains("Orosanmälningar"), "{page}");
    // Johan finds his overdue reviews in Mina uppgifter.
    let j = t.signed_in("johan.ek").await;
    let (_, tasks) = j.text("/tasks").await;
    assert!(
        tasks.contains("id=\"asset-review-h\"") && tasks.contains("Elevhälsans journaler") && tasks.contains("Översynen är försenad"),
        "{tasks}"
    );
    // A carrier's dependencies are drawn both ways, each line to the one it came through.
    let ad = carrier_id(&t, "Identitets- och behörighetstjänsten").await;
    let dc = carrier_id(&t, "Stadens datacenter").await;
    let (_, page) = s.text(&format!("/carriers/{ad}")).await;
    let svg = page.split("<svg").nth(1).and_then(|x| x.split("</svg>").next()).unwrap_or_default();
    // A group (its boxes are links: an image may not hold links, axe-core's nested-interactive).
    assert!(
        svg.contains("role=\"group\"") && svg.contains(&format!("href=\"/carriers/{dc}\"")) && svg.contains("Ekonomisystemet"),
        "{svg}"
    );
    assert_eq!(svg.matches("<line").count(), svg.matches("<rect").count() - 1, "one line to each box but the carrier's own");
    // The export of the register holds every visible row.
    let (_, csv) = s.text("/assets?format=csv").await;
    assert_eq!(csv.lines().count(), 41, "header and 40 rows");
    t.stop().await;
}
