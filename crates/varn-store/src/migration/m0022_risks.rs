//! Risk management: risk analyses (what they cover, when, who took part), their risks (a
//! threat and a vulnerability from the catalogues, likelihood × consequence before and after
//! treatment, the treatment, owner, review date, status and acceptance), the assets a risk
//! concerns, the risks an incident concerns, and a risk's treatment actions (each a task).
//! A risk carries its analysis's unit, so that scope, lists and the heat map need no join.

use super::m0003_documents::{a, big, date, fk, id, index, text, ts};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn long(c: &str) -> ColumnDef {
    ColumnDef::new(a(c)).text().null().to_owned()
}

fn small(c: &str, null: bool) -> ColumnDef {
    let mut d = ColumnDef::new(a(c));
    d.big_integer();
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
        let t = "risk_analyses";
        m.create_table(
            Table::create()
                .table(a(t))
                .col(id())
                .col(big("unit_id", false))
                .col(text("title", 300, false))
                .col(text("scope_kind", 16, false))
                .col(text("scope_text", 300, true))
                .col(ColumnDef::new(a("analysed_on")).date().not_null())
                .col(text("participants", 1000, true))
                .col(long("description"))
                .col(text("search_text", 600, false))
                .col(big("created_by", false))
                .col(ts("created_at", false))
                .col(ts("updated_at", false))
                .foreign_key(&mut fk(t, "unit_id", "org_units"))
                .foreign_key(&mut fk(t, "created_by", "users"))
                .to_owned(),
        )
        .await?;
        index(m, "ix_risk_analyses_unit", t, &["unit_id", "analysed_on"], false).await?;
        index(m, "ix_risk_analyses_date", t, &["analysed_on", "id"], false).await?;

        let t = "risks";
        m.create_table(
            Table::create()
                .table(a(t))
                .col(id())
                .col(big("analysis_id", false))
                .col(big("unit_id", false))
                .col(text("title", 300, false))
                .col(long("description"))
                .col(text("threat", 32, false))
                .col(text("vulnerability", 32, false))
                // The aspects it threatens, as codes of the classification model (`k,t`).
                .col(text("aspects", 32, false).default("").to_owned())
                .col(small("likelihood", false))
                .col(small("consequence", false))
                // likelihood × consequence, kept for sorting, filtering and the heat map.
                .col(small("score", false))
                .col(small("residual_likelihood", true))
                .col(small("residual_consequence", true))
                // The residual score, or the inherent one while none is assessed.
                .col(small("residual_score", false))
                .col(text("treatment", 16, true))
                .col(long("treatment_plan"))
                .col(big("owner_user_id", true))
                .col(date("review_on"))
                .col(text("status", 16, false))
                .col(big("accepted_by", true))
                .col(date("accepted_on"))
                .col(text("search_text", 600, false))
                .col(ts("created_at", false))
                .col(ts("updated_at", false))
                .foreign_key(&mut fk(t, "analysis_id", "risk_analyses"))
                .foreign_key(&mut fk(t, "unit_id", "org_units"))
                .foreign_key(&mut fk(t, "owner_user_id", "users"))
                .foreign_key(&mut fk(t, "accepted_by", "users"))
                .to_owned(),
        )
        .await?;
        index(m, "ix_risks_analysis", t, &["analysis_id", "residual_score"], false).await?;
        // A unit's (or a subtree's) open risks and both heat maps from the index alone.
        let cells = ["unit_id", "status", "likelihood", "consequence", "residual_likelihood", "residual_consequence"];
        index(m, "ix_risks_unit", t, &cells, false).await?;
        index(m, "ix_risks_status_score", t, &["status", "residual_score", "id"], false).await?;
        index(m, "ix_risks_owner", t, &["owner_user_id", "review_on"], false).await?;
        index(m, "ix_risks_review", t, &["review_on"], false).await?;

        let t = "risk_assets";
        m.create_table(
            Table::create()
                .table(a(t))
                .col(big("risk_id", false))
                .col(big("asset_id", false))
                .primary_key(Index::create().col(a("risk_id")).col(a("asset_id")))
                .foreign_key(&mut fk(t, "risk_id", "risks"))
                .foreign_key(&mut fk(t, "asset_id", "assets"))
                .to_owned(),
        )
        .await?;
        index(m, "ix_risk_assets_asset", t, &["asset_id", "risk_id"], false).await?;

        let t = "incident_risks";
        m.create_table(
            Table::create()
                .table(a(t))
                .col(big("incident_id", false))
                .col(big("risk_id", false))
                .primary_key(Index::create().col(a("incident_id")).col(a("risk_id")))
                .foreign_key(&mut fk(t, "incident_id", "incidents"))
                .foreign_key(&mut fk(t, "risk_id", "risks"))
                .to_owned(),
        )
        .await?;
        index(m, "ix_incident_risks_risk", t, &["risk_id", "incident_id"], false).await?;

        let t = "risk_actions";
        m.create_table(
            Table::create()
                .table(a(t))
                .col(id())
                .col(big("risk_id", false))
                .col(text("title", 300, false))
                .col(big("responsible_user_id", false))
                .col(date("due_date"))
                .col(big("task_id", false))
                .col(big("created_by", false))
                .col(ts("created_at", false))
                .foreign_key(&mut fk(t, "risk_id", "risks"))
                .foreign_key(&mut fk(t, "responsible_user_id", "users"))
                .foreign_key(&mut fk(t, "task_id", "tasks"))
                .foreign_key(&mut fk(t, "created_by", "users"))
                .to_owned(),
        )
        .await?;
        index(m, "ix_risk_actions_risk", t, &["risk_id"], false).await?;
        index(m, "ix_risk_actions_task", t, &["task_id"], false).await
    }
}
