//! The codes of the risk module: what an analysis covers, how a risk is treated and where it
//! stands, and the rule that moves its status when it is changed.

use crate::code_enum;

code_enum! {
    /// What a risk analysis covers (its scope).
    pub enum ScopeKind("risk.scope", "err.risk.scope_invalid") {
        /// An information asset.
        Tillgang,
        /// A system or IT service.
        System,
        /// A process or service of the city.
        Process,
        /// A unit's whole activity.
        Enhet,
        /// A project or a change.
        Projekt,
    }
}

code_enum! {
    /// How a risk is treated (riskbehandling).
    pub enum Treatment("risk.treatment", "err.risk.treatment_invalid") {
        /// Reduce it with protections (reducera).
        Reducera,
        /// Accept it as it is (acceptera): needs acceptance by the right level.
        Acceptera,
        /// Avoid it: stop or change the activity (undvika).
        Undvika,
        /// Share it, e.g. with a supplier or an insurance (dela).
        Dela,
    }
}

code_enum! {
    /// Where a risk stands.
    pub enum RiskStatus("risk.status", "err.risk.status_invalid") {
        /// Identified and assessed, no treatment chosen yet.
        Identifierad,
        /// A treatment is chosen and under way.
        Behandlas,
        /// Accepted by the right level, at the level it had then.
        Accepterad,
        /// No longer relevant (closed): no review, no heat map.
        Avslutad,
    }
}

impl RiskStatus {
    /// Whether the risk is still open (shown in the heat map, reviewed).
    pub fn is_open(self) -> bool {
        !matches!(self, RiskStatus::Avslutad)
    }
}

/// The status of a risk after it was changed: a closed risk stays closed; an accepted one
/// stays accepted only while its residual level and its treatment stay what was accepted
/// (`changed` false: an acceptance covers the risk as it was then); otherwise a treatment
/// other than acceptance means the risk is being treated, and no treatment (or acceptance
/// not yet given) means it is identified.
pub fn status_after_edit(before: RiskStatus, treatment: Option<Treatment>, changed: bool) -> RiskStatus {
    match (before, treatment) {
        (RiskStatus::Avslutad, _) => RiskStatus::Avslutad,
        (RiskStatus::Accepterad, _) if !changed => RiskStatus::Accepterad,
        (_, Some(Treatment::Reducera | Treatment::Undvika | Treatment::Dela)) => RiskStatus::Behandlas,
        _ => RiskStatus::Identifierad,
    }
}
