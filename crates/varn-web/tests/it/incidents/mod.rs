//! Incidents: an employee's report and receipt, triage, the legal clocks and the reports
//! recorded against them, closing, escalation and who sees what, through the API and the
//! pages, each case on each database.

mod api;
mod mail;
mod samverkan;

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
    // Omar's action on it (he sees the incident because of it), and IMY in the register.
    let sara = api_as(t, "sara.lindqvist").await;
    let (_, v) = sara.call(Method::GET, &format!("/api/v1/incidents/{ifo}"), None).await;
    let omars = v["actions"].as_array().unwrap().iter().find(|a| a["responsible_name"] == "Omar Haddad").unwrap()["id"].as_i64().unwrap();
    let (_, reg) = sara.call(Method::GET, "/api/v1/authorities", None).await;
    let imy = reg.as_array().unwrap().iter().find(|a| a["code"] == "imy").unwrap()["id"].as_i64().unwrap();
    vec![
        (Call::Page("/authorities".into()), "FAAAAFFF"),
        (Call::Page("/authorities/new".into()), "FAFFFFFF"),
        (Call::Form("/authorities".into(), vec![("name", String::new())]), "FAFFFFFF"),
        (Call::Page(format!("/authorities/{imy}")), "FAAAAFFF"),
        (Call::Page(format!("/authorities/{imy}/edit")), "FAFFFFFF"),
        (Call::Form(format!("/authorities/{imy}"), vec![("name", String::new())]), "FAFFFFFF"),
        (Call::Form(format!("/authorities/{imy}/contacts"), vec![("summary", String::new())]), "FAFAAFFF"),
        (Call::Form(format!("/incidents/{ifo}/actions"), vec![("title", String::new())]), "NAFANFNN"),
        (Call::Form(format!("/incidents/{ifo}/actions/{omars}/done"), vec![("done", "ja".into())]), "NAFANANN"),
        (Call::Form(format!("/incidents/{ifo}/contacts"), vec![("summary", String::new())]), "NAFANFNN"),
        (Call::Json(Method::POST, format!("/api/v1/incidents/{ifo}/actions"), json!({})), "NAFANFNN"),
        (Call::Json(Method::PUT, format!("/api/v1/incidents/{ifo}/actions/{omars}"), json!({"done": true})), "NAFANANN"),
        (Call::Json(Method::POST, format!("/api/v1/incidents/{ifo}/contacts"), json!({})), "NAFANFNN"),
        (Call::Json(Method::GET, "/api/v1/authorities".into(), json!(null)), "FAAAAFFF"),
        (Call::Json(Method::POST, "/api/v1/authorities".into(), json!({})), "FAFFFFFF"),
        (Call::Json(Method::GET, format!("/api/v1/authorities/{imy}"), json!(null)), "FAAAAFFF"),
        (Call::Json(Method::PUT, format!("/api/v1/authorities/{imy}"), json!({})), "FAFFFFFF"),
        (Call::Json(Method::POST, format!("/api/v1/authorities/{imy}/contacts"), json!({})), "FAFAAFFF"),
        (Call::Page("/incidents".into()), "AAAAAAAA"),
        (Call::Page("/incidents/new".into()), "AAAAAAAA"),
        (Call::Form("/incidents".into(), vec![("title", String::new())]), "AAAAAAAA"),
        (Call::Page("/incidents/overview".into()), "FAAAAFFF"),
        (Call::Page("/incidents/contacts".into()), "FAFFFFFF"),
        (Call::Form("/incidents/contacts".into(), vec![("kris", "ingen.alls".into())]), "FAFFFFFF"),
        (Call::Json(Method::GET, "/api/v1/settings/incidents".into(), json!(null)), "FAFFFFFF"),
        (Call::Json(Method::PUT, "/api/v1/settings/incidents".into(), json!({"kris": ["ingen.alls"]})), "FAFFFFFF"),
        (Call::Json(Method::GET, "/api/v1/incidents/overview".into(), json!(null)), "FAAAAFFF"),
        (Call::Page(format!("/incidents/{ifo}")), "NAAANANN"),
        (Call::Page(format!("/incidents/{phone}")), "NAANNNAN"),
        (Call::Form(format!("/incidents/{ifo}/note"), vec![("text", String::new())]), "NAFANFNN"),
        (Call::Form(format!("/incidents/{phone}/note"), vec![("text", String::new())]), "NAFNNNFN"),
        (Call::Page(format!("/incidents/{ifo}/triage")), "NAFANFNN"),
        (Call::Form(format!("/incidents/{ifo}/triage"), vec![("unit_id", String::new())]), "NAFANFNN"),
        (Call::Form(format!("/incidents/{ifo}/status"), vec![("to", String::new())]), "NAFANFNN"),
        (Call::Form(format!("/incidents/{ifo}/escalate"), vec![("level", "kris".into())]), "NAFANFNN"),
        (Call::Form(format!("/incidents/{ifo}/duties/gdpr"), vec![("applies", String::new())]), "NAFANFNN"),
        (Call::Page(format!("/incidents/{ifo}/reports/gdpr/imy_anmalan")), "NAFANFNN"),
        (Call::Form(format!("/incidents/{ifo}/reports/gdpr/imy_anmalan"), vec![("sent_date", "x".into())]), "NAFANFNN"),
        (Call::Form(format!("/incidents/{ifo}/links"), vec![("asset_id", String::new())]), "NAFANFNN"),
        (Call::Json(Method::POST, format!("/api/v1/incidents/{ifo}/links"), json!({})), "NAFANFNN"),
        (Call::Json(Method::GET, "/api/v1/incidents".into(), json!(null)), "AAAAAAAA"),
        (Call::Json(Method::POST, "/api/v1/incidents".into(), json!({"title": ""})), "AAAAAAAA"),
        (Call::Json(Method::GET, format!("/api/v1/incidents/{ifo}"), json!(null)), "NAAANANN"),
        (Call::Json(Method::GET, format!("/api/v1/incidents/{phone}"), json!(null)), "NAANNNAN"),
        (Call::Json(Method::PUT, format!("/api/v1/incidents/{ifo}/triage"), json!({"unit_id": 0, "aware_at": aware})), "NAFANFNN"),
        (Call::Json(Method::POST, format!("/api/v1/incidents/{ifo}/status"), json!({"to": ""})), "NAFANFNN"),
        (Call::Json(Method::POST, format!("/api/v1/incidents/{phone}/notes"), json!({"text": ""})), "NAFNNNFN"),
        (Call::Json(Method::POST, format!("/api/v1/incidents/{ifo}/escalate"), json!({"level": "x", "reason": ""})), "NAFANFNN"),
        (Call::Json(Method::PUT, format!("/api/v1/incidents/{ifo}/duties/gdpr"), json!({})), "NAFANFNN"),
        (Call::Json(Method::POST, format!("/api/v1/incidents/{ifo}/reports/gdpr/imy_anmalan"), json!({"not_required": true})), "NAFANFNN"),
    ]
}
