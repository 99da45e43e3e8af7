//! What a risk is linked to: the assets it concerns, the incidents that concern it, and its
//! treatment actions (each a task).

use crate::entity::{asset, incident_risk, risk, risk_action, risk_asset, task, user};
use sea_orm::sea_query::Expr;
use sea_orm::*;
use varn_domain::Code;

/// `SELECT <col> FROM <table> WHERE <by> = <id>`: the ids on one side of a link table.
fn ids_of<E: EntityTrait, C: ColumnTrait>(table: E, col: C, by: C, id: i64) -> sea_orm::sea_query::SelectStatement {
    sea_orm::sea_query::Query::select().column(col).from(table).and_where(by.eq(id)).to_owned()
}

/// A linked thing by id and name.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct Named {
    /// Id.
    pub id: i64,
    /// Name or title.
    pub name: String,
}

/// The assets a risk concerns, by name.
pub fn assets_of_query(risk_id: i64) -> Selector<SelectModel<Named>> {
    crate::repo::select::find::<asset::Entity>()
        .select_only()
        .column(asset::Column::Id)
        .column_as(Expr::col((asset::Entity, asset::Column::Name)), "name")
        .filter(Expr::col((asset::Entity, asset::Column::Id)).in_subquery(ids_of(
            risk_asset::Entity,
            risk_asset::Column::AssetId,
            risk_asset::Column::RiskId,
            risk_id,
        )))
        .order_by_asc(asset::Column::Name)
        .into_model()
}

/// A risk as the pages of what it is linked to show it.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct LinkedRisk {
    /// Id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// The residual score.
    pub residual_score: i64,
    /// Status.
    #[schema(value_type = String)]
    pub status: varn_domain::risk::RiskStatus,
}

fn linked(q: Select<risk::Entity>) -> Selector<SelectModel<LinkedRisk>> {
    q.select_only()
        .columns([risk::Column::Id, risk::Column::Title, risk::Column::ResidualScore, risk::Column::Status])
        .order_by_desc(risk::Column::ResidualScore)
        .order_by_asc(risk::Column::Id)
        .into_model()
}

/// The risks that concern an asset (every one: who sees the asset sees what threatens it).
pub fn risks_of_asset_query(asset_id: i64) -> Selector<SelectModel<LinkedRisk>> {
    linked(crate::repo::select::find::<risk::Entity>().filter(Expr::col((risk::Entity, risk::Column::Id)).in_subquery(ids_of(
        risk_asset::Entity,
        risk_asset::Column::RiskId,
        risk_asset::Column::AssetId,
        asset_id,
    ))))
}

/// The risks an incident concerns.
pub fn risks_of_incident_query(incident_id: i64) -> impl crate::repo::kept::Read<S = SelectModel<LinkedRisk>> + use<> {
    static KEPT: crate::repo::kept::Slot = crate::repo::kept::Slot::new();
    KEPT.keep(vec![incident_id.into()], move || {
        linked(crate::repo::select::find::<risk::Entity>().filter(Expr::col((risk::Entity, risk::Column::Id)).in_subquery(ids_of(
            incident_risk::Entity,
            incident_risk::Column::RiskId,
            incident_risk::Column::IncidentId,
            incident_id,
        ))))
    })
}

/// The incidents that concern a risk, newest first, by reference title.
pub fn incidents_of_query(risk_id: i64) -> Selector<SelectModel<Named>> {
    use crate::entity::incident;
    crate::repo::select::find::<incident::Entity>()
        .select_only()
        .column(incident::Column::Id)
        .column_as(Expr::col((incident::Entity, incident::Column::Title)), "name")
        .filter(Expr::col((incident::Entity, incident::Column::Id)).in_subquery(ids_of(
            incident_risk::Entity,
            incident_risk::Column::IncidentId,
            incident_risk::Column::RiskId,
            risk_id,
        )))
        .order_by_desc(incident::Column::Id)
        .into_model()
}

/// The open risks in the subtree of the unit at `unit_path` and above it (those an incident
/// of the unit may concern) that `scope` shows, highest first, at most `cap`.
///
/// Built once for each reader's scope and unit (see [`crate::repo::memo`]).
pub fn candidates_query(
    scope: &varn_domain::Scope,
    unit_path: &str,
    cap: u64,
    backend: DbBackend,
) -> impl crate::repo::kept::Read<S = SelectModel<LinkedRisk>> + use<> {
    static CANDIDATES: crate::repo::memo::Memo = crate::repo::memo::Memo::new();
    let (scope, unit_path) = (scope.clone(), unit_path.to_owned());
    CANDIDATES.keep(format!("{scope:?}|{unit_path}|{cap}"), move || candidates(&scope, &unit_path, cap, backend))
}

