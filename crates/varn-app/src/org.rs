//! The organisation tree: read within scope, create, rename, move, deactivate, delete.

use crate::{Actor, App, AppError};
use serde::Deserialize;
use serde_json::{json, Value};
use varn_domain::org::check_move;
use varn_domain::{Code, FieldErrors, OrgKind, OrgPath, Permission, UnitName};
use varn_store::batch::Reads;
use varn_store::entity::org_unit::Model as Unit;
use varn_store::repo::attachments::{self, AttachmentMeta};
use varn_store::repo::org::{self as repo, OrgFilter};
use varn_store::repo::users::GrantRow;
use varn_store::repo::{users, ListParams, Page};

/// A unit as submitted by a form or a JSON body, before validation.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct UnitInput {
    /// Parent unit id.
    #[serde(default)]
    pub parent_id: Option<String>,
    /// Kind code.
    #[serde(default)]
    pub kind: String,
    /// Name.
    #[serde(default)]
    pub name: String,
}

/// A validated request to create a unit.
#[derive(Debug, Clone)]
pub struct CreateUnit {
    /// Parent.
    pub parent_id: i64,
    /// Kind.
    pub kind: OrgKind,
    /// Name.
    pub name: UnitName,
}

impl TryFrom<&UnitInput> for CreateUnit {
    type Error = FieldErrors;
    fn try_from(i: &UnitInput) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::new();
        let parent = match i.parent_id.as_deref().map(str::trim) {
            None | Some("") => {
                e.add("parent_id", "err.required");
                None
            }
            Some(s) => e.check("parent_id", s.parse::<i64>().map_err(|_| "err.invalid")),
        };
        let kind = e.check("kind", OrgKind::parse(&i.kind));
        let name = e.check("name", UnitName::parse(&i.name));
        match (parent, kind, name) {
            (Some(parent_id), Some(kind), Some(name)) if e.is_empty() => Ok(CreateUnit { parent_id, kind, name }),
            _ => Err(e),
        }
    }
}

/// Changes to a unit's own fields, as submitted.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct UnitUpdateInput {
    /// New name.
    #[serde(default)]
    pub name: String,
    /// Head (chef): a user name, or empty for none.
    #[serde(default)]
    pub head_username: Option<String>,
    /// Information security contact: a user name, or empty for none.
    #[serde(default)]
    pub security_contact_username: Option<String>,
}

fn opt_name(v: &Option<String>) -> Option<String> {
    v.as_deref().map(|s| s.trim().to_lowercase()).filter(|s| !s.is_empty())
}

/// A unit the holder of `cap` sees and may change, read inside the write: 404 when unseen,
/// 403 when not theirs, 409 for the root (which stays put).
async fn writable_below_root(w: &crate::Write, cap: &crate::Capability<'_>, id: i64) -> Result<Unit, AppError> {
    let unit = repo::find(&**w, &cap.actor().scope(Permission::OrgRead), id).await?.ok_or(AppError::NotFound)?;
    cap.covers(&unit.path)?;
    if unit.parent_id.is_none() {
        return Err(AppError::conflict("err.org.root_fixed"));
    }
    Ok(unit)
}

/// The JSON kept in the audit log for a unit.
pub fn snapshot(u: &Unit) -> Value {
    json!({
        "id": u.id, "parent_id": u.parent_id, "kind": u.kind, "name": u.name, "path": u.path,
        "head_user_id": u.head_user_id, "security_contact_id": u.security_contact_id, "active": u.active,
    })
}

/// A unit with what its page shows.
#[derive(Debug, Clone)]
pub struct UnitDetail {
    /// The unit.
    pub unit: Unit,
    /// Its ancestors, root first.
    pub ancestors: Vec<repo::UnitName>,
    /// Its direct children, by name.
    pub children: Vec<repo::UnitName>,
    /// Who holds which role on it.
    pub grants: Vec<GrantRow>,
    /// Names of head and security contact.
    pub head_name: Option<String>,
    /// Name of the security contact.
    pub contact_name: Option<String>,
    /// Sign-in name of the head.
    pub head_username: Option<String>,
    /// Sign-in name of the security contact.
    pub contact_username: Option<String>,
    /// Whether the actor may change it.
    pub can_write: bool,
}

impl App {
    /// Units the actor may see, one page; the count kept between this server's writes
    /// (`AppParts::list_counts`).
    pub async fn org_list(&self, actor: &Actor, f: &OrgFilter, p: &ListParams) -> Result<Page<repo::ListedUnit>, AppError> {
        let scope = actor.scope(Permission::OrgRead);
        let read = |known: Option<(u64, bool)>| repo::list_counted(self.store.read(), &scope, f, p, known.map(|(n, _)| n));
        self.kept_count("org", &scope, f, p, read).await
    }

