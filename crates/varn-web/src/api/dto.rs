//! The JSON shapes of the API.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use varn_store::entity::{api_token, audit_log, org_unit, user};

/// An organisation unit.
#[derive(Serialize, ToSchema)]
pub struct UnitDto {
    /// Id.
    pub id: i64,
    /// Parent unit (none for the root).
    pub parent_id: Option<i64>,
    /// Kind: kommunfullmaktige, kommunstyrelse, namnd, forvaltning, avdelning, enhet, bolag, extern_utovare.
    #[schema(value_type = String)]
    pub kind: &'static str,
    /// Name.
    pub name: String,
    /// Materialised path of ids from the root.
    pub path: String,
    /// Head (chef).
    pub head_user_id: Option<i64>,
    /// Information security contact.
    pub security_contact_id: Option<i64>,
    /// Active.
    pub active: bool,
}

impl From<org_unit::Model> for UnitDto {
    fn from(u: org_unit::Model) -> Self {
        varn_store::repo::org::ListedUnit::from(u).into()
    }
}

impl From<varn_store::repo::org::ListedUnit> for UnitDto {
    fn from(u: varn_store::repo::org::ListedUnit) -> Self {
        UnitDto {
            id: u.id,
            parent_id: u.parent_id,
            kind: varn_domain::Code::as_str(u.kind),
            name: u.name,
            path: u.path,
            head_user_id: u.head_user_id,
            security_contact_id: u.security_contact_id,
            active: u.active,
        }
    }
}

/// A new unit.
#[derive(Deserialize, ToSchema)]
pub struct NewUnit {
    /// Parent unit id.
    pub parent_id: Option<i64>,
    /// Kind code.
    #[serde(default)]
    pub kind: String,
    /// Name.
    #[serde(default)]
    pub name: String,
}

/// Changes to a unit.
#[derive(Deserialize, ToSchema)]
pub struct UnitChanges {
    /// Name.
    #[serde(default)]
    pub name: String,
    /// Head's sign-in name, or null.
    pub head_username: Option<String>,
    /// Security contact's sign-in name, or null.
    pub security_contact_username: Option<String>,
}

/// Where to move a unit.
#[derive(Deserialize, ToSchema)]
pub struct MoveTo {
    /// New parent id.
    pub parent_id: i64,
}

/// A user account.
#[derive(Serialize, ToSchema)]
pub struct UserDto {
    /// Id.
    pub id: i64,
    /// Sign-in name.
    pub username: String,
    /// Name.
    pub display_name: String,
    /// E-mail.
    pub email: Option<String>,
    /// Active.
    pub active: bool,
}

impl From<user::Model> for UserDto {
    fn from(u: user::Model) -> Self {
        UserDto { id: u.id, username: u.username, display_name: u.display_name, email: u.email, active: u.active }
    }
}

/// A role held on a unit.
#[derive(Serialize, ToSchema)]
pub struct GrantDto {
    /// Grant id.
    pub id: i64,
    /// Role code.
    pub role: String,
    /// Unit id.
    pub org_unit_id: i64,
    /// Unit name.
    pub unit_name: String,
}

impl From<varn_store::repo::users::GrantRow> for GrantDto {
    fn from(g: varn_store::repo::users::GrantRow) -> Self {
        GrantDto { id: g.id, role: g.role.to_string(), org_unit_id: g.org_unit_id, unit_name: g.unit_name }
    }
}

/// A user with their roles.
#[derive(Serialize, ToSchema)]
pub struct UserDetailDto {
    /// The user.
    #[serde(flatten)]
    pub user: UserDto,
    /// Their roles.
    pub grants: Vec<GrantDto>,
}

/// A new user (or changes: username and password are ignored when updating).
#[derive(Deserialize, ToSchema)]
pub struct NewUser {
    /// Sign-in name.
    #[serde(default)]
    pub username: String,
    /// Name.
    #[serde(default)]
    pub display_name: String,
    /// E-mail.
    #[serde(default)]
    pub email: String,
    /// Initial password (optional).
    #[serde(default)]
    pub password: String,
}

/// A role to grant.
#[derive(Deserialize, ToSchema)]
pub struct NewGrant {
    /// Role code: system_admin, samordnare, revisor, verksamhetsansvarig, informationsagare, medarbetare.
    #[serde(default)]
    pub role: String,
    /// Unit id.
    pub org_unit_id: Option<i64>,
}

/// The caller.
#[derive(Serialize, ToSchema)]
pub struct MeDto {
    /// Id.
    pub id: i64,
    /// Sign-in name.
    pub username: String,
    /// Name.
    pub display_name: String,
    /// Roles with the unit paths they cover.
    pub roles: Vec<RoleOn>,
}

/// A role on a path.
#[derive(Serialize, ToSchema)]
pub struct RoleOn {
    /// Role code.
    pub role: String,
    /// Unit path.
    pub unit_path: String,
}

