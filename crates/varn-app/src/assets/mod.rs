//! Information assets (informationstillgångar), the carrier register and classification.
//! Reached as `app.assets()`.
//!
//! Who may do what: AssetRead reads the assets in scope; AssetWrite (unit heads, the
//! samordnare) registers, changes and classifies every asset and carrier in scope; an
//! information owner (AssetOwn) does so for the assets they own, and registers carriers
//! they are systemägare of. The carrier register is read city-wide by everyone who uses
//! the module: an owner must find the systems other förvaltningar run.

mod carrier_commands;
mod classify;
pub(crate) mod commands;
mod demo;
mod edit;
mod graph;
mod import;
mod import_carriers;
mod plan;
mod queries;
mod reports;
mod work;

pub use carrier_commands::{CarrierCommand, CarrierForm, CarrierJson};
pub use classify::{ClassifyForm, ClassifyJson, Comparison, Preview};
pub use commands::{AssetCommand, AssetForm, AssetJson};
pub use graph::{DependencyGraph, Reach};
pub use import::{is_xlsx, xlsx_to_csv, ImportPreview, RowProblem};
pub use plan::{MeasureForm, PlanItem};
pub use queries::{AssetPageParts, AssetView, CarrierView, Graph};
pub use reports::Overview;
pub use varn_store::repo::assets::{
    AssetFilter, AssetRow, CarrierFilter, CarrierRow, ClassificationRow, UnitCoverage, CARRIER_SORTS, SORTS,
};

use crate::{Actor, App, AppError, Capability};
use sea_orm::ConnectionTrait;
use varn_domain::asset::{Catalogue, Model};
use varn_domain::{OrgPath, Permission};
use varn_store::entity::{asset, carrier};
use varn_store::repo::assets::{self as repo, AssetVisibility};
use varn_store::repo::{ListParams, Page};

/// The module's registration with the foundation.
pub const MODULE: crate::modules::Module = crate::modules::Module {
    name: "assets",
    work: |app, actor, reads| {
        let take = app.assets().work_reads(actor, reads);
        Box::pin(async { Ok(take) })
    },
    unit_refs: |txn, id| Box::pin(repo::unit_references(txn, id)),
    audit_entities: &["asset", "carrier"],
    demo: |app, city| Box::pin(app.assets().load_demo(city)),
    // Classifications past their review date.
    follow_up: |app, scope, today| Box::pin(app.past_date(REVIEW_LATE, today.into(), scope)),
    follow_up_links: &[crate::modules::FollowUpLink { kind: "asset.review", link: "/assets?review=overdue", by_unit: true }],
};

/// What the follow-up counts of assets: a classification past its review date.
const REVIEW_LATE: varn_store::repo::work::PastDate =
    varn_store::repo::work::PastDate { table: "assets", column: "next_review", kind: "asset.review" };

/// The city's classification model and the requirements its levels call for, checked
/// against each other.
#[derive(Debug, Clone)]
pub struct Classification {
    /// The model.
    pub model: Model,
    /// The catalogue.
    pub catalogue: Catalogue,
}

impl Classification {
    /// Parses and checks a model file and a requirements file (YAML).
    pub fn parse(model: &str, requirements: &str) -> Result<Self, AppError> {
        let bad = |what: &str, e: &dyn std::fmt::Display| AppError::Internal(format!("classification {what}: {e}"));
        let model: Model = serde_yaml::from_str(model).map_err(|e| bad("model", &e))?;
        model.check().map_err(|e| bad("model", &e))?;
        let catalogue: Catalogue = serde_yaml::from_str(requirements).map_err(|e| bad("requirements", &e))?;
        catalogue.check(&model).map_err(|e| bad("requirements", &e))?;
        Ok(Classification { model, catalogue })
    }

    /// The files in `data/classification/` as shipped.
    pub fn builtin() -> Result<Self, AppError> {
        Self::parse(
            include_str!("../../../../data/classification/model.yaml"),
            include_str!("../../../../data/classification/requirements.yaml"),
        )
    }
}

