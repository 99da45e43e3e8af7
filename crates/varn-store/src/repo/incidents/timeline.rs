//! One incident's parts: its timeline, the duties answered, the reports sent, and the
//! assets and carriers it concerns.

use crate::entity::{asset, carrier, incident_asset, incident_carrier, incident_duty, incident_event, incident_report, user};
use sea_orm::sea_query::Expr;
use sea_orm::*;

/// A step of the timeline with the name of who took it.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct EventRow {
    /// Id.
    pub id: i64,
    /// When.
    #[serde(serialize_with = "varn_domain::json_time::datetime")]
    pub at: chrono::DateTime<chrono::Utc>,
    /// What (`reported`, `triaged`, `status`, `note`, `duty`, `report_sent`, `escalated`).
    pub kind: String,
    /// Words a person wrote.
    pub text: Option<String>,
    /// The step's codes as JSON.
    pub data: Option<String>,
    /// Who.
    pub user_name: Option<String>,
}

/// The timeline, oldest first.
pub fn events_query(incident_id: i64) -> impl crate::repo::kept::Read<S = sea_orm::SelectModel<EventRow>> + use<> {
    static KEPT: crate::repo::kept::Slot = crate::repo::kept::Slot::new();
    KEPT.keep(vec![incident_id.into()], move || {
        crate::repo::select::find::<incident_event::Entity>()
            .filter(incident_event::Column::IncidentId.eq(incident_id))
            .join(
                JoinType::LeftJoin,
                incident_event::Entity::belongs_to(user::Entity).from(incident_event::Column::UserId).to(user::Column::Id).into(),
            )
            .select_only()
            .columns([
                incident_event::Column::Id,
                incident_event::Column::At,
                incident_event::Column::Kind,
                incident_event::Column::Text,
                incident_event::Column::Data,
            ])
            .column_as(Expr::col((user::Entity, user::Column::DisplayName)), "user_name")
            .order_by_asc(incident_event::Column::At)
            .order_by_asc(incident_event::Column::Id)
            .into_model::<EventRow>()
    })
}

/// [`events_query`], run.
pub async fn events<D: ConnectionTrait>(db: &D, incident_id: i64) -> Result<Vec<EventRow>, DbErr> {
    crate::repo::kept::all(db, events_query(incident_id)).await
}

/// Appends a step to the timeline; returns its id and time.
pub async fn add_event<D: ConnectionTrait>(
    db: &D,
    incident_id: i64,
    user_id: Option<i64>,
    kind: &str,
    text: Option<String>,
    data: Option<serde_json::Value>,
) -> Result<(i64, chrono::DateTime<chrono::Utc>), DbErr> {
    add_event_at(db, incident_id, user_id, kind, text, data, crate::repo::now()).await
}

/// Appends a step that happened at `at` (a contact made before it was recorded).
pub async fn add_event_at<D: ConnectionTrait>(
    db: &D,
    incident_id: i64,
    user_id: Option<i64>,
    kind: &str,
    text: Option<String>,
    data: Option<serde_json::Value>,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<(i64, chrono::DateTime<chrono::Utc>), DbErr> {
    let e = incident_event::ActiveModel {
        incident_id: Set(incident_id),
        at: Set(at),
        user_id: Set(user_id),
        kind: Set(kind.to_owned()),
        text: Set(text),
        data: Set(data.map(|d| d.to_string())),
        ..Default::default()
    };
    // One statement: only the id comes back.
    let id = incident_event::Entity::insert(e).exec(db).await?.last_insert_id;
    Ok((id, at))
}

/// The duties answered, with who answered.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct DutyRow {
    /// The regime's code.
    pub regime: String,
    /// Whether it applies.
    pub applies: bool,
    /// The assessment.
    pub note: Option<String>,
    /// Who answered.
    pub answered_by_name: String,
    /// When.
    #[serde(serialize_with = "varn_domain::json_time::datetime")]
    pub answered_at: chrono::DateTime<chrono::Utc>,
}

