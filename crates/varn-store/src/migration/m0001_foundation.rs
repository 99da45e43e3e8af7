//! The foundation: organisation, users, roles, sessions, tokens, audit log, attachments,
//! tasks and settings.

use super::m0001_idens::*;
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn id<T: IntoIden>(c: T) -> ColumnDef {
    ColumnDef::new(c).big_integer().not_null().auto_increment().primary_key().to_owned()
}

fn ts<T: IntoIden>(c: T) -> ColumnDef {
    ColumnDef::new(c).timestamp_with_time_zone().not_null().to_owned()
}

fn ts_null<T: IntoIden>(c: T) -> ColumnDef {
    ColumnDef::new(c).timestamp_with_time_zone().null().to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        users_and_units(m).await?;
        grants(m).await?;
        sessions_and_tokens(m).await?;
        audit_log(m).await?;
        attachments(m).await?;
        tasks(m).await?;
        settings(m).await
    }
}

/// Users and the organisation tree.
async fn users_and_units(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    m.create_table(
        Table::create()
            .table(Users::Table)
            .col(id(Users::Id))
            .col(ColumnDef::new(Users::Username).string_len(64).not_null().unique_key())
            .col(ColumnDef::new(Users::DisplayName).string_len(120).not_null())
            .col(ColumnDef::new(Users::Email).string_len(254).null())
            .col(ColumnDef::new(Users::PasswordHash).string_len(255).null())
            .col(ColumnDef::new(Users::Active).boolean().not_null().default(true))
            .col(ColumnDef::new(Users::Locale).string_len(8).not_null().default("sv"))
            .col(ColumnDef::new(Users::FailedLogins).integer().not_null().default(0))
            .col(ts_null(Users::LockedUntil))
            .col(ts_null(Users::PasswordChangedAt))
            .col(ts(Users::CreatedAt))
            .col(ts(Users::UpdatedAt))
            .to_owned(),
    )
    .await?;
    m.create_index(Index::create().name("ix_users_display_name").table(Users::Table).col(Users::DisplayName).to_owned()).await?;

    m.create_table(
        Table::create()
            .table(OrgUnits::Table)
            .col(id(OrgUnits::Id))
            .col(ColumnDef::new(OrgUnits::ParentId).big_integer().null())
            .col(ColumnDef::new(OrgUnits::Kind).string_len(32).not_null())
            .col(ColumnDef::new(OrgUnits::Name).string_len(200).not_null())
            .col(ColumnDef::new(OrgUnits::Path).string_len(400).not_null().unique_key())
            .col(ColumnDef::new(OrgUnits::HeadUserId).big_integer().null())
            .col(ColumnDef::new(OrgUnits::SecurityContactId).big_integer().null())
            .col(ColumnDef::new(OrgUnits::Active).boolean().not_null().default(true))
            .col(ts(OrgUnits::CreatedAt))
            .col(ts(OrgUnits::UpdatedAt))
            .foreign_key(ForeignKey::create().from(OrgUnits::Table, OrgUnits::ParentId).to(OrgUnits::Table, OrgUnits::Id))
            .foreign_key(ForeignKey::create().from(OrgUnits::Table, OrgUnits::HeadUserId).to(Users::Table, Users::Id))
            .foreign_key(ForeignKey::create().from(OrgUnits::Table, OrgUnits::SecurityContactId).to(Users::Table, Users::Id))
            .to_owned(),
    )
    .await?;
    m.create_index(Index::create().name("ix_org_units_parent").table(OrgUnits::Table).col(OrgUnits::ParentId).to_owned()).await?;
    if m.get_database_backend() == DbBackend::Postgres {
        // LIKE 'prefix%' uses a btree index in PostgreSQL only with pattern ops.
        m.get_connection()
            .execute(Statement::from_string(
                DbBackend::Postgres,
                "CREATE INDEX ix_org_units_path_pattern ON org_units (path text_pattern_ops)",
            ))
            .await?;
    }
    Ok(())
}

/// Role grants.
async fn grants(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    m.create_table(
        Table::create()
            .table(RoleGrants::Table)
            .col(id(RoleGrants::Id))
            .col(ColumnDef::new(RoleGrants::UserId).big_integer().not_null())
            .col(ColumnDef::new(RoleGrants::OrgUnitId).big_integer().not_null())
            .col(ColumnDef::new(RoleGrants::Role).string_len(32).not_null())
            .col(ColumnDef::new(RoleGrants::GrantedBy).big_integer().null())
            .col(ts(RoleGrants::CreatedAt))
            .foreign_key(ForeignKey::create().from(RoleGrants::Table, RoleGrants::UserId).to(Users::Table, Users::Id))
            .foreign_key(ForeignKey::create().from(RoleGrants::Table, RoleGrants::OrgUnitId).to(OrgUnits::Table, OrgUnits::Id))
            .to_owned(),
    )
    .await?;
    m.create_index(
        Index::create()
            .name("ux_role_grants")
            .table(RoleGrants::Table)
            .col(RoleGrants::UserId)
            .col(RoleGrants::OrgUnitId)
            .col(RoleGrants::Role)
            .unique()
            .to_owned(),
    )
    .await?;
    m.create_index(
        Index::create().name("ix_role_grants_unit").table(RoleGrants::Table).col(RoleGrants::OrgUnitId).col(RoleGrants::Role).to_owned(),
    )
    .await?;
    Ok(())
}

