//! Pictures of the incidents within the reader's scope over the last twelve months.

use super::Incidents;
use crate::{Actor, AppError};
use varn_domain::Permission;
use varn_store::entity::incident;
use varn_store::repo::incidents::{self as repo, DeadlineRow, Durations, IncidentVisibility, MonthCount};

/// The pictures.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct IncidentOverview {
    /// From when (twelve months back).
    #[serde(serialize_with = "varn_domain::json_time::datetime")]
    pub since: chrono::DateTime<chrono::Utc>,
    /// Per month and category.
    pub by_category: Vec<MonthCount>,
    /// Per month and severity.
    pub by_severity: Vec<MonthCount>,
    /// Average hours to contain and to close.
    pub durations: Durations,
    /// Reporting deadlines met and missed, per unit.
    pub deadlines: Vec<DeadlineRow>,
}

impl Incidents<'_> {
    /// The pictures of the incidents the actor reads (IncidentRead's units); 403 for those
    /// who only see their own reports.
    pub async fn overview(&self, actor: &Actor) -> Result<IncidentOverview, AppError> {
        let read = actor.scope(Permission::IncidentRead);
        if read.is_none() {
            return Err(AppError::Forbidden);
        }
        let v = IncidentVisibility { read, user_id: actor.id.0 };
        let since = chrono::Utc::now() - chrono::Duration::days(365);
        let db = self.db();
        Ok(IncidentOverview {
            since,
            by_category: repo::per_month(db, &v, since, incident::Column::Category).await?,
            by_severity: repo::per_month(db, &v, since, incident::Column::Severity).await?,
            durations: repo::durations(db, &v, since).await?,
            deadlines: repo::deadlines(db, &v, since).await?,
        })
    }
}
