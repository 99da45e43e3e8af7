//! The edges an attacker tries: paging far out, redirects off the site, malformed API
//! requests. Each answers with a clear error, never a panic or a trip elsewhere.

use crate::helpers::*;
use reqwest::Method;

#[tokio::test]
async fn a_huge_page_number_is_a_mistake_not_a_panic() {
    let t = TestApp::spawn("sqlite").await;
    let sara = t.signed_in("sara.lindqvist").await;
    for list in ["/org/list", "/users", "/documents", "/audit"] {
        let r = sara.get(&format!("{list}?page=99999999999999")).await;
        assert_eq!(r.status(), 422, "{list}");
        assert_eq!(sara.get(&format!("{list}?page=100000")).await.status(), 200, "{list}: the last page served is empty");
    }
    let api = api_as(&t, "sara.lindqvist").await;
    for list in ["/api/v1/org-units", "/api/v1/users", "/api/v1/documents", "/api/v1/audit"] {
        let (s, e) = api.call(Method::GET, &format!("{list}?page=99999999999999"), None).await;
        assert_eq!((s, e["error"]["fields"][0]["field"].as_str()), (422, Some("page")), "{list}: {e}");
    }
    t.stop().await;
}

#[tokio::test]
async fn redirects_stay_on_the_site() {
    let t = TestApp::spawn("sqlite").await;
    let anon = t.anonymous();
    for back in ["/%09/evil.example", "//evil.example", "/%5Cevil.example", "https://evil.example", "/%0A/evil.example"] {
        let r = anon.get(&format!("/lang?to=en&back={back}")).await;
        assert_eq!(r.status(), 303, "{back}");
        assert_eq!(r.headers()["location"], "/", "{back} goes nowhere but home");
    }
    let r = anon.get("/lang?to=en&back=/documents%3Fq%3Dx").await;
    assert_eq!(r.headers()["location"], "/documents?q=x", "a local path is kept");
    let r = anon.get("/login?next=/%09/evil.example").await;
    let html = r.text().await.unwrap();
    assert!(!html.contains("evil.example"), "the sign-in form does not carry it on");
    t.stop().await;
}

#[tokio::test]
async fn malformed_page_addresses_answer_with_the_error_page_in_the_users_language() {
    let t = TestApp::spawn("sqlite").await;
    let sara = t.signed_in("sara.lindqvist").await;
    // A letter where a number belongs, in the query or in the path: the error page, in
    // Swedish, inside the shell, never axum's own English text.
    for path in ["/governance?unit=abc", "/assets/abc", "/documents/1?version=nio", "/org/x"] {
        let r = sara.get(path).await;
        assert_eq!(r.status(), 400, "{path}");
        assert!(r.headers()["content-type"].to_str().unwrap().starts_with("text/html"), "{path}");
        let html = r.text().await.unwrap();
        assert!(html.contains("Adressen eller formuläret kunde inte läsas"), "{path}: {html}");
        assert!(html.contains("bokstäver där det ska stå ett nummer"), "{path}");
        assert!(html.contains("href=\"/governance\""), "{path}: the samordnare's menu is there");
        assert!(!html.contains("deserialize") && !html.contains("Invalid URL"), "{path}");
    }
    // A form sent to an address whose number is not one; an address only forms use.
    let r = sara.post_form("/org/abc/move", &[("parent_id", "1")]).await;
    assert_eq!(r.status(), 400);
    assert!(r.text().await.unwrap().contains("Adressen eller formuläret kunde inte läsas"));
    let r = sara.get("/org/1/move").await;
    assert_eq!(r.status(), 405);
    assert_eq!(r.headers()["allow"], "POST");
    let html = r.text().await.unwrap();
    assert!(html.contains("Sidan finns inte") && html.contains("Adressen används bara när ett formulär skickas"), "{html}");
    // In English after the switch.
    sara.get("/lang?to=en&back=%2F").await;
    let (s, html) = sara.text("/governance?unit=abc").await;
    assert_eq!(s, 400);
    assert!(html.contains("The address or the form could not be read") && html.contains("letters where a number belongs"), "{html}");
    // The API answers the same mistake in its JSON format.
    let api = api_as(&t, "sara.lindqvist").await;
    let (s, e) = api.call(Method::GET, "/api/v1/follow-up/work?unit=abc", None).await;
    assert_eq!((s, e["error"]["code"].as_str()), (400, Some("bad_request")), "{e}");
    t.stop().await;
}

