//! What a user asks of the module, typed: an asset ([`AssetCommand`]) and a carrier
//! ([`CarrierCommand`]). The page's forms (text fields that come back intact on a mistake)
//! and the API's JSON bodies each convert into the command with `TryFrom`, which checks
//! every format at once; the use case then checks what needs the database.

use serde::{Deserialize, Serialize};
use varn_domain::asset::{InfoForm, NAME_MAX};
use varn_domain::validation::bounded_text;
use varn_domain::{Code, FieldErrors};

/// An asset, checked for format.
#[derive(Debug, Clone, PartialEq)]
pub struct AssetCommand {
    /// Name.
    pub name: String,
    /// Description.
    pub description: Option<String>,
    /// Owning unit.
    pub unit_id: i64,
    /// Information owner's sign-in name.
    pub owner_username: Option<String>,
    /// Personuppgiftsansvarig nämnd or bolag.
    pub pua_unit_id: Option<i64>,
    /// Forms.
    pub forms: Vec<InfoForm>,
    /// Processes or services it serves.
    pub processes: Option<String>,
    /// Secrecy provision (OSL).
    pub osl: Option<String>,
    /// Personal data processed.
    pub personal_data: bool,
    /// Special categories of personal data.
    pub special_categories: bool,
}

/// An asset as the page's form sends it.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct AssetForm {
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Owning unit id.
    pub unit_id: String,
    /// Information owner (sign-in name).
    pub owner_username: String,
    /// Personuppgiftsansvarig unit id.
    pub pua_unit_id: String,
    /// Forms: one checkbox each.
    pub form_text: String,
    /// Ljud.
    pub form_ljud: String,
    /// Bild.
    pub form_bild: String,
    /// Film.
    pub form_film: String,
    /// Processes.
    pub processes: String,
    /// OSL.
    pub osl: String,
    /// Checkbox.
    pub personal_data: String,
    /// Checkbox.
    pub special_categories: String,
}

/// An asset as the API takes it.
#[derive(Debug, Clone, Deserialize, Serialize, utoipa::ToSchema)]
pub struct AssetJson {
    /// Name.
    pub name: String,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Owning unit.
    pub unit_id: i64,
    /// Information owner (sign-in name).
    #[serde(default)]
    pub owner_username: Option<String>,
    /// Personuppgiftsansvarig nämnd or bolag (unit id).
    #[serde(default)]
    pub pua_unit_id: Option<i64>,
    /// Forms: text / ljud / bild / film.
    #[serde(default)]
    pub forms: Vec<String>,
    /// Processes or services it serves.
    #[serde(default)]
    pub processes: Option<String>,
    /// Secrecy provision (OSL chapter and section).
    #[serde(default)]
    pub osl: Option<String>,
    /// Personal data processed.
    #[serde(default)]
    pub personal_data: bool,
    /// Special categories (art. 9) of personal data.
    #[serde(default)]
    pub special_categories: bool,
}

/// Optional text: blank is none, else at most `max` characters; longer texts (over 500)
/// may hold line breaks.
pub(crate) fn optional(e: &mut FieldErrors, field: &str, s: Option<&str>, max: usize) -> Option<String> {
    let s = s.map(str::trim).filter(|s| !s.is_empty())?;
    let multi = max > 500;
    let r = if s.chars().count() > max {
        Err("err.too_long")
    } else if s.chars().any(|c| c.is_control() && !(multi && matches!(c, '\n' | '\r' | '\t'))) {
        Err("err.invalid_chars")
    } else {
        Ok(s.to_owned())
    };
    e.check(field, r)
}

/// An id typed into a field (blank: none).
pub(crate) fn id_field(e: &mut FieldErrors, field: &str, s: &str, required: bool) -> Option<i64> {
    match s.trim() {
        "" if required => {
            e.add(field, "err.choose");
            None
        }
        "" => None,
        t => e.check(field, t.parse::<i64>().map_err(|_| "err.choose")),
    }
}

pub(crate) fn checked(v: &str) -> bool {
    matches!(v.trim(), "on" | "true" | "1" | "yes")
}

