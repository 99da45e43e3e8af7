//! An incident's actions (åtgärder): each owned by a named person and carried as a task in
//! their Mina uppgifter, whose status is the action's.

use crate::entity::{incident_action, incident_requirement, task, user};
use crate::repo::tasks::{self, NewTask};
use sea_orm::sea_query::Expr;
use sea_orm::*;
use varn_domain::task::TaskStatus;

/// The source kind of an action's task.
pub const TASK_SOURCE: &str = "incident.action";

/// An action with its owner's name and its task's status.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct ActionRow {
    /// Id.
    pub id: i64,
    /// What is to be done.
    pub title: String,
    /// The owner.
    pub responsible_user_id: i64,
    /// Their name.
    pub responsible_name: String,
    /// By when.
    #[serde(serialize_with = "varn_domain::json_time::opt_date")]
    pub due_date: Option<chrono::NaiveDate>,
    /// Open or done (the task's).
    #[schema(value_type = String)]
    pub status: TaskStatus,
    /// When done.
    #[serde(serialize_with = "varn_domain::json_time::opt_datetime")]
    pub completed_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// An incident's actions, open ones first by due date, then the done.
pub fn actions_query(incident_id: i64) -> impl crate::repo::kept::Read<S = sea_orm::SelectModel<ActionRow>> + use<> {
    static KEPT: crate::repo::kept::Slot = crate::repo::kept::Slot::new();
    KEPT.keep(vec![incident_id.into()], move || {
        crate::repo::select::find::<incident_action::Entity>()
            .filter(incident_action::Column::IncidentId.eq(incident_id))
            .join(
                JoinType::InnerJoin,
                incident_action::Entity::belongs_to(user::Entity)
                    .from(incident_action::Column::ResponsibleUserId)
                    .to(user::Column::Id)
                    .into(),
            )
            .join(
                JoinType::InnerJoin,
                incident_action::Entity::belongs_to(task::Entity).from(incident_action::Column::TaskId).to(task::Column::Id).into(),
            )
            .select_only()
            .columns([
                incident_action::Column::Id,
                incident_action::Column::Title,
                incident_action::Column::ResponsibleUserId,
                incident_action::Column::DueDate,
            ])
            .column_as(Expr::col((user::Entity, user::Column::DisplayName)), "responsible_name")
            .column_as(Expr::col((task::Entity, task::Column::Status)), "status")
            .column_as(Expr::col((task::Entity, task::Column::CompletedAt)), "completed_at")
            .order_by_asc(Expr::cust("CASE WHEN tasks.status = 'open' THEN 0 ELSE 1 END"))
            .order_by_asc(Expr::cust("CASE WHEN incident_actions.due_date IS NULL THEN 1 ELSE 0 END"))
            .order_by_asc(incident_action::Column::DueDate)
            .order_by_asc(incident_action::Column::Id)
            .into_model::<ActionRow>()
    })
}

/// [`actions_query`], run.
pub async fn actions<D: ConnectionTrait>(db: &D, incident_id: i64) -> Result<Vec<ActionRow>, DbErr> {
    crate::repo::kept::all(db, actions_query(incident_id)).await
}

/// One action of an incident.
pub async fn action<D: ConnectionTrait>(db: &D, incident_id: i64, id: i64) -> Result<Option<incident_action::Model>, DbErr> {
    incident_action::Entity::find_by_id(id).filter(incident_action::Column::IncidentId.eq(incident_id)).one(db).await
}

/// The protections (requirement codes) an incident concerns, in code order.
pub fn requirements_query(incident_id: i64) -> impl crate::repo::kept::Read<S = sea_orm::SelectGetableTuple<String>> + use<> {
    static KEPT: crate::repo::kept::Slot = crate::repo::kept::Slot::new();
    KEPT.keep(vec![incident_id.into()], move || {
        crate::repo::select::find::<incident_requirement::Entity>()
            .filter(incident_requirement::Column::IncidentId.eq(incident_id))
            .select_only()
            .column(incident_requirement::Column::Code)
            .order_by_asc(incident_requirement::Column::Code)
            .into_tuple()
    })
}

/// [`requirements_query`], run.
pub async fn requirements<D: ConnectionTrait>(db: &D, incident_id: i64) -> Result<Vec<String>, DbErr> {
    crate::repo::kept::all(db, requirements_query(incident_id)).await
}

/// Links (or unlinks) a protection to an incident.
pub async fn link_requirement<D: ConnectionTrait>(db: &D, incident_id: i64, code: &str, linked: bool) -> Result<(), DbErr> {
    incident_requirement::Entity::delete_many()
        .filter(incident_requirement::Column::IncidentId.eq(incident_id))
        .filter(incident_requirement::Column::Code.eq(code))
        .exec(db)
        .await?;
    if linked {
        incident_requirement::ActiveModel { incident_id: Set(incident_id), code: Set(code.to_owned()) }.insert(db).await?;
    }
    Ok(())
}

/// The action a task carries.
pub async fn action_of_task<D: ConnectionTrait>(db: &D, task_id: i64) -> Result<Option<incident_action::Model>, DbErr> {
    crate::repo::select::find::<incident_action::Entity>().filter(incident_action::Column::TaskId.eq(task_id)).one(db).await
}

/// Whether the user owns an action of the incident (and so sees the incident).
pub async fn owns_action<D: ConnectionTrait>(db: &D, incident_id: i64, user_id: i64) -> Result<bool, DbErr> {
    Ok(crate::repo::select::find::<incident_action::Entity>()
        .filter(incident_action::Column::IncidentId.eq(incident_id))
        .filter(incident_action::Column::ResponsibleUserId.eq(user_id))
        .count(db)
        .await?
        > 0)
}

/// What an action is.
#[derive(Debug, Clone)]
pub struct NewAction {
    /// The incident.
    pub incident_id: i64,
    /// What is to be done.
    pub title: String,
    /// The text of the owner's task (the action and the incident's reference).
    pub task_title: String,
    /// The owner.
    pub responsible_user_id: i64,
    /// By when.
    pub due_date: Option<chrono::NaiveDate>,
    /// Who gave it.
    pub created_by: i64,
    /// The incident's unit (where the action is followed up).
    pub unit_id: i64,
}

/// Creates the action and its task in the owner's Mina uppgifter.
pub async fn add_action<D: ConnectionTrait>(db: &D, a: NewAction) -> Result<incident_action::Model, DbErr> {
    let t = tasks::insert(
        db,
        NewTask {
            source_type: TASK_SOURCE.into(),
            source_id: Some(a.incident_id),
            title: a.task_title.chars().take(300).collect(),
            link: format!("/incidents/{}#actions", a.incident_id),
            assignee_user_id: Some(a.responsible_user_id),
            assignee_unit_id: None,
            due_date: a.due_date,
            unit_id: Some(a.unit_id),
        },
    )
    .await?;
    incident_action::ActiveModel {
        incident_id: Set(a.incident_id),
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
