//! Versions, strategy actions and remiss comments of a document.

use crate::entity::{document_action, document_comment, document_version as ver, task, user};
use crate::repo::stmt;
use sea_orm::*;
use varn_domain::document::VersionState;

/// Versions of a document, newest first.
pub async fn versions<D: ConnectionTrait>(db: &D, document_id: i64) -> Result<Vec<ver::Model>, DbErr> {
    crate::repo::kept::all(db, versions_query(document_id)).await
}

/// The query of [`versions`].
pub fn versions_query(document_id: i64) -> impl crate::repo::kept::Read<S = SelectModel<ver::Model>> + use<> {
    static KEPT: crate::repo::kept::Slot = crate::repo::kept::Slot::new();
    KEPT.keep(vec![document_id.into()], move || {
        crate::repo::select::find::<ver::Entity>()
            .filter(ver::Column::DocumentId.eq(document_id))
            .order_by_desc(ver::Column::Number)
            .into_model()
    })
}

/// The query of [`version_by_id`].
pub fn version_by_id_query(id: i64) -> impl crate::repo::kept::Read<S = SelectModel<ver::Model>> + use<> {
    static KEPT: crate::repo::kept::Slot = crate::repo::kept::Slot::new();
    KEPT.keep(vec![id.into()], move || ver::Entity::find_by_id(id).into_model())
}

/// The version a document's page shows, by the document's id: version `number`, or without
/// one the version in force (none when none is: the page then shows the open draft). Read in
/// one batch with the document itself.
pub fn shown_query(document_id: i64, number: Option<i32>) -> impl crate::repo::kept::Read<S = SelectModel<ver::Model>> + use<> {
    static KEPT: [crate::repo::kept::Slot; 2] = [const { crate::repo::kept::Slot::new() }; 2];
    let values = match number {
        Some(n) => vec![document_id.into(), n.into(), 1u64.into()],
        None => vec![document_id.into(), 1u64.into()],
    };
    crate::repo::kept::Slot::keep_nth(&KEPT, values.len() - 1, values, move || shown_built(document_id, number))
}

fn shown_built(document_id: i64, number: Option<i32>) -> Selector<SelectModel<ver::Model>> {
    let q = crate::repo::select::find::<ver::Entity>();
    match number {
        Some(n) => q.filter(ver::Column::DocumentId.eq(document_id)).filter(ver::Column::Number.eq(n)),
        None => q.filter(
            ver::Column::Id.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(crate::entity::document::Column::CurrentVersionId)
                    .from(crate::entity::document::Entity)
                    .and_where(crate::entity::document::Column::Id.eq(document_id))
                    .to_owned(),
            ),
        ),
    }
    .limit(1)
    .into_model()
}

/// One version by number.
pub async fn version<D: ConnectionTrait>(db: &D, document_id: i64, number: i32) -> Result<Option<ver::Model>, DbErr> {
    crate::repo::select::find::<ver::Entity>()
        .filter(ver::Column::DocumentId.eq(document_id))
        .filter(ver::Column::Number.eq(number))
        .one(db)
        .await
}

/// One version by id.
pub async fn version_by_id<D: ConnectionTrait>(db: &D, id: i64) -> Result<Option<ver::Model>, DbErr> {
    Ok(crate::repo::kept::all(db, version_by_id_query(id)).await?.into_iter().next())
}

/// The draft (unadopted) version of a document, if one is open.
pub async fn draft<D: ConnectionTrait>(db: &D, document_id: i64) -> Result<Option<ver::Model>, DbErr> {
    Ok(crate::repo::kept::all(db, draft_query(document_id)).await?.into_iter().next())
}

/// The query of [`draft`] (at most one row).
pub fn draft_query(document_id: i64) -> impl crate::repo::kept::Read<S = SelectModel<ver::Model>> + use<> {
    static KEPT: crate::repo::kept::Slot = crate::repo::kept::Slot::new();
    KEPT.keep(vec![document_id.into(), VersionState::Draft.into(), 1u64.into()], move || {
        crate::repo::select::find::<ver::Entity>()
            .filter(ver::Column::DocumentId.eq(document_id))
            .filter(ver::Column::State.eq(VersionState::Draft))
            .order_by_desc(ver::Column::Number)
            .limit(1)
            .into_model()
    })
}

