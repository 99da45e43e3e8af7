//! The shared list building block: search, filters, sort, pagination and CSV/XLSX export,
//! driven by the query string so every list view can be bookmarked.

pub mod spec;

pub use spec::{run, Column, ListSpec, Listed};

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
use serde::Deserialize;
use std::collections::BTreeMap;
use varn_app::export::Table;
use varn_app::{Dir, ListParams};

/// Rows per page of every list.
pub const PER_PAGE: u64 = 50;

/// The query string of a list.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ListQuery {
    /// Free-text search.
    #[serde(default)]
    pub q: Option<String>,
    /// Sort key.
    #[serde(default)]
    pub sort: Option<String>,
    /// `asc` or `desc`.
    #[serde(default)]
    pub dir: Option<String>,
    /// Page from 1.
    #[serde(default)]
    pub page: Option<String>,
    /// `csv` or `xlsx` to export every matching row.
    #[serde(default)]
    pub format: Option<String>,
    /// The list's own filters.
    #[serde(flatten)]
    pub filters: BTreeMap<String, String>,
}

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// Semicolon CSV with BOM.
    Csv,
    /// Excel.
    Xlsx,
}

impl ListQuery {
    /// The requested export, if any.
    pub fn export(&self) -> Option<Export> {
        match self.format.as_deref() {
            Some("csv") => Some(Export::Csv),
            Some("xlsx") => Some(Export::Xlsx),
            _ => None,
        }
    }

    /// A filter value, empty treated as absent.
    pub fn filter(&self, k: &str) -> Option<&str> {
        self.filters.get(k).map(|s| s.trim()).filter(|s| !s.is_empty())
    }

    /// The store's parameters (all rows when exporting).
    pub fn params(&self) -> ListParams {
        ListParams {
            q: self.q.clone().filter(|s| !s.trim().is_empty()),
            sort: self.sort.clone(),
            dir: if self.dir.as_deref() == Some("desc") { Dir::Desc } else { Dir::Asc },
            page: self.page.as_deref().and_then(|p| p.parse().ok()).unwrap_or(1).max(1),
            per_page: if self.export().is_some() { None } else { Some(PER_PAGE) },
        }
    }
}

/// What a list template needs to draw its controls.
pub struct ListView {
    base: String,
    /// Search text.
    pub q: String,
    sort: String,
    desc: bool,
    filters: BTreeMap<String, String>,
    /// Rows matched.
    pub total: u64,
    /// False when `total` is a lower bound (counting stopped at a cap).
    pub exact: bool,
    /// This page.
    pub page: u64,
    /// Pages.
    pub pages: u64,
    /// Whether this page is full: where the count stopped at a cap, there may be rows after it.
    more: bool,
}

fn enc(s: &str) -> String {
    utf8_percent_encode(s, NON_ALPHANUMERIC).to_string()
}

impl ListView {
    /// The view of a list at `base` after a query that matched `total` rows.
    pub fn new(base: &str, q: &ListQuery, total: u64) -> Self {
        let p = q.params();
        ListView {
            base: base.to_owned(),
            q: q.q.clone().unwrap_or_default(),
            sort: q.sort.clone().unwrap_or_default(),
            desc: p.dir == Dir::Desc,
            filters: q.filters.iter().filter(|(_, v)| !v.trim().is_empty()).map(|(k, v)| (k.clone(), v.clone())).collect(),
            total,
            exact: true,
            page: p.page,
            pages: total.div_ceil(PER_PAGE).max(1),
            more: false,
        }
    }

    /// The view of a list at `base` showing `page`: its count, whether the count stopped at
    /// a cap, and whether its rows fill it.
    pub fn for_page<T>(base: &str, q: &ListQuery, page: &varn_app::Page<T>) -> Self {
        Self::new(base, q, page.total).exact(page.exact).shown(page.items.len())
    }

    /// How many rows this page shows: a full page of a count stopped at its cap has a next
    /// page, whatever the pages the cap makes (a search of more than 1 000 assets pages on past
    /// its twentieth page).
    pub fn shown(mut self, rows: usize) -> Self {
        self.more = rows as u64 >= PER_PAGE;
        self
    }

    /// Marks the total as a lower bound when the count stopped at a cap.
    pub fn exact(mut self, exact: bool) -> Self {
        self.exact = exact;
        self
    }

    fn href(&self, sort: &str, desc: bool, page: u64, format: Option<&str>) -> String {
        let mut parts = Vec::new();
        if !self.q.is_empty() {
            parts.push(format!("q={}", enc(&self.q)));
        }
        for (k, v) in &self.filters {
            parts.push(format!("{}={}", enc(k), enc(v)));
        }
        if !sort.is_empty() {
            parts.push(format!("sort={}", enc(sort)));
            if desc {
                parts.push("dir=desc".into());
            }
        }
        if page > 1 {
            parts.push(format!("page={page}"));
        }
        if let Some(f) = format {
            parts.push(format!("format={f}"));
        }
        if parts.is_empty() {
            self.base.clone()
        } else {
            format!("{}?{}", self.base, parts.join("&"))
        }
    }

    /// The current filter value of `k`.
    pub fn f(&self, k: &str) -> &str {
        self.filters.get(k).map(String::as_str).unwrap_or("")
    }

    /// Link to page `n`.
    pub fn page_href(&self, n: u64) -> String {
        self.href(&self.sort, self.desc, n, None)
    }

    /// Whether there is a previous page: none when nothing matched at all (a page past the
    /// last of an empty search has nothing before it either).
    pub fn has_prev(&self) -> bool {
        self.page > 1 && self.total > 0
    }

    /// Whether there is a next page.
    pub fn has_next(&self) -> bool {
        self.page < self.pages || (!self.exact && self.more)
    }

