//! Classifications (every one kept), the levels in force, and the handlingsplan's
//! self-assessments.

use crate::entity::{asset, asset_level, asset_measure, classification, user};
use sea_orm::sea_query::Expr;
use sea_orm::*;
use varn_domain::asset::Assessment;

/// A classification as history shows it.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct ClassificationRow {
    /// Id.
    pub id: i64,
    /// The model it was made with.
    pub model: String,
    /// Levels by aspect code, as JSON.
    pub levels: String,
    /// Answers by question id, as JSON.
    pub answers: String,
    /// Personal data processed.
    pub personal_data: bool,
    /// Special categories of personal data.
    pub special_categories: bool,
    /// Who classified.
    pub classified_by_name: Option<String>,
    /// Who took part (samordnare or systemägare).
    pub with_name: Option<String>,
    /// When.
    #[serde(serialize_with = "varn_domain::json_time::datetime")]
    pub classified_at: chrono::DateTime<chrono::Utc>,
    /// Next review.
    #[serde(serialize_with = "varn_domain::json_time::opt_date")]
    pub next_review: Option<chrono::NaiveDate>,
    /// A note.
    pub note: Option<String>,
}

/// Every classification of an asset, newest first.
pub async fn history<D: ConnectionTrait>(db: &D, asset_id: i64) -> Result<Vec<ClassificationRow>, DbErr> {
    crate::repo::kept::all(db, history_query(asset_id)).await
}

/// The query of [`history`].
pub fn history_query(asset_id: i64) -> impl crate::repo::kept::Read<S = SelectModel<ClassificationRow>> + use<> {
    static KEPT: crate::repo::kept::Slot = crate::repo::kept::Slot::new();
    KEPT.keep(vec![asset_id.into()], move || {
        let by = sea_orm::sea_query::Alias::new("by_user");
        let with = sea_orm::sea_query::Alias::new("with_user");
        crate::repo::select::find::<classification::Entity>()
            .filter(classification::Column::AssetId.eq(asset_id))
            .join_as(
                JoinType::LeftJoin,
                classification::Entity::belongs_to(user::Entity).from(classification::Column::ClassifiedBy).to(user::Column::Id).into(),
                by.clone(),
            )
            .join_as(
                JoinType::LeftJoin,
                classification::Entity::belongs_to(user::Entity).from(classification::Column::WithUserId).to(user::Column::Id).into(),
                with.clone(),
            )
            .select_only()
            .columns([
                classification::Column::Id,
                classification::Column::Model,
                classification::Column::Levels,
                classification::Column::Answers,
                classification::Column::PersonalData,
                classification::Column::SpecialCategories,
                classification::Column::ClassifiedAt,
                classification::Column::NextReview,
                classification::Column::Note,
            ])
            .column_as(Expr::col((by, user::Column::DisplayName)), "classified_by_name")
            .column_as(Expr::col((with, user::Column::DisplayName)), "with_name")
            .order_by_desc(classification::Column::Id)
            .into_model::<ClassificationRow>()
    })
}

/// Replaces the levels in force of an asset.
pub async fn set_levels<D: ConnectionTrait>(db: &D, asset_id: i64, levels: &[(String, i64)]) -> Result<(), DbErr> {
    asset_level::Entity::delete_many().filter(asset_level::Column::AssetId.eq(asset_id)).exec(db).await?;
    if levels.is_empty() {
        return Ok(());
    }
    let rows = levels.iter().map(|(a, l)| asset_level::ActiveModel { asset_id: Set(asset_id), aspect: Set(a.clone()), level: Set(*l) });
    asset_level::Entity::insert_many(rows).exec(db).await?;
    Ok(())
}

/// The levels in force of an asset.
pub async fn levels_of<D: ConnectionTrait>(db: &D, asset_id: i64) -> Result<Vec<(String, i64)>, DbErr> {
    crate::repo::kept::all(db, levels_of_query(asset_id)).await
}

/// The query of [`levels_of`]: (aspect, level).
pub fn levels_of_query(asset_id: i64) -> impl crate::repo::kept::Read<S = SelectGetableTuple<(String, i64)>> + use<> {
    static KEPT: crate::repo::kept::Slot = crate::repo::kept::Slot::new();
    KEPT.keep(vec![asset_id.into()], move || {
        crate::repo::select::find::<asset_level::Entity>()
            .filter(asset_level::Column::AssetId.eq(asset_id))
            .select_only()
            .columns([asset_level::Column::Aspect, asset_level::Column::Level])
            .into_tuple()
    })
}

/// The self-assessments of an asset's handlingsplan.
pub async fn measures<D: ConnectionTrait>(db: &D, asset_id: i64) -> Result<Vec<asset_measure::Model>, DbErr> {
    crate::repo::kept::all(db, measures_query(asset_id)).await
}

/// The query of [`measures`].
pub fn measures_query(asset_id: i64) -> impl crate::repo::kept::Read<S = SelectModel<asset_measure::Model>> + use<> {
    static KEPT: crate::repo::kept::Slot = crate::repo::kept::Slot::new();
    KEPT.keep(vec![asset_id.into()], move || {
        crate::repo::select::find::<asset_measure::Entity>().filter(asset_measure::Column::AssetId.eq(asset_id)).into_model()
    })
}

