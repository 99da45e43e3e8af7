//! Incidents: the legal clocks and the regimes that set them (data, checked here). The
//! module's pages and use cases come with issue 13; this is its pure core.

pub mod clock;
pub mod regime;
#[cfg(test)]
mod tests;
pub mod types;

pub use clock::{deadline, late_by, local_date, Span};
pub use regime::{Anchor, Regime, Regimes, ReportDef, Scheduled};
pub use types::{Category, IncidentType, IncidentTypes, Level, Severity, Status};
