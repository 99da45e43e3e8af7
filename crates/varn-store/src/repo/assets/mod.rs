//! Information assets: the register, the carriers each lives on, classification and the
//! handlingsplan. Who may see what is decided in the query ([`AssetVisibility`]).

mod carriers;
mod classify;
mod reports;

pub use carriers::*;
pub use classify::*;
pub use reports::*;

use crate::entity::{asset, asset_carrier, org_unit, user};
use crate::repo::{ListParams, Page};
use crate::scope_condition;
use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::*;
use varn_domain::Scope;

/// What a user may see of the asset register.
#[derive(Debug, Clone)]
pub struct AssetVisibility {
    /// Where they read every asset (AssetRead).
    pub read: Scope,
    /// Where they change every asset (AssetWrite).
    pub write: Scope,
    /// The user: the assets they own are theirs wherever they sit.
    pub user_id: i64,
}

impl AssetVisibility {
    /// Whether they read the whole city (no condition needed).
    pub fn sees_all(&self) -> bool {
        self.read.is_all() || self.write.is_all()
    }

    /// Whether they use the module at all (the city's carrier register opens to them).
    pub fn any(&self) -> bool {
        !self.read.is_none() || !self.write.is_none()
    }
}

fn unit_path() -> SimpleExpr {
    Expr::col((org_unit::Entity, org_unit::Column::Path)).into()
}

/// The SQL condition of [`AssetVisibility`] on `assets` joined with its unit.
pub fn visible(v: &AssetVisibility) -> Condition {
    if v.sees_all() {
        return Condition::all();
    }
    let mut c = Condition::any().add(Expr::col((asset::Entity, asset::Column::OwnerUserId)).eq(v.user_id));
    if !v.read.is_none() {
        c = c.add(scope_condition(&v.read, unit_path()));
    }
    if !v.write.is_none() {
        c = c.add(scope_condition(&v.write, unit_path()));
    }
    c
}

fn scoped(v: &AssetVisibility) -> Select<asset::Entity> {
    crate::repo::select::find::<asset::Entity>().join(JoinType::InnerJoin, asset::Relation::Unit.def()).filter(visible(v))
}

/// A row of the register.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct AssetRow {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Owning unit.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// Information owner.
    pub owner_user_id: Option<i64>,
    /// Their name.
    pub owner_name: Option<String>,
    /// Personal data processed.
    pub personal_data: bool,
    /// The highest level of the classification in force (none: not classified).
    pub max_level: Option<i64>,
    /// When it was classified.
    #[serde(serialize_with = "varn_domain::json_time::opt_date")]
    pub classified_on: Option<chrono::NaiveDate>,
    /// When the classification is to be reviewed.
    #[serde(serialize_with = "varn_domain::json_time::opt_date")]
    pub next_review: Option<chrono::NaiveDate>,
}

fn rows(q: Select<asset::Entity>) -> Selector<SelectModel<AssetRow>> {
    q.join(JoinType::LeftJoin, asset::Relation::Owner.def())
        .select_only()
        .columns([
            asset::Column::Id,
            asset::Column::Name,
            asset::Column::UnitId,
            asset::Column::OwnerUserId,
            asset::Column::PersonalData,
            asset::Column::MaxLevel,
            asset::Column::ClassifiedOn,
            asset::Column::NextReview,
        ])
        .column_as(Expr::col((org_unit::Entity, org_unit::Column::Name)), "unit_name")
        .column_as(Expr::col((user::Entity, user::Column::DisplayName)), "owner_name")
        .into_model::<AssetRow>()
}

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
    let reads = super::CountedPage::add(b, counted(v, f, p, backend), LIST_CAP, rows(q));
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
    Apart(super::CountedPage<SelectModel<AssetRow>>),
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

