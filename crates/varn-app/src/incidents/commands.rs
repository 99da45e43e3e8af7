//! What a user asks of the module, typed. The page's forms (text fields that come back
//! intact on a mistake) and the API's JSON bodies each convert into a command with
//! `TryFrom`, which checks every format at once; the use case checks what needs the
//! database.

pub(crate) use crate::assets::commands::optional as optional_text;
use crate::assets::commands::{id_field, optional};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use varn_domain::incident::{local_to_utc, Answer, Category, Severity};
use varn_domain::validation::bounded_text;
use varn_domain::{Code, FieldErrors};

/// A new report, checked for format.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportCommand {
    /// What happened, in a line.
    pub title: String,
    /// What happened, told.
    pub description: Option<String>,
    /// When the reporter noticed it.
    pub noticed_at: DateTime<Utc>,
    /// The affected unit (none: the reporter's own).
    pub unit_id: Option<i64>,
    /// Systems or information, in words.
    pub systems: Option<String>,
    /// Whether personal data were affected.
    pub personal_data: Answer,
    /// The type, if the reporter chose one.
    pub type_code: Option<String>,
}

/// A report as the page's form sends it.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ReportForm {
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Date noticed (local, `YYYY-MM-DD`).
    pub noticed_date: String,
    /// Time noticed (local, `HH:MM`).
    pub noticed_time: String,
    /// Unit id.
    pub unit_id: String,
    /// Systems.
    pub systems: String,
    /// `ja`, `nej`, `vet_inte`.
    pub personal_data: String,
    /// Type code.
    pub type_code: String,
}

/// A report as the API takes it.
#[derive(Debug, Clone, Deserialize, Serialize, utoipa::ToSchema)]
pub struct ReportJson {
    /// What happened, in a line.
    pub title: String,
    /// What happened, told.
    #[serde(default)]
    pub description: Option<String>,
    /// When it was noticed (RFC 3339; default: now).
    #[serde(default)]
    #[serde(serialize_with = "varn_domain::json_time::opt_datetime")]
    pub noticed_at: Option<DateTime<Utc>>,
    /// The affected unit (default: the reporter's own).
    #[serde(default)]
    pub unit_id: Option<i64>,
    /// Systems or information, in words.
    #[serde(default)]
    pub systems: Option<String>,
    /// `ja`, `nej` or `vet_inte` (default).
    #[serde(default)]
    pub personal_data: Option<String>,
    /// A type from the types file.
    #[serde(default)]
    pub type_code: Option<String>,
}

/// Local date and time fields as a moment (blank date: none; blank time: 00:00).
pub(crate) fn local_moment(e: &mut FieldErrors, field: &str, date: &str, time: &str) -> Option<DateTime<Utc>> {
    let date = date.trim();
    if date.is_empty() {
        return None;
    }
    let d = e.check(field, NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| "err.date_invalid"))?;
    let t = match time.trim() {
        "" => NaiveTime::MIN,
        t => e.check(field, NaiveTime::parse_from_str(t, "%H:%M").map_err(|_| "err.incident.time_invalid"))?,
    };
    Some(local_to_utc(d.and_time(t)))
}

fn code<C: Code>(e: &mut FieldErrors, field: &str, s: Option<&str>) -> Option<C> {
    let s = s.map(str::trim).filter(|s| !s.is_empty())?;
    e.check(field, C::parse(s))
}

/// A moment as stored: whole seconds (the same on both databases; forms give minutes).
pub(crate) fn second(t: DateTime<Utc>) -> DateTime<Utc> {
    use chrono::SubsecRound;
    t.trunc_subsecs(0)
}

fn not_future(e: &mut FieldErrors, field: &str, t: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    let t = second(t?);
    // A minute's grace for clocks that differ.
    if t > Utc::now() + chrono::Duration::minutes(1) {
        e.add(field, "err.incident.future");
        return None;
    }
    Some(t)
}

impl TryFrom<&ReportForm> for ReportCommand {
    type Error = FieldErrors;
    fn try_from(f: &ReportForm) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::new();
        let noticed = local_moment(&mut e, "noticed_date", &f.noticed_date, &f.noticed_time);
        if f.noticed_date.trim().is_empty() {
            e.add("noticed_date", "err.required");
        }
        let unit_id = id_field(&mut e, "unit_id", &f.unit_id, false);
        let json = ReportJson {
            title: f.title.clone(),
            description: Some(f.description.clone()),
            noticed_at: noticed,
            unit_id,
            systems: Some(f.systems.clone()),
            personal_data: Some(f.personal_data.clone()),
            type_code: Some(f.type_code.clone()),
        };
        merge(ReportCommand::try_from(&json), e)
    }
}

