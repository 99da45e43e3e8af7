//! The module's pages: the register with its two heat maps, a risk's and an analysis's pages,
//! the forms (a mistake comes back with what was typed and the message at the field), and the
//! risks shown on an asset's and an incident's pages.

use super::*;
use rstest::rstest;

#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn the_register_its_heat_maps_and_the_forms_work_as_pages(#[case] b: &str) {
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let karin = t.signed_in("karin.berg").await;
    // The register of Socialnämnden's part: two heat maps, the demo risks, the levels in words.
    let (s, html) = karin.text("/risks").await;
    assert_eq!(s, 200);
    assert!(html.contains("id=\"heat-inherent\"") && html.contains("id=\"heat-residual\""), "two heat maps");
    assert!(html.contains(SOC_RISK) && !html.contains("Elevers uppgifter når fel vårdnadshavare"), "her part of the city only");
    assert!(html.contains("/static/risk-levels.css") && html.contains("Mycket hög"));
    let open_before = open_in(&html);
    assert_eq!(open_before, 3, "her three open demo risks: {html}");
    // The maps' HTML is kept by the page its cells link to: the register of one unit links
    // them to that unit's register, the whole register to its own.
    assert!(html.contains("href=\"/risks?cell=i-4-3\""), "{html}");
    let socf = t.id("Socialförvaltningen");
    let (s, unit) = karin.text(&format!("/risks?unit={socf}")).await;
    assert_eq!(s, 200);
    let linked = format!("href=\"/risks?unit={socf}&#38;cell=");
    assert!(unit.contains(&linked) && !unit.contains("href=\"/risks?cell="), "{unit}");
    // A cell of the heat map lists its risks: 4 × 3 (the misdirected e-mail) before treatment.
    let (s, cell) = karin.text("/risks?cell=i-4-3").await;
    assert_eq!(s, 200);
    assert!(cell.contains("Felskickad e-post med känsliga personuppgifter") && !cell.contains(SOC_RISK), "the cell's risks only");
    assert_eq!(karin.get("/risks?cell=x-9").await.status(), 422, "a malformed cell is a mistake, not an error");
    // The styles of the levels come from the city's matrix.
    let css = karin.get("/static/risk-levels.css").await.text().await.unwrap();
    assert!(css.contains(".heat-mycket_hog") && css.contains("#f6b3b3"), "{css}");

    // The analysis's page and a new risk through the form: a mistake keeps what was typed.
    let a = analysis_id(&t, SOC_ANALYSIS).await;
    let (s, html) = karin.text(&format!("/risks/analyses/{a}")).await;
    assert_eq!(s, 200);
    assert!(html.contains(SOC_RISK) && html.contains("Ny risk"));
    let (s, form) = karin.text(&format!("/risks/new?analysis={a}")).await;
    assert_eq!(s, 200);
    assert!(form.contains("Nätfiske och bedrägeri") && form.contains("3 – Sannolik"), "catalogue and scale from the data files");
    let aid = a.to_string();
    let fields = [
        ("analysis_id", aid.as_str()),
        ("title", "Lösenord delas i handläggargruppen"),
        ("threat", "missbruk"),
        ("vulnerability", ""),
        ("likelihood", "3"),
        ("consequence", "9"),
        ("aspect_k", "on"),
        ("treatment_plan", "Personliga konton <script>"),
    ];
    let r = karin.post_form("/risks", &fields).await;
    assert_eq!(r.status(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("value=\"Lösenord delas i handläggargruppen\""), "the title kept");
    assert!(
        html.contains("Personliga konton &#60;script&#62;") || html.contains("Personliga konton &lt;script&gt;"),
        "the plan kept, escaped: {html}"
    );
    assert!(html.contains("<option value=\"missbruk\" selected>"), "the threat kept");
    assert!(html.contains("name=\"aspect_k\" checked"), "the aspect kept");
    assert!(
        html.contains("id=\"e-vulnerability\"") && html.contains("id=\"e-consequence\"") && html.contains("Välj ett värde på skalan."),
        "messages at the fields"
    );
    let mut fixed = fields.to_vec();
    fixed[3] = ("vulnerability", "kunskap");
    fixed[5] = ("consequence", "2");
    let r = karin.post_form("/risks", &fixed).await;
    assert_eq!(r.status(), 303);
    let to = r.headers()["location"].to_str().unwrap().to_owned();
    let (s, page) = karin.text(&to).await;
    assert_eq!(s, 200);
    assert!(
        page.contains("Risken är registrerad.") && page.contains("Avsiktligt missbruk av behörighet") && page.contains("Medel"),
        "{to}"
    );
    assert!(page.contains("Acceptera risken"), "a head over it may accept");
    // The heat maps are kept between writes, never past one: the new risk is counted at once.
    let (_, html) = karin.text("/risks").await;
    assert_eq!(open_in(&html), open_before + 1, "{html}");
    // The list's count is the maps' total while they are kept (the second read), and its
    // own count when a search narrows the list below what the maps count.
    let (_, again) = karin.text("/risks").await;
    assert_eq!(listed_in(&again), open_before + 1, "the count of the list beside kept maps: {again}");
    let (_, searched) = karin.text("/risks?q=handl%C3%A4ggargruppen").await;
    assert_eq!(open_in(&searched), open_before + 1, "the maps ignore the search");
    assert_eq!(listed_in(&searched), 1, "the search's own count: {searched}");

    // The asset's page shows the risks that concern it; the incident's the risk it concerns.
    let barn = crate::assets::asset_id(&t, "Socialtjänstens akter – barn och unga").await;
    let (_, asset) = karin.text(&format!("/assets/{barn}")).await;
    assert!(asset.contains("Risker som gäller informationstillgången") && asset.contains(SOC_RISK));
    let inc = crate::incidents::incident_id(&t, "Journalanteckningar skickade till fel mottagare").await;
    let (_, incident) = karin.text(&format!("/incidents/{inc}")).await;
    assert!(incident.contains("Risker som incidenten gäller") && incident.contains("Felskickad e-post med känsliga personuppgifter"));

    // In English.
    let en = karin.get("/lang?to=en&back=/risks").await;
    assert!(en.status().is_redirection());
    let (_, html) = karin.text("/risks").await;
    assert!(html.contains("Heat map") && html.contains("After treatment") && html.contains("Very high"), "English labels");
    // An employee has no risk register.
    assert_eq!(t.signed_in("lisa.nilsson").await.get("/risks").await.status(), 403);
    t.stop().await;
}

