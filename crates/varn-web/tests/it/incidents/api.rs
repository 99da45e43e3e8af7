//! The module through the API and its pages: an employee reports and follows their report,
//! a handler triages it as a personal data breach, sees the 72-hour clock, records the IMY
//! notification late and the data subjects' information judged not required, and closes it
//! with lessons learned; escalation; Mina uppgifter; a form's mistake keeps the input.

use super::*;
use crate::documents::has;
use chrono::{DateTime, Duration, Utc};
use rstest::rstest;
use serde_json::Value;

fn t(v: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(v.as_str().unwrap()).unwrap().with_timezone(&Utc)
}

fn clock<'a>(v: &'a Value, report: &str) -> &'a Value {
    v["clocks"].as_array().unwrap().iter().find(|c| c["report"] == report).unwrap_or_else(|| panic!("no clock {report}: {v}"))
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn a_report_is_triaged_as_a_breach_its_clocks_run_and_it_closes_only_when_every_duty_is_settled(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t_ = TestApp::spawn(b).await;
    let lisa = api_as(&t_, "lisa.nilsson").await;
    let sara = api_as(&t_, "sara.lindqvist").await;
    // A mistake comes back at its field; a time in the future is refused.
    let later = (Utc::now() + Duration::hours(3)).to_rfc3339();
    let (s, e) =
        lisa.call(Method::POST, "/api/v1/incidents", Some(json!({"title": " ", "noticed_at": later, "personal_data": "kanske"}))).await;
    assert_eq!(s, 422, "{e}");
    assert!(
        has(&e, "title", "err.required") && has(&e, "noticed_date", "err.incident.future") && has(&e, "personal_data", "err.choose"),
        "{e}"
    );
    // The report: her own unit by default; the clocks start at once, as if every duty applied.
    let (s, v) =
        lisa.call(Method::POST, "/api/v1/incidents", Some(json!({"title": "Brukarlista lämnad i väntrum", "personal_data": "ja"}))).await;
    assert_eq!(s, 201, "{v}");
    let id = v["id"].as_i64().unwrap();
    assert!(v["reference"].as_str().unwrap().starts_with("INC-") && v["reference"].as_str().unwrap().ends_with(&format!("{id:05}")));
    assert_eq!((v["unit_name"].as_str(), v["status"].as_str()), (Some("Hemtjänst Öst"), Some("rapporterad")));
    // The reporter sees her report but not the handling; what the report answered is what
    // reading it back gives (the answer is made without reading back).
    assert!(v["clocks"].as_array().unwrap().is_empty() && !v["may_handle"].as_bool().unwrap());
    assert_eq!(lisa.call(Method::GET, &format!("/api/v1/incidents/{id}"), None).await.1, v);
    let (_, sv) = sara.call(Method::POST, "/api/v1/incidents", Some(json!({"title": "Samordnarens egen rapport"}))).await;
    let sid = sv["id"].as_i64().unwrap();
    assert_eq!(sara.call(Method::GET, &format!("/api/v1/incidents/{sid}"), None).await.1, sv, "also for one who handles it");
    let (_, mine) = lisa.call(Method::GET, "/api/v1/incidents?mine=true", None).await;
    assert!(mine["items"].as_array().unwrap().iter().any(|i| i["id"] == id), "{mine}");
    let (s, _) = lisa.call(Method::POST, &format!("/api/v1/incidents/{id}/notes"), Some(json!({"text": "Jag vill hantera den"}))).await;
    assert_eq!(s, 403);
    // The samordnare sees the early warning under cybersäkerhetslagen as the nearest deadline.
    let (_, v) = sara.call(Method::GET, &format!("/api/v1/incidents/{id}"), None).await;
    let aware = t(&v["aware_at"]);
    assert_eq!(t(&v["next_due"]), aware + Duration::hours(24), "{v}");
    assert!(clock(&v, "tidig_varning")["applies"].is_null());

    // Triage as a personal data breach, aware 80 hours ago (found in an old mailbox):
    // the 72-hour notification to IMY is already 8 hours overdue.
    let aware = chrono::SubsecRound::trunc_subsecs(Utc::now() - Duration::hours(80), 0);
    let htost = t_.id("Hemtjänst Öst");
    let aldre = t_.id("Äldrenämnden");
    let triage = json!({"category": "konfidentialitet", "type_code": "felskickad_epost", "severity": "hog", "unit_id": htost,
        "personal_data": "ja", "aware_at": aware.to_rfc3339(), "pua_unit_id": aldre, "handler_username": "sara.lindqvist",
        "suppliers": "Tryckeriet Norra AB"});
    let (s, v) = sara.call(Method::PUT, &format!("/api/v1/incidents/{id}/triage"), Some(triage.clone())).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["suppliers"], "Tryckeriet Norra AB", "the suppliers concerned are part of the triage");
    let (_, lv) = lisa.call(Method::GET, &format!("/api/v1/incidents/{id}"), None).await;
    assert!(lv["suppliers"].is_null(), "the reporter does not see the handling: {lv}");
    assert_eq!(
        (v["status"].as_str(), v["pua_name"].as_str()),
        (Some("under_utredning"), Some("Äldrenämnden")),
        "the first triage starts the investigation"
    );
    let sara_pua = json!({"unit_id": htost, "aware_at": aware.to_rfc3339(), "pua_unit_id": htost});
    let (s, e) = sara.call(Method::PUT, &format!("/api/v1/incidents/{id}/triage"), Some(sara_pua)).await;
    assert_eq!(s, 422);
    assert!(has(&e, "pua_unit_id", "err.asset.pua_kind"), "the personuppgiftsansvarig is a nämnd or bolag, not a unit: {e}");
    for (regime, applies) in [("gdpr", true), ("cybersakerhetslagen", false)] {
        let (s, v) = sara
            .call(Method::PUT, &format!("/api/v1/incidents/{id}/duties/{regime}"), Some(json!({"applies": applies, "note": "Bedömt"})))
            .await;
        assert_eq!(s, 200, "{v}");
    }
    let (_, v) = sara.call(Method::GET, &format!("/api/v1/incidents/{id}"), None).await;
    let imy = clock(&v, "imy_anmalan");
    assert_eq!(t(&imy["due"]), aware + Duration::hours(72));
    assert!(v["clocks"].as_array().unwrap().iter().all(|c| c["regime"] != "cybersakerhetslagen"), "answered no: no clock");
    assert_eq!(t(&v["next_due"]), aware + Duration::hours(72));
    // Recorded as sent now: it shows how late (8 hours, give or take the test's seconds).
    let path = format!("/api/v1/incidents/{id}/reports/gdpr/imy_anmalan");
    let (s, v) = sara.call(Method::POST, &path, Some(json!({"reference": "IMY-2026-4711"}))).await;
    assert_eq!(s, 200, "{v}");
    let late = clock(&v, "imy_anmalan")["late_minutes"].as_i64().unwrap();
    assert!((479..=482).contains(&late), "{late}");
    assert_eq!(v["reports"][0]["recipient"], "Integritetsskyddsmyndigheten (IMY)");
    let (s, e) = sara.call(Method::POST, &path, Some(json!({}))).await;
    assert_eq!(s, 422);
    assert!(has(&e, "report", "err.incident.report_recorded"), "{e}");
    // The report's page: its text from the incident, and once recorded, no second form.
    let (s, page) = t_.signed_in("sara.lindqvist").await.text(&format!("/incidents/{id}/reports/gdpr/imy_anmalan")).await;
    assert_eq!(s, 200);
    assert!(page.contains("Vad som har hänt: Brukarlista lämnad i väntrum") && page.contains("Rapporterande organisation: Äldrenämnden"));
    assert!(page.contains("id=\"recorded\"") && !page.contains("name=\"reference\""), "recorded, no form");

    // Closing: not from here without lessons, every duty answered, every report settled.
    let status = format!("/api/v1/incidents/{id}/status");
    let (s, e) = sara.call(Method::POST, &status, Some(json!({"to": "avslutad"}))).await;
    assert_eq!(s, 422);
    assert!(has(&e, "to", "err.incident.move"), "under utredning cannot jump to closed: {e}");
    for to in ["begransad", "atgardad"] {
        let (s, v) = sara.call(Method::POST, &status, Some(json!({"to": to}))).await;
        assert_eq!(s, 200, "{v}");
    }
    let (s, e) = sara.call(Method::POST, &status, Some(json!({"to": "avslutad"}))).await;
    assert_eq!(s, 422);
    assert!(has(&e, "lessons", "err.incident.lessons_required") && has(&e, "to", "err.incident.duties_open"), "{e}");
    for r in ["polisanmalan", "lex_maria", "lex_sarah", "sakerhetsskydd"] {
        sara.call(Method::PUT, &format!("/api/v1/incidents/{id}/duties/{r}"), Some(json!({"applies": false}))).await;
    }
    let (s, e) = sara.call(Method::POST, &status, Some(json!({"to": "avslutad", "lessons": "Listor lämnas inte framme."}))).await;
    assert_eq!(s, 422);
    assert!(has(&e, "to", "err.incident.reports_open"), "the data subjects' information is not yet decided: {e}");
    let reg = format!("/api/v1/incidents/{id}/reports/gdpr/registrerade");
    let (s, e) = sara.call(Method::POST, &reg, Some(json!({"not_required": true}))).await;
    assert_eq!(s, 422);
    assert!(has(&e, "note", "err.incident.assessment_required"), "{e}");
    let (s, _) =
        sara.call(Method::POST, &reg, Some(json!({"not_required": true, "note": "Ingen hög risk: listan hittades efter en timme."}))).await;
    assert_eq!(s, 200);
    let (s, v) = sara.call(Method::POST, &status, Some(json!({"to": "avslutad", "lessons": "Listor lämnas inte framme."}))).await;
    assert_eq!(s, 200, "{v}");
    assert!(v["next_due"].is_null() && v["closed_at"].is_string());
    let kinds: Vec<&str> = v["events"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds.first(), Some(&"reported"));
    assert_eq!(kinds.iter().filter(|k| **k == "report").count(), 2, "{kinds:?}");
    // Every write has its audit row.
    let (_, a) = sara.call(Method::GET, &format!("/api/v1/audit?entity_type=incident&entity_id={id}&limit=100"), None).await;
    let actions: Vec<&str> = a["items"].as_array().unwrap().iter().map(|r| r["action"].as_str().unwrap()).collect();
    for want in ["incident.report", "incident.triage", "incident.duty", "incident.report_sent", "incident.status"] {
        assert!(actions.contains(&want), "{want} in {actions:?}");
    }
    // Reopened when something new comes to light.
    let (s, v) = sara.call(Method::POST, &status, Some(json!({"to": "under_utredning", "note": "Fler listor hittade"}))).await;
    assert_eq!(s, 200);
    assert!(v["closed_at"].is_null());
    t_.stop().await;
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn handlers_see_new_reports_and_deadlines_in_mina_uppgifter_and_escalation_needs_a_reason(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t_ = TestApp::spawn(b).await;
    let omar = api_as(&t_, "omar.haddad").await;
    let (s, v) = omar.call(Method::POST, "/api/v1/incidents", Some(json!({"title": "Okänd inloggning i akterna"}))).await;
    assert_eq!(s, 201, "{v}");
    let id = v["id"].as_i64().unwrap();
    // Karin heads Socialnämnden: the new report (in IFO) and its 24-hour clock are on her page.
    let karin = t_.signed_in("karin.berg").await;
    let (_, page) = karin.text("/tasks").await;
    let new = page.split("id=\"incident-new-h\"").nth(1).unwrap_or_default();
    assert!(new.contains(&format!("/incidents/{id}")), "new reports section");
    let due = page.split("id=\"incident-due-h\"").nth(1).unwrap_or_default();
    assert!(due.contains("Okänd inloggning i akterna"), "deadline section");
    // Johan (Utbildningsnämnden) has neither.
    let (_, other) = t_.signed_in("johan.ek").await.text("/tasks").await;
    assert!(!other.contains("Okänd inloggning i akterna"));
    // The open register holds it for each who may see it, each by their own way: Omar his
    // report, Karin her units', Johan only once an action on it is his.
    let open_ids = |v: &Value| v["items"].as_array().unwrap().iter().map(|i| i["id"].as_i64().unwrap()).collect::<Vec<_>>();
    let open_list = "/api/v1/incidents?open=true&limit=100";
    let karin_api = api_as(&t_, "karin.berg").await;
    let johan_api = api_as(&t_, "johan.ek").await;
    assert!(open_ids(&omar.call(Method::GET, open_list, None).await.1).contains(&id), "the reporter's own");
    assert!(open_ids(&karin_api.call(Method::GET, open_list, None).await.1).contains(&id), "the unit's head");
    let (_, before) = johan_api.call(Method::GET, open_list, None).await;
    assert!(!open_ids(&before).contains(&id), "not another nämnd's head's");
    let (s, v) = api_as(&t_, "sara.lindqvist")
        .await
        .call(
            Method::POST,
            &format!("/api/v1/incidents/{id}/actions"),
            Some(json!({"title": "Kontrollera skolans konton", "responsible_username": "johan.ek"})),
        )
        .await;
    assert_eq!(s, 200, "{v}");
    let (_, after) = johan_api.call(Method::GET, open_list, None).await;
    assert_eq!(open_ids(&after).iter().filter(|x| **x == id).count(), 1, "the action's owner's, once");
    assert_eq!(open_ids(&after).len(), open_ids(&before).len() + 1, "and nothing else changed");
    // Karin links the social services' records and system; not another nämnd's asset.
    let barn = crate::assets::asset_id(&t_, "Socialtjänstens akter – barn och unga").await;
    let elev = crate::assets::asset_id(&t_, "Elevdokumentation (betyg, omdömen, åtgärdsprogram)").await;
    let system = crate::assets::carrier_id(&t_, "Verksamhetssystemet för socialtjänsten").await;
    let links = format!("/api/v1/incidents/{id}/links");
    let (s, e) = karin_api.call(Method::POST, &links, Some(json!({"asset_id": elev}))).await;
    assert_eq!(s, 422);
    assert!(has(&e, "asset_id", "err.choose"), "{e}");
    let (s, v) = karin_api.call(Method::POST, &links, Some(json!({"asset_id": barn, "carrier_id": system}))).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!((v["assets"][0][0].as_i64(), v["carriers"][0][0].as_i64()), (Some(barn), Some(system)));
    assert!(v["events"].as_array().unwrap().iter().any(|e| e["kind"] == "linked"));
    let (_, v) = karin_api.call(Method::POST, &links, Some(json!({"carrier_id": system, "linked": false}))).await;
    assert!(v["carriers"].as_array().unwrap().is_empty() && v["assets"].as_array().unwrap().len() == 1, "{v}");
    // The protection that failed: a requirement of the classification model, by its code.
    let (s, e) = karin_api.call(Method::POST, &links, Some(json!({"requirement": "X9-99"}))).await;
    assert!(s == 422 && has(&e, "requirement", "err.choose"), "{e}");
    let (s, v) = karin_api.call(Method::POST, &links, Some(json!({"requirement": "K3-01"}))).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["requirements"], json!(["K3-01"]));
    let (_, page) = t_.signed_in("karin.berg").await.text(&format!("/incidents/{id}")).await;
    assert!(page.contains("Stark autentisering (minst två faktorer)") && page.contains("Kopplad: K3-01"), "the protection in words");
    // Raising it needs a reason; then it heads the samordnare's page.
    let esc = format!("/api/v1/incidents/{id}/escalate");
    let (s, e) = karin_api.call(Method::POST, &esc, Some(json!({"level": "allvarlig_storning", "reason": ""}))).await;
    assert_eq!(s, 422);
    assert!(has(&e, "reason", "err.incident.reason_required"), "{e}");
    let (s, v) = karin_api.call(Method::POST, &esc, Some(json!({"level": "allvarlig_storning", "reason": "Flera akter berörda"}))).await;
    assert_eq!((s, v["level"].as_str()), (200, Some("allvarlig_storning")), "{v}");
    let (_, sara_page) = t_.signed_in("sara.lindqvist").await.text("/tasks").await;
    let raised = sara_page.split("id=\"incident-raised-h\"").nth(1).unwrap_or_default();
    assert!(raised.contains(&format!("/incidents/{id}")), "raised section on the samordnare's page");
    // The register, nearest deadline first: this one (24 h ahead) before those without one.
    let sara = api_as(&t_, "sara.lindqvist").await;
    let (_, l) = sara.call(Method::GET, "/api/v1/incidents?open=true&limit=100", None).await;
    let items = l["items"].as_array().unwrap();
    let dues: Vec<Option<&str>> = items.iter().map(|i| i["next_due"].as_str()).collect();
    let first_none = dues.iter().position(|d| d.is_none()).unwrap_or(dues.len());
    assert!(dues[..first_none].windows(2).all(|w| w[0] <= w[1]) && dues[first_none..].iter().all(|d| d.is_none()), "{dues:?}");
    assert!(items[..first_none].iter().any(|i| i["id"] == id));
    // Page by page (three at a time, across the boundary between those with a deadline and
    // those without), the same order as in one page.
    let all: Vec<i64> = items.iter().map(|i| i["id"].as_i64().unwrap()).collect();
    let mut paged = Vec::new();
    for page in 1..=all.len().div_ceil(3) {
        let (_, l) = sara.call(Method::GET, &format!("/api/v1/incidents?open=true&limit=3&page={page}"), None).await;
        paged.extend(l["items"].as_array().unwrap().iter().map(|i| i["id"].as_i64().unwrap()));
    }
    assert_eq!(paged, all);
    // Mina uppgifter's open incidents read either way (by the `OR` of the ways of seeing, or
    // by the ids each way gives, which PostgreSQL picks by how many there are) are the same,
    // for each way: Karin her units', Johan his action's, Omar his own report, Sara all.
    let db = t_.app.store.read();
    for (user, sees) in [("karin.berg", true), ("johan.ek", true), ("omar.haddad", true), ("sara.lindqvist", true), ("lisa.nilsson", false)]
    {
        let (by_or, by_ids) = open_both_ways(db, user).await;
        assert_eq!(by_or, by_ids, "{user}");
        assert_eq!(by_or.contains(&id), sees, "{user}: {by_or:?}");
    }
    // Closed, it leaves both lists, also for the owner of an action on it (whose way of
    // seeing it goes through the actions, not the incident's status).
    use sea_orm::ConnectionTrait;
    t_.app.store.write().execute_unprepared(&format!("UPDATE incidents SET status = 'avslutad' WHERE id = {id}")).await.unwrap();
    for user in ["johan.ek", "karin.berg", "omar.haddad"] {
        let (by_or, by_ids) = open_both_ways(db, user).await;
        assert_eq!(by_or, by_ids, "{user}, closed");
        assert!(!by_ids.contains(&id), "{user}: closed, not open: {by_ids:?}");
    }
    t_.stop().await;
}

