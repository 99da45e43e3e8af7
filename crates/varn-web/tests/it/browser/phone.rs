//! On a phone (390 CSS pixels, WCAG 1.4.10): no page the crawl reaches scrolls sideways, for
//! the samordnare, a unit head and an employee. The crawl follows the links of each page
//! (one page per path; downloads, exports and the API left out) from Mina uppgifter.

use super::*;
use std::collections::{BTreeSet, VecDeque};

/// The links of the page that lead to another page of ours.
pub(super) async fn links(c: &Client) -> Vec<String> {
    let js = "return Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'));";
    let v = c.execute(js, vec![]).await.unwrap();
    let skip = ["format=", "/logout", "/lang", "/static", "/api", "/attachments", "/pdf", "/export", "/template", "mailto:", "tel:"];
    v.as_array()
        .map(|a| a.iter().filter_map(|h| h.as_str()).map(|h| h.split('#').next().unwrap_or_default().to_owned()).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .filter(|h| h.starts_with('/') && !h.starts_with("//") && !skip.iter().any(|s| h.contains(s)))
        .collect()
}

/// The page's width beyond the screen's, and the first element that sticks out.
async fn overflow(c: &Client) -> Option<String> {
    let js = "const w = window.innerWidth; if (document.documentElement.scrollWidth <= w + 1) return null; \
              for (const e of document.querySelectorAll('body *')) { const r = e.getBoundingClientRect(); \
              if (r.right > w + 1 && getComputedStyle(e).position !== 'fixed') { \
              return document.documentElement.scrollWidth + 'px: ' + e.tagName.toLowerCase() + '.' + e.className + ' ' + (e.textContent || '').trim().slice(0, 40); } } \
              return document.documentElement.scrollWidth + 'px';";
    c.execute(js, vec![]).await.unwrap().as_str().map(str::to_owned)
}

#[tokio::test]
async fn no_page_the_crawl_reaches_scrolls_sideways_on_a_phone() {
    if !enabled() {
        return;
    }
    let t = TestApp::spawn("sqlite").await;
    let d = driver().await;
    let mut failures = Vec::new();
    let mut seen_pages = 0;
    for user in ["sara.lindqvist", "karin.berg", "lisa.nilsson"] {
        let profile = tempfile::tempdir().unwrap();
        let c = browser_as(&d, profile.path(), Some(390)).await;
        sign_in(&c, &t.base, user, PASSWORD).await;
        see(&c, "h1", "Mina uppgifter").await;
        let width = c.execute("return window.innerWidth;", vec![]).await.unwrap();
        assert_eq!(width.as_i64(), Some(390), "the phone's width");
        let mut queue: VecDeque<String> = VecDeque::from(["/tasks".to_owned()]);
        let mut seen: BTreeSet<String> = BTreeSet::new();
        while let Some(path) = queue.pop_front() {
            let key = path.split('?').next().unwrap_or_default().to_owned();
            if !seen.insert(key) || seen.len() > 60 {
                continue;
            }
            c.goto(&format!("{}{path}", t.base)).await.unwrap();
            if let Some(o) = overflow(&c).await {
                failures.push(format!("{user} {path}: {o}"));
            }
            queue.extend(links(&c).await);
        }
        seen_pages += seen.len();
        c.close().await.unwrap();
    }
    assert!(seen_pages > 60, "the crawl reached {seen_pages} pages");
    assert!(failures.is_empty(), "pages wider than the phone:\n{}", failures.join("\n"));
    t.stop().await;
}
