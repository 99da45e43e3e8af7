//! The organisation through the API: create, validate, move with the subtree, rename, set a
//! head, delete only what nothing refers to, every change audited.

use crate::helpers::*;
use reqwest::Method;
use rstest::rstest;
use serde_json::json;

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn organisation_lifecycle_through_the_api(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let api = api_as(&t, "sara.lindqvist").await;
    let socf = t.id("Socialförvaltningen");
    let utbf = t.id("Utbildningsförvaltningen");

    let id = create_and_refuse_mistakes(&api, socf, b).await;
    let child_id = move_with_the_subtree(&api, id, utbf, b).await;
    rename_and_set_a_head(&t, &api, id).await;
    delete_only_what_nothing_refers_to(&t, &api, id, child_id).await;
    // Every change is in the audit log with before and after, and the chain is whole.
    let (s, log) = api.call(Method::GET, &format!("/api/v1/audit?entity_type=org_unit&entity_id={id}&limit=50"), None).await;
    assert_eq!(s, 200);
    let actions: Vec<&str> = log["items"].as_array().unwrap().iter().map(|r| r["action"].as_str().unwrap()).collect();
    assert_eq!(actions, vec!["org.deactivate", "org.update", "org.move", "org.create"], "{b}");
    let mv = &log["items"][2];
    assert_eq!(mv["actor_name"], "sara.lindqvist");
    assert_eq!(mv["before"]["parent_id"], socf);
    assert_eq!(mv["after"]["parent_id"], utbf);
    let (s, v) = api.call(Method::GET, "/api/v1/audit/verify", None).await;
    assert_eq!((s, v["whole"].as_bool()), (200, Some(true)), "{v}");
    t.stop().await;
}

/// Creates a unit under `socf` (its path below the parent); mistakes come back per field.
async fn create_and_refuse_mistakes(api: &Api, socf: i64, b: &str) -> i64 {
    // Create: 201, with a path below the parent.
    let (s, unit) =
        api.call(Method::POST, "/api/v1/org-units", Some(json!({"parent_id": socf, "kind": "enhet", "name": "Barn och unga"}))).await;
    assert_eq!(s, 201, "{b}: {unit}");
    let id = unit["id"].as_i64().unwrap();
    assert!(unit["path"].as_str().unwrap().ends_with(&format!("/{socf}/{id}/")), "{b}: {unit}");

    // Bad input: 422 with a message per field, in Swedish.
    let (s, e) = api.call(Method::POST, "/api/v1/org-units", Some(json!({"parent_id": socf, "kind": "planet", "name": "  "}))).await;
    assert_eq!(s, 422);
    let fields = e["error"]["fields"].as_array().unwrap();
    assert!(fields.iter().any(|f| f["field"] == "kind"), "{e}");
    assert!(fields.iter().any(|f| f["field"] == "name" && f["message"] == "Fyll i fältet."), "{e}");

    // The city's tree rules: a nämnd cannot sit under a förvaltning.
    let (s, e) = api.call(Method::POST, "/api/v1/org-units", Some(json!({"parent_id": socf, "kind": "namnd", "name": "Fel"}))).await;
    assert_eq!(s, 422);
    assert_eq!(e["error"]["fields"][0]["code"], "err.org.kind_parent");

    id
}

/// A child, then the unit with its subtree moved under `utbf`; no cycles. Returns the child.
async fn move_with_the_subtree(api: &Api, id: i64, utbf: i64, b: &str) -> i64 {
    // A child, then move the unit (and its subtree) to another förvaltning.
    let (_, child) =
        api.call(Method::POST, "/api/v1/org-units", Some(json!({"parent_id": id, "kind": "enhet", "name": "Familjehem"}))).await;
    let child_id = child["id"].as_i64().unwrap();
    let (s, moved) = api.call(Method::POST, &format!("/api/v1/org-units/{id}/move"), Some(json!({"parent_id": utbf}))).await;
    assert_eq!(s, 200, "{moved}");
    assert_eq!(moved["parent_id"], utbf);
    let (_, c) = api.call(Method::GET, &format!("/api/v1/org-units/{child_id}"), None).await;
    assert!(c["path"].as_str().unwrap().contains(&format!("/{utbf}/{id}/{child_id}/")), "{b}: subtree moved along: {c}");

    // No cycles.
    let (s, e) = api.call(Method::POST, &format!("/api/v1/org-units/{id}/move"), Some(json!({"parent_id": child_id}))).await;
    assert_eq!(s, 422);
    assert_eq!(e["error"]["fields"][0]["code"], "err.org.move_cycle");

    child_id
}

