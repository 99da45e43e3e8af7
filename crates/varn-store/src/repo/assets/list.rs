//! The register as a list: its filters, a page with its count, and a search's page read in
//! one pass on SQLite.

use super::trigram::through_trigram;
use super::{rows, scoped, AssetRow, AssetVisibility};
use crate::entity::{asset, asset_carrier, org_unit};
use crate::repo::memo::Memo;
use crate::repo::{ListParams, Page};
use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::*;

/// Filters of the register.
#[derive(Debug, Clone, Default)]
pub struct AssetFilter {
    /// Owned by this unit or one below it (the app turns it into `under`).
    pub unit_id: Option<i64>,
    /// Owned by a unit in this subtree (its path).
    pub under: Option<String>,
    /// Classified (true) or not yet (false).
    pub classified: Option<bool>,
    /// The highest level at least this.
    pub min_level: Option<i64>,
    /// Review date before this day (overdue when it is today).
    pub review_before: Option<chrono::NaiveDate>,
    /// Owned by this person.
    pub owner_user_id: Option<i64>,
    /// Living on this carrier.
    pub carrier_id: Option<i64>,
    /// The three letters of the search that a search of the whole city reads its assets by
    /// ([`by_trigram`]): one of the search's own, the rarest in the register as the app last
    /// counted them ([`trigram_rows`]). The first three letters when none is given, or when it
    /// is not one of the search's.
    pub key_trigram: Option<String>,
}

/// Whether a search of `f` reads its assets through the trigrams of the search
/// (`assets_trigrams`, m0032) rather than through the reader's units: a reader of the whole
/// city with no subtree chosen (and a search of three letters or more).
pub fn by_trigram(v: &AssetVisibility, f: &AssetFilter) -> bool {
    v.sees_all() && f.under.is_none()
}

/// How many assets hold each of `tris` (three-letter runs of a search, as
/// [`crate::repo::trigrams_of`] gives them), counted from the trigrams' index alone; a trigram no
/// asset holds is left out. For choosing the rarest as a search's [`AssetFilter::key_trigram`].
pub async fn trigram_rows<D: ConnectionTrait>(db: &D, tris: &[String]) -> Result<Vec<(String, i64)>, DbErr> {
    if tris.is_empty() {
        return Ok(vec![]);
    }
    let marks = vec!["?"; tris.len()].join(", ");
    let sql = format!("SELECT tri, COUNT(*) FROM assets_trigrams WHERE tri IN ({marks}) GROUP BY tri");
    let values = tris.iter().map(|t| Value::from(t.as_str())).collect();
    let rows = db.query_all(crate::repo::stmt(db, &sql, values)).await?;
    rows.iter().map(|r| Ok((r.try_get_by_index::<String>(0)?, r.try_get_by_index::<i64>(1)?))).collect()
}

/// The sort keys of the register (the first is the default).
pub const SORTS: &[&str] = &["name", "unit", "level", "review"];

fn filtered(v: &AssetVisibility, f: &AssetFilter, p: &ListParams, backend: DbBackend) -> Select<asset::Entity> {
    filter(scoped(v), f, p, backend)
}

/// What to count of [`filtered`]: without the join to the units when the reader sees the
/// whole city (every asset has its unit, so the join changes no count, and the count reads
/// only the register's smallest index: 25 000 assets in about a tenth of the time).
fn counted(v: &AssetVisibility, f: &AssetFilter, p: &ListParams, backend: DbBackend) -> Select<asset::Entity> {
    if v.sees_all() {
        filter(crate::repo::select::find::<asset::Entity>(), f, p, backend)
    } else {
        filtered(v, f, p, backend)
    }
}

/// The filters of the register on `q` (assets, perhaps joined with their units).
fn filter(mut q: Select<asset::Entity>, f: &AssetFilter, p: &ListParams, backend: DbBackend) -> Select<asset::Entity> {
    for c in conditions(f, p, backend, Expr::col((asset::Entity, asset::Column::SearchText)).into()) {
        q = q.filter(c);
    }
    q
}