/// One visible asset with the path of its unit.
pub async fn find<D: ConnectionTrait>(db: &D, v: &AssetVisibility, id: i64) -> Result<Option<(asset::Model, String)>, DbErr> {
    let found = crate::repo::kept::all(db, find_query(v, id)).await?.into_iter().next();
    Ok(found.map(|a| (a.model(), a.unit_path)))
}

/// The query of [`find`]: its text is kept for those who see the whole city (no condition of
/// their own).
pub fn find_query(v: &AssetVisibility, id: i64) -> impl crate::repo::kept::Read<S = SelectModel<AssetWithPath>> + use<'_> {
    static KEPT: [crate::repo::kept::Slot; 1] = [const { crate::repo::kept::Slot::new() }];
    crate::repo::kept::Slot::keep_nth(&KEPT, usize::from(v.sees_all()), vec![id.into(), 1u64.into()], move || {
        scoped(v)
            .filter(Expr::col((asset::Entity, asset::Column::Id)).eq(id))
            .column_as(Expr::col((org_unit::Entity, org_unit::Column::Path)), "unit_path")
            .limit(1)
            .into_model::<AssetWithPath>()
    })
}

/// An asset with the path of its unit (see [`find`]).
#[derive(FromQueryResult)]
pub struct AssetWithPath {
    id: i64,
    unit_id: i64,
    name: String,
    description: Option<String>,
    owner_user_id: Option<i64>,
    pua_unit_id: Option<i64>,
    forms: String,
    processes: Option<String>,
    osl: Option<String>,
    personal_data: bool,
    special_categories: bool,
    classification_id: Option<i64>,
    max_level: Option<i64>,
    classified_on: Option<chrono::NaiveDate>,
    next_review: Option<chrono::NaiveDate>,
    search_text: String,
    created_at: chrono::DateTime<chrono::Utc>,
    updated_at: chrono::DateTime<chrono::Utc>,
    unit_path: String,
}

impl AssetWithPath {
    fn model(&self) -> asset::Model {
        asset::Model {
            id: self.id,
            unit_id: self.unit_id,
            name: self.name.clone(),
            description: self.description.clone(),
            owner_user_id: self.owner_user_id,
            pua_unit_id: self.pua_unit_id,
            forms: self.forms.clone(),
            processes: self.processes.clone(),
            osl: self.osl.clone(),
            personal_data: self.personal_data,
            special_categories: self.special_categories,
            classification_id: self.classification_id,
            max_level: self.max_level,
            classified_on: self.classified_on,
            next_review: self.next_review,
            search_text: self.search_text.clone(),
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }
}

/// Replaces the carriers an asset lives on.
pub async fn set_carriers<D: ConnectionTrait>(db: &D, asset_id: i64, carriers: &[i64]) -> Result<(), DbErr> {
    asset_carrier::Entity::delete_many().filter(asset_carrier::Column::AssetId.eq(asset_id)).exec(db).await?;
    if carriers.is_empty() {
        return Ok(());
    }
    let rows = carriers.iter().map(|c| asset_carrier::ActiveModel { asset_id: Set(asset_id), carrier_id: Set(*c) });
    asset_carrier::Entity::insert_many(rows).exec(db).await?;
    Ok(())
}

/// What of the module refers to a unit, for the unit's delete guard.
pub async fn unit_references<D: ConnectionTrait>(db: &D, id: i64) -> Result<Vec<(&'static str, u64)>, DbErr> {
    let mut out = Vec::new();
    let assets = crate::repo::select::find::<asset::Entity>()
        .filter(Condition::any().add(asset::Column::UnitId.eq(id)).add(asset::Column::PuaUnitId.eq(id)))
        .count(db)
        .await?;
    if assets > 0 {
        out.push(("assets", assets));
    }
    let carriers = crate::repo::select::find::<crate::entity::carrier::Entity>()
        .filter(crate::entity::carrier::Column::UnitId.eq(id))
        .count(db)
        .await?;
    if carriers > 0 {
        out.push(("carriers", carriers));
    }
    Ok(out)
}
