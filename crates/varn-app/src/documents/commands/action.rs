//! A strategy action and the decision of an adoption, as commands.

use super::Fields;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use varn_domain::document::Priority;
use varn_domain::validation::bounded_text;
use varn_domain::{FieldErrors, OrgUnitId};

/// A strategy action as the form and the API send it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ActionForm {
    /// What is to be done.
    pub title: String,
    /// Responsible person (sign-in name).
    pub responsible_username: String,
    /// Or responsible unit.
    pub responsible_unit_id: String,
    /// Deadline (YYYY-MM-DD).
    pub due_date: String,
    /// hog / medel / lag.
    pub priority: String,
}

/// A strategy action, checked for format.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionCommand {
    /// What.
    pub title: String,
    /// Responsible person's sign-in name, or
    pub responsible_username: Option<String>,
    /// responsible unit.
    pub responsible_unit_id: Option<OrgUnitId>,
    /// Deadline.
    pub due_date: NaiveDate,
    /// Priority.
    pub priority: Priority,
}

/// An action from its fields, the unit already read (a mistake in it already in `f`).
fn action(
    mut f: Fields,
    title: &str,
    user: Option<String>,
    unit: Option<OrgUnitId>,
    due: &str,
    priority: &str,
) -> Result<ActionCommand, FieldErrors> {
    let title = f.0.check("title", bounded_text(title, 300));
    let user = user.map(|u| u.trim().to_owned()).filter(|s| !s.is_empty());
    if user.is_none() && unit.is_none() && f.0.get("responsible_unit_id").is_none() {
        f.0.add("responsible_username", "err.doc.action_responsible");
    }
    let due = f.date("due_date", due);
    if due.is_none() && f.0.get("due_date").is_none() {
        f.0.add("due_date", "err.doc.action_due");
    }
    let priority = f.code("priority", priority);
    match (title, due, priority) {
        (Some(title), Some(due_date), Some(priority)) if f.0.is_empty() => {
            Ok(ActionCommand { title, responsible_username: user, responsible_unit_id: unit, due_date, priority })
        }
        _ => Err(f.0),
    }
}

impl TryFrom<&ActionForm> for ActionCommand {
    type Error = FieldErrors;
    fn try_from(i: &ActionForm) -> Result<Self, FieldErrors> {
        let mut f = Fields(FieldErrors::new());
        let unit = f.id("responsible_unit_id", &i.responsible_unit_id).map(OrgUnitId);
        action(f, &i.title, Some(i.responsible_username.clone()), unit, &i.due_date, &i.priority)
    }
}

/// A strategy action as the API takes it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ActionJson {
    /// What is to be done.
    pub title: String,
    /// Responsible person (sign-in name).
    pub responsible_username: Option<String>,
    /// Or responsible unit.
    pub responsible_unit_id: Option<i64>,
    /// Deadline (YYYY-MM-DD).
    pub due_date: String,
    /// hog / medel / lag.
    pub priority: String,
}

impl TryFrom<&ActionJson> for ActionCommand {
    type Error = FieldErrors;
    fn try_from(i: &ActionJson) -> Result<Self, FieldErrors> {
        let f = Fields(FieldErrors::new());
        action(f, &i.title, i.responsible_username.clone(), i.responsible_unit_id.map(OrgUnitId), &i.due_date, &i.priority)
    }
}

/// The decision's details, given when adopting or repealing (known only once the body has
/// decided or the chef approved).
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct Decision {
    /// Beslutsdatum (YYYY-MM-DD), not in the future; empty keeps the draft's.
    pub decision_date: String,
    /// Diarienummer; empty keeps the draft's. Required for a body's decision.
    pub diarienummer: String,
    /// Paragraph (§); empty keeps the draft's. Required for a body's decision.
    pub paragraph: String,
    /// Gäller från (YYYY-MM-DD), when later than the decision.
    pub valid_from: String,
    /// The approving chef's sign-in name (an instruction); empty: the one recording it.
    pub approved_by: String,
    /// I samråd med (an instruction).
    pub consulted: String,
    /// Ersatt av: the id of the document that replaces a repealed one.
    pub replaced_by: String,
}