/// The register's filters as conditions on `assets`, the search tested on `text` (the
/// asset's `search_text`, or a trigram row's copy of it).
pub(super) fn conditions(f: &AssetFilter, p: &ListParams, backend: DbBackend, text: SimpleExpr) -> Vec<SimpleExpr> {
    let mut c = Vec::new();
    if let Some(like) = p.like() {
        c.push(crate::repo::like_on(backend, text, &like));
    }
    if let Some(path) = &f.under {
        // The subtree's units first (a few hundred at most), so that the assets are found
        // through their unit's index rather than by reading the whole register. PostgreSQL
        // hashes an `IN (SELECT …)` of units and reads all 25 000 assets past it (4.5 ms for a
        // nämnd's 22 units at storstad); given the ids as one array it reads them through the
        // unit's index (1.3 ms).
        c.push(match backend {
            DbBackend::Postgres => Expr::cust(format!(
                "\"assets\".\"unit_id\" = ANY(ARRAY(SELECT \"id\" FROM \"org_units\" WHERE {}))",
                crate::under_path_sql("\"path\"", path)
            )),
            _ => {
                let units = sea_orm::sea_query::Query::select()
                    .column(org_unit::Column::Id)
                    .from(org_unit::Entity)
                    .and_where(crate::under_path(Expr::col(org_unit::Column::Path).into(), path))
                    .to_owned();
                Expr::col((asset::Entity, asset::Column::UnitId)).in_subquery(units)
            }
        });
    }
    let col = |k: asset::Column| Expr::col((asset::Entity, k));
    match f.classified {
        Some(true) => c.push(col(asset::Column::ClassificationId).is_not_null()),
        Some(false) => c.push(col(asset::Column::ClassificationId).is_null()),
        None => {}
    }
    if let Some(l) = f.min_level {
        c.push(col(asset::Column::MaxLevel).gte(l));
    }
    if let Some(d) = f.review_before {
        c.push(col(asset::Column::NextReview).lt(d));
    }
    if let Some(o) = f.owner_user_id {
        c.push(col(asset::Column::OwnerUserId).eq(o));
    }
    if let Some(carrier) = f.carrier_id {
        let on = sea_orm::sea_query::Query::select()
            .column(asset_carrier::Column::AssetId)
            .from(asset_carrier::Entity)
            .and_where(asset_carrier::Column::CarrierId.eq(carrier))
            .to_owned();
        c.push(col(asset::Column::Id).in_subquery(on));
    }
    c
}

/// The visible assets that match, one page.
pub async fn list<D: ConnectionTrait + 'static>(
    db: &D,
    v: &AssetVisibility,
    f: &AssetFilter,
    p: &ListParams,
) -> Result<Page<AssetRow>, DbErr> {
    list_counted(db, v, f, p, None).await
}

/// [`list`], its count given when it is `known` (the total and whether it is exact, as
/// [`list`] counted the same reader's assets, filter and search): a search of the whole city
/// then reads only its page.
pub async fn list_counted<D: ConnectionTrait + 'static>(
    db: &D,
    v: &AssetVisibility,
    f: &AssetFilter,
    p: &ListParams,
    known: Option<(u64, bool)>,
) -> Result<Page<AssetRow>, DbErr> {
    let mut b = crate::batch::Reads::on(db);
    let page = list_reads_counted(&mut b, v, f, p, known);
    let mut got = b.run(db).await?;
    page.take(&mut got)
}

/// [`list`]'s reads (the page and its count) added to a larger batch.
pub fn list_reads(b: &mut crate::batch::Reads, v: &AssetVisibility, f: &AssetFilter, p: &ListParams) -> ListReads {
    list_reads_counted(b, v, f, p, None)
}

/// [`list_reads`] with the count given when it is `known` ([`list_counted`]).
pub(crate) fn list_reads_counted(
    b: &mut crate::batch::Reads,
    v: &AssetVisibility,
    f: &AssetFilter,
    p: &ListParams,
    known: Option<(u64, bool)>,
) -> ListReads {
    let backend = b.backend();
    // Built once for each reader, filter and page (see `memo`): 10 % of a carrier's page went
    // to building its assets' page and count.
    static ONCE: Memo<Option<(Statement, u64, bool)>> = Memo::new();
    static APART: Memo<(Statement, Statement)> = Memo::new();
    let key = format!("{v:?}|{f:?}|{p:?}|{}", known.is_none());
    if let Some((st, cap, resort)) = ONCE.statement(backend, &key, || searched_once(backend, v, f, p, known.is_none())) {
        // The page without its count on SQLite ([`searched_once`]) is sorted here too.
        let resort = resort.then_some(p.dir);
        return ListReads { reads: Reads::Once(b.add_statement(st), cap, resort), page: p.page, per_page: p.per_page, known };
    }
    let built = APART.statement(backend, &key, || apart(backend, v, f, p));
    // A known count is given in place of the page's in `ListReads::take`.
    let reads = crate::repo::CountedPage::add_built(b, built, known.map(|_| 0), LIST_CAP);
    ListReads { reads: Reads::Apart(reads), page: p.page, per_page: p.per_page, known }
}

