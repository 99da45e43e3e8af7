//! Risk analyses: the list (with each analysis's open risks and highest level) and one
//! visible analysis with its unit.

use super::{units_clause, ListReads, With};
use crate::entity::{org_unit, risk_analysis};
use crate::repo::ListParams;
use sea_orm::sea_query::{Alias, Expr};
use sea_orm::*;
use varn_domain::Scope;

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
    #[serde(serialize_with = "varn_domain::json_time::date")]
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
    analyses_reads_counted(b, scope, f, p, None)
}

/// [`analyses_reads`], only the page where the count is `known` (kept beside the list).
pub fn analyses_reads_counted(
    b: &mut crate::batch::Reads,
    scope: &Scope,
    f: &AnalysisFilter,
    p: &ListParams,
    known: Option<(u64, bool)>,
) -> ListReads<AnalysisRow> {
    let backend = b.backend();
    let mut q = crate::repo::select::find::<risk_analysis::Entity>();
    if let Some(c) = units_clause("\"risk_analyses\".\"unit_id\"", scope, f.under.as_deref(), backend) {
        q = q.filter(c);
    }
    if let Some(like) = p.like() {
        q = q.filter(crate::repo::like_on(
            b.backend(),
            Expr::col((risk_analysis::Entity, risk_analysis::Column::SearchText)).into(),
            &like,
        ));
    }
    let id = Expr::col((risk_analysis::Entity, risk_analysis::Column::Id));
    let desc = p.dir == crate::repo::Dir::Desc;
    let sorted = match p.sort.as_deref() {
        Some("title") => {
            q.clone().order_by(Expr::col((risk_analysis::Entity, risk_analysis::Column::Title)), p.dir.order()).order_by_asc(id)
        }
        Some("unit") => q.clone().order_by(Expr::col((org_unit::Entity, org_unit::Column::Name)), p.dir.order()).order_by_asc(id),
        // The newest first, and of one day the last made first: both in the order of the
        // index on (date, id), walked backwards and stopped at the page's end. With the ids
        // the other way, SQLite read all of the city's 5 000 analyses through their units
        // and sorted them for each page.
        _ => {
            let newest_first = if desc { Order::Asc } else { Order::Desc };
            q.clone()
                .order_by(Expr::col((risk_analysis::Entity, risk_analysis::Column::AnalysedOn)), newest_first.clone())
                .order_by(id, newest_first)
        }
    };
    let sorted = match p.per_page {
        Some(n) => sorted.offset(p.offset()).limit(n),
        None => sorted,
    };
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
        // Kept on the analysis by triggers on its risks (m0036); not in the entity.
        .column_as(Expr::col((risk_analysis::Entity, Alias::new("open_risks"))), "open_risks")
        .column_as(Expr::col((risk_analysis::Entity, Alias::new("highest_open"))), "highest")
        .into_model::<AnalysisRow>();
    ListReads { reads: crate::repo::CountedPage::add_or_known(b, q, 100_000, rows, known), page: p.page, per_page: p.per_page, then: None }
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
