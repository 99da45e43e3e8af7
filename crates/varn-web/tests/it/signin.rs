//! Sign-in under attack: guesses counted before they are checked, throttles per source and
//! name that never keep the owner out from elsewhere, the same answers for names that do
//! not exist, a bounded trace of unknown names, and the administrator's view of throttles.

use crate::helpers::*;
use reqwest::Method;
use varn_app::AppError;
use varn_store::entity::audit_log;
use varn_store::repo::throttles;
use varn_store::sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

/// What an attempt answered, without the details.
fn kind(r: &Result<impl Sized, AppError>) -> &'static str {
    match r {
        Ok(_) => "ok",
        Err(AppError::Unauthenticated) => "wrong",
        Err(AppError::Locked(_)) => "wait",
        Err(e) => {
            eprintln!("other: {e:?}");
            "other"
        }
    }
}

#[rstest::rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn parallel_guesses_are_counted_first_and_slow_only_their_source(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let attacker = "198.51.100.7";
    // 40 wrong passwords at once: each is counted before it is checked, so exactly the five
    // free checks happen and the other 35 wait, checked never.
    let guesses = (0..40).map(|i| {
        let app = t.app.clone();
        tokio::spawn(async move { kind(&app.sign_in("lisa.nilsson", &format!("fel-{i}"), None, attacker).await) })
    });
    let mut answers = std::collections::HashMap::new();
    for g in futures_util::future::join_all(guesses).await {
        *answers.entry(g.unwrap()).or_insert(0) += 1;
    }
    assert_eq!((answers.get("wrong"), answers.get("wait")), (Some(&5), Some(&35)), "{b}: {answers:?}");
    let row = throttles::find(t.app.store.read(), attacker, "lisa.nilsson").await.unwrap().unwrap();
    assert_eq!((row.attempts, row.failures), (40, 5), "{b}");
    assert!(row.blocked_until.is_some());
    let lisa = varn_store::repo::users::by_username(t.app.store.read(), "lisa.nilsson").await.unwrap().unwrap();
    assert_eq!(lisa.failed_logins, 5, "{b}: the account shows the failed checks");

    // Sixteen right passwords sent at once from one address all sign in: checks beyond the
    // free five wait for the outcome of those in flight instead of counting against it.
    let rights = (0..16).map(|_| {
        let app = t.app.clone();
        tokio::spawn(async move { kind(&app.sign_in("karin.berg", PASSWORD, None, "203.0.113.20").await) })
    });
    let rights: Vec<&str> = futures_util::future::join_all(rights).await.into_iter().map(Result::unwrap).collect();
    assert!(rights.iter().all(|k| *k == "ok"), "{b}: {rights:?}");

    // The right password from the attacker's address waits too; from Lisa's own it signs in.
    assert_eq!(kind(&t.app.sign_in("lisa.nilsson", PASSWORD, None, attacker).await), "wait", "{b}");
    assert_eq!(kind(&t.app.sign_in("lisa.nilsson", PASSWORD, None, "203.0.113.9").await), "ok", "{b}");
    assert!(throttles::find(t.app.store.read(), attacker, "lisa.nilsson").await.unwrap().is_some(), "the attacker stays slowed");

    // A name that does not exist answers exactly as one that does, try for try.
    let mut known = vec![];
    let mut unknown = vec![];
    for i in 0..7 {
        known.push(kind(&t.app.sign_in("omar.haddad", &format!("x{i}"), None, "198.51.100.8").await));
        unknown.push(kind(&t.app.sign_in("finns.inte", &format!("x{i}"), None, "198.51.100.9").await));
    }
    assert_eq!(known, ["wrong", "wrong", "wrong", "wrong", "wrong", "wait", "wait"], "{b}");
    assert_eq!(unknown, known, "{b}");

    // "Change password" is throttled the same way and every wrong guess is audited.
    let (_, omar) = t.app.sign_in("omar.haddad", PASSWORD, None, "203.0.113.10").await.unwrap();
    for _ in 0..5 {
        let e = t.app.change_password(&omar, "gissning", "Ett-helt-nytt-lösen-1", "198.51.100.10").await.unwrap_err();
        assert!(matches!(e, AppError::Invalid(_)), "{e:?}");
    }
    let e = t.app.change_password(&omar, PASSWORD, "Ett-helt-nytt-lösen-1", "198.51.100.10").await.unwrap_err();
    assert!(matches!(e, AppError::Locked(_)), "{b}: after five wrong guesses even the right one waits: {e:?}");
    let checks = audit_log::Entity::find().filter(audit_log::Column::Action.eq("auth.password_check_failed")).count(t.app.store.read());
    assert_eq!(checks.await.unwrap(), 5, "{b}: each wrong guess audited");
    assert!(t.app.change_password(&omar, PASSWORD, "Ett-helt-nytt-lösen-1", "203.0.113.10").await.is_ok(), "{b}: from elsewhere it works");
    t.stop().await;
}

