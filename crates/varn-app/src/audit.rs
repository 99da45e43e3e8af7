//! Reading and verifying the audit log.

use crate::{Actor, App, AppError};
use varn_domain::Permission;
use varn_store::entity::audit_log::Model as AuditRow;
use varn_store::repo::audit::{self as repo, AuditFilter, Verdict};
use varn_store::repo::{ListParams, Page};

impl App {
    /// Audit rows the actor may read (their AuditRead scope), newest first.
    pub async fn audit_list(&self, actor: &Actor, f: &AuditFilter, p: &ListParams) -> Result<Page<AuditRow>, AppError> {
        let cap = actor.can(Permission::AuditRead)?;
        Ok(repo::list(self.store.read(), cap.scope(), f, p).await?)
    }

    /// Checks the whole chain.
    pub async fn audit_verify(&self) -> Result<Verdict, AppError> {
        Ok(repo::verify(self.store.read()).await?)
    }
}