/// The page of a list and its count, read apart (`v`, `f` and `p` are the whole key of its
/// memo).
pub(crate) fn apart(backend: DbBackend, v: &AssetVisibility, f: &AssetFilter, p: &ListParams) -> (Statement, Statement) {
    let q = filtered(v, f, p, backend);
    let name = Expr::col((asset::Entity, asset::Column::Name));
    let q = match p.sort.as_deref() {
        Some("unit") => q.order_by(Expr::col((org_unit::Entity, org_unit::Column::Name)), p.dir.order()).order_by_asc(name),
        Some("level") => q.order_by(asset::Column::MaxLevel, p.dir.order()).order_by_asc(name),
        Some("review") => q.order_by(asset::Column::NextReview, p.dir.order()).order_by_asc(asset::Column::Id),
        _ => q.order_by(name, p.dir.order()).order_by_asc(Expr::col((asset::Entity, asset::Column::Id))),
    };
    let q = match p.per_page {
        Some(n) => q.offset(p.offset()).limit(n),
        None => q,
    };
    (rows(q).into_statement(backend), crate::repo::count::count_upto_statement(backend, counted(v, f, p, backend), LIST_CAP))
}

/// How far a list's count goes.
const LIST_CAP: u64 = 100_000;

/// How far the count of a search of the whole city goes ([`through_trigram`]), as the user
/// list's: "more than 1 000" is what such a search needs to show, and counting every match
/// was most of its cost (the 2 500 of "akter" among the 3 750 assets that hold "kte": 254 µs
/// in SQLite, against 71 µs stopped after 1 001).
pub const SEARCH_CAP: u64 = 1_000;

/// A page of a search in name order and its count read in one statement. A search of the
/// whole city reads the assets that hold its first three letters ([`through_trigram`]), on
/// both databases. Otherwise on SQLite the assets that match are found once (a
/// `MATERIALIZED` set of their ids and names), counted, and the page taken from them in name
/// order, and only its rows are joined to their units and owners: apart, the count and the
/// page each tested every asset in reach with `LIKE` (a nämnd's 663 classified assets twice
/// for "akter", a fifth of the page's CPU in SQLite's pattern match), and the page joined
/// every match before its sort. PostgreSQL reads such a page and its count apart, as before.
/// A list without a search term is not read so: it is read in index order and stops at its
/// page, where this would find every asset in reach first. The statement always yields one
/// row, so that a page past the last still has its count (its asset columns then empty).
/// Once the count is kept (`count` false), SQLite reads only the page: the matches sorted and
/// `LIMIT`ed as they are found, then joined, without the set kept and counted.
/// With the statement, how far its count goes and whether its rows are to be sorted again
/// (the page read without its count on SQLite). Without `count` the total is 0: the caller
/// knows it.
pub(crate) fn searched_once(
    backend: DbBackend,
    v: &AssetVisibility,
    f: &AssetFilter,
    p: &ListParams,
    count: bool,
) -> Option<(Statement, u64, bool)> {
    let n = p.per_page?;
    if p.like().is_none() || !matches!(p.sort.as_deref(), None | Some("name")) {
        return None;
    }
    if let Some(st) = through_trigram(backend, v, f, p, n, count) {
        return Some((st, SEARCH_CAP, false));
    }
    if backend != DbBackend::Sqlite {
        return None;
    }
    // Without the join to the units for a whole-city reader ([`counted`]; a search shorter than
    // three letters): joined, SQLite walked the units and looked up every asset of each to test
    // it (25 000 for a city-wide "akter": 23 ms against 4.9 ms for a scan of the register).
    let matched = counted(v, f, p, backend).select_only().column(asset::Column::Id).column(asset::Column::Name).into_query();
    let inner = backend.build(&matched);
    let dir = if p.dir == crate::repo::Dir::Desc { "DESC" } else { "ASC" };
    if !count {
        // The count known: only the page, sorted as it is found and then joined, without the
        // set of every match kept to be counted (a nämnd's "akter": 190 → 155 µs in SQLite).
        // The rows come in the page's order; `ListReads::take` sorts them again to be sure.
        let sql = format!(
            "SELECT CAST(0 AS BIGINT) AS total, {ROW} FROM ({} ORDER BY \"assets\".\"name\" {dir}, \"assets\".\"id\" ASC LIMIT ? OFFSET ?) AS p \
             {JOINED}",
            inner.sql
        );
        let mut values = inner.values.map(|v| v.0).unwrap_or_default();
        values.extend([Value::from(n), Value::from(p.offset())]);
        return Some((Statement::from_sql_and_values(backend, sql, values), LIST_CAP, true));
    }
    let sql = format!(
        "WITH m AS MATERIALIZED ({}), p AS (SELECT id, name FROM m ORDER BY name {dir}, id ASC LIMIT ? OFFSET ?) \
         SELECT (SELECT COUNT(*) FROM m) AS total, {ROW} FROM (SELECT 1) AS one LEFT JOIN p ON TRUE {JOINED} \
         ORDER BY p.name {dir}, p.id ASC",
        inner.sql
    );
    let mut values = inner.values.map(|v| v.0).unwrap_or_default();
    values.extend([Value::from(n), Value::from(p.offset())]);
    Some((Statement::from_sql_and_values(backend, sql, values), LIST_CAP, false))
}

