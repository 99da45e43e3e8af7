//! The life cycle: remiss, adoption with its decision, frozen versions, revision, repeal,
//! strategy actions as tasks, and what a unit's documents keep it from.

use super::*;
use rstest::rstest;

/// A guideline under the policy, as utkast: (its id, the draft as sent).
async fn a_guideline(t: &TestApp, sara: &Api) -> (i64, DocJson) {
    let policy = t.doc_id("Informationssäkerhetspolicy").await;
    let d = DocJson {
        parent_id: Some(policy),
        body_md: "## Syfte\n\nMolntjänster används bara efter riskanalys.\n".into(),
        ..draft("riktlinje", "Översiktlig riktlinje för molntjänster", t.id("Stadsledningsförvaltningen"), t.id("Kommunfullmäktige"))
    };
    let (s, g) = sara.create(&d).await;
    assert_eq!(s, 201, "{g}");
    assert_eq!((g["status"].as_str(), g["version"]["number"].as_i64()), (Some("utkast"), Some(1)));
    (g["id"].as_i64().unwrap(), d)
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn remiss_goes_to_named_instances_who_alone_answer_by_a_date(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let (sara, lisa) = (api_as(&t, "sara.lindqvist").await, api_as(&t, "lisa.nilsson").await);
    let (gid, d) = a_guideline(&t, &sara).await;
    // Free-text search folds Swedish letters on both databases.
    let (_, found) = sara.call(Method::GET, "/api/v1/documents?q=%C3%96VERSIKTLIG%20RIKTLINJE", None).await;
    assert_eq!((found["total"].as_i64(), found["items"][0]["id"].as_i64()), (Some(1), Some(gid)), "{b}: {found}");
    // Only the allowed moves exist, and the refusal names the states in words.
    let (s, e) = sara.move_to(gid, "under_revision", None).await;
    assert_eq!(s, 409, "{e}");
    assert_eq!(e["error"]["message"], "Det går inte att gå från utkast till under revision.", "{e}");
    // A remiss names its instances and a svarsdatum.
    assert!(has(&sara.move_to(gid, "pa_remiss", None).await.1, "instances", "err.doc.remiss_instances_required"));
    let remiss = format!("/api/v1/documents/{gid}/remiss");
    let (s, e) = sara.call(Method::POST, &remiss, Some(json!({"instances": [], "due_date": "2020-01-01"}))).await;
    assert_eq!(s, 422);
    assert!(has(&e, "instances", "err.doc.remiss_instances_required") && has(&e, "due_date", "err.doc.remiss_due_past"), "{e}");
    let units = ["Utbildningsförvaltningen", "Socialförvaltningen", "Äldreförvaltningen"].map(|n| json!({"unit_id": t.id(n)}));
    let (s, r) = sara.call(Method::POST, &remiss, Some(json!({"instances": units, "due_date": "2099-03-31"}))).await;
    assert_eq!((s, r["total"].as_i64(), r["answered"].as_i64()), (201, Some(3), Some(0)), "{r}");
    // The search with a status chosen follows the document's status (SQLite keeps it on the
    // title's trigrams, m0033).
    assert_eq!(found_as(&sara, "pa_remiss").await, vec![gid], "{b}");
    assert_eq!(found_as(&sara, "utkast").await, Vec::<i64>::new(), "{b}");
    the_instances_answer(&t, gid, &r).await;
    // Only editors comment; an employee neither comments nor answers.
    let (s, _) = lisa.call(Method::POST, &format!("/api/v1/documents/{gid}/comments"), Some(json!({"body": "Gäller detta e-post?"}))).await;
    assert_eq!(s, 403, "{b}");
    let karins = r["instances"].as_array().unwrap().iter().find(|i| i["unit_name"] == "Socialförvaltningen").unwrap()["id"].clone();
    let (s, _) = lisa.call(Method::POST, &format!("{remiss}/{karins}/answer"), Some(json!({"answer": "Nej"}))).await;
    assert_eq!(s, 403, "{b}: not hers to answer");
    let (s, c) = sara.call(Method::POST, &format!("/api/v1/documents/{gid}/comments"), Some(json!({"body": "Svar från två av tre"}))).await;
    assert_eq!(s, 201, "{b}: {c}");
    assert_eq!(sara.save(gid, &d).await.0, 409, "on remiss the text is fixed");
    // Back to utkast (it has never been adopted): the text opens again and the instance that
    // did not answer has its task closed.
    assert_eq!(sara.move_to(gid, "under_revision", None).await.0, 409, "a draft never adopted goes back to utkast");
    assert_eq!(sara.move_to(gid, "utkast", None).await.0, 200);
    assert_eq!((found_as(&sara, "utkast").await, found_as(&sara, "pa_remiss").await), (vec![gid], vec![]), "{b}");
    assert_eq!(sara.save(gid, &d).await.0, 200);
    // A new title is found by its words at once and the old one no longer (SQLite reads a
    // search from the titles' trigrams, kept by triggers).
    let renamed = DocJson { title: "Översiktlig anvisning för molnlagring".into(), ..d.clone() };
    assert_eq!(sara.save(gid, &renamed).await.0, 200);
    let (_, old) = sara.call(Method::GET, "/api/v1/documents?q=%C3%B6versiktlig%20riktlinje", None).await;
    assert_eq!(old["total"].as_i64(), Some(0), "{b}: {old}");
    let (_, new) = sara.call(Method::GET, "/api/v1/documents?q=ANVISNING%20F%C3%96R%20MOLN", None).await;
    assert_eq!((new["total"].as_i64(), new["items"][0]["id"].as_i64()), (Some(1), Some(gid)), "{b}: {new}");
    the_register_finds_what_a_scan_finds(&sara, b).await;
    let (_, audit) = sara.call(Method::GET, &format!("/api/v1/audit?entity_type=document&entity_id={gid}"), None).await;
    let items = audit["items"].as_array().unwrap();
    let actions: Vec<&str> = items.iter().filter_map(|a| a["action"].as_str()).collect();
    for a in ["document.create", "document.pa_remiss", "document.remiss_answer", "document.comment", "document.utkast", "document.update"] {
        assert!(actions.contains(&a), "{b}: {a} missing in {actions:?}");
    }
    let back = items.iter().find(|a| a["action"] == "document.utkast").unwrap();
    assert_eq!(back["after"]["closed_remiss_tasks"].as_array().map(|a| a.len()), Some(1), "{back}");
    t.stop().await;
}

/// The documents the coordinator finds by "översiktlig riktlinje" with `status` chosen.
async fn found_as(sara: &Api, status: &str) -> Vec<i64> {
    let (s, v) = sara.call(Method::GET, &format!("/api/v1/documents?q=%C3%B6versiktlig%20riktlinje&status={status}"), None).await;
    assert_eq!(s, 200, "{v}");
    let ids: Vec<i64> = v["items"].as_array().unwrap().iter().filter_map(|d| d["id"].as_i64()).collect();
    assert_eq!(v["total"].as_u64(), Some(ids.len() as u64), "{status}: the count as the rows: {v}");
    ids
}

/// A search of three letters or more (read through the titles' trigrams on SQLite) finds
/// what the same documents tested one by one hold, in the same order both ways: "ri" is too
/// short for a trigram, so its matches are every title tested with `LIKE`.
async fn the_register_finds_what_a_scan_finds(sara: &Api, b: &str) {
    let listed = |v: &Value| {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["title"].as_str().unwrap().to_owned(), d["id"].as_i64().unwrap()))
            .collect::<Vec<_>>()
    };
    for dir in ["asc", "desc"] {
        let (_, short) = sara.call(Method::GET, &format!("/api/v1/documents?q=ri&limit=500&dir={dir}"), None).await;
        let scanned: Vec<_> = listed(&short).into_iter().filter(|(t, _)| t.to_lowercase().contains("riktlinje")).collect();
        assert!(scanned.len() >= 4, "{b}: the demo's guidelines: {scanned:?}");
        let (_, found) = sara.call(Method::GET, &format!("/api/v1/documents?q=Riktlinje&limit=500&dir={dir}"), None).await;
        assert_eq!(listed(&found), scanned, "{b} {dir}");
        assert_eq!(found["total"].as_u64(), Some(scanned.len() as u64), "{b}");
        let (_, second) = sara.call(Method::GET, &format!("/api/v1/documents?q=riktlinje&limit=2&page=2&dir={dir}"), None).await;
        assert_eq!(listed(&second), scanned[2..4].to_vec(), "{b} {dir}: the second page");
    }
    // With a status chosen: the scan's documents of that status, counted as many.
    let (_, short) = sara.call(Method::GET, "/api/v1/documents?q=ri&limit=500", None).await;
    let statuses: std::collections::BTreeSet<String> = short["items"].as_array().unwrap().iter().map(|d| d["status"].to_string()).collect();
    assert!(statuses.len() >= 2, "{b}: the demo's documents in more than one status: {statuses:?}");
    for status in ["gallande", "utkast", "pa_remiss", "under_revision", "upphavd"] {
        let scanned: Vec<i64> = short["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["status"] == status && d["title"].as_str().unwrap().to_lowercase().contains("riktlinje"))
            .map(|d| d["id"].as_i64().unwrap())
            .collect();
        let (_, found) = sara.call(Method::GET, &format!("/api/v1/documents?q=riktlinje&limit=500&status={status}"), None).await;
        let ids: Vec<i64> = found["items"].as_array().unwrap().iter().map(|d| d["id"].as_i64().unwrap()).collect();
        assert_eq!((ids, found["total"].as_u64()), (scanned.clone(), Some(scanned.len() as u64)), "{b} {status}");
    }
    let (_, all) = sara.call(Method::GET, "/api/v1/documents?q=riktlinje&limit=500", None).await;
    let (_, other) = sara.call(Method::GET, "/api/v1/documents?q=riktlinje&limit=500&sort=type", None).await;
    assert_eq!(other["total"], all["total"], "{b}: another order, the same matches");
    let ids = |v: &Value| listed(v).into_iter().map(|(_, id)| id).collect::<std::collections::BTreeSet<_>>();
    assert_eq!(ids(&other), ids(&all), "{b}");
}

