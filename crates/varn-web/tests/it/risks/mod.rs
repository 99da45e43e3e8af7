//! Riskhantering: analyses and risks through the API and the pages, the heat map, acceptance
//! by the right level, treatment actions as tasks, links to assets and incidents, and who
//! sees and changes what, each case on each database.

mod api;
mod pages;

use crate::authz::Call;
use crate::helpers::*;
use reqwest::Method;
use serde_json::json;

/// The id of a demo risk by its exact title, as the samordnare sees it.
pub async fn risk_id(t: &TestApp, title: &str) -> i64 {
    let api = api_as(t, "sara.lindqvist").await;
    let q = title.split_whitespace().next().unwrap_or(title);
    let (s, v) =
        api.call(Method::GET, &format!("/api/v1/risks?include_closed=true&limit=500&q={}", crate::assets::urlencode(q)), None).await;
    assert_eq!(s, 200, "{v}");
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["title"] == title)
        .and_then(|r| r["id"].as_i64())
        .unwrap_or_else(|| panic!("no risk {title}"))
}

/// The id of a demo analysis by its exact title.
pub async fn analysis_id(t: &TestApp, title: &str) -> i64 {
    let api = api_as(t, "sara.lindqvist").await;
    let (s, v) = api.call(Method::GET, "/api/v1/risk-analyses?limit=500", None).await;
    assert_eq!(s, 200, "{v}");
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["title"] == title)
        .and_then(|r| r["id"].as_i64())
        .unwrap_or_else(|| panic!("no analysis {title}"))
}

pub const SOC_ANALYSIS: &str = "Riskanalys: Verksamhetssystemet för socialtjänsten";
pub const SOC_RISK: &str = "Obehöriga läser akter genom delade eller inaktuella konton";
pub const SOC_ACCEPTED: &str = "Leverantörens driftavbrott stoppar handläggningen";

/// The rows of the module in the route × role table (users in the order of
/// [`crate::authz::USERS`]: admin, samordnare, revisor, Socialnämndens head, Utbildningsnämndens
/// head, informationsägare in IFO, medarbetare, registrator). Every write sent is refused or
/// a mistake, so the walk changes nothing.
pub async fn authz_rows(t: &TestApp) -> Vec<(Call, &'static str)> {
    let r = risk_id(t, SOC_RISK).await;
    let accepted = risk_id(t, SOC_ACCEPTED).await;
    let a = analysis_id(t, SOC_ANALYSIS).await;
    let blank = || vec![("title", String::new())];
    vec![
        (Call::Page("/risks".into()), "AAAAAAFF"),
        (Call::Page("/risks/analyses".into()), "AAAAAAFF"),
        (Call::Page("/risks/analyses/new".into()), "FAFAAAFF"),
        (Call::Form("/risks/analyses".into(), blank()), "FAFAAAFF"),
        (Call::Page(format!("/risks/analyses/{a}")), "AAAANANN"),
        (Call::Page(format!("/risks/analyses/{a}/edit")), "FAFANANN"),
        (Call::Form(format!("/risks/analyses/{a}/edit"), blank()), "FAFANANN"),
        (Call::Page(format!("/risks/new?analysis={a}")), "FAFANAFF"),
        (Call::Form("/risks".into(), vec![("analysis_id", a.to_string()), ("title", String::new())]), "FAFANAFF"),
        (Call::Page(format!("/risks/{r}")), "AAAANANN"),
        (Call::Page(format!("/risks/{r}/edit")), "FAFANANN"),
        (Call::Form(format!("/risks/{r}/edit"), blank()), "FAFANANN"),
        (Call::Form(format!("/risks/{r}/assets"), vec![("asset_id", "999999".into())]), "FAFANANN"),
        (Call::Form(format!("/risks/{r}/actions"), blank()), "FAFANANN"),
        (Call::Form(format!("/risks/{accepted}/accept"), vec![]), "FFFANFFF"),
        (Call::Json(Method::GET, "/api/v1/risks".into(), json!(null)), "AAAAAAFF"),
        (Call::Json(Method::GET, "/api/v1/risks/heat-map".into(), json!(null)), "AAAAAAFF"),
        (Call::Json(Method::GET, "/api/v1/risk-matrix".into(), json!(null)), "AAAAAAAA"),
        (Call::Json(Method::GET, format!("/api/v1/risks/{r}"), json!(null)), "AAAANANN"),
        (Call::Json(Method::POST, "/api/v1/risks".into(), json!({})), "FAFAAAFF"),
        (Call::Json(Method::PUT, format!("/api/v1/risks/{r}"), json!({})), "FAFANANN"),
        (Call::Json(Method::POST, format!("/api/v1/risks/{accepted}/accept"), json!({})), "FFFANFFF"),
        (Call::Json(Method::GET, "/api/v1/risk-analyses".into(), json!(null)), "AAAAAAFF"),
        (Call::Json(Method::POST, "/api/v1/risk-analyses".into(), json!({})), "FAFAAAFF"),
        (Call::Json(Method::GET, format!("/api/v1/risk-analyses/{a}"), json!(null)), "AAAANANN"),
    ]
}
