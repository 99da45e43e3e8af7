//! The API keeps its contract: a property test over the OpenAPI document sends each operation
//! malformed and hostile variants — bad path values, bad query values, no body, the wrong
//! content type, JSON of the wrong shape, no token, a bad token, a method the path lacks —
//! and checks that no answer is a server error, every error is the JSON error format, and
//! every status is one the document lists for that operation.

use crate::helpers::*;
use reqwest::Method;
use serde_json::{json, Value};

/// The statuses the document lists for an operation.
fn documented(op: &Value) -> Vec<String> {
    op["responses"].as_object().map(|m| m.keys().cloned().collect()).unwrap_or_default()
}

fn fill(path: &str, v: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in path.chars() {
        match c {
            '{' => {
                inside = true;
                out.push_str(v);
            }
            '}' => inside = false,
            _ if inside => {}
            _ => out.push(c),
        }
    }
    out
}

/// One request variant.
struct Try {
    path: String,
    token: Option<String>,
    body: Option<(&'static str, String)>,
}

fn variants(path: &str, has_body: bool, token: &str) -> Vec<Try> {
    let tok = Some(token.to_owned());
    let mut v = vec![];
    for id in ["999999999", "abc", "-5", "0", "1e9", "%00"] {
        v.push(Try { path: fill(path, id), token: tok.clone(), body: None });
    }
    let p = fill(path, "999999999");
    for q in [
        "?page=abc",
        "?page=99999999999999&limit=-1",
        "?limit=100000000",
        "?sort=nope&dir=up",
        "?q=%27%22%3C",
        "?unit_id=x&from=2026-13-45",
    ] {
        v.push(Try { path: format!("{p}{q}"), token: tok.clone(), body: None });
    }
    v.push(Try { path: p.clone(), token: None, body: None });
    v.push(Try {
        path: p.clone(),
        token: Some("varn_0000000000000000000000000000000000000000000000000000000000000000".into()),
        body: None,
    });
    if has_body {
        for b in ["{}", "[1,2]", "\"x\"", "{\"name\": 12, \"title\": null, \"days\": \"x\", \"role\": 5}", "{\"name\":", "null"] {
            v.push(Try { path: p.clone(), token: tok.clone(), body: Some(("application/json", b.to_owned())) });
        }
        v.push(Try { path: p.clone(), token: tok.clone(), body: Some(("text/plain", "hej".into())) });
        let big = json!({"name": "x".repeat(40 * 1024)}).to_string();
        v.push(Try { path: p.clone(), token: tok.clone(), body: Some(("application/json", big)) });
    }
    v
}

#[tokio::test]
async fn every_answer_of_the_api_is_documented_json_and_never_a_server_error() {
    let t = TestApp::spawn("sqlite").await;
    let admin = api_as(&t, "admin").await;
    let doc: Value = reqwest::get(t.url("/api/openapi.json")).await.unwrap().json().await.unwrap();
    let http = reqwest::Client::new();
    let mut problems = vec![];
    let mut sent = 0;
    let methods = ["get", "post", "put", "patch", "delete"];
    for (path, item) in doc["paths"].as_object().unwrap() {
        for m in methods {
            let Some(op) = item.get(m) else {
                // A method the path lacks: 405 in the JSON format, with Allow.
                let r = http
                    .request(m.to_uppercase().parse::<Method>().unwrap(), t.url(&fill(path, "1")))
                    .bearer_auth(&admin.token)
                    .send()
                    .await
                    .unwrap();
                sent += 1;
                let ct = r.headers().get("content-type").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
                if r.status() != 405 || !ct.contains("json") || r.headers().get("allow").is_none() {
                    problems.push(format!("{m} {path}: {} {ct}", r.status()));
                }
                continue;
            };
            let listed = documented(op);
            for v in variants(path, op.get("requestBody").is_some(), &admin.token) {
                let mut rq = http.request(m.to_uppercase().parse::<Method>().unwrap(), t.url(&v.path));
                if let Some(tok) = &v.token {
                    rq = rq.bearer_auth(tok);
                }
                if let Some((ct, b)) = &v.body {
                    rq = rq.header("content-type", *ct).body(b.clone());
                }
                let r = rq.send().await.unwrap();
                sent += 1;
                let status = r.status().as_u16();
                let ct = r.headers().get("content-type").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
                let body = r.text().await.unwrap_or_default();
                let what = format!("{m} {} {:?} -> {status}", v.path, v.body.as_ref().map(|b| b.0));
                if status >= 500 {
                    problems.push(format!("{what}: server error {body}"));
                } else if !listed.contains(&status.to_string()) {
                    problems.push(format!("{what}: not documented (lists {listed:?})"));
                } else if status >= 400
                    && !(ct.contains("json") && serde_json::from_str::<Value>(&body).is_ok_and(|j| j["error"]["code"].is_string()))
                {
                    problems.push(format!("{what}: not the JSON error format: {ct} {body}"));
                }
            }
        }
    }
    assert!(sent > 500, "{sent} requests");
    assert!(problems.is_empty(), "{} of {sent} answers break the contract:\n{}", problems.len(), problems.join("\n"));
    t.stop().await;
}

/// How many code and format checks `conforms` made.
static CHECKED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Checks `v` against `schema` where the document is specific: code lists, date and
/// date-time formats, required fields, through `$ref`, arrays, objects and `oneOf`.
fn conforms(doc: &Value, schema: &Value, v: &Value, at: &str, out: &mut Vec<String>) {
    if let Some(r) = schema["$ref"].as_str() {
        let name = r.rsplit('/').next().unwrap();
        return conforms(doc, &doc["components"]["schemas"][name], v, at, out);
    }
    if let Some(alts) = schema["oneOf"].as_array() {
        if v.is_null() && alts.iter().any(|a| a["type"] == "null") {
            return;
        }
        for a in alts.iter().filter(|a| a["type"] != "null") {
            conforms(doc, a, v, at, out);
        }
        return;
    }
    if schema.get("enum").is_some() || schema.get("format").is_some() {
        CHECKED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
    if let Some(list) = schema["enum"].as_array() {
        if !list.contains(v) {
            out.push(format!("{at}: {v} is not one of {list:?}"));
        }
    }
    if let (Some(f), Some(s)) = (schema["format"].as_str(), v.as_str()) {
        let ok = match f {
            "date" => chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok(),
            "date-time" => chrono::DateTime::parse_from_rfc3339(s).is_ok(),
            _ => true,
        };
        if !ok {
            out.push(format!("{at}: {s} is not a {f}"));
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), v.as_array()) {
        for (i, x) in arr.iter().enumerate() {
            conforms(doc, items, x, &format!("{at}[{i}]"), out);
        }
    }
    if let (Some(props), Some(obj)) = (schema["properties"].as_object(), v.as_object()) {
        for req in schema["required"].as_array().into_iter().flatten().filter_map(Value::as_str) {
            if !obj.contains_key(req) {
                out.push(format!("{at}: required field {req} is missing"));
            }
        }
        for (k, s) in props {
            if let Some(x) = obj.get(k) {
                conforms(doc, s, x, &format!("{at}.{k}"), out);
            }
        }
    }
}

#[tokio::test]
async fn what_the_api_answers_has_the_documented_codes_dates_and_fields() {
    let t = TestApp::spawn("sqlite").await;
    let (admin, sara) = (api_as(&t, "admin").await, api_as(&t, "sara.lindqvist").await);
    let doc: Value = reqwest::get(t.url("/api/openapi.json")).await.unwrap().json().await.unwrap();
    // The code lists and formats are declared.
    let schemas = &doc["components"]["schemas"];
    assert!(
        schemas["UnitDto"]["properties"]["kind"]["enum"].as_array().is_some_and(|e| e.contains(&json!("forvaltning"))),
        "{}",
        schemas["UnitDto"]
    );
    assert_eq!(schemas["TaskDto"]["properties"]["due_date"]["format"], "date", "{}", schemas["TaskDto"]);
    assert_eq!(schemas["TokenDto"]["properties"]["created_at"]["format"], "date-time");
    // Every 200 answer of the lists and of one of each thing conforms to its schema.
    let policy = t.doc_id("Informationssäkerhetspolicy").await;
    let (socf, admin_id) = (t.id("Socialförvaltningen"), t.id("admin"));
    let paths = [
        "/api/v1/org-units".to_owned(),
        format!("/api/v1/org-units/{socf}"),
        "/api/v1/users".into(),
        format!("/api/v1/users/{admin_id}"),
        "/api/v1/tokens".into(),
        "/api/v1/audit".into(),
        "/api/v1/tasks".into(),
        "/api/v1/documents".into(),
        format!("/api/v1/documents/{policy}"),
        format!("/api/v1/documents/{policy}/versions"),
        "/api/v1/documents/follow-up".into(),
        "/api/v1/sign-in-throttles".into(),
    ];
    let mut problems = vec![];
    for p in &paths {
        let api = if p.contains("throttles") || p.contains("users") || p.contains("tokens") { &admin } else { &sara };
        let (s, v) = api.call(reqwest::Method::GET, p, None).await;
        assert_eq!(s, 200, "{p}: {v}");
        let template = doc["paths"].as_object().unwrap().keys().find(|k| {
            let (a, b): (Vec<&str>, Vec<&str>) = (k.split('/').collect(), p.split('/').collect());
            a.len() == b.len() && a.iter().zip(&b).all(|(x, y)| x == y || x.starts_with('{'))
        });
        let template = template.unwrap_or_else(|| panic!("{p} is not in the document"));
        let schema = &doc["paths"][template]["get"]["responses"]["200"]["content"]["application/json"]["schema"];
        assert!(!schema.is_null(), "{p}: no schema for 200");
        conforms(&doc, schema, &v, p, &mut problems);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let checked = CHECKED.load(std::sync::atomic::Ordering::Relaxed);
    assert!(checked > 200, "only {checked} values were checked against a code list or format");
    t.stop().await;
}
