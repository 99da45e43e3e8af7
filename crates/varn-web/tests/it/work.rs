//! Uppföljning av arbetet: every open and overdue task in the reader's scope per unit and
//! kind, the same "overdue" as Mina uppgifter, and who may look where; each case on each
//! database.

use crate::helpers::*;
use reqwest::Method;
use rstest::rstest;
use serde_json::Value;

const LATE_TASK: &str = "Rapportera internkontrollens kontrollmoment";

fn row(w: &Value, unit: i64) -> &Value {
    w["rows"].as_array().unwrap().iter().find(|r| r["unit_id"] == unit && r["own"] == false).unwrap_or(&Value::Null)
}

fn kind(r: &Value, k: &str) -> (i64, i64) {
    let c = r["by_kind"].as_array().unwrap().iter().find(|c| c["kind"] == k).cloned().unwrap_or_default();
    (c["overdue"].as_i64().unwrap_or(0), c["open"].as_i64().unwrap_or(0))
}

fn has_task(w: &Value, title: &str) -> Option<Value> {
    w["tasks"].as_array().unwrap().iter().find(|t| t["title"].as_str().unwrap_or("").starts_with(title)).cloned()
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn the_samordnare_sees_every_units_overdue_work_and_a_head_their_own(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let (socn, socf, utbn) = (t.id("Socialnämnden"), t.id("Socialförvaltningen"), t.id("Utbildningsnämnden"));
    let sara = api_as(&t, "sara.lindqvist").await;
    // City-wide: the top is kommunfullmäktige, each nämnd a row with its subtree.
    let (s, w) = sara.call(Method::GET, "/api/v1/follow-up/work", None).await;
    assert_eq!(s, 200, "{b}: {w}");
    assert_eq!(w["unit"]["id"], t.id("Kommunfullmäktige"), "{w}");
    // Socialnämnden's subtree: the annual-cycle task five days late and the strategy action
    // twenty days late (credited to Socialförvaltningen, which is responsible for it).
    let r = row(&w, socn);
    assert_eq!(kind(r, "arshjul").0, 1, "{b}: {r}");
    assert_eq!(kind(r, "document.action").0, 1, "{b}: {r}");
    assert!(r["overdue"].as_i64().unwrap() >= 2 && r["open"].as_i64() >= r["overdue"].as_i64(), "{r}");
    assert_eq!(kind(row(&w, utbn), "arshjul"), (0, 1), "{b}: Utbildningsnämnden's task is open, not late");
    // The rows come in the city's order: kommunstyrelsen before the nämnder, then alphabetically.
    let names: Vec<&str> =
        w["rows"].as_array().unwrap().iter().filter(|r| r["own"] == false).map(|r| r["name"].as_str().unwrap()).collect();
    let ks = names.iter().position(|n| *n == "Kommunstyrelsen").unwrap();
    let (so, ut) =
        (names.iter().position(|n| *n == "Socialnämnden").unwrap(), names.iter().position(|n| *n == "Utbildningsnämnden").unwrap());
    assert!(ks < so && so < ut, "{names:?}");
    let total_overdue: i64 = w["rows"].as_array().unwrap().iter().map(|r| r["overdue"].as_i64().unwrap()).sum();
    assert_eq!(w["total"]["overdue"].as_i64().unwrap(), total_overdue, "{b}: the total is the rows' sum");
    assert!(has_task(&w, LATE_TASK).is_some(), "{b}: the most overdue are listed city-wide: {w}");
    // The modules' own deadlines: incident reports past their legal deadline, classifications
    // past their review date; the same number as their lists show.
    let (_, late_reports) = sara.call(Method::GET, "/api/v1/incidents?due_passed=true", None).await;
    let (_, late_reviews) = sara.call(Method::GET, "/api/v1/assets?review_overdue=true", None).await;
    let (reports, reviews) = (late_reports["total"].as_i64().unwrap(), late_reviews["total"].as_i64().unwrap());
    assert!(reports >= 1 && reviews >= 1, "{b}: the demo city has both: {late_reports} {late_reviews}");
    assert_eq!(kind(&w["total"], "incident.report"), (reports, reports), "{b}: {w}");
    assert_eq!(kind(&w["total"], "asset.review"), (reviews, reviews), "{b}: {w}");
    // Risks past their review date: the register's count (two in the demo city).
    let (_, late_risks) = sara.call(Method::GET, "/api/v1/risks?review_overdue=true", None).await;
    let risks = late_risks["total"].as_i64().unwrap();
    assert_eq!(risks, 2, "{b}: {late_risks}");
    assert_eq!(kind(&w["total"], "risk.review"), (risks, risks), "{b}: {w}");
    // Two clicks: the nämnd, then the task.
    let (_, w) = sara.call(Method::GET, &format!("/api/v1/follow-up/work?unit={socn}"), None).await;
    assert_eq!(w["trail"][0]["name"], "Kommunfullmäktige", "{w}");
    let task = has_task(&w, LATE_TASK).unwrap_or_else(|| panic!("{b}: {w}"));
    assert_eq!(task["unit_name"], "Socialförvaltningen");
    assert!(task["link"].as_str().unwrap().starts_with('/'));
    // Socialförvaltningen: the two late tasks and the document past its revision date.
    let r = row(&w, socf);
    let late = (kind(r, "arshjul").0, kind(r, "document.action").0, kind(r, "document.follow_up").0, kind(r, "asset.review").0);
    assert_eq!(late, (1, 1, 1, 1), "{b}: and a classification past its review date: {r}");
    // ... and in IFO a risk past its review date and a risk's treatment action past its due date.
    assert_eq!((kind(r, "risk.review").0, kind(r, "risk.action").0), (1, 1), "{b}: {r}");
    assert_eq!(r["overdue"], 6, "{b}: {r}");
    // Only one kind, or every open task.
    let (_, w2) = sara.call(Method::GET, &format!("/api/v1/follow-up/work?unit={socn}&kind=document.action"), None).await;
    assert!(has_task(&w2, LATE_TASK).is_none() && has_task(&w2, "Klassa informationen").is_some(), "{w2}");
    let (_, w3) = sara.call(Method::GET, &format!("/api/v1/follow-up/work?unit={socn}&all_open=true"), None).await;
    assert!(has_task(&w3, "Utse informationssäkerhetskontakt").is_some(), "{b}: open, due in three weeks: {w3}");
    assert!(has_task(&w, "Utse informationssäkerhetskontakt").is_none(), "not overdue");

    // A förvaltning's drill-down (on SQLite read through its units' index and sorted): its
    // late tasks, the most overdue first.
    let (s, fw) = sara.call(Method::GET, &format!("/api/v1/follow-up/work?unit={socf}"), None).await;
    assert_eq!(s, 200, "{b}: {fw}");
    assert!(has_task(&fw, LATE_TASK).is_some(), "{b}: {fw}");
    let dues: Vec<&str> = fw["tasks"].as_array().unwrap().iter().filter_map(|x| x["due_date"].as_str()).collect();
    assert!(dues.len() >= 2 && dues.windows(2).all(|p| p[0] <= p[1]), "{b}: {dues:?}");

    // Karin heads Socialförvaltningen (her role sits on Socialnämnden): her top is the nämnd.
    let karin = api_as(&t, "karin.berg").await;
    let (s, kw) = karin.call(Method::GET, "/api/v1/follow-up/work", None).await;
    assert_eq!(s, 200, "{kw}");
    assert_eq!(kw["unit"]["id"], socn, "{kw}");
    assert!(has_task(&kw, LATE_TASK).is_some());
    assert_eq!(kw["total"]["overdue"], w["total"]["overdue"], "{b}: the same counts as the samordnare's for the nämnd");
    // ... and the same "overdue" as her Mina uppgifter: every late task there is in her
    // follow-up, and every late task of Socialförvaltningen's own there is in Mina uppgifter.
    let (_, mine) = karin.call(Method::GET, "/api/v1/tasks", None).await;
    let late_mine: Vec<i64> = mine
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["days_left"].as_i64().is_some_and(|d| d < 0))
        .map(|x| x["id"].as_i64().unwrap())
        .collect();
    let late_followed: Vec<i64> = kw["tasks"].as_array().unwrap().iter().map(|x| x["id"].as_i64().unwrap()).collect();
    assert!(late_mine.len() >= 2 && late_mine.iter().all(|i| late_followed.contains(i)), "{b}: {late_mine:?} in {late_followed:?}");
    let socf_own: Vec<i64> = kw["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["unit_name"] == "Socialförvaltningen" && x["assignee_name"].is_null())
        .map(|x| x["id"].as_i64().unwrap())
        .collect();
    assert!(!socf_own.is_empty() && socf_own.iter().all(|i| late_mine.contains(i)), "{b}: {socf_own:?} in {late_mine:?}");
    // Another nämnd's head sees neither the task nor the unit.
    let johan = api_as(&t, "johan.ek").await;
    let (_, jw) = johan.call(Method::GET, "/api/v1/follow-up/work", None).await;
    assert!(has_task(&jw, LATE_TASK).is_none(), "{jw}");
    assert_eq!(johan.call(Method::GET, &format!("/api/v1/follow-up/work?unit={socf}"), None).await.0, 404, "{b}");
    // The auditor reads it; an employee and an information owner have no follow-up.
    assert_eq!(api_as(&t, "erik.holm").await.call(Method::GET, &format!("/api/v1/follow-up/work?unit={socn}"), None).await.0, 200);
    for who in ["lisa.nilsson", "omar.haddad"] {
        assert_eq!(api_as(&t, who).await.call(Method::GET, "/api/v1/follow-up/work", None).await.0, 403, "{b}: {who}");
    }

    // Done in Mina uppgifter: gone from the follow-up at once.
    let id = task["id"].as_i64().unwrap();
    let (s, _) = karin.call(Method::POST, &format!("/api/v1/tasks/{id}/done"), None).await;
    assert!(s == 200 || s == 204, "{s}");
    let (_, after) = sara.call(Method::GET, &format!("/api/v1/follow-up/work?unit={socn}"), None).await;
    assert!(has_task(&after, LATE_TASK).is_none(), "{b}: {after}");
    assert_eq!(kind(row(&after, socf), "arshjul"), (0, 1), "{b}: {after}");
    assert_eq!(row(&after, socf)["overdue"], 5, "{b}: one fewer: {after}");
    t.stop().await;
}

#[rstest]
#[case::sqlite("sqlite")]
#[tokio::test]
async fn the_page_leads_from_the_city_to_a_units_late_task(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let socn = t.id("Socialnämnden");
    let sara = t.signed_in("sara.lindqvist").await;
    let (s, html) = sara.text("/governance").await;
    assert_eq!(s, 200);
    assert!(html.contains(&format!("href=\"/governance?unit={socn}\"")), "the nämnd opens");
    assert!(html.contains("Försenade"));
    let (s, html) = sara.text(&format!("/governance?unit={socn}")).await;
    assert_eq!(s, 200);
    assert!(html.contains("Försenat i Socialnämnden"), "{html}");
    assert!(html.contains(LATE_TASK));
    assert!(html.contains("5 dagar försenad"), "days late, as in Mina uppgifter");
    // The organisation tree: the city's order (kommunstyrelsen, then the nämnder A–Ö), folding
    // below the top.
    let (_, tree) = sara.text("/org").await;
    let at = |name: &str| tree.find(&format!(">{name}</a>")).unwrap_or_else(|| panic!("{name} in the tree"));
    assert!(at("Kommunfullmäktige") < at("Kommunstyrelsen") && at("Kommunstyrelsen") < at("Socialnämnden"));
    assert!(at("Socialnämnden") < at("Utbildningsnämnden"), "nämnder alphabetically");
    assert!(
        tree.contains("<details open><summary>Enheter under<span class=\"visually-hidden\"> Kommunfullmäktige</span></summary>"),
        "the top is open"
    );
    assert!(
        tree.contains("<details><summary>Enheter under<span class=\"visually-hidden\"> Socialnämnden</span></summary>"),
        "a nämnd folds"
    );
    // The tree is kept rendered per scope and language until the next write: a new unit is
    // in it at once, and a narrower scope never gets the city's tree.
    let socf = t.id("Socialförvaltningen").to_string();
    assert_eq!(sara.post_form("/org", &[("parent_id", &socf), ("kind", "enhet"), ("name", "Nya mottagningen")]).await.status(), 303);
    let (_, tree) = sara.text("/org").await;
    assert!(tree.contains(">Nya mottagningen</a>"), "a write makes the tree again");
    let (_, own) = t.signed_in("lisa.nilsson").await.text("/org").await;
    assert!(own.contains(">Hemtjänst Öst</a>") && !own.contains(">Kommunstyrelsen</a>"), "Lisa's own part only: {own}");
    // The start page says how much is late and leads here, with the same count as the view.
    let (_, home) = t.signed_in("karin.berg").await.text("/tasks").await;
    assert!(home.contains("I ditt ansvarsområde är 6 uppgifter och tidsfrister försenade"), "{home}");
    assert!(home.contains("uppgifter till dig och till de enheter du leder"), "the head's lead");
    // The employee's start page: her document to confirm, a friendly lead, no "nothing to do".
    let lisa = t.signed_in("lisa.nilsson").await;
    let (_, home) = lisa.text("/tasks").await;
    let acks = home.split("id=\"acks-h\"").nth(1).unwrap_or_default();
    assert!(acks.contains("Informationssäkerhetspolicy"), "{home}");
    assert!(home.contains("Hej Lisa Nilsson!") && home.contains("styrdokument att läsa och bekräfta"), "{home}");
    assert!(!home.contains("Du har inga öppna uppgifter") && !home.contains("Du har inget att göra"), "{home}");
    assert!(!home.contains("ansvarsområde"), "she follows up nothing");
    assert!(!home.contains("href=\"/governance\""), "not in an employee's menu");
    assert_eq!(lisa.text("/governance").await.0, 403);
    t.stop().await;
}

#[rstest]
#[case::sqlite("sqlite")]
#[tokio::test]
async fn notices_name_the_action_and_wide_reaching_ones_ask_first(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    // Marking a task done says so, not a generic "saved".
    let karin = t.signed_in("karin.berg").await;
    let (_, w) = api_as(&t, "karin.berg").await.call(Method::GET, "/api/v1/follow-up/work", None).await;
    let id = has_task(&w, LATE_TASK).unwrap()["id"].as_i64().unwrap();
    let r = karin.post_form(&format!("/tasks/{id}/done"), &[]).await;
    let to = r.headers()["location"].to_str().unwrap().to_owned();
    assert!(to.contains("msg=task_done"), "{to}");
    let (_, html) = karin.text(&to).await;
    assert!(html.contains("Uppgiften är markerad som klar."), "{html}");
    let r = karin.post_form(&format!("/tasks/{id}/reopen"), &[]).await;
    assert!(r.headers()["location"].to_str().unwrap().contains("msg=task_reopened"));
    // Notices carry the data of what happened: the day a decision applies from, the number
    // of remissinstanser and their last day, how many were asked to confirm and where.
    let sara = t.signed_in("sara.lindqvist").await;
    let policy = t.doc_id("Informationssäkerhetspolicy").await;
    let (_, html) = sara.text(&format!("/documents/{policy}?msg=doc_adopted")).await;
    assert!(html.contains("Beslutet är registrerat – policyn gäller från 28 maj 2018."), "the policy's decision date: {html}");
    let kryptering = t.doc_id("Riktlinje för kryptering").await;
    let (_, html) = sara.text(&format!("/documents/{kryptering}?msg=remiss_sent")).await;
    assert!(html.contains("Riktlinjen är skickad på remiss till 2 remissinstanser, med svar senast "), "{html}");
    let socf = t.id("Socialförvaltningen");
    let r = karin.post_form(&format!("/documents/{policy}/acknowledgements"), &[("unit_id", &socf.to_string()), ("confirm", "true")]).await;
    let to = r.headers()["location"].to_str().unwrap().to_owned();
    assert!(to.contains(&format!("asked={socf}")) && to.contains("msg=ack_requested"), "{to}");
    let (_, html) = karin.text(&to).await;
    assert!(html.contains("En person i Socialförvaltningen har ombetts bekräfta att de läst policyn."), "{html}");
    // The unit's overview shows how far its staff have come.
    let (_, html) = karin.text(&format!("/org/{socf}")).await;
    assert!(
        html.contains(&format!(
            "<a href=\"/documents/{policy}/acknowledgements?unit={socf}\">Informationssäkerhetspolicy</a>: 0 av 1 har bekräftat"
        )),
        "{html}"
    );
    // A person with roles in two of its units counts once, on the overview and in the report.
    let omar = t.id("omar.haddad");
    let body = serde_json::json!({"role": "medarbetare", "org_unit_id": socf});
    let (s, g) = api_as(&t, "admin").await.call(Method::POST, &format!("/api/v1/users/{omar}/roles"), Some(body)).await;
    assert_eq!(s, 201, "{g}");
    let (_, html) = karin.text(&format!("/org/{socf}")).await;
    assert!(html.contains("Informationssäkerhetspolicy</a>: 0 av 1 har bekräftat"), "once: {html}");
    let (_, html) = karin.text(&format!("/documents/{policy}/acknowledgements")).await;
    assert!(html.contains("0 av 1 har bekräftat."), "the request's total, once: {html}");
    // Breadcrumbs link only what the reader may open: Lisa sees her unit, not the city above it.
    let lisa = t.signed_in("lisa.nilsson").await;
    let (s, html) = lisa.text(&format!("/org/{}", t.id("Hemtjänst Öst"))).await;
    assert_eq!(s, 200);
    let crumbs = html.split("class=\"breadcrumbs\"").nth(1).unwrap().split("</nav>").next().unwrap().to_owned();
    let kf = t.id("Kommunfullmäktige");
    assert!(crumbs.contains("Kommunfullmäktige") && !crumbs.contains(&format!("href=\"/org/{kf}\"")), "{crumbs}");
    assert_eq!(lisa.text(&format!("/org/{kf}")).await.0, 404, "which she could not have opened");
    // Revoking a role and an API key ask first, naming what goes.
    let admin = t.signed_in("admin").await;
    let (_, html) = admin.text(&format!("/users/{}", t.id("lisa.nilsson"))).await;
    assert!(
        html.contains("data-confirm=\"Ta bort rollen Medarbetare på Hemtjänst Öst? Personen förlorar behörigheten direkt.\""),
        "{html}"
    );
    t.stop().await;
}

/// A person is found by any part of their name, sign-in name or (in the user list) e-mail, in
/// any case and with å, ä and ö folded alike, through the index each database has for it
/// (FTS5 trigram on SQLite, pg_trgm on PostgreSQL); the person picker does not search e-mail.
#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn people_are_found_by_any_part_of_their_name(#[case] b: &str) {
    use sea_orm::{ActiveModelTrait, ConnectionTrait};
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let sara = api_as(&t, "sara.lindqvist").await;
    let users =
        |v: &Value| -> Vec<String> { v["items"].as_array().unwrap().iter().map(|u| u["username"].as_str().unwrap().to_owned()).collect() };
    for q in ["STR%C3%96M", "tr%C3%B6m", "maria.st", "ia%20str", "strom%40exempel"] {
        let (s, v) = sara.call(Method::GET, &format!("/api/v1/users?q={q}"), None).await;
        assert_eq!(s, 200, "{b}: {q}: {v}");
        assert_eq!((s, users(&v)), (200, vec!["maria.strom".to_owned()]), "{b}: {q}: {v}");
    }
    let (_, v) = sara.call(Method::GET, "/api/v1/users?q=zzqx", None).await;
    assert_eq!(v["total"], 0, "{b}: {v}");
    // Several matches come sorted by name.
    let (_, v) = sara.call(Method::GET, "/api/v1/users?q=exempelstad", None).await;
    let names: Vec<&str> = v["items"].as_array().unwrap().iter().map(|u| u["display_name"].as_str().unwrap()).collect();
    assert!(names.len() > 3 && names.windows(2).all(|w| w[0].chars().next() <= w[1].chars().next()), "{b}: {names:?}");
    let (_, hits) = sara.call(Method::GET, "/api/v1/people?q=tr%C3%B6m", None).await;
    assert_eq!(hits[0]["username"], "maria.strom", "{b}: {hits}");
    let (_, hits) = sara.call(Method::GET, "/api/v1/people?q=exempelstad", None).await;
    assert_eq!(hits.as_array().map(Vec::len), Some(0), "{b}: the picker does not search e-mail: {hits}");
    // A person is named by their most powerful role, and among equal roles by the unit first
    // in the tree's order (its path), whatever order the grants were made in.
    let added = varn_store::repo::users::new_user("quintus.tvaroll".into(), "Quintus Tvåroll".into(), None, None)
        .insert(t.app.store.write())
        .await
        .unwrap();
    let units = ["Kommunfullmäktige", "Individ- och familjeomsorg", "Socialförvaltningen"];
    for (unit, role) in
        units.into_iter().zip([varn_domain::Role::Medarbetare, varn_domain::Role::Informationsagare, varn_domain::Role::Informationsagare])
    {
        varn_store::entity::role_grant::ActiveModel {
            user_id: sea_orm::Set(added.id),
            org_unit_id: sea_orm::Set(t.id(unit)),
            role: sea_orm::Set(role),
            granted_by: sea_orm::Set(None),
            created_at: sea_orm::Set(chrono::Utc::now()),
            ..Default::default()
        }
        .insert(t.app.store.write())
        .await
        .unwrap();
    }
    let path = |unit: &str| {
        let db = t.app.store.read().clone();
        let id = t.id(unit);
        async move {
            let st = sea_orm::Statement::from_sql_and_values(
                db.get_database_backend(),
                "SELECT path FROM org_units WHERE id = $1"
                    .replace("$1", if db.get_database_backend() == sea_orm::DbBackend::Postgres { "$1" } else { "?" }),
                [id.into()],
            );
            db.query_one(st).await.unwrap().unwrap().try_get_by_index::<String>(0).unwrap()
        }
    };
    let first = if path(units[1]).await < path(units[2]).await { units[1] } else { units[2] };
    let (_, hits) = sara.call(Method::GET, "/api/v1/people?q=tv%C3%A5roll", None).await;
    assert_eq!(
        (hits[0]["username"].as_str(), hits[0]["role"].as_str(), hits[0]["unit_name"].as_str()),
        (Some("quintus.tvaroll"), Some("informationsagare"), Some(first)),
        "{b}: {hits}"
    );
    t.stop().await;
}

