//! Pictures of the register, aggregated in SQL within the reader's scope: per unit how much
//! is classified and current, levels per aspect, carriers by hosting, the carriers of the
//! most sensitive information, and handlingsplan fulfilment.

use super::{visible, AssetVisibility};
use crate::entity::{asset, asset_carrier, asset_level, asset_measure, carrier, org_unit};
use sea_orm::sea_query::{Alias, Expr, Func, Query, SimpleExpr};
use sea_orm::*;

/// Per unit: assets, classified, review overdue.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct UnitCoverage {
    /// Unit.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// Assets.
    pub assets: i64,
    /// Of them classified.
    pub classified: i64,
    /// Of them past their review date.
    pub overdue: i64,
}

/// How many assets have each level of each aspect.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct LevelCount {
    /// Aspect code.
    pub aspect: String,
    /// Level.
    pub level: i64,
    /// Assets.
    pub n: i64,
}

/// Carriers by hosting and third-country transfer.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct HostingCount {
    /// egen_drift / leverantor / moln, or none.
    pub hosting: Option<String>,
    /// Third-country transfer.
    pub third_country: bool,
    /// Carriers.
    pub n: i64,
}

/// A carrier with the highest level of what it carries.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct SensitiveCarrier {
    /// Carrier.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// The highest level carried.
    pub top_level: i64,
    /// Assets at that level or above 2.
    pub assets: i64,
}

/// Self-assessments by outcome.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct AssessmentCount {
    /// The outcome code.
    pub assessment: Option<String>,
    /// Requirements.
    pub n: i64,
}

/// The condition that keeps the rows of visible assets (none when the reader sees all).
fn of_visible(col: impl sea_orm::ColumnTrait, v: &AssetVisibility) -> Condition {
    if v.sees_all() {
        Condition::all()
    } else {
        Condition::all().add(col.in_subquery(visible_ids(v)))
    }
}

fn visible_ids(v: &AssetVisibility) -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column((asset::Entity, asset::Column::Id))
        .from(asset::Entity)
        .inner_join(org_unit::Entity, Expr::col((org_unit::Entity, org_unit::Column::Id)).equals((asset::Entity, asset::Column::UnitId)))
        .cond_where(visible(v))
        .to_owned()
}

/// Coverage per owning unit, within scope.
pub async fn coverage<D: ConnectionTrait>(db: &D, v: &AssetVisibility, today: chrono::NaiveDate) -> Result<Vec<UnitCoverage>, DbErr> {
    let classified = Expr::cust("SUM(CASE WHEN assets.classification_id IS NULL THEN 0 ELSE 1 END)");
    // Built, not written, so that the date is bound the way each database binds it.
    let late = Expr::case(Expr::col((asset::Entity, asset::Column::NextReview)).lt(today), 1).finally(0);
    let overdue = SimpleExpr::FunctionCall(Func::sum(late));
    crate::repo::select::find::<asset::Entity>()
        .join(JoinType::InnerJoin, asset::Relation::Unit.def())
        .filter(visible(v))
        .select_only()
        .column(asset::Column::UnitId)
        .column_as(Expr::col((org_unit::Entity, org_unit::Column::Name)), "unit_name")
        .column_as(Expr::col((asset::Entity, asset::Column::Id)).count(), "assets")
        .column_as(classified, "classified")
        .column_as(overdue, "overdue")
        .group_by(asset::Column::UnitId)
        .group_by(Expr::col((org_unit::Entity, org_unit::Column::Name)))
        .group_by(Expr::col((org_unit::Entity, org_unit::Column::Path)))
        .order_by_asc(Expr::col((org_unit::Entity, org_unit::Column::Path)))
        .into_model::<UnitCoverage>()
        .all(db)
        .await
}

