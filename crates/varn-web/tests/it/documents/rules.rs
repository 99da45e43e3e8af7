//! The seed's table of types, each rule on its own, with the message at the field.

use super::*;
use rstest::rstest;

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn the_demo_city_holds_the_seeds_policy(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let sara = api_as(&t, "sara.lindqvist").await;
    // KF, 2018-05-28, tills vidare, owned by Stadsledningsförvaltningen.
    let (s, list) = sara.call(Method::GET, "/api/v1/documents?type=policy", None).await;
    assert_eq!((s, list["total"].as_i64()), (200, Some(1)), "{b}: {list}");
    let (_, p) = sara.doc(list["items"][0]["id"].as_i64().unwrap()).await;
    assert_eq!(p["status"], "gallande");
    assert_eq!(p["unit_id"], t.id("Stadsledningsförvaltningen"));
    assert_eq!(p["version"]["deciding_body"], "kommunfullmaktige");
    assert_eq!(p["version"]["decision_date"], "2018-05-28");
    assert!(p["version"]["valid_until"].is_null(), "tills vidare");
    assert!(p["html"].as_str().unwrap().contains("<h2>Syfte och omfattning</h2>"), "{p}");
    t.stop().await;
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn each_type_has_its_deciding_body_and_validity(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let sara = api_as(&t, "sara.lindqvist").await;
    let (slf, kf) = (t.id("Stadsledningsförvaltningen"), t.id("Kommunfullmäktige"));
    // A policy: kommunfullmäktige, tills vidare.
    let bad =
        DocJson { deciding_body: "kommunstyrelse".into(), valid_until: Some("2030-12-31".into()), ..draft("policy", "Ny policy", slf, kf) };
    let (s, e) = sara.create(&bad).await;
    assert_eq!(s, 422, "{e}");
    assert!(has(&e, "deciding_body", "err.doc.policy_body") && has(&e, "validity", "err.doc.policy_validity"), "{e}");
    assert!(e["error"]["fields"].as_array().unwrap().iter().any(|f| f["message"] == "En policy antas av kommunfullmäktige."));
    // A strategy: a limited period.
    let (s, e) = sara.create(&draft("strategi", "Ny strategi", slf, kf)).await;
    assert_eq!(s, 422);
    assert!(has(&e, "validity", "err.doc.strategi_validity"), "{e}");
    // An instruction: a chef's, carrying out another document.
    let (_, e) = sara.create(&DocJson { deciding_body: "kommunstyrelse".into(), ..draft("anvisning", "Ny rutin", slf, kf) }).await;
    assert!(has(&e, "deciding_body", "err.doc.anvisning_body") && has(&e, "parent_id", "err.doc.parent_required"), "{e}");
    // An instruction may carry out a law instead of another document.
    let by_law = DocJson { by_law: true, law: Some("Arkivlagen (1990:782)".into()), ..draft("anvisning", "Rutin för gallring", slf, slf) };
    let (s, r) = sara.create(&by_law).await;
    assert_eq!(s, 201, "{b}: {r}");
    assert!(r["parent_id"].is_null() && r["version"]["law"] == "Arkivlagen (1990:782)", "{r}");
    // Each, decided as the seed says, is accepted.
    let policy = t.doc_id("Informationssäkerhetspolicy").await;
    let ok = DocJson { valid_until: Some("2030-12-31".into()), parent_id: Some(policy), ..draft("strategi", "Ny strategi", slf, kf) };
    assert_eq!(sara.create(&ok).await.0, 201, "{b}");
    t.stop().await;
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn the_tree_goes_from_policy_to_instruction(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let sara = api_as(&t, "sara.lindqvist").await;
    let (slf, kf) = (t.id("Stadsledningsförvaltningen"), t.id("Kommunfullmäktige"));
    // A guideline cannot implement an instruction, nor a document that does not exist.
    let losen = t.doc_id("Rutin för lösenord och inloggning").await;
    let (_, e) = sara.create(&DocJson { parent_id: Some(losen), ..draft("riktlinje", "Ny riktlinje", slf, kf) }).await;
    assert!(has(&e, "parent_id", "err.doc.parent_type"), "{e}");
    let (_, e) = sara.create(&DocJson { parent_id: Some(999_999), ..draft("riktlinje", "Ny riktlinje", slf, kf) }).await;
    assert!(has(&e, "parent_id", "err.doc.parent_unknown"), "{e}");
    t.stop().await;
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn a_namnd_adopting_its_own_guidelines_is_a_setting(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let sara = api_as(&t, "sara.lindqvist").await;
    let policy = t.doc_id("Informationssäkerhetspolicy").await;
    let own = DocJson {
        deciding_body: "namnd".into(),
        deciding_unit_id: Some(t.id("Socialnämnden")),
        parent_id: Some(policy),
        ..draft("riktlinje", "Nämndens egen riktlinje", t.id("Socialförvaltningen"), t.id("Socialförvaltningen"))
    };
    let (s, e) = sara.create(&own).await;
    assert_eq!(s, 422);
    assert!(has(&e, "deciding_body", "err.doc.riktlinje_body"), "{e}");
    // Only the Systemadministratör changes the setting.
    let (s, _) = sara.call(Method::PUT, "/api/v1/settings/documents", Some(json!({"namnd_may_adopt_riktlinje": true}))).await;
    assert_eq!(s, 403);
    let admin = api_as(&t, "admin").await;
    let (s, _) = admin.call(Method::PUT, "/api/v1/settings/documents", Some(json!({"namnd_may_adopt_riktlinje": true}))).await;
    assert_eq!(s, 200);
    let (s, _) = admin.call(Method::GET, "/api/v1/settings/documents", None).await;
    assert_eq!(s, 200);
    assert_eq!(sara.create(&own).await.0, 201, "{b}");
    t.stop().await;
}
