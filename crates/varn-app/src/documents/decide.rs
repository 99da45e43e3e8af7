//! Who decides. A draft names its deciding body as a unit (KF, KS, the nämnd, the bolag) or
//! a chef; "gäller för" stays within what that body decides for. Registering an adoption or
//! a repeal is done by someone who acts for the body: the city's samordnare, or the
//! body's registrator. An instruction is approved by a named chef of the owning unit or a
//! unit above it.

use crate::{Actor, AppError};
use sea_orm::ConnectionTrait;
use varn_domain::document::decision::{chef_unit, is_city_coordinator, reaches, registers_for};
use varn_domain::document::DecidingBody;
use varn_domain::{FieldErrors, OrgPath};
use varn_store::entity::org_unit;
use varn_store::repo::{org, users};

fn path(u: &org_unit::Model) -> Result<OrgPath, AppError> {
    OrgPath::parse(&u.path).map_err(|e| AppError::Internal(e.into()))
}

/// The unit that is `body` (none for a chef): the city's one KF or KS, or the nämnd or
/// bolag the draft names. A mistake is the field's code.
pub(crate) async fn body_unit<C: ConnectionTrait>(
    db: &C,
    body: DecidingBody,
    given: Option<i64>,
) -> Result<Result<Option<org_unit::Model>, &'static str>, AppError> {
    let Some(kind) = body.unit_kind() else { return Ok(Ok(None)) };
    if body.is_unique() {
        let found = org::of_kinds(db, vec![kind]).await?.into_iter().next();
        return Ok(found.map(Some).ok_or("err.doc.body_missing"));
    }
    let Some(id) = given else { return Ok(Err("err.doc.body_unit_required")) };
    Ok(match org::find_any(db, id).await? {
        Some(u) if u.active && u.kind == kind => Ok(Some(u)),
        _ => Err("err.doc.body_unit_kind"),
    })
}

/// The units above `unit` and itself, from the root down.
async fn chain<C: ConnectionTrait>(db: &C, unit: &org_unit::Model) -> Result<Vec<org_unit::Model>, AppError> {
    let ids = path(unit)?.ids().into_iter().map(|i| i.0).collect();
    let mut units = org::by_ids(db, ids).await?;
    units.sort_by_key(|u| u.path.len());
    Ok(units)
}

/// Checks a draft's body against where it sits: a nämnd or a bolag decides the documents of
/// its own subtree, and "gäller för" stays within what the body decides for (for a chef:
/// the highest unit a chef heads above the owning unit). Adds each mistake to `e`; returns
/// the body's unit.
pub(crate) async fn check_draft<C: ConnectionTrait>(
    db: &C,
    body: DecidingBody,
    given: Option<i64>,
    owning: &org_unit::Model,
    applies: &org_unit::Model,
    e: &mut FieldErrors,
) -> Result<Option<i64>, AppError> {
    let unit = match body_unit(db, body, given).await? {
        Ok(u) => u,
        Err(code) => {
            e.add("deciding_unit_id", code);
            return Ok(None);
        }
    };
    let reach = match &unit {
        Some(u) => {
            if !body.decides_city_wide() && !path(u)?.contains(&path(owning)?) {
                e.add("deciding_unit_id", "err.doc.body_not_owner");
            }
            path(u)?
        }
        None => match chain(db, owning).await?.into_iter().find(|u| chef_unit(u.kind)) {
            Some(top) => path(&top)?,
            None => path(owning)?,
        },
    };
    if !reaches(body, &reach, &path(applies)?) && e.get("applies_to_unit_id").is_none() {
        e.add("applies_to_unit_id", "err.doc.outside_body");
    }
    Ok(unit.map(|u| u.id))
}

/// Who registers a decision and for whom: the body's unit, or the approving chef and the
/// unit they head.
pub(crate) struct Authority {
    pub body_unit: Option<org_unit::Model>,
    pub approver: Option<(i64, org_unit::Model)>,
}

