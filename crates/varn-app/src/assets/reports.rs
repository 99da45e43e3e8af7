//! The pictures of the register, within the reader's scope: coverage per unit, levels per
//! aspect, carriers by hosting and third-country transfer, the carriers of the most
//! sensitive information, and how far the handlingsplaner are fulfilled.

use super::Assets;
use crate::{Actor, AppError};
use serde::Serialize;
use varn_store::repo::assets::{self as repo, AssessmentCount, HostingCount, LevelCount, SensitiveCarrier, UnitCoverage};

/// The overview's figures.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Overview {
    /// Per unit: assets, classified, overdue.
    pub coverage: Vec<UnitCoverage>,
    /// Assets per aspect and level.
    pub levels: Vec<LevelCount>,
    /// IT systems and services by hosting and third-country transfer.
    pub hosting: Vec<HostingCount>,
    /// Carriers of level 3 and above.
    pub sensitive: Vec<SensitiveCarrier>,
    /// Self-assessments by outcome.
    pub assessments: Vec<AssessmentCount>,
}

/// The level from which information counts as most sensitive in the overview.
pub const SENSITIVE_FROM: i64 = 3;

impl Assets<'_> {
    /// The overview within the actor's scope (kept a minute per user; a change of the
    /// register clears it).
    pub async fn overview(&self, actor: &Actor) -> Result<std::sync::Arc<Overview>, AppError> {
        let vis = self.visibility(actor);
        if !vis.any() {
            return Err(AppError::Forbidden);
        }
        if let Some(o) = self.app.asset_overviews.get(&actor.id.0) {
            return Ok(o);
        }
        let o = std::sync::Arc::new(self.compute_overview(&vis).await?);
        self.app.asset_overviews.insert(actor.id.0, o.clone());
        Ok(o)
    }

    async fn compute_overview(&self, vis: &varn_store::repo::assets::AssetVisibility) -> Result<Overview, AppError> {
        let vis = vis.clone();
        let db = self.db();
        let today = varn_domain::task::today();
        Ok(Overview {
            coverage: repo::coverage(db, &vis, today).await?,
            levels: repo::level_counts(db, &vis).await?,
            hosting: repo::hosting_counts(db).await?,
            sensitive: repo::sensitive_carriers(db, &vis, SENSITIVE_FROM, 25).await?,
            assessments: repo::assessment_counts(db, &vis).await?,
        })
    }
}
