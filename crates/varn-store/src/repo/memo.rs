//! Statements whose shape depends on who asks and what they ask, built once per question.
//!
//! [`crate::repo::kept::Slot`] keeps the text of a query whose shape is always the same and
//! binds each call's values to it. Many of a page's reads are not of that kind: the reader's
//! scope is written into the statement as the paths of their units, and a list's filters
//! decide which conditions it has. SeaORM builds such a statement anew on every request:
//! each condition boxed and cloned, each identifier escaped and formatted. Counted with
//! `CALLGRIND=… scripts/cpu-per-request` at storstad (session 63): 18 % of a document's page
//! for its unit head, 16 % of the head's Mina uppgifter for its incidents, 12 % of a nämnd's
//! risk register.
//!
//! A [`Memo`] keeps whole statements (text and values) by a key the caller writes from
//! *everything* the statement is built from (the reader's scope, the filter, the page, the
//! ids): the same key always builds the same statement, so a statement found by its key is
//! the one the build would make. Nothing read from the database is kept, only the statement
//! that reads it. A memo holds at most [`Memo::CAP`] statements per database and starts afresh
//! when full.
//!
//! A key must name every input of the build, and a build must depend on nothing else (not
//! the clock: a statement with `now` in it is never memoised). The test
//! `a_memoised_statement_is_the_one_its_build_makes` checks the memoised queries against
//! fresh builds for several readers and filters.

use sea_orm::{DbBackend, Selector, SelectorTrait, Statement};
use std::collections::HashMap;
use std::marker::PhantomData;
use std::sync::{Mutex, OnceLock};

type Map<T> = Mutex<HashMap<Box<str>, T>>;

/// Where one query's statements are kept by their keys, per database (a `static` beside the
/// query). `T` is what the build makes: a statement, or several, or a statement with what
/// its reader needs to know of it.
#[derive(Debug)]
pub struct Memo<T = Statement> {
    sqlite: OnceLock<Map<T>>,
    postgres: OnceLock<Map<T>>,
}

impl<T: Clone> Memo<T> {
    /// How many statements a memo keeps per database before it starts afresh. A statement
    /// and its key take about 1–4 KB, so each memo stays within about 2 MB per database (the
    /// ten memos of session 63 within about 20 MB together, at worst).
    pub const CAP: usize = 512;

    /// Nothing kept yet.
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        Memo { sqlite: OnceLock::new(), postgres: OnceLock::new() }
    }

    fn of(&self, backend: DbBackend) -> Option<&Map<T>> {
        match backend {
            DbBackend::Sqlite => Some(self.sqlite.get_or_init(Map::default)),
            DbBackend::Postgres => Some(self.postgres.get_or_init(Map::default)),
            _ => None,
        }
    }

    /// What `build` makes for `key` on `backend`: kept, or built and kept.
    pub fn statement(&'static self, backend: DbBackend, key: &str, build: impl FnOnce() -> T) -> T {
        let Some(map) = self.of(backend) else { return build() };
        if let Some(st) = map.lock().ok().and_then(|m| m.get(key).cloned()) {
            return st;
        }
        let st = build();
        if let Ok(mut m) = map.lock() {
            if m.len() >= Self::CAP {
                m.clear();
            }
            m.insert(key.into(), st.clone());
        }
        st
    }

    /// Whether `key` is kept for `backend` (for tests).
    pub fn holds(&self, backend: DbBackend, key: &str) -> bool {
        self.of(backend).and_then(|m| m.lock().ok().map(|m| m.contains_key(key))).unwrap_or(false)
    }
}