/// The count above the register's list ("12 totalt").
fn listed_in(html: &str) -> i64 {
    let at = html.find("<p data-count>").unwrap_or_else(|| panic!("no list count: {html}")) + "<p data-count>".len();
    html[at..].split_whitespace().next().unwrap().parse().unwrap()
}

/// The open risks the register's first heat map counts ("(4 öppna risker)").
fn open_in(html: &str) -> i64 {
    let at = html.find(" öppna risker)").unwrap_or_else(|| panic!("no count: {html}"));
    let start = html[..at].rfind('(').unwrap();
    html[start + 1..at].trim().parse().unwrap()
}

/// The register's page in its default order is read bounded to the residual scores the kept
/// heat map says fill it: every page, both ways, is the page read without the map, and when
/// the map has fallen behind a change it did not see (another server's write), the short
/// bounded page is read again without the bound. Every page is also the slice of the whole
/// register sorted by its statement (a page is read as ids chosen, joined and sorted again).
#[rstest]
#[case::sqlite("sqlite")]
#[case::postgres("postgres")]
#[tokio::test]
async fn the_register_bounded_by_its_kept_heat_map_is_the_register_read_whole(#[case] b: &str) {
    use varn_store::repo::{risks::RiskFilter, Dir, ListParams};
    if skip(b) {
        return;
    }
    let t = TestApp::spawn(b).await;
    let u = varn_store::repo::users::by_username(t.app.store.read(), "sara.lindqvist").await.unwrap().unwrap();
    let sara = varn_app::auth::load_actor(t.app.store.read(), &u).await.unwrap();
    let f = RiskFilter { open: true, ..Default::default() };
    let risks = t.app.risks();
    let ids = |p: &varn_store::repo::Page<varn_store::repo::risks::RiskRow>| p.items.iter().map(|r| r.id).collect::<Vec<_>>();
    let all = risks.list(&sara, None, &f, &ListParams { per_page: None, ..Default::default() }).await.unwrap();
    let open = all.items.len() as u64;
    assert!(open >= 6, "the demo city's open risks: {open}");
    let scores: std::collections::BTreeSet<i64> = all.items.iter().map(|r| r.residual_score).collect();
    assert!(scores.len() >= 3, "risks at several levels, so a bound leaves some out: {scores:?}");
    risks.register(&sara, None, &f, &ListParams::default()).await.unwrap(); // the maps kept
    for dir in [Dir::Asc, Dir::Desc] {
        // The whole register in one statement, sorted by its `ORDER BY`: a page's rows, read
        // as ids chosen and then joined and sorted again in Rust, are its slice.
        let sorted = ids(&risks.list(&sara, None, &f, &ListParams { per_page: None, dir, ..Default::default() }).await.unwrap());
        for page in 1..=open.div_ceil(2) {
            let p = ListParams { page, per_page: Some(2), dir, ..Default::default() };
            let whole = risks.list(&sara, None, &f, &p).await.unwrap();
            let slice = &sorted[(page as usize - 1) * 2..sorted.len().min(page as usize * 2)];
            assert_eq!(ids(&whole), slice, "page {page} {dir:?} in the statement's order");
            let bounded = risks.register(&sara, None, &f, &p).await.unwrap().page;
            assert_eq!(ids(&bounded), ids(&whole), "page {page} {dir:?}");
            assert_eq!(bounded.total, open);
        }
    }
    // Close the highest, down to the second's level, behind the app's back: the kept map
    // still counts them, so the bound it gives finds none.
    let top = risks.list(&sara, None, &f, &ListParams { per_page: Some(2), ..Default::default() }).await.unwrap();
    let (first, level) = (top.items[0].id, top.items[1].residual_score);
    let sql = format!("UPDATE risks SET status = 'avslutad' WHERE status <> 'avslutad' AND residual_score >= {level}");
    sea_orm::ConnectionTrait::execute_unprepared(t.app.store.write(), &sql).await.unwrap();
    let p = ListParams { per_page: Some(2), ..Default::default() };
    let whole = risks.list(&sara, None, &f, &p).await.unwrap();
    assert_eq!(whole.items.len(), 2, "open risks left below the closed level");
    assert!(!ids(&whole).contains(&first) && whole.items.iter().all(|r| r.residual_score < level));
    let bounded = risks.register(&sara, None, &f, &p).await.unwrap();
    assert_eq!(bounded.residual.total as u64, open, "the map kept from before the change");
    assert_eq!(ids(&bounded.page), ids(&whole), "the short bounded page read again whole");
    t.stop().await;
}
