//! Incidents: an employee's report and receipt, triage, the legal clocks and the reports
//! recorded against them, closing, escalation and who sees what, through the API and the
//! pages, each case on each database.

mod api;
mod mail;

use crate::authz::Call;
use crate::helpers::*;
use reqwest::Method;
use serde_json::json;

/// The id of a demo incident by its exact title, as the samordnare sees it.
pub async fn incident_id(t: &TestApp, title: &str) -> i64 {
    let api = api_as(t, "sara.lindqvist").await;
    let q = crate::assets::urlencode(title.split_whitespace().next().unwrap_or(title));
    let (s, v) = api.call(Method::GET, &format!("/api/v1/incidents?limit=100&q={q}"), None).await;
    assert_eq!(s, 200, "{v}");
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == title)
        .and_then(|a| a["id"].as_i64())
        .unwrap_or_else(|| panic!("no incident {title}"))
}

/// The rows of the module in the route × role table (users in the order of
/// [`crate::authz::USERS`]: admin, samordnare, revisor, Socialnämndens head, Utbildningsnämndens
/// head, informationsägare in IFO, medarbetare in Hemtjänst Öst, Socialnämndens registrator).
pub async fn authz_rows(t: &TestApp) -> Vec<(Call, &'static str)> {
    // Socialnämnden's personal data breach, and the phone Lisa lost and reported herself.
    let ifo = incident_id(t, "Journalanteckningar skickade till fel mottagare").await;
    let phone = incident_id(t, "Borttappad mobiltelefon med e-post").await;
    let aware = "2026-01-05T10:00:00Z";
    vec![
        (Call::Page("/incidents".into()), "AAAAAAAA"),
        (Call::Page("/incidents/new".into()), "AAAAAAAA"),
        (Call::Form("/incidents".into(), vec![("title", String::new())]), "AAAAAAAA"),
        (Call::Page("/incidents/overview".into()), "FAAAAFFF"),
        (Call::Page("/incidents/contacts".into()), "FAFFFFFF"),
        (Call::Form("/incidents/contacts".into(), vec![("kris", "ingen.alls".into())]), "FAFFFFFF"),
        (Call::Json(Method::GET, "/api/v1/settings/incidents".into(), json!(null)), "FAFFFFFF"),
        (Call::Json(Method::PUT, "/api/v1/settings/incidents".into(), json!({"kris": ["ingen.alls"]})), "FAFFFFFF"),
        (Call::Json(Method::GET, "/api/v1/incidents/overview".into(), json!(null)), "FAAAAFFF"),
        (Call::Page(format!("/incidents/{ifo}")), "NAAANNNN"),
        (Call::Page(format!("/incidents/{phone}")), "NAANNNAN"),
        (Call::Form(format!("/incidents/{ifo}/note"), vec![("text", String::new())]), "NAFANNNN"),
        (Call::Form(format!("/incidents/{phone}/note"), vec![("text", String::new())]), "NAFNNNFN"),
        (Call::Page(format!("/incidents/{ifo}/triage")), "NAFANNNN"),
        (Call::Form(format!("/incidents/{ifo}/triage"), vec![("unit_id", String::new())]), "NAFANNNN"),
        (Call::Form(format!("/incidents/{ifo}/status"), vec![("to", String::new())]), "NAFANNNN"),
        (Call::Form(format!("/incidents/{ifo}/escalate"), vec![("level", "kris".into())]), "NAFANNNN"),
        (Call::Form(format!("/incidents/{ifo}/duties/gdpr"), vec![("applies", String::new())]), "NAFANNNN"),
        (Call::Page(format!("/incidents/{ifo}/reports/gdpr/imy_anmalan")), "NAFANNNN"),
        (Call::Form(format!("/incidents/{ifo}/reports/gdpr/imy_anmalan"), vec![("sent_date", "x".into())]), "NAFANNNN"),
        (Call::Form(format!("/incidents/{ifo}/links"), vec![("asset_id", String::new())]), "NAFANNNN"),
        (Call::Json(Method::POST, format!("/api/v1/incidents/{ifo}/links"), json!({})), "NAFANNNN"),
        (Call::Json(Method::GET, "/api/v1/incidents".into(), json!(null)), "AAAAAAAA"),
        (Call::Json(Method::POST, "/api/v1/incidents".into(), json!({"title": ""})), "AAAAAAAA"),
        (Call::Json(Method::GET, format!("/api/v1/incidents/{ifo}"), json!(null)), "NAAANNNN"),
        (Call::Json(Method::GET, format!("/api/v1/incidents/{phone}"), json!(null)), "NAANNNAN"),
        (Call::Json(Method::PUT, format!("/api/v1/incidents/{ifo}/triage"), json!({"unit_id": 0, "aware_at": aware})), "NAFANNNN"),
        (Call::Json(Method::POST, format!("/api/v1/incidents/{ifo}/status"), json!({"to": ""})), "NAFANNNN"),
        (Call::Json(Method::POST, format!("/api/v1/incidents/{phone}/notes"), json!({"text": ""})), "NAFNNNFN"),
        (Call::Json(Method::POST, format!("/api/v1/incidents/{ifo}/escalate"), json!({"level": "x", "reason": ""})), "NAFANNNN"),
        (Call::Json(Method::PUT, format!("/api/v1/incidents/{ifo}/duties/gdpr"), json!({})), "NAFANNNN"),
        (Call::Json(Method::POST, format!("/api/v1/incidents/{ifo}/reports/gdpr/imy_anmalan"), json!({"not_required": true})), "NAFANNNN"),
    ]
}
