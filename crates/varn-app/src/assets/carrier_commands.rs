//! A carrier ([`CarrierCommand`]) as the form and the API send it, checked for format.

use super::commands::{checked, optional};
use serde::{Deserialize, Serialize};
use varn_domain::asset::{CarrierKind, Hosting, NAME_MAX};
use varn_domain::validation::bounded_text;
use varn_domain::{Code, FieldErrors};

/// A carrier, checked for format.
#[derive(Debug, Clone, PartialEq)]
pub struct CarrierCommand {
    /// Kind.
    pub kind: CarrierKind,
    /// Name.
    pub name: String,
    /// Description.
    pub description: Option<String>,
    /// Responsible unit.
    pub unit_id: i64,
    /// Systemägare (sign-in name).
    pub system_owner_username: Option<String>,
    /// Systemförvaltare (sign-in name).
    pub system_admin_username: Option<String>,
    /// Supplier.
    pub supplier: Option<String>,
    /// Hosting (IT systems and services).
    pub hosting: Option<Hosting>,
    /// Country where it runs.
    pub country: Option<String>,
    /// Data goes to a third country.
    pub third_country: bool,
    /// The legal basis of that transfer.
    pub transfer_basis: Option<String>,
}

/// A carrier as the page's form sends it.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct CarrierForm {
    /// Kind code.
    pub kind: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Unit id.
    pub unit_id: String,
    /// Systemägare.
    pub system_owner_username: String,
    /// Systemförvaltare.
    pub system_admin_username: String,
    /// Supplier.
    pub supplier: String,
    /// Hosting code.
    pub hosting: String,
    /// Country.
    pub country: String,
    /// Checkbox.
    pub third_country: String,
    /// Legal basis.
    pub transfer_basis: String,
}

/// A carrier as the API takes it.
#[derive(Debug, Clone, Deserialize, Serialize, utoipa::ToSchema)]
pub struct CarrierJson {
    /// papper / flyttbart_medium / it_system / it_tjanst / person.
    pub kind: String,
    /// Name.
    pub name: String,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Responsible unit.
    pub unit_id: i64,
    /// Systemägare (sign-in name).
    #[serde(default)]
    pub system_owner_username: Option<String>,
    /// Systemförvaltare (sign-in name).
    #[serde(default)]
    pub system_admin_username: Option<String>,
    /// Supplier.
    #[serde(default)]
    pub supplier: Option<String>,
    /// egen_drift / leverantor / moln (IT systems and services).
    #[serde(default)]
    pub hosting: Option<String>,
    /// Country where it runs.
    #[serde(default)]
    pub country: Option<String>,
    /// Data goes to a country outside the EU/EEA.
    #[serde(default)]
    pub third_country: bool,
    /// The legal basis of the transfer (required with a third country).
    #[serde(default)]
    pub transfer_basis: Option<String>,
}

impl From<&CarrierForm> for CarrierJson {
    fn from(f: &CarrierForm) -> Self {
        CarrierJson {
            kind: f.kind.clone(),
            name: f.name.clone(),
            description: Some(f.description.clone()),
            unit_id: f.unit_id.trim().parse().unwrap_or(0),
            system_owner_username: Some(f.system_owner_username.clone()),
            system_admin_username: Some(f.system_admin_username.clone()),
            supplier: Some(f.supplier.clone()),
            hosting: Some(f.hosting.clone()),
            country: Some(f.country.clone()),
            third_country: checked(&f.third_country),
            transfer_basis: Some(f.transfer_basis.clone()),
        }
    }
}

impl TryFrom<&CarrierJson> for CarrierCommand {
    type Error = FieldErrors;
    fn try_from(j: &CarrierJson) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::new();
        let kind = e.check("kind", CarrierKind::parse(&j.kind));
        let name = e.check("name", bounded_text(&j.name, NAME_MAX));
        let description = optional(&mut e, "description", j.description.as_deref(), 5_000);
        let user = |s: &Option<String>| s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
        let it = kind.is_some_and(CarrierKind::is_it);
        let hosting = match j.hosting.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(h) if it => e.check("hosting", Hosting::parse(h)),
            None if it => {
                e.add("hosting", "err.choose");
                None
            }
            _ => None,
        };
        let supplier = if it { optional(&mut e, "supplier", j.supplier.as_deref(), 200) } else { None };
        let country = if it { optional(&mut e, "country", j.country.as_deref(), 64) } else { None };
        let third_country = it && j.third_country;
        let transfer_basis = if third_country { optional(&mut e, "transfer_basis", j.transfer_basis.as_deref(), 300) } else { None };
        if third_country && transfer_basis.is_none() && e.get("transfer_basis").is_none() {
            e.add("transfer_basis", "err.asset.transfer_basis_required");
        }
        if j.unit_id <= 0 {
            e.add("unit_id", "err.choose");
        }
        e.into_result()?;
        Ok(CarrierCommand {
            kind: kind.unwrap_or(CarrierKind::ItSystem),
            name: name.unwrap_or_default(),
            description,
            unit_id: j.unit_id,
            system_owner_username: if it { user(&j.system_owner_username) } else { None },
            system_admin_username: if it { user(&j.system_admin_username) } else { None },
            supplier,
            hosting,
            country,
            third_country,
            transfer_basis,
        })
    }
}

impl CarrierForm {
    /// The form filled from a stored carrier (sign-in names given).
    pub fn of(c: &varn_store::entity::carrier::Model, owner: Option<String>, admin: Option<String>) -> Self {
        CarrierForm {
            kind: c.kind.as_str().to_owned(),
            name: c.name.clone(),
            description: c.description.clone().unwrap_or_default(),
            unit_id: c.unit_id.to_string(),
            system_owner_username: owner.unwrap_or_default(),
            system_admin_username: admin.unwrap_or_default(),
            supplier: c.supplier.clone().unwrap_or_default(),
            hosting: c.hosting.map(|h| h.as_str().to_owned()).unwrap_or_default(),
            country: c.country.clone().unwrap_or_default(),
            third_country: if c.third_country { "on".into() } else { String::new() },
            transfer_basis: c.transfer_basis.clone().unwrap_or_default(),
        }
    }
}
