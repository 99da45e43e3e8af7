//! Styrdokument: the seed's rules, the life cycle, strategy actions, acknowledgement,
//! follow-up and who sees drafts, through the API and the pages, on each database.

use crate::helpers::*;
use reqwest::Method;
use serde_json::json;

fn field_codes(e: &serde_json::Value) -> Vec<(String, String)> {
    e["error"]["fields"]
        .as_array()
        .map(|a| a.iter().map(|f| (f["field"].as_str().unwrap_or("").to_owned(), f["code"].as_str().unwrap_or("").to_owned())).collect())
        .unwrap_or_default()
}

#[tokio::test]
async fn the_seed_rules_and_the_life_cycle_through_the_api() {
    for b in backends() {
        let t = TestApp::spawn(b).await;
        let sara = api_as(&t, "sara.lindqvist").await;
        let lisa = api_as(&t, "lisa.nilsson").await;
        let kf = t.id("Kommunfullmäktige");
        let slf = t.id("Stadsledningsförvaltningen");
        let socf = t.id("Socialförvaltningen");

        // The demo city holds the seed's policy: KF, 2018-05-28, tills vidare, SLF.
        let (s, list) = sara.call(Method::GET, "/api/v1/documents?type=policy", None).await;
        assert_eq!(s, 200);
        assert_eq!(list["total"], 1, "{b}: {list}");
        let policy = list["items"][0]["id"].as_i64().unwrap();
        let (_, p) = sara.call(Method::GET, &format!("/api/v1/documents/{policy}"), None).await;
        assert_eq!(p["status"], "gallande");
        assert_eq!(p["unit_id"], slf);
        assert_eq!(p["version"]["deciding_body"], "kommunfullmaktige");
        assert_eq!(p["version"]["decision_date"], "2018-05-28");
        assert!(p["version"]["valid_until"].is_null(), "tills vidare");
        assert!(p["html"].as_str().unwrap().contains("<h2>Syfte och omfattning</h2>"), "{p}");

        // A policy is adopted by kommunfullmäktige and valid until further notice.
        let base = json!({"title": "Ny policy", "unit_id": slf, "applies_to_unit_id": kf, "body_md": "Text"});
        let mut bad = base.clone();
        bad["doc_type"] = json!("policy");
        bad["deciding_body"] = json!("kommunstyrelse");
        bad["valid_until"] = json!("2030-12-31");
        let (s, e) = sara.call(Method::POST, "/api/v1/documents", Some(bad)).await;
        assert_eq!(s, 422, "{e}");
        let codes = field_codes(&e);
        assert!(codes.contains(&("deciding_body".into(), "err.doc.policy_body".into())), "{codes:?}");
        assert!(codes.contains(&("validity".into(), "err.doc.policy_validity".into())), "{codes:?}");
        assert!(e["error"]["fields"].as_array().unwrap().iter().any(|f| f["message"] == "En policy antas av kommunfullmäktige."));
        // A strategy has an end date; an instruction is a chef's and executes something.
        let mut strat = base.clone();
        strat["doc_type"] = json!("strategi");
        strat["deciding_body"] = json!("kommunstyrelse");
        let (s, e) = sara.call(Method::POST, "/api/v1/documents", Some(strat.clone())).await;
        assert_eq!(s, 422);
        assert!(field_codes(&e).contains(&("validity".into(), "err.doc.strategi_validity".into())));
        let mut anv = base.clone();
        anv["doc_type"] = json!("anvisning");
        anv["deciding_body"] = json!("kommunstyrelse");
        let (_, e) = sara.call(Method::POST, "/api/v1/documents", Some(anv)).await;
        let codes = field_codes(&e);
        assert!(codes.contains(&("deciding_body".into(), "err.doc.anvisning_body".into())), "{codes:?}");
        assert!(codes.contains(&("parent_id".into(), "err.doc.parent_required".into())), "{codes:?}");
        // The tree: a guideline cannot implement an instruction.
        let losen = t.doc_id("Rutin för lösenord och inloggning").await;
        let mut rl = base.clone();
        rl["doc_type"] = json!("riktlinje");
        rl["deciding_body"] = json!("kommunstyrelse");
        rl["parent_id"] = json!(losen);
        let (_, e) = sara.call(Method::POST, "/api/v1/documents", Some(rl.clone())).await;
        assert!(field_codes(&e).contains(&("parent_id".into(), "err.doc.parent_type".into())));

        // A guideline under the policy: utkast, version 1.
        rl["parent_id"] = json!(policy);
        rl["title"] = json!("Översiktlig riktlinje för molntjänster");
        rl["body_md"] = json!("## Syfte\n\nMolntjänster används bara efter riskanalys.\n");
        let (s, g) = sara.call(Method::POST, "/api/v1/documents", Some(rl.clone())).await;
        assert_eq!(s, 201, "{g}");
        let gid = g["id"].as_i64().unwrap();
        assert_eq!(g["status"], "utkast");
        assert_eq!(g["version"]["number"], 1);
        // Free-text search folds Swedish letters on both databases.
        let (_, found) = sara.call(Method::GET, "/api/v1/documents?q=%C3%96VERSIKTLIG%20RIKTLINJE", None).await;
        assert_eq!(found["total"], 1, "{b}: {found}");
        assert_eq!(found["items"][0]["id"], gid);
        // Only the allowed moves exist.
        let (s, e) = sara.call(Method::POST, &format!("/api/v1/documents/{gid}/transitions"), Some(json!({"to": "under_revision"}))).await;
        assert_eq!(s, 409, "{e}");
        assert_eq!(e["error"]["message"], "Ett dokument som är utkast kan inte bli under revision.", "{e}");
        // On remiss: an employee the guideline will apply to comments; the text is locked.
        let (s, _) = sara.call(Method::POST, &format!("/api/v1/documents/{gid}/transitions"), Some(json!({"to": "pa_remiss"}))).await;
        assert_eq!(s, 200);
        let (s, c) =
            lisa.call(Method::POST, &format!("/api/v1/documents/{gid}/comments"), Some(json!({"body": "Gäller detta även e-post?"}))).await;
        assert_eq!(s, 201, "{b}: {c}");
        let (s, _) = sara.call(Method::PATCH, &format!("/api/v1/documents/{gid}"), Some(rl.clone())).await;
        assert_eq!(s, 409, "on remiss the text is fixed");
        // Adopting needs a decision date.
        let (s, e) = sara.call(Method::POST, &format!("/api/v1/documents/{gid}/transitions"), Some(json!({"to": "gallande"}))).await;
        assert_eq!(s, 422);
        assert!(field_codes(&e).contains(&("decision_date".into(), "err.doc.decision_date_required".into())));
        let (s, _) = sara.call(Method::POST, &format!("/api/v1/documents/{gid}/transitions"), Some(json!({"to": "utkast"}))).await;
        assert_eq!(s, 200);
        rl["decision_date"] = json!("2026-11-02");
        rl["diarienummer"] = json!("KS 2026/0101");
        let (s, _) = sara.call(Method::PATCH, &format!("/api/v1/documents/{gid}"), Some(rl.clone())).await;
        assert_eq!(s, 200);
        let (s, g) = sara.call(Method::POST, &format!("/api/v1/documents/{gid}/transitions"), Some(json!({"to": "gallande"}))).await;
        assert_eq!(s, 200, "{g}");
        assert_eq!(g["current_version"], 1);
        // Adopted versions are frozen.
        let (s, _) = sara.call(Method::PATCH, &format!("/api/v1/documents/{gid}"), Some(rl.clone())).await;
        assert_eq!(s, 409);
        // A revision is a new version; the adopted one stays valid until its successor is adopted.
        let (s, g) = sara.call(Method::POST, &format!("/api/v1/documents/{gid}/transitions"), Some(json!({"to": "under_revision"}))).await;
        assert_eq!(s, 200);
        assert_eq!(g["version"]["number"], 1, "readers still see version 1");
        let (_, lg) = lisa.call(Method::GET, &format!("/api/v1/documents/{gid}"), None).await;
        assert_eq!(lg["version"]["number"], 1);
        let (s, _) = lisa.call(Method::GET, &format!("/api/v1/documents/{gid}/versions/2"), None).await;
        assert_eq!(s, 404, "an employee does not see the draft of the revision");
        rl["body_md"] = json!("## Syfte\n\nMolntjänster används bara efter riskanalys och klassning.\n");
        rl["decision_date"] = json!("2026-11-20");
        let (s, _) = sara.call(Method::PATCH, &format!("/api/v1/documents/{gid}"), Some(rl.clone())).await;
        assert_eq!(s, 200);
        let (s, g) = sara.call(Method::POST, &format!("/api/v1/documents/{gid}/transitions"), Some(json!({"to": "gallande"}))).await;
        assert_eq!(s, 200);
        assert_eq!(g["current_version"], 2);
        let (_, v1) = sara.call(Method::GET, &format!("/api/v1/documents/{gid}/versions/1"), None).await;
        assert_eq!(v1["state"], "superseded");
        assert!(v1["body_md"].as_str().unwrap().contains("efter riskanalys.\n"), "version 1 kept as adopted");
        let (s, d) = sara.call(Method::GET, &format!("/api/v1/documents/{gid}/diff?from=1&to=2"), None).await;
        assert_eq!(s, 200);
        let lines = d["lines"].as_array().unwrap();
        assert!(lines.iter().any(|l| l["kind"] == "del" && l["text"] == "Molntjänster används bara efter riskanalys."), "{d}");
        assert!(lines.iter().any(|l| l["kind"] == "ins" && l["text"].as_str().unwrap().ends_with("och klassning.")), "{d}");
        assert!(d["fields"].as_array().unwrap().iter().any(|f| f["field"] == "doc.field.decision_date"), "{d}");

        // A strategy needs actions; each becomes a task in Mina uppgifter when adopted.
        strat["valid_until"] = json!("2030-12-31");
        strat["decision_date"] = json!("2026-11-02");
        strat["parent_id"] = json!(policy);
        strat["title"] = json!("Strategi för säker digitalisering");
        let (s, st) = sara.call(Method::POST, "/api/v1/documents", Some(strat)).await;
        assert_eq!(s, 201, "{st}");
        let sid = st["id"].as_i64().unwrap();
        let (s, e) = sara.call(Method::POST, &format!("/api/v1/documents/{sid}/transitions"), Some(json!({"to": "gallande"}))).await;
        assert_eq!(s, 422);
        assert!(field_codes(&e).contains(&("actions".into(), "err.doc.strategi_actions".into())), "{e}");
        let (s, e) = sara
            .call(
                Method::POST,
                &format!("/api/v1/documents/{sid}/actions"),
                Some(json!({"title": "Inventera molntjänster", "priority": "akut"})),
            )
            .await;
        assert_eq!(s, 422);
        let codes = field_codes(&e);
        assert!(codes.contains(&("responsible_username".into(), "err.doc.action_responsible".into())), "{codes:?}");
        assert!(codes.contains(&("due_date".into(), "err.doc.action_due".into())), "{codes:?}");
        assert!(codes.contains(&("priority".into(), "err.doc.priority_invalid".into())), "{codes:?}");
        let (s, _) = sara
            .call(
                Method::POST,
                &format!("/api/v1/documents/{sid}/actions"),
                Some(json!({"title": "Inventera molntjänster", "responsible_unit_id": socf, "due_date": "2027-03-31", "priority": "hog"})),
            )
            .await;
        assert_eq!(s, 201);
        let (s, st) = sara.call(Method::POST, &format!("/api/v1/documents/{sid}/transitions"), Some(json!({"to": "gallande"}))).await;
        assert_eq!(s, 200, "{st}");
        assert!(st["actions"][0]["task_id"].is_i64(), "{st}");
        let karin = api_as(&t, "karin.berg").await;
        let (_, tasks) = karin.call(Method::GET, "/api/v1/tasks", None).await;
        assert!(tasks.as_array().unwrap().iter().any(|x| x["title"].as_str().unwrap().starts_with("Inventera molntjänster")), "{tasks}");

        // A unit that owns a document cannot be deleted: the refusal says why.
        let (_, unit) = sara
            .call(Method::POST, "/api/v1/org-units", Some(json!({"parent_id": socf, "kind": "enhet", "name": "Dokumentenheten"})))
            .await;
        let uid = unit["id"].as_i64().unwrap();
        let mut owned = rl.clone();
        owned["title"] = json!("Enhetens riktlinje");
        owned["unit_id"] = json!(uid);
        owned["applies_to_unit_id"] = json!(uid);
        let (s, _) = sara.call(Method::POST, "/api/v1/documents", Some(owned)).await;
        assert_eq!(s, 201);
        let (s, e) = sara.call(Method::DELETE, &format!("/api/v1/org-units/{uid}"), None).await;
        assert_eq!(s, 409, "{b}: {e}");
        assert!(e["error"]["message"].as_str().unwrap().contains("1 styrdokument"), "{e}");
        // Repealing the strategy closes its open action tasks.
        let (s, _) = sara.call(Method::POST, &format!("/api/v1/documents/{sid}/transitions"), Some(json!({"to": "upphavd"}))).await;
        assert_eq!(s, 200);
        let (_, tasks) = karin.call(Method::GET, "/api/v1/tasks", None).await;
        assert!(
            !tasks.as_array().unwrap().iter().any(|x| x["title"].as_str().unwrap().starts_with("Inventera molntjänster")),
            "{b}: {tasks}"
        );
        // A nämnd adopting its own guideline is a setting, not a code change.
        let mut own = rl.clone();
        own["title"] = json!("Nämndens egen riktlinje");
        own["deciding_body"] = json!("namnd");
        let (s, e) = sara.call(Method::POST, "/api/v1/documents", Some(own.clone())).await;
        assert_eq!(s, 422);
        assert!(field_codes(&e).contains(&("deciding_body".into(), "err.doc.riktlinje_body".into())));
        let admin = api_as(&t, "admin").await;
        let (s, _) = admin.call(Method::PUT, "/api/v1/settings/documents", Some(json!({"namnd_may_adopt_riktlinje": true}))).await;
        assert_eq!(s, 200);
        let (s, _) = sara.call(Method::POST, "/api/v1/documents", Some(own)).await;
        assert_eq!(s, 201);

        // Staff acknowledgement: the demo asks Hemtjänst Öst to confirm the policy.
        let (_, pend) = lisa.call(Method::GET, "/api/v1/documents/pending-acknowledgements", None).await;
        assert!(pend.as_array().unwrap().iter().any(|x| x["document_id"] == policy), "{pend}");
        let (s, _) = lisa.call(Method::POST, &format!("/api/v1/documents/{policy}/acknowledge"), None).await;
        assert_eq!(s, 204);
        let (s, _) = lisa.call(Method::POST, &format!("/api/v1/documents/{policy}/acknowledge"), None).await;
        assert_eq!(s, 409, "once is enough");
        let (_, rep) = sara.call(Method::GET, &format!("/api/v1/documents/{policy}/acknowledgements"), None).await;
        let r = &rep[0];
        assert_eq!(r["unit_name"], "Hemtjänst Öst", "{rep}");
        assert_eq!(r["acknowledged"], 1);
        assert_eq!(r["staff"], 1);

        // Repealed: gone from the employee's reading, kept for the samordnare.
        let (s, _) = sara.call(Method::POST, &format!("/api/v1/documents/{gid}/transitions"), Some(json!({"to": "upphavd"}))).await;
        assert_eq!(s, 200);
        let (s, _) = lisa.call(Method::GET, &format!("/api/v1/documents/{gid}"), None).await;
        assert_eq!(s, 404);
        let (s, g) = sara.call(Method::GET, &format!("/api/v1/documents/{gid}"), None).await;
        assert_eq!((s, g["status"].as_str()), (200, Some("upphavd")));

        // Every move is in the audit log.
        let (_, audit) = sara.call(Method::GET, &format!("/api/v1/audit?entity_type=document&entity_id={gid}"), None).await;
        let actions: Vec<&str> = audit["items"].as_array().unwrap().iter().filter_map(|a| a["action"].as_str()).collect();
        for a in [
            "document.create",
            "document.pa_remiss",
            "document.utkast",
            "document.update",
            "document.gallande",
            "document.under_revision",
            "document.upphavd",
        ] {
            assert!(actions.contains(&a), "{b}: {a} missing in {actions:?}");
        }
        t.stop().await;
    }
}

