//! The sessions of a run: signed in before its measured seconds, one per goose user.

use crate::scenarios::PASSWORD;
use goose::prelude::*;
use std::sync::Mutex;

pub fn csrf_in(html: &str) -> String {
    let key = "name=\"_csrf\" value=\"";
    html.find(key).map(|i| html[i + key.len()..].chars().take_while(|c| *c != '"').collect()).unwrap_or_default()
}

/// A session signed in before a run: its cookie header and its CSRF token.
#[derive(Clone)]
pub struct Session {
    cookie: String,
    csrf: String,
}

/// Sessions signed in before the run, one per goose user, taken at each user's start: a
/// sign-in is argon2id (19 MiB and tens of milliseconds of CPU), and sixteen of them inside
/// the measured seconds took about 5 % of the server's CPU away from the page measured.
static AHEAD: Mutex<Vec<Session>> = Mutex::new(Vec::new());

/// Signs `n` sessions of `username` in, outside the measured run.
pub(crate) async fn sign_in_ahead(base: &str, username: &str, n: usize) -> anyhow::Result<()> {
    use reqwest::cookie::CookieStore;
    let url: reqwest::Url = base.parse()?;
    let mut made = Vec::with_capacity(n);
    for _ in 0..n {
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        let client = reqwest::Client::builder().cookie_provider(jar.clone()).build()?;
        let html = client.get(format!("{base}/login")).send().await?.text().await?;
        let form = [("username", username), ("password", PASSWORD), ("next", "/account"), ("_csrf", &csrf_in(&html))];
        let html = client.post(format!("{base}/login")).form(&form).send().await?.error_for_status()?.text().await?;
        let cookie = jar.cookies(&url).and_then(|h| h.to_str().ok().map(str::to_owned)).unwrap_or_default();
        anyhow::ensure!(!cookie.is_empty(), "signing {username} in gave no session cookie");
        made.push(Session { cookie, csrf: csrf_in(&html) });
    }
    if let Ok(mut g) = AHEAD.lock() {
        *g = made;
    }
    Ok(())
}

/// Each goose user's start: takes a session signed in ahead.
pub async fn sign_in(user: &mut GooseUser) -> TransactionResult {
    if let Some(s) = AHEAD.lock().ok().and_then(|mut g| g.pop()) {
        user.set_session_data(s);
    }
    Ok(())
}

/// The headers of the user's session, if any: its cookie, and for a write its CSRF token.
pub(crate) fn session_headers(user: &GooseUser, write: bool) -> Vec<(&'static str, String)> {
    match user.get_session_data::<Session>() {
        Some(s) if write => vec![("cookie", s.cookie.clone()), ("x-csrf-token", s.csrf.clone())],
        Some(s) => vec![("cookie", s.cookie.clone())],
        None => vec![],
    }
}
