//! Värn's domain: pure types and rules, no I/O.
//!
//! Everything that decides *what is allowed* lives here so that it can be unit-tested
//! without a database: organisation kinds and their tree rules, roles and permissions,
//! validated values, and the audit hash chain.

pub mod access;
pub mod asset;
pub mod audit;
pub mod code;
pub mod document;
pub mod ids;
pub mod incident;
pub mod json_time;
pub mod org;
pub mod risk;
pub mod role;
pub mod task;
pub mod user;
pub mod validation;

pub use access::{Access, Grant, Scope};
pub use code::Code;
pub use ids::*;
pub use org::{OrgKind, OrgPath, UnitName};
pub use role::{Permission, Role};
pub use validation::{FieldError, FieldErrors};
