//! Writing the register: assets, carriers, which carriers an asset lives on and what a
//! carrier depends on. Formats are checked by the commands ([`super::commands`]); here what
//! needs the database, inside the write's transaction.

use super::carrier_commands::CarrierCommand;
use super::commands::AssetCommand;
use super::Assets;
use crate::{Actor, AppError};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use serde_json::json;
use varn_domain::{FieldErrors, OrgKind, OrgPath, Permission};
use varn_store::entity::{asset, carrier};
use varn_store::repo::assets as repo;
use varn_store::repo::{now, org, users};

fn covers(actor: &Actor, p: Permission, path: &str) -> bool {
    OrgPath::parse(path).is_ok_and(|x| actor.scope(p).covers(&x))
}

/// An active user by sign-in name, or a field error.
async fn person<C: ConnectionTrait>(db: &C, e: &mut FieldErrors, field: &str, name: &Option<String>) -> Result<Option<i64>, AppError> {
    let Some(name) = name else { return Ok(None) };
    match users::find_person(db, name).await? {
        Some(u) if u.active => Ok(Some(u.id)),
        _ => {
            e.add(field, "err.user.unknown");
            Ok(None)
        }
    }
}

pub(super) fn asset_json(a: &asset::Model) -> serde_json::Value {
    json!({"name": a.name, "unit_id": a.unit_id, "owner_user_id": a.owner_user_id, "pua_unit_id": a.pua_unit_id,
        "forms": a.forms, "processes": a.processes, "osl": a.osl, "personal_data": a.personal_data,
        "special_categories": a.special_categories, "description": a.description})
}

pub(super) fn carrier_json(c: &carrier::Model) -> serde_json::Value {
    json!({"kind": c.kind, "name": c.name, "unit_id": c.unit_id, "system_owner_user_id": c.system_owner_user_id,
        "system_admin_user_id": c.system_admin_user_id, "supplier": c.supplier, "hosting": c.hosting, "country": c.country,
        "third_country": c.third_country, "transfer_basis": c.transfer_basis, "description": c.description})
}

/// What the checks found: the owner, and the unit's path.
pub(super) struct Checked {
    pub(super) owner: Option<i64>,
    pub(super) path: String,
}

