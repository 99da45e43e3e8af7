//! An incident's actions with owners (tasks in Mina uppgifter) and the register of
//! authorities and networks with the contacts made, through the API and the pages, each case
//! on each database.

use super::*;
use crate::documents::has;
use rstest::rstest;
use serde_json::Value;

fn action<'a>(v: &'a Value, title: &str) -> &'a Value {
    v["actions"].as_array().unwrap().iter().find(|a| a["title"] == title).unwrap_or_else(|| panic!("no action {title}: {v}"))
}

async fn audit_actions(api: &crate::helpers::Api, entity: &str, id: i64) -> Vec<String> {
    let (_, a) = api.call(Method::GET, &format!("/api/v1/audit?entity_type={entity}&entity_id={id}&limit=100"), None).await;
    a["items"].as_array().unwrap().iter().map(|r| r["action"].as_str().unwrap().to_owned()).collect()
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn an_action_lands_in_the_owners_mina_uppgifter_who_then_sees_the_incident_and_marks_it_done(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t_ = TestApp::spawn(b).await;
    let ifo = incident_id(&t_, "Journalanteckningar skickade till fel mottagare").await;
    let sara = api_as(&t_, "sara.lindqvist").await;
    let johan = api_as(&t_, "johan.ek").await;
    let path = format!("/api/v1/incidents/{ifo}/actions");
    // Johan heads Utbildningsnämnden: Socialnämnden's breach is not his to see.
    assert_eq!(johan.call(Method::GET, &format!("/api/v1/incidents/{ifo}"), None).await.0, 404);
    // Mistakes at their fields, nothing written.
    let (s, e) =
        sara.call(Method::POST, &path, Some(json!({"title": " ", "responsible_username": "ingen.alls", "due_date": "2026-02-30"}))).await;
    assert_eq!(s, 422, "{e}");
    assert!(
        has(&e, "title", "err.required") && has(&e, "responsible_username", "err.user.unknown") && has(&e, "due_date", "err.date_invalid"),
        "{e}"
    );
    let (s, e) = sara.call(Method::POST, &path, Some(json!({"title": "Något"}))).await;
    assert!(s == 422 && has(&e, "responsible_username", "err.incident.action_owner"), "{e}");
    let (_, before) = sara.call(Method::GET, &format!("/api/v1/incidents/{ifo}"), None).await;
    let n = before["actions"].as_array().unwrap().len();
    // Given to Johan: the view shows it open, with his name.
    let title = "Granska skolans rutin för att skicka elevuppgifter";
    let (s, v) =
        sara.call(Method::POST, &path, Some(json!({"title": title, "responsible_username": "johan.ek", "due_date": "2026-12-15"}))).await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["actions"].as_array().unwrap().len(), n + 1);
    let a = action(&v, title);
    assert_eq!(
        (a["responsible_name"].as_str(), a["status"].as_str(), a["due_date"].as_str()),
        (Some("Johan Ek"), Some("open"), Some("2026-12-15"))
    );
    let aid = a["id"].as_i64().unwrap();
    // Johan now sees the incident: the report and his own action, not the handling or the
    // other actions (Karin's and Omar's).
    let (s, jv) = johan.call(Method::GET, &format!("/api/v1/incidents/{ifo}"), None).await;
    assert_eq!(s, 200, "{jv}");
    let titles: Vec<&str> = jv["actions"].as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert_eq!(titles, vec![title]);
    assert!(
        jv["duties"].as_array().unwrap().is_empty()
            && jv["contacts"].as_array().unwrap().is_empty()
            && !jv["may_handle"].as_bool().unwrap()
    );
    // It is not his to handle; the register lists it for him.
    assert_eq!(johan.call(Method::POST, &format!("/api/v1/incidents/{ifo}/notes"), Some(json!({"text": "x"}))).await.0, 403);
    let (_, list) = johan.call(Method::GET, "/api/v1/incidents?limit=100&q=Journal", None).await;
    assert!(list["items"].as_array().unwrap().iter().any(|i| i["id"] == ifo), "the owner finds it in the register: {list}");
    // The task is in his Mina uppgifter, with the incident's reference and a link to it.
    let jb = t_.signed_in("johan.ek").await;
    let (_, tasks) = jb.text("/tasks").await;
    assert!(tasks.contains(title) && tasks.contains(&format!("/incidents/{ifo}#actions")), "the task is listed");
    let task_id = {
        let sql = format!("SELECT task_id FROM incident_actions WHERE id = {aid}");
        use sea_orm::ConnectionTrait;
        let db = t_.app.store.read();
        let row = db.query_one(sea_orm::Statement::from_string(db.get_database_backend(), sql)).await.unwrap().unwrap();
        row.try_get::<i64>("", "task_id").unwrap()
    };
    // Lisa may not mark it; neither may the auditor, who reads but does not handle.
    let erik = api_as(&t_, "erik.holm").await;
    let lisa = api_as(&t_, "lisa.nilsson").await;
    assert_eq!(lisa.call(Method::PUT, &format!("{path}/{aid}"), Some(json!({"done": true}))).await.0, 404);
    assert_eq!(erik.call(Method::PUT, &format!("{path}/{aid}"), Some(json!({"done": true}))).await.0, 403);
    // Johan marks it done in Mina uppgifter: the action is done on the incident, with its
    // timeline step and audit row.
    let r = jb.post_form(&format!("/tasks/{task_id}/done"), &[]).await;
    assert_eq!(r.status().as_u16(), 303);
    let (_, v) = sara.call(Method::GET, &format!("/api/v1/incidents/{ifo}"), None).await;
    assert_eq!(action(&v, title)["status"], "done", "{v}");
    let events: Vec<(&str, &Value)> = v["events"].as_array().unwrap().iter().map(|e| (e["kind"].as_str().unwrap(), e)).collect();
    assert!(events.iter().any(|(k, e)| *k == "action_done" && e["user_name"] == "Johan Ek"), "{events:?}");
    // A handler opens it again from the incident's page.
    let sb = t_.signed_in("sara.lindqvist").await;
    let r = sb.post_form(&format!("/incidents/{ifo}/actions/{aid}/done"), &[("done", "nej")]).await;
    assert_eq!(r.status().as_u16(), 303);
    let (_, v) = sara.call(Method::GET, &format!("/api/v1/incidents/{ifo}"), None).await;
    assert_eq!(action(&v, title)["status"], "open");
    let (_, tasks) = jb.text("/tasks").await;
    assert!(tasks.contains(title), "open again in his list");
    let audit = audit_actions(&sara, "incident", ifo).await;
    for want in ["incident.action_add", "incident.action_done", "incident.action_reopen"] {
        assert!(audit.iter().any(|a| a == want), "{want} in {audit:?}");
    }
    // The page's form with a mistake comes back with the input and the message at the field.
    let r = sb
        .post_form(&format!("/incidents/{ifo}/actions"), &[("title", "Ny utbildning i e-posthantering"), ("responsible_username", "")])
        .await;
    assert_eq!(r.status().as_u16(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("value=\"Ny utbildning i e-posthantering\"") && body.contains("Välj den som ska göra åtgärden"), "input kept");
    t_.stop().await;
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn the_register_of_authorities_keeps_contacts_per_unit_and_a_report_sent_is_a_contact(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t_ = TestApp::spawn(b).await;
    let sara = api_as(&t_, "sara.lindqvist").await;
    let karin = api_as(&t_, "karin.berg").await;
    let johan = api_as(&t_, "johan.ek").await;
    // The builtin register, with the codes the reporting duties name.
    let (s, reg) = sara.call(Method::GET, "/api/v1/authorities", None).await;
    assert_eq!(s, 200, "{reg}");
    let code = |c: &str| reg.as_array().unwrap().iter().find(|a| a["code"] == c).unwrap_or_else(|| panic!("no {c}: {reg}")).clone();
    for c in ["mcf", "csirt", "imy", "polisen", "sapo", "lansstyrelsen", "ivo", "skr"] {
        code(c);
    }
    let imy = code("imy")["id"].as_i64().unwrap();
    let csirt = code("csirt");
    // The demo's significant incident sent all three CSIRT reports: each is a contact made
    // through the e-service, besides the call before and the mail after.
    let (_, d) = sara.call(Method::GET, &format!("/api/v1/authorities/{}", csirt["id"]), None).await;
    let channels: Vec<&str> = d["contacts"]["items"].as_array().unwrap().iter().map(|c| c["channel"].as_str().unwrap()).collect();
    assert_eq!(channels.iter().filter(|c| **c == "e_tjanst").count(), 3, "{d}");
    assert_eq!(csirt["contacts"].as_i64(), Some(channels.len() as i64));

    // A report recorded as sent to IMY is a contact with IMY, about the incident, on behalf
    // of its unit: Lisa's lost phone, with personal data.
    let phone = incident_id(&t_, "Borttappad mobiltelefon med e-post").await;
    let before = code("imy")["contacts"].as_i64().unwrap();
    let (s, v) = sara
        .call(Method::POST, &format!("/api/v1/incidents/{phone}/reports/gdpr/imy_anmalan"), Some(json!({"reference": "IMY-2026-991"})))
        .await;
    assert_eq!(s, 200, "{v}");
    let c = v["contacts"].as_array().unwrap().iter().find(|c| c["authority_id"] == imy).unwrap_or_else(|| panic!("{v}"));
    assert_eq!(
        (c["channel"].as_str(), c["direction"].as_str(), c["reference"].as_str()),
        (Some("e_tjanst"), Some("ut"), Some("IMY-2026-991"))
    );
    assert_eq!(c["unit_name"], "Hemtjänst Öst");
    let (_, reg) = sara.call(Method::GET, "/api/v1/authorities", None).await;
    let after = reg.as_array().unwrap().iter().find(|a| a["id"] == imy).unwrap()["contacts"].as_i64().unwrap();
    assert_eq!(after, before + 1);

    // Karin records a call with länsstyrelsen for Socialförvaltningen; a unit outside her
    // area and a blank contact are refused at their fields.
    let lst = code("lansstyrelsen")["id"].as_i64().unwrap();
    let socf = t_.id("Socialförvaltningen");
    let path = format!("/api/v1/authorities/{lst}/contacts");
    let (s, e) = karin.call(Method::POST, &path, Some(json!({"unit_id": t_.id("Utbildningsförvaltningen")}))).await;
    assert_eq!(s, 422, "{e}");
    for (f, c) in
        [("unit_id", "err.incident.unit_outside"), ("direction", "err.choose"), ("channel", "err.choose"), ("summary", "err.required")]
    {
        assert!(has(&e, f, c), "{f} {c}: {e}");
    }
    let body =
        json!({"unit_id": socf, "direction": "ut", "channel": "telefon", "summary": "Frågade om länets övning i krisledning i mars."});
    let (s, d) = karin.call(Method::POST, &path, Some(body)).await;
    assert_eq!(s, 201, "{d}");
    assert_eq!(d["contacts"]["items"][0]["unit_name"], "Socialförvaltningen");
    // Sara (city-wide) and Karin see it; Johan, in another nämnd, does not.
    let n = |v: &Value| v["contacts"]["total"].as_i64().unwrap();
    let seen_by_sara = n(&sara.call(Method::GET, &format!("/api/v1/authorities/{lst}"), None).await.1);
    let seen_by_karin = n(&karin.call(Method::GET, &format!("/api/v1/authorities/{lst}"), None).await.1);
    let seen_by_johan = n(&johan.call(Method::GET, &format!("/api/v1/authorities/{lst}"), None).await.1);
    assert_eq!((seen_by_karin, seen_by_johan), (1, 0));
    assert!(seen_by_sara >= 2, "the demo's meeting and Karin's call");
    assert!(audit_actions(&sara, "authority", lst).await.iter().any(|a| a == "authority.contact"));

    // The samordnare keeps the register: a network added, with mistakes first; Karin may not.
    let (s, e) =
        sara.call(Method::POST, "/api/v1/authorities", Some(json!({"name": "", "website": "www.exempel.se", "email": "ingen"}))).await;
    assert_eq!(s, 422, "{e}");
    for (f, c) in [("name", "err.required"), ("kind", "err.choose"), ("website", "err.authority.url"), ("email", "err.user.email_invalid")]
    {
        assert!(has(&e, f, c), "{f} {c}: {e}");
    }
    let net = json!({"name": "Regionalt nätverk för informationssäkerhet", "kind": "natverk", "website": "https://natverk.exempel.se"});
    assert_eq!(karin.call(Method::POST, "/api/v1/authorities", Some(net.clone())).await.0, 403);
    let (s, d) = sara.call(Method::POST, "/api/v1/authorities", Some(net.clone())).await;
    assert_eq!(s, 201, "{d}");
    let nid = d["authority"]["id"].as_i64().unwrap();
    let (s, e) = sara.call(Method::POST, "/api/v1/authorities", Some(net)).await;
    assert!(s == 422 && has(&e, "name", "err.authority.name_taken"), "{e}");
    let changed = json!({"name": "Regionalt nätverk för informationssäkerhet", "kind": "natverk", "contact_person": "Eva Ek, ordförande", "active": false});
    let (s, d) = sara.call(Method::PUT, &format!("/api/v1/authorities/{nid}"), Some(changed)).await;
    assert_eq!(s, 200, "{d}");
    assert_eq!((d["authority"]["contact_person"].as_str(), d["authority"]["active"].as_bool()), (Some("Eva Ek, ordförande"), Some(false)));
    let audit = audit_actions(&sara, "authority", nid).await;
    assert!(audit.iter().any(|a| a == "authority.create") && audit.iter().any(|a| a == "authority.update"), "{audit:?}");

    // The pages: the register lists it, the form with a mistake keeps the input.
    let sb = t_.signed_in("sara.lindqvist").await;
    let (s, page) = sb.text("/authorities").await;
    assert!(s == 200 && page.contains("Integritetsskyddsmyndigheten (IMY)") && page.contains("används inte"), "the register page");
    let r = sb.post_form("/authorities", &[("name", "Kommunens CSIRT"), ("kind", ""), ("website", "ftp://x")]).await;
    assert_eq!(r.status().as_u16(), 422);
    let body = r.text().await.unwrap();
    assert!(
        body.contains("value=\"Kommunens CSIRT\"") && body.contains("error-summary") && body.contains("börjar med https://"),
        "input kept"
    );
    let kb = t_.signed_in("karin.berg").await;
    let r = kb
        .post_form(
            &format!("/authorities/{imy}/contacts"),
            &[
                ("date", "2026-11-02"),
                ("time", "10:15"),
                ("direction", "in"),
                ("channel", "e_post"),
                ("summary", ""),
                ("unit_id", &socf.to_string()),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("value=\"2026-11-02\"") && body.contains("value=\"in\" checked"), "the contact form keeps its input");
    // The units she may record for: her förvaltning (still chosen), not one outside her area.
    assert!(body.contains(&format!("<option value=\"{socf}\" selected>Socialförvaltningen</option>")), "{body}");
    assert!(!body.contains(&format!("<option value=\"{}\"", t_.id("Utbildningsförvaltningen"))), "{body}");
    // The page itself offers the same units, and the contacts already made with IMY.
    let (s, page) = kb.text(&format!("/authorities/{imy}")).await;
    assert_eq!(s, 200);
    assert!(
        page.contains(&format!("<option value=\"{socf}\""))
            && !page.contains(&format!("<option value=\"{}\"", t_.id("Utbildningsförvaltningen")))
    );
    assert!(page.contains("Integritetsskyddsmyndigheten (IMY)"), "{page}");
    // The city's bodies and förvaltningar offered to the samordnare are kept between writes:
    // a förvaltning renamed is offered by its new name at once, on the page read before.
    let (_, page) = sb.text(&format!("/authorities/{imy}")).await;
    assert!(page.contains(&format!("<option value=\"{socf}\">Socialförvaltningen</option>")), "{page}");
    let renamed = json!({"name": "Social- och omsorgsförvaltningen", "head_username": "karin.berg"});
    let (s, v) = sara.call(Method::PATCH, &format!("/api/v1/org-units/{socf}"), Some(renamed)).await;
    assert_eq!(s, 200, "{v}");
    let (_, page) = sb.text(&format!("/authorities/{imy}")).await;
    assert!(page.contains(&format!("<option value=\"{socf}\">Social- och omsorgsförvaltningen</option>")), "{page}");
    assert!(!page.contains(">Socialförvaltningen</option>"), "{page}");
    t_.stop().await;
}

/// The count of an authority's contacts is kept until this server's next write, as a list's
/// is: a contact written behind the app's back (as another server would) is listed at once
/// but counted only after a write here, which counts them all again.
#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn an_authoritys_count_of_contacts_is_kept_until_the_next_write(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let sara = api_as(&t, "sara.lindqvist").await;
    let (_, reg) = sara.call(Method::GET, "/api/v1/authorities", None).await;
    let lst = reg.as_array().unwrap().iter().find(|a| a["code"] == "lansstyrelsen").unwrap()["id"].as_i64().unwrap();
    let read = || {
        let sara = &sara;
        async move {
            let (s, d) = sara.call(Method::GET, &format!("/api/v1/authorities/{lst}"), None).await;
            assert_eq!(s, 200, "{d}");
            let summaries: Vec<String> =
                d["contacts"]["items"].as_array().unwrap().iter().map(|c| c["summary"].as_str().unwrap().to_owned()).collect();
            (d["contacts"]["total"].as_u64().unwrap(), summaries)
        }
    };
    let (before, listed) = read().await;
    assert_eq!(before, listed.len() as u64, "{b}: {listed:?}");
    use sea_orm::ConnectionTrait;
    let behind = format!(
        "INSERT INTO authority_contacts (authority_id, at, direction, channel, summary, unit_id, user_id, created_at) \
         SELECT {lst}, at, direction, channel, 'Skrivet av en annan server', unit_id, user_id, created_at \
         FROM authority_contacts WHERE authority_id = {lst} ORDER BY id LIMIT 1"
    );
    t.app.store.write().execute_unprepared(&behind).await.unwrap();
    let (kept, listed) = read().await;
    assert!(listed.iter().any(|s| s == "Skrivet av en annan server"), "{b}: the row is read anew: {listed:?}");
    assert_eq!((kept, listed.len() as u64), (before, before + 1), "{b}: the count is the one kept");
    let socf = t.id("Socialförvaltningen");
    let body = json!({"unit_id": socf, "direction": "in", "channel": "telefon", "summary": "Länsstyrelsen ringde om övningen."});
    let (s, d) = sara.call(Method::POST, &format!("/api/v1/authorities/{lst}/contacts"), Some(body)).await;
    assert_eq!(s, 201, "{b}: {d}");
    let (after, listed) = read().await;
    assert_eq!((after, listed.len() as u64), (before + 2, before + 2), "{b}: counted again after a write here");
    t.stop().await;
}