    /// Every unit the actor may see, in tree order.
    pub async fn org_tree(&self, actor: &Actor) -> Result<Vec<Unit>, AppError> {
        Ok(repo::all_in_scope(self.store.read(), &actor.scope(Permission::OrgRead)).await?)
    }

    /// Units where the actor may create children or place things.
    pub async fn org_writable(&self, actor: &Actor) -> Result<Vec<Unit>, AppError> {
        Ok(repo::all_in_scope(self.store.read(), &actor.scope(Permission::OrgWrite)).await?)
    }

    /// Every unit where the actor holds `p`, in tree order (for pickers).
    pub async fn org_units_in(&self, actor: &Actor, p: Permission) -> Result<Vec<Unit>, AppError> {
        let scope = actor.scope(p);
        if scope.is_none() {
            return Ok(vec![]);
        }
        Ok(repo::all_in_scope(self.store.read(), &scope).await?)
    }

    /// The root of the organisation (the city).
    pub async fn org_root(&self) -> Result<Option<Unit>, AppError> {
        Ok(repo::root(self.store.read()).await?)
    }

    /// The name of a unit the actor may read (`None` if none such): what a list filtered on
    /// a unit shows of it ([`App::readable_unit`]).
    pub async fn unit_name(&self, actor: &Actor, id: i64) -> Result<Option<String>, AppError> {
        Ok(self.readable_unit(actor, id).await?.map(|u| u.1.clone()))
    }

    /// The path of a unit the actor may read (`NotFound` outside their scope), for a list's
    /// subtree filter ([`App::readable_unit`]).
    pub async fn readable_unit_path(&self, actor: &Actor, id: i64) -> Result<String, AppError> {
        Ok(self.readable_unit(actor, id).await?.ok_or(AppError::NotFound)?.0.clone())
    }

    /// A unit the actor may read, its path and name (`None` if none such), found within the
    /// reader's scope and kept under it until this server's next write (`readable_units`):
    /// a list filtered on a unit asks for its path and then its name.
    async fn readable_unit(&self, actor: &Actor, id: i64) -> Result<Option<std::sync::Arc<(String, String)>>, AppError> {
        let scope = actor.scope(Permission::OrgRead);
        let key = (format!("{scope:?}"), id, self.writes_committed());
        if let Some(kept) = self.readable_units.get(&key) {
            return Ok(kept);
        }
        let found = repo::find(self.store.read(), &scope, id).await?.map(|u| std::sync::Arc::new((u.path, u.name)));
        self.readable_units.insert(key, found.clone());
        Ok(found)
    }

    /// One unit, or `NotFound` when it does not exist or lies outside the actor's scope.
    pub async fn org_get(&self, actor: &Actor, id: i64) -> Result<Unit, AppError> {
        repo::find(self.store.read(), &actor.scope(Permission::OrgRead), id).await?.ok_or(AppError::NotFound)
    }

    /// A unit's page: the unit (found within the reader's scope first), then its ancestors,
    /// children, grants, head and contact and its files as one batch of reads.
    pub async fn org_page(&self, actor: &Actor, id: i64) -> Result<(UnitDetail, Vec<AttachmentMeta>), AppError> {
        let db = self.store.read();
        let scope = actor.scope(Permission::OrgRead);
        let unit = repo::find(db, &scope, id).await?.ok_or(AppError::NotFound)?;
        let path = OrgPath::parse(&unit.path).map_err(|e| AppError::Internal(e.into()))?;
        let mut b = Reads::on(db);
        let above: Vec<i64> = path.ids().into_iter().map(|i| i.0).filter(|i| *i != id).collect();
        let ancestors = (!above.is_empty()).then(|| b.add(repo::names_by_ids_query(above)));
        let children = b.add(repo::children_query(&scope, id));
        let grants = actor.scope(Permission::UserRead).covers(&path).then(|| b.add(users::grants_on_query(id)));
        let people = b.add(users::names_by_ids_query([unit.head_user_id, unit.security_contact_id].into_iter().flatten().collect()));
        let files = b.add(attachments::of_entity_query("org_unit", id));
        let mut got = b.run(db).await?;
        let mut ancestors = got.take_if(ancestors)?;
        ancestors.sort_by_key(|u| u.path.len());
        let children = got.take(children)?;
        let grants = got.take_if(grants)?;
        let people = got.take(people)?;
        let files = got.take(files)?;
        let find = |id: Option<i64>| id.and_then(|i| people.iter().find(|p| p.id == i));
        let name_of = |id: Option<i64>| find(id).map(|p| p.display_name.clone());
        let detail = UnitDetail {
            head_username: find(unit.head_user_id).map(|p| p.username.clone()),
            contact_username: find(unit.security_contact_id).map(|p| p.username.clone()),
            head_name: name_of(unit.head_user_id),
            contact_name: name_of(unit.security_contact_id),
            can_write: actor.scope(Permission::OrgWrite).covers(&path),
            unit,
            ancestors,
            children,
            grants,
        };
        Ok((detail, files))
    }