impl Assets<'_> {
    /// Checks an asset's references through `db`: the unit (active, within the actor's
    /// AssetWrite, or their AssetOwn when they own it), the owner, the personuppgiftsansvarig
    /// body (a nämnd, KS or a bolag).
    pub(super) async fn check_asset<C: ConnectionTrait>(&self, db: &C, actor: &Actor, cmd: &AssetCommand) -> Result<Checked, AppError> {
        let mut e = FieldErrors::new();
        let mut owner = person(db, &mut e, "owner_username", &cmd.owner_username).await?;
        let unit = org::find_any(db, cmd.unit_id).await?.filter(|u| u.active);
        let writes = unit.as_ref().is_some_and(|u| covers(actor, Permission::AssetWrite, &u.path));
        let owns = unit.as_ref().is_some_and(|u| covers(actor, Permission::AssetOwn, &u.path));
        if !writes && owns {
            // An information owner registers and keeps their own assets.
            match owner {
                None if cmd.owner_username.is_none() => owner = Some(actor.id.0),
                Some(o) if o != actor.id.0 => e.add("owner_username", "err.asset.owner_self"),
                _ => {}
            }
        }
        if !writes && !owns {
            e.add("unit_id", "err.asset.unit_forbidden");
        }
        if let Some(p) = cmd.pua_unit_id {
            let ok =
                org::find_any(db, p).await?.is_some_and(|u| matches!(u.kind, OrgKind::Namnd | OrgKind::Kommunstyrelse | OrgKind::Bolag));
            if !ok {
                e.add("pua_unit_id", "err.asset.pua_kind");
            }
        }
        e.into_result()?;
        Ok(Checked { owner, path: unit.map(|u| u.path).unwrap_or_default() })
    }

    /// Registers an asset; returns its id. The command comes as its conversion's result, so
    /// that who may act is checked before what they sent.
    pub async fn create(&self, actor: &Actor, cmd: Result<AssetCommand, FieldErrors>) -> Result<i64, AppError> {
        if !self.can_create(actor) {
            return Err(AppError::Forbidden);
        }
        let cmd = &cmd?;
        let c = self.check_asset(self.db(), actor, cmd).await?;
        let cap = self.cap_for(actor, &c.path)?;
        let w = self.app.begin(&cap).await?;
        let c = self.check_asset(&*w, actor, cmd).await?;
        let mut m = asset::ActiveModel { created_at: Set(now()), ..Default::default() };
        fill_asset(&mut m, cmd, c.owner);
        let a = m.insert(&*w).await?;
        self.commit(w, cap.audit("asset.create", "asset").entity(a.id).at(c.path).after(asset_json(&a))).await?;
        Ok(a.id)
    }

    /// Changes an asset's facts (not its classification).
    pub async fn update(&self, actor: &Actor, id: i64, cmd: Result<AssetCommand, FieldErrors>) -> Result<(), AppError> {
        let probe = self.editable(self.db(), actor, id).await?;
        let cmd = &cmd?;
        let w = self.app.begin(&probe.cap).await?;
        let ed = self.editable(&*w, actor, id).await?;
        let c = self.check_asset(&*w, actor, cmd).await?;
        let before = asset_json(&ed.asset);
        let mut a: asset::ActiveModel = ed.asset.into();
        fill_asset(&mut a, cmd, c.owner);
        let a = a.update(&*w).await?;
        self.commit(w, ed.cap.audit("asset.update", "asset").entity(id).at(c.path).before(before).after(asset_json(&a))).await
    }

    /// Links (or unlinks) a carrier to an asset the actor may change.
    pub async fn link_carrier(&self, actor: &Actor, id: i64, carrier_id: i64, linked: bool) -> Result<(), AppError> {
        let probe = self.editable(self.db(), actor, id).await?;
        let w = self.app.begin(&probe.cap).await?;
        let ed = self.editable(&*w, actor, id).await?;
        let vis = self.visibility(actor);
        if repo::carrier(&*w, &vis, carrier_id).await?.is_none() {
            return Err(AppError::field("carrier_id", "err.asset.carrier_unknown"));
        }
        let mut now_on: Vec<i64> = repo::carriers_of(&*w, &vis, id).await?.into_iter().map(|c| c.id).collect();
        let before = now_on.clone();
        now_on.retain(|c| *c != carrier_id);
        if linked {
            now_on.push(carrier_id);
        }
        repo::set_carriers(&*w, id, &now_on).await?;
        let action = if linked { "asset.link_carrier" } else { "asset.unlink_carrier" };
        self.commit(
            w,
            ed.cap.audit(action, "asset").entity(id).at(ed.path).before(json!({"carriers": before})).after(json!({"carriers": now_on})),
        )
        .await
    }

    /// Checks a carrier's references: the unit (AssetWrite, or AssetOwn naming oneself as
    /// systemägare), the people.
    pub(super) async fn check_carrier<C: ConnectionTrait>(
        &self,
        db: &C,
        actor: &Actor,
        cmd: &CarrierCommand,
    ) -> Result<(Option<i64>, Option<i64>, String), AppError> {
        let mut e = FieldErrors::new();
        let owner = person(db, &mut e, "system_owner_username", &cmd.system_owner_username).await?;
        let admin = person(db, &mut e, "system_admin_username", &cmd.system_admin_username).await?;
        let unit = org::find_any(db, cmd.unit_id).await?.filter(|u| u.active);
        let writes = unit.as_ref().is_some_and(|u| covers(actor, Permission::AssetWrite, &u.path));
        let owns = unit.as_ref().is_some_and(|u| covers(actor, Permission::AssetOwn, &u.path));
        if !writes && !owns {
            e.add("unit_id", "err.asset.unit_forbidden");
        } else if !writes && owner != Some(actor.id.0) && e.get("system_owner_username").is_none() {
            e.add("system_owner_username", "err.asset.system_owner_self");
        }
        e.into_result()?;
        Ok((owner, admin, unit.map(|u| u.path).unwrap_or_default()))
    }

    /// Registers a carrier; returns its id.
    pub async fn create_carrier(&self, actor: &Actor, cmd: Result<CarrierCommand, FieldErrors>) -> Result<i64, AppError> {
        if !self.can_create(actor) {
            return Err(AppError::Forbidden);
        }
        let cmd = &cmd?;
        let (_, _, path) = self.check_carrier(self.db(), actor, cmd).await?;
        let cap = self.cap_for(actor, &path)?;
        let w = self.app.begin(&cap).await?;
        let (owner, admin, path) = self.check_carrier(&*w, actor, cmd).await?;
        let t = now();
        let mut m = carrier::ActiveModel { created_at: Set(t), ..Default::default() };
        fill_carrier(&mut m, cmd, owner, admin);
        let c = m.insert(&*w).await?;
        self.commit(w, cap.audit("carrier.create", "carrier").entity(c.id).at(path).after(carrier_json(&c))).await?;
        Ok(c.id)
    }

    /// A carrier the actor may change, read through `db`, with its unit's path.
    async fn editable_carrier<C: ConnectionTrait>(&self, db: &C, actor: &Actor, id: i64) -> Result<(carrier::Model, String), AppError> {
        let (c, path) = repo::carrier(db, &self.visibility(actor), id).await?.ok_or(AppError::NotFound)?;
        if !self.may_edit_carrier(actor, &c, &path) {
            return Err(AppError::Forbidden);
        }
        Ok((c, path))
    }

    /// Changes a carrier.
    pub async fn update_carrier(&self, actor: &Actor, id: i64, cmd: Result<CarrierCommand, FieldErrors>) -> Result<(), AppError> {
        let (_, path) = self.editable_carrier(self.db(), actor, id).await?;
        let cmd = &cmd?;
        let cap = self.cap_for(actor, &path)?;
        let w = self.app.begin(&cap).await?;
        let (c, _) = self.editable_carrier(&*w, actor, id).await?;
        let (owner, admin, path) = self.check_carrier(&*w, actor, cmd).await?;
        let before = carrier_json(&c);
        let mut m: carrier::ActiveModel = c.into();
        fill_carrier(&mut m, cmd, owner, admin);
        let c = m.update(&*w).await?;
        self.commit(w, cap.audit("carrier.update", "carrier").entity(id).at(path).before(before).after(carrier_json(&c))).await
    }

    /// Records (or removes) that carrier `id` depends on `on`.
    pub async fn depend(&self, actor: &Actor, id: i64, on: i64, depends: bool) -> Result<(), AppError> {
        let (_, path) = self.editable_carrier(self.db(), actor, id).await?;
        let cap = self.cap_for(actor, &path)?;
        let w = self.app.begin(&cap).await?;
        self.editable_carrier(&*w, actor, id).await?;
        if on == id || repo::carrier(&*w, &self.visibility(actor), on).await?.is_none() {
            return Err(AppError::field("depends_on_id", "err.asset.carrier_unknown"));
        }
        let mut deps: Vec<i64> = repo::dependency_step(&*w, vec![id], true).await?.into_iter().map(|(_, to)| to).collect();
        let before = deps.clone();
        deps.retain(|d| *d != on);
        if depends {
            // No cycles: `on` must not (transitively) depend on `id`.
            if super::graph::reaches(&*w, on, id).await? {
                return Err(AppError::field("depends_on_id", "err.asset.dependency_cycle"));
            }
            deps.push(on);
        }
        repo::set_dependencies(&*w, id, &deps).await?;
        self.commit(
            w,
            cap.audit("carrier.depend", "carrier")
                .entity(id)
                .at(path)
                .before(json!({"depends_on": before}))
                .after(json!({"depends_on": deps})),
        )
        .await
    }
}