#[rstest::rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn unknown_names_leave_a_bounded_trace_and_a_spraying_source_is_slowed(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let src = "192.0.2.50";
    let rows_before = audit_log::Entity::find().count(t.app.store.read()).await.unwrap();
    // 105 different made-up names from one address, one guess each: the first 100 failures
    // are checked, after that the address waits whatever name it tries.
    let mut answers = vec![];
    for i in 0..105 {
        answers.push(kind(&t.app.sign_in(&format!("gissat.namn{i}"), "Sommar2026", None, src).await));
    }
    assert_eq!(answers.iter().filter(|a| **a == "wrong").count(), 100, "{b}: {answers:?}");
    assert!(answers[100..].iter().all(|a| *a == "wait"), "{b}: {answers:?}");
    assert_eq!(kind(&t.app.sign_in("lisa.nilsson", PASSWORD, None, src).await), "wait", "{b}: the whole address waits");
    // The audit log grew by at most one summarising row per minute, not one row per guess,
    // and the rows and the count still to be summarised account for every failure.
    let summaries = audit_log::Entity::find().filter(audit_log::Column::ActorName.eq("okänt namn")).all(t.app.store.read()).await.unwrap();
    assert!((1..=2).contains(&summaries.len()), "{b}: {} rows", summaries.len());
    let summarised: i64 = summaries
        .iter()
        .map(|r| serde_json::from_str::<serde_json::Value>(r.after_json.as_deref().unwrap()).unwrap()["failures"].as_i64().unwrap())
        .sum();
    let all = throttles::find(t.app.store.read(), src, throttles::ALL).await.unwrap().unwrap();
    assert_eq!(summarised + all.unaudited, 100, "{b}");
    assert_eq!(all.attempts, 106);
    let rows_after = audit_log::Entity::find().count(t.app.store.read()).await.unwrap();
    assert_eq!(rows_after - rows_before, summaries.len() as u64, "{b}: nothing else was written");
    t.stop().await;
}

#[tokio::test]
async fn the_administrator_sees_and_lifts_a_throttle() {
    let t = TestApp::spawn("sqlite").await;
    // Over HTTP every client of the test comes from 127.0.0.1.
    let mut m = t.anonymous();
    for _ in 0..5 {
        assert_eq!(m.login("karin.berg", "inte-rätt-alls").await.status(), 401);
    }
    let r = m.login("karin.berg", PASSWORD).await;
    assert_eq!(r.status(), 429);
    let admin = api_as(&t, "admin").await;
    let (s, list) = admin.call(Method::GET, "/api/v1/sign-in-throttles", None).await;
    assert_eq!(s, 200);
    let row = list["items"].as_array().unwrap().iter().find(|r| r["account"] == "karin.berg").cloned().unwrap();
    assert_eq!((row["source"].as_str(), row["failures"].as_i64()), (Some("127.0.0.1"), Some(5)), "{list}");
    let page = t.signed_in("admin").await;
    let (s, html) = page.text("/users/throttles").await;
    assert!(s == 200 && html.contains("karin.berg") && html.contains("127.0.0.1"), "{html}");
    let r = page.post_form("/users/throttles/lift", &[("source", "127.0.0.1"), ("account", "karin.berg")]).await;
    assert_eq!(r.status(), 303);
    assert!(r.headers()["location"].to_str().unwrap().contains("msg=throttle_lifted"));
    assert_eq!(m.login("karin.berg", PASSWORD).await.status(), 303, "lifted: the right password signs in at once");
    let lifts = audit_log::Entity::find().filter(audit_log::Column::Action.eq("auth.throttle_lift")).one(t.app.store.read());
    let lift = lifts.await.unwrap().unwrap();
    assert_eq!(lift.actor_name, "admin");
    assert!(lift.before_json.unwrap().contains("karin.berg"));
    t.stop().await;
}

