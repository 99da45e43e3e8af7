//! Staff acknowledgement of adopted versions, and follow-up of what is overdue.

use crate::{Actor, App, AppError};
use sea_orm::{ActiveModelTrait, Set, TransactionTrait};
use serde::Serialize;
use serde_json::json;
use varn_domain::{OrgPath, Permission};
use varn_store::entity::{document_ack, document_ack_request};
use varn_store::repo::documents::{
    self as repo, AckUnitRow, FollowUpCount, FollowUpFor, FollowUpRow, OverdueAction, PendingAck, PersonRow,
};
use varn_store::repo::{audit, now, org};

/// One request and how far its staff have come.
#[derive(Debug, Clone, Serialize)]
pub struct AckRequestReport {
    /// The unit asked.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// Version number asked about.
    pub version: i32,
    /// Per unit of its subtree.
    pub units: Vec<AckUnitRow>,
    /// Totals.
    pub staff: i64,
    /// Totals.
    pub acknowledged: i64,
}

/// The follow-up overview.
#[derive(Debug, Clone, Serialize)]
pub struct FollowUp {
    /// Counts per owning unit.
    pub counts: Vec<FollowUpCount>,
    /// Documents to act on.
    pub documents: Vec<FollowUpRow>,
    /// Strategy actions past their deadline.
    pub actions: Vec<OverdueAction>,
}

