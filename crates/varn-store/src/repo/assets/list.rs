//! The register as a list: its filters, a page with its count, and a search's page read in
//! one pass on SQLite.

use super::{rows, scoped, AssetRow, AssetVisibility};
use crate::entity::{asset, asset_carrier, org_unit};
use crate::repo::{ListParams, Page};
use sea_orm::sea_query::Expr;
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
    if let Some(like) = p.like() {
        q = q.filter(crate::repo::like_on(backend, Expr::col((asset::Entity, asset::Column::SearchText)).into(), &like));
    }
    if let Some(path) = &f.under {
        // The subtree's units first (a few hundred at most), so that the assets are found
        // through their unit's index rather than by reading the whole register. PostgreSQL
        // hashes an `IN (SELECT …)` of units and reads all 25 000 assets past it (4.5 ms for a
        // nämnd's 22 units at storstad); given the ids as one array it reads them through the
        // unit's index (1.3 ms).
        q = match backend {
            DbBackend::Postgres => q.filter(Expr::cust(format!(
                "\"assets\".\"unit_id\" = ANY(ARRAY(SELECT \"id\" FROM \"org_units\" WHERE {}))",
                crate::under_path_sql("\"path\"", path)
            ))),
            _ => {
                let units = sea_orm::sea_query::Query::select()
                    .column(org_unit::Column::Id)
                    .from(org_unit::Entity)
                    .and_where(crate::under_path(Expr::col(org_unit::Column::Path).into(), path))
                    .to_owned();
                q.filter(Expr::col((asset::Entity, asset::Column::UnitId)).in_subquery(units))
            }
        };
    }
    match f.classified {
        Some(true) => q = q.filter(asset::Column::ClassificationId.is_not_null()),
        Some(false) => q = q.filter(asset::Column::ClassificationId.is_null()),
        None => {}
    }
    if let Some(l) = f.min_level {
        q = q.filter(asset::Column::MaxLevel.gte(l));
    }
    if let Some(d) = f.review_before {
        q = q.filter(asset::Column::NextReview.lt(d));
    }
    if let Some(o) = f.owner_user_id {
        q = q.filter(asset::Column::OwnerUserId.eq(o));
    }
    if let Some(c) = f.carrier_id {
        let on = sea_orm::sea_query::Query::select()
            .column(asset_carrier::Column::AssetId)
            .from(asset_carrier::Entity)
            .and_where(asset_carrier::Column::CarrierId.eq(c))
            .to_owned();
        q = q.filter(Expr::col((asset::Entity, asset::Column::Id)).in_subquery(on));
    }
    q
}

/// The visible assets that match, one page.
pub async fn list<D: ConnectionTrait + 'static>(
    db: &D,
    v: &AssetVisibility,
    f: &AssetFilter,
    p: &ListParams,
) -> Result<Page<AssetRow>, DbErr> {
    let mut b = crate::batch::Reads::on(db);
    let page = list_reads(&mut b, v, f, p);
    let mut got = b.run(db).await?;
    page.take(&mut got)
}

/// [`list`]'s reads (the page and its count) added to a larger batch.
pub fn list_reads(b: &mut crate::batch::Reads, v: &AssetVisibility, f: &AssetFilter, p: &ListParams) -> ListReads {
    let backend = b.backend();
    if let Some(st) = searched_once(backend, v, f, p) {
        return ListReads { reads: Reads::Once(b.add_statement(st)), page: p.page, per_page: p.per_page };
    }
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
    let reads = crate::repo::CountedPage::add(b, counted(v, f, p, backend), LIST_CAP, rows(q));
    ListReads { reads: Reads::Apart(reads), page: p.page, per_page: p.per_page }
}

/// How far a list's count goes.
const LIST_CAP: u64 = 100_000;

/// On SQLite, a page of a search in name order and its count read in one pass over what
/// matches: the assets that match are found once (a `MATERIALIZED` set of their ids and
/// names), counted, and the page taken from them in name order, and only its rows are joined
/// to their units and owners. Apart, the count and the page each tested every asset in reach
/// with `LIKE` (a nämnd's 663 classified assets twice for "akter", a fifth of the page's CPU in
/// SQLite's pattern match), and the page joined every match before its sort; a city-wide search
/// walked the register in name order testing each asset's row until its page was full (for
/// "akter", whose 2 500 matches sort late, about 15 000 rows: 16 ms). A list without a
/// search term is not read so: it is read in index order and stops at its page, where this
/// would find every asset in reach first. The set always yields one row, so that a page past
/// the last still has its count (its asset columns then empty).
fn searched_once(backend: DbBackend, v: &AssetVisibility, f: &AssetFilter, p: &ListParams) -> Option<Statement> {
    let n = p.per_page?;
    if backend != DbBackend::Sqlite || p.like().is_none() || !matches!(p.sort.as_deref(), None | Some("name")) {
        return None;
    }
    // Without the join to the units for a whole-city reader ([`counted`]): joined, SQLite
    // walked the units and looked up every asset of each to test it (25 000 for a city-wide
    // "akter": 23 ms against 4.9 ms for a scan of the register, Python's sqlite3).
    let matched = counted(v, f, p, backend).select_only().column(asset::Column::Id).column(asset::Column::Name).into_query();
    let inner = backend.build(&matched);
    let dir = if p.dir == crate::repo::Dir::Desc { "DESC" } else { "ASC" };
    let sql = format!(
        "WITH m AS MATERIALIZED ({}), \
         p AS (SELECT id, name FROM m ORDER BY name {dir}, id ASC LIMIT ? OFFSET ?) \
         SELECT (SELECT COUNT(*) FROM m) AS total, a.id, a.name, a.unit_id, a.owner_user_id, a.personal_data, a.max_level, \
         a.classified_on, a.next_review, u.name AS unit_name, o.display_name AS owner_name \
         FROM (SELECT 1) AS one LEFT JOIN p ON 1 LEFT JOIN assets AS a ON a.id = p.id \
         LEFT JOIN org_units AS u ON u.id = a.unit_id LEFT JOIN users AS o ON o.id = a.owner_user_id \
         ORDER BY p.name {dir}, p.id ASC",
        inner.sql
    );
    let mut values = inner.values.map(|v| v.0).unwrap_or_default();
    values.extend([Value::from(n), Value::from(p.offset())]);
    Some(Statement::from_sql_and_values(backend, sql, values))
}

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
    Once(crate::batch::Pending<SelectModel<Matched>>),
}

/// A page of the register added to a batch by [`list_reads`].
#[derive(Debug)]
#[must_use = "take the page with ListReads::take"]
pub struct ListReads {
    reads: Reads,
    page: u64,
    per_page: Option<u64>,
}

impl ListReads {
    /// The page, once the batch has run.
    pub fn take(self, got: &mut crate::batch::Got) -> Result<Page<AssetRow>, DbErr> {
        let (items, total, exact) = match self.reads {
            Reads::Apart(reads) => reads.take(got)?,
            Reads::Once(pending) => {
                let rows = got.take(pending)?;
                let total = rows.first().map_or(0, |r| r.total.max(0) as u64);
                let items = rows.into_iter().filter_map(|r| r.row).collect();
                if total > LIST_CAP {
                    (items, LIST_CAP, false)
                } else {
                    (items, total, true)
                }
            }
        };
        Ok(Page { items, total, page: self.page.max(1), per_page: self.per_page.unwrap_or(total.max(1)), exact })
    }
}
