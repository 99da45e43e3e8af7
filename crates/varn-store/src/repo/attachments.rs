//! Attachments, stored in the database so a backup holds everything.

use crate::entity::attachment;
use sea_orm::*;

/// Attachment metadata without the bytes.
#[derive(Debug, Clone, FromQueryResult)]
pub struct AttachmentMeta {
    /// Id.
    pub id: i64,
    /// Kind of the entity it belongs to.
    pub entity_type: String,
    /// The entity.
    pub entity_id: i64,
    /// Unit for scope checks.
    pub org_unit_id: Option<i64>,
    /// Original file name.
    pub filename: String,
    /// Declared type.
    pub content_type: String,
    /// Size.
    pub size_bytes: i64,
    /// SHA-256 of the bytes.
    pub sha256: String,
    /// When.
    pub created_at: chrono::DateTime<chrono::Utc>,
}

fn meta() -> Select<attachment::Entity> {
    crate::repo::select::find::<attachment::Entity>().select_only().columns([
        attachment::Column::Id,
        attachment::Column::EntityType,
        attachment::Column::EntityId,
        attachment::Column::OrgUnitId,
        attachment::Column::Filename,
        attachment::Column::ContentType,
        attachment::Column::SizeBytes,
        attachment::Column::Sha256,
        attachment::Column::CreatedAt,
    ])
}

/// The attachments of an entity.
pub async fn of_entity<D: ConnectionTrait>(db: &D, entity_type: &str, entity_id: i64) -> Result<Vec<AttachmentMeta>, DbErr> {
    crate::repo::kept::all(db, of_entity_query(entity_type, entity_id)).await
}

/// The query of [`of_entity`].
pub fn of_entity_query(entity_type: &str, entity_id: i64) -> impl crate::repo::kept::Read<S = SelectModel<AttachmentMeta>> + use<> {
    static KEPT: crate::repo::kept::Slot = crate::repo::kept::Slot::new();
    let entity_type = entity_type.to_owned();
    KEPT.keep(vec![entity_type.clone().into(), entity_id.into()], move || {
        meta()
            .filter(attachment::Column::EntityType.eq(entity_type))
            .filter(attachment::Column::EntityId.eq(entity_id))
            .order_by_asc(attachment::Column::Id)
            .into_model::<AttachmentMeta>()
    })
}

/// One attachment's metadata.
pub async fn meta_by_id<D: ConnectionTrait>(db: &D, id: i64) -> Result<Option<AttachmentMeta>, DbErr> {
    meta_by_id_query(id).one(db).await
}

/// The query of [`meta_by_id`].
pub fn meta_by_id_query(id: i64) -> Selector<SelectModel<AttachmentMeta>> {
    meta().filter(attachment::Column::Id.eq(id)).into_model::<AttachmentMeta>()
}

/// One attachment with its bytes.
pub async fn get<D: ConnectionTrait>(db: &D, id: i64) -> Result<Option<attachment::Model>, DbErr> {
    attachment::Entity::find_by_id(id).one(db).await
}

/// Stores an attachment.
pub async fn insert<D: ConnectionTrait>(db: &D, m: attachment::ActiveModel) -> Result<attachment::Model, DbErr> {
    m.insert(db).await
}

/// Removes an attachment.
pub async fn delete<D: ConnectionTrait>(db: &D, id: i64) -> Result<(), DbErr> {
    attachment::Entity::delete_by_id(id).exec(db).await.map(|_| ())
}
