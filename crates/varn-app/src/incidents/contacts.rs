//! The contact lists: who is told at once when an incident is raised to an allvarlig
//! störning or a kris (the krisledningsgrupp, say), and the dataskyddsombud, told when an
//! incident is judged a personal data breach. Kept by the city's incident handlers (the
//! samordnare), as user names in the settings.

use super::alerts::list_key;
use super::Incidents;
use crate::{Actor, AppError};
use varn_domain::{FieldErrors, Permission};
use varn_store::repo::{settings, users};

/// The lists, as user names.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ContactLists {
    /// Told when an incident is raised to allvarlig störning.
    pub allvarlig_storning: Vec<String>,
    /// Told when an incident is raised to kris.
    pub kris: Vec<String>,
    /// The dataskyddsombud, told when an incident is judged a personal data breach.
    pub dataskyddsombud: Vec<String>,
}

/// The lists' names, as their fields and settings are called.
const LISTS: [&str; 3] = ["allvarlig_storning", "kris", "dataskyddsombud"];

impl Incidents<'_> {
    /// The lists as they stand.
    pub async fn contact_lists(&self) -> Result<ContactLists, AppError> {
        let mut out = ContactLists::default();
        for (name, list) in LISTS.into_iter().zip([&mut out.allvarlig_storning, &mut out.kris, &mut out.dataskyddsombud]) {
            let names = settings::get(self.db(), &list_key(name)).await?.unwrap_or_default();
            *list = names.lines().map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned).collect();
        }
        Ok(out)
    }

    /// Changes the lists: the city's incident handlers only; every name an active user.
    pub async fn set_contact_lists(&self, actor: &Actor, lists: &ContactLists) -> Result<(), AppError> {
        let cap = actor.can(Permission::IncidentHandle)?;
        if !cap.scope().is_all() {
            return Err(AppError::Forbidden);
        }
        let mut e = FieldErrors::new();
        for (field, names) in LISTS.into_iter().zip([&lists.allvarlig_storning, &lists.kris, &lists.dataskyddsombud]) {
            for n in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
                if !users::find_person(self.db(), n).await?.is_some_and(|u| u.active) {
                    e.add(field, "err.user.unknown");
                }
            }
        }
        e.into_result()?;
        let w = self.app.begin(&cap).await?;
        let before = self.contact_lists().await?;
        for (name, names) in LISTS.into_iter().zip([&lists.allvarlig_storning, &lists.kris, &lists.dataskyddsombud]) {
            let joined = names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()).collect::<Vec<_>>().join("\n");
            settings::set(&*w, &list_key(name), &joined).await?;
        }
        let json = |l: &ContactLists| serde_json::to_value(l).unwrap_or_default();
        w.commit(cap.audit("settings.incident_contacts", "setting").before(json(&before)).after(json(lists))).await
    }
}
