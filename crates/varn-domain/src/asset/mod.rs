//! Information assets and their classification: the codes, the classification model and
//! the requirement catalogue (both data, checked here), and the rules that connect them.

pub mod catalogue;
pub mod model;
#[cfg(test)]
mod tests;
pub mod types;

pub use catalogue::{Catalogue, PlanChange, Requirement};
pub use model::{inherit, Answers, Aspect, Levels, Model, ModelError, Question, Text};
pub use types::{Assessment, CarrierKind, Hosting, InfoForm, ReqKind};

/// The longest a name of an asset or carrier may be.
pub const NAME_MAX: usize = 300;