/// The user list's count is kept between this server's writes: the same search again, or its
/// next page, reads only its rows. A person added behind the app's back (as another server
/// would add them) is listed at once but counted only after this server's next write (or
/// within ten seconds); a search not made before counts them at once.
#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn the_user_lists_count_is_kept_until_the_next_write(#[case] b: &str) {
    use sea_orm::ActiveModelTrait;
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let sara = api_as(&t, "sara.lindqvist").await;
    let admin = api_as(&t, "admin").await;
    let search = "/api/v1/users?q=exempelstad&limit=100";
    let listed = |v: &Value| v["items"].as_array().map_or(0, Vec::len) as u64;
    let (s, v) = sara.call(Method::GET, search, None).await;
    let before = v["total"].as_u64().unwrap();
    assert_eq!((s, listed(&v), v["exact"].as_bool()), (200, before, Some(true)), "{b}: {v}");
    assert!(before > 3, "{b}: {v}");
    let row = varn_store::repo::users::new_user("kept.count".into(), "Kept Count".into(), Some("kept@exempelstad.se".into()), None);
    let added = row.insert(t.app.store.write()).await.unwrap();
    let (_, v) = sara.call(Method::GET, search, None).await;
    assert_eq!(v["total"].as_u64(), Some(before), "{b}: the count kept: {v}");
    assert_eq!(listed(&v), before + 1, "{b}: the rows read anew: {v}");
    let (_, v) = sara.call(Method::GET, "/api/v1/users?q=kept%40exempel", None).await;
    assert_eq!((v["total"].as_u64(), listed(&v)), (Some(1), 1), "{b}: another search counted: {v}");
    // A write made here: every kept count is read again.
    let body = serde_json::json!({"display_name": "Kept Counted", "email": "kept@exempelstad.se"});
    let (s, v) = admin.call(Method::PATCH, &format!("/api/v1/users/{}", added.id), Some(body)).await;
    assert_eq!(s, 200, "{b}: {v}");
    let (_, v) = sara.call(Method::GET, search, None).await;
    assert_eq!((v["total"].as_u64(), listed(&v)), (Some(before + 1), before + 1), "{b}: counted again after the write: {v}");
    t.stop().await;
}

