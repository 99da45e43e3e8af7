//! Risk management: risk analyses, their risks, the heat map, and what a risk is linked to
//! (assets, incidents, treatment actions). Who may see what is decided in the query: a risk
//! is read through its unit, which it carries from its analysis.

mod analyses;
mod heat;
mod links;

use heat::axes;

pub use analyses::*;
pub use heat::*;
pub use links::*;

use crate::entity::{org_unit, risk, risk_analysis, user};
use crate::repo::{ListParams, Page};
use sea_orm::sea_query::{Expr, ExprTrait, SimpleExpr};
use sea_orm::*;
use varn_domain::risk::{RiskStatus, Treatment};
use varn_domain::{Code, Scope};

/// `<col> IN` the units in `scope` (and under `under`), written out so that the risks are found
/// through their unit's index; none when the scope is the whole city and no subtree is asked.
/// PostgreSQL gets the units as one array (it would hash an `IN (SELECT …)` and read every
/// risk past it).
pub(super) fn units_clause(col: &str, scope: &Scope, under: Option<&str>, backend: DbBackend) -> Option<SimpleExpr> {
    let mut conds = Vec::new();
    match scope {
        Scope::All => {}
        Scope::None => return Some(Expr::cust("1 = 0")),
        Scope::Units(paths) => {
            let any: Vec<String> = paths.iter().map(|p| crate::under_path_sql("\"path\"", p.as_str())).collect();
            conds.push(format!("({})", any.join(" OR ")));
        }
    }
    if let Some(u) = under {
        conds.push(crate::under_path_sql("\"path\"", u));
    }
    if conds.is_empty() {
        return None;
    }
    let units = format!("SELECT \"id\" FROM \"org_units\" WHERE {}", conds.join(" AND "));
    Some(Expr::cust(match backend {
        DbBackend::Postgres => format!("{col} = ANY(ARRAY({units}))"),
        _ => format!("{col} IN ({units})"),
    }))
}

/// A row of the risk register.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct RiskRow {
    /// Id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// The analysis it belongs to.
    pub analysis_id: i64,
    /// The analysis's title.
    pub analysis_title: String,
    /// The unit (the analysis's).
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// Threat (a code of the catalogue).
    pub threat: String,
    /// Likelihood before treatment.
    pub likelihood: i64,
    /// Consequence before treatment.
    pub consequence: i64,
    /// likelihood × consequence.
    pub score: i64,
    /// The residual score (the inherent one while none is assessed).
    pub residual_score: i64,
    /// Treatment.
    #[schema(value_type = Option<String>)]
    pub treatment: Option<Treatment>,
    /// Status.
    #[schema(value_type = String)]
    pub status: RiskStatus,
    /// The risk owner.
    pub owner_name: Option<String>,
    /// When it is to be reviewed.
    #[serde(serialize_with = "varn_domain::json_time::opt_date")]
    pub review_on: Option<chrono::NaiveDate>,
}

/// Filters of the register.
#[derive(Debug, Clone, Default)]
pub struct RiskFilter {
    /// In a unit of this subtree (its path; the app turns a unit id into it).
    pub under: Option<String>,
    /// Of this analysis.
    pub analysis_id: Option<i64>,
    /// In this status.
    pub status: Option<RiskStatus>,
    /// Open only (not closed).
    pub open: bool,
    /// The residual score at least this.
    pub min_score: Option<i64>,
    /// The residual score at most this (the app's bound of a page in the lowest-first order;
    /// not a filter of the forms).
    pub max_score: Option<i64>,
    /// Treated this way.
    pub treatment: Option<Treatment>,
    /// Review date before this day.
    pub review_before: Option<chrono::NaiveDate>,
    /// Owned by this person.
    pub owner_user_id: Option<i64>,
    /// Concerning this asset.
    pub asset_id: Option<i64>,
    /// One cell of the heat map: after treatment (true) or before, likelihood, consequence.
    pub cell: Option<(bool, i64, i64)>,
}

/// The sort keys of the register (the first is the default: the highest residual risk
/// first; its descending order is the lowest first).
pub const SORTS: &[&str] = &["level", "title", "unit", "review"];

pub(super) fn col(c: risk::Column) -> SimpleExpr {
    Expr::col((risk::Entity, c)).into()
}

