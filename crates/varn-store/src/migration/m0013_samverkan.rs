//! The suppliers and protections an incident concerns; an incident's actions (åtgärder) with owners, each a task in the owner's Mina uppgifter;
//! the register of authorities and networks (myndigheter och nätverk) the city works with;
//! and the contacts made with them, from an incident or otherwise.

use super::m0003_documents::{a, big, date, fk, id, index, text, ts};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn long(c: &str, null: bool) -> ColumnDef {
    let mut d = ColumnDef::new(a(c));
    d.text();
    if null {
        d.null();
    } else {
        d.not_null();
    }
    d
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // The suppliers an incident concerns, in words (beside the systems).
        m.alter_table(Table::alter().table(a("incidents")).add_column(text("suppliers", 500, true)).to_owned()).await?;
        // The protections (requirements of the classification model, by code) that failed or
        // are to be reviewed after the incident.
        let t = "incident_requirements";
        m.create_table(
            Table::create()
                .table(a(t))
                .col(big("incident_id", false))
                .col(text("code", 16, false))
                .primary_key(Index::create().col(a("incident_id")).col(a("code")))
                .foreign_key(&mut fk(t, "incident_id", "incidents"))
                .to_owned(),
        )
        .await?;
        let t = "incident_actions";
        m.create_table(
            Table::create()
                .table(a(t))
                .col(id())
                .col(big("incident_id", false))
                .col(text("title", 300, false))
                .col(big("responsible_user_id", false))
                .col(date("due_date"))
                .col(big("task_id", false))
                .col(big("created_by", false))
                .col(ts("created_at", false))
                .foreign_key(&mut fk(t, "incident_id", "incidents"))
                .foreign_key(&mut fk(t, "responsible_user_id", "users"))
                .foreign_key(&mut fk(t, "task_id", "tasks"))
                .foreign_key(&mut fk(t, "created_by", "users"))
                .to_owned(),
        )
        .await?;
        index(m, "ix_incident_actions_incident", t, &["incident_id"], false).await?;
        index(m, "ix_incident_actions_user", t, &["responsible_user_id", "incident_id"], false).await?;

        let t = "authorities";
        m.create_table(
            Table::create()
                .table(a(t))
                .col(id())
                .col(text("code", 32, true))
                .col(text("name", 200, false))
                .col(text("kind", 16, false))
                .col(long("purpose", true))
                .col(text("website", 300, true))
                .col(text("report_url", 300, true))
                .col(text("phone", 60, true))
                .col(text("email", 320, true))
                .col(text("contact_person", 200, true))
                .col(long("notes", true))
                .col(ColumnDef::new(a("active")).boolean().not_null().default(true))
                .col(ts("created_at", false))
                .col(ts("updated_at", false))
                .to_owned(),
        )
        .await?;
        index(m, "ux_authorities_code", t, &["code"], true).await?;
        index(m, "ux_authorities_name", t, &["name"], true).await?;

        let t = "authority_contacts";
        m.create_table(
            Table::create()
                .table(a(t))
                .col(id())
                .col(big("authority_id", false))
                .col(ts("at", false))
                .col(text("direction", 8, false))
                .col(text("channel", 16, false))
                .col(long("summary", false))
                .col(text("reference", 200, true))
                .col(big("incident_id", true))
                .col(big("unit_id", false))
                .col(big("user_id", false))
                .col(ts("created_at", false))
                .foreign_key(&mut fk(t, "authority_id", "authorities"))
                .foreign_key(&mut fk(t, "incident_id", "incidents"))
                .foreign_key(&mut fk(t, "unit_id", "org_units"))
                .foreign_key(&mut fk(t, "user_id", "users"))
                .to_owned(),
        )
        .await?;
        index(m, "ix_authority_contacts_authority", t, &["authority_id", "at"], false).await?;
        index(m, "ix_authority_contacts_incident", t, &["incident_id"], false).await?;
        index(m, "ix_authority_contacts_unit", t, &["unit_id", "at"], false).await?;
        index(m, "ix_authority_contacts_user", t, &["user_id"], false).await
    }
}
