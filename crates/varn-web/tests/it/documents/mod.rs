//! Styrdokument: the seed's rules, the life cycle, strategy actions, acknowledgement,
//! follow-up and who sees drafts, through the API and the pages, each case on each database.
//! Requests are built from the API's own request types ([`DocJson`], [`Decision`]).

mod decisions;
mod files;
mod lifecycle;
mod pages;
mod rules;
mod work;

use crate::helpers::*;
use reqwest::Method;
use serde_json::{json, Value};
use varn_app::documents::{ActionJson, Decision, DocJson};

/// The (field, code) pairs of a 422.
pub fn field_codes(e: &Value) -> Vec<(String, String)> {
    e["error"]["fields"]
        .as_array()
        .map(|a| a.iter().map(|f| (f["field"].as_str().unwrap_or("").to_owned(), f["code"].as_str().unwrap_or("").to_owned())).collect())
        .unwrap_or_default()
}

/// Whether a 422 names `code` at `field`.
pub fn has(e: &Value, field: &str, code: &str) -> bool {
    field_codes(e).contains(&(field.to_owned(), code.to_owned()))
}

/// A draft of `doc_type` titled `title`, owned by `unit` and applying to `applies`, decided by
/// the body the seed gives the type.
pub fn draft(doc_type: &str, title: &str, unit: i64, applies: i64) -> DocJson {
    let body = match doc_type {
        "policy" => "kommunfullmaktige",
        "anvisning" => "chef",
        _ => "kommunstyrelse",
    };
    DocJson {
        doc_type: doc_type.into(),
        title: title.into(),
        unit_id: Some(unit),
        applies_to_unit_id: Some(applies),
        deciding_body: body.into(),
        body_md: "Text".into(),
        ..Default::default()
    }
}

/// The document calls of the API, typed by its request bodies.
pub trait DocApi {
    /// POST /documents.
    async fn create(&self, d: &DocJson) -> (u16, Value);
    /// PATCH /documents/{id}: saves the open draft.
    async fn save(&self, id: i64, d: &DocJson) -> (u16, Value);
    /// A move in the life cycle, with the decision when adopting.
    async fn move_to(&self, id: i64, to: &str, decision: Option<&Decision>) -> (u16, Value);
    /// POST /documents/{id}/actions.
    async fn add_action(&self, id: i64, a: &ActionJson) -> (u16, Value);
    /// GET /documents/{id}.
    async fn doc(&self, id: i64) -> (u16, Value);
}

impl DocApi for Api {
    async fn create(&self, d: &DocJson) -> (u16, Value) {
        self.call(Method::POST, "/api/v1/documents", Some(json!(d))).await
    }

    async fn save(&self, id: i64, d: &DocJson) -> (u16, Value) {
        self.call(Method::PATCH, &format!("/api/v1/documents/{id}"), Some(json!(d))).await
    }

    async fn move_to(&self, id: i64, to: &str, decision: Option<&Decision>) -> (u16, Value) {
        let mut body = decision.map(|d| json!(d)).unwrap_or_else(|| json!({}));
        body["to"] = json!(to);
        self.call(Method::POST, &format!("/api/v1/documents/{id}/transitions"), Some(body)).await
    }

    async fn add_action(&self, id: i64, a: &ActionJson) -> (u16, Value) {
        self.call(Method::POST, &format!("/api/v1/documents/{id}/actions"), Some(json!(a))).await
    }

    async fn doc(&self, id: i64) -> (u16, Value) {
        self.call(Method::GET, &format!("/api/v1/documents/{id}"), None).await
    }
}

/// Two drafts waiting for a decision, made by the samordnare: a guideline for kommunstyrelsen
/// to adopt, and one for Socialnämnden (the city lets nämnder adopt their own guidelines).
pub async fn drafts_to_decide(t: &TestApp) -> (i64, i64) {
    let (sara, admin) = (api_as(t, "sara.lindqvist").await, api_as(t, "admin").await);
    let on = json!({"namnd_may_adopt_riktlinje": true});
    assert_eq!(admin.call(Method::PUT, "/api/v1/settings/documents", Some(on)).await.0, 200);
    let policy = t.doc_id("Informationssäkerhetspolicy").await;
    let ks = DocJson {
        parent_id: Some(policy),
        ..draft("riktlinje", "Riktlinje för molntjänster (utkast)", t.id("Stadsledningsförvaltningen"), t.id("Kommunfullmäktige"))
    };
    let sn = DocJson {
        parent_id: Some(policy),
        deciding_body: "namnd".into(),
        deciding_unit_id: Some(t.id("Socialnämnden")),
        ..draft("riktlinje", "Socialnämndens riktlinje för journalåtkomst", t.id("Socialförvaltningen"), t.id("Socialförvaltningen"))
    };
    let (s1, a) = sara.create(&ks).await;
    let (s2, b) = sara.create(&sn).await;
    assert_eq!((s1, s2), (201, 201), "{a} {b}");
    (a["id"].as_i64().unwrap(), b["id"].as_i64().unwrap())
}