#[tokio::test]
async fn malformed_api_requests_answer_in_the_apis_format() {
    let t = TestApp::spawn("sqlite").await;
    let api = api_as(&t, "sara.lindqvist").await;
    let url = format!("{}/api/v1/org-units", t.base);
    let send =
        |body: &'static str, ct: &'static str| api.http.post(&url).bearer_auth(&api.token).header("content-type", ct).body(body).send();
    for (body, ct, status, code) in [
        ("{\"name\": ", "application/json", 400, "bad_request"),
        ("name=x", "application/x-www-form-urlencoded", 415, "unsupported_media_type"),
        ("{\"name\": 7}", "application/json", 422, "bad_request"),
    ] {
        let r = send(body, ct).await.unwrap();
        assert_eq!(r.status(), status, "{body}");
        let e: serde_json::Value = r.json().await.expect("JSON, not plain text");
        assert_eq!(e["error"]["code"], code, "{body}: {e}");
        assert!(!e["error"]["message"].as_str().unwrap_or("").is_empty());
    }
    let (s, e) = api.call(Method::GET, "/api/v1/no-such-thing", None).await;
    assert_eq!((s, e["error"]["code"].as_str()), (404, Some("not_found")), "{e}");
    t.stop().await;
}

#[rstest::rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn tokens_expire_make_no_tokens_and_die_with_the_account(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let (lisa, admin) = (api_as(&t, "lisa.nilsson").await, api_as(&t, "admin").await);
    // A token cannot make tokens; a signed-in session can, for 1–365 days (default 90).
    let (s, _) = lisa.call(Method::POST, "/api/v1/tokens", Some(serde_json::json!({"name": "mer"}))).await;
    assert_eq!(s, 403, "{b}");
    let session = t.signed_in("lisa.nilsson").await;
    let made = session.json(Method::POST, "/api/v1/tokens", serde_json::json!({"name": "skript", "days": 400})).await;
    assert_eq!(made.status(), 422);
    let made = session.json(Method::POST, "/api/v1/tokens", serde_json::json!({"name": "skript"})).await;
    assert_eq!(made.status(), 201);
    let tok: serde_json::Value = made.json().await.unwrap();
    let expires = chrono::DateTime::parse_from_rfc3339(tok["expires_at"].as_str().unwrap()).unwrap();
    let days = (expires.with_timezone(&chrono::Utc) - chrono::Utc::now()).num_days();
    assert!((89..=90).contains(&days), "{tok}");
    // An expired token no longer opens anything (one stored the same way but still valid does).
    let lisa_id = t.id("lisa.nilsson");
    for (secret, days, status) in [("varn_giltig-nyckel-for-testet", 1, 200), ("varn_utgangen-nyckel-for-testet", -1, 401)] {
        let hash = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(secret.as_bytes()));
        let until = chrono::Utc::now() + chrono::Duration::days(days);
        varn_store::repo::tokens::insert(t.app.store.write(), lisa_id, "direkt", (&hash, &secret[..12]), until).await.unwrap();
        assert_eq!(Api::new(&t.base, secret).call(Method::GET, "/api/v1/me", None).await.0, status, "{b}: {secret}");
    }
    // Deactivating the account revokes its tokens; reactivating does not bring them back.
    let uid = t.id("lisa.nilsson");
    assert_eq!(lisa.call(Method::GET, "/api/v1/me", None).await.0, 200);
    assert_eq!(admin.call(Method::POST, &format!("/api/v1/users/{uid}/deactivate"), None).await.0, 200);
    assert_eq!(admin.call(Method::POST, &format!("/api/v1/users/{uid}/activate"), None).await.0, 200);
    assert_eq!(lisa.call(Method::GET, "/api/v1/me", None).await.0, 401, "{b}: the old token stays dead");
    t.stop().await;
}

