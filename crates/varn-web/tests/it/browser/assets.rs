//! In Chromium: an information owner registers an asset, classifies it through the
//! questions (with the preview of what the levels add), links a cloud service, sees the
//! handlingsplan that follows and marks a requirement as met.

use super::*;

#[tokio::test]
async fn an_owner_registers_classifies_links_a_cloud_service_and_meets_a_requirement() {
    if !enabled() {
        return;
    }
    let Session { t, _driver, profile: _profile, c } = session().await;
    let base = t.base.clone();
    sign_in(&c, &base, "omar.haddad", PASSWORD).await;
    see(&c, "h1", "Mina uppgifter").await;
    // Register: a mistake first, then the real thing.
    c.goto(&format!("{base}/assets")).await.unwrap();
    c.find(Locator::LinkText("Registrera informationstillgång")).await.unwrap().click().await.unwrap();
    see(&c, "h1", "Registrera informationstillgång").await;
    click_button(&c, "Spara").await;
    see(&c, "#error-summary", "Välj ett av alternativen.").await;
    choose(&c, "f-unit_id", &["Individ- och familjeomsorg"]).await;
    c.find(Locator::Id("f-name")).await.unwrap().send_keys("Anteckningar från hembesök").await.unwrap();
    c.find(Locator::Css("input[name=personal_data]")).await.unwrap().click().await.unwrap();
    click_button(&c, "Spara").await;
    see(&c, ".notice", "Informationstillgången är registrerad").await;
    see(&c, "#levels-h", "Klassning").await;
    assert!(body(&c).await.contains("Omar Haddad"), "the owner is the one who registered it");
    // Classify through the questions; saving without answers names each question.
    c.find(Locator::LinkText("Klassa")).await.unwrap().click().await.unwrap();
    click_button(&c, "Spara klassningen").await;
    see(&c, "#error-summary", "Svara på frågan: Hur länge kan verksamheten klara sig utan informationen?").await;
    for (q, l) in
        [("k_enskild", 3), ("k_verksamhet", 2), ("r_beslut", 2), ("r_verksamhet", 1), ("t_tid", 2), ("t_enskild", 1), ("s_logg", 3)]
    {
        c.find(Locator::Css(&format!("input[name=q_{q}][value='{l}']"))).await.unwrap().click().await.unwrap();
    }
    click_button(&c, "Förhandsgranska").await;
    let preview = see(&c, "#preview", "Så här blir klassningen").await;
    assert!(preview.contains("3 – Allvarlig") && preview.contains("K3-01"), "{preview}");
    shot(&c, "30-klassning-forhandsgranskning").await;
    click_button(&c, "Spara klassningen").await;
    see(&c, ".notice", "Klassningen är sparad").await;
    let plan = see(&c, "#plan", "0 av").await;
    assert!(plan.contains("K3-01") && plan.contains("Upphandlingskrav"), "{plan}");
    // Link the e-mail cloud service by searching for it.
    c.find(Locator::Id("f-link")).await.unwrap().send_keys("E-post").await.unwrap();
    click_button(&c, "Sök").await;
    // Wait for the search's answer before choosing from it.
    see(&c, "ul.found", "Koppla E-post och kalender (molntjänst)").await;
    click_button(&c, "Koppla E-post och kalender (molntjänst)").await;
    see(&c, ".notice", "Informationsbäraren är kopplad.").await;
    let carriers = see(&c, "#carriers", "E-post och kalender (molntjänst)").await;
    assert!(carriers.contains("tredjeland"), "{carriers}");
    // Mark a requirement as met.
    c.find(Locator::XPath("//tr[@id='req-K1-01']//summary")).await.unwrap().click().await.unwrap();
    let js = "document.getElementById('f-assessment-K1-01').value = 'uppfyllt';";
    c.execute(js, vec![]).await.unwrap();
    c.find(Locator::XPath("//tr[@id='req-K1-01']//button[normalize-space(.)='Spara']")).await.unwrap().click().await.unwrap();
    see(&c, ".notice", "Självskattningen är sparad.").await;
    see(&c, "#plan", "1 av").await;
    see(&c, "#req-K1-01", "Uppfyllt").await;
    shot(&c, "31-handlingsplan").await;
    // The cloud service now must meet what the new information needs.
    c.find(Locator::LinkText("E-post och kalender (molntjänst)")).await.unwrap().click().await.unwrap();
    see(&c, "main", "Anteckningar från hembesök").await;
    c.close().await.unwrap();
    t.stop().await;
}