async fn rename_and_set_a_head(t: &TestApp, api: &Api, id: i64) {
    // A task given to the unit: not Johan's before he heads it (his session already signed in
    // and resolved), his at once after.
    let task = varn_store::repo::tasks::NewTask {
        source_type: "test.unit_task".into(),
        source_id: None,
        title: "Enhetens egen uppgift".into(),
        link: "/tasks".into(),
        assignee_user_id: None,
        assignee_unit_id: Some(id),
        due_date: None,
        unit_id: None,
    };
    varn_store::repo::tasks::insert(t.app.store.write(), task).await.unwrap();
    let johan = t.signed_in("johan.ek").await;
    let (_, before) = johan.text("/tasks").await;
    assert!(!before.contains("Enhetens egen uppgift"), "not his yet");
    // Rename and set a head.
    let (s, r) = api
        .call(
            Method::PATCH,
            &format!("/api/v1/org-units/{id}"),
            Some(json!({"name": "Barn, unga och familj i Östberga", "head_username": "johan.ek"})),
        )
        .await;
    assert_eq!(s, 200, "{r}");
    // The search finds the new name whatever its case, Å, Ä and Ö too (SQLite's `lower()`
    // folds only ASCII), and no longer the old.
    for q in ["%C3%B6stberga", "BARN%2C%20UNGA%20OCH%20FAMILJ%20I%20%C3%96STBERGA"] {
        let (_, found) = api.call(Method::GET, &format!("/api/v1/org-units?q={q}"), None).await;
        assert_eq!((found["total"].as_u64(), found["items"][0]["id"].as_i64()), (Some(1), Some(id)), "{q}: {found}");
    }
    assert_eq!(r["head_user_id"], t.id("johan.ek"));
    let (_, after) = johan.text("/tasks").await;
    assert!(after.contains("Enhetens egen uppgift"), "the new head's task at once");
    let (s, e) =
        api.call(Method::PATCH, &format!("/api/v1/org-units/{id}"), Some(json!({"name": "X", "head_username": "finns.inte"}))).await;
    assert_eq!(s, 422);
    assert_eq!(e["error"]["fields"][0]["field"], "head_username");
}

async fn delete_only_what_nothing_refers_to(t: &TestApp, api: &Api, id: i64, child_id: i64) {
    // A unit with children cannot be deleted or deactivated, and says why.
    let (s, e) = api.call(Method::DELETE, &format!("/api/v1/org-units/{id}"), None).await;
    assert_eq!(s, 409);
    assert!(e["error"]["message"].as_str().unwrap().contains("1 underliggande enheter"), "{e}");
    let (s, _) = api.call(Method::POST, &format!("/api/v1/org-units/{id}/deactivate"), None).await;
    assert_eq!(s, 409);
    let (s, _) = api.call(Method::POST, &format!("/api/v1/org-units/{child_id}/deactivate"), None).await;
    assert_eq!(s, 200);
    let (s, _) = api.call(Method::POST, &format!("/api/v1/org-units/{id}/deactivate"), None).await;
    assert_eq!(s, 200);
    let (s, _) = api.call(Method::DELETE, &format!("/api/v1/org-units/{child_id}"), None).await;
    assert_eq!(s, 204);
    let (s, _) = api.call(Method::GET, &format!("/api/v1/org-units/{child_id}"), None).await;
    assert_eq!(s, 404);

    // The root stays put.
    let kf = t.id("Kommunfullmäktige");
    let (s, _) = api.call(Method::DELETE, &format!("/api/v1/org-units/{kf}"), None).await;
    assert_eq!(s, 409);
}

/// The lists' counts are kept between this server's writes, each for its own filter and
/// search: the unit list and the document register, asked with and without a filter, count
/// each as its rows are, again when asked a second time, and again after a write here adds to
/// them.
#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn a_lists_kept_count_is_its_own_filters_and_follows_a_write(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let sara = api_as(&t, "sara.lindqvist").await;
    let lists = [
        "/api/v1/org-units?limit=500",
        "/api/v1/org-units?kind=enhet&limit=500",
        "/api/v1/org-units?q=skola&kind=enhet&limit=500",
        "/api/v1/documents?limit=500",
        "/api/v1/documents?status=gallande&limit=500",
    ];
    let mut counts = vec![];
    for round in 0..3 {
        if round == 2 {
            let unit = json!({"parent_id": t.id("Socialförvaltningen"), "kind": "enhet", "name": "Testskolan"});
            let (s, v) = sara.call(Method::POST, "/api/v1/org-units", Some(unit)).await;
            assert_eq!(s, 201, "{b}: {v}");
        }
        let mut now = vec![];
        for list in lists {
            let (s, v) = sara.call(Method::GET, list, None).await;
            let listed = v["items"].as_array().map_or(0, Vec::len) as u64;
            assert_eq!((s, v["total"].as_u64()), (200, Some(listed)), "{b}: round {round}: {list}: {v}");
            now.push(listed);
        }
        if round == 0 {
            assert!(now[0] > now[1] && now[1] > now[2] && now[2] > 0 && now[3] > now[4], "{b}: the filters narrow: {now:?}");
            counts = now;
        } else if round == 1 {
            assert_eq!(now, counts, "{b}: the same again");
        } else {
            let grown: Vec<u64> = counts.iter().zip([1, 1, 1, 0, 0]).map(|(n, d)| n + d).collect();
            assert_eq!(now, grown, "{b}: the new unit counted in the three unit lists");
        }
    }
    t.stop().await;
}