/// A head's person picker finds the people of her small area from a list of them kept until
/// this server's next write (on SQLite, where each is tested in memory as SQLite tested each;
/// PostgreSQL reads every search anew): one given a role there behind the app's back (as
/// another server would) is found only after a write here, with the role named.
#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn a_heads_picker_keeps_her_areas_people_until_the_next_write(#[case] b: &str) {
    use sea_orm::ActiveModelTrait;
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let karin = api_as(&t, "karin.berg").await;
    let admin = api_as(&t, "admin").await;
    let names = |v: &Value| v.as_array().unwrap().iter().map(|u| u["username"].as_str().unwrap().to_owned()).collect::<Vec<_>>();
    let (s, v) = karin.call(Method::GET, "/api/v1/people?q=BERG", None).await;
    assert_eq!(s, 200, "{b}: {v}");
    assert!(names(&v).contains(&"karin.berg".to_owned()) && !names(&v).contains(&"sara.lindqvist".to_owned()), "{b}: {v}");
    let row = varn_store::repo::users::new_user("zeb.ulon".into(), "Zebulon Bergström".into(), None, None);
    let added = row.insert(t.app.store.write()).await.unwrap();
    let grant = varn_store::entity::role_grant::ActiveModel {
        user_id: sea_orm::Set(added.id),
        org_unit_id: sea_orm::Set(t.id("Individ- och familjeomsorg")),
        role: sea_orm::Set(varn_domain::Role::Informationsagare),
        granted_by: sea_orm::Set(None),
        created_at: sea_orm::Set(chrono::Utc::now()),
        ..Default::default()
    };
    grant.insert(t.app.store.write()).await.unwrap();
    let (_, v) = karin.call(Method::GET, "/api/v1/people?q=zebulon", None).await;
    assert_eq!(names(&v).is_empty(), b == "sqlite", "{b}: kept on SQLite only: {v}");
    // A write made here: the area's people are read again.
    let (s, v) = admin
        .call(
            Method::PATCH,
            &format!("/api/v1/users/{}", added.id),
            Some(serde_json::json!({"display_name": "Zebulon Bergström", "email": "zeb@exempelstad.se"})),
        )
        .await;
    assert_eq!(s, 200, "{b}: {v}");
    let (_, v) = karin.call(Method::GET, "/api/v1/people?q=ZEBULON", None).await;
    assert_eq!(names(&v), ["zeb.ulon"], "{b}: {v}");
    assert_eq!(v[0]["unit_name"], "Individ- och familjeomsorg", "{b}: {v}");
    // Only her area: the samordnare's colleague in another unit is not found.
    let (_, v) = karin.call(Method::GET, "/api/v1/people?q=lindqvist", None).await;
    assert!(!names(&v).contains(&"sara.lindqvist".to_owned()), "{b}: {v}");
    t.stop().await;
}

