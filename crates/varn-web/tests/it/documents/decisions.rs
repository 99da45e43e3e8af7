//! A decision is a real decision: who may record it, its dnr, § and dates, the scope that
//! follows the body, the chef who approves an instruction, the repeal, the review interval;
//! and requests and appointments that stay within reach. Each rule on each database.

use super::*;
use rstest::rstest;

/// The error's message (a refusal says why).
fn message(e: &Value) -> &str {
    e["error"]["message"].as_str().unwrap_or("")
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn only_whoever_acts_for_the_body_records_its_decision(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let (ks, sn) = drafts_to_decide(&t).await;
    let (karin, peter, maria) = (api_as(&t, "karin.berg").await, api_as(&t, "peter.lund").await, api_as(&t, "maria.strom").await);
    // The head of Socialnämnden edits its documents but does not record the nämnd's decisions.
    let (s, e) = karin.move_to(sn, "gallande", Some(&decided("2026-11-02"))).await;
    assert_eq!(s, 403, "{b}: {e}");
    assert!(message(&e).contains("Socialnämnden"), "the refusal names the body: {e}");
    // Kommunstyrelsen's registrator does not see the nämnd's draft; the nämnd's, not KS's.
    assert_eq!(maria.move_to(sn, "gallande", Some(&decided("2026-11-02"))).await.0, 404);
    assert_eq!(peter.move_to(ks, "gallande", Some(&decided("2026-11-02"))).await.0, 404);
    // A decision taken in a meeting: date not in the future, dnr and § given.
    let (s, e) = peter.move_to(sn, "gallande", Some(&Decision { decision_date: "2099-01-01".into(), ..Default::default() })).await;
    assert_eq!(s, 422);
    for (f, c) in [
        ("decision_date", "err.doc.decision_in_future"),
        ("diarienummer", "err.doc.dnr_required"),
        ("paragraph", "err.doc.paragraph_required"),
    ] {
        assert!(has(&e, f, c), "{b}: {f} {e}");
    }
    let early = Decision { valid_from: "2026-10-01".into(), ..decided("2026-11-02") };
    assert!(has(&peter.move_to(sn, "gallande", Some(&early)).await.1, "valid_from", "err.doc.valid_from_before"));
    let d = Decision {
        diarienummer: "SN 2026/0412".into(),
        paragraph: "§ 88".into(),
        valid_from: "2027-01-01".into(),
        ..decided("2026-11-02")
    };
    let (s, g) = peter.move_to(sn, "gallande", Some(&d)).await;
    assert_eq!(s, 200, "{b}: {g}");
    let v = &g["version"];
    assert_eq!(
        (v["deciding_unit_id"].as_i64(), v["diarienummer"].as_str(), v["paragraph"].as_str()),
        (Some(t.id("Socialnämnden")), Some("SN 2026/0412"), Some("§ 88"))
    );
    assert_eq!((v["valid_from"].as_str(), g["reviewed_on"].as_str()), (Some("2027-01-01"), Some("2026-11-02")));
    assert_eq!(g["next_review"], "2029-01-01", "{b}: two years from when it applies");
    let (s, g) = maria.move_to(ks, "gallande", Some(&decided("2026-11-02"))).await;
    assert_eq!((s, g["version"]["deciding_unit_id"].as_i64()), (200, Some(t.id("Kommunstyrelsen"))), "{g}");
    // The page says whose decision it is.
    let (_, html) = t.signed_in("sara.lindqvist").await.text(&format!("/documents/{sn}")).await;
    assert!(html.contains("Socialnämnden") && html.contains("SN 2026/0412") && html.contains("Gäller från"), "{b}");
    t.stop().await;
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn the_scope_follows_the_deciding_body(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let sara = api_as(&t, "sara.lindqvist").await;
    let admin = api_as(&t, "admin").await;
    assert_eq!(admin.call(Method::PUT, "/api/v1/settings/documents", Some(json!({"namnd_may_adopt_riktlinje": true}))).await.0, 200);
    let policy = t.doc_id("Informationssäkerhetspolicy").await;
    let (socn, socf, utbf) = (t.id("Socialnämnden"), t.id("Socialförvaltningen"), t.id("Utbildningsförvaltningen"));
    let namnd = |unit, applies| DocJson {
        parent_id: Some(policy),
        deciding_body: "namnd".into(),
        deciding_unit_id: Some(socn),
        ..draft("riktlinje", "Nämndens riktlinje", unit, applies)
    };
    // A nämnd decides for its own subtree, and only its own documents.
    assert!(has(&sara.create(&namnd(socf, utbf)).await.1, "applies_to_unit_id", "err.doc.outside_body"));
    assert!(has(&sara.create(&namnd(utbf, utbf)).await.1, "deciding_unit_id", "err.doc.body_not_owner"));
    let (s, e) = sara.create(&DocJson { deciding_unit_id: None, ..namnd(socf, socf) }).await;
    assert!(s == 422 && has(&e, "deciding_unit_id", "err.doc.body_unit_required"), "{e}");
    let (s, e) = sara.create(&DocJson { deciding_unit_id: Some(socf), ..namnd(socf, socf) }).await;
    assert!(s == 422 && has(&e, "deciding_unit_id", "err.doc.body_unit_kind"), "a förvaltning is no nämnd: {e}");
    assert_eq!(sara.create(&namnd(socf, socf)).await.0, 201);
    // A chef's instruction reaches as far as the förvaltning, not the nämnd above it.
    let klass = t.doc_id("Riktlinje för informationsklassning").await;
    let ifo = t.id("Individ- och familjeomsorg");
    let far = DocJson { parent_id: Some(klass), ..draft("anvisning", "Rutin", ifo, socn) };
    assert!(has(&sara.create(&far).await.1, "applies_to_unit_id", "err.doc.outside_body"));
    // A policy on a single unit is allowed, with advice.
    let (s, p) = sara.create(&draft("policy", "Policy för Hemtjänst Öst", t.id("Stadsledningsförvaltningen"), t.id("Hemtjänst Öst"))).await;
    assert_eq!(s, 201, "{p}");
    let (_, html) = t.signed_in("sara.lindqvist").await.text(&format!("/documents/{}", p["id"])).await;
    assert!(html.contains("En policy berör flera verksamheter"), "{b}");
    t.stop().await;
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn an_instruction_is_approved_by_a_named_chef(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let (sara, karin, peter) = (api_as(&t, "sara.lindqvist").await, api_as(&t, "karin.berg").await, api_as(&t, "peter.lund").await);
    let klass = t.doc_id("Riktlinje för informationsklassning").await;
    let ifo = t.id("Individ- och familjeomsorg");
    let mut ids = Vec::new();
    for title in ["Rutin för loggkontroll", "Rutin för utskrifter"] {
        let (s, g) = sara.create(&DocJson { parent_id: Some(klass), ..draft("anvisning", title, ifo, ifo) }).await;
        assert_eq!(s, 201, "{g}");
        ids.push(g["id"].as_i64().unwrap());
    }
    // Neither the nämnd's registrator (a chef's draft is not theirs to see) nor a head
    // elsewhere approves it.
    assert_eq!(peter.move_to(ids[0], "gallande", Some(&decided("2026-11-02"))).await.0, 404);
    assert_eq!(api_as(&t, "johan.ek").await.move_to(ids[0], "gallande", Some(&decided("2026-11-02"))).await.0, 404);
    // The förvaltningschef above the enhet approves it, with who was consulted.
    let d = Decision { consulted: "IT-avdelningen".into(), ..decided("2026-11-02") };
    let (s, g) = karin.move_to(ids[0], "gallande", Some(&d)).await;
    assert_eq!(s, 200, "{b}: {g}");
    assert_eq!(
        (g["version"]["approved_by_user_id"].as_i64(), g["version"]["approver_unit_id"].as_i64()),
        (Some(t.id("karin.berg")), Some(t.id("Socialförvaltningen")))
    );
    assert_eq!(
        (g["version"]["consulted"].as_str(), g["version"]["diarienummer"].as_str()),
        (Some("IT-avdelningen"), None),
        "no dnr for a chef"
    );
    let (_, html) = t.signed_in("lisa.nilsson").await.text(&format!("/documents/{}", ids[0])).await;
    assert!(!html.contains("Godkänd av"), "not lisa's to read");
    let (_, html) = t.signed_in("omar.haddad").await.text(&format!("/documents/{}", ids[0])).await;
    assert!(html.contains("Godkänd av Karin Berg, förvaltningschef (Socialförvaltningen)") && html.contains("IT-avdelningen"), "{b}");
    // The samordnare records an approval only in a chef's name, and only a chef's.
    assert!(has(&sara.move_to(ids[1], "gallande", Some(&decided("2026-11-02"))).await.1, "approved_by", "err.doc.approved_by_required"));
    let johans = Decision { approved_by: "johan.ek".into(), ..decided("2026-11-02") };
    assert_eq!(sara.move_to(ids[1], "gallande", Some(&johans)).await.0, 403);
    let karins = Decision { approved_by: "karin.berg".into(), ..decided("2026-11-02") };
    let (s, g) = sara.move_to(ids[1], "gallande", Some(&karins)).await;
    assert_eq!((s, g["version"]["approved_by_user_id"].as_i64()), (200, Some(t.id("karin.berg"))), "{g}");
    t.stop().await;
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn a_repeal_is_a_decision_and_review_comes_round(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let (sara, admin) = (api_as(&t, "sara.lindqvist").await, api_as(&t, "admin").await);
    let incident = t.doc_id("Riktlinje för hantering av informationssäkerhetsincidenter").await;
    let policy = t.doc_id("Informationssäkerhetspolicy").await;
    // The seed's own policy (tills vidare) has a next review: four years from its decision.
    let (_, p) = sara.doc(policy).await;
    assert_eq!((p["reviewed_on"].as_str(), p["next_review"].as_str()), (Some("2018-05-28"), Some("2022-05-28")), "{p}");
    let (s, e) = sara.move_to(incident, "upphavd", Some(&Decision::default())).await;
    assert_eq!(s, 422);
    assert!(has(&e, "decision_date", "err.doc.decision_date_required") && has(&e, "diarienummer", "err.doc.dnr_required"), "{e}");
    let itself = Decision { replaced_by: incident.to_string(), ..decided("2026-11-10") };
    assert!(has(&sara.move_to(incident, "upphavd", Some(&itself)).await.1, "replaced_by", "err.doc.replaced_by"));
    let d = Decision {
        diarienummer: "KS 2026/0999".into(),
        paragraph: "§ 140".into(),
        replaced_by: policy.to_string(),
        ..decided("2026-11-10")
    };
    let (s, g) = sara.move_to(incident, "upphavd", Some(&d)).await;
    assert_eq!(s, 200, "{b}: {g}");
    let r = &g["repeal"];
    assert_eq!(
        (r["date"].as_str(), r["body"].as_str(), r["diarienummer"].as_str()),
        (Some("2026-11-10"), Some("kommunstyrelse"), Some("KS 2026/0999"))
    );
    assert_eq!((r["body_unit_id"].as_i64(), r["replaced_by_id"].as_i64()), (Some(t.id("Kommunstyrelsen")), Some(policy)));
    let (_, html) = t.signed_in("sara.lindqvist").await.text(&format!("/documents/{incident}")).await;
    assert!(
        html.contains("Upphävd 2026-11-10 genom beslut av Kommunstyrelsen, § 140, dnr KS 2026/0999.") && html.contains("Ersatt av"),
        "{b}"
    );
    // The city sets the interval per type; a nonsense interval is refused at its field.
    let (s, e) = admin
        .call(Method::PUT, "/api/v1/settings/documents", Some(json!({"namnd_may_adopt_riktlinje": false, "review_years": [0, 2, 2, 2]})))
        .await;
    assert!(s == 422 && has(&e, "review_years_policy", "err.doc.review_years"), "{e}");
    let one = json!({"namnd_may_adopt_riktlinje": false, "review_years": [4, 2, 1, 2]});
    assert_eq!(admin.call(Method::PUT, "/api/v1/settings/documents", Some(one)).await.0, 200);
    let slf = t.id("Stadsledningsförvaltningen");
    let (_, g) = sara
        .create(&DocJson { parent_id: Some(policy), ..draft("riktlinje", "Riktlinje för e-post", slf, t.id("Kommunfullmäktige")) })
        .await;
    let id = g["id"].as_i64().unwrap();
    let (s, g) = sara.move_to(id, "gallande", Some(&decided("2026-11-02"))).await;
    assert_eq!((s, g["next_review"].as_str()), (200, Some("2027-11-02")), "{g}");
    // A review that changes nothing moves both dates; the next one cannot be in the past.
    let reviewed = format!("/api/v1/documents/{id}/reviewed");
    let (s, e) = sara.call(Method::POST, &reviewed, Some(json!({"next_review": "2020-01-01"}))).await;
    assert!(s == 422 && has(&e, "next_review", "err.doc.next_review_past"), "{e}");
    assert_eq!(api_as(&t, "lisa.nilsson").await.call(Method::POST, &reviewed, Some(json!({}))).await.0, 403);
    assert_eq!(sara.call(Method::POST, &reviewed, Some(json!({"next_review": "2030-06-30"}))).await.0, 204);
    let (_, g) = sara.doc(id).await;
    let today = varn_domain::task::today().to_string(); // the city's day, as the app records it
    assert_eq!((g["reviewed_on"].as_str(), g["next_review"].as_str()), (Some(today.as_str()), Some("2030-06-30")), "{g}");
    t.stop().await;
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn requests_actions_and_appointments_stay_within_reach(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let (sara, karin, omar) = (api_as(&t, "sara.lindqvist").await, api_as(&t, "karin.berg").await, api_as(&t, "omar.haddad").await);
    let policy = t.doc_id("Informationssäkerhetspolicy").await;
    let asks = format!("/api/v1/documents/{policy}/acknowledgement-requests");
    // Asked first: how many, nothing sent; then sent, with a last day.
    let (s, p) = karin.call(Method::POST, &asks, Some(json!({"unit_id": t.id("Socialförvaltningen")}))).await;
    assert_eq!((s, p["sent"].as_bool(), p["unit_name"].as_str()), (200, Some(false), Some("Socialförvaltningen")), "{p}");
    assert_eq!(p["people"], 1, "omar holds the one role below: {p}");
    assert!(omar.call(Method::GET, "/api/v1/documents/pending-acknowledgements", None).await.1.as_array().unwrap().is_empty());
    let (s, _) = karin.call(Method::POST, &asks, Some(json!({"unit_id": t.id("Utbildningsförvaltningen"), "confirm": true}))).await;
    assert_eq!(s, 403, "{b}: not her staff");
    let (s, e) = karin
        .call(Method::POST, &asks, Some(json!({"unit_id": t.id("Socialförvaltningen"), "due_date": "2020-01-01", "confirm": true})))
        .await;
    assert!(s == 422 && has(&e, "due_date", "err.doc.ack_due_past"), "{e}");
    let (s, _) = karin
        .call(Method::POST, &asks, Some(json!({"unit_id": t.id("Socialförvaltningen"), "due_date": "2099-02-01", "confirm": true})))
        .await;
    assert_eq!(s, 201);
    let (_, pend) = omar.call(Method::GET, "/api/v1/documents/pending-acknowledgements", None).await;
    assert_eq!(pend[0]["due_date"], "2099-02-01", "{pend}");
    // Strategy actions within the strategy's reach and period.
    let slf = t.id("Stadsledningsförvaltningen");
    let strat = DocJson {
        valid_until: Some("2028-12-31".into()),
        parent_id: Some(policy),
        ..draft("strategi", "Strategi för socialtjänsten", slf, t.id("Socialförvaltningen"))
    };
    let (_, st) = sara.create(&strat).await;
    let sid = st["id"].as_i64().unwrap();
    let act = |who: &str, unit: Option<i64>, due: &str| ActionJson {
        title: "Åtgärd".into(),
        responsible_username: Some(who.into()).filter(|w: &String| !w.is_empty()),
        responsible_unit_id: unit,
        due_date: due.into(),
        priority: "hog".into(),
    };
    let (_, e) = sara.add_action(sid, &act("", Some(t.id("Utbildningsförvaltningen")), "2027-01-01")).await;
    assert!(has(&e, "responsible_unit_id", "err.doc.action_outside"), "{e}");
    assert!(has(
        &sara.add_action(sid, &act("johan.ek", None, "2027-01-01")).await.1,
        "responsible_username",
        "err.doc.action_person_outside"
    ));
    assert!(has(&sara.add_action(sid, &act("karin.berg", None, "2029-06-01")).await.1, "due_date", "err.doc.action_due_period"));
    assert_eq!(sara.add_action(sid, &act("omar.haddad", None, "2027-01-01")).await.0, 201);
    a_head_appoints_among_her_own(&t).await;
    t.stop().await;
}

/// A unit head appoints among the role holders of her own area, found by name.
async fn a_head_appoints_among_her_own(t: &TestApp) {
    let karin = api_as(t, "karin.berg").await;
    let ifo = format!("/api/v1/org-units/{}", t.id("Individ- och familjeomsorg"));
    let (s, e) = karin.call(Method::PATCH, &ifo, Some(json!({"name": "Individ- och familjeomsorg", "head_username": "johan.ek"}))).await;
    assert!(s == 422 && has(&e, "head_username", "err.org.person_outside"), "{e}");
    // Nobody needs a colleague's sign-in name: the whole name, or what the picker writes.
    let (s, u) = karin.call(Method::PATCH, &ifo, Some(json!({"name": "Individ- och familjeomsorg", "head_username": "omar haddad"}))).await;
    assert_eq!(s, 200, "{u}");
    assert_eq!(u["head_user_id"], t.id("omar.haddad"), "{u}");
    let picked = json!({"name": "Individ- och familjeomsorg", "security_contact_username": "Omar Haddad (omar.haddad)"});
    let (s, u) = karin.call(Method::PATCH, &ifo, Some(picked)).await;
    assert_eq!((s, &u["security_contact_id"]), (200, &json!(t.id("omar.haddad"))), "{u}");
    let k = t.signed_in("karin.berg").await;
    let (_, found) = k.text("/people?q=Omar").await;
    let (_, none) = k.text("/people?q=Johan").await;
    assert!(
        found.contains("data-value=\"Omar Haddad (omar.haddad)\"") && found.contains("Individ- och familjeomsorg, Informationsägare"),
        "{found}"
    );
    assert!(found.contains("1 person hittades"), "the count, in words: {found}");
    assert!(!none.contains("johan.ek") && none.contains("Ingen med en roll inom ditt område matchar."), "{none}");
    // The same through the API, with unit and role.
    let (_, hits) = karin.call(Method::GET, "/api/v1/people?q=haddad", None).await;
    assert_eq!((hits[0]["username"].as_str(), hits[0]["role"].as_str()), (Some("omar.haddad"), Some("informationsagare")), "{hits}");
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn a_revision_is_decided_by_the_same_body(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let (_, sn) = drafts_to_decide(&t).await;
    let (karin, peter) = (api_as(&t, "karin.berg").await, api_as(&t, "peter.lund").await);
    let first = Decision { diarienummer: "SN 2026/0100".into(), paragraph: "§ 10".into(), ..decided("2026-10-01") };
    assert_eq!(peter.move_to(sn, "gallande", Some(&first)).await.0, 200);
    // The förvaltning revises it; the nämnd decides the revision, not the head.
    assert_eq!(karin.move_to(sn, "under_revision", None).await.0, 200);
    let second = Decision { diarienummer: "SN 2026/0200".into(), paragraph: "§ 20".into(), ..decided("2026-11-20") };
    assert_eq!(karin.move_to(sn, "gallande", Some(&second)).await.0, 403, "{b}");
    let (s, g) = peter.move_to(sn, "gallande", Some(&second)).await;
    assert_eq!(s, 200, "{b}: {g}");
    assert_eq!((g["current_version"].as_i64(), g["version"]["deciding_unit_id"].as_i64()), (Some(2), Some(t.id("Socialnämnden"))));
    assert_eq!(g["version"]["diarienummer"], "SN 2026/0200");
    t.stop().await;
}
