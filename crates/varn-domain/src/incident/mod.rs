//! Incidents: the legal clocks, the regimes that set them and the types of incident (data,
//! checked here), the status flow and the codes of triage. The use cases are `varn-app`'s.

pub mod authority;
pub mod clock;
pub mod regime;
#[cfg(test)]
mod tests;
pub mod types;

pub use authority::{AuthorityKind, Channel, Direction};
pub use clock::{deadline, digits, late_by, local_date, local_parts, local_text, local_to_utc, Span};
pub use regime::{Anchor, Regime, Regimes, ReportDef, Scheduled};
pub use types::{Answer, Category, IncidentType, IncidentTypes, Level, Severity, Status};
