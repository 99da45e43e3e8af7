//! What the module's pages and API read: a risk with what it is linked to, an analysis with
//! its risks, and the heat map.

use super::Risks;
use crate::{Actor, AppError};
use serde::Serialize;
use varn_domain::risk::Matrix;
use varn_domain::Permission;
use varn_store::entity::{risk, risk_analysis};
use varn_store::repo::risks::{self as repo, ActionRow, HeatCell, Named, RiskFilter, RiskRow};
use varn_store::repo::ListParams;

/// The heat map: how many open risks sit in each cell of the matrix.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct HeatMap {
    /// After treatment (true) or before it.
    pub residual: bool,
    /// Every cell of the matrix (empty ones with 0), likelihood then consequence, lowest first.
    pub cells: Vec<HeatCell>,
    /// All the open risks counted.
    pub total: i64,
}

impl HeatMap {
    /// The full matrix from the counted cells.
    pub fn new(m: &Matrix, counted: Vec<HeatCell>, residual: bool) -> Self {
        let (nl, nc) = (m.likelihood.len() as i64, m.consequence.len() as i64);
        let mut cells = Vec::with_capacity((nl * nc) as usize);
        for l in 1..=nl {
            for c in 1..=nc {
                let n = counted.iter().filter(|x| x.likelihood == l && x.consequence == c).map(|x| x.n).sum();
                cells.push(HeatCell { likelihood: l, consequence: c, n });
            }
        }
        let total = counted.iter().map(|x| x.n).sum();
        HeatMap { residual, cells, total }
    }

    /// Both maps from cells counted before and after treatment at once.
    pub fn pair(m: &Matrix, pairs: &[varn_store::repo::risks::CellPair]) -> (Self, Self) {
        let inherent = pairs.iter().map(|p| HeatCell { likelihood: p.likelihood, consequence: p.consequence, n: p.n }).collect();
        let residual =
            pairs.iter().map(|p| HeatCell { likelihood: p.residual_likelihood, consequence: p.residual_consequence, n: p.n }).collect();
        (HeatMap::new(m, inherent, false), HeatMap::new(m, residual, true))
    }

    /// How many sit in a cell.
    pub fn n(&self, likelihood: i64, consequence: i64) -> i64 {
        self.cells.iter().find(|x| x.likelihood == likelihood && x.consequence == consequence).map_or(0, |x| x.n)
    }
}

/// A risk as its page shows it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RiskView {
    /// The risk.
    #[schema(value_type = Object)]
    pub risk: risk::Model,
    /// Its unit's name.
    pub unit_name: String,
    /// Its unit's path.
    #[serde(skip)]
    pub unit_path: String,
    /// Its analysis's title.
    pub analysis_title: String,
    /// The owner's name.
    pub owner_name: Option<String>,
    /// The owner's sign-in name (for the form).
    #[serde(skip)]
    pub owner_username: Option<String>,
    /// The level before treatment (a code of the matrix).
    pub level: Option<String>,
    /// The level after treatment.
    pub residual_level: Option<String>,
    /// Who accepted it.
    pub accepted_by_name: Option<String>,
    /// The assets it concerns.
    pub assets: Vec<Named>,
    /// The incidents that concern it.
    pub incidents: Vec<Named>,
    /// Its treatment actions.
    pub actions: Vec<ActionRow>,
    /// Whether the caller may change it.
    pub can_edit: bool,
    /// Whether the caller holds RiskAccept over it (the level is checked when they accept).
    pub can_accept: bool,
}

/// An analysis as its page shows it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AnalysisView {
    /// The analysis.
    #[schema(value_type = Object)]
    pub analysis: risk_analysis::Model,
    /// Its unit's name.
    pub unit_name: String,
    /// Its risks, highest residual first.
    pub risks: Vec<RiskRow>,
    /// The heat map of its open risks, after treatment.
    pub heat_map: HeatMap,
    /// Whether the caller may change it and add risks.
    pub can_edit: bool,
}

impl Risks<'_> {
    /// One risk with everything linked to it, in one batch.
    pub async fn view(&self, actor: &Actor, id: i64) -> Result<RiskView, AppError> {
        let db = self.db();
        let mut b = varn_store::batch::Reads::on(db);
        let found = b.add(repo::find_query(&self.scope(actor), id, b.backend()));
        let assets = b.add(repo::assets_of_query(id));
        let incidents = b.add(repo::incidents_of_query(id));
        let actions = b.add(repo::actions_query(id));
        let mut got = b.run(db).await?;
        let varn_store::repo::risks::With(r, f) = got.take_one(found)?.ok_or(AppError::NotFound)?;
        let accepted_by_name = match r.accepted_by {
            Some(u) => varn_store::repo::users::find(db, &varn_domain::Scope::All, u).await?.map(|u| u.display_name),
            None => None,
        };
        let m = &self.rules().matrix;
        let can_edit = self.may_write(actor, &f.unit_path);
        let can_accept = varn_domain::OrgPath::parse(&f.unit_path).is_ok_and(|p| actor.scope(Permission::RiskAccept).covers(&p));
        // An incident's title is shown only to those who may read incidents there.
        let incidents = if actor.access.can_somewhere(Permission::IncidentRead) { got.take(incidents)? } else { vec![] };
        Ok(RiskView {
            level: m.level(r.score).map(|l| l.code.clone()),
            residual_level: m.level(r.residual_score).map(|l| l.code.clone()),
            unit_name: f.unit_name,
            unit_path: f.unit_path,
            analysis_title: f.analysis_title,
            owner_name: f.owner_name,
            owner_username: f.owner_username,
            accepted_by_name,
            assets: got.take(assets)?,
            incidents,
            actions: got.take(actions)?,
            can_edit,
            can_accept,
            risk: r,
        })
    }

    /// One analysis with its risks and their heat map, in one batch.
    pub async fn analysis_view(&self, actor: &Actor, id: i64) -> Result<AnalysisView, AppError> {
        let db = self.db();
        let scope = self.scope(actor);
        let mut b = varn_store::batch::Reads::on(db);
        let found = b.add(repo::find_analysis_query(&scope, id, b.backend()));
        let f = RiskFilter { analysis_id: Some(id), ..Default::default() };
        let p = ListParams { per_page: Some(500), page: 1, ..Default::default() };
        let risks = repo::list_reads(&mut b, &scope, &f, &p);
        let cells = b.add(repo::heat_map_query(&scope, &f, true, b.backend()));
        let mut got = b.run(db).await?;
        let varn_store::repo::risks::With(a, found) = got.take_one(found)?.ok_or(AppError::NotFound)?;
        let risks = risks.take(&mut got)?.items;
        Ok(AnalysisView {
            can_edit: self.may_write(actor, &found.unit_path),
            unit_name: found.unit_name,
            heat_map: HeatMap::new(&self.rules().matrix, got.take(cells)?, true),
            risks,
            analysis: a,
        })
    }
}
