//! Repositories: the queries of each area. Every list and find takes the caller's scope
//! and filters in SQL.

pub mod assets;
pub mod attachments;
pub mod audit;
pub mod authorities;
mod count;
pub mod documents;
pub mod incidents;
pub mod kept;
pub mod mail;
pub mod memo;
pub mod org;
pub mod risks;
pub mod select;
pub mod sessions;
pub mod settings;
pub mod tasks;
pub mod throttles;
pub mod tokens;
pub mod users;
pub mod work;

pub(crate) use count::capped_count_statement;
pub use count::{count_upto, page_counted, page_counted_by, page_counted_or_known, CountedPage};
use sea_orm::{ConnectionTrait, DbBackend, Statement, Value};
use serde::Serialize;

/// One page of a list, with the total that matched.
#[derive(Debug, Clone, Serialize)]
pub struct Page<T> {
    /// The rows of this page.
    pub items: Vec<T>,
    /// How many rows matched in all.
    pub total: u64,
    /// The page number, from 1.
    pub page: u64,
    /// Rows per page.
    pub per_page: u64,
    /// False when counting stopped at a cap: there are at least `total` rows.
    pub exact: bool,
}

impl<T> Page<T> {
    /// How many pages there are.
    pub fn pages(&self) -> u64 {
        self.total.div_ceil(self.per_page.max(1)).max(1)
    }
}

/// Sort direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dir {
    /// Ascending.
    #[default]
    Asc,
    /// Descending.
    Desc,
}

impl Dir {
    /// As SeaORM's order.
    pub fn order(self) -> sea_orm::Order {
        match self {
            Dir::Asc => sea_orm::Order::Asc,
            Dir::Desc => sea_orm::Order::Desc,
        }
    }
}

/// What every list takes: free-text search, sort, paging. `limit == None` means all rows
/// (exports).
#[derive(Debug, Clone, Default)]
pub struct ListParams {
    /// Free text.
    pub q: Option<String>,
    /// Sort key, validated by each list.
    pub sort: Option<String>,
    /// Direction.
    pub dir: Dir,
    /// Page, from 1.
    pub page: u64,
    /// Rows per page; `None` for everything.
    pub per_page: Option<u64>,
}

impl ListParams {
    /// The offset of the page.
    pub fn offset(&self) -> u64 {
        self.page.max(1).saturating_sub(1).saturating_mul(self.per_page.unwrap_or(0))
    }

    /// The search text with `LIKE` wildcards escaped, wrapped in `%`.
    pub fn like(&self) -> Option<String> {
        like_pattern(self.q.as_deref()?)
    }
}

/// `q` with `LIKE` wildcards escaped, lower-cased and wrapped in `%` (none when empty).
pub fn like_pattern(q: &str) -> Option<String> {
    let q = q.trim();
    if q.is_empty() {
        return None;
    }
    let esc: String = q.chars().flat_map(|c| if matches!(c, '%' | '_' | '\\') { vec!['\\', c] } else { vec![c] }).collect();
    Some(format!("%{}%", esc.to_lowercase()))
}

/// The first three letters of a search as the folded texts hold them (small letters): the
/// key into a table of trigrams (people m0027/m0028, documents m0030, assets m0032). None for
/// a search shorter than three letters.
pub(crate) fn first_trigram(typed: &str) -> Option<String> {
    let tri: String = typed.trim().to_lowercase().chars().take(3).collect();
    (tri.chars().count() == 3).then_some(tri)
}

