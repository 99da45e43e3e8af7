//! The register of authorities and networks (MCF, CERT-SE, IMY, Polisen, Säkerhetspolisen,
//! länsstyrelsen, IVO, SKR's networks …) with their contact details, and the contacts made
//! with each, from an incident or otherwise. The city's incident handlers (the samordnare)
//! keep the register; whoever handles incidents records contacts on behalf of a unit in
//! their scope; whoever reads incidents reads the register and the contacts of their units.
//! A report recorded as sent to an authority of the register is a contact made, too.

use super::commands::optional_text;
use super::Incidents;
use crate::{Actor, AppError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;
use varn_domain::incident::{AuthorityKind, Channel, Direction};
use varn_domain::validation::bounded_text;
use varn_domain::{Code, FieldErrors, OrgPath, Permission};
use varn_store::entity::authority;
use varn_store::repo::authorities::{self as repo, AuthorityFields, ContactRow, ContactVisibility, NewContact};
use varn_store::repo::incidents as incidents_repo;
use varn_store::repo::org;

/// An authority or network as the form and the API send it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct AuthorityJson {
    /// Name.
    pub name: String,
    /// `myndighet`, `natverk` or `annan`.
    pub kind: String,
    /// What they do for the city.
    pub purpose: Option<String>,
    /// Website.
    pub website: Option<String>,
    /// Where reports are filed (e-service).
    pub report_url: Option<String>,
    /// Telephone.
    pub phone: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// A named contact there.
    pub contact_person: Option<String>,
    /// Notes.
    pub notes: Option<String>,
    /// In use (default true).
    pub active: Option<bool>,
}

/// A contact made, as the form and the API send it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ContactJson {
    /// With whom (from an incident's page; the authority's own route gives it).
    pub authority_id: Option<i64>,
    /// When (RFC 3339; default now).
    #[serde(serialize_with = "varn_domain::json_time::opt_datetime")]
    pub at: Option<DateTime<Utc>>,
    /// `ut` (we contacted them) or `in` (they contacted us).
    pub direction: String,
    /// `telefon`, `e_post`, `mote`, `e_tjanst` or `annat`.
    pub channel: String,
    /// What it was about.
    pub summary: String,
    /// Their reference.
    pub reference: Option<String>,
    /// The incident it concerned.
    pub incident_id: Option<i64>,
    /// On behalf of which unit (default: the incident's).
    pub unit_id: Option<i64>,
}

/// The builtin register (`data/incidents/authorities.yaml`).
#[derive(Debug, Deserialize)]
struct Builtin {
    authorities: Vec<BuiltinAuthority>,
}

#[derive(Debug, Deserialize)]
struct BuiltinAuthority {
    code: String,
    name: String,
    kind: AuthorityKind,
    purpose: Option<String>,
    website: Option<String>,
    report_url: Option<String>,
    phone: Option<String>,
}

fn url(e: &mut FieldErrors, field: &str, s: Option<&str>) -> Option<String> {
    let u = optional_text(e, field, s, 300)?;
    if !(u.starts_with("https://") || u.starts_with("http://")) {
        e.add(field, "err.authority.url");
        return None;
    }
    Some(u)
}

impl AuthorityJson {
    fn check(&self) -> Result<AuthorityFields, FieldErrors> {
        let mut e = FieldErrors::new();
        let name = e.check("name", bounded_text(&self.name, 200));
        let kind = if self.kind.trim().is_empty() {
            e.add("kind", "err.choose");
            None
        } else {
            e.check("kind", AuthorityKind::parse(self.kind.trim()))
        };
        let f = AuthorityFields {
            name: name.unwrap_or_default(),
            kind,
            purpose: optional_text(&mut e, "purpose", self.purpose.as_deref(), 2_000),
            website: url(&mut e, "website", self.website.as_deref()),
            report_url: url(&mut e, "report_url", self.report_url.as_deref()),
            phone: optional_text(&mut e, "phone", self.phone.as_deref(), 60),
            email: optional_text(&mut e, "email", self.email.as_deref(), 320),
            contact_person: optional_text(&mut e, "contact_person", self.contact_person.as_deref(), 200),
            notes: optional_text(&mut e, "notes", self.notes.as_deref(), 5_000),
            active: self.active.unwrap_or(true),
        };
        if f.email.as_deref().is_some_and(|m| !m.contains('@')) {
            e.add("email", "err.user.email_invalid");
        }
        e.into_result().map(|_| f)
    }
}