/// Sets what a command says of an asset (and its owner) on the row to write.
pub(super) fn fill_asset(m: &mut asset::ActiveModel, cmd: &AssetCommand, owner: Option<i64>) {
    m.unit_id = Set(cmd.unit_id);
    m.name = Set(cmd.name.clone());
    m.description = Set(cmd.description.clone());
    m.owner_user_id = Set(owner);
    m.pua_unit_id = Set(cmd.pua_unit_id);
    m.forms = Set(cmd.forms_code());
    m.processes = Set(cmd.processes.clone());
    m.osl = Set(cmd.osl.clone());
    m.personal_data = Set(cmd.personal_data);
    m.special_categories = Set(cmd.special_categories);
    m.search_text = Set(cmd.name.to_lowercase());
    m.updated_at = Set(now());
}

pub(super) fn fill_carrier(m: &mut carrier::ActiveModel, cmd: &CarrierCommand, owner: Option<i64>, admin: Option<i64>) {
    m.unit_id = Set(cmd.unit_id);
    m.kind = Set(cmd.kind);
    m.name = Set(cmd.name.clone());
    m.description = Set(cmd.description.clone());
    m.system_owner_user_id = Set(owner);
    m.system_admin_user_id = Set(admin);
    m.supplier = Set(cmd.supplier.clone());
    m.hosting = Set(cmd.hosting);
    m.country = Set(cmd.country.clone());
    m.third_country = Set(cmd.third_country);
    m.transfer_basis = Set(cmd.transfer_basis.clone());
    m.search_text = Set(format!("{} {}", cmd.name, cmd.supplier.as_deref().unwrap_or("")).trim().to_lowercase());
    m.updated_at = Set(now());
}