/// A unit head's open incidents are read through one index per way of seeing them, whatever
/// SQLite's statistics say (`few_open`). Built with the planner stability guarantee, SQLite
/// cannot look at the user's id when it plans; with statistics gathered while few incidents
/// were open, it planned the `OR` of the ways of seeing as a walk over every open incident in
/// the city through the status index, so a wave of reports elsewhere made every head's Mina
/// uppgifter slower until the next `ANALYZE` (24 657 left by a storstad benchmark run: 1 318
/// → 94 pages a second).
#[tokio::test]
async fn a_heads_open_incidents_are_read_through_their_own_indexes_when_statistics_lag() {
    use sea_orm::{ConnectOptions, ConnectionTrait, Database, DbBackend};
    use varn_store::repo::incidents::{open_in_view_counting, open_in_view_query, open_in_view_query_counting, IncidentVisibility};
    let t_ = TestApp::spawn("sqlite").await;
    let w = t_.app.store.write();
    let karin = varn_store::repo::users::by_username(w, "karin.berg").await.unwrap().unwrap();
    let actor = varn_app::auth::load_actor(w, &karin).await.unwrap();
    let v = IncidentVisibility { read: actor.scope(varn_domain::Permission::IncidentHandle), user_id: karin.id };
    let units = varn_store::repo::org::all_in_scope(w, &varn_domain::Scope::All).await.unwrap();
    let elsewhere = units.iter().find(|u| !v.read.covers(&varn_domain::OrgPath::parse(&u.path).unwrap())).unwrap().id;
    let mine = units.iter().find(|u| v.read.covers(&varn_domain::OrgPath::parse(&u.path).unwrap())).unwrap().id;
    let (lisa, admin) = (t_.id("lisa.nilsson"), t_.id("admin"));
    // Reports in a unit karin does not see, half of them with one handler (as storstad's).
    let insert = |n: u32, unit: i64, status: &str| {
        format!(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {n}) \
             INSERT INTO incidents (unit_id, reporter_user_id, handler_user_id, title, noticed_at, aware_at, reported_at, \
             status, level, personal_data, search_text, created_at, updated_at, next_due) \
             SELECT {unit}, {lisa}, CASE WHEN i % 2 = 0 THEN {admin} END, 'Nätfiske ' || i, f.noticed_at, f.aware_at, \
             f.reported_at, '{status}', 'incident', f.personal_data, 'nätfiske', f.created_at, f.updated_at, f.next_due \
             FROM n, (SELECT * FROM incidents ORDER BY id LIMIT 1) f"
        )
    };
    // Statistics gathered while most are closed, then a wave of open reports and one in
    // karin's part of the city.
    w.execute_unprepared(&insert(3_000, elsewhere, "avslutad")).await.unwrap();
    w.execute_unprepared("ANALYZE").await.unwrap();
    w.execute_unprepared(&insert(3_000, elsewhere, "rapporterad")).await.unwrap();
    w.execute_unprepared(&insert(1, mine, "rapporterad")).await.unwrap();
    // A connection opened now plans with those statistics, as the server's do until the next
    // ANALYZE; with the server's settings.
    let fresh = Database::connect(ConnectOptions::new(t_.db.url.clone()).max_connections(1).sqlx_logging(false).to_owned()).await.unwrap();
    fresh.execute_unprepared("PRAGMA case_sensitive_like = ON").await.unwrap();
    let plan = |q: sea_orm::Selector<sea_orm::SelectModel<varn_store::repo::incidents::IncidentRow>>| {
        let fresh = fresh.clone();
        async move {
            let mut st = q.into_statement(DbBackend::Sqlite);
            st.sql = format!("EXPLAIN QUERY PLAN {}", st.sql);
            let rows = fresh.query_all(st).await.unwrap();
            rows.iter().map(|r| r.try_get::<String>("", "detail").unwrap()).collect::<Vec<_>>().join(" | ")
        }
    };
    // The walk: the setup reproduces what the statistics make of the `OR`.
    let walk = plan(open_in_view_query_counting(&fresh, &v, 300, 0).await.unwrap()).await;
    assert!(walk.contains("(status=?)"), "the OR is planned as a walk over the open: {walk}");
    // Mina uppgifter's: each way of seeing through its own index, no walk over the open.
    let read = plan(open_in_view_query(&fresh, &v, 300).await.unwrap()).await;
    assert!(!read.contains("(status=?)") && read.contains("ix_incidents_reporter"), "{read}");
    // Both find the same: the one in karin's part, none of the wave.
    let ids = |rows: Vec<varn_store::repo::incidents::IncidentRow>| rows.into_iter().map(|r| (r.id, r.unit_id)).collect::<Vec<_>>();
    let by_or = ids(open_in_view_counting(&fresh, &v, 300, 0).await.unwrap());
    let by_ids = ids(open_in_view_counting(&fresh, &v, 300, u64::MAX).await.unwrap());
    assert_eq!(by_or, by_ids);
    assert!(by_ids.iter().any(|(_, u)| *u == mine) && by_ids.iter().all(|(_, u)| *u != elsewhere), "{by_ids:?}");
    fresh.close().await.unwrap();
    t_.stop().await;
}

