//! An analysis as the page's form and the API send it, checked for format.

use super::commands::date;
use crate::assets::commands::{id_field, optional};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use varn_domain::risk::{ScopeKind, TITLE_MAX};
use varn_domain::validation::bounded_text;
use varn_domain::{Code, FieldErrors};

/// An analysis as the API takes it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct AnalysisJson {
    /// Title.
    pub title: String,
    /// The unit whose analysis it is.
    pub unit_id: i64,
    /// What it covers: tillgang / system / process / enhet / projekt.
    pub scope_kind: String,
    /// What exactly (the asset, system, process or project by name).
    pub scope_text: Option<String>,
    /// When it was made (YYYY-MM-DD).
    pub analysed_on: String,
    /// Who took part.
    pub participants: Option<String>,
    /// Method, assumptions, conclusions.
    pub description: Option<String>,
}

/// An analysis as the page's form sends it.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct AnalysisForm {
    /// Title.
    pub title: String,
    /// Unit id.
    pub unit_id: String,
    /// Scope kind.
    pub scope_kind: String,
    /// What exactly.
    pub scope_text: String,
    /// Date.
    pub analysed_on: String,
    /// Participants.
    pub participants: String,
    /// Description.
    pub description: String,
}

/// An analysis, checked for format.
#[derive(Debug, Clone)]
pub struct AnalysisCommand {
    /// Title.
    pub title: String,
    /// Unit.
    pub unit_id: i64,
    /// Scope kind.
    pub scope_kind: ScopeKind,
    /// What exactly.
    pub scope_text: Option<String>,
    /// Date.
    pub analysed_on: NaiveDate,
    /// Participants.
    pub participants: Option<String>,
    /// Description.
    pub description: Option<String>,
}

impl TryFrom<&AnalysisJson> for AnalysisCommand {
    type Error = FieldErrors;
    fn try_from(j: &AnalysisJson) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::new();
        let title = e.check("title", bounded_text(&j.title, TITLE_MAX));
        if j.unit_id <= 0 {
            e.add("unit_id", "err.choose");
        }
        let scope_kind = e.check("scope_kind", ScopeKind::parse(&j.scope_kind));
        let scope_text = optional(&mut e, "scope_text", j.scope_text.as_deref(), 300);
        let analysed_on = date(&mut e, "analysed_on", Some(&j.analysed_on), true);
        if analysed_on.is_some_and(|d| d > varn_domain::task::today()) {
            e.add("analysed_on", "err.risk.analysed_future");
        }
        let participants = optional(&mut e, "participants", j.participants.as_deref(), 1000);
        let description = optional(&mut e, "description", j.description.as_deref(), 10_000);
        e.into_result()?;
        let (Some(title), Some(scope_kind), Some(analysed_on)) = (title, scope_kind, analysed_on) else {
            return Err(FieldErrors::one("title", "err.required"));
        };
        Ok(AnalysisCommand { title, unit_id: j.unit_id, scope_kind, scope_text, analysed_on, participants, description })
    }
}

impl TryFrom<&AnalysisForm> for AnalysisCommand {
    type Error = FieldErrors;
    fn try_from(f: &AnalysisForm) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::new();
        let unit_id = id_field(&mut e, "unit_id", &f.unit_id, true);
        let j = AnalysisJson {
            title: f.title.clone(),
            unit_id: unit_id.unwrap_or(0),
            scope_kind: f.scope_kind.clone(),
            scope_text: Some(f.scope_text.clone()),
            analysed_on: f.analysed_on.clone(),
            participants: Some(f.participants.clone()),
            description: Some(f.description.clone()),
        };
        merge(AnalysisCommand::try_from(&j), e)
    }
}

fn merge<T>(r: Result<T, FieldErrors>, mut e: FieldErrors) -> Result<T, FieldErrors> {
    match (r, e.is_empty()) {
        (Ok(c), true) => Ok(c),
        (Ok(_), false) => Err(e),
        (Err(mut more), _) => {
            // The form's own error at a field comes first (e.g. a unit not chosen).
            more.0.retain(|x| e.get(&x.field).is_none());
            e.0.extend(more.0);
            Err(e)
        }
    }
}

impl AnalysisForm {
    /// The form filled from a stored analysis.
    pub fn of(a: &varn_store::entity::risk_analysis::Model) -> Self {
        AnalysisForm {
            title: a.title.clone(),
            unit_id: a.unit_id.to_string(),
            scope_kind: a.scope_kind.as_str().to_owned(),
            scope_text: a.scope_text.clone().unwrap_or_default(),
            analysed_on: a.analysed_on.to_string(),
            participants: a.participants.clone().unwrap_or_default(),
            description: a.description.clone().unwrap_or_default(),
        }
    }
}
