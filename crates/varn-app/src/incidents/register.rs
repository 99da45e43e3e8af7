//! The register of authorities as it is read: the authorities with the contacts in the
//! reader's view counted, one authority with a page of its contacts, and the units a contact
//! may be recorded for.

use super::Incidents;
use crate::{Actor, AppError};
use sea_orm::SelectModel;
use varn_domain::{OrgPath, Permission};
use varn_store::batch::{Got, Pending, Reads};
use varn_store::entity::authority;
use varn_store::repo::authorities::{self as repo, ContactCount, ContactRow};
use varn_store::repo::{org, Page};

impl Incidents<'_> {
    /// The register with the contacts in the actor's view counted per authority.
    pub async fn authorities(&self, actor: &Actor) -> Result<Vec<(authority::Model, Option<ContactCount>)>, AppError> {
        if !self.uses_register(actor) {
            return Err(AppError::Forbidden);
        }
        let all = repo::all(self.db()).await?;
        let mut counts = Vec::clone(&*self.contact_counts(actor).await?);
        Ok(all
            .into_iter()
            .map(|a| {
                let c = counts.iter().position(|c| c.authority_id == a.id).map(|i| counts.swap_remove(i));
                (a, c)
            })
            .collect())
    }

    /// The contacts in the actor's view counted per authority, kept until this server commits
    /// a write (and at most 10 s); readers with the same view who miss at once wait for one
    /// count.
    async fn contact_counts(&self, actor: &Actor) -> Result<std::sync::Arc<Vec<ContactCount>>, AppError> {
        let v = self.contact_visibility(actor);
        // The reader's own contacts count only where the scope does not already hold them all.
        let key = (format!("{:?}", v.read), if v.read.is_all() { 0 } else { v.user_id }, self.app.writes_committed());
        let load = async { Ok::<_, AppError>(std::sync::Arc::new(repo::counts(self.db(), &v).await?)) };
        self.app.contact_counts.try_get_with(key, load).await.map_err(|e| AppError::Internal(e.to_string()))
    }

    /// The units a contact may be recorded for outside an incident: the bodies, förvaltningar
    /// and bolag where the actor handles incidents, and the units of the actor's own roles
    /// (contacts with authorities are made on behalf of a förvaltning, rarely of an enhet):
    /// (id, name) in the tree's order.
    pub async fn contact_units(&self, actor: &Actor) -> Result<Vec<(i64, String)>, AppError> {
        let mut b = Reads::on(self.db());
        let units = self.contact_units_reads(&mut b, actor).await?;
        let mut got = b.run(self.db()).await?;
        units.take(&mut got, actor)
    }

    /// [`Incidents::contact_units`]' reads added to a batch, with the city's bodies,
    /// förvaltningar and bolag from what is kept.
    async fn contact_units_reads(&self, b: &mut Reads, actor: &Actor) -> Result<ContactUnits, AppError> {
        let own: Vec<i64> = actor.access.grants().iter().filter_map(|g| g.unit_path.ids().last().map(|u| u.0)).collect();
        let bodies = self.contact_bodies().await?;
        let own_units = b.add(org::names_by_ids_query(own.clone()));
        Ok(ContactUnits { bodies, own_units, own })
    }

    /// The city's active bodies, förvaltningar and bolag in tree order, read once and kept
    /// until this server commits a write (at most 10 s); readers who miss at once wait for
    /// one reading. Who sees which of them is decided by [`ContactUnits::take`].
    async fn contact_bodies(&self) -> Result<std::sync::Arc<Vec<org::UnitName>>, AppError> {
        use varn_domain::OrgKind::*;
        let db = self.db();
        let load = async {
            let q = org::names_of_kinds_query(vec![Kommunfullmaktige, Kommunstyrelse, Namnd, Forvaltning, Bolag]);
            Ok::<_, AppError>(std::sync::Arc::new(varn_store::repo::kept::all(db, q).await?))
        };
        self.app.contact_bodies.try_get_with(self.app.writes_committed(), load).await.map_err(|e| AppError::Internal(e.to_string()))
    }

    /// The active authorities to choose among when recording a contact: (id, name).
    pub async fn authority_choices(&self) -> Result<Vec<(i64, String)>, AppError> {
        Ok(varn_store::repo::kept::all(self.db(), repo::choices_query()).await?)
    }

    /// One authority with a page of the contacts in the actor's view, newest first.
    pub async fn authority(&self, actor: &Actor, id: i64, page: u64) -> Result<(authority::Model, Page<ContactRow>), AppError> {
        let (a, contacts, _) = self.authority_page(actor, id, page, false).await?;
        Ok((a, contacts))
    }

    /// [`Incidents::authority`] and, with `units`, the units a contact may be recorded for,
    /// read together.
    pub async fn authority_page(
        &self,
        actor: &Actor,
        id: i64,
        page: u64,
        units: bool,
    ) -> Result<(authority::Model, Page<ContactRow>, Vec<(i64, String)>), AppError> {
        if !self.uses_register(actor) {
            return Err(AppError::Forbidden);
        }
        let db = self.db();
        let mut b = Reads::on(db);
        let found = b.add(repo::find_query(id));
        // The count of the contacts is kept until this server's next write, as a list's is
        // (`App::kept_count`): the IMY's 10 000 counted to 1 001 were a ninth of the page.
        let vis = self.contact_visibility(actor);
        let key = self.app.count_key("authority_contacts", &vis, &id, &None, true);
        let known = self.app.list_counts.get(&key);
        let contacts = repo::contacts_reads(&mut b, &vis, id, page, 50, known);
        let units = match units {
            true => Some(self.contact_units_reads(&mut b, actor).await?),
            false => None,
        };
        let mut got = b.run(db).await?;
        let a = got.take_one(found)?.ok_or(AppError::NotFound)?;
        let contacts = contacts.take(&mut got)?;
        if known.is_none() {
            self.app.list_counts.insert(key, (contacts.total, contacts.exact));
        }
        let units = match units {
            Some(u) => u.take(&mut got, actor)?,
            None => vec![],
        };
        Ok((a, contacts, units))
    }
}

/// The reads of [`Incidents::contact_units`] in a batch.
struct ContactUnits {
    bodies: std::sync::Arc<Vec<org::UnitName>>,
    own_units: Pending<SelectModel<org::UnitName>>,
    own: Vec<i64>,
}

impl ContactUnits {
    /// The bodies, förvaltningar and bolag where the actor handles incidents and the units of
    /// the actor's own roles: (id, name) in the tree's order.
    fn take(self, got: &mut Got, actor: &Actor) -> Result<Vec<(i64, String)>, AppError> {
        let scope = actor.scope(Permission::IncidentHandle);
        let own_units = got.take(self.own_units)?;
        let mut units: Vec<&org::UnitName> = self
            .bodies
            .iter()
            .chain(own_units.iter().filter(|u| u.active))
            .filter(|u| self.own.contains(&u.id) || scope.is_all() || OrgPath::parse(&u.path).is_ok_and(|p| scope.covers(&p)))
            .collect();
        units.sort_by(|a, b| a.path.cmp(&b.path));
        units.dedup_by_key(|u| u.id);
        Ok(units.into_iter().map(|u| (u.id, u.name.clone())).collect())
    }
}