impl App {
    /// Asks the staff of a unit (and its subtree) to confirm the adopted version.
    pub async fn doc_request_ack(&self, actor: &Actor, id: i64, unit_id: &str) -> Result<(), AppError> {
        let (m, path) = self.doc_find_editable(actor, id).await?;
        let version_id = m.current_version_id.ok_or_else(|| AppError::conflict("err.doc.not_adopted"))?;
        if m.status == "upphavd" {
            return Err(AppError::conflict("err.doc.not_adopted"));
        }
        let uid: i64 = unit_id.trim().parse().map_err(|_| AppError::field("unit_id", "err.choose"))?;
        let db = self.store.read();
        let unit = org::find_any(db, uid).await?.ok_or_else(|| AppError::field("unit_id", "err.choose"))?;
        let applies = org::find_any(db, m.applies_to_unit_id).await?.ok_or(AppError::NotFound)?;
        if !unit.path.starts_with(&applies.path) {
            return Err(AppError::field("unit_id", "err.doc.ack_outside"));
        }
        if repo::ack_requests(db, id).await?.iter().any(|r| r.version_id == version_id && r.unit_id == uid) {
            return Err(AppError::field("unit_id", "err.doc.ack_exists"));
        }
        let txn = self.store.write().begin().await?;
        document_ack_request::ActiveModel {
            document_id: Set(id),
            version_id: Set(version_id),
            unit_id: Set(uid),
            requested_by: Set(Some(actor.id.0)),
            requested_at: Set(now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let mut a = actor.audit("document.ack_request", "document");
        a.entity_id = Some(id);
        a.org_path = Some(path);
        a.after = Some(json!({"unit": uid, "version_id": version_id}));
        audit::append(&txn, a).await?;
        txn.commit().await?;
        Ok(())
    }

    /// The actor confirms having read the adopted version they were asked about.
    pub async fn doc_acknowledge(&self, actor: &Actor, id: i64) -> Result<(), AppError> {
        let (m, _) = self.doc_find(actor, id).await?;
        let vis = self.doc_visibility(actor);
        let db = self.store.read();
        let pending = repo::pending_acks(db, actor.id.0, &vis.chain).await?;
        let p = pending.into_iter().find(|p| p.document_id == id).ok_or_else(|| AppError::conflict("err.doc.ack_not_asked"))?;
        let path = org::find_any(db, m.unit_id).await?.map(|u| u.path);
        let txn = self.store.write().begin().await?;
        document_ack::ActiveModel {
            document_id: Set(id),
            version_id: Set(p.version_id),
            user_id: Set(actor.id.0),
            acknowledged_at: Set(now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let mut a = actor.audit("document.acknowledge", "document");
        a.entity_id = Some(id);
        a.org_path = path;
        a.after = Some(json!({"version": p.number}));
        audit::append(&txn, a).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Who has confirmed, per request and unit (editors and domain readers).
    pub async fn doc_ack_report(&self, actor: &Actor, id: i64) -> Result<Vec<AckRequestReport>, AppError> {
        let (m, can_edit) = self.doc_find(actor, id).await?;
        let db = self.store.read();
        let path = org::find_any(db, m.unit_id).await?.map(|u| u.path).unwrap_or_default();
        let p = OrgPath::parse(&path).map_err(|e| AppError::Internal(e.into()))?;
        if !can_edit && !actor.scope(Permission::DomainRead).covers(&p) {
            return Err(AppError::Forbidden);
        }
        let reqs = repo::ack_requests(db, id).await?;
        let versions = repo::versions(db, id).await?;
        let mut out = Vec::with_capacity(reqs.len());
        for r in reqs {
            let Some(unit) = org::find_any(db, r.unit_id).await? else { continue };
            let units = repo::ack_report(db, r.version_id, &unit.path).await?;
            out.push(AckRequestReport {
                unit_id: unit.id,
                unit_name: unit.name,
                version: versions.iter().find(|v| v.id == r.version_id).map(|v| v.number).unwrap_or_default(),
                staff: units.iter().map(|u| u.staff).sum(),
                acknowledged: units.iter().map(|u| u.acknowledged).sum(),
                units,
            });
        }
        Ok(out)
    }

    /// The staff of one unit who have not confirmed the adopted version.
    pub async fn doc_not_acked(&self, actor: &Actor, id: i64, unit_id: i64) -> Result<Vec<PersonRow>, AppError> {
        // Only units the document asked: the report is not a way to list any unit's staff.
        let reports = self.doc_ack_report(actor, id).await?;
        if !reports.iter().flat_map(|r| r.units.iter()).any(|u| u.unit_id == unit_id) {
            return Err(AppError::NotFound);
        }
        let (m, _) = self.doc_find(actor, id).await?;
        let v = m.current_version_id.ok_or(AppError::NotFound)?;
        Ok(repo::not_acked(self.store.read(), v, unit_id, 500).await?)
    }

    /// Adopted versions the actor is asked to confirm.
    pub async fn doc_pending_acks(&self, actor: &Actor) -> Result<Vec<PendingAck>, AppError> {
        let vis = self.doc_visibility(actor);
        Ok(repo::pending_acks(self.store.read(), actor.id.0, &vis.chain).await?)
    }

    /// Documents the actor owns (or whose unit they act for) that need follow-up, and the
    /// overdue actions of the strategies they own.
    pub async fn doc_my_follow_up(&self, actor: &Actor) -> Result<(Vec<FollowUpRow>, Vec<OverdueAction>), AppError> {
        let db = self.store.read();
        let units = repo::units_acted_for(db, actor.id.0).await?;
        let today = chrono::Utc::now().date_naive();
        let docs = repo::follow_up(db, FollowUpFor::Owner(actor.id.0, &units), today, 200).await?;
        let actions = repo::overdue_actions(db, FollowUpFor::Owner(actor.id.0, &units), today, 200).await?;
        Ok((docs, actions))
    }

    /// The overview for the samordnare: counts per unit and the first `cap` items of each
    /// list, within DomainRead.
    pub async fn doc_follow_up(&self, actor: &Actor, cap: u64) -> Result<FollowUp, AppError> {
        let scope = actor.can(Permission::DomainRead)?;
        let db = self.store.read();
        let today = chrono::Utc::now().date_naive();
        Ok(FollowUp {
            counts: repo::follow_up_counts(db, &scope.scope, today).await?,
            documents: repo::follow_up(db, FollowUpFor::Scope(&scope.scope), today, cap).await?,
            actions: repo::overdue_actions(db, FollowUpFor::Scope(&scope.scope), today, cap).await?,
        })
    }
}
