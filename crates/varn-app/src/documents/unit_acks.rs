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
    /// People with a role in the unit and below (summed per unit, as the request's report does).
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
        let db = self.db();
        let chain: Vec<i64> = path.ids().into_iter().map(|i| i.0).collect();
        let mut out = Vec::new();
        for r in repo::covering_requests(db, &chain).await? {
            // The same report the request's page shows, kept a minute (see App::ack_reports).
            let key = (r.version_id, unit_path.to_owned());
            let units = match self.app.ack_reports.get(&key) {
                Some(u) => u,
                None => {
                    let u = std::sync::Arc::new(repo::ack_report(db, r.version_id, unit_path).await?);
                    self.app.ack_reports.insert(key, u.clone());
                    u
                }
            };
            out.push(UnitAck {
                document_id: r.document_id,
                title: r.title,
                staff: units.iter().map(|u| u.staff).sum(),
                acknowledged: units.iter().map(|u| u.acknowledged).sum(),
            });
        }
        Ok(out)
    }
}
