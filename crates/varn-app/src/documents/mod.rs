//! Governing documents (styrdokument): the register, drafts, the life cycle, strategy
//! actions, remiss comments, staff acknowledgement and follow-up.
//!
//! Visibility: editors (DomainWrite over the owning unit) see everything; readers of the
//! domain (DomainRead) see what has been published (adopted, repealed, on remiss); every
//! employee reads the adopted documents that apply to their units or any unit above them.

pub mod ack;
mod input;
mod lifecycle;
pub mod pdf;
pub mod render;
mod view;

pub use input::{ActionInput, DocInput};
pub use lifecycle::Decision;
pub use view::{DocView, VersionRef};

use crate::{Actor, App, AppError};
use varn_domain::document::DocumentRules;
use varn_domain::{OrgPath, Permission};
use varn_store::entity::document as doc;
use varn_store::repo::documents::{self as repo, DocFilter, DocRow, DocVisibility};
use varn_store::repo::{settings, ListParams, Page};

/// The setting that lets a nämnd adopt its own guidelines.
pub const SETTING_NAMND_RIKTLINJE: &str = "documents.namnd_may_adopt_riktlinje";

impl App {
    /// What the actor may see of the register.
    pub fn doc_visibility(&self, actor: &Actor) -> DocVisibility {
        let mut chain: Vec<i64> = actor.access.grants().iter().flat_map(|g| g.unit_path.ids()).map(|i| i.0).collect();
        chain.sort_unstable();
        chain.dedup();
        DocVisibility { write: actor.scope(Permission::DomainWrite), read: actor.scope(Permission::DomainRead), chain }
    }

    /// The city's rules for documents (settings).
    pub async fn doc_rules(&self) -> Result<DocumentRules, AppError> {
        let v = settings::get(self.store.read(), SETTING_NAMND_RIKTLINJE).await?;
        Ok(DocumentRules { namnd_may_adopt_riktlinje: v.as_deref() == Some("true") })
    }

    /// Changes the city's rules (SettingsAdmin only), audited.
    pub async fn doc_set_rules(&self, actor: &Actor, rules: DocumentRules) -> Result<(), AppError> {
        actor.can(Permission::SettingsAdmin)?;
        if !actor.scope(Permission::SettingsAdmin).is_all() {
            return Err(AppError::Forbidden);
        }
        let before = self.doc_rules().await?;
        let txn = sea_orm::TransactionTrait::begin(self.store.write()).await?;
        settings::set(&txn, SETTING_NAMND_RIKTLINJE, if rules.namnd_may_adopt_riktlinje { "true" } else { "false" }).await?;
        let mut a = actor.audit("settings.documents", "setting");
        a.before = Some(serde_json::to_value(before).unwrap_or(serde_json::Value::Null));
        a.after = Some(serde_json::to_value(rules).unwrap_or(serde_json::Value::Null));
        varn_store::repo::audit::append(&txn, a).await?;
        txn.commit().await?;
        Ok(())
    }

    /// The register: visible documents that match, one page.
    pub async fn doc_list(&self, actor: &Actor, f: &DocFilter, p: &ListParams) -> Result<Page<DocRow>, AppError> {
        Ok(repo::list(self.store.read(), &self.doc_visibility(actor), f, p).await?)
    }

    /// Every visible document that is not repealed, for the tree (at most 5 000).
    pub async fn doc_tree(&self, actor: &Actor) -> Result<Vec<DocRow>, AppError> {
        Ok(repo::tree(self.store.read(), &self.doc_visibility(actor), 5_000).await?)
    }

    /// Whether the actor may create documents anywhere.
    pub fn doc_can_create(&self, actor: &Actor) -> bool {
        actor.access.can_somewhere(Permission::DomainWrite)
    }

    /// A visible document and whether the actor may edit it.
    pub(crate) async fn doc_find(&self, actor: &Actor, id: i64) -> Result<(doc::Model, bool), AppError> {
        let (d, path) = repo::find(self.store.read(), &self.doc_visibility(actor), id).await?.ok_or(AppError::NotFound)?;
        let p = OrgPath::parse(&path).map_err(|e| AppError::Internal(e.into()))?;
        let can_edit = actor.scope(Permission::DomainWrite).covers(&p);
        Ok((d, can_edit))
    }

    /// A visible document the actor may edit, with its unit's path.
    pub(crate) async fn doc_find_editable(&self, actor: &Actor, id: i64) -> Result<(doc::Model, String), AppError> {
        let cap = actor.can(Permission::DomainWrite)?;
        let (d, path) = repo::find(self.store.read(), &self.doc_visibility(actor), id).await?.ok_or(AppError::NotFound)?;
        cap.covers(&path)?;
        Ok((d, path))
    }
}
