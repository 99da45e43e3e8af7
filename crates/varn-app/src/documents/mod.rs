//! Governing documents (styrdokument): the register, drafts, the life cycle, strategy
//! actions, remiss comments, staff acknowledgement and follow-up. Reached as
//! `app.documents()`.
//!
//! Visibility: editors (DocumentWrite over the owning unit) see everything; readers of the
//! module (DocumentRead) see what has been published (adopted, repealed, on remiss); every
//! employee reads the adopted documents that apply to their units or any unit above them.

mod adopt;
mod commands;
mod decide;
mod demo;
mod edit;
mod lifecycle;
pub mod pdf;
mod queries;
mod remiss;
pub mod render;
mod unit_acks;
mod view;
mod work;

pub use commands::{
    ActionCommand, ActionForm, ActionJson, Decision, DocForm, DocJson, DraftCommand, VALIDITY_TILLS_VIDARE, VALIDITY_UNTIL,
};
pub use queries::{Comment, Comparison, Document, Repeal, Version, VersionRef};
pub use remiss::{RemissInput, RemissInstance, RemissStatus, TASK_SOURCE_REMISS};
pub use render::{DiffLine, FieldChange};
pub use unit_acks::UnitAck;
pub use varn_store::repo::documents::{
    AckUnitRow, ActionRow, DocFilter, DocRow, FollowUpCount, FollowUpRow, OverdueAction, PendingAck, PersonRow, RemissRow, SORTS,
};
pub use view::{Decided, DocView, Shown};
pub use work::{AckAsk, AckPreview, AckRequestReport, FollowUp};

use crate::{Actor, App, AppError, Capability};
use sea_orm::ConnectionTrait;
use varn_domain::document::{DocType, DocumentRules};
use varn_domain::{Code, FieldErrors, OrgPath, Permission};
use varn_store::entity::document as doc;
use varn_store::repo::documents::{self as repo, DocVisibility};
use varn_store::repo::{settings, ListParams, Page};

/// The module's registration with the foundation.
pub const MODULE: crate::modules::Module = crate::modules::Module {
    name: "documents",
    work: |app, actor, reads| {
        let take = app.documents().work_reads(actor, reads);
        Box::pin(async { Ok(take) })
    },
    unit_refs: |txn, id| Box::pin(repo::unit_references(txn, id)),
    audit_entities: &["document"],
    demo: |app, city| Box::pin(app.documents().load_demo(city)),
    follow_up: |app, scope, today| Box::pin(app.documents().work_counts(scope, today)),
    follow_up_links: &[crate::modules::FollowUpLink { kind: work::FOLLOW_UP_KIND, link: "/documents/follow-up", by_unit: false }],
};

/// The setting that lets a nämnd adopt its own guidelines.
pub const SETTING_NAMND_RIKTLINJE: &str = "documents.namnd_may_adopt_riktlinje";
/// The setting of years between reviews, per type ("4,2,2,2").
pub const SETTING_REVIEW_YEARS: &str = "documents.review_years";

impl App {
    /// The governing-documents module.
    pub fn documents(&self) -> Documents<'_> {
        Documents { app: self }
    }
}

/// The governing-documents module's use cases.
#[derive(Clone, Copy)]
pub struct Documents<'a> {
    app: &'a App,
}

/// A document the actor may change, found inside the write's transaction: the proof of the
/// check, with the capability it returned and the owning unit's path for the audit row.
pub(crate) struct Editable<'c> {
    doc: doc::Model,
    path: String,
    cap: Capability<'c>,
}

