//! A risk as the page's form and the API send it, checked: formats, and the city's matrix,
//! catalogues and aspects (an analysis's command is in [`super::analysis_commands`]).

use crate::assets::commands::{id_field, optional};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use varn_domain::risk::{RiskStatus, Treatment, TITLE_MAX};
use varn_domain::validation::bounded_text;
use varn_domain::{Code, FieldErrors};

pub(super) fn date(e: &mut FieldErrors, field: &str, s: Option<&str>, required: bool) -> Option<NaiveDate> {
    match s.map(str::trim).unwrap_or("") {
        "" => {
            if required {
                e.add(field, "err.required");
            }
            None
        }
        d => e.check(field, NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| "err.date_invalid")),
    }
}

/// A risk as the API takes it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct RiskJson {
    /// The analysis it belongs to (its unit is the risk's).
    pub analysis_id: i64,
    /// Title: what could happen.
    pub title: String,
    /// More about it.
    pub description: Option<String>,
    /// A threat of the catalogue, by code.
    pub threat: String,
    /// A vulnerability of the catalogue, by code.
    pub vulnerability: String,
    /// The aspects it threatens: codes of the classification model (`k`, `r`, `t`, `s`).
    pub aspects: Vec<String>,
    /// Likelihood before treatment (1 lowest).
    pub likelihood: i64,
    /// Consequence before treatment (1 lowest).
    pub consequence: i64,
    /// Likelihood after treatment (both or neither).
    pub residual_likelihood: Option<i64>,
    /// Consequence after treatment.
    pub residual_consequence: Option<i64>,
    /// reducera / acceptera / undvika / dela (none: not chosen yet).
    pub treatment: Option<String>,
    /// How it is treated.
    pub treatment_plan: Option<String>,
    /// The risk owner (sign-in name).
    pub owner_username: Option<String>,
    /// When it is to be reviewed (YYYY-MM-DD).
    pub review_on: Option<String>,
}

/// A risk as the page's form sends it; the aspects as checkboxes `aspect_<code>`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct RiskForm {
    /// Analysis id.
    pub analysis_id: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Threat code.
    pub threat: String,
    /// Vulnerability code.
    pub vulnerability: String,
    /// Likelihood.
    pub likelihood: String,
    /// Consequence.
    pub consequence: String,
    /// Residual likelihood.
    pub residual_likelihood: String,
    /// Residual consequence.
    pub residual_consequence: String,
    /// Treatment.
    pub treatment: String,
    /// Treatment plan.
    pub treatment_plan: String,
    /// Owner.
    pub owner_username: String,
    /// Review date.
    pub review_on: String,
    /// The checkboxes and anything else.
    #[serde(flatten)]
    pub rest: BTreeMap<String, String>,
}

/// A risk, checked.
#[derive(Debug, Clone)]
pub struct RiskCommand {
    /// Analysis.
    pub analysis_id: i64,
    /// Title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// Threat.
    pub threat: String,
    /// Vulnerability.
    pub vulnerability: String,
    /// Aspects, in the model's order, comma-separated.
    pub aspects: String,
    /// Likelihood.
    pub likelihood: i64,
    /// Consequence.
    pub consequence: i64,
    /// After treatment.
    pub residual: Option<(i64, i64)>,
    /// Treatment.
    pub treatment: Option<Treatment>,
    /// Plan.
    pub treatment_plan: Option<String>,
    /// Owner (sign-in name).
    pub owner_username: Option<String>,
    /// Review.
    pub review_on: Option<NaiveDate>,
}

impl RiskCommand {
    /// Checks a risk against the city's matrix, catalogues and aspects (in the model's order).
    pub fn check(j: &RiskJson, rules: &super::RiskRules, aspect_codes: &[&str]) -> Result<Self, FieldErrors> {
        Self::check_with(j, rules, aspect_codes, FieldErrors::new())
    }