/// The duties answered for an incident.
pub fn duties_query(incident_id: i64) -> impl crate::repo::kept::Read<S = sea_orm::SelectModel<DutyRow>> + use<> {
    static KEPT: crate::repo::kept::Slot = crate::repo::kept::Slot::new();
    KEPT.keep(vec![incident_id.into()], move || {
        crate::repo::select::find::<incident_duty::Entity>()
            .filter(incident_duty::Column::IncidentId.eq(incident_id))
            .join(
                JoinType::InnerJoin,
                incident_duty::Entity::belongs_to(user::Entity).from(incident_duty::Column::AnsweredBy).to(user::Column::Id).into(),
            )
            .select_only()
            .columns([
                incident_duty::Column::Regime,
                incident_duty::Column::Applies,
                incident_duty::Column::Note,
                incident_duty::Column::AnsweredAt,
            ])
            .column_as(Expr::col((user::Entity, user::Column::DisplayName)), "answered_by_name")
            .into_model::<DutyRow>()
    })
}

/// [`duties_query`], run.
pub async fn duties<D: ConnectionTrait>(db: &D, incident_id: i64) -> Result<Vec<DutyRow>, DbErr> {
    crate::repo::kept::all(db, duties_query(incident_id)).await
}

/// Records (or replaces) the answer to a regime's question.
pub async fn answer_duty<D: ConnectionTrait>(
    db: &D,
    incident_id: i64,
    regime: &str,
    applies: bool,
    note: Option<String>,
    by: i64,
) -> Result<(), DbErr> {
    incident_duty::Entity::delete_many()
        .filter(incident_duty::Column::IncidentId.eq(incident_id))
        .filter(incident_duty::Column::Regime.eq(regime))
        .exec(db)
        .await?;
    incident_duty::ActiveModel {
        incident_id: Set(incident_id),
        regime: Set(regime.to_owned()),
        applies: Set(applies),
        note: Set(note),
        answered_by: Set(by),
        answered_at: Set(crate::repo::now()),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// A report sent, with who sent it.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct ReportRow {
    /// Id.
    pub id: i64,
    /// The regime's code.
    pub regime: String,
    /// The report's code.
    pub report: String,
    /// `sent` or `not_required`.
    pub outcome: String,
    /// The assessment when not required.
    pub note: Option<String>,
    /// When it was sent.
    #[serde(serialize_with = "varn_domain::json_time::datetime")]
    pub sent_at: chrono::DateTime<chrono::Utc>,
    /// To whom.
    pub recipient: String,
    /// The reference received.
    pub reference: Option<String>,
    /// Its deadline when sent.
    #[serde(serialize_with = "varn_domain::json_time::opt_datetime")]
    pub due_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Who sent it.
    pub sent_by_name: String,
}

/// The reports sent for an incident, in the order sent.
pub fn reports_query(incident_id: i64) -> impl crate::repo::kept::Read<S = sea_orm::SelectModel<ReportRow>> + use<> {
    static KEPT: crate::repo::kept::Slot = crate::repo::kept::Slot::new();
    KEPT.keep(vec![incident_id.into()], move || {
        crate::repo::select::find::<incident_report::Entity>()
            .filter(incident_report::Column::IncidentId.eq(incident_id))
            .join(
                JoinType::InnerJoin,
                incident_report::Entity::belongs_to(user::Entity).from(incident_report::Column::SentBy).to(user::Column::Id).into(),
            )
            .select_only()
            .columns([
                incident_report::Column::Id,
                incident_report::Column::Regime,
                incident_report::Column::Report,
                incident_report::Column::Outcome,
                incident_report::Column::Note,
                incident_report::Column::SentAt,
                incident_report::Column::Recipient,
                incident_report::Column::Reference,
                incident_report::Column::DueAt,
            ])
            .column_as(Expr::col((user::Entity, user::Column::DisplayName)), "sent_by_name")
            .order_by_asc(incident_report::Column::SentAt)
            .into_model::<ReportRow>()
    })
}

/// [`reports_query`], run.
pub async fn reports<D: ConnectionTrait>(db: &D, incident_id: i64) -> Result<Vec<ReportRow>, DbErr> {
    crate::repo::kept::all(db, reports_query(incident_id)).await
}

/// Names of the assets an incident concerns: (id, name).
pub fn linked_assets_query(incident_id: i64) -> impl crate::repo::kept::Read<S = sea_orm::SelectGetableTuple<(i64, String)>> + use<> {
    static KEPT: crate::repo::kept::Slot = crate::repo::kept::Slot::new();
    KEPT.keep(vec![incident_id.into()], move || {
        crate::repo::select::find::<asset::Entity>()
            .filter(
                asset::Column::Id.in_subquery(
                    sea_orm::sea_query::Query::select()
                        .column(incident_asset::Column::AssetId)
                        .from(incident_asset::Entity)
                        .and_where(incident_asset::Column::IncidentId.eq(incident_id))
                        .to_owned(),
                ),
            )
            .select_only()
            .columns([asset::Column::Id, asset::Column::Name])
            .order_by_asc(asset::Column::Name)
            .into_tuple()
    })
}

/// Names of the carriers an incident concerns: (id, name, supplier).
pub fn linked_carriers_query(
    incident_id: i64,
) -> impl crate::repo::kept::Read<S = sea_orm::SelectGetableTuple<(i64, String, Option<String>)>> + use<> {
    static KEPT: crate::repo::kept::Slot = crate::repo::kept::Slot::new();
    KEPT.keep(vec![incident_id.into()], move || {
        crate::repo::select::find::<carrier::Entity>()
            .filter(
                carrier::Column::Id.in_subquery(
                    sea_orm::sea_query::Query::select()
                        .column(incident_carrier::Column::CarrierId)
                        .from(incident_carrier::Entity)
                        .and_where(incident_carrier::Column::IncidentId.eq(incident_id))
                        .to_owned(),
                ),
            )
            .select_only()
            .columns([carrier::Column::Id, carrier::Column::Name, carrier::Column::Supplier])
            .order_by_asc(carrier::Column::Name)
            .into_tuple()
    })
}

/// Names of the assets and carriers an incident concerns: (id, name) each.
pub async fn linked<D: ConnectionTrait>(
    db: &D,
    incident_id: i64,
) -> Result<(Vec<(i64, String)>, Vec<(i64, String, Option<String>)>), DbErr> {
    Ok((
        crate::repo::kept::all(db, linked_assets_query(incident_id)).await?,
        crate::repo::kept::all(db, linked_carriers_query(incident_id)).await?,
    ))
}

/// Links (or unlinks) an asset or a carrier.
pub async fn link<D: ConnectionTrait>(
    db: &D,
    incident_id: i64,
    asset_id: Option<i64>,
    carrier_id: Option<i64>,
    linked: bool,
) -> Result<(), DbErr> {
    if let Some(a) = asset_id {
        incident_asset::Entity::delete_many()
            .filter(incident_asset::Column::IncidentId.eq(incident_id))
            .filter(incident_asset::Column::AssetId.eq(a))
            .exec(db)
            .await?;
        if linked {
            incident_asset::ActiveModel { incident_id: Set(incident_id), asset_id: Set(a) }.insert(db).await?;
        }
    }
    if let Some(c) = carrier_id {
        incident_carrier::Entity::delete_many()
            .filter(incident_carrier::Column::IncidentId.eq(incident_id))
            .filter(incident_carrier::Column::CarrierId.eq(c))
            .exec(db)
            .await?;
        if linked {
            incident_carrier::ActiveModel { incident_id: Set(incident_id), carrier_id: Set(c) }.insert(db).await?;
        }
    }
    Ok(())
}

/// A report to record.
#[derive(Debug, Clone)]
pub struct NewReport {
    /// The incident.
    pub incident_id: i64,
    /// Regime code.
    pub regime: String,
    /// Report code.
    pub report: String,
    /// `sent` or `not_required`.
    pub outcome: String,
    /// The assessment.
    pub note: Option<String>,
    /// When sent (or decided).
    pub sent_at: chrono::DateTime<chrono::Utc>,
    /// By whom.
    pub sent_by: i64,
    /// To whom.
    pub recipient: String,
    /// The reference received.
    pub reference: Option<String>,
    /// The deadline it had.
    pub due_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// Records a report.
pub async fn add_report<D: ConnectionTrait>(db: &D, r: NewReport) -> Result<(), DbErr> {
    incident_report::ActiveModel {
        incident_id: Set(r.incident_id),
        regime: Set(r.regime),
        report: Set(r.report),
        outcome: Set(r.outcome),
        note: Set(r.note),
        sent_at: Set(r.sent_at),
        sent_by: Set(r.sent_by),
        recipient: Set(r.recipient),
        reference: Set(r.reference),
        due_at: Set(r.due_at),
        recorded_at: Set(crate::repo::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