/// A name that many people share (more than the 400 above which a search reads names in order
/// instead of sorting its matches) is found with the same people, in the same order, as a
/// search that matches few: every match by name, sign-in name or (in the user list) e-mail,
/// in any case, with the capital Å folded to å wherever it stands, page after page; the person
/// picker leaves out e-mail and those who have left; and so again after a name and an e-mail
/// are changed. On SQLite this is the walk of the people who hold the search's first trigram
/// (m0027, kept by triggers), tested through `ix_users_name_order`'s folded columns (m0026); on
/// PostgreSQL the walk of m0018's name index.
#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn a_name_many_share_is_found_in_name_order_with_every_capital_folded(#[case] b: &str) {
    use sea_orm::{ActiveModelTrait, Set, TransactionTrait};
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    // 430 people whose name holds "åsa" written every way, and three the search must tell apart.
    let mut people: Vec<(String, String, String, bool)> = (0..430)
        .map(|i| {
            let name = match i % 5 {
                0 => format!("Åsa Provsson {i:03}"),
                1 => format!("Lena Kåsaberg {i:03}"),
                2 => format!("Per ÅSAMARK {i:03}"),
                3 => format!("Øyvind Prov{i:03}åsa"),
                _ => format!("Łucja Provsdotter {i:03} Åsa"),
            };
            (format!("prov{i:03}"), name, format!("prov{i:03}@exempelstad.se"), true)
        })
        .collect();
    people.push(("aaron.mail".into(), "Aaron Mail".into(), "kåsa.mail@exempelstad.se".into(), true));
    people.push(("aalto.gone".into(), "Aalto Åsagård".into(), "aalto@exempelstad.se".into(), false));
    people.push(("zorro.none".into(), "Zorro Ingen".into(), "zorro@exempelstad.se".into(), true));
    let txn = t.app.store.write().begin().await.unwrap();
    for (username, name, email, active) in &people {
        let mut row = varn_store::repo::users::new_user(username.clone(), name.clone(), Some(email.clone()), None);
        row.active = Set(*active);
        row.insert(&txn).await.unwrap();
    }
    txn.commit().await.unwrap();
    let sara = api_as(&t, "sara.lindqvist").await;
    for round in 0..2 {
        if round == 1 {
            // A name, an e-mail and a name changed (through the API, as an administrator
            // changes them: the user list's count is kept until such a write): the first two
            // leave the matches, the third joins them, first in name order.
            let admin = api_as(&t, "admin").await;
            for (username, name, email) in [
                ("prov000", "Nils Nilsson", "prov000@exempelstad.se"),
                ("aaron.mail", "Aaron Mail", "aaron@exempelstad.se"),
                ("zorro.none", "Aaaa Åsason", "zorro@exempelstad.se"),
            ] {
                let id = varn_store::repo::users::by_username(t.app.store.read(), username).await.unwrap().unwrap().id;
                let body = serde_json::json!({"display_name": name, "email": email});
                let (s, v) = admin.call(Method::PATCH, &format!("/api/v1/users/{id}"), Some(body)).await;
                assert_eq!(s, 200, "{b}: {username}: {v}");
            }
        }
        // Everyone, read page by page without a search, is what the searches are checked against.
        let mut everyone: Vec<(String, String, String, bool)> = vec![];
        for page in 1.. {
            let (_, v) = sara.call(Method::GET, &format!("/api/v1/users?limit=500&page={page}"), None).await;
            let items = v["items"].as_array().unwrap().clone();
            everyone.extend(items.iter().map(|u| {
                let s = |k: &str| u[k].as_str().unwrap_or("").to_owned();
                (s("username"), s("display_name"), s("email"), u["active"].as_bool().unwrap())
            }));
            if items.len() < 500 {
                break;
            }
        }
        assert!(everyone.len() > 430, "{b}: {}", everyone.len());
        for typed in ["åsa", "ÅSA", "%C3%85sa"] {
            let want: Vec<&str> = everyone
                .iter()
                .filter(|(u, n, e, _)| format!("{n} {u} {e}").to_lowercase().contains("åsa"))
                .map(|(u, ..)| u.as_str())
                .collect();
            assert!(want.len() > 400 && want.contains(&"aalto.gone"), "{b}: {}", want.len());
            // Renamed: found under the new name and text only (SQLite: the triggers of m0027).
            assert_eq!(want.contains(&"aaron.mail"), round == 0, "{b}: round {round}");
            assert_eq!(want.contains(&"prov000"), round == 0, "{b}: round {round}");
            assert_eq!(want.contains(&"zorro.none"), round == 1, "{b}: round {round}");
            let mut got: Vec<String> = vec![];
            for page in 1..=want.len().div_ceil(100) {
                let (s, v) = sara.call(Method::GET, &format!("/api/v1/users?q={typed}&limit=100&page={page}"), None).await;
                assert_eq!(s, 200, "{b}: {typed}: {v}");
                assert_eq!(v["total"].as_u64(), Some(want.len() as u64), "{b}: {typed}");
                got.extend(v["items"].as_array().unwrap().iter().map(|u| u["username"].as_str().unwrap().to_owned()));
            }
            assert_eq!(got, want, "{b}: {typed}: every match, in name order");
        }
        // The picker: names only, active only, in name order.
        let want: Vec<&str> = everyone
            .iter()
            .filter(|(u, n, _, active)| *active && format!("{n} {u}").to_lowercase().contains("åsa"))
            .map(|(u, ..)| u.as_str())
            .take(20)
            .collect();
        let (s, hits) = sara.call(Method::GET, "/api/v1/people?q=%C3%85SA&limit=20", None).await;
        assert_eq!(s, 200, "{b}: {hits}");
        let got: Vec<&str> = hits.as_array().unwrap().iter().map(|u| u["username"].as_str().unwrap()).collect();
        assert_eq!(got, want, "{b}: the picker, without e-mail or those who have left");
        assert!(!got.contains(&"aaron.mail") && !got.contains(&"aalto.gone"), "{b}: {got:?}");
        assert_eq!(got.first() == Some(&"zorro.none"), round == 1, "{b}: round {round}: {got:?}");
    }
    // A head's picker, whose area is small (on SQLite each of its people is tested with the
    // folded text): every third of the people above gets a role in karin.berg's area, and her
    // search finds those of them who are active and match, in name order, and nobody else.
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    use varn_store::entity::{role_grant, user};
    let unit = t.id("Individ- och familjeomsorg");
    let txn = t.app.store.write().begin().await.unwrap();
    let mut granted = vec![];
    for (username, ..) in people.iter().step_by(3) {
        let row = user::Entity::find().filter(user::Column::Username.eq(username.as_str())).one(&txn).await.unwrap().unwrap();
        let grant = role_grant::ActiveModel {
            user_id: Set(row.id),
            org_unit_id: Set(unit),
            role: Set(varn_domain::Role::Informationsagare),
            granted_by: Set(None),
            created_at: Set(chrono::Utc::now()),
            ..Default::default()
        };
        grant.insert(&txn).await.unwrap();
        granted.push(row);
    }
    txn.commit().await.unwrap();
    let mut want: Vec<&user::Model> =
        granted.iter().filter(|u| u.active && format!("{} {}", u.display_name, u.username).to_lowercase().contains("åsa")).collect();
    // In the database's own name order, as the samordnare's list gives it.
    let (_, all) = sara.call(Method::GET, "/api/v1/users?q=%C3%A5sa&limit=500", None).await;
    let order: Vec<&str> = all["items"].as_array().unwrap().iter().map(|u| u["username"].as_str().unwrap()).collect();
    assert!(order.len() > 400, "{b}: {}", order.len());
    want.sort_by_key(|u| order.iter().position(|n| *n == u.username));
    assert!(want.len() > 100, "{b}: {}", want.len());
    let karin = api_as(&t, "karin.berg").await;
    let (s, hits) = karin.call(Method::GET, "/api/v1/people?q=%C3%85sA&limit=50", None).await;
    assert_eq!(s, 200, "{b}: {hits}");
    let mut got: Vec<&str> = hits.as_array().unwrap().iter().map(|u| u["username"].as_str().unwrap()).collect();
    got.dedup();
    let want: Vec<&str> = want.iter().map(|u| u.username.as_str()).take(50).collect();
    assert_eq!(got, want, "{b}: the head's picker: her area's matches, in name order");
    // Whether her area is small enough to test each of its people is counted once and then
    // taken as given (the app keeps it between writes): either answer finds the same people.
    let u = varn_store::repo::users::by_username(t.app.store.read(), "karin.berg").await.unwrap().unwrap();
    let scope = varn_app::auth::load_actor(t.app.store.read(), &u).await.unwrap().scope(varn_domain::Permission::PeopleSearch);
    let names = |v: Vec<user::Model>| v.into_iter().map(|u| u.username).collect::<Vec<_>>();
    for given in [None, Some(false), Some(true)] {
        let mut small = given;
        let found = varn_store::repo::users::people_in_area(t.app.store.read(), &scope, "åSa", 50, &mut small).await.unwrap();
        assert_eq!(names(found), want, "{b}: the area taken as small: {given:?}");
        let counted = if b == "sqlite" { Some(true) } else { None };
        assert_eq!(small, given.or(counted), "{b}: counted only when not given (SQLite's choice alone)");
    }
    // Her user list searches the same people by e-mail too, counted.
    let mut want: Vec<&user::Model> = granted
        .iter()
        .filter(|u| format!("{} {} {}", u.display_name, u.username, u.email.as_deref().unwrap_or("")).to_lowercase().contains("åsa"))
        .collect();
    want.sort_by_key(|u| order.iter().position(|n| *n == u.username));
    let (s, v) = karin.call(Method::GET, "/api/v1/users?q=%C3%85SA&limit=100", None).await;
    assert_eq!(s, 200, "{b}: {v}");
    assert_eq!(v["total"].as_u64(), Some(want.len() as u64), "{b}: {v}");
    let got: Vec<&str> = v["items"].as_array().unwrap().iter().map(|u| u["username"].as_str().unwrap()).collect();
    let want: Vec<&str> = want.iter().map(|u| u.username.as_str()).take(100).collect();
    assert_eq!(got, want, "{b}: the head's user list: her area's matches, in name order");
    t.stop().await;
}

