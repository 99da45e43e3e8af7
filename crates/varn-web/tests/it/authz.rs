//! Walks the routes of the app as each role of DOMAIN.md and checks the answer: allowed,
//! 403 (the role may not do this at all, or not here), or 404 (what they may not know
//! exists). Calls that would change data send input that fails validation, so an allowed
//! call answers 422 or 409 and the walk leaves the demo city as it was.

use crate::helpers::*;
use reqwest::Method;
use rstest::rstest;
use serde_json::json;

pub const USERS: [&str; 8] =
    ["admin", "sara.lindqvist", "erik.holm", "karin.berg", "johan.ek", "omar.haddad", "lisa.nilsson", "peter.lund"];

/// A request of the walk.
pub enum Call {
    Page(String),
    Form(String, Vec<(&'static str, String)>),
    Upload(String),
    Json(Method, String, serde_json::Value),
}

fn outcome(status: u16) -> char {
    match status {
        200..=399 | 409 | 422 => 'A',
        403 => 'F',
        404 => 'N',
        other => panic!("unexpected status {other}"),
    }
}

/// The ids the rows refer to.
pub struct Ids {
    pub socf: i64,
    pub ifo: i64,
    pub htost: i64,
    pub lisa: i64,
    pub policy: i64,
    pub behorighet: i64,
    /// Drafts waiting for a decision: kommunstyrelsen's, and Socialnämnden's.
    pub ks_draft: i64,
    pub sn_draft: i64,
}

/// The rows of the foundation: (call, expected per user in the order of [`USERS`]).
fn foundation_rows(x: &Ids) -> Vec<(Call, &'static str)> {
    let Ids { socf, ifo, htost, lisa, .. } = x;
    vec![
        (Call::Page("/tasks".into()), "AAAAAAAA"),
        (Call::Page("/account".into()), "AAAAAAAA"),
        (Call::Page("/incidents".into()), "AAAAAAAA"),
        (Call::Page("/org".into()), "AAAAAAAA"),
        (Call::Page("/org/list?q=a".into()), "AAAAAAAA"),
        (Call::Page("/people?q=an".into()), "AAAAAAFA"),
        (Call::Json(Method::GET, "/api/v1/people?q=an".into(), json!(null)), "AAAAAAFA"),
        (Call::Page(format!("/org/{socf}")), "AAAANNNA"),
        (Call::Page(format!("/org/{socf}/admin")), "AAFANNNF"),
        (Call::Page(format!("/org/{ifo}")), "AAAANANA"),
        (Call::Page(format!("/org/{htost}")), "AAANNNAN"),
        (Call::Page("/org/new".into()), "AAFAAFFF"),
        (Call::Form("/org".into(), vec![("name", String::new())]), "AAFAAFFF"),
        (Call::Form(format!("/org/{ifo}"), vec![("name", String::new())]), "AAFANFFF"),
        (Call::Form(format!("/org/{ifo}/move"), vec![("parent_id", String::new())]), "AAFANFFF"),
        (Call::Form(format!("/org/{socf}/deactivate"), vec![]), "AAFANFFF"),
        (Call::Form(format!("/org/{socf}/activate"), vec![]), "AAFANFFF"),
        (Call::Form(format!("/org/{socf}/delete"), vec![]), "AAFANFFF"),
        (Call::Upload(format!("/org/{ifo}/attachments")), "AAFANFNF"),
        (Call::Page("/users".into()), "AAAAAFFF"),
        (Call::Page("/users/new".into()), "AFFFFFFF"),
        (Call::Form("/users".into(), vec![("username", String::new())]), "AFFFFFFF"),
        (Call::Page(format!("/users/{lisa}")), "AAANNNAN"),
        (Call::Form(format!("/users/{lisa}"), vec![("display_name", String::new())]), "AFFFFFFF"),
        (Call::Form(format!("/users/{lisa}/grants"), vec![("role", String::new())]), "AFFFFFFF"),
        (Call::Form(format!("/users/{lisa}/password"), vec![("password", "kort".into())]), "AFFFFFFF"),
        (Call::Form(format!("/users/{lisa}/activate"), vec![]), "AFFFFFFF"),
        (Call::Page("/audit".into()), "AAAFFFFF"),
        (Call::Page("/users/throttles".into()), "AFFFFFFF"),
        (Call::Form("/users/throttles/lift".into(), vec![("source", "192.0.2.1".into()), ("account", "ingen".into())]), "NFFFFFFF"),
        (Call::Json(Method::GET, "/api/v1/sign-in-throttles".into(), json!(null)), "AFFFFFFF"),
        (Call::Json(Method::POST, "/api/v1/sign-in-throttles/lift".into(), json!({"source": "192.0.2.1", "account": "ingen"})), "NFFFFFFF"),
        (Call::Json(Method::GET, "/api/v1/me".into(), json!(null)), "AAAAAAAA"),
        (Call::Json(Method::GET, "/api/v1/tasks".into(), json!(null)), "AAAAAAAA"),
        (Call::Json(Method::GET, "/api/v1/tokens".into(), json!(null)), "AAAAAAAA"),
        (Call::Json(Method::GET, "/api/v1/org-units".into(), json!(null)), "AAAAAAAA"),
        (Call::Json(Method::GET, format!("/api/v1/org-units/{socf}"), json!(null)), "AAAANNNA"),
        (Call::Json(Method::GET, format!("/api/v1/org-units/{ifo}/attachments"), json!(null)), "AAAANANA"),
        (Call::Json(Method::POST, "/api/v1/org-units".into(), json!({"name": ""})), "AAFAAFFF"),
        (Call::Json(Method::PATCH, format!("/api/v1/org-units/{ifo}"), json!({"name": ""})), "AAFANFFF"),
        (Call::Json(Method::POST, format!("/api/v1/org-units/{socf}/deactivate"), json!({})), "AAFANFFF"),
        (Call::Json(Method::DELETE, format!("/api/v1/org-units/{socf}"), json!({})), "AAFANFFF"),
        (Call::Json(Method::GET, "/api/v1/users".into(), json!(null)), "AAAAAFFF"),
        (Call::Json(Method::GET, format!("/api/v1/users/{lisa}"), json!(null)), "AAANNNAN"),
        (Call::Json(Method::POST, "/api/v1/users".into(), json!({})), "AFFFFFFF"),
        (Call::Json(Method::PATCH, format!("/api/v1/users/{lisa}"), json!({"display_name": ""})), "AFFFFFFF"),
        (Call::Json(Method::POST, format!("/api/v1/users/{lisa}/roles"), json!({"role": ""})), "AFFFFFFF"),
        (Call::Json(Method::GET, "/api/v1/audit".into(), json!(null)), "AAAFFFFF"),
        (Call::Json(Method::GET, "/api/v1/audit/verify".into(), json!(null)), "AAAFFFFF"),
        // The follow-up of work: the samordnare, the auditor and the heads, in their scope.
        (Call::Page("/governance".into()), "FAAAAFFF"),
        (Call::Page(format!("/governance?unit={socf}")), "FAAANFFF"),
        (Call::Page(format!("/governance?unit={htost}&all_open=1")), "FAANNFFF"),
        (Call::Json(Method::GET, "/api/v1/follow-up/work".into(), json!(null)), "FAAAAFFF"),
        (Call::Json(Method::GET, format!("/api/v1/follow-up/work?unit={socf}&kind=arshjul"), json!(null)), "FAAANFFF"),
    ]
}

/// What `c` gets for `call`: (label, status).
async fn answer(c: &Browser, call: &Call) -> (String, u16) {
    match call {
        Call::Page(p) => (format!("GET {p}"), c.get(p).await.status().as_u16()),
        Call::Form(p, f) => {
            let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            (format!("POST {p}"), c.post_form(p, &f).await.status().as_u16())
        }
        Call::Upload(p) => {
            let form = reqwest::multipart::Form::new().part("file", reqwest::multipart::Part::bytes(Vec::new()).file_name("tom.txt"));
            let r = c.http.post(c.url(&format!("{p}?_csrf={}", c.csrf))).multipart(form).send().await.unwrap();
            (format!("UPLOAD {p}"), r.status().as_u16())
        }
        Call::Json(m, p, body) => {
            let r = if body.is_null() { c.get(p).await } else { c.json(m.clone(), p, body.clone()).await };
            (format!("{m} {p}"), r.status().as_u16())
        }
    }
}

/// Every row as every user: the rows whose answer is not the expected one.
async fn walk(t: &TestApp, table: &[(Call, &str)]) -> Vec<String> {
    let mut failures = Vec::new();
    for (u, user) in USERS.iter().enumerate() {
        let c = t.signed_in(user).await;
        for (i, (call, expected)) in table.iter().enumerate() {
            let want = expected.chars().nth(u).unwrap();
            let (label, status) = answer(&c, call).await;
            let got = outcome(status);
            if got != want {
                failures.push(format!("#{i} {label} as {user}: expected {want}, got {got} ({status})"));
            }
        }
    }
    failures
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn every_route_answers_each_role_as_the_permission_model_says(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let ids = Ids {
        socf: t.id("Socialförvaltningen"),
        ifo: t.id("Individ- och familjeomsorg"),
        htost: t.id("Hemtjänst Öst"),
        lisa: t.id("lisa.nilsson"),
        policy: t.doc_id("Informationssäkerhetspolicy").await,
        behorighet: t.doc_id("Anvisning för behörighetshantering i socialförvaltningens verksamhetssystem").await,
        ks_draft: 0,
        sn_draft: 0,
    };
    let (ks_draft, sn_draft) = crate::documents::drafts_to_decide(&t).await;
    let ids = Ids { ks_draft, sn_draft, ..ids };
    // Each module adds its rows.
    let mut table = foundation_rows(&ids);
    table.extend(crate::documents::authz_rows(&ids));
    table.extend(crate::assets::authz_rows(&t).await);
    table.extend(crate::incidents::authz_rows(&t).await);
    table.extend(crate::risks::authz_rows(&t).await);
    let failures = walk(&t, &table).await;
    assert!(failures.is_empty(), "{b}:\n{}", failures.join("\n"));

    // Nobody signed in: pages go to the sign-in page, the API says 401.
    let anon = t.anonymous();
    for (call, _) in &table {
        match call {
            Call::Page(p) => {
                let r = anon.get(p).await;
                assert_eq!(r.status(), 303, "{p}");
                assert!(r.headers()["location"].to_str().unwrap().starts_with("/login?next="));
            }
            Call::Json(Method::GET, p, _) => assert_eq!(anon.get(p).await.status(), 401, "{p}"),
            _ => {}
        }
    }
    // The walk changed nothing but sign-ins: the audit chain is whole.
    assert!(matches!(t.app.audit_verify().await.unwrap(), varn_store::repo::audit::Verdict::Whole { .. }));
    t.stop().await;
}