/// Every distinct three-letter run of a search as the folded texts hold them (small letters),
/// in the order they first occur: any of them is held by every text the search matches. Empty
/// for a search shorter than three letters.
pub fn trigrams_of(typed: &str) -> Vec<String> {
    let chars: Vec<char> = typed.trim().to_lowercase().chars().collect();
    let mut out: Vec<String> = Vec::new();
    for w in chars.windows(3) {
        let t: String = w.iter().collect();
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// Builds a statement from SQL with `?` placeholders, numbered for PostgreSQL.
pub fn stmt<D: ConnectionTrait>(db: &D, sql: &str, values: Vec<Value>) -> Statement {
    let backend = db.get_database_backend();
    if backend == DbBackend::Postgres {
        let mut out = String::with_capacity(sql.len() + 8);
        let mut n = 0;
        for ch in sql.chars() {
            if ch == '?' {
                n += 1;
                out.push_str(&format!("${n}"));
            } else {
                out.push(ch);
            }
        }
        Statement::from_sql_and_values(backend, out, values)
    } else {
        Statement::from_sql_and_values(backend, sql, values)
    }
}

/// Case-insensitive `LIKE` on a column with `\` as escape, on both databases (the pattern
/// as [`like_on`] writes it).
pub(crate) fn ilike(backend: DbBackend, col: sea_orm::sea_query::SimpleExpr, pattern: &str) -> sea_orm::sea_query::SimpleExpr {
    use sea_orm::sea_query::Func;
    like_on(backend, Func::lower(col).into(), pattern)
}

/// `col LIKE pattern` with `\` as escape. On PostgreSQL the pattern is written into the
/// statement as a literal ([`pg_literal`]): Värn's connections plan a statement once for any
/// values (`crate::PG_PLAN_CACHE_MODE`), and a plan made for an unknown pattern guesses that
/// few rows match, so a common word ("riktlinje": 793 of 3 000 documents; "anna": 2 563 of
/// 50 000 people) was sorted whole instead of read in order (documents 2.3 → 4.2 ms, people
/// 1.9 → 6.1 ms); with the literal the plan is made for the pattern, each distinct search
/// its own statement. On SQLite the pattern is bound: its plans never depend on values; a
/// search's pattern (`%text%`, as [`like_pattern`] writes it) is asked as
/// `varn_contains(col, text)`, which our SQLite driver gives every connection
/// (vendor/sqlx-sqlite/VARN-PATCH.md): the same answer as the case-sensitive `LIKE` of
/// Värn's connections, without SQLite's pattern matcher (most of a nämnd's asset search).
pub(crate) fn like_on(backend: DbBackend, col: sea_orm::sea_query::SimpleExpr, pattern: &str) -> sea_orm::sea_query::SimpleExpr {
    use sea_orm::sea_query::{BinOper, Expr, Func, LikeExpr, SimpleExpr};
    if backend == DbBackend::Postgres {
        // Backslash is PostgreSQL's LIKE escape by default.
        return SimpleExpr::Binary(Box::new(col), BinOper::Like, Box::new(SimpleExpr::Custom(pg_literal(pattern))));
    }
    if let Some(text) = contained_text(pattern) {
        return Func::cust(sea_orm::sea_query::Alias::new("varn_contains")).arg(col).arg(text).into();
    }
    Expr::expr(col).like(LikeExpr::new(pattern).escape('\\'))
}

/// The text a pattern `%text%` (with `\` escaping `%`, `_` and `\`) finds anywhere in a
/// value; None when the pattern is of another shape (a wildcard inside it, an escape at its
/// end, no `%` at either end).
pub(crate) fn contained_text(pattern: &str) -> Option<String> {
    let inner = pattern.strip_prefix('%')?.strip_suffix('%')?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push(chars.next()?),
            '%' | '_' => return None,
            c => out.push(c),
        }
    }
    Some(out)
}

/// `text` as a PostgreSQL string constant: an escape string (`E'…'`), so that it means the
/// same whatever `standard_conforming_strings` says, with backslashes doubled, quotes doubled
/// and NUL characters (which no PostgreSQL text can hold) left out.
pub fn pg_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    out.push_str("E'");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("''"),
            '\0' => {}
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// Current time, truncated to microseconds so that what we write reads back equal on both
/// databases.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    let n = chrono::Utc::now();
    chrono::DateTime::from_timestamp_micros(n.timestamp_micros()).unwrap_or(n)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_search_pattern_gives_back_the_text_it_contains_and_no_other_pattern_does() {
        for typed in ["akter", "Dra%", "r_s", "k\\s", "\\", "%", "_", "o'brien", "åäö ÅÄÖ", "a\\%b"] {
            let pattern = like_pattern(typed).unwrap();
            assert_eq!(contained_text(&pattern).as_deref(), Some(typed.trim().to_lowercase().as_str()), "{pattern}");
        }
        assert_eq!(contained_text("%%").as_deref(), Some(""));
        for other in ["akter", "%akter", "akter%", "%ak%ter%", "%ak_ter%", "%akter\\%", "%", ""] {
            assert_eq!(contained_text(other), None, "{other}");
        }
        let sql = |b| {
            sea_orm::sea_query::Query::select()
                .expr(like_on(b, sea_orm::sea_query::Expr::col(sea_orm::sea_query::Alias::new("t")).into(), "%a\\_b%"))
                .to_owned()
                .build_any(&*b.get_query_builder())
                .0
        };
        assert_eq!(sql(DbBackend::Sqlite), r#"SELECT varn_contains("t", ?)"#);
        assert_eq!(sql(DbBackend::Postgres), r#"SELECT "t" LIKE (E'%a\\_b%')"#);
    }
}
