//! Import from CSV: a file with mistakes reports each per line and field and writes
//! nothing; the corrected file imports every row in one go, each with its audit row; the
//! page shows the preview before anything is written.

use super::*;
use rstest::rstest;

const BAD: &str =
    "Namn;Ansvarig enhet;Informationsägare (användarnamn);Form;Innehåller personuppgifter;Känsliga personuppgifter;Personuppgiftsansvarig
Vårdplaner;Hemtjänst Öst;;text;ja;ja;Äldrenämnden
;Hemtjänst Väst;;text;nej;nej;
Nyckellistor;Hemtjänst Mitt;;text;nej;nej;
Larmloggar;Hemtjänst Väst;ingen.alls;musik;kanske;nej;Hemtjänst Väst
";

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn a_file_with_mistakes_writes_nothing_and_the_right_file_writes_every_row(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let sara = api_as(&t, "sara.lindqvist").await;
    let post = |dry: bool, body: &'static str| {
        let http = sara.http.clone();
        let url = format!("{}/api/v1/assets/import{}", sara.base, if dry { "?dry_run=true" } else { "" });
        let token = sara.token.clone();
        async move {
            let r = http.post(url).bearer_auth(token).header("content-type", "text/csv").body(body).send().await.unwrap();
            (r.status().as_u16(), r.json::<Value>().await.unwrap())
        }
    };
    let before = sara.call(Method::GET, "/api/v1/assets?limit=1", None).await.1["total"].as_i64().unwrap();
    let (s, v) = post(false, BAD).await;
    assert_eq!(s, 422, "{v}");
    let problems: Vec<(i64, String, String)> = v["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["line"].as_i64().unwrap(), p["field"].as_str().unwrap().into(), p["code"].as_str().unwrap().into()))
        .collect();
    for want in [
        (3, "name", "err.required"),
        (4, "unit_id", "err.import.unit_unknown"),
        (5, "owner_username", "err.user.unknown"),
        (5, "forms", "err.asset.form_invalid"),
        (5, "personal_data", "err.import.yes_no"),
        (5, "pua_unit_id", "err.asset.pua_kind"),
    ] {
        assert!(problems.contains(&(want.0, want.1.into(), want.2.into())), "{want:?} in {problems:?}");
    }
    assert!(!problems.iter().any(|p| p.0 == 2), "line 2 is right: {problems:?}");
    // A column the import does not know is named, not dropped without a word.
    let (s, v) = post(true, "Namn;Ansvarig enhet;Färg\nVårdplaner;Hemtjänst Öst;röd\n").await;
    assert_eq!(s, 422, "{v}");
    assert_eq!(
        (v["problems"][0]["line"].as_i64(), v["problems"][0]["field"].as_str(), v["problems"][0]["code"].as_str()),
        (Some(1), Some("column:Färg"), Some("err.import.unknown_column")),
        "{v}"
    );
    assert!(v["created"].as_array().unwrap().is_empty());
    let after = sara.call(Method::GET, "/api/v1/assets?limit=1", None).await.1["total"].as_i64().unwrap();
    assert_eq!(after, before, "nothing written");

    // The corrected file: a dry run writes nothing, then every row in one go.
    const GOOD: &str = "Name,Responsible unit,Forms,Holds personal data\nVårdplaner,Hemtjänst Öst,text,yes\nNyckellistor,Hemtjänst Väst,\"text,bild\",no\n";
    let (s, v) = post(true, GOOD).await;
    assert_eq!((s, v["rows"].as_i64()), (200, Some(2)), "{v}");
    assert_eq!(sara.call(Method::GET, "/api/v1/assets?limit=1", None).await.1["total"].as_i64().unwrap(), before);
    let (s, v) = post(false, GOOD).await;
    assert_eq!(s, 201, "{v}");
    let ids: Vec<i64> = v["created"].as_array().unwrap().iter().map(|x| x.as_i64().unwrap()).collect();
    assert_eq!(ids.len(), 2);
    let (_, a) = sara.call(Method::GET, &format!("/api/v1/assets/{}", ids[1]), None).await;
    assert_eq!((a["asset"]["name"].as_str(), a["asset"]["unit_name"].as_str()), (Some("Nyckellistor"), Some("Hemtjänst Väst")));
    assert_eq!(a["asset"]["forms"], json!(["text", "bild"]));
    let (_, audit) = sara.call(Method::GET, "/api/v1/audit?entity_type=asset&limit=50", None).await;
    let imported = audit["items"].as_array().unwrap().iter().filter(|r| r["action"] == "asset.import").count();
    assert_eq!(imported, 2);
    // An information owner imports only into his own part of the city.
    let omar = api_as(&t, "omar.haddad").await;
    let r = omar
        .http
        .post(format!("{}/api/v1/assets/import", omar.base))
        .bearer_auth(&omar.token)
        .body("Namn;Ansvarig enhet\nX;Norrskolan\n")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 422);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["problems"][0]["code"], "err.asset.unit_forbidden", "{v}");
    // A medarbetare may not import at all.
    let lisa = api_as(&t, "lisa.nilsson").await;
    let r = lisa
        .http
        .post(format!("{}/api/v1/assets/import", lisa.base))
        .bearer_auth(&lisa.token)
        .body("Namn;Ansvarig enhet\nX;Norrskolan\n")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403);
    t.stop().await;
}