pub(crate) fn filter(scope: &Scope, f: &RiskFilter, p: &ListParams, backend: DbBackend) -> Select<risk::Entity> {
    let mut q = crate::repo::select::find::<risk::Entity>();
    if let Some(c) = units_clause("\"risks\".\"unit_id\"", scope, f.under.as_deref(), backend) {
        q = q.filter(c);
    }
    if let Some(like) = p.like() {
        q = q.filter(crate::repo::like_on(backend, col(risk::Column::SearchText), &like));
    }
    if let Some(a) = f.analysis_id {
        q = q.filter(col(risk::Column::AnalysisId).eq(a));
    }
    if let Some(s) = f.status {
        q = q.filter(col(risk::Column::Status).eq(s.as_str()));
    } else if f.open {
        q = q.filter(col(risk::Column::Status).ne(RiskStatus::Avslutad.as_str()));
    }
    if let Some(m) = f.min_score {
        q = q.filter(col(risk::Column::ResidualScore).gte(m));
    }
    if let Some(m) = f.max_score {
        q = q.filter(col(risk::Column::ResidualScore).lte(m));
    }
    if let Some(t) = f.treatment {
        q = q.filter(col(risk::Column::Treatment).eq(t.as_str()));
    }
    if let Some(d) = f.review_before {
        q = q.filter(col(risk::Column::ReviewOn).lt(d));
    }
    if let Some(o) = f.owner_user_id {
        q = q.filter(col(risk::Column::OwnerUserId).eq(o));
    }
    if let Some(a) = f.asset_id {
        let on = sea_orm::sea_query::Query::select()
            .column(crate::entity::risk_asset::Column::RiskId)
            .from(crate::entity::risk_asset::Entity)
            .and_where(crate::entity::risk_asset::Column::AssetId.eq(a))
            .to_owned();
        q = q.filter(col(risk::Column::Id).in_subquery(on));
    }
    if let Some((residual, l, c)) = f.cell {
        let (lc, cc) = axes(residual);
        q = q.filter(Expr::cust(lc).eq(l)).filter(Expr::cust(cc).eq(c));
    }
    q
}

pub(crate) fn rows(q: Select<risk::Entity>) -> Selector<SelectModel<RiskRow>> {
    q.join(JoinType::InnerJoin, risk::Relation::Unit.def())
        .join(JoinType::InnerJoin, risk::Relation::Analysis.def())
        .join(JoinType::LeftJoin, risk::Relation::Owner.def())
        .select_only()
        .columns([
            risk::Column::Id,
            risk::Column::Title,
            risk::Column::AnalysisId,
            risk::Column::UnitId,
            risk::Column::Threat,
            risk::Column::Likelihood,
            risk::Column::Consequence,
            risk::Column::Score,
            risk::Column::ResidualScore,
            risk::Column::Treatment,
            risk::Column::Status,
            risk::Column::ReviewOn,
        ])
        .column_as(Expr::col((risk_analysis::Entity, risk_analysis::Column::Title)), "analysis_title")
        .column_as(Expr::col((org_unit::Entity, org_unit::Column::Name)), "unit_name")
        .column_as(Expr::col((user::Entity, user::Column::DisplayName)), "owner_name")
        .into_model::<RiskRow>()
}

/// The visible risks that match, one page.
pub async fn list<D: ConnectionTrait + 'static>(db: &D, scope: &Scope, f: &RiskFilter, p: &ListParams) -> Result<Page<RiskRow>, DbErr> {
    let mut b = crate::batch::Reads::on(db);
    let page = list_reads(&mut b, scope, f, p);
    let mut got = b.run(db).await?;
    page.take(&mut got)
}

/// [`list`]'s reads (the page and its capped count) added to a larger batch.
pub fn list_reads(b: &mut crate::batch::Reads, scope: &Scope, f: &RiskFilter, p: &ListParams) -> ListReads<RiskRow> {
    list_reads_counted(b, scope, f, p, None)
}

/// [`list_reads`], with the count not read when the caller knows it (`known`: how many match).
pub fn list_reads_counted(
    b: &mut crate::batch::Reads,
    scope: &Scope,
    f: &RiskFilter,
    p: &ListParams,
    known: Option<i64>,
) -> ListReads<RiskRow> {
    let backend = b.backend();
    // Built once for each reader's scope, filter and page (see `memo`): a nämnd's register
    // spent 12 % of its instructions building these two statements.
    static BUILT: crate::repo::memo::Memo<(Statement, Statement)> = crate::repo::memo::Memo::new();
    let built = BUILT.statement(backend, &format!("{scope:?}|{f:?}|{p:?}"), || {
        (page_statement(scope, f, p, backend), crate::repo::count::count_upto_statement(backend, filter(scope, f, p, backend), CAP))
    });
    let then = by_level(p).map(|dir| if dir == crate::repo::Dir::Desc { lowest_first as fn(&mut [RiskRow]) } else { highest_first });
    ListReads { reads: super::CountedPage::add_built(b, built, known, CAP), page: p.page, per_page: p.per_page, then }
}

/// The register's order when it is by level (the default), on a page: its direction.
fn by_level(p: &ListParams) -> Option<crate::repo::Dir> {
    (p.per_page.is_some() && matches!(p.sort.as_deref(), None | Some("level"))).then_some(p.dir)
}

