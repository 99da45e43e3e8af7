//! Read confirmation, follow-up, and who sees drafts.

use super::*;
use rstest::rstest;

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn staff_confirm_reading_once_and_the_owner_sees_how_many(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let (sara, lisa) = (api_as(&t, "sara.lindqvist").await, api_as(&t, "lisa.nilsson").await);
    let policy = t.doc_id("Informationssäkerhetspolicy").await;
    // The demo asks Hemtjänst Öst (lisa's unit) to confirm the policy.
    let (_, pend) = lisa.call(Method::GET, "/api/v1/documents/pending-acknowledgements", None).await;
    assert!(pend.as_array().unwrap().iter().any(|x| x["document_id"] == policy), "{pend}");
    let (_, rep) = sara.call(Method::GET, &format!("/api/v1/documents/{policy}/acknowledgements"), None).await;
    assert_eq!((rep[0]["staff"].as_i64(), rep[0]["acknowledged"].as_i64()), (Some(1), Some(0)), "{rep}");
    // The document's page asks her, and only her, until she has confirmed.
    const ASKED: &str = "Du ombeds bekräfta att du har läst den gällande versionen";
    const DONE: &str = "Du har bekräftat att du läst den här versionen.";
    let page = format!("/documents/{policy}");
    let lisa_web = t.signed_in("lisa.nilsson").await;
    let (code, html) = lisa_web.text(&page).await;
    assert!(code == 200 && html.contains(ASKED) && !html.contains(DONE), "{b}: {html}");
    let (code, html) = t.signed_in("omar.haddad").await.text(&page).await;
    assert!(code == 200 && !html.contains(ASKED), "{b}: omar was not asked");
    assert_eq!(lisa.call(Method::POST, &format!("/api/v1/documents/{policy}/acknowledge"), None).await.0, 204);
    let (_, html) = lisa_web.text(&page).await;
    assert!(!html.contains(ASKED) && html.contains(DONE), "{b}: {html}");
    assert_eq!(lisa.call(Method::POST, &format!("/api/v1/documents/{policy}/acknowledge"), None).await.0, 409, "once is enough");
    let (_, pend) = lisa.call(Method::GET, "/api/v1/documents/pending-acknowledgements", None).await;
    assert!(!pend.as_array().unwrap().iter().any(|x| x["document_id"] == policy), "{b}: no longer asked");
    let (_, rep) = sara.call(Method::GET, &format!("/api/v1/documents/{policy}/acknowledgements"), None).await;
    assert_eq!(rep[0]["unit_name"], "Hemtjänst Öst", "{rep}");
    assert_eq!((rep[0]["staff"].as_i64(), rep[0]["acknowledged"].as_i64()), (Some(1), Some(1)), "{rep}");
    // Someone who was not asked cannot confirm.
    let (s, _) = api_as(&t, "omar.haddad").await.call(Method::POST, &format!("/api/v1/documents/{policy}/acknowledge"), None).await;
    assert_eq!(s, 409, "{b}");
    // The units an editor may ask are their part of the tree, kept between writes: a unit
    // made since is offered at once.
    let sara_web = t.signed_in("sara.lindqvist").await;
    let (_, html) = sara_web.text(&page).await;
    assert!(html.contains(">Hemtjänst Öst</option>") && !html.contains(">Familjerätten Nord</option>"), "{b}: {html}");
    let unit = json!({"parent_id": t.id("Socialförvaltningen"), "kind": "enhet", "name": "Familjerätten Nord"});
    assert_eq!(sara.call(Method::POST, "/api/v1/org-units", Some(unit)).await.0, 201, "{b}");
    let (_, html) = sara_web.text(&page).await;
    assert!(html.contains(">Familjerätten Nord</option>"), "{b}: the new unit offered at once");
    t.stop().await;
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn a_namnd_does_not_see_another_namnds_drafts(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let karin = api_as(&t, "karin.berg").await;
    let socf = t.id("Socialförvaltningen");
    let klassning = t.doc_id("Riktlinje för informationsklassning").await;
    let draft = json!({"doc_type": "anvisning", "title": "Rutin för journalåtkomst", "unit_id": socf, "applies_to_unit_id": socf,
        "parent_id": klassning, "deciding_body": "chef", "body_md": "Utkast"});
    let (s, d) = karin.call(Method::POST, "/api/v1/documents", Some(draft)).await;
    assert_eq!(s, 201, "{b}: {d}");
    let id = d["id"].as_i64().unwrap();
    let path = format!("/api/v1/documents/{id}");
    // Another nämnd's head, an informationsägare inside the förvaltning and the auditor
    // see no draft; neither does the list.
    for who in ["johan.ek", "omar.haddad", "erik.holm", "lisa.nilsson"] {
        let api = api_as(&t, who).await;
        let (s, _) = api.call(Method::GET, &path, None).await;
        assert_eq!(s, 404, "{b}: {who} must not see the draft");
        let (_, list) = api.call(Method::GET, "/api/v1/documents?q=journal", None).await;
        assert_eq!(list["total"], 0, "{b}: {who}: {list}");
    }
    let (s, _) = api_as(&t, "sara.lindqvist").await.call(Method::GET, &path, None).await;
    assert_eq!(s, 200, "the samordnare edits everywhere");
    // On remiss it reaches those it will apply to, and no one else.
    let remiss = json!({"instances": [{"unit_id": t.id("Socialförvaltningen")}], "due_date": "2099-01-31"});
    let (s, r) = karin.call(Method::POST, &format!("{path}/remiss"), Some(remiss)).await;
    assert_eq!(s, 201, "{r}");
    let (s, _) = api_as(&t, "omar.haddad").await.call(Method::GET, &path, None).await;
    assert_eq!(s, 200, "{b}: the förvaltning's own staff review it");
    let (s, _) = api_as(&t, "johan.ek").await.call(Method::GET, &path, None).await;
    assert_eq!(s, 404, "{b}: still not another nämnd's");
    t.stop().await;
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn follow_up_reaches_the_owner_and_the_samordnare(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let overdue = t.doc_id("Anvisning för behörighetshantering i socialförvaltningens verksamhetssystem").await;
    // The owner (karin.berg) sees the overdue revision in Mina uppgifter.
    let karin = t.signed_in("karin.berg").await;
    let (s, html) = karin.text("/tasks").await;
    assert_eq!(s, 200);
    let section = html.split("id=\"fu-h\"").nth(1).unwrap_or_default();
    assert!(section.contains(&format!("/documents/{overdue}")), "{b}: follow-up in Mina uppgifter");
    assert!(section.contains("Revisionsdatum passerat"));
    // The strategy's owner (sara) sees its overdue action in Mina uppgifter.
    let sara_page = t.signed_in("sara.lindqvist").await;
    let (_, html) = sara_page.text("/tasks").await;
    let section = html.split("id=\"fu-h\"").nth(1).unwrap_or_default();
    assert!(section.contains("Försenad åtgärd: Klassa informationen"), "{b}: overdue action for the owner");
    // The samordnare's overview counts per unit, including the strategy's overdue action.
    let sara = api_as(&t, "sara.lindqvist").await;
    let (s, f) = sara.call(Method::GET, "/api/v1/documents/follow-up", None).await;
    assert_eq!(s, 200);
    assert!(f["documents"].as_array().unwrap().iter().any(|d| d["id"] == overdue && d["revision_overdue"] == true), "{f}");
    let socf = t.id("Socialförvaltningen");
    let row = f["counts"].as_array().unwrap().iter().find(|c| c["unit_id"] == socf).cloned().unwrap_or_default();
    assert_eq!(row["revision_overdue"], 1, "{b}: {f}");
    // The overdue action counts for the unit responsible for it (Socialförvaltningen), not for
    // the strategy's unit (Stadsledningsförvaltningen): its head follows it up.
    let slf = t.id("Stadsledningsförvaltningen");
    let row = f["counts"].as_array().unwrap().iter().find(|c| c["unit_id"] == slf).cloned().unwrap_or_default();
    assert_ne!(row["actions_overdue"], 1, "{b}: not the strategy's unit: {f}");
    let row = f["counts"].as_array().unwrap().iter().find(|c| c["unit_id"] == socf).cloned().unwrap_or_default();
    assert_eq!(row["actions_overdue"], 1, "{b}: the responsible unit: {f}");
    let klassa = |f: &serde_json::Value| {
        f["actions"].as_array().unwrap().iter().any(|a| a["title"].as_str().unwrap().starts_with("Klassa informationen"))
    };
    assert!(klassa(&f));
    let (_, kf) = api_as(&t, "karin.berg").await.call(Method::GET, "/api/v1/documents/follow-up", None).await;
    assert!(klassa(&kf), "{b}: the responsible head's follow-up has it: {kf}");
    // The head's counts (their part of the city, kept to in each of the count's reads) are
    // the city's counts of those units: the overdue revision and the overdue action.
    let kc = kf["counts"].as_array().unwrap();
    assert!(kc.iter().any(|c| c["unit_id"] == socf && c["revision_overdue"] == 1 && c["actions_overdue"] == 1), "{b}: {kf}");
    assert!(!kc.iter().any(|c| c["unit_id"] == slf), "{b}: only their part: {kf}");
    for c in kc {
        assert!(f["counts"].as_array().unwrap().contains(c), "{b}: the head's count is the city's: {c} in {f}");
    }
    // An employee has no overview.
    let (s, _) = api_as(&t, "lisa.nilsson").await.call(Method::GET, "/api/v1/documents/follow-up", None).await;
    assert_eq!(s, 403);
    // When an owner leaves, their documents have nobody to act.
    let skola = t.doc_id("Rutin för incidentrapportering i skolan").await;
    assert!(!f["documents"].as_array().unwrap().iter().any(|d| d["id"] == skola), "{b}: owned while johan is active");
    let johan = t.id("johan.ek");
    let (s, _) = api_as(&t, "admin").await.call(Method::POST, &format!("/api/v1/users/{johan}/deactivate"), None).await;
    assert_eq!(s, 200);
    let before = f;
    let (_, f) = sara.call(Method::GET, "/api/v1/documents/follow-up", None).await;
    let row = f["documents"].as_array().unwrap().iter().find(|d| d["id"] == skola && d["no_owner"] == true).cloned();
    let row = row.unwrap_or_else(|| panic!("{b}: {f}"));
    // …and their unit's count of them (the overview's own statement) rises by one.
    let no_owner = |f: &serde_json::Value| {
        let row = f["counts"].as_array().unwrap().iter().find(|c| c["unit_id"] == row["unit_id"]).cloned();
        row.map_or(0, |c| c["no_owner"].as_i64().unwrap())
    };
    assert_eq!(no_owner(&f), no_owner(&before) + 1, "{b}: {f}");
    t.stop().await;
}