impl App {
    /// The information-asset module.
    pub fn assets(&self) -> Assets<'_> {
        Assets { app: self }
    }
}

/// The information-asset module's use cases.
#[derive(Clone, Copy)]
pub struct Assets<'a> {
    app: &'a App,
}

/// An asset the actor may change, found inside the write's transaction, with the capability
/// that allows it and the owning unit's path for the audit row.
pub(crate) struct Editable<'c> {
    asset: asset::Model,
    path: String,
    cap: Capability<'c>,
}

impl<'a> Assets<'a> {
    fn db(&self) -> &'a sea_orm::DatabaseConnection {
        self.app.store.read()
    }

    /// The model and catalogue in use.
    pub fn classification(&self) -> &'a Classification {
        &self.app.classification
    }

    /// What the actor may see.
    pub fn visibility(&self, actor: &Actor) -> AssetVisibility {
        AssetVisibility { read: actor.scope(Permission::AssetRead), write: actor.scope(Permission::AssetWrite), user_id: actor.id.0 }
    }

    /// Whether the actor uses the module at all.
    pub fn can_use(&self, actor: &Actor) -> bool {
        self.visibility(actor).any()
    }

    /// Whether the actor may register assets somewhere.
    pub fn can_create(&self, actor: &Actor) -> bool {
        actor.access.can_somewhere(Permission::AssetWrite) || actor.access.can_somewhere(Permission::AssetOwn)
    }

    /// Whether the actor may change this asset: AssetWrite over its unit, or its owner
    /// holding AssetOwn.
    pub fn may_edit(&self, actor: &Actor, a: &asset::Model, path: &str) -> bool {
        let covers = OrgPath::parse(path).is_ok_and(|p| actor.scope(Permission::AssetWrite).covers(&p));
        covers || (a.owner_user_id == Some(actor.id.0) && actor.access.can_somewhere(Permission::AssetOwn))
    }

    /// Whether the actor may change this carrier: AssetWrite over its unit, or its
    /// systemägare holding AssetOwn.
    pub fn may_edit_carrier(&self, actor: &Actor, c: &carrier::Model, path: &str) -> bool {
        let covers = OrgPath::parse(path).is_ok_and(|p| actor.scope(Permission::AssetWrite).covers(&p));
        covers || (c.system_owner_user_id == Some(actor.id.0) && actor.access.can_somewhere(Permission::AssetOwn))
    }

    /// The active units where the actor may register assets and carriers (AssetWrite's,
    /// and an owner's AssetOwn), in tree order.
    pub async fn writable_units(&self, actor: &Actor) -> Result<Vec<varn_store::entity::org_unit::Model>, AppError> {
        let mut units = self.app.org_units_in(actor, Permission::AssetWrite).await?;
        for u in self.app.org_units_in(actor, Permission::AssetOwn).await? {
            if !units.iter().any(|x| x.id == u.id) {
                units.push(u);
            }
        }
        units.retain(|u| u.active);
        units.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(units)
    }

    /// The bodies that may be personuppgiftsansvarig: kommunstyrelsen, the nämnder and the
    /// bolag, in tree order.
    pub async fn pua_bodies(&self) -> Result<Vec<varn_store::entity::org_unit::Model>, AppError> {
        use varn_domain::OrgKind::*;
        Ok(varn_store::repo::org::of_kinds(self.db(), vec![Kommunstyrelse, Namnd, Bolag]).await?)
    }

    /// The register: visible assets that match, one page. Its count is kept between this
    /// server's writes (`AppParts::list_counts`).
    pub async fn list(&self, actor: &Actor, f: &AssetFilter, p: &ListParams) -> Result<Page<AssetRow>, AppError> {
        let mut f = f.clone();
        if let Some(u) = f.unit_id {
            // A unit outside what the actor may see is a mistake at the filter, not an empty list.
            let path = self.unit_path(actor, u).await.map_err(|_| AppError::field("unit_id", "err.choose"))?;
            f.under = Some(path);
        }
        let v = self.visibility(actor);
        if repo::by_trigram(&v, &f) {
            f.key_trigram = self.rarest_trigram(p.q.as_deref().unwrap_or_default()).await?;
        }
        self.app.kept_count("assets", &v, &f, p, |known| repo::list_counted(self.db(), &v, &f, p, known)).await
    }

    /// Of a search's three-letter runs, the one the fewest assets hold, which a search of the
    /// whole city reads its assets by (`repo::AssetFilter::key_trigram`). The first three
    /// letters of "akter" ("akt") are held by 4 712 of storstad's 25 000 assets ("Fakturor",
    /// "Kontaktcenter"), "kte" by 3 750, and walked in name order the 50 first of the 2 500
    /// matches came after 2 038 rows of "akt" against 51 of "kte". The counts are kept
    /// (`AppParts::asset_trigrams`, ten minutes): one that is old makes a search
    /// slower, never wrong, as every run of the search is held by every asset it matches.
    /// None for a search shorter than three letters.
    pub async fn rarest_trigram(&self, typed: &str) -> Result<Option<String>, AppError> {
        let tris = varn_store::repo::trigrams_of(typed);
        if tris.len() < 2 {
            return Ok(tris.into_iter().next());
        }
        let kept = &self.app.asset_trigrams;
        let missing: Vec<String> = tris.iter().filter(|t| !kept.contains_key(*t)).cloned().collect();
        if !missing.is_empty() {
            let counted = repo::trigram_rows(self.db(), &missing).await?;
            for t in missing {
                let n = counted.iter().find(|(c, _)| *c == t).map_or(0, |(_, n)| *n);
                kept.insert(t, n);
            }
        }
        // The first of the fewest (the counts as kept; one evicted meanwhile counts as many).
        Ok(tris.into_iter().min_by_key(|t| kept.get(t).unwrap_or(i64::MAX)))
    }

    /// The carrier register, one page.
    pub async fn carriers(&self, actor: &Actor, f: &CarrierFilter, p: &ListParams) -> Result<Page<CarrierRow>, AppError> {
        Ok(repo::carriers(self.db(), &self.visibility(actor), f, p).await?)
    }

    /// The path of a unit the actor may see, for the subtree filter (`NotFound` outside scope).
    pub async fn unit_path(&self, actor: &Actor, unit_id: i64) -> Result<String, AppError> {
        self.app.readable_unit_path(actor, unit_id).await
    }

    /// An asset the actor may change, read through `db` (the write's transaction).
    pub(crate) async fn editable<'c, C: ConnectionTrait>(&self, db: &C, actor: &'c Actor, id: i64) -> Result<Editable<'c>, AppError> {
        let (asset, path) = repo::find(db, &self.visibility(actor), id).await?.ok_or(AppError::NotFound)?;
        if !self.may_edit(actor, &asset, &path) {
            return Err(AppError::Forbidden);
        }
        Ok(Editable { cap: self.cap_for(actor, &path)?, asset, path })
    }

    /// Commits a change of the register with its audit row, and forgets the overviews
    /// computed before it.
    pub(crate) async fn commit(&self, w: crate::Write, audit: crate::Audit) -> Result<(), AppError> {
        w.commit(audit).await?;
        self.app.asset_overviews.invalidate_all();
        Ok(())
    }

    /// The capability a change at `path` is made with: AssetWrite where it covers, else the
    /// owner's AssetOwn.
    fn cap_for<'c>(&self, actor: &'c Actor, path: &str) -> Result<Capability<'c>, AppError> {
        let covers = OrgPath::parse(path).is_ok_and(|p| actor.scope(Permission::AssetWrite).covers(&p));
        actor.can(if covers { Permission::AssetWrite } else { Permission::AssetOwn })
    }
}
