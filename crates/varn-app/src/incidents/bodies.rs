//! The bodies of the handling steps (status, duty, report sent, escalation, note), taken
//! as they are by the page's forms and the API; the use cases check them.

use super::commands::optional_text;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use varn_domain::incident::{Level, Status};
use varn_domain::{Code, FieldErrors};

/// A move of status, with what the step needs (lessons learned to close).
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct StatusJson {
    /// The status to move to.
    pub to: String,
    /// A note for the timeline.
    pub note: Option<String>,
    /// Lessons learned (required to close unless already recorded).
    pub lessons: Option<String>,
}

/// The answer to a regime's question.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct DutyJson {
    /// Whether it applies (`true`/`false`; a form sends `ja`/`nej`).
    pub applies: Option<bool>,
    /// The assessment behind the answer.
    pub note: Option<String>,
}

/// A report sent, or judged not required.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct SentJson {
    /// When it was sent (RFC 3339; default now).
    #[serde(serialize_with = "varn_domain::json_time::opt_datetime")]
    pub sent_at: Option<DateTime<Utc>>,
    /// To whom (default: the recipient in the regimes file).
    pub recipient: Option<String>,
    /// The reference received.
    pub reference: Option<String>,
    /// Not sent: judged not required, with the assessment in `note`.
    pub not_required: bool,
    /// The assessment (required when not required).
    pub note: Option<String>,
}

/// Raising (or lowering) the level.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct EscalateJson {
    /// `incident`, `allvarlig_storning`, `kris`.
    pub level: String,
    /// Why.
    pub reason: String,
}

/// A note in the timeline.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct NoteJson {
    /// The words.
    pub text: String,
}

/// Checks a status code.
pub(crate) fn status(e: &mut FieldErrors, s: &str) -> Option<Status> {
    if s.trim().is_empty() {
        e.add("to", "err.choose");
        return None;
    }
    e.check("to", Status::parse(s))
}

/// Checks a level code.
pub(crate) fn level(e: &mut FieldErrors, s: &str) -> Option<Level> {
    e.check("level", Level::parse(s))
}

/// Optional text of at most `max` characters (blank: none).
pub(crate) fn text(e: &mut FieldErrors, field: &str, s: Option<&str>, max: usize) -> Option<String> {
    optional_text(e, field, s, max)
}
