//! axe-core's WCAG 2.1 A and AA rules on every page a crawl reaches, for four roles (the
//! samordnare, a unit head, an information owner and an employee): no violation. axe-core
//! comes from the npm registry (`.ci/run` installs it and names the file in `VARN_AXE_JS`);
//! with the browser tests on, a missing axe is a failure, not a skip.

use super::*;
use std::collections::{BTreeSet, VecDeque};

const RULES: &str = "const done = arguments[arguments.length - 1]; \
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }) \
      .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')))) \
      .catch(e => done(['axe did not run: ' + e]));";

#[tokio::test]
async fn axe_finds_no_wcag_violation_on_any_page_for_four_roles() {
    if !enabled() {
        return;
    }
    let path = std::env::var("VARN_AXE_JS").expect("VARN_AXE_JS names axe.min.js (npm install axe-core; .ci/run does)");
    let axe = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let t = TestApp::spawn("sqlite").await;
    let d = driver().await;
    let mut failures = Vec::new();
    let mut checked = 0;
    for user in ["sara.lindqvist", "karin.berg", "omar.haddad", "lisa.nilsson"] {
        let profile = tempfile::tempdir().unwrap();
        let c = browser_as(&d, profile.path(), None).await;
        sign_in(&c, &t.base, user, PASSWORD).await;
        see(&c, "h1", "Mina uppgifter").await;
        let mut queue: VecDeque<String> = VecDeque::from(["/tasks".to_owned(), "/incidents/new".to_owned()]);
        let mut seen: BTreeSet<String> = BTreeSet::new();
        while let Some(path) = queue.pop_front() {
            let key = path.split('?').next().unwrap_or_default().to_owned();
            if !seen.insert(key) || seen.len() > 45 {
                continue;
            }
            c.goto(&format!("{}{path}", t.base)).await.unwrap();
            c.execute(&format!("{axe}\nreturn true;"), vec![]).await.unwrap();
            let found = c.execute_async(RULES, vec![]).await.unwrap();
            for v in found.as_array().cloned().unwrap_or_default() {
                failures.push(format!("{user} {path}: {}", v.as_str().unwrap_or_default()));
            }
            checked += 1;
            queue.extend(phone::links(&c).await);
        }
        c.close().await.unwrap();
    }
    assert!(checked > 80, "axe checked {checked} pages");
    assert!(failures.is_empty(), "WCAG 2.1 AA violations found by axe-core:\n{}", failures.join("\n"));
    t.stop().await;
}
