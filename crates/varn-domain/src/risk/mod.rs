//! Risk management (riskhantering): risk analyses and their risks, each with a threat and a
//! vulnerability from the city's catalogues, likelihood × consequence on the city's matrix,
//! treatment and acceptance by the right level. The matrix and the catalogues are data
//! (`data/risks/`), checked here; the rules that decide a risk's status are pure.

pub mod matrix;
#[cfg(test)]
mod tests;
pub mod types;

pub use matrix::{Catalogue, CatalogueEntry, LevelDef, Matrix, MatrixError, ScaleStep};
pub use types::{status_after_edit, RiskStatus, ScopeKind, Treatment};

/// The longest a risk's or an analysis's title may be.
pub const TITLE_MAX: usize = 300;