fn snapshot(a: &authority::Model) -> serde_json::Value {
    json!({"name": a.name, "kind": a.kind, "purpose": a.purpose, "website": a.website, "report_url": a.report_url, "phone": a.phone,
        "email": a.email, "contact_person": a.contact_person, "notes": a.notes, "active": a.active})
}

impl Incidents<'_> {
    /// Whether the actor uses the register (reads or handles incidents somewhere).
    pub fn uses_register(&self, actor: &Actor) -> bool {
        actor.access.can_somewhere(Permission::IncidentRead) || actor.access.can_somewhere(Permission::IncidentHandle)
    }

    /// Whether the actor keeps the register (handles incidents city-wide).
    pub fn keeps_register(&self, actor: &Actor) -> bool {
        actor.scope(Permission::IncidentHandle).is_all()
    }

    /// Whether the actor records contacts (handles incidents somewhere).
    pub fn records_contacts(&self, actor: &Actor) -> bool {
        actor.access.can_somewhere(Permission::IncidentHandle)
    }

    pub(super) fn contact_visibility(&self, actor: &Actor) -> ContactVisibility {
        ContactVisibility { read: actor.scope(Permission::IncidentRead), user_id: actor.id.0 }
    }

    /// Adds (no id) or changes an authority; returns its id.
    pub async fn save_authority(&self, actor: &Actor, id: Option<i64>, cmd: &AuthorityJson) -> Result<i64, AppError> {
        let cap = actor.can(Permission::IncidentHandle)?;
        if !cap.scope().is_all() {
            return Err(AppError::Forbidden);
        }
        let before = match id {
            Some(id) => Some(repo::find(self.db(), id).await?.ok_or(AppError::NotFound)?),
            None => None,
        };
        let f = cmd.check()?;
        let w = self.app.begin(&cap).await?;
        if repo::name_taken(&*w, &f.name, id).await? {
            return Err(AppError::field("name", "err.authority.name_taken"));
        }
        let saved = repo::save(&*w, id, None, f).await?;
        let mut audit = cap.audit(if id.is_some() { "authority.update" } else { "authority.create" }, "authority").entity(saved.id);
        if let Some(b) = &before {
            audit = audit.before(snapshot(b));
        }
        w.commit(audit.after(snapshot(&saved))).await?;
        Ok(saved.id)
    }

    /// Records a contact made with an authority; returns its id. From an incident the actor
    /// handles (on behalf of its unit unless another is given), or otherwise on behalf of a
    /// unit where the actor handles incidents.
    pub async fn add_contact(&self, actor: &Actor, authority_id: i64, cmd: &ContactJson) -> Result<i64, AppError> {
        self.add_contact_with(actor, authority_id, cmd, FieldErrors::new()).await
    }

    /// The same, with the mistakes a form already found in what it turned into `cmd` (its
    /// date and time), reported together with the rest and nothing written.
    pub async fn add_contact_with(&self, actor: &Actor, authority_id: i64, cmd: &ContactJson, prior: FieldErrors) -> Result<i64, AppError> {
        self.record_contact(actor, Some(authority_id), true, cmd, prior).await
    }

    /// Records a contact made about an incident the actor handles (`authority_id` in `cmd`),
    /// with the mistakes a form already found; the incident is checked first (404, 403).
    pub async fn add_incident_contact(&self, actor: &Actor, id: i64, cmd: &ContactJson, prior: FieldErrors) -> Result<i64, AppError> {
        let cmd = ContactJson { incident_id: Some(id), ..cmd.clone() };
        self.record_contact(actor, cmd.authority_id, false, &cmd, prior).await
    }

    /// The one way a contact is recorded. The incident (if any) is read once before the
    /// transaction and again inside it; an authority named in the path that does not exist is
    /// a 404, one chosen in the body a mistake at its field.
    async fn record_contact(
        &self,
        actor: &Actor,
        authority_id: Option<i64>,
        in_path: bool,
        cmd: &ContactJson,
        prior: FieldErrors,
    ) -> Result<i64, AppError> {
        // An incident the actor cannot see is not found, before any question of permission.
        let incident = match cmd.incident_id {
            Some(i) => Some(self.handled(self.db(), actor, i).await?),
            None => None,
        };
        let cap = actor.can(Permission::IncidentHandle)?;
        let a = match authority_id {
            Some(id) => repo::find(self.db(), id).await?,
            None => None,
        };
        let mut e = prior;
        if a.is_none() {
            if in_path {
                return Err(AppError::NotFound);
            }
            e.add("authority_id", "err.choose");
        }
        let direction = if cmd.direction.trim().is_empty() {
            e.add("direction", "err.choose");
            None
        } else {
            e.check("direction", Direction::parse(cmd.direction.trim()))
        };
        let channel = if cmd.channel.trim().is_empty() {
            e.add("channel", "err.choose");
            None
        } else {
            e.check("channel", Channel::parse(cmd.channel.trim()))
        };
        let summary = e.check("summary", bounded_text(&cmd.summary, 5_000));
        let reference = optional_text(&mut e, "reference", cmd.reference.as_deref(), 200);
        let at = super::commands::second(cmd.at.unwrap_or_else(varn_store::repo::now));
        if at > Utc::now() + chrono::Duration::minutes(1) {
            e.add("at", "err.incident.future");
        }
        let unit = match (cmd.unit_id, &incident) {
            (Some(u), _) => org::find_any(self.db(), u).await?.filter(|u| u.active),
            (None, Some(h)) => org::find_any(self.db(), h.incident.unit_id).await?,
            (None, None) => None,
        };
        let unit_ok = unit.as_ref().is_some_and(|u| {
            incident.as_ref().is_some_and(|h| h.incident.unit_id == u.id) || OrgPath::parse(&u.path).is_ok_and(|p| cap.scope().covers(&p))
        });
        if !unit_ok {
            e.add("unit_id", if cmd.unit_id.is_none() { "err.choose" } else { "err.incident.unit_outside" });
        }
        e.into_result()?;
        let (Some(a), Some(direction), Some(channel), Some(summary), Some(unit)) = (a, direction, channel, summary, unit) else {
            return Err(AppError::Internal("checked above".into()));
        };
        let w = self.app.begin(&cap).await?;
        if let Some(h) = &incident {
            // The incident re-read inside the transaction: still the actor's to handle.
            self.handled(&*w, actor, h.incident.id).await?;
        }
        let new = NewContact {
            authority_id: a.id,
            at,
            direction,
            channel,
            summary: summary.clone(),
            reference: reference.clone(),
            incident_id: cmd.incident_id,
            unit_id: unit.id,
            user_id: actor.id.0,
        };
        let cid = repo::add_contact(&*w, new).await?;
        let data = json!({"contact_id": cid, "authority_id": a.id, "authority": a.name, "at": at, "direction": direction,
            "channel": channel, "summary": summary, "reference": reference, "unit_id": unit.id});
        if let Some(i) = cmd.incident_id {
            // On the timeline when it was made, not when it was recorded.
            incidents_repo::add_event_at(&*w, i, Some(actor.id.0), "contact", None, Some(data.clone()), at).await?;
        }
        w.commit(cap.audit("authority.contact", "authority").entity(a.id).at(unit.path.clone()).after(data)).await?;
        Ok(cid)
    }

    /// The contacts made about an incident the actor reads the handling of.
    pub async fn incident_contacts(&self, incident_id: i64) -> Result<Vec<ContactRow>, AppError> {
        Ok(repo::of_incident(self.db(), incident_id).await?)
    }

    /// Loads the builtin register into an empty one (the first start), each with its audit row.
    pub(crate) async fn seed_authorities(&self) -> Result<(), AppError> {
        if !repo::all(self.db()).await?.is_empty() {
            return Ok(());
        }
        let w = self.app.begin_system_write().await?;
        for (code, f) in builtin()? {
            let saved = repo::save(&*w, None, Some(code), f).await?;
            crate::write::Audit::system("authority.create", "authority").entity(saved.id).after(snapshot(&saved)).append_in(&w).await?;
        }
        w.commit_appended().await
    }
}

/// The builtin register (`data/incidents/authorities.yaml`): code and facts of each.
pub(crate) fn builtin() -> Result<Vec<(String, AuthorityFields)>, AppError> {
    let b: Builtin = serde_yaml::from_str(include_str!("../../../../data/incidents/authorities.yaml"))
        .map_err(|e| AppError::Internal(format!("authorities.yaml: {e}")))?;
    Ok(b.authorities
        .into_iter()
        .map(|x| {
            let f = AuthorityFields {
                name: x.name,
                kind: Some(x.kind),
                purpose: x.purpose,
                website: x.website,
                report_url: x.report_url,
                phone: x.phone,
                active: true,
                ..Default::default()
            };
            (x.code, f)
        })
        .collect())
}
