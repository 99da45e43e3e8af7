//! Browser tests: headless Chromium through Debian's chromedriver, as a user clicks.
//! Required when `VARN_E2E=1` (CI sets it); otherwise skipped with a message.

use crate::helpers::*;
use fantoccini::{Client, ClientBuilder, Locator};
use std::time::Duration;

mod assets;
mod axe;
mod decisions;
mod incidents;
mod phone;

fn enabled() -> bool {
    if std::env::var("VARN_E2E").is_ok_and(|v| v == "1") {
        true
    } else {
        assert!(std::env::var("CI").is_err(), "CI must run the browser tests: set VARN_E2E=1");
        eprintln!("browser test skipped: set VARN_E2E=1 (needs chromium and chromium-driver)");
        false
    }
}

/// A chromedriver on a free port, killed when dropped.
struct Driver {
    _child: tokio::process::Child,
    url: String,
}

async fn driver() -> Driver {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
    let child = tokio::process::Command::new(bin)
        .arg(format!("--port={port}"))
        .kill_on_drop(true)
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("start chromedriver");
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Driver { _child: child, url: format!("http://127.0.0.1:{port}") }
}

async fn browser(d: &Driver, profile: &std::path::Path) -> Client {
    browser_as(d, profile, None).await
}

/// A Chromium that lays pages out as a phone `width` CSS pixels wide (WCAG 1.4.10 asks for
/// 320; the issue measures at 390), or a desktop window.
async fn browser_as(d: &Driver, profile: &std::path::Path, phone_width: Option<u32>) -> Client {
    let mut caps = serde_json::Map::new();
    let args = vec![
        "--headless".to_owned(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-quic".into(),
        "--no-first-run".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--disable-dev-shm-usage".into(),
        "--window-size=1280,900".into(),
        format!("--user-data-dir={}", profile.display()),
    ];
    let bin = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let mut options = serde_json::json!({ "args": args, "binary": bin });
    if let Some(w) = phone_width {
        options["mobileEmulation"] = serde_json::json!({"deviceMetrics": {"width": w, "height": 844, "pixelRatio": 1.0}});
    }
    caps.insert("goog:chromeOptions".into(), options);
    // Two TLS back-ends are linked into the test binary; pick one for fantoccini's client.
    let _ = rustls::crypto::ring::default_provider().install_default();
    ClientBuilder::rustls().expect("tls").capabilities(caps).connect(&d.url).await.expect("connect to chromedriver")
}

/// A demo city, a chromedriver and a Chromium with a profile of its own, for one test.
struct Session {
    t: TestApp,
    _driver: Driver,
    profile: tempfile::TempDir,
    c: Client,
}

async fn session() -> Session {
    let t = TestApp::spawn("sqlite").await;
    let d = driver().await;
    let profile = tempfile::tempdir().unwrap();
    let c = browser(&d, profile.path()).await;
    Session { t, _driver: d, profile, c }
}

async fn text_of(c: &Client, css: &str) -> String {
    // Pages change under us after a click: retry while the element is missing or stale.
    let mut last = String::new();
    for _ in 0..50 {
        match c.find(Locator::Css(css)).await {
            Ok(e) => match e.text().await {
                Ok(t) => return t,
                Err(err) => last = err.to_string(),
            },
            Err(err) => last = err.to_string(),
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let url = c.current_url().await.map(|u| u.to_string()).unwrap_or_default();
    let src = c.source().await.unwrap_or_default();
    panic!("{css} not found on {url}: {last}\n{}", src.chars().take(3000).collect::<String>())
}

/// Waits until the element's text contains `needle` (after a navigation), then returns it.
async fn see(c: &Client, css: &str, needle: &str) -> String {
    let mut t = String::new();
    for _ in 0..50 {
        t = text_of(c, css).await;
        if t.contains(needle) {
            return t;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let url = c.current_url().await.map(|u| u.to_string()).unwrap_or_default();
    panic!("{css} on {url} never showed {needle:?}; it shows {t:?}")
}

async fn body(c: &Client) -> String {
    text_of(c, "body").await
}

async fn sign_in(c: &Client, base: &str, user: &str, pw: &str) {
    c.goto(&format!("{base}/login")).await.unwrap();
    c.find(Locator::Id("f-username")).await.unwrap().send_keys(user).await.unwrap();
    c.find(Locator::Id("f-password")).await.unwrap().send_keys(pw).await.unwrap();
    c.find(Locator::Css("form[action='/login'] button[type=submit]")).await.unwrap().click().await.unwrap();
}

async fn shot(c: &Client, name: &str) {
    if let Ok(png) = c.screenshot().await {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/e2e");
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(dir.join(format!("{name}.png")), png);
    }
}

#[tokio::test]
async fn a_coordinator_signs_in_switches_language_edits_the_organisation_and_signs_out() {
    if !enabled() {
        return;
    }
    let Session { t, _driver, profile: _profile, c } = session().await;
    let base = t.base.clone();

    sign_in_by_keyboard_in_both_languages(&c, &base).await;
    create_and_move_a_unit(&c).await;
    filter_the_audit_log_with_a_mistake_and_mend_it(&c, &base).await;
    sign_out_and_be_refused(&c, &base).await;
    work_at_phone_width(&c, &base).await;
    c.close().await.unwrap();
    t.stop().await;
}

async fn click_button(c: &Client, text: &str) {
    let xpath = format!("//button[normalize-space(.)='{text}']");
    c.find(Locator::XPath(&xpath)).await.unwrap_or_else(|e| panic!("button {text}: {e}")).click().await.unwrap();
}

#[tokio::test]
async fn a_guideline_is_written_sent_on_remiss_adopted_revised_compared_and_acknowledged() {
    if !enabled() {
        return;
    }
    let Session { t, _driver, profile, c } = session().await;
    let base = t.base.clone();
    sign_in(&c, &base, "sara.lindqvist", PASSWORD).await;
    see(&c, "h1", "Mina uppgifter").await;

    write_a_guideline_under_the_policy(&c, profile.path()).await;
    send_on_remiss_and_adopt(&c).await;
    revise_and_compare(&c).await;
    ask_staff_to_confirm_and_confirm(&t, &c, &base).await;
    c.close().await.unwrap();
    t.stop().await;
}

/// The skip link first; a wrong password kept with its message; Mina uppgifter in Swedish and English.
async fn sign_in_by_keyboard_in_both_languages(c: &Client, base: &str) {
    // The first thing a keyboard reaches is the skip link.
    c.goto(&format!("{base}/login")).await.unwrap();
    see(c, "h1", "Logga in i Värn").await;
    c.find(Locator::Css("body")).await.unwrap().send_keys("\u{E004}").await.unwrap();
    assert_eq!(c.active_element().await.unwrap().text().await.unwrap(), "Hoppa till innehållet");

    // Wrong password: a Swedish message at the field, the user name kept.
    sign_in(c, base, "sara.lindqvist", "fel-lösenord").await;
    see(c, "#e-password", "Fel användarnamn eller lösenord.").await;
    assert_eq!(c.find(Locator::Id("f-username")).await.unwrap().prop("value").await.unwrap().as_deref(), Some("sara.lindqvist"));

    // Right password: Mina uppgifter.
    c.find(Locator::Id("f-password")).await.unwrap().send_keys(PASSWORD).await.unwrap();
    c.find(Locator::Css("form[action='/login'] button[type=submit]")).await.unwrap().click().await.unwrap();
    see(c, "h1", "Mina uppgifter").await;
    shot(c, "01-mina-uppgifter").await;

    // English at a click, and back.
    c.find(Locator::LinkText("English")).await.unwrap().click().await.unwrap();
    see(c, "h1", "My tasks").await;
    assert_eq!(c.find(Locator::Css("html")).await.unwrap().attr("lang").await.unwrap().as_deref(), Some("en"));
    c.find(Locator::LinkText("Svenska")).await.unwrap().click().await.unwrap();
    see(c, "h1", "Mina uppgifter").await;
}

/// A unit created (the form keeps its choices on a mistake), moved, and in the audit log.
async fn create_and_move_a_unit(c: &Client) {
    // Create a unit under Socialförvaltningen.
    c.find(Locator::LinkText("Organisation")).await.unwrap().click().await.unwrap();
    shot(c, "02-organisation").await;
    c.find(Locator::LinkText("Ny enhet")).await.unwrap().click().await.unwrap();
    c.find(Locator::Id("f-parent_id")).await.unwrap().select_by_label("Socialförvaltningen").await.unwrap();
    c.find(Locator::Id("f-kind")).await.unwrap().select_by_label("Enhet").await.unwrap();
    c.find(Locator::Css("button[type=submit]:not(.linklike)")).await.unwrap().click().await.unwrap();
    // Forgot the name: the form says so and keeps the choices.
    see(c, ".error-summary", "Namn: Fyll i fältet.").await;
    c.find(Locator::Id("f-name")).await.unwrap().send_keys("Webbtestenheten").await.unwrap();
    c.find(Locator::Css("button[type=submit]:not(.linklike)")).await.unwrap().click().await.unwrap();
    see(c, "h1", "Webbtestenheten").await;
    see(c, ".notice", "Enheten är skapad.").await;
    see(c, ".breadcrumbs", "Socialförvaltningen").await;

    // The unit's page shows its state; the administration is a view of its own.
    see(c, "#state-h", "Informationssäkerhet i enheten").await;
    c.find(Locator::LinkText("Administrera")).await.unwrap().click().await.unwrap();
    see(c, "h1", "Administrera Webbtestenheten").await;
    // Move it to Utbildningsförvaltningen.
    c.find(Locator::Id("f-move-parent")).await.unwrap().select_by_label("Utbildningsförvaltningen").await.unwrap();
    c.find(Locator::Css("form[action$='/move'] button")).await.unwrap().click().await.unwrap();
    see(c, ".notice", "Enheten är flyttad.").await;
    see(c, ".breadcrumbs", "Utbildningsförvaltningen").await;
    shot(c, "03-enhet").await;

    // The change is in the audit log.
    c.find(Locator::LinkText("Granskningslogg")).await.unwrap().click().await.unwrap();
    let log = see(c, "#results", "Enhet flyttad").await;
    // Filtered in place: the new count is said in the page's live region.
    c.find(Locator::Id("f-q")).await.unwrap().send_keys("Enhet flyttad").await.unwrap();
    c.find(Locator::Css("main form.filters button[type=submit]")).await.unwrap().click().await.unwrap();
    see(c, "#live-status", "1 totalt").await;
    assert!(log.contains("Enhet flyttad") && log.contains("Webbtestenheten"), "{log}");
    shot(c, "04-granskningslogg").await;
}

/// Signed out; an employee asking for the user list gets the 403 page in Swedish.
/// The audit log's filters are sent with htmx, which swaps in the results: a person who does
/// not exist is named at the field, with what was typed kept, and the message goes once the
/// filter is mended; the field, swapped in anew, is still a person picker.
async fn filter_the_audit_log_with_a_mistake_and_mend_it(c: &Client, base: &str) {
    c.goto(&format!("{base}/audit")).await.unwrap();
    see(c, "h1", "Granskningslogg").await;
    c.find(Locator::Id("f-user")).await.unwrap().send_keys("ingen.alls").await.unwrap();
    click_button(c, "Filtrera").await;
    see(c, "#e-user", "Ingen aktiv person").await;
    see(c, "#results .error-summary", "Ingen aktiv person").await;
    let field = c.find(Locator::Id("f-user")).await.unwrap();
    assert_eq!(field.prop("value").await.unwrap().as_deref(), Some("ingen.alls"), "what was typed is kept");
    assert_eq!(field.attr("aria-invalid").await.unwrap().as_deref(), Some("true"));
    assert_eq!(field.attr("role").await.unwrap().as_deref(), Some("combobox"), "the swapped-in field is a picker");
    field.clear().await.unwrap();
    field.send_keys("sara").await.unwrap();
    see(c, "#lb-f-user", "Sara Lindqvist").await;
    field.send_keys("\u{E015}").await.unwrap();
    field.send_keys("\u{E007}").await.unwrap();
    assert_eq!(field.prop("value").await.unwrap().as_deref(), Some("Sara Lindqvist (sara.lindqvist)"));
    click_button(c, "Filtrera").await;
    see(c, "#results tbody", "Sara Lindqvist").await;
    let mut gone = false;
    for _ in 0..50 {
        if c.find(Locator::Id("e-user")).await.is_err() {
            gone = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(gone, "the message goes once the filter is mended");
    let field = c.find(Locator::Id("f-user")).await.unwrap();
    assert_eq!(field.attr("aria-invalid").await.unwrap(), None);
    assert!(c.find(Locator::Css("#results .error-summary")).await.is_err(), "nor is it listed");
    shot(c, "05-granskningslogg-filter").await;
}

async fn sign_out_and_be_refused(c: &Client, base: &str) {
    // Sign out.
    c.find(Locator::Css("form[action='/logout'] button")).await.unwrap().click().await.unwrap();
    see(c, ".notice", "Du är utloggad.").await;

    // An employee asking for the user list gets a 403 page in Swedish.
    sign_in(c, base, "lisa.nilsson", PASSWORD).await;
    see(c, "h1", "Mina uppgifter").await;
    assert!(!body(c).await.contains("Användare\n"), "no menu entry for what she may not see");
    c.goto(&format!("{base}/users")).await.unwrap();
    see(c, "h1", "Du har inte behörighet till det här").await;
    shot(c, "05-nekad").await;
}

/// At 390 px nothing scrolls sideways and the menu folds behind its button.
async fn work_at_phone_width(c: &Client, base: &str) {
    // At phone width the page still works: the menu wraps, nothing needs sideways scrolling.
    c.set_window_size(390, 844).await.unwrap();
    c.goto(&format!("{base}/org")).await.unwrap();
    let overflow = c.execute("return document.documentElement.scrollWidth <= window.innerWidth + 1;", vec![]).await.unwrap();
    assert_eq!(overflow, serde_json::Value::Bool(true), "no horizontal scrolling at 390 px");
    // The menu folds behind a button that a keyboard or finger opens.
    let toggle = c.find(Locator::Css(".menu-toggle")).await.unwrap();
    assert!(toggle.is_displayed().await.unwrap(), "the menu button shows at phone width");
    let tasks_link = c.find(Locator::Css("nav.main a[href='/']")).await.unwrap();
    assert!(!tasks_link.is_displayed().await.unwrap(), "the menu starts folded");
    toggle.click().await.unwrap();
    assert_eq!(toggle.attr("aria-expanded").await.unwrap().as_deref(), Some("true"));
    assert!(tasks_link.is_displayed().await.unwrap(), "the menu opens");
    shot(c, "06-mobil").await;
}

/// From the policy, a guideline: type chosen, previewed, saved, a file uploaded through the form.
async fn write_a_guideline_under_the_policy(c: &Client, profile: &std::path::Path) {
    // From the policy, a new guideline under it.
    c.find(Locator::LinkText("Styrdokument")).await.unwrap().click().await.unwrap();
    c.find(Locator::LinkText("Informationssäkerhetspolicy")).await.unwrap().click().await.unwrap();
    see(c, "table.doc-meta", "Kommunfullmäktige").await;
    // Every type that may carry out a policy is offered; the guideline is chosen.
    see(c, "p.new-child", "Strategi · Riktlinje · Anvisning/rutin").await;
    c.find(Locator::Css("p.new-child")).await.unwrap().find(Locator::LinkText("Riktlinje")).await.unwrap().click().await.unwrap();
    see(c, "h1", "Nytt styrdokument").await;
    c.find(Locator::Id("f-title")).await.unwrap().send_keys("Riktlinje för distansarbete").await.unwrap();
    c.find(Locator::Id("f-unit_id")).await.unwrap().select_by_label("Stadsledningsförvaltningen").await.unwrap();
    c.find(Locator::Id("f-body_md")).await.unwrap().send_keys("## Syfte\n\nArbete hemifrån sker över stadens VPN.").await.unwrap();
    click_button(c, "Förhandsgranska").await;
    see(c, ".preview .doc-text h2", "Syfte").await;
    click_button(c, "Spara utkast").await;
    see(c, "h1", "Riktlinje för distansarbete").await;
    see(c, ".doc-status", "utkast").await;
    see(c, ".breadcrumbs", "Informationssäkerhetspolicy").await;
    // The signed decision as a file beside the text, through the page's upload form.
    let file = profile.join("Riktlinje distansarbete.pdf");
    std::fs::write(&file, b"%PDF-1.4 underskrivet").unwrap();
    c.find(Locator::Id("f-file")).await.unwrap().send_keys(file.to_str().unwrap()).await.unwrap();
    click_button(c, "Ladda upp").await;
    see(c, ".doc-links", "Ladda ner bifogad fil: Riktlinje distansarbete.pdf").await;
}

/// Picks options of a multiple select by their labels, and sets a date field (Chromium's
/// date inputs take typed digits by locale; the value is what the form sends).
async fn choose(c: &Client, select: &str, labels: &[&str]) {
    let js =
        "const [id, labels] = arguments; for (const o of document.getElementById(id).options) { o.selected = labels.includes(o.text); }";
    c.execute(js, vec![serde_json::json!(select), serde_json::json!(labels)]).await.unwrap();
}

async fn set_date(c: &Client, id: &str, date: &str) {
    c.execute("document.getElementById(arguments[0]).value = arguments[1];", vec![serde_json::json!(id), serde_json::json!(date)])
        .await
        .unwrap();
}

/// On remiss to two förvaltningar, then adopted: first without a decision (the messages),
/// then with date, dnr and §.
async fn send_on_remiss_and_adopt(c: &Client) {
    choose(c, "f-instances", &["Socialförvaltningen", "Utbildningsförvaltningen"]).await;
    set_date(c, "f-remiss-due_date", "2099-12-01").await;
    click_button(c, "Skicka på remiss").await;
    see(c, ".doc-status", "på remiss").await;
    see(c, "#remiss", "0 av 2 har svarat").await;
    click_button(c, "Registrera beslut om antagande").await;
    see(c, ".error-summary", "Ange beslutsdatum").await;
    see(c, ".error-summary", "Ange diarienummer").await;
    set_date(c, "f-adopt-decision_date", "2026-11-16").await;
    c.find(Locator::Id("f-adopt-diarienummer")).await.unwrap().send_keys("KS 2026/0077").await.unwrap();
    c.find(Locator::Id("f-adopt-paragraph")).await.unwrap().send_keys("§ 61").await.unwrap();
    click_button(c, "Registrera beslut om antagande").await;
    see(c, ".doc-status", "gällande").await;
    see(c, "table.doc-meta", "KS 2026/0077").await;
    see(c, "table.doc-meta", "Kommunstyrelsen").await;
    shot(c, "10-riktlinje-gallande").await;
}

/// A revision while version 1 stays in force, adopted as version 2, and the two compared.
async fn revise_and_compare(c: &Client) {
    // A revision: a new draft while version 1 stays in force.
    click_button(c, "Påbörja revision").await;
    see(c, "main", "Ett utkast till version 2").await;
    c.find(Locator::LinkText("Redigera utkastet (version 2)")).await.unwrap().click().await.unwrap();
    let ta = c.find(Locator::Id("f-body_md")).await.unwrap();
    ta.clear().await.unwrap();
    ta.send_keys("## Syfte\n\nArbete hemifrån sker över stadens VPN med tvåfaktorsinloggning.").await.unwrap();
    click_button(c, "Spara utkast").await;
    see(c, ".doc-status", "version 2").await;
    set_date(c, "f-adopt-decision_date", "2026-11-27").await;
    c.find(Locator::Id("f-adopt-diarienummer")).await.unwrap().send_keys("KS 2026/0101").await.unwrap();
    c.find(Locator::Id("f-adopt-paragraph")).await.unwrap().send_keys("§ 70").await.unwrap();
    click_button(c, "Registrera beslut om antagande").await;
    see(c, ".doc-status", "version 2 (gällande)").await;

    // Compare the two versions.
    c.find(Locator::Id("f-a")).await.unwrap().select_by_label("1").await.unwrap();
    c.find(Locator::Id("f-b")).await.unwrap().select_by_label("2").await.unwrap();
    click_button(c, "Jämför").await;
    see(c, "h1", "Skillnader mellan version 1 och 2").await;
    let del = text_of(c, ".diff del").await;
    let ins = text_of(c, ".diff ins").await;
    assert!(del.contains("stadens VPN.") && ins.contains("tvåfaktorsinloggning"), "{del} / {ins}");
    shot(c, "11-jamfor").await;
}

/// Hemtjänst Öst asked to confirm; the employee confirms from Mina uppgifter; the owner sees 1 av 1.
async fn ask_staff_to_confirm_and_confirm(t: &TestApp, c: &Client, base: &str) {
    // Ask Hemtjänst Öst to confirm.
    c.find(Locator::LinkText("Riktlinje för distansarbete")).await.unwrap().click().await.unwrap();
    c.find(Locator::Id("f-unit_id")).await.unwrap().select_by_label("Hemtjänst Öst").await.unwrap();
    click_button(c, "Skicka förfrågan").await;
    // Asked first how many people that is.
    see(c, "#ack-confirm", "1 person i Hemtjänst Öst ombeds bekräfta").await;
    click_button(c, "Skicka").await;
    see(c, "main", "0 av 1 har bekräftat").await;
    c.find(Locator::Css("form[action='/logout'] button")).await.unwrap().click().await.unwrap();
    see(c, ".notice", "Du är utloggad.").await;
    let doc_url = format!("{base}/documents/{}", t.doc_id("Riktlinje för distansarbete").await);

    // The employee finds it in Mina uppgifter and confirms.
    sign_in(c, base, "lisa.nilsson", PASSWORD).await;
    see(c, "#acks-h", "Styrdokument att läsa och bekräfta").await;
    c.find(Locator::LinkText("Riktlinje för distansarbete")).await.unwrap().click().await.unwrap();
    see(c, "article.doc-text", "tvåfaktorsinloggning").await;
    click_button(c, "Jag har läst dokumentet").await;
    see(c, ".notice", "Tack!").await;
    see(c, "main", "Du har bekräftat").await;
    shot(c, "12-bekraftat").await;

    // The owner sees the count on the document page.
    c.find(Locator::Css("form[action='/logout'] button")).await.unwrap().click().await.unwrap();
    sign_in(c, base, "sara.lindqvist", PASSWORD).await;
    see(c, "h1", "Mina uppgifter").await;
    c.goto(&doc_url).await.unwrap();
    see(c, "#ack", "Hemtjänst Öst, Version 2: 1 av 1 har bekräftat.").await;
}