impl Memo<Statement> {
    /// A SeaORM query kept by `key` (a [`crate::repo::kept::Read`] for a batch).
    pub fn keep<S, F>(&'static self, key: String, build: F) -> Memoed<S, F>
    where
        S: SelectorTrait,
        F: FnOnce() -> Selector<S>,
    {
        Memoed { memo: self, key, build, selector: PhantomData }
    }
}

/// A query kept in a [`Memo`] by its key.
#[must_use = "a query does nothing until it is run"]
pub struct Memoed<S, F> {
    memo: &'static Memo,
    key: String,
    build: F,
    selector: PhantomData<S>,
}

impl<S: SelectorTrait, F: FnOnce() -> Selector<S>> crate::repo::kept::Read for Memoed<S, F> {
    type S = S;
    fn statement(self, backend: DbBackend) -> Statement {
        let build = self.build;
        self.memo.statement(backend, &self.key, || build().into_statement(backend))
    }
    fn fresh(self, backend: DbBackend) -> Statement {
        (self.build)().into_statement(backend)
    }
    fn is_kept(&self, backend: DbBackend) -> bool {
        self.memo.holds(backend, &self.key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static M: Memo = Memo::new();

    #[test]
    fn a_key_finds_the_statement_built_for_it_and_a_full_memo_starts_afresh() {
        let st = |n: usize| Statement::from_string(DbBackend::Sqlite, format!("SELECT {n}"));
        let first = M.statement(DbBackend::Sqlite, "a", || st(1));
        assert_eq!(first.sql, "SELECT 1");
        // Found by its key: the build is not called again.
        assert_eq!(M.statement(DbBackend::Sqlite, "a", || st(2)).sql, "SELECT 1");
        // Another database keeps its own.
        assert_eq!(M.statement(DbBackend::Postgres, "a", || st(3)).sql, "SELECT 3");
        assert!(M.holds(DbBackend::Sqlite, "a") && !M.holds(DbBackend::Sqlite, "b"));
        for n in 0..Memo::<Statement>::CAP {
            let _ = M.statement(DbBackend::Sqlite, &format!("k{n}"), || st(n));
        }
        assert!(!M.holds(DbBackend::Sqlite, "a"), "a full memo starts afresh");
        assert!(M.of(DbBackend::Sqlite).and_then(|m| m.lock().ok().map(|m| m.len())).unwrap_or(0) <= Memo::<Statement>::CAP);
    }

    fn part(p: &str) -> varn_domain::Scope {
        varn_domain::Scope::Units(varn_domain::OrgPath::parse(p).into_iter().collect())
    }

    fn params(q: Option<&str>, sort: Option<&str>, page: u64) -> crate::repo::ListParams {
        crate::repo::ListParams { q: q.map(str::to_owned), sort: sort.map(str::to_owned), page, per_page: Some(50), ..Default::default() }
    }

    // Each list asked in turn with inputs that differ in one thing, then again: every batch
    // holds the statements a fresh build makes for its own inputs. A key that left an input
    // out would hand one reader or filter the statement of another.
    #[test]
    fn a_memoised_statement_is_the_one_its_build_makes() {
        use crate::batch::Reads;
        use crate::repo::{assets as a, risks as r};
        for backend in [DbBackend::Sqlite, DbBackend::Postgres] {
            let scopes = [varn_domain::Scope::All, part("/1/3/"), part("/1/4/"), varn_domain::Scope::None];
            let filters = [
                r::RiskFilter { open: true, ..Default::default() },
                r::RiskFilter { open: true, under: Some("/1/3/".into()), ..Default::default() },
                r::RiskFilter { open: true, min_score: Some(12), ..Default::default() },
                r::RiskFilter { open: true, max_score: Some(12), ..Default::default() },
            ];
            let pages = [params(None, None, 1), params(None, None, 2), params(Some("brand"), None, 1), params(None, Some("title"), 1)];
            for _ in 0..2 {
                for s in &scopes {
                    for f in &filters {
                        for p in &pages {
                            for known in [None, Some(7)] {
                                let mut b = Reads::new(backend);
                                let _ = r::list_reads_counted(&mut b, s, f, p, known);
                                let rows = r::page_statement(s, f, p, backend);
                                let mut want = vec![];
                                if known.is_none() {
                                    want.push(crate::repo::count::count_upto_statement(backend, r::filter(s, f, p, backend), r::CAP));
                                }
                                want.push(rows);
                                assert_eq!(b.statements(), &want[..], "{backend:?} {s:?} {f:?} {p:?} {known:?}");
                            }
                        }
                    }
                }
            }
            let readers = [
                a::AssetVisibility { read: varn_domain::Scope::All, write: varn_domain::Scope::None, user_id: 4 },
                a::AssetVisibility { read: part("/1/3/"), write: varn_domain::Scope::None, user_id: 4 },
                a::AssetVisibility { read: part("/1/3/"), write: varn_domain::Scope::None, user_id: 5 },
            ];
            let filters = [
                a::AssetFilter::default(),
                a::AssetFilter { under: Some("/1/3/".into()), classified: Some(true), ..Default::default() },
                a::AssetFilter { carrier_id: Some(5), ..Default::default() },
            ];
            let pages =
                [params(None, None, 1), params(Some("akter"), None, 1), params(Some("akter"), None, 2), params(None, Some("level"), 1)];
            for _ in 0..2 {
                for v in &readers {
                    for f in &filters {
                        for p in &pages {
                            for known in [None, Some((9, true))] {
                                let mut b = Reads::new(backend);
                                let _ = a::list_reads_counted(&mut b, v, f, p, known);
                                let want = match a::searched_once(backend, v, f, p, known.is_none()) {
                                    Some((st, _, _)) => vec![st],
                                    None => {
                                        let (rows, count) = a::apart(backend, v, f, p);
                                        if known.is_none() {
                                            vec![count, rows]
                                        } else {
                                            vec![rows]
                                        }
                                    }
                                };
                                assert_eq!(b.statements(), &want[..], "{backend:?} {v:?} {f:?} {p:?} {known:?}");
                            }
                        }
                    }
                }
            }
        }
    }

    // A document's reads, the risks an incident may be linked to and an authority's contacts,
    // by reader and id: each kept by its own key after its first build, and each the statement
    // a fresh build makes.
    #[test]
    fn a_documents_reads_an_incidents_candidates_and_an_authoritys_contacts_are_memoised_per_reader() {
        use crate::repo::documents::{children_query, find_query, titles_query, DocVisibility};
        use crate::repo::kept::Read;
        use crate::repo::risks::candidates_query;
        let vis =
            |read: varn_domain::Scope, chain: Vec<i64>| DocVisibility { write: varn_domain::Scope::None, read, chain, decides: vec![] };
        let readers = [
            vis(varn_domain::Scope::All, vec![]),
            vis(part("/1/3/"), vec![1, 3]),
            vis(part("/1/3/"), vec![1, 3, 9]),
            vis(part("/1/4/"), vec![]),
        ];
        for backend in [DbBackend::Sqlite, DbBackend::Postgres] {
            for _ in 0..2 {
                for v in &readers {
                    for id in [1, 2] {
                        let _ = find_query(v, id).statement(backend);
                        assert!(find_query(v, id).is_kept(backend), "{v:?} {id}");
                        assert_eq!(find_query(v, id).statement(backend), find_query(v, id).fresh(backend), "{v:?} {id}");
                        assert_eq!(children_query(v, id).statement(backend), children_query(v, id).fresh(backend), "{v:?} {id}");
                        assert_eq!(titles_query(v, vec![id, 7]).statement(backend), titles_query(v, vec![id, 7]).fresh(backend));
                    }
                }
                for s in [varn_domain::Scope::All, part("/1/3/"), part("/1/4/")] {
                    for path in ["/1/3/5/", "/1/4/"] {
                        for cap in [200, 10] {
                            let q = || candidates_query(&s, path, cap, backend);
                            assert_eq!(q().statement(backend), q().fresh(backend), "{s:?} {path} {cap}");
                            assert!(q().is_kept(backend));
                        }
                    }
                }
            }
            assert!(!find_query(&readers[0], 3).is_kept(backend), "another document: not yet built");
            use crate::repo::authorities::{contacts_reads, contacts_statements, ContactVisibility};
            let readers = [
                ContactVisibility { read: varn_domain::Scope::All, user_id: 4 },
                ContactVisibility { read: part("/1/3/"), user_id: 4 },
                ContactVisibility { read: varn_domain::Scope::None, user_id: 5 },
            ];
            for _ in 0..2 {
                for v in &readers {
                    for (id, page, known) in [(3, 1, None), (3, 2, None), (4, 1, None), (3, 1, Some((9, true)))] {
                        let mut b = crate::batch::Reads::new(backend);
                        let _ = contacts_reads(&mut b, v, id, page, 50, known);
                        let (items, count) = contacts_statements(backend, v, id, page, 50);
                        let want = if known.is_none() { vec![count, items] } else { vec![items] };
                        assert_eq!(b.statements(), &want[..], "{v:?} {id} {page} {known:?}");
                    }
                }
            }
        }
    }
}