#[tokio::test]
async fn a_namnd_does_not_see_another_namnds_drafts() {
    for b in backends() {
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
        let (s, _) = karin.call(Method::POST, &format!("{path}/transitions"), Some(json!({"to": "pa_remiss"}))).await;
        assert_eq!(s, 200);
        let (s, _) = api_as(&t, "omar.haddad").await.call(Method::GET, &path, None).await;
        assert_eq!(s, 200, "{b}: the förvaltning's own staff review it");
        let (s, _) = api_as(&t, "johan.ek").await.call(Method::GET, &path, None).await;
        assert_eq!(s, 404, "{b}: still not another nämnd's");
        t.stop().await;
    }
}

#[tokio::test]
async fn follow_up_reaches_the_owner_and_the_samordnare() {
    for b in backends() {
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
        let slf = t.id("Stadsledningsförvaltningen");
        let row = f["counts"].as_array().unwrap().iter().find(|c| c["unit_id"] == slf).cloned().unwrap_or_default();
        assert_eq!(row["actions_overdue"], 1, "{b}: the strategy's overdue action counts for its owner: {f}");
        assert!(f["actions"].as_array().unwrap().iter().any(|a| a["title"].as_str().unwrap().starts_with("Klassa informationen")));
        // An employee has no overview.
        let (s, _) = api_as(&t, "lisa.nilsson").await.call(Method::GET, "/api/v1/documents/follow-up", None).await;
        assert_eq!(s, 403);
        // When an owner leaves, their documents have nobody to act.
        let skola = t.doc_id("Rutin för incidentrapportering i skolan").await;
        assert!(!f["documents"].as_array().unwrap().iter().any(|d| d["id"] == skola), "{b}: owned while johan is active");
        let johan = t.id("johan.ek");
        let (s, _) = api_as(&t, "admin").await.call(Method::POST, &format!("/api/v1/users/{johan}/deactivate"), None).await;
        assert_eq!(s, 200);
        let (_, f) = sara.call(Method::GET, "/api/v1/documents/follow-up", None).await;
        assert!(f["documents"].as_array().unwrap().iter().any(|d| d["id"] == skola && d["no_owner"] == true), "{b}: {f}");
        t.stop().await;
    }
}

