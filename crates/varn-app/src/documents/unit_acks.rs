//! A unit's read confirmations: for each document in force that its staff are asked to confirm
//! (a request on the unit or on a unit above it), how many of the people with a role in the
//! unit and below have confirmed. Shown on the unit's overview.

use super::Documents;
use crate::{Actor, AppError};
use serde::Serialize;
use varn_domain::{OrgPath, Permission};
use varn_store::repo::documents as repo;

/// One document the unit's staff are asked to confirm, and how far they have come.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct UnitAck {
    /// Document.
    pub document_id: i64,
    /// Its title.
    pub title: String,
    /// People with a role in the unit and below (each once).
    pub staff: i64,
    /// Of whom confirmed the version in force.
    pub acknowledged: i64,
}

impl Documents<'_> {
    /// The read confirmations of the unit at `unit_path` (with its subtree), for those who read
    /// documents there or follow up its work; empty for others.
    pub async fn unit_acks(&self, actor: &Actor, unit_path: &str) -> Result<Vec<UnitAck>, AppError> {
        let Ok(path) = OrgPath::parse(unit_path) else { return Ok(vec![]) };
        if !actor.scope(Permission::DocumentRead).covers(&path) && !actor.scope(Permission::Supervise).covers(&path) {
            return Ok(vec![]);
        }
        // Kept a minute, or until a request, a confirmation or a change of roles on this server;
        // concurrent readers of a unit wait for one count (the city's top: 0.3 s).
        let load = async {
            let db = self.db();
            let chain: Vec<i64> = path.ids().into_iter().map(|i| i.0).collect();
            let requests = repo::covering_requests(db, &chain).await?;
            if requests.is_empty() {
                // Nothing asked of this unit's staff: no need to count them.
                return Ok(std::sync::Arc::new(vec![]));
            }
            let versions: Vec<i64> = requests.iter().map(|r| r.version_id).collect();
            // Each person once; every document's confirmations in one query.
            let (staff, acked) = repo::ack_totals(db, &versions, unit_path).await?;
            let out: Vec<UnitAck> = requests
                .into_iter()
                .map(|r| UnitAck {
                    acknowledged: acked.iter().find(|(v, _)| *v == r.version_id).map_or(0, |(_, n)| *n),
                    document_id: r.document_id,
                    title: r.title,
                    staff,
                })
                .collect();
            Ok::<_, AppError>(std::sync::Arc::new(out))
        };
        let kept = self.app.unit_acks.try_get_with(unit_path.to_owned(), load).await.map_err(|e| AppError::Internal(e.to_string()))?;
        Ok(kept.to_vec())
    }
}
