//! SeaORM entities, one per table.

pub mod api_token;
pub mod asset;
pub mod asset_carrier;
pub mod asset_level;
pub mod asset_measure;
pub mod attachment;
pub mod audit_head;
pub mod audit_log;
pub mod carrier;
pub mod carrier_dep;
pub mod classification;
pub mod document;
pub mod document_ack;
pub mod document_ack_request;
pub mod document_action;
pub mod document_comment;
pub mod document_remiss;
pub mod document_version;
pub mod org_unit;
pub mod role_grant;
pub mod session;
pub mod setting;
pub mod sign_in_throttle;
pub mod task;
pub mod user;