    fn check_with(j: &RiskJson, rules: &super::RiskRules, aspect_codes: &[&str], mut e: FieldErrors) -> Result<Self, FieldErrors> {
        let m = &rules.matrix;
        if j.analysis_id <= 0 && e.get("analysis_id").is_none() {
            e.add("analysis_id", "err.choose");
        }
        let title = if e.get("title").is_none() { e.check("title", bounded_text(&j.title, TITLE_MAX)) } else { None };
        let description = optional(&mut e, "description", j.description.as_deref(), 10_000);
        if rules.catalogue.threat(j.threat.trim()).is_none() {
            e.add("threat", "err.choose");
        }
        if rules.catalogue.vulnerability(j.vulnerability.trim()).is_none() {
            e.add("vulnerability", "err.choose");
        }
        let mut aspects = Vec::new();
        for a in &j.aspects {
            match aspect_codes.iter().position(|c| *c == a.trim()) {
                Some(i) => aspects.push(i),
                None => e.add("aspects", "err.choose"),
            }
        }
        aspects.sort_unstable();
        aspects.dedup();
        if e.get("likelihood").is_none() && !m.valid_likelihood(j.likelihood) {
            e.add("likelihood", "err.risk.scale");
        }
        if e.get("consequence").is_none() && !m.valid_consequence(j.consequence) {
            e.add("consequence", "err.risk.scale");
        }
        let residual = match (j.residual_likelihood, j.residual_consequence) {
            (None, None) => None,
            (Some(l), Some(c)) => {
                if !m.valid_likelihood(l) {
                    e.add("residual_likelihood", "err.risk.scale");
                }
                if !m.valid_consequence(c) {
                    e.add("residual_consequence", "err.risk.scale");
                }
                if m.valid_likelihood(l) && m.valid_consequence(c) && l * c > j.likelihood * j.consequence {
                    e.add("residual_likelihood", "err.risk.residual_higher");
                }
                Some((l, c))
            }
            (None, Some(_)) => {
                if e.get("residual_likelihood").is_none() {
                    e.add("residual_likelihood", "err.risk.residual_pair");
                }
                None
            }
            (Some(_), None) => {
                if e.get("residual_consequence").is_none() {
                    e.add("residual_consequence", "err.risk.residual_pair");
                }
                None
            }
        };
        let treatment = match j.treatment.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) => e.check("treatment", Treatment::parse(t)),
            None => None,
        };
        let treatment_plan = optional(&mut e, "treatment_plan", j.treatment_plan.as_deref(), 10_000);
        let owner_username = j.owner_username.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
        let review_on = date(&mut e, "review_on", j.review_on.as_deref(), false);
        e.into_result()?;
        Ok(RiskCommand {
            analysis_id: j.analysis_id,
            title: title.unwrap_or_default(),
            description,
            threat: j.threat.trim().to_owned(),
            vulnerability: j.vulnerability.trim().to_owned(),
            aspects: aspects.iter().filter_map(|i| aspect_codes.get(*i).copied()).collect::<Vec<_>>().join(","),
            likelihood: j.likelihood,
            consequence: j.consequence,
            residual,
            treatment,
            treatment_plan,
            owner_username,
            review_on,
        })
    }

    /// Checks what the page's form sent: its numbers first, then as [`RiskCommand::check`].
    pub fn check_form(f: &RiskForm, rules: &super::RiskRules, aspect_codes: &[&str]) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::new();
        let analysis_id = id_field(&mut e, "analysis_id", &f.analysis_id, true);
        let mut num = |field: &str, s: &str, required: bool| -> Option<i64> {
            match s.trim() {
                "" => {
                    if required {
                        e.add(field, "err.risk.scale");
                    }
                    None
                }
                t => e.check(field, t.parse::<i64>().map_err(|_| "err.risk.scale")),
            }
        };
        let likelihood = num("likelihood", &f.likelihood, true);
        let consequence = num("consequence", &f.consequence, true);
        let residual_likelihood = num("residual_likelihood", &f.residual_likelihood, false);
        let residual_consequence = num("residual_consequence", &f.residual_consequence, false);
        let aspects = aspect_codes
            .iter()
            .filter(|c| f.rest.get(&format!("aspect_{c}")).is_some_and(|v| crate::assets::commands::checked(v)))
            .map(|c| (*c).to_owned())
            .collect();
        let j = RiskJson {
            analysis_id: analysis_id.unwrap_or(0),
            title: f.title.clone(),
            description: Some(f.description.clone()),
            threat: f.threat.clone(),
            vulnerability: f.vulnerability.clone(),
            aspects,
            likelihood: likelihood.unwrap_or(0),
            consequence: consequence.unwrap_or(0),
            residual_likelihood,
            residual_consequence,
            treatment: Some(f.treatment.clone()),
            treatment_plan: Some(f.treatment_plan.clone()),
            owner_username: Some(f.owner_username.clone()),
            review_on: Some(f.review_on.clone()),
        };
        Self::check_with(&j, rules, aspect_codes, e)
    }

    /// The status a new risk starts in.
    pub fn first_status(&self) -> RiskStatus {
        varn_domain::risk::status_after_edit(RiskStatus::Identifierad, self.treatment, true)
    }
}

impl RiskForm {
    /// The form filled from a stored risk (the owner's sign-in name given).
    pub fn of(r: &varn_store::entity::risk::Model, owner_username: Option<String>) -> Self {
        let n = |x: Option<i64>| x.map(|v| v.to_string()).unwrap_or_default();
        let rest = r.aspects.split(',').filter(|a| !a.is_empty()).map(|a| (format!("aspect_{a}"), "on".to_owned())).collect();
        RiskForm {
            analysis_id: r.analysis_id.to_string(),
            title: r.title.clone(),
            description: r.description.clone().unwrap_or_default(),
            threat: r.threat.clone(),
            vulnerability: r.vulnerability.clone(),
            likelihood: r.likelihood.to_string(),
            consequence: r.consequence.to_string(),
            residual_likelihood: n(r.residual_likelihood),
            residual_consequence: n(r.residual_consequence),
            treatment: r.treatment.map(|t| t.as_str().to_owned()).unwrap_or_default(),
            treatment_plan: r.treatment_plan.clone().unwrap_or_default(),
            owner_username: owner_username.unwrap_or_default(),
            review_on: r.review_on.map(|d| d.to_string()).unwrap_or_default(),
            rest,
        }
    }
}
