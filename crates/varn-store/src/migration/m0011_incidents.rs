//! Incidents: the incident with its triage and handling, its timeline, the answers to the
//! questions that decide which reporting duties apply, the reports sent to authorities, and
//! the information assets and carriers it concerns. `next_due` is the nearest deadline of a
//! report not yet sent, kept on the row so that the list sorted by it is an index scan.

use super::m0003_documents::{a, big, fk, id, index, text, ts};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn long(c: &str) -> ColumnDef {
    ColumnDef::new(a(c)).text().null().to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        incidents(m).await?;
        events(m).await?;
        duties(m).await?;
        links(m).await
    }
}

async fn incidents(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let t = "incidents";
    m.create_table(
        Table::create()
            .table(a(t))
            .col(id())
            .col(big("unit_id", false))
            .col(big("reporter_user_id", false))
            .col(big("handler_user_id", true))
            .col(text("title", 300, false))
            .col(long("description"))
            .col(ts("noticed_at", false))
            .col(ts("aware_at", false))
            .col(ts("reported_at", false))
            .col(text("status", 24, false))
            .col(text("category", 24, true))
            .col(text("type_code", 48, true))
            .col(text("severity", 16, true))
            .col(text("level", 24, false).default("incident").to_owned())
            .col(text("systems", 500, true))
            .col(text("personal_data", 8, false).default("vet_inte").to_owned())
            .col(big("operator_unit_id", true))
            .col(big("pua_unit_id", true))
            .col(long("root_cause"))
            .col(long("lessons"))
            .col(ts("contained_at", true))
            .col(ts("closed_at", true))
            .col(ts("next_due", true))
            .col(text("search_text", 600, false))
            .col(ts("created_at", false))
            .col(ts("updated_at", false))
            .foreign_key(&mut fk(t, "unit_id", "org_units"))
            .foreign_key(&mut fk(t, "reporter_user_id", "users"))
            .foreign_key(&mut fk(t, "handler_user_id", "users"))
            .foreign_key(&mut fk(t, "operator_unit_id", "org_units"))
            .foreign_key(&mut fk(t, "pua_unit_id", "org_units"))
            .to_owned(),
    )
    .await?;
    index(m, "ix_incidents_due", t, &["next_due", "id"], false).await?;
    index(m, "ix_incidents_unit", t, &["unit_id", "next_due"], false).await?;
    index(m, "ix_incidents_reporter", t, &["reporter_user_id", "reported_at"], false).await?;
    index(m, "ix_incidents_handler", t, &["handler_user_id"], false).await?;
    index(m, "ix_incidents_reported", t, &["reported_at", "id"], false).await?;
    index(m, "ix_incidents_status", t, &["status", "unit_id"], false).await
}

/// The timeline: every step of the handling, in order.
async fn events(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let t = "incident_events";
    m.create_table(
        Table::create()
            .table(a(t))
            .col(id())
            .col(big("incident_id", false))
            .col(ts("at", false))
            .col(big("user_id", true))
            .col(text("kind", 24, false))
            .col(long("text"))
            .col(long("data"))
            .foreign_key(&mut fk(t, "incident_id", "incidents"))
            .foreign_key(&mut fk(t, "user_id", "users"))
            .to_owned(),
    )
    .await?;
    index(m, "ix_incident_events_incident", t, &["incident_id", "at"], false).await
}

/// Whether each regime applies (answered by whom, when, with the assessment), and each
/// report sent (when, by whom, to whom, the reference received, and the deadline it had) or
/// judged not required (`outcome` `not_required`, with the assessment in `note`: a breach
/// unlikely to result in a risk, no high risk to the data subjects).
async fn duties(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let t = "incident_duties";
    m.create_table(
        Table::create()
            .table(a(t))
            .col(big("incident_id", false))
            .col(text("regime", 48, false))
            .col(ColumnDef::new(a("applies")).boolean().not_null())
            .col(long("note"))
            .col(big("answered_by", false))
            .col(ts("answered_at", false))
            .primary_key(Index::create().col(a("incident_id")).col(a("regime")))
            .foreign_key(&mut fk(t, "incident_id", "incidents"))
            .foreign_key(&mut fk(t, "answered_by", "users"))
            .to_owned(),
    )
    .await?;
    let t = "incident_reports";
    m.create_table(
        Table::create()
            .table(a(t))
            .col(id())
            .col(big("incident_id", false))
            .col(text("regime", 48, false))
            .col(text("report", 48, false))
            .col(text("outcome", 16, false).default("sent").to_owned())
            .col(long("note"))
            .col(ts("sent_at", false))
            .col(big("sent_by", false))
            .col(text("recipient", 300, false))
            .col(text("reference", 200, true))
            .col(ts("due_at", true))
            .col(ts("recorded_at", false))
            .foreign_key(&mut fk(t, "incident_id", "incidents"))
            .foreign_key(&mut fk(t, "sent_by", "users"))
            .to_owned(),
    )
    .await?;
    index(m, "ux_incident_reports", t, &["incident_id", "regime", "report"], true).await
}

/// The information assets and carriers an incident concerns.
async fn links(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    for (t, col, to) in [("incident_assets", "asset_id", "assets"), ("incident_carriers", "carrier_id", "carriers")] {
        m.create_table(
            Table::create()
                .table(a(t))
                .col(big("incident_id", false))
                .col(big(col, false))
                .primary_key(Index::create().col(a("incident_id")).col(a(col)))
                .foreign_key(&mut fk(t, "incident_id", "incidents"))
                .foreign_key(&mut fk(t, col, to))
                .to_owned(),
        )
        .await?;
        index(m, &format!("ix_{t}_{col}"), t, &[col, "incident_id"], false).await?;
    }
    Ok(())
}