    /// Previous page number: from a page past the last (an old link, a list that shrank),
    /// the last page, where the rows are; where the count stopped at a cap the last page is
    /// not known, so the page before.
    pub fn prev(&self) -> u64 {
        let before = self.page.saturating_sub(1);
        match self.exact {
            true => before.min(self.pages).max(1),
            false => before.max(1),
        }
    }

    /// Next page number.
    pub fn next(&self) -> u64 {
        self.page + 1
    }

    /// Link that sorts by `col` (toggling direction when already sorted by it).
    pub fn sort_href(&self, col: &str) -> String {
        let desc = self.sort == col && !self.desc;
        self.href(col, desc, 1, None)
    }

    /// `aria-sort` value of a column.
    pub fn aria_sort(&self, col: &str) -> &'static str {
        if self.sort != col {
            "none"
        } else if self.desc {
            "descending"
        } else {
            "ascending"
        }
    }

    /// Link to export in `fmt`.
    pub fn export_href(&self, fmt: &str) -> String {
        self.href(&self.sort, self.desc, 1, Some(fmt))
    }
}

/// Rows fetched per query while exporting: the whole result is never held as rows of the
/// database at once, only as the text that goes out.
pub const EXPORT_CHUNK: u64 = 2_000;

/// A filter that must be one of a code's values: an unknown one is a mistake at its field
/// (422), not an empty list.
pub fn code_filter<C: varn_domain::Code>(q: &ListQuery, name: &str) -> Result<Option<C>, varn_app::AppError> {
    varn_app::code_param(name, q.filter(name))
}

/// A yes/no filter (`yes`, `no`, or absent); anything else is a mistake at its field.
pub fn yes_no(q: &ListQuery, name: &str) -> Result<Option<bool>, varn_app::AppError> {
    match q.filter(name) {
        None => Ok(None),
        Some("yes") => Ok(Some(true)),
        Some("no") => Ok(Some(false)),
        Some(_) => Err(varn_app::AppError::field(name, "err.choose")),
    }
}

/// Waits for an export slot when the query asks for an export (none otherwise).
pub async fn export_slot<'a>(state: &'a crate::AppState, q: &ListQuery) -> Option<tokio::sync::SemaphorePermit<'a>> {
    match q.export() {
        Some(_) => state.exports.acquire().await.ok(),
        None => None,
    }
}

/// The download of an exported table.
pub fn download(t: &Table, export: Export, name: &str) -> Response {
    let (body, ct, ext) = match export {
        Export::Csv => (t.to_csv(), "text/csv; charset=utf-8", "csv"),
        Export::Xlsx => (t.to_xlsx(name), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    };
    match body {
        Ok(b) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, ct.to_owned()), (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}.{ext}\""))],
            b,
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "export failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_keep_search_filters_and_sort() {
        let mut q = ListQuery { q: Some("skola & co".into()), sort: Some("name".into()), ..Default::default() };
        q.filters.insert("kind".into(), "enhet".into());
        q.filters.insert("empty".into(), " ".into());
        let v = ListView::new("/org/list", &q, 120);
        assert_eq!(v.pages, 3);
        assert_eq!(v.page_href(2), "/org/list?q=skola%20%26%20co&kind=enhet&sort=name&page=2");
        assert_eq!(v.sort_href("name"), "/org/list?q=skola%20%26%20co&kind=enhet&sort=name&dir=desc");
        assert_eq!(v.aria_sort("name"), "ascending");
        assert_eq!(v.aria_sort("kind"), "none");
        assert_eq!(v.export_href("csv"), "/org/list?q=skola%20%26%20co&kind=enhet&sort=name&format=csv");
        assert!(!v.has_prev());
        assert!(v.has_next());
    }

    #[test]
    fn a_page_past_the_last_leads_back_to_the_rows() {
        let at = |page: &str, total: u64, exact: bool| {
            let q = ListQuery { q: Some("akter".into()), page: Some(page.into()), ..Default::default() };
            let v = ListView::new("/assets", &q, total).exact(exact);
            (v.has_prev(), v.prev(), v.has_next())
        };
        // 120 rows are three pages: from page 7 back to page 3, not to the empty page 6.
        assert_eq!(at("7", 120, true), (true, 3, false));
        assert_eq!(at("3", 120, true), (true, 2, false));
        assert_eq!(at("2", 120, true), (true, 1, true));
        // Nothing matched: no page before page 5 of nothing.
        assert_eq!(at("5", 0, true), (false, 1, false));
        // A count stopped at its cap: the last page is not known, so the page before.
        assert_eq!(at("30", 1_000, false), (true, 29, false));
        // Past the cap's pages while the pages are full, and not after the last full one.
        let next = |page: &str, total: u64, exact: bool, rows: usize| {
            let q = ListQuery { q: Some("akter".into()), page: Some(page.into()), ..Default::default() };
            let page = varn_app::Page { items: vec![(); rows], total, page: 0, per_page: PER_PAGE, exact };
            ListView::for_page("/assets", &q, &page).has_next()
        };
        assert!(next("20", 1_000, false, 50) && next("21", 1_000, false, 50));
        assert!(!next("21", 1_000, false, 12), "the last rows");
        assert!(!next("20", 1_000, true, 50), "exactly a thousand: twenty pages");
    }

    #[test]
    fn exports_fetch_everything() {
        let q = ListQuery { format: Some("xlsx".into()), page: Some("3".into()), ..Default::default() };
        assert_eq!(q.export(), Some(Export::Xlsx));
        assert_eq!(q.params().per_page, None);
        let q = ListQuery { page: Some("x".into()), ..Default::default() };
        assert_eq!(q.params().page, 1);
        assert_eq!(q.params().per_page, Some(PER_PAGE));
    }
}