/// Sessions and API tokens.
async fn sessions_and_tokens(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    m.create_table(
        Table::create()
            .table(Sessions::Table)
            .col(ColumnDef::new(Sessions::Id).string_len(64).not_null().primary_key())
            .col(ColumnDef::new(Sessions::UserId).big_integer().null())
            .col(ColumnDef::new(Sessions::CsrfToken).string_len(64).not_null())
            .col(ColumnDef::new(Sessions::Locale).string_len(8).null())
            .col(ts(Sessions::CreatedAt))
            .col(ts(Sessions::ExpiresAt))
            .foreign_key(ForeignKey::create().from(Sessions::Table, Sessions::UserId).to(Users::Table, Users::Id))
            .to_owned(),
    )
    .await?;
    m.create_index(Index::create().name("ix_sessions_user").table(Sessions::Table).col(Sessions::UserId).to_owned()).await?;

    m.create_table(
        Table::create()
            .table(ApiTokens::Table)
            .col(id(ApiTokens::Id))
            .col(ColumnDef::new(ApiTokens::UserId).big_integer().not_null())
            .col(ColumnDef::new(ApiTokens::Name).string_len(100).not_null())
            .col(ColumnDef::new(ApiTokens::TokenHash).string_len(64).not_null().unique_key())
            .col(ColumnDef::new(ApiTokens::Prefix).string_len(16).not_null())
            .col(ts(ApiTokens::CreatedAt))
            .col(ts_null(ApiTokens::LastUsedAt))
            .col(ts_null(ApiTokens::RevokedAt))
            .foreign_key(ForeignKey::create().from(ApiTokens::Table, ApiTokens::UserId).to(Users::Table, Users::Id))
            .to_owned(),
    )
    .await?;
    Ok(())
}

/// The audit log, its head and the triggers that make it append-only.
async fn audit_log(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    m.create_table(
        Table::create()
            .table(AuditLog::Table)
            .col(ColumnDef::new(AuditLog::Id).big_integer().not_null().primary_key())
            .col(ColumnDef::new(AuditLog::AtUs).big_integer().not_null())
            .col(ColumnDef::new(AuditLog::ActorId).big_integer().null())
            .col(ColumnDef::new(AuditLog::ActorName).string_len(120).not_null())
            .col(ColumnDef::new(AuditLog::Action).string_len(64).not_null())
            .col(ColumnDef::new(AuditLog::EntityType).string_len(64).not_null())
            .col(ColumnDef::new(AuditLog::EntityId).big_integer().null())
            .col(ColumnDef::new(AuditLog::OrgPath).string_len(400).null())
            .col(ColumnDef::new(AuditLog::BeforeJson).text().null())
            .col(ColumnDef::new(AuditLog::AfterJson).text().null())
            .col(ColumnDef::new(AuditLog::PrevHash).string_len(64).not_null())
            .col(ColumnDef::new(AuditLog::Hash).string_len(64).not_null())
            .to_owned(),
    )
    .await?;
    m.create_index(Index::create().name("ix_audit_at").table(AuditLog::Table).col(AuditLog::AtUs).to_owned()).await?;
    m.create_index(Index::create().name("ix_audit_actor").table(AuditLog::Table).col(AuditLog::ActorId).col(AuditLog::Id).to_owned())
        .await?;
    m.create_index(
        Index::create()
            .name("ix_audit_entity")
            .table(AuditLog::Table)
            .col(AuditLog::EntityType)
            .col(AuditLog::EntityId)
            .col(AuditLog::Id)
            .to_owned(),
    )
    .await?;
    m.create_table(
        Table::create()
            .table(AuditHead::Table)
            .col(ColumnDef::new(AuditHead::Id).integer().not_null().primary_key())
            .col(ColumnDef::new(AuditHead::LastSeq).big_integer().not_null())
            .col(ColumnDef::new(AuditHead::LastHash).string_len(64).not_null())
            .to_owned(),
    )
    .await?;
    let conn = m.get_connection();
    let backend = m.get_database_backend();
    conn.execute(Statement::from_string(
        backend,
        format!("INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, '{}')", varn_domain::audit::GENESIS),
    ))
    .await?;
    append_only(m).await
}

