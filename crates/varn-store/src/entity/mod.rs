//! SeaORM entities, one per table.

pub mod api_token;
pub mod attachment;
pub mod audit_head;
pub mod audit_log;
pub mod org_unit;
pub mod role_grant;
pub mod session;
pub mod setting;
pub mod task;
pub mod user;