/// The command, with the form's own format errors added to the JSON conversion's.
pub(crate) fn merge<T>(r: Result<T, FieldErrors>, mut e: FieldErrors) -> Result<T, FieldErrors> {
    match (r, e.is_empty()) {
        (Ok(c), true) => Ok(c),
        (Ok(_), false) => Err(e),
        (Err(more), _) => {
            for x in more.0 {
                if e.get(&x.field).is_none() {
                    e.0.push(x);
                }
            }
            Err(e)
        }
    }
}

impl TryFrom<&ReportJson> for ReportCommand {
    type Error = FieldErrors;
    fn try_from(j: &ReportJson) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::new();
        let title = e.check("title", bounded_text(&j.title, 300));
        let description = optional(&mut e, "description", j.description.as_deref(), 10_000);
        let systems = optional(&mut e, "systems", j.systems.as_deref(), 500);
        let noticed_at = not_future(&mut e, "noticed_date", Some(j.noticed_at.unwrap_or_else(Utc::now)));
        let personal_data = code::<Answer>(&mut e, "personal_data", j.personal_data.as_deref()).unwrap_or(Answer::VetInte);
        let type_code = optional(&mut e, "type_code", j.type_code.as_deref(), 48);
        if matches!(j.unit_id, Some(u) if u <= 0) {
            e.add("unit_id", "err.choose");
        }
        e.into_result()?;
        Ok(ReportCommand {
            title: title.unwrap_or_default(),
            description,
            noticed_at: noticed_at.unwrap_or_else(Utc::now),
            unit_id: j.unit_id,
            systems,
            personal_data,
            type_code,
        })
    }
}

/// Triage: what the handler establishes.
#[derive(Debug, Clone, PartialEq)]
pub struct TriageCommand {
    /// Category.
    pub category: Option<Category>,
    /// Type code.
    pub type_code: Option<String>,
    /// Severity.
    pub severity: Option<Severity>,
    /// The affected unit.
    pub unit_id: i64,
    /// Handler's sign-in name.
    pub handler_username: Option<String>,
    /// Systems in words.
    pub systems: Option<String>,
    /// Suppliers in words.
    pub suppliers: Option<String>,
    /// Personal data affected.
    pub personal_data: Answer,
    /// When the city became aware (the clocks count from it).
    pub aware_at: DateTime<Utc>,
    /// The verksamhetsutövare (the city's root or a bolag).
    pub operator_unit_id: Option<i64>,
    /// The personuppgiftsansvarig nämnd or bolag.
    pub pua_unit_id: Option<i64>,
    /// Root cause.
    pub root_cause: Option<String>,
    /// Lessons learned.
    pub lessons: Option<String>,
}

/// Triage as the page's form sends it.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct TriageForm {
    /// Category code.
    pub category: String,
    /// Type code.
    pub type_code: String,
    /// Severity code.
    pub severity: String,
    /// Unit id.
    pub unit_id: String,
    /// Handler's sign-in name.
    pub handler_username: String,
    /// Systems.
    pub systems: String,
    /// Suppliers.
    pub suppliers: String,
    /// Answer code.
    pub personal_data: String,
    /// Aware date (local).
    pub aware_date: String,
    /// Aware time (local).
    pub aware_time: String,
    /// Operator unit id.
    pub operator_unit_id: String,
    /// PuA unit id.
    pub pua_unit_id: String,
    /// Root cause.
    pub root_cause: String,
    /// Lessons learned.
    pub lessons: String,
}