/// Mina uppgifter lists fifty tasks a page, the nearest due first, with how many there are and
/// links to the pages beside (keeping "show done"); the API still answers with the whole list;
/// a task on a later page can be marked done, and someone else's cannot.
#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn mina_uppgifter_lists_fifty_a_page_nearest_first(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let omar = t.id("omar.haddad");
    let api = api_as(&t, "omar.haddad").await;
    let (_, before) = api.call(Method::GET, "/api/v1/tasks", None).await;
    let had = before.as_array().unwrap().len() as u64;
    // 120 tasks of his own, due far after anything the demo gives him, the first due first.
    let far = chrono::Utc::now().date_naive() + chrono::Days::new(1000);
    for i in 0..120u64 {
        let task = varn_store::repo::tasks::NewTask {
            source_type: "test.page".into(),
            source_id: None,
            title: format!("Testuppgift {i:03}"),
            link: "/tasks".into(),
            assignee_user_id: Some(omar),
            assignee_unit_id: None,
            due_date: Some(far + chrono::Days::new(i)),
            unit_id: None,
        };
        varn_store::repo::tasks::insert(t.app.store.write(), task).await.unwrap();
    }
    let total = had + 120;
    let pages = total.div_ceil(50);
    let on = |html: &str, i: u64| html.contains(&format!(">Testuppgift {i:03}</a>"));
    let browser = t.signed_in("omar.haddad").await;
    let (s, first) = browser.text("/tasks").await;
    assert_eq!(s, 200);
    assert!(first.contains(&format!("{total} totalt · sida 1 av {pages}")), "{first}");
    assert!(first.contains("href=\"/tasks?page=2#tasks-h\" rel=\"next\"") && !first.contains("rel=\"prev\""), "{first}");
    assert_eq!(first.matches("<tr>").count() - 1, 50, "fifty rows and the head");
    assert!(!on(&first, 119), "the latest is not on the first page");
    let (_, last) = browser.text(&format!("/tasks?page={pages}")).await;
    assert!(on(&last, 119) && !on(&last, 0), "{last}");
    assert!(last.contains(&format!("sida {pages} av {pages}")) && !last.contains("rel=\"next\""), "{last}");
    assert!(last.contains(&format!("href=\"/tasks?page={}#tasks-h\" rel=\"prev\"", pages - 1)), "{last}");
    // Pages run in due order without a gap or a repeat.
    let mut seen = vec![];
    for p in 1..=pages {
        let (_, html) = browser.text(&format!("/tasks?page={p}")).await;
        seen.extend((0..120).filter(|&i| on(&html, i)));
    }
    assert_eq!(seen, (0..120).collect::<Vec<_>>());
    // A page past the last is the last; a page that is not a number is the first.
    assert!(on(&browser.text("/tasks?page=99").await.1, 119));
    assert!(browser.text("/tasks?page=x").await.1.contains(&format!("sida 1 av {pages}")));
    // Showing done tasks too keeps doing so from page to page.
    let (_, all) = browser.text("/tasks?all=1").await;
    assert!(all.contains("href=\"/tasks?all=1&#38;page=2#tasks-h\" rel=\"next\""), "{all}");
    // The API answers with the whole list, as before.
    let (_, after) = api.call(Method::GET, "/api/v1/tasks", None).await;
    assert_eq!(after.as_array().unwrap().len() as u64, total);
    // ... nearest due first, like the page: the 120 test tasks last, in their order.
    let titles: Vec<String> = after.as_array().unwrap().iter().map(|x| x["title"].as_str().unwrap_or("").to_owned()).collect();
    let ours: Vec<String> = titles.iter().filter(|x| x.starts_with("Testuppgift ")).cloned().collect();
    assert_eq!(ours, (0..120).map(|i| format!("Testuppgift {i:03}")).collect::<Vec<_>>());
    assert!(titles.iter().rev().take(120).all(|x| x.starts_with("Testuppgift ")), "the far ones come last");
    // A task from the last page is his to mark done; not Lisa's.
    let id = after.as_array().unwrap().iter().find(|x| x["title"] == "Testuppgift 119").unwrap()["id"].as_i64().unwrap();
    let lisa = t.signed_in("lisa.nilsson").await;
    assert_eq!(lisa.post_form(&format!("/tasks/{id}/done"), &[]).await.status(), 404);
    assert_eq!(browser.post_form(&format!("/tasks/{id}/done"), &[]).await.status(), 303);
    let (_, html) = browser.text(&format!("/tasks?page={pages}")).await;
    assert!(!on(&html, 119) && html.contains(&format!("{} totalt", total - 1)), "done, off the open list: {html}");
    t.stop().await;
}