impl TryFrom<&AssetForm> for AssetCommand {
    type Error = FieldErrors;
    fn try_from(f: &AssetForm) -> Result<Self, FieldErrors> {
        let forms = [
            (&f.form_text, InfoForm::Text),
            (&f.form_ljud, InfoForm::Ljud),
            (&f.form_bild, InfoForm::Bild),
            (&f.form_film, InfoForm::Film),
        ]
        .into_iter()
        .filter(|(v, _)| checked(v))
        .map(|(_, c)| c.as_str().to_owned())
        .collect();
        let mut e = FieldErrors::new();
        let unit_id = id_field(&mut e, "unit_id", &f.unit_id, true);
        let pua_unit_id = id_field(&mut e, "pua_unit_id", &f.pua_unit_id, false);
        let json = AssetJson {
            name: f.name.clone(),
            description: Some(f.description.clone()),
            unit_id: unit_id.unwrap_or(0),
            owner_username: Some(f.owner_username.clone()),
            pua_unit_id,
            forms,
            processes: Some(f.processes.clone()),
            osl: Some(f.osl.clone()),
            personal_data: checked(&f.personal_data),
            special_categories: checked(&f.special_categories),
        };
        match (AssetCommand::try_from(&json), e.is_empty()) {
            (Ok(c), true) => Ok(c),
            (Ok(_), false) => Err(e),
            (Err(mut more), _) => {
                more.0.extend(e.0);
                Err(more)
            }
        }
    }
}

impl TryFrom<&AssetJson> for AssetCommand {
    type Error = FieldErrors;
    fn try_from(j: &AssetJson) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::new();
        let name = e.check("name", bounded_text(&j.name, NAME_MAX));
        let description = optional(&mut e, "description", j.description.as_deref(), 5_000);
        let processes = optional(&mut e, "processes", j.processes.as_deref(), 500);
        let osl = optional(&mut e, "osl", j.osl.as_deref(), 200);
        let owner_username = j.owner_username.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
        let mut forms = Vec::new();
        for f in &j.forms {
            if let Some(c) = e.check("forms", InfoForm::parse(f)) {
                if !forms.contains(&c) {
                    forms.push(c);
                }
            }
        }
        forms.sort();
        if j.special_categories && !j.personal_data {
            e.add("special_categories", "err.asset.special_without_personal");
        }
        if j.unit_id <= 0 && e.get("unit_id").is_none() {
            e.add("unit_id", "err.choose");
        }
        e.into_result()?;
        Ok(AssetCommand {
            name: name.unwrap_or_default(),
            description,
            unit_id: j.unit_id,
            owner_username,
            pua_unit_id: j.pua_unit_id,
            forms,
            processes,
            osl,
            personal_data: j.personal_data,
            special_categories: j.special_categories,
        })
    }
}

impl AssetCommand {
    /// The forms as stored (`text,bild`).
    pub fn forms_code(&self) -> String {
        self.forms.iter().map(|f| f.as_str()).collect::<Vec<_>>().join(",")
    }
}

impl AssetForm {
    /// The form filled from a stored asset (sign-in name of the owner given).
    pub fn of(a: &varn_store::entity::asset::Model, owner_username: Option<String>) -> Self {
        let has = |f: InfoForm| if a.forms.split(',').any(|x| x == f.as_str()) { "on".to_owned() } else { String::new() };
        let flag = |b: bool| if b { "on".to_owned() } else { String::new() };
        AssetForm {
            name: a.name.clone(),
            description: a.description.clone().unwrap_or_default(),
            unit_id: a.unit_id.to_string(),
            owner_username: owner_username.unwrap_or_default(),
            pua_unit_id: a.pua_unit_id.map(|u| u.to_string()).unwrap_or_default(),
            form_text: has(InfoForm::Text),
            form_ljud: has(InfoForm::Ljud),
            form_bild: has(InfoForm::Bild),
            form_film: has(InfoForm::Film),
            processes: a.processes.clone().unwrap_or_default(),
            osl: a.osl.clone().unwrap_or_default(),
            personal_data: flag(a.personal_data),
            special_categories: flag(a.special_categories),
        }
    }
}