#[tokio::test]
async fn document_pages_read_print_and_keep_bad_input() {
    let t = TestApp::spawn("sqlite").await;
    let policy = t.doc_id("Informationssäkerhetspolicy").await;
    let lisa = t.signed_in("lisa.nilsson").await;
    let (s, html) = lisa.text(&format!("/documents/{policy}")).await;
    assert_eq!(s, 200);
    // The metadata table of the seed, in Swedish.
    for text in [
        "Dokumenttyp",
        "Giltighetstid",
        "Beslutande organ",
        "Beslutsdatum",
        "Kommunfullmäktige",
        "2018-05-28",
        "Tills vidare",
        "Stadsledningsförvaltningen",
    ] {
        assert!(html.contains(text), "{text} on the reading view");
    }
    assert!(html.contains("Jag har läst dokumentet"), "lisa is asked to confirm");
    let r = lisa.get(&format!("/documents/{policy}/pdf")).await;
    assert_eq!(r.headers()["content-type"], "application/pdf");
    let bytes = r.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(bytes.windows(b"Tills vidare".len()).any(|w| w == b"Tills vidare"), "the metadata is in the PDF");

    // A form with a mistake comes back with the input and the message at the field.
    let sara = t.signed_in("sara.lindqvist").await;
    let slf = t.id("Stadsledningsförvaltningen").to_string();
    let kf = t.id("Kommunfullmäktige").to_string();
    let r = sara
        .post_form(
            "/documents",
            &[
                ("doc_type", "policy"),
                ("title", "Policy för kameraövervakning"),
                ("unit_id", &slf),
                ("applies_to_unit_id", &kf),
                ("deciding_body", "chef"),
                ("validity", "tills_vidare"),
                ("body_md", "## Mål\n\nTexten ska finnas kvar."),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("value=\"Policy för kameraövervakning\""), "input intact");
    assert!(html.contains("Texten ska finnas kvar."), "text intact");
    assert!(html.contains("id=\"e-deciding_body\""), "message at the field");
    assert!(html.contains("En policy antas av kommunfullmäktige."));
    // Every mistake at once: a bad end date does not hide the wrong deciding body.
    let r = sara
        .post_form(
            "/documents",
            &[
                ("doc_type", "policy"),
                ("title", "Policy för kameraövervakning"),
                ("unit_id", &slf),
                ("applies_to_unit_id", &kf),
                ("deciding_body", "kommunstyrelse"),
                ("validity", "until"),
                ("valid_until", "2020-13-01"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("id=\"e-valid_until\"") && html.contains("id=\"e-deciding_body\""), "both mistakes shown");
    // The tree nests each document under the one it implements.
    let (s, html) = sara.text("/documents/tree").await;
    assert_eq!(s, 200);
    let at = |t: &str| html.find(t).unwrap_or_else(|| panic!("{t} in the tree"));
    let (p, strat, klass, losen) = (
        at(">Informationssäkerhetspolicy<"),
        at(">Strategi för informationssäkerhet 2025–2028<"),
        at(">Riktlinje för informationsklassning<"),
        at(">Rutin för lösenord och inloggning<"),
    );
    assert!(p < strat && strat < klass && klass < losen, "policy, then strategy and guideline, then the instruction");
    assert!(html[p..strat].contains("<ul>"), "the strategy sits one level under the policy");
    assert!(html[klass..losen].contains("<ul>"), "the instruction sits under its guideline");
    // The register filtered on a unit (as the follow-up overview links) says so.
    let socf = t.id("Socialförvaltningen");
    let (s, html) = sara.text(&format!("/documents?unit={socf}")).await;
    assert_eq!(s, 200);
    assert!(html.contains("Visar dokument med ansvarig enhet Socialförvaltningen."));
    assert!(html.contains("Anvisning för behörighetshantering"));
    assert!(!html.contains(">Informationssäkerhetspolicy<"), "only the unit's documents");
    // The audit log names what happened to documents in words.
    let (_, html) = sara.text("/audit?entity=document").await;
    assert!(html.contains("Antaget (gällande)"), "audit labels for documents");
    // Preview renders the Markdown without saving.
    let r = sara
        .post_form(
            "/documents",
            &[("doc_type", "riktlinje"), ("title", "X"), ("body_md", "## Rubrik\n\n<script>x</script>"), ("preview", "1")],
        )
        .await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("<h2>Rubrik</h2>"));
    assert!(!html.contains("<script>x</script>"), "raw HTML is escaped");
    t.stop().await;
}

#[tokio::test]
async fn a_draft_can_be_a_file_and_any_version_a_pdf_through_the_api() {
    for b in backends() {
        let t = TestApp::spawn(b).await;
        let sara = api_as(&t, "sara.lindqvist").await;
        let slf = t.id("Stadsledningsförvaltningen");
        let policy = t.doc_id("Informationssäkerhetspolicy").await;
        let (s, d) = sara
            .call(
                Method::POST,
                "/api/v1/documents",
                Some(json!({"doc_type": "riktlinje", "title": "Riktlinje för arkivering", "unit_id": slf,
                    "applies_to_unit_id": t.id("Kommunfullmäktige"), "parent_id": policy, "deciding_body": "kommunstyrelse"})),
            )
            .await;
        assert_eq!(s, 201, "{d}");
        let id = d["id"].as_i64().unwrap();
        // No text and no file: it cannot be adopted.
        let (s, e) = sara
            .call(
                Method::POST,
                &format!("/api/v1/documents/{id}/transitions"),
                Some(json!({"to": "gallande", "decision_date": "2026-11-03"})),
            )
            .await;
        assert_eq!(s, 422);
        assert!(field_codes(&e).contains(&("body_md".into(), "err.doc.text_required".into())), "{e}");
        // A file as the text, then adopted with the decision in the same call.
        let form = reqwest::multipart::Form::new()
            .part("file", reqwest::multipart::Part::bytes(b"%PDF-1.4 beslut".to_vec()).file_name("Riktlinje arkivering.pdf"));
        let r = sara
            .http
            .post(format!("{}/api/v1/documents/{id}/file", sara.base))
            .bearer_auth(&sara.token)
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 204);
        // The auditor reads the whole organisation but no drafts: not the draft's file either,
        // through neither route.
        let erik = api_as(&t, "erik.holm").await;
        let (s, _) = erik.call(Method::GET, &format!("/api/v1/documents/{id}/versions/1/file"), None).await;
        assert_eq!(s, 404, "{b}");
        for aid in 1..=3 {
            let (s, _) = erik.call(Method::GET, &format!("/api/v1/attachments/{aid}"), None).await;
            assert_eq!(s, 404, "{b}: attachment {aid}");
        }
        let (s, g) = sara
            .call(
                Method::POST,
                &format!("/api/v1/documents/{id}/transitions"),
                Some(json!({"to": "gallande", "decision_date": "2026-11-03", "paragraph": "§ 7"})),
            )
            .await;
        assert_eq!(s, 200, "{g}");
        assert_eq!(g["version"]["paragraph"], "§ 7");
        let r = reqwest::Client::new()
            .get(format!("{}/api/v1/documents/{id}/versions/1/file", t.base))
            .bearer_auth(&sara.token)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(r.bytes().await.unwrap().as_ref(), b"%PDF-1.4 beslut");
        // An adopted version's file cannot be replaced.
        let form = reqwest::multipart::Form::new().part("file", reqwest::multipart::Part::bytes(b"annat".to_vec()).file_name("x.pdf"));
        let r = sara
            .http
            .post(format!("{}/api/v1/documents/{id}/file", sara.base))
            .bearer_auth(&sara.token)
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 409);
        // The policy as PDF through the API.
        let r =
            reqwest::Client::new().get(format!("{}/api/v1/documents/{policy}/pdf", t.base)).bearer_auth(&sara.token).send().await.unwrap();
        assert_eq!(r.headers()["content-type"], "application/pdf");
        assert!(r.bytes().await.unwrap().starts_with(b"%PDF-"));
        t.stop().await;
    }
}