#[tokio::test]
async fn the_import_page_previews_before_it_writes() {
    let t = TestApp::spawn("sqlite").await;
    let c = t.signed_in("sara.lindqvist").await;
    let upload = |fields: Vec<(&'static str, String)>| {
        let mut form = reqwest::multipart::Form::new();
        for (k, v) in fields {
            form = if k == "file" {
                form.part("file", reqwest::multipart::Part::bytes(v.into_bytes()).file_name("tillgangar.csv"))
            } else {
                form.text(k, v)
            };
        }
        c.http.post(c.url(&format!("/assets/import?_csrf={}", c.csrf))).multipart(form).send()
    };
    let r = upload(vec![("file", BAD.to_owned())]).await.unwrap();
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("id=\"import-problems\"")
            && html.contains("Det finns ingen enhet med det namnet.")
            && html.contains("inget har importerats"),
        "{html}"
    );
    let good = "Namn;Ansvarig enhet\nVårdplaner;Hemtjänst Öst\n".to_owned();
    let html = upload(vec![("file", good.clone())]).await.unwrap().text().await.unwrap();
    assert!(html.contains("id=\"import-ok\"") && html.contains("Importera 1 informationstillgångar"), "{html}");
    let (_, list) = c.text("/assets?q=V%C3%A5rdplaner").await;
    assert!(!list.contains(">Vårdplaner<"), "the preview writes nothing");
    let r = upload(vec![("commit", "1".into()), ("text", good)]).await.unwrap();
    assert_eq!(r.status(), 303, "to the register");
    let to = r.headers()["location"].to_str().unwrap().to_owned();
    assert!(to.contains("msg=imported"), "{to}");
    assert!(c.text(&to).await.1.contains("Informationstillgångarna är importerade."));
    let (_, list) = c.text("/assets?q=V%C3%A5rdplaner").await;
    assert!(list.contains(">Vårdplaner<"), "{list}");
    t.stop().await;
}

#[tokio::test]
async fn an_excel_workbook_imports_like_its_csv() {
    let t = TestApp::spawn("sqlite").await;
    let c = t.signed_in("sara.lindqvist").await;
    let row = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let table = varn_app::export::Table {
        headers: row(&["Namn", "Ansvarig enhet", "Innehåller personuppgifter", "Personuppgiftsansvarig"]),
        rows: vec![
            row(&["Brukarundersökning", "Hemtjänst Väst", "ja", "Äldrenämnden"]),
            row(&["Fakturaunderlag", "Hemtjänst Öst", "kanske", ""]),
        ],
    };
    let xlsx = table.to_xlsx("Blad1").unwrap();
    let post = |bytes: Vec<u8>| {
        let form = reqwest::multipart::Form::new().part("file", reqwest::multipart::Part::bytes(bytes).file_name("tillgangar.xlsx"));
        c.http.post(c.url(&format!("/assets/import?_csrf={}", c.csrf))).multipart(form).send()
    };
    let r = post(xlsx).await.unwrap();
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("Skriv ja eller nej.") && html.contains("<td class=\"num\">3</td>"), "row 3's yes/no: {html}");
    let table = varn_app::export::Table { rows: vec![table.rows[0].clone()], ..table };
    let html = post(table.to_xlsx("Blad1").unwrap()).await.unwrap().text().await.unwrap();
    assert!(html.contains("id=\"import-ok\"") && html.contains("Brukarundersökning"), "{html}");
    // What travels with the confirmation is the sheet as CSV.
    let text = html.split("<textarea name=\"text\" hidden aria-hidden=\"true\">").nth(1).unwrap().split("</textarea>").next().unwrap();
    assert!(text.starts_with("Namn;Ansvarig enhet;"), "{text}");
    // Bytes that are neither text nor a workbook are refused at the field.
    let r = post(b"PK\x03\x04 not really a workbook".to_vec()).await.unwrap();
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Filen går inte att läsa"));
    t.stop().await;
}

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn carriers_import_on_the_same_terms(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let sara = api_as(&t, "sara.lindqvist").await;
    let post = |body: &'static str| {
        let r = sara.http.post(format!("{}/api/v1/carriers/import", sara.base)).bearer_auth(&sara.token).body(body).send();
        async move {
            let r = r.await.unwrap();
            (r.status().as_u16(), r.json::<Value>().await.unwrap())
        }
    };
    let before = sara.call(Method::GET, "/api/v1/carriers?limit=1", None).await.1["total"].as_i64().unwrap();
    const BAD: &str = "Namn;Slag;Ansvarig enhet;Drift;Överföring till tredjeland;Rättslig grund
