//! A nämnd's register of open risks, highest residual risk first, reads its page from the
//! risks at the top of the scale only: the app knows from the kept heat maps how many open
//! risks sit at each residual score, and bounds the read to the scores that fill the page
//! (`RiskFilter::min_score`, or `max_score` in the reverse order). This index keys each
//! unit's risks by that score, so the bound is a seek per unit rather than a pass over all of
//! the unit's risks in `ix_risks_unit` (whose scale columns come before the scores, for the
//! heat maps). Measured at storstad on SQLite (the nämnd's 1 440 open risks in 22 units, the
//! page's choice of 50 ids): 396 µs sorting them all through `ix_risks_unit`, 158 µs bounded
//! through it, 55 µs bounded through this index.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        super::index_with_statistics(m, "ix_risks_unit_residual", "risks", &["unit_id", "residual_score", "status", "score"]).await
    }
}