impl<'a> Documents<'a> {
    fn db(&self) -> &'a sea_orm::DatabaseConnection {
        self.app.store.read()
    }

    /// What the actor may see of the register.
    pub fn visibility(&self, actor: &Actor) -> DocVisibility {
        let mut chain: Vec<i64> = actor.access.grants().iter().flat_map(|g| g.unit_path.ids()).map(|i| i.0).collect();
        chain.sort_unstable();
        chain.dedup();
        // A registrator sees the documents of the body they record decisions for (the body's
        // unit ids are on the grants' paths: the last id of each).
        let decides = actor
            .access
            .grants()
            .iter()
            .filter(|g| g.role == varn_domain::Role::Registrator)
            .filter_map(|g| g.unit_path.ids().last().map(|i| i.0))
            .collect();
        DocVisibility { write: actor.scope(Permission::DocumentWrite), read: actor.scope(Permission::DocumentRead), chain, decides }
    }

    /// The nämnder and bolag that may be a document's deciding body, in tree order.
    pub async fn deciding_units(&self) -> Result<Vec<varn_store::entity::org_unit::Model>, AppError> {
        Ok(varn_store::repo::org::of_kinds(self.db(), vec![varn_domain::OrgKind::Namnd, varn_domain::OrgKind::Bolag]).await?)
    }

    /// The units a remiss may go to: nämnder, förvaltningar, avdelningar, bolag and external
    /// providers (an enhet answers through its förvaltning), in tree order.
    pub async fn remiss_units(&self) -> Result<Vec<varn_store::entity::org_unit::Model>, AppError> {
        use varn_domain::OrgKind::*;
        Ok(varn_store::repo::org::of_kinds(self.db(), vec![Kommunstyrelse, Namnd, Forvaltning, Avdelning, Bolag, ExternUtovare]).await?)
    }

    /// The city's rules for documents (settings).
    pub async fn rules(&self) -> Result<DocumentRules, AppError> {
        rules_in(self.db()).await
    }

    /// Changes the city's rules (city-wide SettingsAdmin only), audited.
    pub async fn set_rules(&self, actor: &Actor, rules: DocumentRules) -> Result<(), AppError> {
        let cap = actor.can(Permission::SettingsAdmin)?;
        if !cap.scope().is_all() {
            return Err(AppError::Forbidden);
        }
        let mut errs = FieldErrors::new();
        for (t, years) in DocType::ALL.iter().zip(rules.review_years) {
            if !(1..=10).contains(&years) {
                errs.add(&format!("review_years_{t}"), "err.doc.review_years");
            }
        }
        errs.into_result()?;
        let w = self.app.begin(&cap).await?;
        let before = rules_in(&*w).await?;
        settings::set(&*w, SETTING_NAMND_RIKTLINJE, if rules.namnd_may_adopt_riktlinje { "true" } else { "false" }).await?;
        let years: Vec<String> = rules.review_years.iter().map(u8::to_string).collect();
        settings::set(&*w, SETTING_REVIEW_YEARS, &years.join(",")).await?;
        let json = |r| serde_json::to_value(r).unwrap_or(serde_json::Value::Null);
        w.commit(cap.audit("settings.documents", "setting").before(json(before)).after(json(rules))).await
    }

    /// The register: visible documents that match, one page. Its count is kept between this
    /// server's writes (`AppParts::list_counts`).
    pub async fn list(&self, actor: &Actor, f: &DocFilter, p: &ListParams) -> Result<Page<DocRow>, AppError> {
        let v = self.visibility(actor);
        self.app.kept_count("documents", &v, f, p, |known| repo::list_counted(self.db(), &v, f, p, known)).await
    }

    /// Every visible document that is not repealed, for the tree (at most 5 000).
    pub async fn tree(&self, actor: &Actor) -> Result<Vec<DocRow>, AppError> {
        Ok(repo::tree(self.db(), &self.visibility(actor), 5_000).await?)
    }

    /// Whether the actor may create documents anywhere.
    pub fn can_create(&self, actor: &Actor) -> bool {
        actor.access.can_somewhere(Permission::DocumentWrite)
    }

    /// Whether the actor may see the follow-up overview.
    pub fn can_follow_up(&self, actor: &Actor) -> bool {
        actor.access.can_somewhere(Permission::DocumentRead)
    }

    /// A visible document and whether the actor may edit it.
    pub(crate) async fn find(&self, actor: &Actor, id: i64) -> Result<(doc::Model, bool), AppError> {
        self.find_in(&self.visibility(actor), actor, id).await
    }

    /// [`Self::find`] with the visibility already worked out.
    pub(crate) async fn find_in(&self, vis: &DocVisibility, actor: &Actor, id: i64) -> Result<(doc::Model, bool), AppError> {
        let (d, path) = repo::find(self.db(), vis, id).await?.ok_or(AppError::NotFound)?;
        Ok((d, self.may_edit(actor, &path)?))
    }

    /// Whether the actor edits the documents of the unit at `path`.
    pub(crate) fn may_edit(&self, actor: &Actor, path: &str) -> Result<bool, AppError> {
        let p = OrgPath::parse(path).map_err(|e| AppError::Internal(e.into()))?;
        Ok(actor.scope(Permission::DocumentWrite).covers(&p))
    }

    /// A visible document over whose owning unit the actor holds `cap`, read through `db` (the
    /// write's transaction).
    /// A document whose decision the actor may try to record: visible to them (the check of
    /// whom they act for comes with the decision).
    pub(crate) async fn decidable<'c, C: ConnectionTrait>(&self, db: &C, cap: Capability<'c>, id: i64) -> Result<Editable<'c>, AppError> {
        let (doc, path) = repo::find(db, &self.visibility(cap.actor()), id).await?.ok_or(AppError::NotFound)?;
        Ok(Editable { doc, path, cap })
    }

    pub(crate) async fn editable<'c, C: ConnectionTrait>(&self, db: &C, cap: Capability<'c>, id: i64) -> Result<Editable<'c>, AppError> {
        let (doc, path) = repo::find(db, &self.visibility(cap.actor()), id).await?.ok_or(AppError::NotFound)?;
        cap.covers(&path)?;
        Ok(Editable { doc, path, cap })
    }
}

/// The city's rules, read through `db`.
async fn rules_in<C: ConnectionTrait>(db: &C) -> Result<DocumentRules, AppError> {
    let v = settings::get(db, SETTING_NAMND_RIKTLINJE).await?;
    let mut rules = DocumentRules { namnd_may_adopt_riktlinje: v.as_deref() == Some("true"), ..DocumentRules::default() };
    if let Some(years) = settings::get(db, SETTING_REVIEW_YEARS).await? {
        for (slot, y) in rules.review_years.iter_mut().zip(years.split(',')) {
            *slot = y.trim().parse().unwrap_or(*slot);
        }
    }
    Ok(rules)
}