/// The database itself refuses to change or remove an audit row.
async fn append_only(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let conn = m.get_connection();
    let backend = m.get_database_backend();
    match backend {
        DbBackend::Postgres => {
            conn.execute(Statement::from_string(
                backend,
                "CREATE FUNCTION varn_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ \
                 BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$",
            ))
            .await?;
            conn.execute(Statement::from_string(
                backend,
                "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log \
                 FOR EACH ROW EXECUTE FUNCTION varn_audit_append_only()",
            ))
            .await?;
        }
        _ => {
            for op in ["UPDATE", "DELETE"] {
                conn.execute(Statement::from_string(
                    backend,
                    format!(
                        "CREATE TRIGGER audit_log_no_{} BEFORE {op} ON audit_log \
                         BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
                        op.to_lowercase()
                    ),
                ))
                .await?;
            }
        }
    }
    Ok(())
}

/// Attachments.
async fn attachments(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    m.create_table(
        Table::create()
            .table(Attachments::Table)
            .col(id(Attachments::Id))
            .col(ColumnDef::new(Attachments::EntityType).string_len(64).not_null())
            .col(ColumnDef::new(Attachments::EntityId).big_integer().not_null())
            .col(ColumnDef::new(Attachments::OrgUnitId).big_integer().null())
            .col(ColumnDef::new(Attachments::Filename).string_len(255).not_null())
            .col(ColumnDef::new(Attachments::ContentType).string_len(127).not_null())
            .col(ColumnDef::new(Attachments::SizeBytes).big_integer().not_null())
            .col(ColumnDef::new(Attachments::Sha256).string_len(64).not_null())
            .col(ColumnDef::new(Attachments::Data).blob().not_null())
            .col(ColumnDef::new(Attachments::UploadedBy).big_integer().null())
            .col(ts(Attachments::CreatedAt))
            .foreign_key(ForeignKey::create().from(Attachments::Table, Attachments::OrgUnitId).to(OrgUnits::Table, OrgUnits::Id))
            .to_owned(),
    )
    .await?;
    m.create_index(
        Index::create()
            .name("ix_attachments_entity")
            .table(Attachments::Table)
            .col(Attachments::EntityType)
            .col(Attachments::EntityId)
            .to_owned(),
    )
    .await?;
    Ok(())
}

/// Tasks.
async fn tasks(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    m.create_table(
        Table::create()
            .table(Tasks::Table)
            .col(id(Tasks::Id))
            .col(ColumnDef::new(Tasks::SourceType).string_len(64).not_null())
            .col(ColumnDef::new(Tasks::SourceId).big_integer().null())
            .col(ColumnDef::new(Tasks::Title).string_len(300).not_null())
            .col(ColumnDef::new(Tasks::Link).string_len(300).not_null())
            .col(ColumnDef::new(Tasks::AssigneeUserId).big_integer().null())
            .col(ColumnDef::new(Tasks::AssigneeUnitId).big_integer().null())
            .col(ColumnDef::new(Tasks::DueDate).date().null())
            .col(ColumnDef::new(Tasks::Status).string_len(16).not_null())
            .col(ts(Tasks::CreatedAt))
            .col(ts_null(Tasks::CompletedAt))
            .foreign_key(ForeignKey::create().from(Tasks::Table, Tasks::AssigneeUserId).to(Users::Table, Users::Id))
            .foreign_key(ForeignKey::create().from(Tasks::Table, Tasks::AssigneeUnitId).to(OrgUnits::Table, OrgUnits::Id))
            .to_owned(),
    )
    .await?;
    m.create_index(
        Index::create()
            .name("ix_tasks_user")
            .table(Tasks::Table)
            .col(Tasks::AssigneeUserId)
            .col(Tasks::Status)
            .col(Tasks::DueDate)
            .to_owned(),
    )
    .await?;
    m.create_index(
        Index::create()
            .name("ix_tasks_unit")
            .table(Tasks::Table)
            .col(Tasks::AssigneeUnitId)
            .col(Tasks::Status)
            .col(Tasks::DueDate)
            .to_owned(),
    )
    .await?;
    m.create_index(Index::create().name("ix_tasks_source").table(Tasks::Table).col(Tasks::SourceType).col(Tasks::SourceId).to_owned())
        .await?;
    Ok(())
}

/// Settings.
async fn settings(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    m.create_table(
        Table::create()
            .table(Settings::Table)
            .col(ColumnDef::new(Settings::Key).string_len(100).not_null().primary_key())
            .col(ColumnDef::new(Settings::Value).text().not_null())
            .to_owned(),
    )
    .await?;
    Ok(())
}