/// A strategy action with the state of its task.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct ActionRow {
    /// Id.
    pub id: i64,
    /// What.
    pub title: String,
    /// Responsible person.
    pub responsible_user_id: Option<i64>,
    /// Their name.
    pub responsible_user_name: Option<String>,
    /// Responsible unit.
    pub responsible_unit_id: Option<i64>,
    /// Its name.
    pub responsible_unit_name: Option<String>,
    /// By when.
    #[serde(serialize_with = "varn_domain::json_time::opt_date")]
    pub due_date: Option<chrono::NaiveDate>,
    /// hog / medel / lag.
    #[schema(value_type = String)]
    pub priority: varn_domain::document::Priority,
    /// The task in Mina uppgifter, once the strategy is adopted.
    pub task_id: Option<i64>,
    /// open / done (of the task).
    #[schema(value_type = Option<String>)]
    pub task_status: Option<varn_domain::task::TaskStatus>,
}

/// The actions of a strategy.
pub async fn actions<D: ConnectionTrait>(db: &D, document_id: i64) -> Result<Vec<ActionRow>, DbErr> {
    ActionRow::find_by_statement(actions_statement(db, document_id)).all(db).await
}

/// The statement of [`actions`] (rows: [`ActionRow`]).
pub fn actions_statement<D: ConnectionTrait>(db: &D, document_id: i64) -> Statement {
    let sql = "SELECT a.id, a.title, a.responsible_user_id, u.display_name AS responsible_user_name, a.responsible_unit_id, \
               o.name AS responsible_unit_name, a.due_date, a.priority, a.task_id, t.status AS task_status \
               FROM document_actions a LEFT JOIN users u ON u.id = a.responsible_user_id \
               LEFT JOIN org_units o ON o.id = a.responsible_unit_id LEFT JOIN tasks t ON t.id = a.task_id \
               WHERE a.document_id = ? ORDER BY a.due_date, a.id";
    stmt(db, sql, vec![document_id.into()])
}

/// The actions of a strategy as stored.
pub async fn action_models<D: ConnectionTrait>(db: &D, document_id: i64) -> Result<Vec<document_action::Model>, DbErr> {
    crate::repo::select::find::<document_action::Entity>().filter(document_action::Column::DocumentId.eq(document_id)).all(db).await
}

/// The remiss comments of a document, oldest first.
pub async fn comments<D: ConnectionTrait>(db: &D, document_id: i64) -> Result<Vec<document_comment::Model>, DbErr> {
    crate::repo::kept::all(db, comments_query(document_id)).await
}

/// The query of [`comments`].
pub fn comments_query(document_id: i64) -> impl crate::repo::kept::Read<S = SelectModel<document_comment::Model>> + use<> {
    static KEPT: crate::repo::kept::Slot = crate::repo::kept::Slot::new();
    KEPT.keep(vec![document_id.into()], move || {
        crate::repo::select::find::<document_comment::Entity>()
            .filter(document_comment::Column::DocumentId.eq(document_id))
            .order_by_asc(document_comment::Column::Id)
            .into_model()
    })
}

/// Names of users by id.
pub async fn user_names<D: ConnectionTrait>(db: &D, ids: Vec<i64>) -> Result<Vec<(i64, String)>, DbErr> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    crate::repo::select::find::<user::Entity>()
        .select_only()
        .columns([user::Column::Id, user::Column::DisplayName])
        .filter(user::Column::Id.is_in(ids))
        .into_tuple()
        .all(db)
        .await
}

/// Tasks of a source, for tests and checks.
pub async fn tasks_of_action<D: ConnectionTrait>(db: &D, action_id: i64) -> Result<Vec<task::Model>, DbErr> {
    crate::repo::select::find::<task::Entity>()
        .filter(task::Column::SourceType.eq(varn_domain::document::TASK_SOURCE_ACTION))
        .filter(task::Column::SourceId.eq(action_id))
        .all(db)
        .await
}

/// Whether any version of the document names one of `bodies` as its deciding body's unit.
pub async fn decided_by_any<D: ConnectionTrait>(db: &D, document_id: i64, bodies: &[i64]) -> Result<bool, DbErr> {
    Ok(crate::repo::select::find::<ver::Entity>()
        .filter(ver::Column::DocumentId.eq(document_id))
        .filter(ver::Column::DecidingUnitId.is_in(bodies.to_vec()))
        .count(db)
        .await?
        > 0)
}