    /// Creates a unit under a parent the actor may write.
    pub async fn org_create(&self, actor: &Actor, input: &UnitInput) -> Result<Unit, AppError> {
        let cap = actor.can(Permission::OrgWrite)?;
        let cmd = CreateUnit::try_from(input)?;
        let w = self.begin(&cap).await?;
        let parent = repo::find(&*w, &actor.scope(Permission::OrgRead), cmd.parent_id)
            .await?
            .ok_or_else(|| AppError::field("parent_id", "err.org.parent_missing"))?;
        cap.covers(&parent.path)?;
        if !cmd.kind.may_sit_under(Some(parent.kind)) {
            return Err(AppError::field("kind", "err.org.kind_parent"));
        }
        if !parent.active {
            return Err(AppError::field("parent_id", "err.org.parent_inactive"));
        }
        let unit = repo::insert(&*w, Some(&parent), cmd.kind, cmd.name.as_str()).await?;
        w.commit(actor.audit("org.create", "org_unit").entity(unit.id).at(unit.path.clone()).after(snapshot(&unit))).await?;
        Ok(unit)
    }

    /// Renames a unit and sets its head and security contact.
    pub async fn org_update(&self, actor: &Actor, id: i64, input: &UnitUpdateInput) -> Result<Unit, AppError> {
        let cap = actor.can(Permission::OrgWrite)?;
        let mut e = FieldErrors::new();
        let name = e.check("name", UnitName::parse(&input.name));
        let w = self.begin(&cap).await?;
        let unit = repo::find(&*w, &actor.scope(Permission::OrgRead), id).await?.ok_or(AppError::NotFound)?;
        cap.covers(&unit.path)?;
        let mut person = async |field: &str, v: &Option<String>| -> Result<Option<i64>, AppError> {
            let Some(name) = opt_name(v) else {
                return Ok(None);
            };
            // Only people who hold a role within the actor's own part of the organisation.
            let found = match users::find_person(&*w, &name).await? {
                Some(u) if u.active => users::find(&*w, cap.scope(), u.id).await?,
                _ => None,
            };
            match found {
                Some(u) => Ok(Some(u.id)),
                None => {
                    e.add(field, "err.org.person_outside");
                    Ok(None)
                }
            }
        };
        let head = person("head_username", &input.head_username).await?;
        let contact = person("security_contact_username", &input.security_contact_username).await?;
        e.into_result()?;
        let Some(name) = name else {
            return Err(AppError::Internal("unreachable".into()));
        };
        let before = snapshot(&unit);
        let new_head = unit.head_user_id != head;
        let mut am: varn_store::entity::org_unit::ActiveModel = unit.into();
        let name = name.into_inner();
        am.search_text = sea_orm::Set(name.to_lowercase());
        am.name = sea_orm::Set(name);
        am.head_user_id = sea_orm::Set(head);
        am.security_contact_id = sea_orm::Set(contact);
        am.updated_at = sea_orm::Set(varn_store::repo::now());
        let unit = sea_orm::ActiveModelTrait::update(am, &*w).await?;
        w.commit(actor.audit("org.update", "org_unit").entity(unit.id).at(unit.path.clone()).before(before).after(snapshot(&unit))).await?;
        // The security contact is told of new incident reports.
        self.incident_alerts.invalidate_all();
        if new_head {
            // Whose tasks are whose is part of every cached actor.
            self.forget_sessions();
        }
        Ok(unit)
    }

