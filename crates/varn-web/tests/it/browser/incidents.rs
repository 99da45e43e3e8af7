//! In Chromium: an employee reports an incident from the link on every page, a handler
//! triages it as a personal data breach, sees the 72-hour countdown, writes and records the
//! notification to IMY, decides the data subjects need not be informed, answers the other
//! duties and closes it with lessons learned.

use super::*;

async fn click_in(c: &Client, scope: &str, text: &str) {
    let xpath = format!("//*[@id='{scope}']//button[normalize-space(.)='{text}']");
    c.find(Locator::XPath(&xpath)).await.unwrap_or_else(|e| panic!("{scope} {text}: {e}")).click().await.unwrap();
}

/// Clicks a link by its text, again if the page was still settling (a stale element).
async fn click_link(c: &Client, text: &str) {
    for _ in 0..30 {
        if let Ok(e) = c.find(Locator::LinkText(text)).await {
            if e.click().await.is_ok() {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("link {text} could not be clicked");
}

/// Clicks the element `css` finds, again while the page is still settling.
async fn click_css(c: &Client, css: &str) {
    for _ in 0..30 {
        if let Ok(e) = c.find(Locator::Css(css)).await {
            if e.click().await.is_ok() {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{css} could not be clicked");
}

/// Types into the field `id`, again while the page is still settling.
async fn fill(c: &Client, id: &str, text: &str) {
    for _ in 0..30 {
        if let Ok(e) = c.find(Locator::Id(id)).await {
            if e.send_keys(text).await.is_ok() {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{id} could not be filled");
}

#[tokio::test]
async fn an_employee_reports_and_a_handler_notifies_imy_in_time_and_closes_with_lessons() {
    if !enabled() {
        return;
    }
    let Session { t, _driver, profile: _profile, c } = session().await;
    let base = t.base.clone();
    sign_in(&c, &base, "lisa.nilsson", PASSWORD).await;
    see(&c, "h1", "Mina uppgifter").await;
    click_link(&c, "Rapportera incident").await;
    see(&c, "h1", "Rapportera incident").await;
    c.find(Locator::Id("f-description")).await.unwrap().send_keys("Listan låg kvar i väntrummet.").await.unwrap();
    click_button(&c, "Skicka rapporten").await;
    // The summary names the field by its label and has the focus (read first, keyboard starts there).
    see(&c, "#error-summary", "Vad har hänt? Fyll i fältet.").await;
    let focused = c.execute("return document.activeElement.id", vec![]).await.unwrap();
    assert_eq!(focused.as_str(), Some("error-summary"), "the error summary has the focus");
    assert_eq!(
        c.find(Locator::Id("f-description")).await.unwrap().prop("value").await.unwrap().as_deref(),
        Some("Listan låg kvar i väntrummet.")
    );
    c.find(Locator::Id("f-title")).await.unwrap().send_keys("Brukarlista med personnummer lämnad framme").await.unwrap();
    c.find(Locator::Css("input[name=personal_data][value=ja]")).await.unwrap().click().await.unwrap();
    click_button(&c, "Skicka rapporten").await;
    see(&c, ".notice", "Din incidentrapport är mottagen").await;
    let h1 = see(&c, "h1", "INC-").await;
    let url = c.current_url().await.unwrap().to_string();
    shot(&c, "40-incident-kvitto").await;

    // The samordnare handles it.
    c.delete_all_cookies().await.unwrap();
    sign_in(&c, &base, "sara.lindqvist", PASSWORD).await;
    see(&c, "h1", "Mina uppgifter").await;
    let work = see(&c, "main", "Nya incidentrapporter att bedöma").await;
    assert!(work.contains("Brukarlista med personnummer lämnad framme"), "in the samordnare's Mina uppgifter");
    c.goto(&url).await.unwrap();
    see(&c, "h1", h1.split_whitespace().next().unwrap()).await;
    click_link(&c, "Bedöm incidenten").await;
    see(&c, "h1", "Bedömning").await;
    click_css(&c, "#triage input[name=personal_data][value=ja]").await;
    choose(&c, "f-category", &["Konfidentialitet"]).await;
    choose(&c, "f-pua_unit_id", &["Äldrenämnden"]).await;
    click_button(&c, "Spara bedömningen").await;
    see(&c, ".notice", "Bedömningen av incidenten är sparad.").await;
    click_css(&c, "#duty-gdpr input[value=ja]").await;
    click_in(&c, "duty-gdpr", "Spara svaret").await;
    see(&c, ".notice", "Svaret om rapporteringsskyldigheten är sparat.").await;
    let clocks = see(&c, "#clocks", "Anmälan till Integritetsskyddsmyndigheten").await;
    // Nobody has yet said whether it is significant: the 24-hour early warning comes first.
    let nearest = see(&c, "#nearest", "Tidig varning").await;
    assert!(nearest.contains("kvar"), "{nearest}");
    assert!(clocks.contains("2 d 23 h kvar") || clocks.contains("2 d 22 h kvar"), "the 72-hour countdown: {clocks}");
    shot(&c, "41-incident-frister").await;
    // The notification's text from the incident, then recorded with IMY's reference.
    click_link(&c, "Skriv och registrera rapporten").await;
    see(&c, "h1", "Anmälan till Integritetsskyddsmyndigheten").await;
    let text = c.find(Locator::Id("report-text")).await.unwrap().prop("value").await.unwrap().unwrap_or_default();
    assert!(text.contains("Rapporterande organisation: Äldrenämnden") && text.contains("Brukarlista med personnummer"), "{text}");
    c.find(Locator::Id("f-reference")).await.unwrap().send_keys("IMY-2026-1234").await.unwrap();
    click_button(&c, "Registrera").await;
    see(&c, ".notice", "Rapporten är registrerad").await;
    let clocks = see(&c, "#clocks", "Skickad").await;
    assert!(!clocks.contains("för sent"), "sent in time: {clocks}");
    // The data subjects need not be informed: the assessment is required.
    click_link(&c, "Skriv och registrera rapporten").await;
    see(&c, "h1", "Information till de registrerade").await;
    c.find(Locator::Id("f-not_required")).await.unwrap().click().await.unwrap();
    click_button(&c, "Registrera").await;
    see(&c, "#error-summary", "Skriv bedömningen").await;
    c.find(Locator::Id("f-not_required")).await.unwrap().click().await.unwrap();
    c.find(Locator::Id("f-note")).await.unwrap().send_keys("Ingen hög risk: listan låg i ett låst väntrum.").await.unwrap();
    click_button(&c, "Registrera").await;
    see(&c, ".notice", "Rapporten är registrerad").await;
    for regime in ["cybersakerhetslagen", "polisanmalan", "lex_maria", "lex_sarah", "sakerhetsskydd"] {
        click_css(&c, &format!("#duty-{regime} input[value=nej]")).await;
        click_in(&c, &format!("duty-{regime}"), "Spara svaret").await;
        see(&c, ".notice", "Svaret om rapporteringsskyldigheten är sparat.").await;
    }
    // An action for Karin (a task in her Mina uppgifter), and a call to IMY recorded beside
    // the notification, which is a contact by itself.
    fill(&c, "f-action-title", "Ta bort personnummer ur brukarlistan").await;
    click_button(&c, "Lägg till åtgärd").await;
    see(&c, "#error-summary", "Välj den som ska göra åtgärden").await;
    assert_eq!(
        c.find(Locator::Id("f-action-title")).await.unwrap().prop("value").await.unwrap().as_deref(),
        Some("Ta bort personnummer ur brukarlistan"),
        "the input is kept"
    );
    // The person picker: a combobox that finds Karin by name and is used by keyboard.
    let field = c.find(Locator::Id("f-action-responsible_username")).await.unwrap();
    assert_eq!(field.attr("role").await.unwrap().as_deref(), Some("combobox"));
    field.send_keys("karin").await.unwrap();
    let listed = see(&c, "#lb-f-action-responsible_username", "Karin Berg").await;
    assert!(listed.contains("Socialnämnden, Verksamhetsansvarig"), "unit and role tell people apart: {listed}");
    assert_eq!(field.attr("aria-expanded").await.unwrap().as_deref(), Some("true"));
    see(&c, "#st-f-action-responsible_username", "1 person hittades").await;
    field.send_keys("\u{E015}").await.unwrap();
    assert_eq!(field.attr("aria-activedescendant").await.unwrap().as_deref(), Some("lb-f-action-responsible_username-0"));
    field.send_keys("\u{E007}").await.unwrap();
    assert_eq!(field.prop("value").await.unwrap().as_deref(), Some("Karin Berg (karin.berg)"), "Enter chooses");
    assert_eq!(field.attr("aria-expanded").await.unwrap().as_deref(), Some("false"));
    click_button(&c, "Lägg till åtgärd").await;
    see(&c, ".notice", "Åtgärden är tillagd").await;
    let actions = see(&c, "#actions", "Ta bort personnummer ur brukarlistan").await;
    assert!(actions.contains("Karin Berg") && actions.contains("Pågår"), "{actions}");
    let contacts = see(&c, "#contacts", "Integritetsskyddsmyndigheten (IMY)").await;
    assert!(contacts.contains("IMY-2026-1234"), "the notification is a contact: {contacts}");
    choose(&c, "f-authority_id", &["Integritetsskyddsmyndigheten (IMY)"]).await;
    click_css(&c, "#contacts input[name=direction][value=ut]").await;
    choose(&c, "f-channel", &["Telefon"]).await;
    fill(&c, "f-summary", "Frågade om anmälan behöver kompletteras.").await;
    click_button(&c, "Registrera kontakten").await;
    see(&c, ".notice", "Kontakten är registrerad").await;
    see(&c, "#contacts", "Frågade om anmälan behöver kompletteras.").await;
    shot(&c, "43-incident-atgarder-kontakter").await;
    // Along the flow; closing asks for the lessons learned first.
    for to in ["Begränsad", "Åtgärdad", "Avslutad"] {
        choose(&c, "f-to", &[to]).await;
        click_button(&c, "Ändra status").await;
        if to == "Avslutad" {
            see(&c, "#error-summary", "Skriv vad ni har lärt er").await;
            choose(&c, "f-to", &[to]).await;
            c.find(Locator::Id("f-lessons")).await.unwrap().send_keys("Listor skrivs inte ut med personnummer.").await.unwrap();
            click_button(&c, "Ändra status").await;
        }
        see(&c, ".notice", "Incidentens status är ändrad.").await;
    }
    let facts = see(&c, "dl.meta", "Avslutad").await;
    assert!(facts.contains("Äldrenämnden"), "{facts}");
    let timeline = body(&c).await;
    assert!(timeline.contains("Anmälan till Integritetsskyddsmyndigheten skickad till Integritetsskyddsmyndigheten (IMY)"), "timeline");
    shot(&c, "42-incident-avslutad").await;
    c.close().await.unwrap();
    t.stop().await;
}
