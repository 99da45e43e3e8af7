//! The organisation, users, tokens, audit log, tasks, files and the shared list and form
//! building blocks, through the JSON API and the pages, on each database.

use crate::helpers::*;
use reqwest::Method;
use rstest::rstest;
use serde_json::json;

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn the_audit_chain_is_append_only_and_reveals_tampering(#[case] b: &str) {
    if skip(b) {
        return;
    }
    use sea_orm::{ConnectionTrait, Statement};
    let t = TestApp::spawn(b).await;
    let db = t.app.store.write();
    let backend = db.get_database_backend();
    // The database refuses to change or remove audit rows.
    assert!(db.execute(Statement::from_string(backend, "UPDATE audit_log SET actor_name = 'x' WHERE id = 3")).await.is_err(), "{b}");
    assert!(db.execute(Statement::from_string(backend, "DELETE FROM audit_log WHERE id = 3")).await.is_err(), "{b}");
    assert!(matches!(t.app.audit_verify().await.unwrap(), varn_store::repo::audit::Verdict::Whole { .. }));

    // Someone with the database's keys disables the guard and edits row 5.
    let drop = if t.db.is_postgres() {
        vec!["DROP TRIGGER audit_log_append_only ON audit_log"]
    } else {
        vec!["DROP TRIGGER audit_log_no_update", "DROP TRIGGER audit_log_no_delete"]
    };
    for d in drop {
        db.execute(Statement::from_string(backend, d)).await.unwrap();
    }
    db.execute(Statement::from_string(backend, "UPDATE audit_log SET after_json = '{\"name\":\"Förfalskad\"}' WHERE id = 5"))
        .await
        .unwrap();
    assert_eq!(t.app.audit_verify().await.unwrap(), varn_store::repo::audit::Verdict::Broken { seq: 5, reason: "content" }, "{b}");

    // Removing the edited row is found too: the next row of its lane links to a row that is
    // gone (the verdict names the row after the gap, as ids may have gaps of their own).
    db.execute(Statement::from_string(backend, "DELETE FROM audit_log WHERE id = 5")).await.unwrap();
    assert_eq!(t.app.audit_verify().await.unwrap(), varn_store::repo::audit::Verdict::Broken { seq: 6, reason: "missing" }, "{b}");
    t.stop().await;
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn sign_in_rotates_the_session_locks_out_and_signs_out(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let mut c = t.anonymous();
    // Wrong password: the form comes back with the user name and a Swedish message.
    let r = c.login("karin.berg", "fel-lösenord").await;
    assert_eq!(r.status(), 401);
    let html = r.text().await.unwrap();
    assert!(html.contains("Fel användarnamn eller lösenord."), "{b}");
    assert!(html.contains("value=\"karin.berg\""), "{b}: input kept");

    // A session id known before sign-in is worthless after it.
    let first = t.signed_in("karin.berg").await;
    let cookie_before = session_cookie(&first, &t).await;
    let mut again = first;
    again.refresh_csrf().await;
    let r = again.post_form("/login", &[("username", "karin.berg"), ("password", PASSWORD), ("next", "/tasks")]).await;
    assert_eq!(r.status(), 303);
    let cookie_after = session_cookie(&again, &t).await;
    assert_ne!(cookie_before, cookie_after, "{b}: the session rotates at sign-in");
    let stale = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let r = stale.get(t.url("/tasks")).header("cookie", format!("varn_session={cookie_before}")).send().await.unwrap();
    assert_eq!(r.status(), 303, "{b}: the old session is gone");
    assert!(r.headers()["location"].to_str().unwrap().starts_with("/login"));

    // Sign-out ends the session.
    again.refresh_csrf().await;
    let r = again.post_form("/logout", &[]).await;
    assert_eq!(r.status(), 303);
    let (s, _) = again.text("/tasks").await;
    assert_eq!(s, 303);

    // Five failures in a row lock the account for a while, even for the right password.
    let mut m = t.anonymous();
    for _ in 0..5 {
        m.login("lisa.nilsson", "inte-rätt-alls").await;
    }
    let r = m.login("lisa.nilsson", PASSWORD).await;
    assert_eq!(r.status(), 429, "{b}");
    assert!(r.text().await.unwrap().contains("För många misslyckade försök"));
    t.stop().await;
}

async fn session_cookie(b: &Browser, _t: &TestApp) -> String {
    b.cookie("varn_session").expect("a session cookie")
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn tokens_are_shown_once_hashed_and_revocable(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let c = t.signed_in("erik.holm").await;
    // JSON with a session needs the CSRF header.
    let r = c.http.post(c.url("/api/v1/tokens")).json(&json!({"name": "Rapport"})).send().await.unwrap();
    assert_eq!(r.status(), 403, "{b}: no CSRF header, no token");
    let r = c.json(Method::POST, "/api/v1/tokens", json!({"name": "Rapport"})).await;
    assert_eq!(r.status(), 201);
    let tok: serde_json::Value = r.json().await.unwrap();
    let secret = tok["secret"].as_str().unwrap().to_owned();
    assert!(secret.starts_with("varn_") && secret.len() > 60);
    // Listed without the secret, stored only as a hash.
    let list: serde_json::Value = c.get("/api/v1/tokens").await.json().await.unwrap();
    assert!(list[0].get("secret").is_none());
    let stored = varn_store::repo::tokens::of_user(t.app.store.read(), t.id("erik.holm")).await.unwrap();
    assert_ne!(stored[0].token_hash, secret);
    assert_eq!(stored[0].token_hash, varn_app::auth::sha256_hex(&secret));
    // The token works without CSRF (it is not sent by browsers on their own) ...
    let api = Api::new(&t.base, &secret);
    let (s, me) = api.call(Method::GET, "/api/v1/me", None).await;
    assert_eq!((s, me["username"].as_str()), (200, Some("erik.holm")));
    // ... but an auditor still writes nothing.
    let (s, _) = api
        .call(Method::POST, "/api/v1/org-units", Some(json!({"parent_id": t.id("Socialförvaltningen"), "kind": "enhet", "name": "X"})))
        .await;
    assert_eq!(s, 403);
    // A password change through the API: checked like the form, and the token survives.
    let (s, e) = api.call(Method::POST, "/api/v1/me/password", Some(json!({"current_password": "fel", "new_password": "kort"}))).await;
    assert_eq!(s, 422);
    assert_eq!(e["error"]["fields"].as_array().unwrap().len(), 2, "{e}");
    let (s, _) = api
        .call(Method::POST, "/api/v1/me/password", Some(json!({"current_password": PASSWORD, "new_password": "Revisionsberättelse-2026"})))
        .await;
    assert_eq!(s, 204);
    assert_eq!(c.get("/api/v1/me").await.status(), 401, "{b}: the browser session ended");
    let (s, _) = api.call(Method::GET, "/api/v1/me", None).await;
    assert_eq!(s, 200);
    // Revoked: gone.
    let id = tok["id"].as_i64().unwrap();
    let (s, _) = api.call(Method::DELETE, &format!("/api/v1/tokens/{id}"), None).await;
    assert_eq!(s, 204);
    let (s, e) = api.call(Method::GET, "/api/v1/me", None).await;
    assert_eq!(s, 401);
    assert_eq!(e["error"]["code"], "invalid_token", "a revoked token is told apart from none");
    t.stop().await;
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn users_and_roles_scope_what_a_user_sees(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let admin = api_as(&t, "admin").await;
    let (s, u) = admin
        .call(Method::POST, "/api/v1/users", Some(json!({"username": "Maja.Ek", "display_name": "Maja Ek", "email": "maja.ek@exempelstad.se", "password": "Vinterträdgård-99"})))
        .await;
    assert_eq!(s, 201, "{u}");
    assert_eq!(u["username"], "maja.ek", "user names are stored lower-case");
    let uid = u["id"].as_i64().unwrap();
    let (s, e) = admin
        .call(Method::POST, "/api/v1/users", Some(json!({"username": "maja.ek", "display_name": "", "email": "nej", "password": "kort"})))
        .await;
    assert_eq!(s, 422);
    let codes: Vec<&str> = e["error"]["fields"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap()).collect();
    assert!(
        codes.contains(&"err.user.username_taken")
            && codes.contains(&"err.user.email_invalid")
            && codes.contains(&"err.user.password_short"),
        "{codes:?}"
    );

    let maja = a_role_covers_its_subtree_until_revoked(&t, &admin, uid, b).await;
    // Deactivation ends the user's sessions; the last admin cannot lose the role.
    let (s, _) = admin.call(Method::POST, &format!("/api/v1/users/{uid}/deactivate"), None).await;
    assert_eq!(s, 200);
    assert_eq!(maja.get("/api/v1/me").await.status(), 401);
    // The list filtered on being active: maja among those who have left, not among the rest.
    let names = |v: &serde_json::Value| {
        v["items"].as_array().unwrap().iter().map(|u| u["username"].as_str().unwrap().to_owned()).collect::<Vec<_>>()
    };
    let (s, gone) = admin.call(Method::GET, "/api/v1/users?active=false&limit=100", None).await;
    assert_eq!(s, 200, "{gone}");
    assert_eq!(names(&gone), ["maja.ek"], "{b}: {gone}");
    assert_eq!(gone["total"], 1, "{b}: {gone}");
    let (_, here) = admin.call(Method::GET, "/api/v1/users?active=true&limit=100", None).await;
    assert!(!names(&here).contains(&"maja.ek".to_owned()) && names(&here).contains(&"admin".to_owned()), "{b}: {here}");
    let admin_id = t.id("admin");
    let (_, d) = admin.call(Method::GET, &format!("/api/v1/users/{admin_id}"), None).await;
    let admin_grant = d["grants"][0]["id"].as_i64().unwrap();
    let (s, e) = admin.call(Method::DELETE, &format!("/api/v1/users/{admin_id}/roles/{admin_grant}"), None).await;
    assert_eq!(s, 409, "{e}");
    let (s, _) = admin.call(Method::POST, &format!("/api/v1/users/{admin_id}/deactivate"), None).await;
    assert_eq!(s, 409, "no one deactivates themselves");
    t.stop().await;
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn tasks_land_in_mina_uppgifter_of_the_responsible(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let karin = api_as(&t, "karin.berg").await;
    let johan = api_as(&t, "johan.ek").await;
    let (_, k) = karin.call(Method::GET, "/api/v1/tasks", None).await;
    let (_, j) = johan.call(Method::GET, "/api/v1/tasks", None).await;
    let kt: Vec<&str> = k.as_array().unwrap().iter().map(|x| x["title"].as_str().unwrap()).collect();
    let jt: Vec<&str> = j.as_array().unwrap().iter().map(|x| x["title"].as_str().unwrap()).collect();
    // Karin heads Socialförvaltningen: its two tasks from the årshjul, the strategy action
    // assigned to it and the remiss it is to answer, the most overdue first.
    assert_eq!(kt.len(), 4, "{kt:?}");
    assert_eq!(kt[3], "Remissvar: Riktlinje för kryptering", "{kt:?}");
    assert!(jt.contains(&"Remissvar: Riktlinje för kryptering"), "Utbildningsförvaltningen answers too: {jt:?}");
    assert!(kt[0].starts_with("Klassa informationen"), "{kt:?}");
    assert!(kt[1].starts_with("Rapportera internkontrollens"), "{kt:?}");
    assert!(k[0]["days_left"].as_i64().unwrap() < 0);
    assert!(jt.iter().all(|x| !x.contains("Försörjningsstöd")), "{jt:?}");
    // Another user's task cannot be ticked off.
    let id = k[0]["id"].as_i64().unwrap();
    let (s, _) = johan.call(Method::POST, &format!("/api/v1/tasks/{id}/done"), None).await;
    assert_eq!(s, 404);
    let (s, _) = karin.call(Method::POST, &format!("/api/v1/tasks/{id}/done"), None).await;
    assert_eq!(s, 204);
    let (_, k) = karin.call(Method::GET, "/api/v1/tasks", None).await;
    assert_eq!(k.as_array().unwrap().len(), 3);
    // A task given to Karin by name and to a unit she does not act for (Utbildningsförvaltningen)
    // is hers, named with that unit, in the API and on her page.
    use varn_store::sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let db = t.app.store.write();
    let utbf = varn_store::entity::org_unit::Entity::find()
        .filter(varn_store::entity::org_unit::Column::Name.eq("Utbildningsförvaltningen"))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let task = varn_store::repo::tasks::NewTask {
        source_type: "test".into(),
        source_id: None,
        title: "Stäm av skolornas behörigheter".into(),
        link: "/tasks".into(),
        assignee_user_id: Some(t.id("karin.berg")),
        assignee_unit_id: Some(utbf.id),
        due_date: None,
        unit_id: None,
    };
    varn_store::repo::tasks::insert(db, task).await.unwrap();
    let (_, k) = karin.call(Method::GET, "/api/v1/tasks", None).await;
    let mine = k.as_array().unwrap().iter().find(|x| x["title"] == "Stäm av skolornas behörigheter").expect("the task is Karin's");
    assert_eq!(mine["unit_name"], "Utbildningsförvaltningen", "{k}");
    let page = t.signed_in("karin.berg").await.text("/tasks").await.1;
    let at = page.find("Stäm av skolornas behörigheter").expect("on her page");
    let row_end = page[at..].find("</tr>").map_or(page.len(), |e| at + e);
    assert!(page[at..row_end].contains("Utbildningsförvaltningen"), "the unit is named in the task's row");
    t.stop().await;
}

#[tokio::test]
async fn the_openapi_document_describes_the_api() {
    let t = TestApp::spawn("sqlite").await;
    let c = t.anonymous();
    let doc: serde_json::Value = c.get("/api/openapi.json").await.json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for p in [
        "/api/v1/org-units",
        "/api/v1/org-units/{id}/move",
        "/api/v1/users/{id}/roles",
        "/api/v1/audit",
        "/api/v1/tasks",
        "/api/v1/tokens",
        "/api/v1/documents",
        "/api/v1/documents/{id}/transitions",
        "/api/v1/documents/{id}/diff",
        "/api/v1/documents/{id}/acknowledge",
    ] {
        assert!(doc["paths"].get(p).is_some(), "OpenAPI lacks {p}");
    }
    for schema in ["DocumentDto", "Version", "DocJson", "FollowUp", "AckRequestReport", "Comparison", "DocRow", "ActionJson"] {
        assert!(doc["components"]["schemas"].get(schema).is_some(), "OpenAPI lacks the schema {schema}");
    }
    // Every API route answers anonymous callers with the one error format.
    let r = c.get("/api/v1/org-units").await;
    assert_eq!(r.status(), 401);
    let e: serde_json::Value = r.json().await.unwrap();
    assert_eq!(e["error"]["code"], "unauthenticated");
    let r = c.get("/api/v1/nothing-here").await;
    assert_eq!(r.status(), 404);
    let e: serde_json::Value = r.json().await.unwrap();
    assert_eq!(e["error"]["code"], "not_found");
    assert_eq!(c.get("/healthz").await.text().await.unwrap(), "ok");
    t.stop().await;
}

/// A role on Miljöförvaltningen covers its enheter and nothing else, until it is revoked.
/// Returns the user's browser, still signed in.
async fn a_role_covers_its_subtree_until_revoked(t: &TestApp, admin: &Api, uid: i64, b: &str) -> Browser {
    // A role on Miljöförvaltningen covers its enheter and nothing else.
    let mf = t.id("Miljöförvaltningen");
    let (s, g) = admin
        .call(Method::POST, &format!("/api/v1/users/{uid}/roles"), Some(json!({"role": "verksamhetsansvarig", "org_unit_id": mf})))
        .await;
    assert_eq!(s, 201, "{g}");
    let (s, _) = admin
        .call(Method::POST, &format!("/api/v1/users/{uid}/roles"), Some(json!({"role": "verksamhetsansvarig", "org_unit_id": mf})))
        .await;
    assert_eq!(s, 409, "the same role twice");
    let (s, _) =
        admin.call(Method::POST, &format!("/api/v1/users/{uid}/roles"), Some(json!({"role": "system_admin", "org_unit_id": mf}))).await;
    assert_eq!(s, 422, "admins are city-wide only");
    // The administrator does not give themselves a domain role (another one must).
    let me = t.id("admin");
    let (s, e) =
        admin.call(Method::POST, &format!("/api/v1/users/{me}/roles"), Some(json!({"role": "samordnare", "org_unit_id": mf}))).await;
    assert_eq!(s, 403, "{e}");
    assert!(e["error"]["message"].as_str().unwrap_or("").contains("själv"), "{e}");
    let mut maja = t.anonymous();
    assert_eq!(maja.login("maja.ek", "Vinterträdgård-99").await.status(), 303);
    maja.refresh_csrf().await;
    let units: serde_json::Value = maja.get("/api/v1/org-units?limit=500").await.json().await.unwrap();
    let names: Vec<&str> = units["items"].as_array().unwrap().iter().map(|u| u["name"].as_str().unwrap()).collect();
    assert_eq!(names, vec!["Miljöförvaltningen", "Livsmedelskontroll", "Miljötillsyn"], "{b}");
    assert_eq!(maja.get(&format!("/api/v1/org-units/{}", t.id("Socialförvaltningen"))).await.status(), 404);

    // Revoking the role takes the access away at once.
    let gid = g["id"].as_i64().unwrap();
    let (s, _) = admin.call(Method::DELETE, &format!("/api/v1/users/{uid}/roles/{gid}"), None).await;
    assert_eq!(s, 204);
    let units: serde_json::Value = maja.get("/api/v1/org-units").await.json().await.unwrap();
    assert_eq!(units["total"], 0);

    maja
}