    /// Moves a unit (and its subtree) under a new parent. Both must be writable by the actor;
    /// a unit cannot move into its own subtree, and the kind rules hold.
    pub async fn org_move(&self, actor: &Actor, id: i64, new_parent_id: &str) -> Result<Unit, AppError> {
        let cap = actor.can(Permission::OrgWrite)?;
        let Ok(new_parent_id) = new_parent_id.trim().parse::<i64>() else {
            return Err(AppError::field("parent_id", "err.required"));
        };
        let w = self.begin(&cap).await?;
        let read = actor.scope(Permission::OrgRead);
        let unit = repo::find(&*w, &read, id).await?.ok_or(AppError::NotFound)?;
        cap.covers(&unit.path)?;
        let Some(_) = unit.parent_id else {
            return Err(AppError::conflict("err.org.root_fixed"));
        };
        let parent = repo::find(&*w, &read, new_parent_id).await?.ok_or_else(|| AppError::field("parent_id", "err.org.parent_missing"))?;
        cap.covers(&parent.path).map_err(|_| AppError::field("parent_id", "err.org.parent_forbidden"))?;
        let (up, pp) = (OrgPath::parse(&unit.path), OrgPath::parse(&parent.path));
        let (Ok(up), Ok(pp)) = (up, pp) else {
            return Err(AppError::Internal("bad path".into()));
        };
        let (kind, pkind) = (unit.kind, parent.kind);
        check_move(&up, kind, &pp, pkind).map_err(|c| AppError::field("parent_id", c))?;
        if unit.parent_id == Some(parent.id) {
            return Ok(unit);
        }
        let before = snapshot(&unit);
        let new_path = pp.child(varn_domain::OrgUnitId(unit.id));
        repo::move_subtree(&*w, unit.id, parent.id, &unit.path, new_path.as_str()).await?;
        let moved = repo::find_any(&*w, unit.id).await?.ok_or(AppError::NotFound)?;
        w.commit(actor.audit("org.move", "org_unit").entity(unit.id).at(moved.path.clone()).before(before).after(snapshot(&moved))).await?;
        // Paths and active units are part of every cached access.
        self.forget_sessions();
        Ok(moved)
    }

    /// Deactivates or reactivates a unit. A unit with active children stays active.
    pub async fn org_set_active(&self, actor: &Actor, id: i64, active: bool) -> Result<Unit, AppError> {
        let cap = actor.can(Permission::OrgWrite)?;
        let w = self.begin(&cap).await?;
        let unit = writable_below_root(&w, &cap, id).await?;
        if !active {
            let active_children = repo::list(
                &*w,
                &varn_domain::Scope::All,
                &OrgFilter { active: Some(true), under: Some(unit.path.clone()), ..Default::default() },
                &ListParams { per_page: Some(1), page: 1, ..Default::default() },
            )
            .await?
            .total;
            if active_children > 1 {
                return Err(AppError::conflict("err.org.active_children"));
            }
        }
        let before = snapshot(&unit);
        let mut am: varn_store::entity::org_unit::ActiveModel = unit.into();
        am.active = sea_orm::Set(active);
        am.updated_at = sea_orm::Set(varn_store::repo::now());
        let unit = sea_orm::ActiveModelTrait::update(am, &*w).await?;
        w.commit(
            actor
                .audit(if active { "org.activate" } else { "org.deactivate" }, "org_unit")
                .entity(unit.id)
                .at(unit.path.clone())
                .before(before)
                .after(snapshot(&unit)),
        )
        .await?;
        // Paths and active units are part of every cached access.
        self.forget_sessions();
        Ok(unit)
    }

    /// Deletes a unit that nothing refers to; otherwise says what still does. Returns the
    /// deleted unit.
    pub async fn org_delete(&self, actor: &Actor, id: i64) -> Result<Unit, AppError> {
        let cap = actor.can(Permission::OrgWrite)?;
        let w = self.begin(&cap).await?;
        let unit = writable_below_root(&w, &cap, id).await?;
        let mut refs = repo::references(&*w, id).await?;
        for m in crate::modules::MODULES {
            refs.extend((m.unit_refs)(&w, id).await?);
        }
        if !refs.is_empty() {
            let args = refs.into_iter().map(|(k, n)| (k.to_owned(), n.to_string())).collect();
            return Err(AppError::Conflict("err.org.in_use".into(), args));
        }
        repo::delete(&*w, id).await?;
        w.commit(actor.audit("org.delete", "org_unit").entity(id).at(unit.path.clone()).before(snapshot(&unit))).await?;
        // Paths and active units are part of every cached access.
        self.forget_sessions();
        Ok(unit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_input_is_validated_per_field() {
        let e = CreateUnit::try_from(&UnitInput { parent_id: None, kind: "x".into(), name: " ".into() }).err().unwrap_or_default();
        assert_eq!(e.get("parent_id"), Some("err.required"));
        assert_eq!(e.get("kind"), Some("err.org.kind_invalid"));
        assert_eq!(e.get("name"), Some("err.required"));
        let ok = CreateUnit::try_from(&UnitInput { parent_id: Some("3".into()), kind: "enhet".into(), name: "IT-enheten".into() });
        assert!(matches!(ok, Ok(CreateUnit { parent_id: 3, kind: OrgKind::Enhet, .. })));
    }
}