/// Whether `actor` may register `body`'s decision on a document owned by `owning` and
/// applying to `applies` (for a chef: naming `approver`, empty for themselves). Refused
/// with the reason otherwise.
pub(crate) async fn authorise<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    body: DecidingBody,
    body_unit_id: Option<i64>,
    owning: &org_unit::Model,
    applies: &org_unit::Model,
    approver: Option<&str>,
) -> Result<Authority, AppError> {
    if body == DecidingBody::Chef {
        return approving_chef(db, actor, owning, applies, approver).await;
    }
    let unit = match body_unit(db, body, body_unit_id).await? {
        Ok(Some(u)) => u,
        _ => return Err(AppError::field("deciding_unit_id", "err.doc.body_unit_required")),
    };
    if !registers_for(&actor.access, &path(&unit)?) {
        return Err(AppError::Refused("err.doc.not_your_body".into(), vec![("body".into(), unit.name.clone())]));
    }
    if !reaches(body, &path(&unit)?, &path(applies)?) {
        return Err(AppError::field("applies_to_unit_id", "err.doc.outside_body"));
    }
    Ok(Authority { body_unit: Some(unit), approver: None })
}

/// An instruction's approval: by a chef (the head) of the owning unit or a unit above it,
/// reaching only that chef's subtree. The chef records it, or the city's samordnare records
/// it in the chef's name.
async fn approving_chef<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    owning: &org_unit::Model,
    applies: &org_unit::Model,
    approver: Option<&str>,
) -> Result<Authority, AppError> {
    let who = match approver.map(str::trim).filter(|s| !s.is_empty()) {
        // The samordnare records an approval in the chef's name, so names them.
        None if is_city_coordinator(&actor.access) && !heads_any(db, actor.id.0, owning).await? => {
            return Err(AppError::field("approved_by", "err.doc.approved_by_required"))
        }
        None => actor.id.0,
        Some(name) => match users::find_person(db, name).await? {
            Some(u) if u.active => u.id,
            _ => return Err(AppError::field("approved_by", "err.user.unknown")),
        },
    };
    if who != actor.id.0 && !is_city_coordinator(&actor.access) {
        return Err(AppError::Refused("err.doc.approve_own_name".into(), vec![]));
    }
    // The units above (or at) the owning unit that the approver heads, lowest first; the
    // approval is as the head of the lowest one whose subtree holds what it applies to.
    let headed: Vec<org_unit::Model> =
        chain(db, owning).await?.into_iter().rev().filter(|u| u.head_user_id == Some(who) && chef_unit(u.kind)).collect();
    if headed.is_empty() {
        let code = if who == actor.id.0 { "err.doc.not_chef_self" } else { "err.doc.not_chef" };
        return Err(AppError::Refused(code.into(), vec![("unit".into(), owning.name.clone())]));
    }
    let target = path(applies)?;
    let mut reaching = None;
    for u in headed {
        if reaches(DecidingBody::Chef, &path(&u)?, &target) {
            reaching = Some(u);
            break;
        }
    }
    let Some(unit) = reaching else { return Err(AppError::field("applies_to_unit_id", "err.doc.outside_body")) };
    Ok(Authority { body_unit: None, approver: Some((who, unit)) })
}

/// Whether `actor` may record `body`'s decision on a document owned by `owning` (to offer
/// the form; [`authorise`] decides when they send it). `city_bodies`: the active units of the
/// city-wide bodies' kinds in tree order (read with the page: [`city_bodies_query`]).
pub(crate) async fn may_decide<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    body: DecidingBody,
    body_unit_id: Option<i64>,
    owning: &org_unit::Model,
    city_bodies: &[org_unit::Model],
) -> Result<bool, AppError> {
    if is_city_coordinator(&actor.access) {
        return Ok(true);
    }
    if body == DecidingBody::Chef {
        return heads_any(db, actor.id.0, owning).await;
    }
    let unit = match body.unit_kind() {
        // As `body_unit` finds it: the first active unit of its kind in tree order.
        Some(kind) if body.is_unique() => city_bodies.iter().find(|u| u.kind == kind).cloned(),
        _ => body_unit(db, body, body_unit_id).await?.ok().flatten(),
    };
    Ok(match unit {
        Some(u) => registers_for(&actor.access, &path(&u)?),
        None => false,
    })
}