/// The heads of two of the three instances find the task in Mina uppgifter and answer; the
/// count and the receipt say who and when; nobody answers twice.
async fn the_instances_answer(t: &TestApp, gid: i64, r: &Value) {
    let remiss = format!("/api/v1/documents/{gid}/remiss");
    let id_of = |unit: &str| r["instances"].as_array().unwrap().iter().find(|i| i["unit_name"] == unit).unwrap()["id"].as_i64().unwrap();
    for (who, unit, n) in [("karin.berg", "Socialförvaltningen", 1), ("johan.ek", "Utbildningsförvaltningen", 2)] {
        let api = api_as(t, who).await;
        let (_, tasks) = api.call(Method::GET, "/api/v1/tasks", None).await;
        let task = tasks.as_array().unwrap().iter().find(|x| x["title"] == "Remissvar: Översiktlig riktlinje för molntjänster");
        assert_eq!(task.map(|x| x["due_date"].clone()), Some(json!("2099-03-31")), "{who}: {tasks}");
        let (s, mine) = api.call(Method::GET, &remiss, None).await;
        assert_eq!((s, mine["mine_open"].clone()), (200, json!([id_of(unit)])), "{who}: {mine}");
        let (s, e) = api.call(Method::POST, &format!("{remiss}/{}/answer", id_of(unit)), Some(json!({"answer": " "}))).await;
        assert_eq!(s, 422, "{e}");
        let (s, receipt) =
            api.call(Method::POST, &format!("{remiss}/{}/answer", id_of(unit)), Some(json!({"answer": "Vi tillstyrker."}))).await;
        assert_eq!((s, receipt["answered"].as_i64(), receipt["total"].as_i64()), (201, Some(n), Some(3)), "{receipt}");
        let row = receipt["instances"].as_array().unwrap().iter().find(|i| i["unit_name"] == unit).unwrap().clone();
        assert!(row["answered_at"].is_string() && row["answer"] == "Vi tillstyrker." && row["answered_by"].is_i64(), "{row}");
        let (s, _) = api.call(Method::POST, &format!("{remiss}/{}/answer", id_of(unit)), Some(json!({"answer": "Igen"}))).await;
        assert_eq!(s, 409, "{who}: answered once");
        let (_, tasks) = api.call(Method::GET, "/api/v1/tasks", None).await;
        assert!(
            !tasks
                .as_array()
                .unwrap()
                .iter()
                .any(|x| x["title"] == "Remissvar: Översiktlig riktlinje för molntjänster" && x["status"] == "open"),
            "{tasks}"
        );
    }
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn an_adopted_version_is_frozen_and_a_revision_is_the_next_version(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let (sara, lisa) = (api_as(&t, "sara.lindqvist").await, api_as(&t, "lisa.nilsson").await);
    let (gid, mut d) = a_guideline(&t, &sara).await;
    // Adopting needs a decision date; given with the move, it is recorded.
    let (s, e) = sara.move_to(gid, "gallande", None).await;
    assert_eq!(s, 422);
    assert!(has(&e, "decision_date", "err.doc.decision_date_required"), "{e}");
    let decision = Decision { diarienummer: "KS 2026/0101".into(), paragraph: "§ 12".into(), ..decided("2026-11-02") };
    let (s, g) = sara.move_to(gid, "gallande", Some(&decision)).await;
    assert_eq!(s, 200, "{g}");
    assert_eq!(g["current_version"], 1);
    assert_eq!((g["version"]["diarienummer"].as_str(), g["version"]["paragraph"].as_str()), (Some("KS 2026/0101"), Some("§ 12")));
    assert_eq!(sara.save(gid, &d).await.0, 409, "adopted versions are frozen");
    // A revision is version 2; the adopted one stays in force until its successor is adopted.
    let (s, g) = sara.move_to(gid, "under_revision", None).await;
    assert_eq!((s, g["version"]["number"].as_i64()), (200, Some(1)), "readers still see version 1");
    assert_eq!(lisa.doc(gid).await.1["version"]["number"], 1);
    let (s, _) = lisa.call(Method::GET, &format!("/api/v1/documents/{gid}/versions/2"), None).await;
    assert_eq!(s, 404, "an employee does not see the draft of the revision");
    d.body_md = "## Syfte\n\nMolntjänster används bara efter riskanalys och klassning.\n".into();
    the_draft_narrows_the_scope_only_for_itself(&t, &sara, &lisa, gid, &mut d, b).await;
    let (s, g) = sara.move_to(gid, "gallande", Some(&decided("2026-11-20"))).await;
    assert_eq!((s, g["current_version"].as_i64()), (200, Some(2)));
    assert_eq!(g["applies_to_unit_id"].as_i64(), Some(t.id("Utbildningsförvaltningen")), "{b}: adopted, the revision's scope holds");
    assert_eq!(lisa.doc(gid).await.0, 404, "{b}: no longer hers");
    let (_, v1) = sara.call(Method::GET, &format!("/api/v1/documents/{gid}/versions/1"), None).await;
    assert_eq!(v1["state"], "superseded");
    assert!(v1["body_md"].as_str().unwrap().contains("efter riskanalys.\n"), "version 1 kept as adopted");
    let (s, diff) = sara.call(Method::GET, &format!("/api/v1/documents/{gid}/diff?from=1&to=2"), None).await;
    assert_eq!(s, 200);
    let lines = diff["lines"].as_array().unwrap();
    assert!(lines.iter().any(|l| l["kind"] == "del" && l["text"] == "Molntjänster används bara efter riskanalys."), "{diff}");
    assert!(lines.iter().any(|l| l["kind"] == "ins" && l["text"].as_str().unwrap().ends_with("och klassning.")), "{diff}");
    assert!(diff["fields"].as_array().unwrap().iter().any(|f| f["field"] == "doc.field.decision_date"), "{diff}");
    // Repealed: gone from the employee's reading, kept for the samordnare.
    assert_eq!(sara.move_to(gid, "upphavd", Some(&decided("2026-11-21"))).await.0, 200);
    assert_eq!(lisa.doc(gid).await.0, 404);
    let (s, g) = sara.doc(gid).await;
    assert_eq!((s, g["status"].as_str()), (200, Some("upphavd")));
    // Every move is in the audit log.
    let (_, audit) = sara.call(Method::GET, &format!("/api/v1/audit?entity_type=document&entity_id={gid}"), None).await;
    let actions: Vec<&str> = audit["items"].as_array().unwrap().iter().filter_map(|a| a["action"].as_str()).collect();
    for a in ["document.create", "document.update", "document.gallande", "document.under_revision", "document.upphavd"] {
        assert!(actions.contains(&a), "{b}: {a} missing in {actions:?}");
    }
    t.stop().await;
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn a_strategys_actions_become_tasks_and_its_repeal_closes_them(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let (sara, karin) = (api_as(&t, "sara.lindqvist").await, api_as(&t, "karin.berg").await);
    let policy = t.doc_id("Informationssäkerhetspolicy").await;
    let socf = t.id("Socialförvaltningen");
    let strat = DocJson {
        valid_until: Some("2030-12-31".into()),
        parent_id: Some(policy),
        ..draft("strategi", "Strategi för säker digitalisering", t.id("Stadsledningsförvaltningen"), t.id("Kommunfullmäktige"))
    };
    let (s, st) = sara.create(&strat).await;
    assert_eq!(s, 201, "{st}");
    let sid = st["id"].as_i64().unwrap();
    let (s, e) = sara.move_to(sid, "gallande", Some(&decided("2026-11-02"))).await;
    assert_eq!(s, 422);
    assert!(has(&e, "actions", "err.doc.strategi_actions"), "{e}");
    // An action names who, by when and how urgent.
    let vague = ActionJson { title: "Inventera molntjänster".into(), priority: "akut".into(), ..Default::default() };
    let (s, e) = sara.add_action(sid, &vague).await;
    assert_eq!(s, 422);
    assert!(has(&e, "responsible_username", "err.doc.action_responsible"), "{e}");
    assert!(has(&e, "due_date", "err.doc.action_due") && has(&e, "priority", "err.doc.priority_invalid"), "{e}");
    let clear = ActionJson { responsible_unit_id: Some(socf), due_date: "2027-03-31".into(), priority: "hog".into(), ..vague };
    assert_eq!(sara.add_action(sid, &clear).await.0, 201);
    let (s, st) = sara.move_to(sid, "gallande", Some(&decided("2026-11-02"))).await;
    assert_eq!(s, 200, "{st}");
    assert!(st["actions"][0]["task_id"].is_i64(), "{st}");
    // The unit's head finds it in Mina uppgifter.
    let mine = |v: &Value| v.as_array().unwrap().iter().any(|x| x["title"].as_str().unwrap().starts_with("Inventera molntjänster"));
    assert!(mine(&karin.call(Method::GET, "/api/v1/tasks", None).await.1), "{b}");
    // Repealing the strategy closes its open action tasks.
    assert_eq!(sara.move_to(sid, "upphavd", Some(&decided("2026-11-21"))).await.0, 200);
    assert!(!mine(&karin.call(Method::GET, "/api/v1/tasks", None).await.1), "{b}: closed");
    t.stop().await;
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn a_unit_that_owns_a_document_is_not_deleted(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let sara = api_as(&t, "sara.lindqvist").await;
    let (s, unit) = sara
        .call(
            Method::POST,
            "/api/v1/org-units",
            Some(json!({"parent_id": t.id("Socialförvaltningen"), "kind": "enhet", "name": "Dokumentenheten"})),
        )
        .await;
    assert_eq!(s, 201, "{unit}");
    let uid = unit["id"].as_i64().unwrap();
    let policy = t.doc_id("Informationssäkerhetspolicy").await;
    assert_eq!(sara.create(&DocJson { parent_id: Some(policy), ..draft("riktlinje", "Enhetens riktlinje", uid, uid) }).await.0, 201);
    // The refusal says why, in words.
    let (s, e) = sara.call(Method::DELETE, &format!("/api/v1/org-units/{uid}"), None).await;
    assert_eq!(s, 409, "{b}: {e}");
    assert!(e["error"]["message"].as_str().unwrap().contains("1 styrdokument"), "{e}");
    t.stop().await;
}

/// The revision narrows the guideline to Utbildningsförvaltningen: until it is adopted, the
/// version in force still applies to the whole city, and the audit row of the save says so.
async fn the_draft_narrows_the_scope_only_for_itself(t: &TestApp, sara: &Api, lisa: &Api, gid: i64, d: &mut DocJson, b: &str) {
    let (kf, utbf) = (t.id("Kommunfullmäktige"), t.id("Utbildningsförvaltningen"));
    d.applies_to_unit_id = Some(utbf);
    assert_eq!(sara.save(gid, d).await.0, 200);
    let (_, g) = sara.doc(gid).await;
    assert_eq!((g["applies_to_unit_id"].as_i64(), g["version"]["number"].as_i64()), (Some(kf), Some(1)), "{b}: {g}");
    assert_eq!(lisa.doc(gid).await.0, 200, "{b}: still hers to read while the revision is a draft");
    let (_, audit) =
        sara.call(Method::GET, &format!("/api/v1/audit?entity_type=document&entity_id={gid}&action=document.update"), None).await;
    assert!(audit["items"].as_array().unwrap().iter().any(|a| a["after"]["applies_to"] == utbf), "{b}: {audit}");
}