/// The statement of the register's page: [`page_select`]'s, or in the order by level the
/// page's ids chosen from the risks alone and then joined as a table of their own (`p`),
/// with no second sort of the joined rows (as an `IN` list, the ids and the sort of the fifty
/// joined rows were about a sixth of what SQLite spent on a nämnd's register). The rows come
/// in the page's order on SQLite; on both databases [`ListReads::take`] sorts them again by
/// their integer keys, which is the order of the statement's `ORDER BY`.
pub(crate) fn page_statement(scope: &Scope, f: &RiskFilter, p: &ListParams, backend: DbBackend) -> Statement {
    let (Some(n), Some(_)) = (p.per_page, by_level(p)) else {
        return rows(page_select(scope, f, p, backend)).into_statement(backend);
    };
    let chosen = ordered(filter(scope, f, p, backend), p).select_only().column(risk::Column::Id).offset(p.offset()).limit(n).into_query();
    let inner = backend.build(&chosen);
    let sql = format!(
        "SELECT \"risks\".\"id\", \"risks\".\"title\", \"risks\".\"analysis_id\", \"risks\".\"unit_id\", \"risks\".\"threat\", \
         \"risks\".\"likelihood\", \"risks\".\"consequence\", \"risks\".\"score\", \"risks\".\"residual_score\", \"risks\".\"treatment\", \
         \"risks\".\"status\", \"risks\".\"review_on\", \"risk_analyses\".\"title\" AS \"analysis_title\", \
         \"org_units\".\"name\" AS \"unit_name\", \"users\".\"display_name\" AS \"owner_name\" \
         FROM ({}) AS \"p\" INNER JOIN \"risks\" ON \"risks\".\"id\" = \"p\".\"id\" \
         INNER JOIN \"org_units\" ON \"risks\".\"unit_id\" = \"org_units\".\"id\" \
         INNER JOIN \"risk_analyses\" ON \"risks\".\"analysis_id\" = \"risk_analyses\".\"id\" \
         LEFT JOIN \"users\" ON \"risks\".\"owner_user_id\" = \"users\".\"id\"",
        inner.sql
    );
    Statement::from_sql_and_values(backend, sql, inner.values.map(|v| v.0).unwrap_or_default())
}

/// The order by level, highest residual first: the residual score, the score, then the id.
fn highest_first(rows: &mut [RiskRow]) {
    rows.sort_by(|a, b| b.residual_score.cmp(&a.residual_score).then(b.score.cmp(&a.score)).then(a.id.cmp(&b.id)));
}

/// The order by level turned round: the lowest residual first (the id still ascending).
fn lowest_first(rows: &mut [RiskRow]) {
    rows.sort_by(|a, b| a.residual_score.cmp(&b.residual_score).then(a.score.cmp(&b.score)).then(a.id.cmp(&b.id)));
}

/// How far the register's count goes.
pub(crate) const CAP: u64 = 100_000;

/// The query of the register's page.
pub(crate) fn page_select(scope: &Scope, f: &RiskFilter, p: &ListParams, backend: DbBackend) -> Select<risk::Entity> {
    let q = filter(scope, f, p, backend);
    match p.per_page {
        // The page is chosen first, from the risks alone (the default order from the unit
        // index), and only its rows are looked up and joined: a nämnd's 1 440 open risks were
        // each joined to their analysis, unit and owner before the sort.
        Some(n) => {
            let chosen = match p.sort.as_deref() {
                Some("unit") => q.join(JoinType::InnerJoin, risk::Relation::Unit.def()),
                _ => q,
            };
            let chosen = ordered(chosen, p).select_only().column(risk::Column::Id).offset(p.offset()).limit(n).into_query();
            ordered(crate::repo::select::find::<risk::Entity>().filter(col(risk::Column::Id).in_subquery(chosen)), p)
        }
        None => ordered(q, p),
    }
}

/// `q` in the register's order (`p.sort`, `p.dir`); the order by unit needs the unit joined.
fn ordered(q: Select<risk::Entity>, p: &ListParams) -> Select<risk::Entity> {
    let id = col(risk::Column::Id);
    let title = col(risk::Column::Title);
    let desc = p.dir == crate::repo::Dir::Desc;
    match p.sort.as_deref() {
        Some("title") => q.order_by(title, p.dir.order()).order_by_asc(id),
        Some("unit") => {
            q.order_by(Expr::col((org_unit::Entity, org_unit::Column::Name)), p.dir.order()).order_by_asc(title).order_by_asc(id)
        }
        Some("review") => q.order_by(col(risk::Column::ReviewOn), p.dir.order()).order_by_asc(id),
        _ => q
            .order_by(col(risk::Column::ResidualScore), if desc { Order::Asc } else { Order::Desc })
            .order_by(col(risk::Column::Score), if desc { Order::Asc } else { Order::Desc })
            .order_by_asc(id),
    }
}

