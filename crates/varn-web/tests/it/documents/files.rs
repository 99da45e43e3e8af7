//! A document's text as a file, and any version as PDF.

use super::*;
use rstest::rstest;

/// Uploads `bytes` as the text of the open draft through the API: the status.
async fn upload(api: &Api, id: i64, bytes: &[u8], name: &str) -> u16 {
    upload_to(api, &format!("/api/v1/documents/{id}/file"), bytes, name).await
}

async fn upload_to(api: &Api, path: &str, bytes: &[u8], name: &str) -> u16 {
    let form = reqwest::multipart::Form::new().part("file", reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(name.to_owned()));
    api.http.post(format!("{}{path}", api.base)).bearer_auth(&api.token).multipart(form).send().await.unwrap().status().as_u16()
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn the_minutes_are_attached_by_whoever_records_the_bodys_decisions(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let klass = t.doc_id("Riktlinje för informationsklassning").await;
    let behorighet = t.doc_id("Anvisning för behörighetshantering i socialförvaltningens verksamhetssystem").await;
    let path = format!("/api/v1/documents/{klass}/protocol");
    let pdf = b"%PDF-1.4 protokollsutdrag KS 2019-02-11 \xc2\xa7 12";
    // Kommunstyrelsen's decision: not the nämnd's registrator, not a unit head.
    for who in ["peter.lund", "karin.berg"] {
        assert_eq!(upload_to(&api_as(&t, who).await, &path, pdf, "utdrag.pdf").await, 403, "{b}: {who}");
    }
    let maria = api_as(&t, "maria.strom").await;
    assert_eq!(upload_to(&maria, &path, pdf, "Protokollsutdrag KS § 12.pdf").await, 204, "{b}");
    // A chef's approval has no minutes.
    let sara = api_as(&t, "sara.lindqvist").await;
    assert_eq!(upload_to(&sara, &format!("/api/v1/documents/{behorighet}/protocol"), pdf, "x.pdf").await, 409);
    // Whoever reads the document reads its minutes.
    let lisa = api_as(&t, "lisa.nilsson").await;
    let r =
        lisa.http.get(format!("{}/api/v1/documents/{klass}/versions/1/protocol", t.base)).bearer_auth(&lisa.token).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.bytes().await.unwrap().as_ref(), pdf.as_slice());
    let (_, html) = t.signed_in("lisa.nilsson").await.text(&format!("/documents/{klass}")).await;
    assert!(html.contains("Ladda ner protokollsutdraget"), "{b}");
    t.stop().await;
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn a_draft_can_be_a_file_and_any_version_a_pdf_through_the_api(#[case] b: &str) {
    if skip(b) {
        return;
    }
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
        .call(Method::POST, &format!("/api/v1/documents/{id}/transitions"), Some(json!({"to": "gallande", "decision_date": "2026-11-03"})))
        .await;
    assert_eq!(s, 422);
    assert!(field_codes(&e).contains(&("body_md".into(), "err.doc.text_required".into())), "{e}");
    // A file as the text, then adopted with the decision in the same call.
    assert_eq!(upload(&sara, id, b"%PDF-1.4 beslut", "Riktlinje arkivering.pdf").await, 204);
    no_one_gets_the_drafts_file_by_another_route(&t, &sara, id, b).await;
    let (s, g) = sara
        .call(
            Method::POST,
            &format!("/api/v1/documents/{id}/transitions"),
            Some(json!({"to": "gallande", "decision_date": "2026-11-03", "diarienummer": "KS 2026/0311", "paragraph": "§ 7"})),
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
    assert_eq!(upload(&sara, id, b"annat", "x.pdf").await, 409);
    // The policy as PDF through the API.
    let r = reqwest::Client::new().get(format!("{}/api/v1/documents/{policy}/pdf", t.base)).bearer_auth(&sara.token).send().await.unwrap();
    assert_eq!(r.headers()["content-type"], "application/pdf");
    assert!(r.bytes().await.unwrap().starts_with(b"%PDF-"));
    t.stop().await;
}

/// The auditor reads the whole organisation but no drafts: not the draft's file either,
/// through neither route; the generic route serves unit files only, not even to the samordnare.
async fn no_one_gets_the_drafts_file_by_another_route(t: &TestApp, sara: &Api, id: i64, b: &str) {
    // The auditor reads the whole organisation but no drafts: not the draft's file either,
    // through neither route.
    let erik = api_as(t, "erik.holm").await;
    let (s, _) = erik.call(Method::GET, &format!("/api/v1/documents/{id}/versions/1/file"), None).await;
    assert_eq!(s, 404, "{b}");
    // The file's own id, from the database: the generic route serves unit files only, so
    // not even the samordnare gets it there.
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    use varn_store::entity::attachment;
    let files =
        attachment::Entity::find().filter(attachment::Column::EntityType.eq("document_version")).all(t.app.store.read()).await.unwrap();
    assert_eq!(files.len(), 1, "{b}");
    for who in [&erik, sara] {
        let (s, _) = who.call(Method::GET, &format!("/api/v1/attachments/{}", files[0].id), None).await;
        assert_eq!(s, 404, "{b}: attachment {}", files[0].id);
    }
}