/// Levels per aspect, within scope.
pub async fn level_counts<D: ConnectionTrait>(db: &D, v: &AssetVisibility) -> Result<Vec<LevelCount>, DbErr> {
    crate::repo::select::find::<asset_level::Entity>()
        .filter(of_visible(asset_level::Column::AssetId, v))
        .select_only()
        .columns([asset_level::Column::Aspect, asset_level::Column::Level])
        .column_as(Expr::col(asset_level::Column::AssetId).count(), "n")
        .group_by(asset_level::Column::Aspect)
        .group_by(asset_level::Column::Level)
        .order_by_asc(asset_level::Column::Aspect)
        .order_by_asc(asset_level::Column::Level)
        .into_model::<LevelCount>()
        .all(db)
        .await
}

/// IT systems and services by hosting and third-country transfer (the city's register).
pub async fn hosting_counts<D: ConnectionTrait>(db: &D) -> Result<Vec<HostingCount>, DbErr> {
    use varn_domain::asset::CarrierKind;
    crate::repo::select::find::<carrier::Entity>()
        .filter(carrier::Column::Kind.is_in([CarrierKind::ItSystem, CarrierKind::ItTjanst]))
        .select_only()
        .columns([carrier::Column::Hosting, carrier::Column::ThirdCountry])
        .column_as(Expr::col(carrier::Column::Id).count(), "n")
        .group_by(carrier::Column::Hosting)
        .group_by(carrier::Column::ThirdCountry)
        .order_by_asc(carrier::Column::Hosting)
        .order_by_asc(carrier::Column::ThirdCountry)
        .into_model::<HostingCount>()
        .all(db)
        .await
}

/// The carriers of the most sensitive information within scope: those carrying level
/// `from` or above, the highest first.
pub async fn sensitive_carriers<D: ConnectionTrait>(
    db: &D,
    v: &AssetVisibility,
    from: i64,
    cap: u64,
) -> Result<Vec<SensitiveCarrier>, DbErr> {
    let a = Alias::new("a");
    crate::repo::select::find::<asset_carrier::Entity>()
        .join_as(
            JoinType::InnerJoin,
            asset_carrier::Entity::belongs_to(asset::Entity).from(asset_carrier::Column::AssetId).to(asset::Column::Id).into(),
            a.clone(),
        )
        .join(
            JoinType::InnerJoin,
            asset_carrier::Entity::belongs_to(carrier::Entity).from(asset_carrier::Column::CarrierId).to(carrier::Column::Id).into(),
        )
        .filter(Expr::col((a.clone(), asset::Column::MaxLevel)).gte(from))
        .filter(of_visible(asset_carrier::Column::AssetId, v))
        .select_only()
        .column_as(Expr::col((carrier::Entity, carrier::Column::Id)), "id")
        .column_as(Expr::col((carrier::Entity, carrier::Column::Name)), "name")
        .column_as(Expr::col((a.clone(), asset::Column::MaxLevel)).max(), "top_level")
        .column_as(Expr::col((a, asset::Column::Id)).count(), "assets")
        .group_by(Expr::col((carrier::Entity, carrier::Column::Id)))
        .group_by(Expr::col((carrier::Entity, carrier::Column::Name)))
        .order_by_desc(Expr::cust("top_level"))
        .order_by_desc(Expr::cust("assets"))
        .order_by_asc(Expr::col((carrier::Entity, carrier::Column::Name)))
        .limit(cap)
        .into_model::<SensitiveCarrier>()
        .all(db)
        .await
}

/// Self-assessments by outcome, within scope.
pub async fn assessment_counts<D: ConnectionTrait>(db: &D, v: &AssetVisibility) -> Result<Vec<AssessmentCount>, DbErr> {
    crate::repo::select::find::<asset_measure::Entity>()
        .filter(of_visible(asset_measure::Column::AssetId, v))
        .select_only()
        .column(asset_measure::Column::Assessment)
        .column_as(Expr::col(asset_measure::Column::AssetId).count(), "n")
        .group_by(asset_measure::Column::Assessment)
        .into_model::<AssessmentCount>()
        .all(db)
        .await
}
