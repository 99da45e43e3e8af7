//! The contact lists per level: who is told at once when an incident is raised to an
//! allvarlig störning or a kris (the krisledningsgrupp, say). Kept by the city's incident
//! handlers (the samordnare), as user names in the settings.

use super::alerts::contacts_key;
use super::Incidents;
use crate::{Actor, AppError};
use varn_domain::incident::Level;
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
}

const LEVELS: [Level; 2] = [Level::AllvarligStorning, Level::Kris];

impl Incidents<'_> {
    /// The lists as they stand.
    pub async fn contact_lists(&self) -> Result<ContactLists, AppError> {
        let mut out = ContactLists::default();
        for (level, list) in LEVELS.into_iter().zip([&mut out.allvarlig_storning, &mut out.kris]) {
            let names = settings::get(self.db(), &contacts_key(level)).await?.unwrap_or_default();
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
        for (field, names) in [("allvarlig_storning", &lists.allvarlig_storning), ("kris", &lists.kris)] {
            for n in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
                if !users::by_username(self.db(), n).await?.is_some_and(|u| u.active) {
                    e.add(field, "err.user.unknown");
                }
            }
        }
        e.into_result()?;
        let w = self.app.begin(&cap).await?;
        let before = self.contact_lists().await?;
        for (level, names) in LEVELS.into_iter().zip([&lists.allvarlig_storning, &lists.kris]) {
            let joined = names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()).collect::<Vec<_>>().join("\n");
            settings::set(&*w, &contacts_key(level), &joined).await?;
        }
        let json = |l: &ContactLists| serde_json::to_value(l).unwrap_or_default();
        w.commit(cap.audit("settings.incident_contacts", "setting").before(json(&before)).after(json(lists))).await
    }
}
