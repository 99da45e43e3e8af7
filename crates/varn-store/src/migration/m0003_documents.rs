//! Governing documents: the register, frozen versions, strategy actions, remiss comments
//! and staff acknowledgements.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

pub(super) fn a(s: &str) -> Alias {
    Alias::new(s)
}

pub(super) fn id() -> ColumnDef {
    ColumnDef::new(a("id")).big_integer().not_null().auto_increment().primary_key().to_owned()
}

pub(super) fn big(c: &str, null: bool) -> ColumnDef {
    let mut d = ColumnDef::new(a(c));
    d.big_integer();
    if null {
        d.null();
    } else {
        d.not_null();
    }
    d
}

pub(super) fn text(c: &str, len: u32, null: bool) -> ColumnDef {
    let mut d = ColumnDef::new(a(c));
    d.string_len(len);
    if null {
        d.null();
    } else {
        d.not_null();
    }
    d
}

pub(super) fn date(c: &str) -> ColumnDef {
    ColumnDef::new(a(c)).date().null().to_owned()
}

pub(super) fn ts(c: &str, null: bool) -> ColumnDef {
    let mut d = ColumnDef::new(a(c));
    d.timestamp_with_time_zone();
    if null {
        d.null();
    } else {
        d.not_null();
    }
    d
}

pub(super) fn fk(table: &str, col: &str, to: &str) -> ForeignKeyCreateStatement {
    ForeignKey::create().from(a(table), a(col)).to(a(to), a("id")).to_owned()
}

pub(super) async fn index(m: &SchemaManager<'_>, name: &str, table: &str, cols: &[&str], unique: bool) -> Result<(), DbErr> {
    let mut i = Index::create();
    i.name(name).table(a(table));
    for c in cols {
        i.col(a(c));
    }
    if unique {
        i.unique();
    }
    m.create_index(i.to_owned()).await
}

/// The document: what stays across versions.
async fn documents(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    // The document: what stays across versions. `revision_date` and `valid_until` are
    // copied from the adopted version so that follow-up queries need no join.
    m.create_table(
        Table::create()
            .table(a("documents"))
            .col(id())
            .col(text("doc_type", 16, false))
            .col(text("title", 300, false))
            .col(text("status", 16, false))
            .col(big("unit_id", false))
            .col(big("applies_to_unit_id", false))
            .col(big("owner_user_id", true))
            .col(big("parent_id", true))
            .col(big("current_version_id", true))
            .col(date("revision_date"))
            .col(date("valid_until"))
            .col(ts("created_at", false))
            .col(ts("updated_at", false))
            .foreign_key(&mut fk("documents", "unit_id", "org_units"))
            .foreign_key(&mut fk("documents", "applies_to_unit_id", "org_units"))
            .foreign_key(&mut fk("documents", "owner_user_id", "users"))
            .foreign_key(&mut fk("documents", "parent_id", "documents"))
            .to_owned(),
    )
    .await?;
    index(m, "ix_documents_unit", "documents", &["unit_id"], false).await?;
    index(m, "ix_documents_applies", "documents", &["applies_to_unit_id", "status"], false).await?;
    index(m, "ix_documents_parent", "documents", &["parent_id"], false).await?;
    index(m, "ix_documents_owner", "documents", &["owner_user_id"], false).await?;
    index(m, "ix_documents_revision", "documents", &["revision_date"], false).await?;
    index(m, "ix_documents_title", "documents", &["title"], false).await?;
    Ok(())
}

/// Its versions.
async fn versions(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    m.create_table(
        Table::create()
            .table(a("document_versions"))
            .col(id())
            .col(big("document_id", false))
            .col(ColumnDef::new(a("number")).integer().not_null())
            .col(text("state", 16, false))
            .col(text("title", 300, false))
            .col(text("deciding_body", 32, false))
            .col(date("decision_date"))
            .col(date("valid_until"))
            .col(ColumnDef::new(a("by_law")).boolean().not_null().default(false))
            .col(text("law", 300, true))
            .col(date("revision_date"))
            .col(text("follow_up", 1000, true))
            .col(text("diarienummer", 64, true))
            .col(text("paragraph", 32, true))
            .col(ColumnDef::new(a("body_md")).text().not_null())
            .col(big("attachment_id", true))
            .col(big("created_by", true))
            .col(ts("created_at", false))
            .col(ts("updated_at", false))
            .col(big("adopted_by", true))
            .col(ts("adopted_at", true))
            .foreign_key(&mut fk("document_versions", "document_id", "documents"))
            .foreign_key(&mut fk("document_versions", "created_by", "users"))
            .foreign_key(&mut fk("document_versions", "adopted_by", "users"))
            .to_owned(),
    )
    .await?;
    index(m, "ux_document_versions_number", "document_versions", &["document_id", "number"], true).await?;
    Ok(())
}

