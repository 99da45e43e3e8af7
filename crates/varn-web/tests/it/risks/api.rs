//! The module through the API: an analysis and its risks with every mistake at its field, the
//! heat map, acceptance by the right level and its lapse, treatment actions as tasks, links to
//! assets and incidents, closing, and who sees what.

use super::*;
use crate::documents::has;
use rstest::rstest;

fn risk(analysis: i64, title: &str, lc: (i64, i64), residual: Option<(i64, i64)>) -> serde_json::Value {
    json!({"analysis_id": analysis, "title": title, "threat": "obehorig_atkomst", "vulnerability": "behorigheter",
        "aspects": ["k", "s"], "likelihood": lc.0, "consequence": lc.1,
        "residual_likelihood": residual.map(|r| r.0), "residual_consequence": residual.map(|r| r.1),
        "treatment": "reducera", "owner_username": "karin.berg", "review_on": "2099-01-31"})
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn an_analysis_gets_its_risks_its_heat_map_and_acceptance_by_the_right_level(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let sara = api_as(&t, "sara.lindqvist").await;
    let karin = api_as(&t, "karin.berg").await;
    let anna = api_as(&t, "anna.sjoberg").await;
    let johan = api_as(&t, "johan.ek").await;
    let fsd = t.id("Försörjningsstöd");
    let slf_it = t.id("IT-avdelningen");

    // An analysis: every mistake at its field, nothing written.
    let (_, before) = sara.call(Method::GET, "/api/v1/risk-analyses", None).await;
    let (s, e) = sara
        .call(
            Method::POST,
            "/api/v1/risk-analyses",
            Some(json!({"title": " ", "unit_id": fsd, "scope_kind": "planet", "analysed_on": "2999-01-01"})),
        )
        .await;
    assert_eq!(s, 422, "{e}");
    assert!(
        has(&e, "title", "err.required")
            && has(&e, "scope_kind", "err.risk.scope_invalid")
            && has(&e, "analysed_on", "err.risk.analysed_future"),
        "{e}"
    );
    let (_, after) = sara.call(Method::GET, "/api/v1/risk-analyses", None).await;
    assert_eq!(before["total"], after["total"]);
    // A head makes analyses only within their scope.
    let body = json!({"title": "Riskanalys: försörjningsstödets e-tjänst", "unit_id": fsd, "scope_kind": "process", "analysed_on": "2026-01-15",
        "participants": "Karin Berg"});
    let (s, e) = johan.call(Method::POST, "/api/v1/risk-analyses", Some(body.clone())).await;
    assert_eq!(s, 422);
    assert!(has(&e, "unit_id", "err.risk.unit_forbidden"), "{e}");
    let (s, v) = karin.call(Method::POST, "/api/v1/risk-analyses", Some(body)).await;
    assert_eq!(s, 201, "{v}");
    let analysis = v["analysis"]["id"].as_i64().unwrap();
    // The list of analyses: each with its open risks and their highest residual score (kept
    // on the analysis by triggers on its risks, m0036).
    let kept = || async {
        let (_, v) = sara.call(Method::GET, "/api/v1/risk-analyses?limit=500", None).await;
        let a = v["items"].as_array().unwrap().iter().find(|a| a["id"].as_i64() == Some(analysis)).cloned().unwrap();
        (a["open_risks"].as_i64(), a["highest"].as_i64())
    };
    assert_eq!(kept().await, (Some(0), None));
    // Of one day the last made comes first (the index on date and id walked backwards, not
    // every analysis sorted); oldest first is the exact reverse.
    let same_day = json!({"title": "Riskanalys: samma dag", "unit_id": fsd, "scope_kind": "process", "analysed_on": "2026-01-15"});
    let (s, v) = karin.call(Method::POST, "/api/v1/risk-analyses", Some(same_day)).await;
    assert_eq!(s, 201, "{v}");
    let second = v["analysis"]["id"].as_i64().unwrap();
    let ids = |v: &serde_json::Value| v["items"].as_array().unwrap().iter().map(|a| a["id"].as_i64().unwrap()).collect::<Vec<_>>();
    let (_, newest) = sara.call(Method::GET, "/api/v1/risk-analyses?limit=500", None).await;
    let day: Vec<i64> = ids(&newest).into_iter().filter(|i| [analysis, second].contains(i)).collect();
    assert_eq!(day, [second, analysis], "{newest}");
    let (_, oldest) = sara.call(Method::GET, "/api/v1/risk-analyses?limit=500&dir=desc", None).await;
    assert_eq!(ids(&oldest).into_iter().rev().collect::<Vec<_>>(), ids(&newest));
    // The count is kept until this server's next write: one written behind the app's back
    // (as another server would) is listed, though not yet counted.
    use sea_orm::ConnectionTrait;
    let copy = format!(
        "INSERT INTO risk_analyses (title, unit_id, scope_kind, analysed_on, participants, search_text, created_by, created_at, updated_at) \
         SELECT 'Riskanalys: bakvägen', unit_id, scope_kind, analysed_on, participants, 'riskanalys: bakvägen', created_by, created_at, updated_at \
         FROM risk_analyses WHERE id = {analysis}"
    );
    t.app.store.write().execute_unprepared(&copy).await.unwrap();
    let total = newest["total"].as_u64().unwrap();
    let (_, v) = sara.call(Method::GET, "/api/v1/risk-analyses?limit=500", None).await;
    assert_eq!((v["total"].as_u64(), ids(&v).len() as u64), (Some(total), total + 1), "{v}");

    // A risk: the matrix's scales, the catalogues, the pair after treatment.
    let mut bad = risk(analysis, "", (5, 0), Some((3, 4)));
    bad["threat"] = json!("meteorit");
    bad["aspects"] = json!(["x"]);
    bad["residual_consequence"] = json!(null);
    let (s, e) = karin.call(Method::POST, "/api/v1/risks", Some(bad)).await;
    assert_eq!(s, 422, "{e}");
    for (f, c) in [
        ("title", "err.required"),
        ("threat", "err.choose"),
        ("aspects", "err.choose"),
        ("likelihood", "err.risk.scale"),
        ("consequence", "err.risk.scale"),
        ("residual_consequence", "err.risk.residual_pair"),
    ] {
        assert!(has(&e, f, c), "{f} {c}: {e}");
    }
    let (s, e) = karin.call(Method::POST, "/api/v1/risks", Some(risk(analysis, "X", (2, 2), Some((3, 3))))).await;
    assert_eq!(s, 422);
    assert!(has(&e, "residual_likelihood", "err.risk.residual_higher"), "{e}");
    let (_, v) = sara.call(Method::GET, &format!("/api/v1/risk-analyses/{analysis}"), None).await;
    assert!(v["risks"].as_array().unwrap().is_empty(), "nothing written: {v}");

    // 3 × 4 = 12: very high before treatment; 2 × 4 = 8: high after it.
    let (s, v) = karin.call(Method::POST, "/api/v1/risks", Some(risk(analysis, "Kontokapning i e-tjänsten", (3, 4), Some((2, 4))))).await;
    assert_eq!(s, 201, "{v}");
    let id = v["risk"]["id"].as_i64().unwrap();
    assert_eq!((v["level"].as_str(), v["residual_level"].as_str()), (Some("mycket_hog"), Some("hog")));
    assert_eq!((v["risk"]["score"].as_i64(), v["risk"]["residual_score"].as_i64()), (Some(12), Some(8)));
    assert_eq!(v["risk"]["status"], "behandlas");
    assert_eq!(v["risk"]["aspects"], "k,s");
    assert_eq!(v["owner_name"], "Karin Berg");
    assert_eq!(v["unit_name"], "Försörjningsstöd");
    assert_eq!(kept().await, (Some(1), Some(8)));

    // The heat map of Försörjningsstöd: the risk sits at (3, 4) before and (2, 4) after.
    let heat = format!("/api/v1/risks/heat-map?unit_id={fsd}");
    let cell = |h: &serde_json::Value, l: i64, c: i64| {
        h["cells"].as_array().unwrap().iter().find(|x| x["likelihood"] == l && x["consequence"] == c).unwrap()["n"].as_i64().unwrap()
    };
    let (_, after) = sara.call(Method::GET, &heat, None).await;
    let (_, inherent) = sara.call(Method::GET, &format!("{heat}&residual=false"), None).await;
    assert_eq!((cell(&after, 2, 4), cell(&inherent, 3, 4), after["total"].as_i64()), (1, 1, Some(1)), "{after}");
    assert_eq!(after["cells"].as_array().unwrap().len(), 16, "every cell of the 4 × 4 matrix");

    // Acceptance: not the samordnare (who advises), not a head of another part of the city,
    // and a high risk not by a förvaltning's head below its level: Karin's grant is on Socialnämnden.
    let accept = format!("/api/v1/risks/{id}/accept");
    assert_eq!(sara.call(Method::POST, &accept, None).await.0, 403);
    assert_eq!(johan.call(Method::POST, &accept, None).await.0, 404);
    let (s, v) = karin.call(Method::POST, &accept, None).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["risk"]["status"], "accepterad");
    assert_eq!(v["accepted_by_name"], "Karin Berg");
    assert!(has(&karin.call(Method::POST, &accept, None).await.1, "accept", "err.risk.not_acceptable"));
    // Anna heads Stadsledningsförvaltningen: a very high risk there is the board's to accept.
    let (_, v) = anna
        .call(
            Method::POST,
            "/api/v1/risk-analyses",
            Some(json!({"title": "Riskanalys: nätet", "unit_id": slf_it, "scope_kind": "system", "analysed_on": "2026-02-01"})),
        )
        .await;
    let net = v["analysis"]["id"].as_i64().unwrap();
    let (_, v) = anna.call(Method::POST, "/api/v1/risks", Some(risk(net, "Avbrott i stadsnätet", (4, 4), None))).await;
    let very_high = v["risk"]["id"].as_i64().unwrap();
    let (s, e) = anna.call(Method::POST, &format!("/api/v1/risks/{very_high}/accept"), None).await;
    assert_eq!(s, 422, "{e}");
    assert!(has(&e, "accept", "err.risk.accept_level"), "{e}");
    // At 3 × 3 (high) she may.
    let mut lower = risk(net, "Avbrott i stadsnätet", (4, 4), Some((3, 3)));
    lower["owner_username"] = json!("anna.sjoberg");
    assert_eq!(anna.call(Method::PUT, &format!("/api/v1/risks/{very_high}"), Some(lower)).await.0, 200);
    assert_eq!(anna.call(Method::POST, &format!("/api/v1/risks/{very_high}/accept"), None).await.1["risk"]["status"], "accepterad");

    // The acceptance covers the level it was given at: a new residual level lapses it.
    let (s, v) = karin
        .call(Method::PUT, &format!("/api/v1/risks/{id}"), Some(risk(analysis, "Kontokapning i e-tjänsten", (3, 4), Some((3, 3)))))
        .await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["risk"]["status"], "behandlas");
    assert!(v["risk"]["accepted_by"].is_null() && v["accepted_by_name"].is_null(), "{v}");
    assert_eq!(kept().await, (Some(1), Some(9)), "the new residual score");

    // A treatment action lands in its owner's Mina uppgifter.
    let (s, e) = karin
        .call(Method::POST, &format!("/api/v1/risks/{id}/actions"), Some(json!({"title": "", "responsible_username": "ingen.alls"})))
        .await;
    assert_eq!(s, 422);
    assert!(has(&e, "title", "err.required") && has(&e, "responsible_username", "err.user.unknown"), "{e}");
    let (s, v) = karin
        .call(
            Method::POST,
            &format!("/api/v1/risks/{id}/actions"),
            Some(json!({"title": "Inför BankID-inloggning i e-tjänsten", "responsible_username": "omar.haddad", "due_date": "2099-03-01"})),
        )
        .await;
    assert_eq!(s, 201, "{v}");
    assert_eq!(v["actions"][0]["responsible_name"], "Omar Haddad");
    let (_, tasks) = api_as(&t, "omar.haddad").await.call(Method::GET, "/api/v1/tasks", None).await;
    assert!(
        tasks.as_array().unwrap().iter().any(|x| x["title"].as_str().unwrap().starts_with("Inför BankID-inloggning i e-tjänsten")),
        "{tasks}"
    );

    // Assets: only one the linker can see; an incident links the risk, and the risk shows it.
    let elev = crate::assets::asset_id(&t, "Elevdokumentation (betyg, omdömen, åtgärdsprogram)").await;
    let bistand = crate::assets::asset_id(&t, "Ekonomiskt bistånd – ansökningar och beslut").await;
    let (s, e) = karin.call(Method::POST, &format!("/api/v1/risks/{id}/assets"), Some(json!({"asset_id": elev}))).await;
    assert_eq!(s, 422);
    assert!(has(&e, "asset_id", "err.choose"), "{e}");
    let (s, v) = karin.call(Method::POST, &format!("/api/v1/risks/{id}/assets"), Some(json!({"asset_id": bistand}))).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["assets"][0]["name"], "Ekonomiskt bistånd – ansökningar och beslut");
    let (_, by_asset) = sara.call(Method::GET, &format!("/api/v1/risks?asset_id={bistand}"), None).await;
    assert_eq!(by_asset["items"][0]["id"].as_i64(), Some(id), "{by_asset}");
    let incident = crate::incidents::incident_id(&t, "Journalanteckningar skickade till fel mottagare").await;
    let (s, v) = karin.call(Method::POST, &format!("/api/v1/incidents/{incident}/links"), Some(json!({"risk_id": id}))).await;
    assert_eq!(s, 200, "{v}");
    let (_, v) = karin.call(Method::GET, &format!("/api/v1/risks/{id}"), None).await;
    assert!(v["incidents"].as_array().unwrap().iter().any(|i| i["id"].as_i64() == Some(incident)), "{v}");
    // The incident's page offers the open risks of its unit and above to link. They are kept
    // until this server's next write: one written behind the app's back (as another server
    // would) in the unit of the first offered is offered only after one.
    let page = t.signed_in("karin.berg").await;
    let choices = || async {
        let (_, html) = page.text(&format!("/incidents/{incident}")).await;
        html.split("id=\"f-risk_id\"").nth(1).and_then(|s| s.split("</select>").next()).unwrap_or_default().to_owned()
    };
    let offered = choices().await;
    let first: i64 =
        offered.split("<option value=\"").nth(2).and_then(|s| s.split('"').next()).and_then(|s| s.parse().ok()).expect(&offered);
    let copy = format!(
        "INSERT INTO risks (analysis_id, unit_id, title, threat, vulnerability, aspects, likelihood, consequence, score, \
         residual_score, status, search_text, created_at, updated_at) SELECT analysis_id, unit_id, 'Bakvägsrisk', threat, \
         vulnerability, aspects, likelihood, consequence, score, residual_score, status, 'bakvägsrisk', created_at, updated_at \
         FROM risks WHERE id = {first}"
    );
    t.app.store.write().execute_unprepared(&copy).await.unwrap();
    assert!(!choices().await.contains("Bakvägsrisk"), "kept until this server's next write");
    let (s, v) = karin.call(Method::POST, &format!("/api/v1/incidents/{incident}/links"), Some(json!({"risk_id": first}))).await;
    assert_eq!(s, 200, "{v}");
    let offered = choices().await;
    assert!(offered.contains("Bakvägsrisk"), "read anew after a write: {offered}");
    assert!(!offered.contains(&format!("value=\"{first}\"")), "the risk linked is not offered: {offered}");
    let (s, v) =
        karin.call(Method::POST, &format!("/api/v1/incidents/{incident}/links"), Some(json!({"risk_id": first, "linked": false}))).await;
    assert_eq!(s, 200, "{v}");
    // Johan cannot link a risk he cannot see.
    let (s, _) = johan.call(Method::POST, &format!("/api/v1/incidents/{incident}/links"), Some(json!({"risk_id": id}))).await;
    assert!(s == 404 || s == 403 || s == 422, "{s}");

    // Every order, read a page of five at a time, gives the whole list once, in that order
    // (the page is chosen from the risks before its rows are joined).
    let (_, whole) = sara.call(Method::GET, "/api/v1/risks?limit=500", None).await;
    let n = whole["total"].as_u64().unwrap();
    assert!(n > 10, "{whole}");
    let mut by_title = Vec::new();
    for sort in ["level", "title", "unit", "review"] {
        for dir in ["asc", "desc"] {
            let mut rows: Vec<serde_json::Value> = Vec::new();
            for page in 1..=n.div_ceil(5) {
                let (s, p) = sara.call(Method::GET, &format!("/api/v1/risks?sort={sort}&dir={dir}&limit=5&page={page}"), None).await;
                assert_eq!(s, 200, "{p}");
                assert_eq!(p["total"].as_u64(), Some(n));
                rows.extend(p["items"].as_array().unwrap().iter().cloned());
            }
            let mut ids: Vec<i64> = rows.iter().map(|r| r["id"].as_i64().unwrap()).collect();
            // The same order as the whole list read at once (the database's collation decides
            // titles and names) ...
            let (_, at_once) = sara.call(Method::GET, &format!("/api/v1/risks?sort={sort}&dir={dir}&limit=500"), None).await;
            let once: Vec<i64> = at_once["items"].as_array().unwrap().iter().map(|r| r["id"].as_i64().unwrap()).collect();
            assert_eq!(ids, once, "{sort} {dir}");
            if sort == "title" {
                by_title.push(once);
            }
            // ... and the levels in the order asked.
            if sort == "level" {
                let levels: Vec<(i64, i64)> =
                    rows.iter().map(|r| (r["residual_score"].as_i64().unwrap(), r["score"].as_i64().unwrap())).collect();
                let mut want = levels.clone();
                want.sort_by(|a, b| if dir == "asc" { b.cmp(a) } else { a.cmp(b) });
                assert_eq!(levels, want, "the highest residual level first, unless reversed");
            }
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len() as u64, n, "every risk once, sorted by {sort} {dir}");
        }
    }
    // The titles differ, so the order by title turned round is the order by title descending.
    by_title[1].reverse();
    assert_eq!(by_title[0], by_title[1], "titles in order, both ways");

    // Who sees it: not another nämnd's head, not an employee.
    assert_eq!(johan.call(Method::GET, &format!("/api/v1/risks/{id}"), None).await.0, 404);
    let (_, jl) = johan.call(Method::GET, "/api/v1/risks?limit=500", None).await;
    assert!(!jl["items"].as_array().unwrap().iter().any(|r| r["id"].as_i64() == Some(id)), "{jl}");
    assert_eq!(api_as(&t, "lisa.nilsson").await.call(Method::GET, "/api/v1/risks", None).await.0, 403);

    // Closing: no review, out of the heat map and the open list.
    let (s, v) = karin.call(Method::POST, &format!("/api/v1/risks/{id}/close"), None).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["risk"]["status"], "avslutad");
    assert!(v["risk"]["review_on"].is_null());
    assert_eq!(kept().await, (Some(0), None), "no open risk left");
    let (_, after) = sara.call(Method::GET, &heat, None).await;
    assert_eq!(after["total"].as_i64(), Some(0), "{after}");
    let (_, open) = sara.call(Method::GET, &format!("/api/v1/risks?unit_id={fsd}"), None).await;
    assert_eq!(open["total"].as_i64(), Some(0));
    let (_, all) = sara.call(Method::GET, &format!("/api/v1/risks?unit_id={fsd}&include_closed=true"), None).await;
    assert_eq!(all["total"].as_i64(), Some(1));
    assert!(has(&karin.call(Method::POST, &format!("/api/v1/risks/{id}/close"), None).await.1, "close", "err.risk.closed"));

    // Every write is in the audit log.
    let (_, log) = sara.call(Method::GET, &format!("/api/v1/audit?entity_type=risk&entity_id={id}&limit=50"), None).await;
    let actions: Vec<&str> = log["items"].as_array().map(|a| a.iter().filter_map(|x| x["action"].as_str()).collect()).unwrap_or_default();
    for a in ["risk.create", "risk.accept", "risk.update", "risk.action_add", "risk.link_asset", "risk.close"] {
        assert!(actions.contains(&a), "{a} in {actions:?} ({log})");
    }
    t.stop().await;
}
