//! The heat maps: how many open risks sit in each cell of the matrix, before treatment and
//! after it, read by grouping through the unit index.

use super::{filter, RiskFilter};
use crate::repo::ListParams;
use sea_orm::sea_query::Expr;
use sea_orm::*;
use varn_domain::Scope;

/// The heat map's axes as SQL: after treatment (the inherent values while none is assessed)
/// or before.
pub(super) fn axes(residual: bool) -> (&'static str, &'static str) {
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