/// The columns of a page's row (the asset `a`, its unit `u`, its owner `o`), and their joins
/// from the page `p` in [`searched_once`]'s text.
pub(super) const ROW: &str = "a.id, a.name, a.unit_id, a.owner_user_id, a.personal_data, a.max_level, a.classified_on, a.next_review, \
     u.name AS unit_name, o.display_name AS owner_name";
pub(super) const JOINED: &str = "LEFT JOIN assets AS a ON a.id = p.id LEFT JOIN org_units AS u ON u.id = a.unit_id \
     LEFT JOIN users AS o ON o.id = a.owner_user_id";

/// A row of [`searched_once`]: the count, and an asset of the page (none when the page is
/// past the last).
#[derive(Debug)]
struct Matched {
    total: i64,
    row: Option<AssetRow>,
}

impl FromQueryResult for Matched {
    fn from_query_result(res: &QueryResult, pre: &str) -> Result<Self, DbErr> {
        let total = res.try_get(pre, "total")?;
        let id: Option<i64> = res.try_get(pre, "id")?;
        let row = match id {
            Some(_) => Some(AssetRow::from_query_result(res, pre)?),
            None => None,
        };
        Ok(Matched { total, row })
    }
}

/// How a page of the register is read: its rows and count apart, or in one pass.
#[derive(Debug)]
enum Reads {
    Apart(crate::repo::CountedPage<SelectModel<AssetRow>>),
    /// With the order to sort the rows in when the statement does not ([`searched_once`]
    /// without its count).
    Once(crate::batch::Pending<SelectModel<Matched>>, u64, Option<crate::repo::Dir>),
}

/// A page of the register added to a batch by [`list_reads`].
#[derive(Debug)]
#[must_use = "take the page with ListReads::take"]
pub struct ListReads {
    reads: Reads,
    page: u64,
    per_page: Option<u64>,
    /// The count given ([`list_counted`]), in place of what the reads say.
    known: Option<(u64, bool)>,
}

impl ListReads {
    /// The page, once the batch has run.
    pub fn take(self, got: &mut crate::batch::Got) -> Result<Page<AssetRow>, DbErr> {
        let (items, mut total, mut exact) = match self.reads {
            Reads::Apart(reads) => reads.take(got)?,
            Reads::Once(pending, cap, resort) => {
                let rows = got.take(pending)?;
                let total = rows.first().map_or(0, |r| r.total.max(0) as u64);
                let mut items: Vec<AssetRow> = rows.into_iter().filter_map(|r| r.row).collect();
                if let Some(dir) = resort {
                    // By name as SQLite's BINARY collation orders it (bytes), then id.
                    items.sort_by(|a, b| {
                        let by_name = a.name.cmp(&b.name);
                        let by_name = if dir == crate::repo::Dir::Desc { by_name.reverse() } else { by_name };
                        by_name.then(a.id.cmp(&b.id))
                    });
                }
                if total > cap {
                    (items, cap, false)
                } else {
                    (items, total, true)
                }
            }
        };
        if let Some(k) = self.known {
            (total, exact) = k;
        }
        Ok(Page { items, total, page: self.page.max(1), per_page: self.per_page.unwrap_or(total.max(1)), exact })
    }
}