/// Strategy actions and remiss comments.
async fn actions_and_comments(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    m.create_table(
        Table::create()
            .table(a("document_actions"))
            .col(id())
            .col(big("document_id", false))
            .col(text("title", 300, false))
            .col(big("responsible_user_id", true))
            .col(big("responsible_unit_id", true))
            .col(date("due_date"))
            .col(text("priority", 8, false))
            .col(big("task_id", true))
            .col(ts("created_at", false))
            .foreign_key(&mut fk("document_actions", "document_id", "documents"))
            .foreign_key(&mut fk("document_actions", "responsible_user_id", "users"))
            .foreign_key(&mut fk("document_actions", "responsible_unit_id", "org_units"))
            .foreign_key(&mut fk("document_actions", "task_id", "tasks"))
            .to_owned(),
    )
    .await?;
    index(m, "ix_document_actions_doc", "document_actions", &["document_id"], false).await?;

    m.create_table(
        Table::create()
            .table(a("document_comments"))
            .col(id())
            .col(big("document_id", false))
            .col(big("version_id", false))
            .col(big("user_id", true))
            .col(text("author_name", 120, false))
            .col(ColumnDef::new(a("body")).text().not_null())
            .col(ts("created_at", false))
            .foreign_key(&mut fk("document_comments", "document_id", "documents"))
            .foreign_key(&mut fk("document_comments", "version_id", "document_versions"))
            .foreign_key(&mut fk("document_comments", "user_id", "users"))
            .to_owned(),
    )
    .await?;
    index(m, "ix_document_comments_doc", "document_comments", &["document_id", "id"], false).await?;
    Ok(())
}

/// Read-confirmation requests and confirmations.
async fn acknowledgements(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    m.create_table(
        Table::create()
            .table(a("document_ack_requests"))
            .col(id())
            .col(big("document_id", false))
            .col(big("version_id", false))
            .col(big("unit_id", false))
            .col(big("requested_by", true))
            .col(ts("requested_at", false))
            .foreign_key(&mut fk("document_ack_requests", "document_id", "documents"))
            .foreign_key(&mut fk("document_ack_requests", "version_id", "document_versions"))
            .foreign_key(&mut fk("document_ack_requests", "unit_id", "org_units"))
            .foreign_key(&mut fk("document_ack_requests", "requested_by", "users"))
            .to_owned(),
    )
    .await?;
    index(m, "ux_document_ack_requests", "document_ack_requests", &["version_id", "unit_id"], true).await?;
    index(m, "ix_document_ack_requests_unit", "document_ack_requests", &["unit_id"], false).await?;

    m.create_table(
        Table::create()
            .table(a("document_acks"))
            .col(id())
            .col(big("document_id", false))
            .col(big("version_id", false))
            .col(big("user_id", false))
            .col(ts("acknowledged_at", false))
            .foreign_key(&mut fk("document_acks", "document_id", "documents"))
            .foreign_key(&mut fk("document_acks", "version_id", "document_versions"))
            .foreign_key(&mut fk("document_acks", "user_id", "users"))
            .to_owned(),
    )
    .await?;
    index(m, "ux_document_acks", "document_acks", &["version_id", "user_id"], true).await?;
    index(m, "ix_document_acks_user", "document_acks", &["user_id"], false).await?;
    // Staff of a unit are found through their grants; the report groups by unit.
    index(m, "ix_role_grants_unit_user", "role_grants", &["org_unit_id", "user_id"], false).await?;
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        documents(m).await?;
        versions(m).await?;
        actions_and_comments(m).await?;
        acknowledgements(m).await
    }
}