/// A decision taken on `date`, with its diarienummer and paragraph (a chef's approval
/// ignores them).
pub fn decided(date: &str) -> Decision {
    Decision { decision_date: date.into(), diarienummer: "KS 2026/0001".into(), paragraph: "§ 1".into(), ..Default::default() }
}

/// The module's rows in the route × role walk (see `authz.rs`).
pub fn authz_rows(x: &crate::authz::Ids) -> Vec<(crate::authz::Call, &'static str)> {
    use crate::authz::Call;
    let (policy, behorighet, ks, sn) = (x.policy, x.behorighet, x.ks_draft, x.sn_draft);
    let tr = |id: i64| format!("/api/v1/documents/{id}/transitions");
    vec![
        (Call::Page("/documents".into()), "AAAAAAAA"),
        (Call::Page("/documents/tree".into()), "AAAAAAAA"),
        (Call::Page("/documents/new".into()), "FAFAAFFF"),
        (Call::Form("/documents".into(), vec![("title", String::new())]), "FAFAAFFF"),
        (Call::Page(format!("/documents/{policy}")), "AAAAAAAA"),
        (Call::Page(format!("/documents/{policy}/pdf")), "AAAAAAAA"),
        (Call::Page(format!("/documents/{policy}/compare?a=1&b=1")), "AAAAAAAA"),
        (Call::Page(format!("/documents/{behorighet}")), "AAAANANA"),
        (Call::Page(format!("/documents/{policy}/edit")), "FAFFFFFF"),
        (Call::Form(format!("/documents/{policy}/status"), vec![("to", "utkast".into())]), "FAFFFFFF"),
        (Call::Form(format!("/documents/{behorighet}/status"), vec![("to", "utkast".into())]), "FAFANFFF"),
        (Call::Form(format!("/documents/{policy}/comments"), vec![("body", String::new())]), "FAFFFFFF"),
        (Call::Form(format!("/documents/{behorighet}/acknowledge"), vec![]), "AAAANANA"),
        (Call::Page(format!("/documents/{policy}/acknowledgements")), "AAAAAFFF"),
        (Call::Page("/documents/follow-up".into()), "AAAAAAFA"),
        (Call::Form("/documents/settings".into(), vec![]), "AFFFFFFF"),
        (Call::Json(Method::GET, "/api/v1/documents".into(), json!(null)), "AAAAAAAA"),
        (Call::Json(Method::GET, format!("/api/v1/documents/{behorighet}"), json!(null)), "AAAANANA"),
        (Call::Json(Method::POST, "/api/v1/documents".into(), json!({})), "FAFAAFFF"),
        (Call::Json(Method::PATCH, format!("/api/v1/documents/{policy}"), json!({})), "FAFFFFFF"),
        (Call::Json(Method::POST, format!("/api/v1/documents/{policy}/transitions"), json!({"to": "utkast"})), "FAFFFFFF"),
        (Call::Json(Method::GET, "/api/v1/documents/follow-up".into(), json!(null)), "AAAAAAFA"),
        (Call::Json(Method::PUT, "/api/v1/settings/documents".into(), json!({"namnd_may_adopt_riktlinje": true})), "AFFFFFFF"),
        // Decisions: only whoever acts for the body records them (the samordnare for every
        // body, Socialnämnden's registrator for it); a unit head of a nämnd does not adopt
        // another body's documents (or does not see them), nor the city's.
        (Call::Json(Method::POST, tr(ks), json!({"to": "gallande"})), "FAFNNFFN"),
        (Call::Json(Method::POST, tr(sn), json!({"to": "gallande"})), "FAFFNFFA"),
        (Call::Form(format!("/documents/{sn}/status"), vec![("to", "gallande".into())]), "FAFFNFFA"),
        (Call::Json(Method::POST, tr(policy), json!({"to": "upphavd"})), "FAFFFFFF"),
        (Call::Json(Method::POST, tr(behorighet), json!({"to": "upphavd"})), "FAFANFFF"),
        // Read confirmation within one's own scope (without `confirm` nothing is sent).
        (Call::Json(Method::POST, format!("/api/v1/documents/{policy}/acknowledgement-requests"), json!({"unit_id": x.socf})), "FAFAFFFF"),
        // Remiss: by the document's editors (the body sent is incomplete).
        (Call::Json(Method::POST, format!("/api/v1/documents/{ks}/remiss"), json!({})), "FAFNNFFF"),
        (Call::Json(Method::POST, format!("/api/v1/documents/{sn}/remiss"), json!({})), "FAFANFFF"),
        (Call::Form(format!("/documents/{sn}/remiss"), vec![]), "FAFANFFF"),
    ]
}