Schemaläggning;IT-tjänst;Hemtjänst Öst;moln;ja;
Larmknappar;mobiltelefon;Hemtjänst Väst;;nej;
Nyckelskåp;IT-system;Hemtjänst Väst;;nej;
";
    let (s, v) = post(BAD).await;
    assert_eq!(s, 422, "{v}");
    let problems: Vec<(i64, String, String)> = v["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["line"].as_i64().unwrap(), p["field"].as_str().unwrap().into(), p["code"].as_str().unwrap().into()))
        .collect();
    for want in
        [(2, "transfer_basis", "err.asset.transfer_basis_required"), (3, "kind", "err.asset.kind_invalid"), (4, "hosting", "err.choose")]
    {
        assert!(problems.contains(&(want.0, want.1.into(), want.2.into())), "{want:?} in {problems:?}");
    }
    assert_eq!(sara.call(Method::GET, "/api/v1/carriers?limit=1", None).await.1["total"].as_i64().unwrap(), before, "nothing written");
    const GOOD: &str = "Name,Kind,Responsible unit,Hosting,Country,Third country,Legal basis
Schemaläggning,IT service,Hemtjänst Öst,cloud,USA,yes,Standardavtalsklausuler
Nyckelskåp,paper,Hemtjänst Väst,,,no,
";
    let (s, v) = post(GOOD).await;
    assert_eq!(s, 201, "{v}");
    let id = v["created"][0].as_i64().unwrap();
    let (_, c) = sara.call(Method::GET, &format!("/api/v1/carriers/{id}"), None).await;
    let m = &c["carrier"];
    assert_eq!(
        (m["kind"].as_str(), m["hosting"].as_str(), m["third_country"].as_bool(), m["transfer_basis"].as_str()),
        (Some("it_tjanst"), Some("moln"), Some(true), Some("Standardavtalsklausuler")),
        "{c}"
    );
    assert_eq!(sara.call(Method::GET, "/api/v1/carriers?limit=1", None).await.1["total"].as_i64().unwrap(), before + 2);
    t.stop().await;
}

/// The templates the pages offer, in each language, are read back column for column.
#[tokio::test]
async fn the_templates_headers_are_understood_in_both_languages() {
    let t = TestApp::spawn("sqlite").await;
    let c = t.signed_in("sara.lindqvist").await;
    for lang in ["sv", "en"] {
        c.get(&format!("/lang?to={lang}&back=%2F")).await;
        let (_, head) = c.text("/carriers/import/mall.csv").await;
        let yes = if lang == "sv" { "ja" } else { "yes" };
        let name = format!("Bokningssystem {lang}");
        let row =
            format!("{name};IT-system;Hemtjänst Öst;karin.berg;omar.haddad;Bokning AB;moln;USA;{yes};Standardavtalsklausuler;Bokar tider");
        let csv = format!("{}\n{row}\n", head.trim_end());
        let form = reqwest::multipart::Form::new().text("commit", "1").text("text", csv);
        let r = c.http.post(c.url(&format!("/carriers/import?_csrf={}", c.csrf))).multipart(form).send().await.unwrap();
        assert_eq!(r.status(), 303, "{lang}: {}", r.text().await.unwrap());
        let api = api_as(&t, "sara.lindqvist").await;
        let id = carrier_id(&t, &name).await;
        let (_, v) = api.call(Method::GET, &format!("/api/v1/carriers/{id}"), None).await;
        let m = &v["carrier"];
        let got = (
            m["system_owner_name"].as_str(),
            m["system_admin_name"].as_str(),
            m["supplier"].as_str(),
            m["country"].as_str(),
            m["third_country"].as_bool(),
            m["description"].as_str(),
        );
        assert_eq!(
            got,
            (Some("Karin Berg"), Some("Omar Haddad"), Some("Bokning AB"), Some("USA"), Some(true), Some("Bokar tider")),
            "{lang}: {v}"
        );
        let (_, head) = c.text("/assets/import/mall.csv").await;
        let aname = format!("Bokningar {lang}");
        let row = format!("{aname};Hemtjänst Öst;omar.haddad;Tider;text;Bokning;26 kap. 1 § OSL;{yes};{yes};Äldrenämnden");
        let form = reqwest::multipart::Form::new().text("commit", "1").text("text", format!("{}\n{row}\n", head.trim_end()));
        let r = c.http.post(c.url(&format!("/assets/import?_csrf={}", c.csrf))).multipart(form).send().await.unwrap();
        assert_eq!(r.status(), 303, "{lang}: {}", r.text().await.unwrap());
        let (_, a) = api.call(Method::GET, &format!("/api/v1/assets/{}", asset_id(&t, &aname).await), None).await;
        let a = &a["asset"];
        let got = (
            a["owner_name"].as_str(),
            a["osl"].as_str(),
            a["special_categories"].as_bool(),
            a["pua_unit_name"].as_str(),
            a["processes"].as_str(),
        );
        assert_eq!(got, (Some("Omar Haddad"), Some("26 kap. 1 § OSL"), Some(true), Some("Äldrenämnden"), Some("Bokning")), "{lang}: {a}");
    }
    t.stop().await;
}
