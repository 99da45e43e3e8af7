//! Risk management: risk analyses, their risks, the heat map, and what a risk is linked to
//! (assets, incidents, treatment actions). Who may see what is decided in the query: a risk
//! is read through its unit, which it carries from its analysis.

mod links;

pub use links::*;

use crate::entity::{org_unit, risk, risk_analysis, user};
use crate::repo::{ListParams, Page};
use sea_orm::sea_query::{Expr, ExprTrait, LikeExpr, SimpleExpr};
use sea_orm::*;
use varn_domain::risk::{RiskStatus, Treatment};
use varn_domain::{Code, Scope};

/// `<col> IN` the units in `scope` (and under `under`), written out so that the risks are found
/// through their unit's index; none when the scope is the whole city and no subtree is asked.
/// PostgreSQL gets the units as one array (it would hash an `IN (SELECT …)` and read every
/// risk past it).
fn units_clause(col: &str, scope: &Scope, under: Option<&str>, backend: DbBackend) -> Option<SimpleExpr> {
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

fn col(c: risk::Column) -> SimpleExpr {
    Expr::col((risk::Entity, c)).into()
}

fn filter(scope: &Scope, f: &RiskFilter, p: &ListParams, backend: DbBackend) -> Select<risk::Entity> {
    let mut q = crate::repo::select::find::<risk::Entity>();
    if let Some(c) = units_clause("\"risks\".\"unit_id\"", scope, f.under.as_deref(), backend) {
        q = q.filter(c);
    }
    if let Some(like) = p.like() {
        q = q.filter(col(risk::Column::SearchText).like(LikeExpr::new(like).escape('\\')));
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

fn rows(q: Select<risk::Entity>) -> Selector<SelectModel<RiskRow>> {
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
    let backend = b.backend();
    let q = filter(scope, f, p, backend);
    let id = col(risk::Column::Id);
    let title = col(risk::Column::Title);
    let desc = p.dir == crate::repo::Dir::Desc;
    let sorted = match p.sort.as_deref() {
        Some("title") => q.clone().order_by(title, p.dir.order()).order_by_asc(id),
        Some("unit") => {
            q.clone().order_by(Expr::col((org_unit::Entity, org_unit::Column::Name)), p.dir.order()).order_by_asc(title).order_by_asc(id)
        }
        Some("review") => q.clone().order_by(col(risk::Column::ReviewOn), p.dir.order()).order_by_asc(id),
        _ => q
            .clone()
            .order_by(col(risk::Column::ResidualScore), if desc { Order::Asc } else { Order::Desc })
            .order_by(col(risk::Column::Score), if desc { Order::Asc } else { Order::Desc })
            .order_by_asc(id),
    };
    let sorted = match p.per_page {
        Some(n) => sorted.offset(p.offset()).limit(n),
        None => sorted,
    };
    ListReads { reads: super::CountedPage::add(b, q, 100_000, rows(sorted)), page: p.page, per_page: p.per_page }
}

/// A page of a list added to a batch.
#[derive(Debug)]
#[must_use = "take the page with ListReads::take"]
pub struct ListReads<T: FromQueryResult> {
    reads: super::CountedPage<SelectModel<T>>,
    page: u64,
    per_page: Option<u64>,
}

impl<T: FromQueryResult> ListReads<T> {
    /// The page, once the batch has run.
    pub fn take(self, got: &mut crate::batch::Got) -> Result<Page<T>, DbErr> {
        let (items, total, exact) = self.reads.take(got)?;
        Ok(Page { items, total, page: self.page.max(1), per_page: self.per_page.unwrap_or(total.max(1)), exact })
    }
}

/// The heat map's axes as SQL: after treatment (the inherent values while none is assessed)
/// or before.
fn axes(residual: bool) -> (&'static str, &'static str) {
    if residual {
        (
            "COALESCE(\"risks\".\"residual_likelihood\", \"risks\".\"likelihood\")",
            "COALESCE(\"risks\".\"residual_consequence\", \"risks\".\"consequence\")",
        )
    } else {
        ("\"risks\".\"likelihood\"", "\"risks\".\"consequence\"")
    }
}

/// One cell of the heat map.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct HeatCell {
    /// Likelihood (1 lowest).
    pub likelihood: i64,
    /// Consequence (1 lowest).
    pub consequence: i64,
    /// How many open risks sit in it.
    pub n: i64,
}

/// The heat map of the open risks that match `f` (its search, status and cell filters
/// aside): how many sit in each cell, before treatment or (`residual`) after it.
pub fn heat_map_query(scope: &Scope, f: &RiskFilter, residual: bool, backend: DbBackend) -> Selector<SelectModel<HeatCell>> {
    let f = RiskFilter { status: None, open: true, cell: None, ..f.clone() };
    let (l, c) = axes(residual);
    filter(scope, &f, &ListParams::default(), backend)
        .select_only()
        .column_as(Expr::cust(l), "likelihood")
        .column_as(Expr::cust(c), "consequence")
        .column_as(Expr::cust("COUNT(*)"), "n")
        .group_by(Expr::cust(l))
        .group_by(Expr::cust(c))
        .into_model::<HeatCell>()
}

/// A row read as an entity's model and more columns beside it.
#[derive(Debug, Clone)]
pub struct With<M, X>(pub M, pub X);

impl<M: FromQueryResult, X: FromQueryResult> FromQueryResult for With<M, X> {
    fn from_query_result(res: &QueryResult, pre: &str) -> Result<Self, DbErr> {
        Ok(With(M::from_query_result(res, pre)?, X::from_query_result(res, pre)?))
    }
}

/// One cell of both heat maps at once: the cell before treatment and the one after.
#[derive(Debug, Clone, FromQueryResult)]
pub struct CellPair {
    /// Likelihood before treatment.
    pub likelihood: i64,
    /// Consequence before treatment.
    pub consequence: i64,
    /// Likelihood after (the one before while none is assessed).
    pub residual_likelihood: i64,
    /// Consequence after.
    pub residual_consequence: i64,
    /// How many open risks.
    pub n: i64,
}

/// Both heat maps of the open risks that match `f` in one read (grouped by the cell before
/// and the cell after; at most 16 × 16 groups), through the unit index alone.
pub fn heat_maps_query(scope: &Scope, f: &RiskFilter, backend: DbBackend) -> Selector<SelectModel<CellPair>> {
    let f = RiskFilter { status: None, open: true, cell: None, ..f.clone() };
    let (i, r) = (axes(false), axes(true));
    filter(scope, &f, &ListParams::default(), backend)
        .select_only()
        .column_as(Expr::cust(i.0), "likelihood")
        .column_as(Expr::cust(i.1), "consequence")
        .column_as(Expr::cust(r.0), "residual_likelihood")
        .column_as(Expr::cust(r.1), "residual_consequence")
        .column_as(Expr::cust("COUNT(*)"), "n")
        .group_by(Expr::cust(i.0))
        .group_by(Expr::cust(i.1))
        .group_by(Expr::cust(r.0))
        .group_by(Expr::cust(r.1))
        .into_model::<CellPair>()
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

/// A row of the list of analyses.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct AnalysisRow {
    /// Id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// The unit.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// What it covers.
    #[schema(value_type = String)]
    pub scope_kind: varn_domain::risk::ScopeKind,
    /// What exactly.
    pub scope_text: Option<String>,
    /// When it was made.
    pub analysed_on: chrono::NaiveDate,
    /// Its open risks.
    pub open_risks: i64,
    /// The highest residual score of its open risks (none without open risks).
    pub highest: Option<i64>,
}

/// Filters of the analyses.
#[derive(Debug, Clone, Default)]
pub struct AnalysisFilter {
    /// Of a unit in this subtree (its path).
    pub under: Option<String>,
}

/// The sort keys of the analyses (the first is the default: the newest first).
pub const ANALYSIS_SORTS: &[&str] = &["date", "title", "unit"];

/// The visible analyses that match, one page, added to a batch.
pub fn analyses_reads(b: &mut crate::batch::Reads, scope: &Scope, f: &AnalysisFilter, p: &ListParams) -> ListReads<AnalysisRow> {
    let backend = b.backend();
    let mut q = crate::repo::select::find::<risk_analysis::Entity>();
    if let Some(c) = units_clause("\"risk_analyses\".\"unit_id\"", scope, f.under.as_deref(), backend) {
        q = q.filter(c);
    }
    if let Some(like) = p.like() {
        q = q.filter(Expr::col((risk_analysis::Entity, risk_analysis::Column::SearchText)).like(LikeExpr::new(like).escape('\\')));
    }
    let id = Expr::col((risk_analysis::Entity, risk_analysis::Column::Id));
    let desc = p.dir == crate::repo::Dir::Desc;
    let sorted = match p.sort.as_deref() {
        Some("title") => q.clone().order_by(Expr::col((risk_analysis::Entity, risk_analysis::Column::Title)), p.dir.order()),
        Some("unit") => q.clone().order_by(Expr::col((org_unit::Entity, org_unit::Column::Name)), p.dir.order()),
        _ => q
            .clone()
            .order_by(Expr::col((risk_analysis::Entity, risk_analysis::Column::AnalysedOn)), if desc { Order::Asc } else { Order::Desc }),
    }
    .order_by_asc(id);
    let sorted = match p.per_page {
        Some(n) => sorted.offset(p.offset()).limit(n),
        None => sorted,
    };
    let open = "\"r\".\"analysis_id\" = \"risk_analyses\".\"id\" AND \"r\".\"status\" <> 'avslutad'";
    let rows = sorted
        .join(JoinType::InnerJoin, risk_analysis::Relation::Unit.def())
        .select_only()
        .columns([
            risk_analysis::Column::Id,
            risk_analysis::Column::Title,
            risk_analysis::Column::UnitId,
            risk_analysis::Column::ScopeKind,
            risk_analysis::Column::ScopeText,
            risk_analysis::Column::AnalysedOn,
        ])
        .column_as(Expr::col((org_unit::Entity, org_unit::Column::Name)), "unit_name")
        .column_as(Expr::cust(format!("(SELECT COUNT(*) FROM \"risks\" \"r\" WHERE {open})")), "open_risks")
        .column_as(Expr::cust(format!("(SELECT MAX(\"r\".\"residual_score\") FROM \"risks\" \"r\" WHERE {open})")), "highest")
        .into_model::<AnalysisRow>();
    ListReads { reads: super::CountedPage::add(b, q, 100_000, rows), page: p.page, per_page: p.per_page }
}

/// An analysis with its unit's path and name.
#[derive(Debug, Clone, FromQueryResult)]
pub struct AnalysisFound {
    /// The unit's path.
    pub unit_path: String,
    /// The unit's name.
    pub unit_name: String,
}

/// The query of one visible analysis.
pub fn find_analysis_query(scope: &Scope, id: i64, backend: DbBackend) -> Selector<SelectModel<With<risk_analysis::Model, AnalysisFound>>> {
    let mut q =
        crate::repo::select::find::<risk_analysis::Entity>().filter(Expr::col((risk_analysis::Entity, risk_analysis::Column::Id)).eq(id));
    if let Some(c) = units_clause("\"risk_analyses\".\"unit_id\"", scope, None, backend) {
        q = q.filter(c);
    }
    q.join(JoinType::InnerJoin, risk_analysis::Relation::Unit.def())
        .column_as(Expr::col((org_unit::Entity, org_unit::Column::Path)), "unit_path")
        .column_as(Expr::col((org_unit::Entity, org_unit::Column::Name)), "unit_name")
        .into_model::<With<risk_analysis::Model, AnalysisFound>>()
}

/// One visible analysis.
pub async fn find_analysis<D: ConnectionTrait>(
    db: &D,
    scope: &Scope,
    id: i64,
) -> Result<Option<(risk_analysis::Model, AnalysisFound)>, DbErr> {
    Ok(find_analysis_query(scope, id, db.get_database_backend()).one(db).await?.map(|w| (w.0, w.1)))
}

/// What of the module refers to a unit, for the unit's delete guard.
pub async fn unit_references<D: ConnectionTrait>(db: &D, id: i64) -> Result<Vec<(&'static str, u64)>, DbErr> {
    let n = crate::repo::select::find::<risk_analysis::Entity>().filter(risk_analysis::Column::UnitId.eq(id)).count(db).await?;
    Ok(if n > 0 { vec![("risk_analyses", n)] } else { vec![] })
}

/// The risks a person owns that are due for review by `by` (or past it), open ones only.
pub fn reviews_of_query(user_id: i64, by: chrono::NaiveDate, cap: u64) -> Selector<SelectModel<risk::Model>> {
    crate::repo::select::find::<risk::Entity>()
        .filter(risk::Column::OwnerUserId.eq(user_id))
        .filter(risk::Column::ReviewOn.lte(by))
        .filter(risk::Column::Status.ne(RiskStatus::Avslutad.as_str()))
        .order_by_asc(risk::Column::ReviewOn)
        .limit(cap)
        .into_model()
}