/// A person's open tasks are those given to them by name and those given to a unit they act
/// for, each once (a task given to both is not listed twice), dated ones nearest first and the
/// undated last in the order they came, their count the same; SQLite reads them through two
/// indexes of the open tasks merged (m0031), PostgreSQL through its bitmap of both: the same
/// answer, for no unit, one, two and three.
#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn open_tasks_come_once_each_nearest_first_whoever_they_are_given_to(#[case] b: &str) {
    use varn_store::repo::{kept, tasks};
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let omar = t.id("omar.haddad");
    let (socn, socf, utbn) = (t.id("Socialnämnden"), t.id("Socialförvaltningen"), t.id("Utbildningsnämnden"));
    let db = t.app.store.write();
    let far = chrono::Utc::now().date_naive() + chrono::Days::new(2000);
    let mut ids = std::collections::HashMap::new();
    // (title, to the person, to a unit, due in days past `far`)
    let given: [(&str, bool, Option<i64>, Option<u64>); 7] = [
        ("Öppen A", true, None, Some(5)),
        ("Öppen B", false, Some(socf), Some(3)),
        ("Öppen C", true, Some(socf), Some(4)),
        ("Öppen D", true, None, None),
        ("Öppen E", false, Some(socn), None),
        ("Öppen F", false, Some(utbn), Some(1)),
        ("Öppen G", true, Some(socf), Some(2)),
    ];
    for (title, to_him, unit, due) in given {
        let task = tasks::NewTask {
            source_type: "test.open".into(),
            source_id: None,
            title: title.into(),
            link: "/tasks".into(),
            assignee_user_id: to_him.then_some(omar),
            assignee_unit_id: unit,
            due_date: due.map(|d| far + chrono::Days::new(d)),
            unit_id: None,
        };
        ids.insert(title, tasks::insert(db, task).await.unwrap().id);
    }
    // G is done: on no open list.
    tasks::set_status(db, ids["Öppen G"], true).await.unwrap();
    let read = t.app.store.read();
    for (units, expected) in [
        (vec![], vec!["Öppen C", "Öppen A", "Öppen D"]),
        (vec![socf], vec!["Öppen B", "Öppen C", "Öppen A", "Öppen D"]),
        (vec![socn, socf], vec!["Öppen B", "Öppen C", "Öppen A", "Öppen D", "Öppen E"]),
        (vec![utbn, socf, socn], vec!["Öppen F", "Öppen B", "Öppen C", "Öppen A", "Öppen D", "Öppen E"]),
    ] {
        let all = tasks::mine(read, omar, &units, false, 0, 10_000).await.unwrap();
        let ours: Vec<&str> = all.iter().filter(|r| r.source_type == "test.open").map(|r| r.title.as_str()).collect();
        assert_eq!(ours, expected, "{b}: units {units:?}");
        let mut seen: Vec<i64> = all.iter().map(|r| r.id).collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), all.len(), "{b}: units {units:?}: a task listed twice");
        assert!(all.iter().all(|r| r.status == varn_domain::task::TaskStatus::Open), "{b}");
        // Dated first, nearest first, the undated last: the demo's tasks too.
        let keys: Vec<(bool, Option<chrono::NaiveDate>, i64)> = all.iter().map(|r| (r.due_date.is_none(), r.due_date, r.id)).collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "{b}: units {units:?}: {keys:?}");
        let count = kept::all(read, tasks::count_mine_query(omar, &units, false)).await.unwrap();
        assert_eq!(count, vec![all.len() as i64], "{b}: units {units:?}");
        // A page of the same list is its slice.
        let page = tasks::mine(read, omar, &units, false, 2, 3).await.unwrap();
        let ids_of = |rows: &[tasks::TaskRow]| rows.iter().map(|r| r.id).collect::<Vec<_>>();
        assert_eq!(ids_of(&page), ids_of(&all[2.min(all.len())..5.min(all.len())]), "{b}: units {units:?}");
        // With the done ones: G too, once.
        let with_done = tasks::mine(read, omar, &units, true, 0, 10_000).await.unwrap();
        let g = with_done.iter().filter(|r| r.id == ids["Öppen G"]).count();
        assert_eq!(g, 1, "{b}: units {units:?}: given to him by name, done");
    }
    t.stop().await;
}