/// The active units of the kinds of the city-wide deciding bodies (KF, KS), in tree order.
pub(crate) fn city_bodies_query() -> impl varn_store::repo::kept::Read<S = varn_store::sea_orm::SelectModel<org_unit::Model>> {
    let kinds = [DecidingBody::Kommunfullmaktige, DecidingBody::Kommunstyrelse, DecidingBody::Namnd, DecidingBody::Styrelse]
        .into_iter()
        .filter(|b| b.is_unique())
        .filter_map(DecidingBody::unit_kind)
        .collect();
    varn_store::repo::org::of_kinds_query(kinds)
}

impl super::Documents<'_> {
    /// [`city_bodies_query`]'s units, read once and kept until this server commits a write
    /// (at most 10 s); readers who miss at once wait for one reading.
    pub(crate) async fn city_bodies(&self) -> Result<std::sync::Arc<Vec<org_unit::Model>>, AppError> {
        let db = self.db();
        let load = async { Ok::<_, AppError>(std::sync::Arc::new(varn_store::repo::kept::all(db, city_bodies_query()).await?)) };
        self.app.city_bodies.try_get_with(self.app.writes_committed(), load).await.map_err(|e| AppError::Internal(e.to_string()))
    }
}

/// The chefs who may approve an instruction owned by `owning`: the heads of it and of the
/// units above it that a chef heads (sign-in name, "name, unit"), nearest first.
pub(crate) async fn approvers<C: ConnectionTrait>(db: &C, owning: &org_unit::Model) -> Result<Vec<(String, String)>, AppError> {
    let units: Vec<org_unit::Model> = chain(db, owning).await?.into_iter().rev().filter(|u| chef_unit(u.kind)).collect();
    let heads = users::by_ids(db, units.iter().filter_map(|u| u.head_user_id).collect()).await?;
    let mut out = Vec::new();
    for u in &units {
        if let Some(h) = heads.iter().find(|h| Some(h.id) == u.head_user_id && h.active) {
            out.push((h.username.clone(), format!("{}, {}", h.display_name, u.name)));
        }
    }
    Ok(out)
}

/// Whether `user` heads the owning unit or a unit above it (as a chef).
async fn heads_any<C: ConnectionTrait>(db: &C, user: i64, owning: &org_unit::Model) -> Result<bool, AppError> {
    Ok(chain(db, owning).await?.iter().any(|u| u.head_user_id == Some(user) && chef_unit(u.kind)))
}

/// A strategy action stays within reach: its unit and person within what the strategy
/// applies to (the person holding a role there), its deadline within the strategy's period
/// (not after its last day; one already past is allowed, as a strategy may be recorded after
/// its work began). Adds each mistake to `e`.
pub(crate) async fn check_action<C: ConnectionTrait>(
    db: &C,
    applies_to: i64,
    user: Option<i64>,
    unit: Option<i64>,
    (due, until): (chrono::NaiveDate, Option<chrono::NaiveDate>),
    e: &mut FieldErrors,
) -> Result<(), AppError> {
    let applies = org::find_any(db, applies_to).await?.ok_or(AppError::NotFound)?;
    if let Some(u) = unit {
        if !org::find_any(db, u).await?.is_some_and(|x| x.path.starts_with(&applies.path)) {
            e.add("responsible_unit_id", "err.doc.action_outside");
        }
    }
    if let Some(p) = user {
        let grants = users::grants_of(db, p).await?;
        if !grants.iter().any(|g| g.unit_path.starts_with(&applies.path)) {
            e.add("responsible_username", "err.doc.action_person_outside");
        }
    }
    if until.is_some_and(|u| due > u) {
        e.add("due_date", "err.doc.action_due_period");
    }
    Ok(())
}