/// Triage as the API takes it (every field; send back what you read).
#[derive(Debug, Clone, Deserialize, Serialize, utoipa::ToSchema)]
pub struct TriageJson {
    /// `konfidentialitet`, `riktighet`, `tillganglighet`, `sparbarhet`.
    #[serde(default)]
    pub category: Option<String>,
    /// A type from the types file.
    #[serde(default)]
    pub type_code: Option<String>,
    /// `lag`, `medel`, `hog`, `kritisk`.
    #[serde(default)]
    pub severity: Option<String>,
    /// The affected unit.
    pub unit_id: i64,
    /// The handler's sign-in name.
    #[serde(default)]
    pub handler_username: Option<String>,
    /// Systems in words.
    #[serde(default)]
    pub systems: Option<String>,
    /// Suppliers affected or involved, in words (the carriers linked name theirs).
    #[serde(default)]
    pub suppliers: Option<String>,
    /// `ja`, `nej`, `vet_inte`.
    #[serde(default)]
    pub personal_data: Option<String>,
    /// When the city became aware (RFC 3339).
    #[serde(serialize_with = "varn_domain::json_time::datetime")]
    pub aware_at: DateTime<Utc>,
    /// The verksamhetsutövare (unit id of the city's root or a bolag).
    #[serde(default)]
    pub operator_unit_id: Option<i64>,
    /// The personuppgiftsansvarig nämnd or bolag (unit id).
    #[serde(default)]
    pub pua_unit_id: Option<i64>,
    /// Root cause.
    #[serde(default)]
    pub root_cause: Option<String>,
    /// Lessons learned.
    #[serde(default)]
    pub lessons: Option<String>,
}

impl TryFrom<&TriageForm> for TriageCommand {
    type Error = FieldErrors;
    fn try_from(f: &TriageForm) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::new();
        let aware = local_moment(&mut e, "aware_date", &f.aware_date, &f.aware_time);
        if f.aware_date.trim().is_empty() {
            e.add("aware_date", "err.required");
        }
        let unit_id = id_field(&mut e, "unit_id", &f.unit_id, true);
        let operator_unit_id = id_field(&mut e, "operator_unit_id", &f.operator_unit_id, false);
        let pua_unit_id = id_field(&mut e, "pua_unit_id", &f.pua_unit_id, false);
        let json = TriageJson {
            category: Some(f.category.clone()),
            type_code: Some(f.type_code.clone()),
            severity: Some(f.severity.clone()),
            unit_id: unit_id.unwrap_or(0),
            handler_username: Some(f.handler_username.clone()),
            systems: Some(f.systems.clone()),
            suppliers: Some(f.suppliers.clone()),
            personal_data: Some(f.personal_data.clone()),
            aware_at: aware.unwrap_or_else(Utc::now),
            operator_unit_id,
            pua_unit_id,
            root_cause: Some(f.root_cause.clone()),
            lessons: Some(f.lessons.clone()),
        };
        merge(TriageCommand::try_from(&json), e)
    }
}

impl TryFrom<&TriageJson> for TriageCommand {
    type Error = FieldErrors;
    fn try_from(j: &TriageJson) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::new();
        let category = code::<Category>(&mut e, "category", j.category.as_deref());
        let severity = code::<Severity>(&mut e, "severity", j.severity.as_deref());
        let personal_data = code::<Answer>(&mut e, "personal_data", j.personal_data.as_deref()).unwrap_or(Answer::VetInte);
        let type_code = optional(&mut e, "type_code", j.type_code.as_deref(), 48);
        let systems = optional(&mut e, "systems", j.systems.as_deref(), 500);
        let suppliers = optional(&mut e, "suppliers", j.suppliers.as_deref(), 500);
        let root_cause = optional(&mut e, "root_cause", j.root_cause.as_deref(), 10_000);
        let lessons = optional(&mut e, "lessons", j.lessons.as_deref(), 10_000);
        let aware_at = not_future(&mut e, "aware_date", Some(j.aware_at));
        let handler_username = j.handler_username.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
        if j.unit_id <= 0 {
            e.add("unit_id", "err.choose");
        }
        e.into_result()?;
        Ok(TriageCommand {
            category,
            type_code,
            severity,
            unit_id: j.unit_id,
            handler_username,
            systems,
            suppliers,
            personal_data,
            aware_at: aware_at.unwrap_or(j.aware_at),
            operator_unit_id: j.operator_unit_id,
            pua_unit_id: j.pua_unit_id,
            root_cause,
            lessons,
        })
    }
}

/// Local date and time fields as a moment, for the web's forms (blank date: none).
pub fn local_moment_field(e: &mut FieldErrors, field: &str, date: &str, time: &str) -> Option<DateTime<Utc>> {
    local_moment(e, field, date, time)
}