/// A page of a list added to a batch.
#[derive(Debug)]
#[must_use = "take the page with ListReads::take"]
pub struct ListReads<T: FromQueryResult> {
    pub(super) reads: super::CountedPage<SelectModel<T>>,
    pub(super) page: u64,
    pub(super) per_page: Option<u64>,
    /// What puts the rows in the page's order where the statement does not.
    pub(super) then: Option<fn(&mut [T])>,
}

impl<T: FromQueryResult> ListReads<T> {
    /// The page, once the batch has run.
    pub fn take(self, got: &mut crate::batch::Got) -> Result<Page<T>, DbErr> {
        let (mut items, total, exact) = self.reads.take(got)?;
        if let Some(sort) = self.then {
            sort(&mut items);
        }
        Ok(Page { items, total, page: self.page.max(1), per_page: self.per_page.unwrap_or(total.max(1)), exact })
    }
}

/// A row read as an entity's model and more columns beside it.
#[derive(Debug, Clone)]
pub struct With<M, X>(pub M, pub X);

impl<M: FromQueryResult, X: FromQueryResult> FromQueryResult for With<M, X> {
    fn from_query_result(res: &QueryResult, pre: &str) -> Result<Self, DbErr> {
        Ok(With(M::from_query_result(res, pre)?, X::from_query_result(res, pre)?))
    }
}

/// A risk as its page shows it: the row, its unit's path and names around it.
#[derive(Debug, Clone, FromQueryResult)]
pub struct RiskFound {
    /// The unit's path.
    pub unit_path: String,
    /// The unit's name.
    pub unit_name: String,
    /// The analysis's title.
    pub analysis_title: String,
    /// The owner's name.
    pub owner_name: Option<String>,
    /// The owner's sign-in name.
    pub owner_username: Option<String>,
}

/// The query of one visible risk with its unit's path and the names around it.
pub fn find_query(scope: &Scope, id: i64, backend: DbBackend) -> Selector<SelectModel<With<risk::Model, RiskFound>>> {
    let mut q = crate::repo::select::find::<risk::Entity>().filter(col(risk::Column::Id).eq(id));
    if let Some(c) = units_clause("\"risks\".\"unit_id\"", scope, None, backend) {
        q = q.filter(c);
    }
    q.join(JoinType::InnerJoin, risk::Relation::Unit.def())
        .join(JoinType::InnerJoin, risk::Relation::Analysis.def())
        .join(JoinType::LeftJoin, risk::Relation::Owner.def())
        .column_as(Expr::col((org_unit::Entity, org_unit::Column::Path)), "unit_path")
        .column_as(Expr::col((org_unit::Entity, org_unit::Column::Name)), "unit_name")
        .column_as(Expr::col((risk_analysis::Entity, risk_analysis::Column::Title)), "analysis_title")
        .column_as(Expr::col((user::Entity, user::Column::DisplayName)), "owner_name")
        .column_as(Expr::col((user::Entity, user::Column::Username)), "owner_username")
        .into_model::<With<risk::Model, RiskFound>>()
}

/// One visible risk (see [`find_query`]).
pub async fn find<D: ConnectionTrait>(db: &D, scope: &Scope, id: i64) -> Result<Option<(risk::Model, RiskFound)>, DbErr> {
    Ok(find_query(scope, id, db.get_database_backend()).one(db).await?.map(|w| (w.0, w.1)))
}

/// What of the module refers to a unit, for the unit's delete guard.
pub async fn unit_references<D: ConnectionTrait>(db: &D, id: i64) -> Result<Vec<(&'static str, u64)>, DbErr> {
    let n = crate::repo::select::find::<risk_analysis::Entity>().filter(risk_analysis::Column::UnitId.eq(id)).count(db).await?;
    Ok(if n > 0 { vec![("risk_analyses", n)] } else { vec![] })
}

/// The risks a person owns that are due for review by `by` (or past it), open ones only.
pub fn reviews_of_query(
    user_id: i64,
    by: chrono::NaiveDate,
    cap: u64,
) -> impl crate::repo::kept::Read<S = SelectModel<risk::Model>> + use<> {
    static KEPT: crate::repo::kept::Slot = crate::repo::kept::Slot::new();
    let values = vec![user_id.into(), by.into(), RiskStatus::Avslutad.as_str().into(), cap.into()];
    KEPT.keep(values, move || {
        crate::repo::select::find::<risk::Entity>()
            .filter(risk::Column::OwnerUserId.eq(user_id))
            .filter(risk::Column::ReviewOn.lte(by))
            .filter(risk::Column::Status.ne(RiskStatus::Avslutad.as_str()))
            .order_by_asc(risk::Column::ReviewOn)
            .limit(cap)
            .into_model()
    })
}
