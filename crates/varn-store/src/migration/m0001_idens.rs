//! The names of the foundation's tables and columns (migration m0001).

use sea_orm_migration::prelude::*;

#[derive(DeriveIden)]
pub(super) enum Users {
    Table,
    Id,
    Username,
    DisplayName,
    Email,
    PasswordHash,
    Active,
    Locale,
    FailedLogins,
    LockedUntil,
    PasswordChangedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
pub(super) enum OrgUnits {
    Table,
    Id,
    ParentId,
    Kind,
    Name,
    Path,
    HeadUserId,
    SecurityContactId,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
pub(super) enum RoleGrants {
    Table,
    Id,
    UserId,
    OrgUnitId,
    Role,
    GrantedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
pub(super) enum Sessions {
    Table,
    Id,
    UserId,
    CsrfToken,
    Locale,
    CreatedAt,
    ExpiresAt,
}

#[derive(DeriveIden)]
pub(super) enum ApiTokens {
    Table,
    Id,
    UserId,
    Name,
    TokenHash,
    Prefix,
    CreatedAt,
    LastUsedAt,
    RevokedAt,
}

#[derive(DeriveIden)]
pub(super) enum AuditLog {
    Table,
    Id,
    AtUs,
    ActorId,
    ActorName,
    Action,
    EntityType,
    EntityId,
    OrgPath,
    BeforeJson,
    AfterJson,
    PrevHash,
    Hash,
}

#[derive(DeriveIden)]
pub(super) enum AuditHead {
    Table,
    Id,
    LastSeq,
    LastHash,
}

#[derive(DeriveIden)]
pub(super) enum Attachments {
    Table,
    Id,
    EntityType,
    EntityId,
    OrgUnitId,
    Filename,
    ContentType,
    SizeBytes,
    Sha256,
    Data,
    UploadedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
pub(super) enum Tasks {
    Table,
    Id,
    SourceType,
    SourceId,
    Title,
    Link,
    AssigneeUserId,
    AssigneeUnitId,
    DueDate,
    Status,
    CreatedAt,
    CompletedAt,
}

#[derive(DeriveIden)]
pub(super) enum Settings {
    Table,
    Key,
    Value,
}