#[tokio::test]
async fn a_slow_client_is_dropped_and_bodies_are_bounded_per_route() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let t = TestApp::spawn("sqlite").await;
    let addr = t.base.trim_start_matches("http://").to_owned();
    // Half a request, then silence: the server hangs up once the header time (2 s in tests)
    // has passed, instead of holding the connection for ever.
    let mut slow = tokio::net::TcpStream::connect(&addr).await.unwrap();
    slow.write_all(b"GET /login HTTP/1.1\r\nHost: x\r\nX-Slow: ").await.unwrap();
    let started = std::time::Instant::now();
    let mut buf = [0u8; 256];
    let n = tokio::time::timeout(std::time::Duration::from_secs(10), slow.read(&mut buf)).await;
    let n = n.expect("the server answers or hangs up within the header time").unwrap_or(0);
    assert!(n == 0 || String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 408"), "{}", String::from_utf8_lossy(&buf[..n]));
    assert!(started.elapsed() >= std::time::Duration::from_secs(1), "not before the header time");
    // A whole request on another connection is served.
    assert_eq!(t.anonymous().get("/login").await.status(), 200);

    // A form or JSON body above the small limit (32 KiB in tests) is refused, while a file
    // upload of the same size is taken where files are uploaded.
    let b = t.signed_in("sara.lindqvist").await;
    let big = "x".repeat(40 * 1024);
    // The page says so in the user's language (not a bare status), whether the form's token
    // is in the body (read by the CSRF check) or in the header (htmx: read by the form's
    // extractor, the page inside the shell); the API in its JSON.
    let r = b.post_form("/org", &[("name", &big)]).await;
    assert_eq!(r.status(), 413);
    let html = r.text().await.unwrap();
    assert!(html.contains("Det som skickades är för stort") && html.contains("Gör texten kortare"), "{html}");
    let by_header = b
        .http
        .post(b.url("/org"))
        .header("x-csrf-token", &b.csrf)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("name={big}"))
        .send()
        .await
        .unwrap();
    assert_eq!(by_header.status(), 413);
    let html = by_header.text().await.unwrap();
    assert!(html.contains("Det som skickades är för stort") && html.contains("href=\"/governance\""), "{html}");
    let r = b.json(Method::POST, "/api/v1/org-units", serde_json::json!({"name": big})).await;
    assert_eq!(r.status(), 413);
    let e: serde_json::Value = r.json().await.unwrap();
    assert_eq!(e["error"]["code"], "too_large", "{e}");
    b.get("/lang?to=en&back=%2F").await;
    let html = b.post_form("/org", &[("name", &big)]).await.text().await.unwrap();
    assert!(html.contains("What was sent is too large") && html.contains("lang=\"en\""), "{html}");
    let ifo = t.id("Individ- och familjeomsorg");
    let part = reqwest::multipart::Part::bytes(vec![b'a'; 40 * 1024]).file_name("stor.txt").mime_str("text/plain").unwrap();
    let form = reqwest::multipart::Form::new().part("file", part);
    let r = b.http.post(b.url(&format!("/org/{ifo}/attachments?_csrf={}", b.csrf))).multipart(form).send().await.unwrap();
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    t.stop().await;
}