#[rstest::rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn a_session_left_idle_ends(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    use varn_store::entity::session;
    use varn_store::sea_orm::{sea_query::Expr, ColumnTrait, EntityTrait, QueryFilter};
    let (ns, _) = t.app.sign_in("lisa.nilsson", PASSWORD, None, "127.0.0.1").await.unwrap();
    assert!(t.app.session(&ns.token).await.unwrap().is_some(), "a fresh session works");
    // Unused for longer than the idle time (60 minutes by default), it is over, though its
    // absolute lifetime (8 hours) is not.
    let long_ago = chrono::Utc::now() - chrono::Duration::minutes(61);
    for col in [session::Column::LastSeenAt, session::Column::CreatedAt] {
        session::Entity::update_many()
            .col_expr(col, Expr::value(long_ago))
            .filter(session::Column::UserId.eq(t.id("lisa.nilsson")))
            .exec(t.app.store.write())
            .await
            .unwrap();
    }
    t.app.forget_sessions();
    assert!(t.app.session(&ns.token).await.unwrap().is_none(), "{b}: idle for an hour, signed out");
    // Used within the hour, it lives on.
    let (ns2, _) = t.app.sign_in("omar.haddad", PASSWORD, None, "127.0.0.1").await.unwrap();
    let recent = chrono::Utc::now() - chrono::Duration::minutes(59);
    session::Entity::update_many()
        .col_expr(session::Column::CreatedAt, Expr::value(long_ago))
        .col_expr(session::Column::LastSeenAt, Expr::value(recent))
        .filter(session::Column::UserId.eq(t.id("omar.haddad")))
        .exec(t.app.store.write())
        .await
        .unwrap();
    t.app.forget_sessions();
    assert!(t.app.session(&ns2.token).await.unwrap().is_some(), "{b}: used 59 minutes ago");
    t.stop().await;
}

#[tokio::test]
async fn over_https_cookies_are_host_only_and_hsts_is_sent() {
    let t = TestApp::spawn("sqlite").await;
    // The same app served as it is behind HTTPS (`--secure-cookies`).
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let router = varn_web::router(t.app.clone(), varn_web::WebConfig { secure_cookies: true, ..Default::default() });
    let server = tokio::spawn(varn_web::serve::serve(listener, router, test_limits(), std::future::pending()));
    let plain = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let r = plain.get(format!("{base}/login")).send().await.unwrap();
    assert_eq!(r.headers()["strict-transport-security"], "max-age=31536000; includeSubDomains");
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("__Host-varn_pre=") && cookie.contains("Secure") && cookie.contains("Path=/"), "{cookie}");
    assert!(!cookie.contains("Domain"), "{cookie}");
    // Plain HTTP (the default) sends neither.
    let r = t.anonymous().get("/login").await;
    assert!(r.headers().get("strict-transport-security").is_none());
    assert!(r.headers()["set-cookie"].to_str().unwrap().starts_with("varn_pre="));
    server.abort();
    t.stop().await;
}

#[rstest::rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn grants_outside_the_viewers_scope_are_not_shown(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let (admin, karin) = (api_as(&t, "admin").await, api_as(&t, "karin.berg").await);
    let (omar, utbf) = (t.id("omar.haddad"), t.id("Utbildningsförvaltningen"));
    // Omar is information owner in Individ- och familjeomsorg, and is made one elsewhere too.
    let body = serde_json::json!({"role": "informationsagare", "org_unit_id": utbf});
    let (s, g) = admin.call(Method::POST, &format!("/api/v1/users/{omar}/roles"), Some(body)).await;
    assert_eq!(s, 201, "{g}");
    let units = |v: &serde_json::Value| -> Vec<String> {
        v["grants"].as_array().unwrap().iter().map(|g| g["unit_name"].as_str().unwrap_or_default().to_owned()).collect()
    };
    let (_, all) = admin.call(Method::GET, &format!("/api/v1/users/{omar}"), None).await;
    assert!(units(&all).contains(&"Utbildningsförvaltningen".to_owned()), "{all}");
    // Karin heads Socialnämnden's side of the city: she sees Omar's role there only.
    let (s, part) = karin.call(Method::GET, &format!("/api/v1/users/{omar}"), None).await;
    assert_eq!(s, 200, "{part}");
    assert!(!units(&part).is_empty() && !units(&part).contains(&"Utbildningsförvaltningen".to_owned()), "{b}: {part}");
    let page = t.signed_in("karin.berg").await;
    let (_, html) = page.text(&format!("/users/{omar}")).await;
    assert!(!html.contains("Utbildningsförvaltningen"), "{b}: the page hides it too");
    t.stop().await;
}