/// A user's open incidents in view, read by the `OR` of the ways of seeing and by the ids each
/// way gives (see `few_open`), as ids.
async fn open_both_ways(db: &sea_orm::DatabaseConnection, user: &str) -> (Vec<i64>, Vec<i64>) {
    use varn_store::repo::incidents::{open_in_view_counting, IncidentVisibility};
    let u = varn_store::repo::users::by_username(db, user).await.unwrap().unwrap();
    let actor = varn_app::auth::load_actor(db, &u).await.unwrap();
    let v = IncidentVisibility { read: actor.scope(varn_domain::Permission::IncidentHandle), user_id: u.id };
    let ids = |rows: Vec<varn_store::repo::incidents::IncidentRow>| rows.into_iter().map(|r| r.id).collect::<Vec<_>>();
    let by_or = ids(open_in_view_counting(db, &v, 300, 0).await.unwrap());
    let by_ids = ids(open_in_view_counting(db, &v, 300, u64::MAX).await.unwrap());
    (by_or, by_ids)
}

#[rstest]
#[case::sqlite("sqlite")]
#[tokio::test]
async fn the_report_form_keeps_the_input_and_the_receipt_names_the_reference(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t_ = TestApp::spawn(b).await;
    let c = t_.signed_in("lisa.nilsson").await;
    let (s, page) = c.text("/incidents/new").await;
    assert_eq!(s, 200);
    assert!(page.contains("name=\"noticed_date\"") && page.contains("inte föras in i Värn"));
    let r = c.post_form("/incidents", &[("title", ""), ("description", "Skärmen visade fel person"), ("noticed_date", "2026-13-40")]).await;
    assert_eq!(r.status().as_u16(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("Skärmen visade fel person") && body.contains("error-summary"), "input kept, errors summarised");
    let r = c
        .post_form(
            "/incidents",
            &[("title", "Fel person på skärmen"), ("noticed_date", "2026-11-01"), ("noticed_time", "09:15"), ("personal_data", "vet_inte")],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let to = r.headers()["location"].to_str().unwrap().to_owned();
    let (_, receipt) = c.text(&to).await;
    assert!(receipt.contains("Din incidentrapport är mottagen") && receipt.contains("INC-"), "receipt");
    assert!(receipt.contains("Fel person på skärmen") && receipt.contains("2026-11-01 09:15"), "the report as sent, noticed in local time");
    t_.stop().await;
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn the_pictures_count_per_month_time_to_contain_and_deadlines_missed_per_unit(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t_ = TestApp::spawn(b).await;
    let sara = api_as(&t_, "sara.lindqvist").await;
    let (s, o) = sara.call(Method::GET, "/api/v1/incidents/overview", None).await;
    assert_eq!(s, 200, "{o}");
    // The demo's year: 60 incidents, every one triaged.
    let total: i64 = o["by_category"].as_array().unwrap().iter().map(|c| c["n"].as_i64().unwrap()).sum();
    assert_eq!(total, 60, "{o}");
    assert!(o["by_category"].as_array().unwrap().iter().all(|c| !c["code"].is_null()));
    // Contained six hours after the report in the demo, closed after nine days.
    let contain = o["durations"]["contain_hours"].as_f64().unwrap();
    let close = o["durations"]["close_hours"].as_f64().unwrap();
    assert!((contain - 6.0).abs() < 0.01 && (close - 216.0).abs() < 0.01, "{o}");
    // The significant incident's early warning went five hours late from the IT department.
    let it = o["deadlines"].as_array().unwrap().iter().find(|d| d["unit_name"] == "IT-avdelningen").unwrap();
    assert_eq!((it["missed"].as_i64(), it["met"].as_i64()), (Some(1), Some(2)), "{o}");
    // Karin sees Socialnämnden's: the IMY notification in time, nothing of the IT department's.
    let (_, k) = api_as(&t_, "karin.berg").await.call(Method::GET, "/api/v1/incidents/overview", None).await;
    let units: Vec<&str> = k["deadlines"].as_array().unwrap().iter().map(|d| d["unit_name"].as_str().unwrap()).collect();
    assert_eq!(units, vec!["Individ- och familjeomsorg"], "{k}");
    // An employee sees her own reports, not pictures of everyone's.
    let (s, _) = api_as(&t_, "lisa.nilsson").await.call(Method::GET, "/api/v1/incidents/overview", None).await;
    assert_eq!(s, 403);
    let (s, page) = t_.signed_in("sara.lindqvist").await.text("/incidents/overview").await;
    assert!(s == 200 && page.contains("id=\"deadlines\"") && page.contains("6,0 timmar"), "the page in Swedish numbers");
    t_.stop().await;
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn a_crisis_without_a_running_deadline_stays_at_the_top_and_each_section_keeps_its_own_behind_hundreds_of_deadlines(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t_ = TestApp::spawn(b).await;
    let sara = api_as(&t_, "sara.lindqvist").await;
    let (s, v) = sara.call(Method::POST, "/api/v1/incidents", Some(json!({"title": "Långvarigt avbrott i vattenverkets styrning"}))).await;
    assert_eq!(s, 201, "{v}");
    let id = v["id"].as_i64().unwrap();
    // Every duty answered no: no clock runs.
    for regime in ["gdpr", "cybersakerhetslagen", "polisanmalan", "lex_maria", "lex_sarah", "sakerhetsskydd"] {
        let (s, v) = sara
            .call(Method::PUT, &format!("/api/v1/incidents/{id}/duties/{regime}"), Some(json!({"applies": false, "note": "Bedömt"})))
            .await;
        assert_eq!(s, 200, "{regime}: {v}");
    }
    let (s, v) = sara
        .call(Method::POST, &format!("/api/v1/incidents/{id}/escalate"), Some(json!({"level": "kris", "reason": "Krisledningen samlas"})))
        .await;
    assert_eq!((s, v["level"].as_str()), (200, Some("kris")), "{v}");
    assert!(v["next_due"].is_null(), "no deadline runs: {v}");
    // Three hundred ordinary reports, each with its 24-hour clock: more than the page reads.
    for n in 0..300 {
        let (s, v) = sara.call(Method::POST, "/api/v1/incidents", Some(json!({"title": format!("Nätfiskemejl nummer {n}")}))).await;
        assert_eq!(s, 201, "{v}");
    }
    let (_, page) = t_.signed_in("sara.lindqvist").await.text("/tasks").await;
    let raised = page.split("id=\"incident-raised-h\"").nth(1).and_then(|s| s.split("</section>").next()).unwrap_or_default();
    assert!(raised.contains(&format!("/incidents/{id}\"")), "the crisis heads the samordnare's page");
    let due = page.split("id=\"incident-due-h\"").nth(1).unwrap_or_default();
    assert!(due.contains("Nätfiskemejl nummer"), "and the deadlines still follow");
    // Four hundred more open under investigation, their deadlines passed long ago: nearer than
    // every new report's. Each section still shows its own: the new reports are not crowded
    // out of theirs (a read of the first 300 open in one order lost them), and the deadlines
    // come nearest first.
    use sea_orm::ConnectionTrait;
    let old = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) \
         INSERT INTO incidents (unit_id, reporter_user_id, title, noticed_at, aware_at, reported_at, status, level, \
         personal_data, search_text, created_at, updated_at, next_due) \
         SELECT f.unit_id, f.reporter_user_id, 'Gammal frist ' || i, f.noticed_at, f.aware_at, f.reported_at, 'under_utredning', \
         'incident', f.personal_data, 'gammal frist', f.created_at, f.updated_at, f.noticed_at \
         FROM n, (SELECT * FROM incidents ORDER BY id LIMIT 1) f";
    t_.app.store.write().execute_unprepared(old).await.unwrap();
    // Written behind the app's back (as another server would): the sections are kept until
    // this server's next write (at most 10 s), so the page is the one before.
    let (_, kept) = t_.signed_in("sara.lindqvist").await.text("/tasks").await;
    assert!(!kept.contains("Gammal frist") && kept.contains("Nätfiskemejl nummer"), "kept until this server's next write");
    // A report made here is a write of this server: the sections are read anew.
    let (s, v) = sara.call(Method::POST, "/api/v1/incidents", Some(json!({"title": "Nätfiskemejl nummer 300"}))).await;
    assert_eq!(s, 201, "{v}");
    let (_, page) = t_.signed_in("sara.lindqvist").await.text("/tasks").await;
    let section =
        |id: &str| page.split(&format!("id=\"{id}\"")).nth(1).and_then(|s| s.split("</section>").next()).unwrap_or_default().to_owned();
    let new = section("incident-new-h");
    assert_eq!(new.matches("<li>").count(), 50, "fifty new reports to triage: {new}");
    assert!(new.contains("Nätfiskemejl nummer") && !new.contains("Gammal frist"), "{new}");
    let due = section("incident-due-h");
    assert_eq!(due.matches("<li>").count(), 50);
    assert!(due.contains("Gammal frist") && !due.contains("Nätfiskemejl nummer"), "the passed deadlines first: {due}");
    assert!(section("incident-raised-h").contains(&format!("/incidents/{id}\"")), "the crisis still heads the page");
    // Three hundred closed ones more: the register holds over a thousand, the open fewer.
    // The open list is counted exactly; the whole register stops at 1 000 and says so, in
    // the API and on the page.
    t_.app.store.write().execute_unprepared(&old.replace("i < 400", "i < 300").replace("'under_utredning'", "'avslutad'")).await.unwrap();
    let db = t_.app.store.write();
    let (all, open) = (
        scalar(db, "SELECT COUNT(*) FROM incidents").await as u64,
        scalar(db, "SELECT COUNT(*) FROM incidents WHERE status <> 'avslutad'").await as u64,
    );
    assert!(all > varn_store::repo::incidents::COUNT_CAP && open > 700 && open <= varn_store::repo::incidents::COUNT_CAP, "{all}, {open}");
    let (s, v) = sara.call(Method::GET, "/api/v1/incidents?open=true&limit=1", None).await;
    assert_eq!((s, v["total"].as_u64(), v["exact"].as_bool()), (200, Some(open), Some(true)), "{v}");
    let (s, v) = sara.call(Method::GET, "/api/v1/incidents?limit=1", None).await;
    assert_eq!((s, v["total"].as_u64(), v["exact"].as_bool()), (200, Some(1_000), Some(false)), "{v}");
    let (_, page) = t_.signed_in("sara.lindqvist").await.text("/incidents?state=all").await;
    assert!(page.contains("fler än 1000 – förfina sökningen"), "{page}");
    let (_, page) = t_.signed_in("sara.lindqvist").await.text("/incidents").await;
    assert!(page.contains(&format!("{open} totalt")), "{page}");
    // The count is kept until this server's next write: five more open written behind the
    // app's back are listed but not yet counted.
    let (_, v) = sara.call(Method::GET, "/api/v1/incidents?due_passed=true&limit=1", None).await;
    let passed = v["total"].as_u64().unwrap();
    t_.app.store.write().execute_unprepared(&old.replace("i < 400", "i < 5").replace("'Gammal frist '", "'Bakvägen '")).await.unwrap();
    // The deadlines passed as of now are counted anew each time, never kept.
    let (_, v) = sara.call(Method::GET, "/api/v1/incidents?due_passed=true&limit=1", None).await;
    assert_eq!((v["total"].as_u64(), v["exact"].as_bool()), (Some(passed + 5), Some(true)), "{v}");
    // (Their deadline is the old ones', so they follow those 400, ids in order.)
    let (_, v) = sara.call(Method::GET, "/api/v1/incidents?open=true&limit=500", None).await;
    let titles = v["items"].as_array().unwrap().iter().filter(|i| i["title"].as_str().unwrap().starts_with("Bakvägen")).count();
    assert_eq!((v["total"].as_u64(), titles), (Some(open), 5), "{v}");
    let (s, v) = sara.call(Method::POST, "/api/v1/incidents", Some(json!({"title": "Nätfiskemejl nummer 301"}))).await;
    assert_eq!(s, 201, "{v}");
    let (_, v) = sara.call(Method::GET, "/api/v1/incidents?open=true&limit=5", None).await;
    assert_eq!(v["total"].as_u64(), Some(open + 6), "counted anew after a write here: {v}");
    if b == "sqlite" {
        // Each part through its own index, none looking rows up in the table for its tests
        // and order: the raised and the new read from the status index that holds their
        // level and deadline (m0034), the deadlines from theirs in order.
        use varn_store::repo::kept::Read;
        let mut st = varn_store::repo::incidents::city_work_read(sea_orm::DbBackend::Sqlite, chrono::Utc::now(), 50)
            .statement(sea_orm::DbBackend::Sqlite);
        st.sql = format!("EXPLAIN QUERY PLAN {}", st.sql);
        let rows = t_.app.store.write().query_all(st).await.unwrap();
        let plan = rows.iter().map(|r| r.try_get::<String>("", "detail").unwrap()).collect::<Vec<_>>().join(" | ");
        // Each sought by its status and level, none reading every row of a status: the raised
        // (their levels named), and the new reports in three parts (raised; with a deadline,
        // in its order; without, newest first), which a wave of reports made dear when they
        // were read and sorted whole (4 ms a page after 34 000).
        assert_eq!(plan.matches("USING COVERING INDEX ix_incidents_status_level (status=? AND level=?").count(), 4, "{plan}");
        assert!(!plan.contains("(status=?)"), "{plan}");
        assert!(plan.contains("USING INDEX ix_incidents_due (next_due<?)"), "{plan}");
    }
    t_.stop().await;
}
