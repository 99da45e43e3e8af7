//! SeaORM entities, one per table.

pub mod user;
pub mod org_unit;
pub mod role_grant;
pub mod session;
pub mod api_token;
pub mod audit_log;
pub mod audit_head;
pub mod attachment;
pub mod task;
pub mod setting;