/// The people who own a measure of the asset's handlingsplan, read with its measures.
pub fn measure_owners_query(asset_id: i64) -> impl crate::repo::kept::Read<S = SelectModel<crate::entity::user::Model>> + use<> {
    use crate::entity::user;
    static KEPT: crate::repo::kept::Slot = crate::repo::kept::Slot::new();
    KEPT.keep(vec![asset_id.into()], move || {
        let owners = sea_orm::sea_query::Query::select()
            .column(asset_measure::Column::OwnerUserId)
            .from(asset_measure::Entity)
            .and_where(asset_measure::Column::AssetId.eq(asset_id))
            .to_owned();
        crate::repo::select::find::<user::Entity>().filter(user::Column::Id.in_subquery(owners)).into_model()
    })
}

/// Writes the self-assessment of one requirement (replacing any earlier one); returns the
/// one it replaced.
pub async fn put_measure<D: ConnectionTrait>(db: &D, m: asset_measure::Model) -> Result<Option<asset_measure::Model>, DbErr> {
    let before = asset_measure::Entity::find_by_id((m.asset_id, m.requirement.clone())).one(db).await?;
    let active = asset_measure::ActiveModel {
        asset_id: Set(m.asset_id),
        requirement: Set(m.requirement),
        assessment: Set(m.assessment),
        comment: Set(m.comment),
        owner_user_id: Set(m.owner_user_id),
        due_date: Set(m.due_date),
        updated_by: Set(m.updated_by),
        updated_at: Set(m.updated_at),
    };
    if before.is_some() {
        active.update(db).await?;
    } else {
        active.insert(db).await?;
    }
    Ok(before)
}

/// A requirement someone has to act on, for their Mina uppgifter.
#[derive(Debug, Clone, FromQueryResult)]
pub struct OpenMeasure {
    /// The asset.
    pub asset_id: i64,
    /// Its name.
    pub asset_name: String,
    /// The requirement's code.
    pub requirement: String,
    /// delvis / ej_uppfyllt.
    pub assessment: Option<Assessment>,
    /// Due date.
    pub due_date: Option<chrono::NaiveDate>,
}

/// The requirements a person owns that are partly or not met.
pub async fn open_measures_of<D: ConnectionTrait>(db: &D, user_id: i64, cap: u64) -> Result<Vec<OpenMeasure>, DbErr> {
    crate::repo::kept::all(db, open_measures_of_query(user_id, cap)).await
}

/// The query of [`open_measures_of`].
pub fn open_measures_of_query(user_id: i64, cap: u64) -> impl crate::repo::kept::Read<S = SelectModel<OpenMeasure>> + use<> {
    static KEPT: crate::repo::kept::Slot = crate::repo::kept::Slot::new();
    let values = vec![user_id.into(), Assessment::Delvis.into(), Assessment::EjUppfyllt.into(), cap.into()];
    KEPT.keep(values, move || {
        crate::repo::select::find::<asset_measure::Entity>()
            .join(
                JoinType::InnerJoin,
                asset_measure::Entity::belongs_to(asset::Entity).from(asset_measure::Column::AssetId).to(asset::Column::Id).into(),
            )
            .filter(asset_measure::Column::OwnerUserId.eq(user_id))
            .filter(asset_measure::Column::Assessment.is_in([Assessment::Delvis, Assessment::EjUppfyllt]))
            .select_only()
            .columns([
                asset_measure::Column::AssetId,
                asset_measure::Column::Requirement,
                asset_measure::Column::Assessment,
                asset_measure::Column::DueDate,
            ])
            .column_as(Expr::col((asset::Entity, asset::Column::Name)), "asset_name")
            .order_by_asc(asset_measure::Column::DueDate)
            .limit(cap)
            .into_model::<OpenMeasure>()
    })
}

/// A person's assets to classify or whose review is due by `by`.
pub async fn reviews_of<D: ConnectionTrait>(db: &D, user_id: i64, by: chrono::NaiveDate, cap: u64) -> Result<Vec<asset::Model>, DbErr> {
    crate::repo::kept::all(db, reviews_of_query(user_id, by, cap)).await
}

/// The query of [`reviews_of`].
pub fn reviews_of_query(
    user_id: i64,
    by: chrono::NaiveDate,
    cap: u64,
) -> impl crate::repo::kept::Read<S = SelectModel<asset::Model>> + use<> {
    static KEPT: crate::repo::kept::Slot = crate::repo::kept::Slot::new();
    KEPT.keep(vec![user_id.into(), by.into(), cap.into()], move || {
        crate::repo::select::find::<asset::Entity>()
            .filter(asset::Column::OwnerUserId.eq(user_id))
            .filter(Condition::any().add(asset::Column::ClassificationId.is_null()).add(asset::Column::NextReview.lte(by)))
            .order_by_asc(asset::Column::NextReview)
            .limit(cap)
            .into_model()
    })
}
