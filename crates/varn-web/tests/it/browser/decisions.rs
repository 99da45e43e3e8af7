//! In Chromium: a remiss answered from Mina uppgifter, a chef's approval, and the
//! registrator recording kommunstyrelsen's decision.

use super::*;

#[tokio::test]
async fn a_remiss_is_answered_a_chef_approves_and_the_registrator_records_the_decision() {
    if !enabled() {
        return;
    }
    let Session { t, _driver, profile: _profile, c } = session().await;
    let base = t.base.clone();
    let moln = format!("{base}/documents/{}", t.doc_id("Riktlinje för molntjänster").await);
    // The samordnare sends kommunstyrelsen's draft on remiss to two förvaltningar.
    sign_in(&c, &base, "sara.lindqvist", PASSWORD).await;
    see(&c, "h1", "Mina uppgifter").await;
    c.goto(&moln).await.unwrap();
    choose(&c, "f-instances", &["Socialförvaltningen", "Utbildningsförvaltningen"]).await;
    set_date(&c, "f-remiss-due_date", "2099-12-01").await;
    click_button(&c, "Skicka på remiss").await;
    see(&c, "#remiss", "0 av 2 har svarat").await;
    sign_out(&c).await;
    // Each förvaltningschef answers from Mina uppgifter; the receipt says so.
    answer_remiss_as(&c, &base, "karin.berg", "Socialförvaltningen tillstyrker.", "1 av 2 har svarat").await;
    approve_an_instruction(&t, &c, &base).await;
    answer_remiss_as(&c, &base, "johan.ek", "Utbildningsförvaltningen tillstyrker med en synpunkt.", "2 av 2 har svarat").await;
    // Kommunstyrelsen's registrator records the adoption with dnr and §.
    sign_in(&c, &base, "maria.strom", PASSWORD).await;
    see(&c, "h1", "Mina uppgifter").await;
    c.goto(&moln).await.unwrap();
    see(&c, "#decide", "Beslutande organ: Kommunstyrelsen").await;
    set_date(&c, "f-adopt-decision_date", "2026-11-24").await;
    c.find(Locator::Id("f-adopt-diarienummer")).await.unwrap().send_keys("KS 2026/0455").await.unwrap();
    c.find(Locator::Id("f-adopt-paragraph")).await.unwrap().send_keys("§ 212").await.unwrap();
    click_button(&c, "Registrera beslut om antagande").await;
    see(&c, ".doc-status", "gällande").await;
    let meta = see(&c, "table.doc-meta", "KS 2026/0455").await;
    assert!(meta.contains("§ 212") && meta.contains("Kommunstyrelsen") && meta.contains("2028-11-24"), "{meta}");
    shot(&c, "20-ks-beslut-registrerat").await;
    c.close().await.unwrap();
    t.stop().await;
}

async fn sign_out(c: &Client) {
    c.find(Locator::Css("form[action='/logout'] button")).await.unwrap().click().await.unwrap();
    see(c, ".notice", "Du är utloggad.").await;
}

/// `user` finds the remiss in Mina uppgifter, answers it, and sees the receipt and the count.
async fn answer_remiss_as(c: &Client, base: &str, user: &str, answer: &str, count: &str) {
    sign_in(c, base, user, PASSWORD).await;
    see(c, "main", "Remissvar: Riktlinje för molntjänster").await;
    c.find(Locator::LinkText("Remissvar: Riktlinje för molntjänster")).await.unwrap().click().await.unwrap();
    see(c, "#remiss", "Lämna remissvar").await;
    c.find(Locator::Css("#remiss textarea")).await.unwrap().send_keys(answer).await.unwrap();
    click_button(c, "Skicka remissvar").await;
    see(c, ".notice", "Ditt remissvar är registrerat").await;
    let remiss = see(c, "#remiss", count).await;
    assert!(remiss.contains(answer), "{remiss}");
    shot(c, &format!("21-remissvar-{user}")).await;
    sign_out(c).await;
}

/// The förvaltningschef approves an instruction of one of her enheter, naming who was consulted.
async fn approve_an_instruction(t: &TestApp, c: &Client, base: &str) {
    sign_in(c, base, "karin.berg", PASSWORD).await;
    see(c, "h1", "Mina uppgifter").await;
    c.goto(&format!("{base}/documents/{}", t.doc_id("Rutin för loggkontroll i verksamhetssystemen").await)).await.unwrap();
    see(c, "#decide", "Godkänn anvisningen").await;
    c.find(Locator::Id("f-adopt-consulted")).await.unwrap().send_keys("Informationssäkerhetssamordnaren").await.unwrap();
    set_date(c, "f-adopt-decision_date", "2026-11-20").await;
    click_button(c, "Godkänn").await;
    see(c, ".doc-status", "gällande").await;
    let meta = see(c, "table.doc-meta", "Godkänd av Karin Berg, förvaltningschef (Socialförvaltningen)").await;
    assert!(meta.contains("Informationssäkerhetssamordnaren"), "{meta}");
    shot(c, "22-anvisning-godkand").await;
    sign_out(c).await;
}
