//! The document pages: reading, printing, the form that keeps its input, the tree.

use crate::helpers::*;

#[tokio::test]
async fn a_document_reads_and_prints_with_the_seeds_metadata() {
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
    // A value not given reads as words, not as three dashes.
    assert!(html.contains("<td>uppgift saknas</td>") && !html.contains("---"), "the policy's empty follow-up field");
    // The samordnare may record the policy's repeal: the body whose decision it waits for is
    // named (the version in force's own deciding body).
    let (_, html) = t.signed_in("sara.lindqvist").await.text(&format!("/documents/{policy}")).await;
    let decide = html.split("id=\"decide\"").nth(1).unwrap_or("");
    assert!(decide.contains("Beslutande organ: Kommunfullmäktige."), "{decide}");
    let r = lisa.get(&format!("/documents/{policy}/pdf")).await;
    assert_eq!(r.headers()["content-type"], "application/pdf");
    let bytes = r.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    // A public document: tagged PDF/UA-1 in Swedish, its title in the metadata; and the
    // same as PDF/A-2a to archive (the text is in embedded fonts, so not in plain bytes).
    let text = String::from_utf8_lossy(&bytes).into_owned();
    for marker in ["pdfuaid:part", "/StructTreeRoot", "/Lang", "Informationssäkerhetspolicy", "/FontFile2"] {
        assert!(text.contains(marker), "{marker} in the PDF");
    }
    let r = lisa.get(&format!("/documents/{policy}/pdf?archive=1")).await;
    assert!(r.headers()["content-disposition"].to_str().unwrap().contains("PDF%2DA"), "the archive copy is named so");
    let archived = String::from_utf8_lossy(&r.bytes().await.unwrap()).into_owned();
    assert!(archived.contains("pdfaid:part") && !archived.contains("pdfuaid:part"), "PDF/A-2a to archive");
    t.stop().await;
}

#[tokio::test]
async fn the_document_form_keeps_bad_input_and_names_every_mistake() {
    let t = TestApp::spawn("sqlite").await;
    let sara = t.signed_in("sara.lindqvist").await;
    // A form with a mistake comes back with the input and the message at the field.
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
    // Preview renders the Markdown without saving.
    let r = sara
        .post_form(
            "/documents",
            &[("doc_type", "riktlinje"), ("title", "Förhandsvisad"), ("body_md", "## Rubrik\n\n<script>x</script>"), ("preview", "1")],
        )
        .await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("<h2>Rubrik</h2>"));
    assert!(!html.contains("<script>x</script>"), "raw HTML is escaped");
    let (_, list) = sara.text("/documents?q=f%C3%B6rhandsvisad").await;
    assert!(list.contains("Inga träffar."), "a preview saves nothing");
    t.stop().await;
}

#[tokio::test]
async fn the_tree_the_filtered_register_and_the_audit_log_name_documents() {
    let t = TestApp::spawn("sqlite").await;
    let sara = t.signed_in("sara.lindqvist").await;
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
    // The unit's name is kept for the next page until a write: renamed, the page says the new.
    let (s, v) = api_as(&t, "sara.lindqvist")
        .await
        .call(
            reqwest::Method::PATCH,
            &format!("/api/v1/org-units/{socf}"),
            Some(serde_json::json!({"name": "Förvaltningen för socialt stöd"})),
        )
        .await;
    assert_eq!(s, 200, "{v}");
    let (_, html) = sara.text(&format!("/documents?unit={socf}")).await;
    assert!(html.contains("Visar dokument med ansvarig enhet Förvaltningen för socialt stöd."), "the new name at once");
    // The audit log names what happened to documents in words.
    let (_, html) = sara.text("/audit?entity=document").await;
    assert!(html.contains("Antaget (gällande)"), "audit labels for documents");
    t.stop().await;
}

#[tokio::test]
async fn the_draft_form_asks_no_decision_and_names_todays_laws() {
    let t = TestApp::spawn("sqlite").await;
    let sara = t.signed_in("sara.lindqvist").await;
    // The draft form asks for no decision (that is asked when adopting), says what a policy
    // is not, and names the laws a document may be adopted under today.
    let (s, html) = sara.text("/documents/new?doc_type=policy").await;
    assert_eq!(s, 200);
    assert!(
        html.contains("<input type=\"hidden\" name=\"decision_date\"") && !html.contains("id=\"f-decision_date\""),
        "no date to fill in"
    );
    assert!(html.contains("inte metoder eller prioriteringar"), "what a policy is not");
    assert!(html.contains("cybersäkerhetslagen (2025:1506)") && !html.contains("2018:1174"), "today's law, not the repealed one");
    t.stop().await;
}

/// The PDF of document `id` as `who` reads it through the API: status and the file as text.
async fn pdf_as(who: &Api, id: i64) -> (u16, String) {
    let r = who.http.get(format!("{}/api/v1/documents/{id}/pdf", who.base)).bearer_auth(&who.token).send().await.unwrap();
    let status = r.status().as_u16();
    (status, String::from_utf8_lossy(&r.bytes().await.unwrap()).into_owned())
}

/// A PDF is rendered once and kept until the next write: read again a second later it is the
/// same file (a new rendering would carry a new creation time); someone who may not read the
/// draft still gets 404 while it is kept; a saved draft prints its new title at once.
#[tokio::test]
async fn a_pdf_is_kept_until_the_next_write_and_still_only_for_its_readers() {
    let t = TestApp::spawn("sqlite").await;
    let (ks, _) = super::drafts_to_decide(&t).await;
    let (sara, lisa) = (api_as(&t, "sara.lindqvist").await, api_as(&t, "lisa.nilsson").await);
    let (s, first) = pdf_as(&sara, ks).await;
    assert_eq!(s, 200);
    assert!(first.starts_with("%PDF-") && first.contains("Riktlinje för molntjänster (utkast)"), "the draft's title in the PDF");
    tokio::time::sleep(std::time::Duration::from_millis(1_100)).await;
    let (s, again) = pdf_as(&sara, ks).await;
    assert_eq!(s, 200);
    assert!(again == first, "the kept file, not a new rendering with a new creation time");
    assert_eq!(pdf_as(&lisa, ks).await.0, 404, "a kept PDF is still only for those who may read the draft");
    let policy = t.doc_id("Informationssäkerhetspolicy").await;
    let renamed = varn_app::documents::DocJson {
        parent_id: Some(policy),
        ..super::draft(
            "riktlinje",
            "Riktlinje för molntjänster, andra utkastet",
            t.id("Stadsledningsförvaltningen"),
            t.id("Kommunfullmäktige"),
        )
    };
    let (s, body) = super::DocApi::save(&sara, ks, &renamed).await;
    assert_eq!(s, 200, "{body}");
    let (s, after) = pdf_as(&sara, ks).await;
    assert_eq!(s, 200);
    assert!(after.contains("andra utkastet") && !after.contains("(utkast)"), "the saved draft's title, not the kept file");
    t.stop().await;
}