fn candidates(scope: &varn_domain::Scope, unit_path: &str, cap: u64, backend: DbBackend) -> Selector<SelectModel<LinkedRisk>> {
    // The subtree by its path; the ancestors are the ids on it.
    let ids: Vec<String> = unit_path.split('/').filter_map(|s| s.parse::<i64>().ok()).map(|i| i.to_string()).collect();
    let mut units = crate::under_path_sql("\"path\"", unit_path);
    if !ids.is_empty() {
        units = format!("{units} OR \"id\" IN ({})", ids.join(","));
    }
    let sub = format!("SELECT \"id\" FROM \"org_units\" WHERE {units}");
    let cond = match backend {
        DbBackend::Postgres => format!("\"risks\".\"unit_id\" = ANY(ARRAY({sub}))"),
        _ => format!("\"risks\".\"unit_id\" IN ({sub})"),
    };
    let mut q = crate::repo::select::find::<risk::Entity>()
        .filter(Expr::cust(cond))
        .filter(risk::Column::Status.ne(varn_domain::risk::RiskStatus::Avslutad.as_str()));
    if let Some(c) = super::units_clause("\"risks\".\"unit_id\"", scope, None, backend) {
        q = q.filter(c);
    }
    linked(q.limit(cap))
}

/// Links (or unlinks) an asset to a risk.
pub async fn link_asset<D: ConnectionTrait>(db: &D, risk_id: i64, asset_id: i64, linked: bool) -> Result<(), DbErr> {
    risk_asset::Entity::delete_many()
        .filter(risk_asset::Column::RiskId.eq(risk_id))
        .filter(risk_asset::Column::AssetId.eq(asset_id))
        .exec(db)
        .await?;
    if linked {
        risk_asset::ActiveModel { risk_id: Set(risk_id), asset_id: Set(asset_id) }.insert(db).await?;
    }
    Ok(())
}

/// Links (or unlinks) a risk to an incident.
pub async fn link_incident<D: ConnectionTrait>(db: &D, incident_id: i64, risk_id: i64, linked: bool) -> Result<(), DbErr> {
    incident_risk::Entity::delete_many()
        .filter(incident_risk::Column::IncidentId.eq(incident_id))
        .filter(incident_risk::Column::RiskId.eq(risk_id))
        .exec(db)
        .await?;
    if linked {
        incident_risk::ActiveModel { incident_id: Set(incident_id), risk_id: Set(risk_id) }.insert(db).await?;
    }
    Ok(())
}

/// A treatment action with its owner and whether its task is done.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct ActionRow {
    /// Id.
    pub id: i64,
    /// What is to be done.
    pub title: String,
    /// Who does it.
    pub responsible_user_id: i64,
    /// Their name.
    pub responsible_name: String,
    /// By when.
    #[serde(serialize_with = "varn_domain::json_time::opt_date")]
    pub due_date: Option<chrono::NaiveDate>,
    /// The task that carries it.
    pub task_id: i64,
    /// The task's status (`open`, `done`).
    pub task_status: String,
}

/// A risk's treatment actions, in the order they were given.
pub fn actions_query(risk_id: i64) -> Selector<SelectModel<ActionRow>> {
    crate::repo::select::find::<risk_action::Entity>()
        .filter(risk_action::Column::RiskId.eq(risk_id))
        .join(JoinType::InnerJoin, risk_action_user())
        .join(JoinType::InnerJoin, risk_action_task())
        .select_only()
        .columns([
            risk_action::Column::Id,
            risk_action::Column::Title,
            risk_action::Column::ResponsibleUserId,
            risk_action::Column::DueDate,
            risk_action::Column::TaskId,
        ])
        .column_as(Expr::col((user::Entity, user::Column::DisplayName)), "responsible_name")
        .column_as(Expr::col((task::Entity, task::Column::Status)), "task_status")
        .order_by_asc(risk_action::Column::Id)
        .into_model()
}

fn risk_action_user() -> RelationDef {
    risk_action::Entity::belongs_to(user::Entity).from(risk_action::Column::ResponsibleUserId).to(user::Column::Id).into()
}

fn risk_action_task() -> RelationDef {
    risk_action::Entity::belongs_to(task::Entity).from(risk_action::Column::TaskId).to(task::Column::Id).into()
}

/// What a task made for a risk's treatment action names as its source.
pub const TASK_SOURCE: &str = "risk.action";

/// A new treatment action.
#[derive(Debug, Clone)]
pub struct NewRiskAction {
    /// The risk.
    pub risk_id: i64,
    /// Its unit (the task's).
    pub unit_id: i64,
    /// What is to be done.
    pub title: String,
    /// The task's title (with the risk's name).
    pub task_title: String,
    /// Who does it.
    pub responsible_user_id: i64,
    /// By when.
    pub due_date: Option<chrono::NaiveDate>,
    /// Who gave it.
    pub created_by: i64,
}

/// Adds a treatment action and the task that carries it to the person's Mina uppgifter.
pub async fn add_action<D: ConnectionTrait>(db: &D, a: NewRiskAction) -> Result<risk_action::Model, DbErr> {
    let t = crate::repo::tasks::insert(
        db,
        crate::repo::tasks::NewTask {
            source_type: TASK_SOURCE.into(),
            source_id: Some(a.risk_id),
            title: a.task_title.chars().take(300).collect(),
            link: format!("/risks/{}#actions", a.risk_id),
            assignee_user_id: Some(a.responsible_user_id),
            assignee_unit_id: None,
            due_date: a.due_date,
            unit_id: Some(a.unit_id),
        },
    )
    .await?;
    risk_action::ActiveModel {
        risk_id: Set(a.risk_id),
        title: Set(a.title),
        responsible_user_id: Set(a.responsible_user_id),
        due_date: Set(a.due_date),
        task_id: Set(t.id),
        created_by: Set(a.created_by),
        created_at: Set(crate::repo::now()),
        ..Default::default()
    }
    .insert(db)
    .await
}