/// An API token (never the secret, except once at creation).
#[derive(Serialize, ToSchema)]
pub struct TokenDto {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// First characters, to recognise it.
    pub prefix: String,
    /// Created.
    pub created_at: String,
    /// Last used.
    pub last_used_at: Option<String>,
    /// Revoked.
    pub revoked_at: Option<String>,
    /// When it stops working.
    pub expires_at: Option<String>,
    /// The secret: only in the answer to its creation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
}

impl From<api_token::Model> for TokenDto {
    fn from(t: api_token::Model) -> Self {
        TokenDto {
            id: t.id,
            name: t.name,
            prefix: t.prefix,
            created_at: t.created_at.to_rfc3339(),
            last_used_at: t.last_used_at.map(|d| d.to_rfc3339()),
            revoked_at: t.revoked_at.map(|d| d.to_rfc3339()),
            expires_at: t.expires_at.map(|d| d.to_rfc3339()),
            secret: None,
        }
    }
}

/// A token to create.
#[derive(Deserialize, ToSchema)]
pub struct NewToken {
    /// What it is for.
    #[serde(default)]
    pub name: String,
    /// Days it is valid, 1–365 (default 90).
    #[serde(default)]
    pub days: Option<i64>,
}

/// An audit record.
#[derive(Serialize, ToSchema)]
pub struct AuditDto {
    /// Sequence number.
    pub id: i64,
    /// When (RFC 3339).
    pub at: String,
    /// Acting user id.
    pub actor_id: Option<i64>,
    /// Acting user name.
    pub actor_name: String,
    /// Action code.
    pub action: String,
    /// Entity kind.
    pub entity_type: String,
    /// Entity id.
    pub entity_id: Option<i64>,
    /// Before.
    pub before: Option<serde_json::Value>,
    /// After.
    pub after: Option<serde_json::Value>,
    /// Hash of the previous record.
    pub prev_hash: String,
    /// This record's hash.
    pub hash: String,
}

impl From<audit_log::Model> for AuditDto {
    fn from(r: audit_log::Model) -> Self {
        let parse = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
        AuditDto {
            id: r.id,
            at: chrono::DateTime::from_timestamp_micros(r.at_us).map(|d| d.to_rfc3339()).unwrap_or_default(),
            actor_id: r.actor_id,
            actor_name: r.actor_name,
            action: r.action,
            entity_type: r.entity_type,
            entity_id: r.entity_id,
            before: parse(r.before_json),
            after: parse(r.after_json),
            prev_hash: r.prev_hash,
            hash: r.hash,
        }
    }
}

/// Audit filters.
#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
pub struct AuditArgs {
    /// Acting user id.
    pub user_id: Option<i64>,
    /// Entity kind.
    pub entity_type: Option<String>,
    /// Entity id.
    pub entity_id: Option<i64>,
    /// From date (YYYY-MM-DD).
    pub from: Option<String>,
    /// To date inclusive (YYYY-MM-DD).
    pub to: Option<String>,
    /// Page from 1.
    pub page: Option<u64>,
    /// Rows per page (1–500).
    pub limit: Option<u64>,
}

/// The result of checking the audit chain.
#[derive(Serialize, ToSchema)]
pub struct VerifyDto {
    /// Whether every record is in place and unchanged.
    pub whole: bool,
    /// Records checked (when whole).
    pub rows: Option<i64>,
    /// First broken record (when not).
    pub broken_at: Option<i64>,
    /// Why it is broken.
    pub reason: Option<String>,
}

/// A task of Mina uppgifter.
#[derive(Serialize, ToSchema)]
pub struct TaskDto {
    /// Id.
    pub id: i64,
    /// Source module and kind.
    pub source_type: String,
    /// What to do.
    pub title: String,
    /// Where to do it.
    pub link: String,
    /// Due date (written without chrono's formatter, as the other dates of the API).
    #[serde(serialize_with = "varn_domain::json_time::opt_date")]
    #[schema(value_type = Option<String>)]
    pub due_date: Option<chrono::NaiveDate>,
    /// open or done.
    #[schema(value_type = String)]
    pub status: &'static str,
    /// Assigned unit's name.
    pub unit_name: Option<String>,
    /// Days left (negative: overdue).
    pub days_left: Option<i64>,
}

/// An attachment's metadata.
#[derive(Serialize, ToSchema)]
pub struct FileDto {
    /// Id.
    pub id: i64,
    /// File name.
    pub filename: String,
    /// Size.
    pub size_bytes: i64,
    /// SHA-256.
    pub sha256: String,
    /// Uploaded.
    pub created_at: String,
}

impl From<varn_store::repo::attachments::AttachmentMeta> for FileDto {
    fn from(m: varn_store::repo::attachments::AttachmentMeta) -> Self {
        FileDto { id: m.id, filename: m.filename, size_bytes: m.size_bytes, sha256: m.sha256, created_at: m.created_at.to_rfc3339() }
    }
}
