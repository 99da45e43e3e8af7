//! Information assets: the register, the carriers each lives on, classification and the
//! handlingsplan. Who may see what is decided in the query ([`AssetVisibility`]).

mod carriers;
mod classify;
mod list;
mod reports;
mod trigram;

pub use carriers::*;
pub use classify::*;
pub use list::*;
pub use reports::*;

use crate::entity::{asset, asset_carrier, org_unit, user};

use crate::scope_condition;
use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::*;
use varn_domain::Scope;

/// What a user may see of the asset register.
#[derive(Debug, Clone)]
pub struct AssetVisibility {
    /// Where they read every asset (AssetRead).
    pub read: Scope,
    /// Where they change every asset (AssetWrite).
    pub write: Scope,
    /// The user: the assets they own are theirs wherever they sit.
    pub user_id: i64,
}

impl AssetVisibility {
    /// Whether they read the whole city (no condition needed).
    pub fn sees_all(&self) -> bool {
        self.read.is_all() || self.write.is_all()
    }

    /// Whether they use the module at all (the city's carrier register opens to them).
    pub fn any(&self) -> bool {
        !self.read.is_none() || !self.write.is_none()
    }
}

fn unit_path() -> SimpleExpr {
    Expr::col((org_unit::Entity, org_unit::Column::Path)).into()
}

/// The SQL condition of [`AssetVisibility`] on `assets` joined with its unit.
pub fn visible(v: &AssetVisibility) -> Condition {
    if v.sees_all() {
        return Condition::all();
    }
    let mut c = Condition::any().add(Expr::col((asset::Entity, asset::Column::OwnerUserId)).eq(v.user_id));
    if !v.read.is_none() {
        c = c.add(scope_condition(&v.read, unit_path()));
    }
    if !v.write.is_none() {
        c = c.add(scope_condition(&v.write, unit_path()));
    }
    c
}

fn scoped(v: &AssetVisibility) -> Select<asset::Entity> {
    crate::repo::select::find::<asset::Entity>().join(JoinType::InnerJoin, asset::Relation::Unit.def()).filter(visible(v))
}

/// A row of the register.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct AssetRow {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Owning unit.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// Information owner.
    pub owner_user_id: Option<i64>,
    /// Their name.
    pub owner_name: Option<String>,
    /// Personal data processed.
    pub personal_data: bool,
    /// The highest level of the classification in force (none: not classified).
    pub max_level: Option<i64>,
    /// When it was classified.
    #[serde(serialize_with = "varn_domain::json_time::opt_date")]
    pub classified_on: Option<chrono::NaiveDate>,
    /// When the classification is to be reviewed.
    #[serde(serialize_with = "varn_domain::json_time::opt_date")]
    pub next_review: Option<chrono::NaiveDate>,
}

fn rows(q: Select<asset::Entity>) -> Selector<SelectModel<AssetRow>> {
    q.join(JoinType::LeftJoin, asset::Relation::Owner.def())
        .select_only()
        .columns([
            asset::Column::Id,
            asset::Column::Name,
            asset::Column::UnitId,
            asset::Column::OwnerUserId,
            asset::Column::PersonalData,
            asset::Column::MaxLevel,
            asset::Column::ClassifiedOn,
            asset::Column::NextReview,
        ])
        .column_as(Expr::col((org_unit::Entity, org_unit::Column::Name)), "unit_name")
        .column_as(Expr::col((user::Entity, user::Column::DisplayName)), "owner_name")
        .into_model::<AssetRow>()
}

/// One visible asset with the path of its unit.
pub async fn find<D: ConnectionTrait>(db: &D, v: &AssetVisibility, id: i64) -> Result<Option<(asset::Model, String)>, DbErr> {
    let found = crate::repo::kept::all(db, find_query(v, id)).await?.into_iter().next();
    Ok(found.map(|a| (a.model(), a.unit_path)))
}

/// The query of [`find`]: its text is kept for those who see the whole city (no condition of
/// their own).
pub fn find_query(v: &AssetVisibility, id: i64) -> impl crate::repo::kept::Read<S = SelectModel<AssetWithPath>> + use<'_> {
    static KEPT: [crate::repo::kept::Slot; 1] = [const { crate::repo::kept::Slot::new() }];
    crate::repo::kept::Slot::keep_nth(&KEPT, usize::from(v.sees_all()), vec![id.into(), 1u64.into()], move || {
        scoped(v)
            .filter(Expr::col((asset::Entity, asset::Column::Id)).eq(id))
            .column_as(Expr::col((org_unit::Entity, org_unit::Column::Path)), "unit_path")
            .limit(1)
            .into_model::<AssetWithPath>()
    })
}

/// An asset with the path of its unit (see [`find`]).
#[derive(FromQueryResult)]
pub struct AssetWithPath {
    id: i64,
    unit_id: i64,
    name: String,
    description: Option<String>,
    owner_user_id: Option<i64>,
    pua_unit_id: Option<i64>,
    forms: String,
    processes: Option<String>,
    osl: Option<String>,
    personal_data: bool,
    special_categories: bool,
    classification_id: Option<i64>,
    max_level: Option<i64>,
    classified_on: Option<chrono::NaiveDate>,
    next_review: Option<chrono::NaiveDate>,
    search_text: String,
    created_at: chrono::DateTime<chrono::Utc>,
    updated_at: chrono::DateTime<chrono::Utc>,
    unit_path: String,
}

impl AssetWithPath {
    fn model(&self) -> asset::Model {
        asset::Model {
            id: self.id,
            unit_id: self.unit_id,
            name: self.name.clone(),
            description: self.description.clone(),
            owner_user_id: self.owner_user_id,
            pua_unit_id: self.pua_unit_id,
            forms: self.forms.clone(),
            processes: self.processes.clone(),
            osl: self.osl.clone(),
            personal_data: self.personal_data,
            special_categories: self.special_categories,
            classification_id: self.classification_id,
            max_level: self.max_level,
            classified_on: self.classified_on,
            next_review: self.next_review,
            search_text: self.search_text.clone(),
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }
}

/// Replaces the carriers an asset lives on.
pub async fn set_carriers<D: ConnectionTrait>(db: &D, asset_id: i64, carriers: &[i64]) -> Result<(), DbErr> {
    asset_carrier::Entity::delete_many().filter(asset_carrier::Column::AssetId.eq(asset_id)).exec(db).await?;
    if carriers.is_empty() {
        return Ok(());
    }
    let rows = carriers.iter().map(|c| asset_carrier::ActiveModel { asset_id: Set(asset_id), carrier_id: Set(*c) });
    asset_carrier::Entity::insert_many(rows).exec(db).await?;
    Ok(())
}

/// What of the module refers to a unit, for the unit's delete guard.
pub async fn unit_references<D: ConnectionTrait>(db: &D, id: i64) -> Result<Vec<(&'static str, u64)>, DbErr> {
    let mut out = Vec::new();
    let assets = crate::repo::select::find::<asset::Entity>()
        .filter(Condition::any().add(asset::Column::UnitId.eq(id)).add(asset::Column::PuaUnitId.eq(id)))
        .count(db)
        .await?;
    if assets > 0 {
        out.push(("assets", assets));
    }
    let carriers = crate::repo::select::find::<crate::entity::carrier::Entity>()
        .filter(crate::entity::carrier::Column::UnitId.eq(id))
        .count(db)
        .await?;
    if carriers > 0 {
        out.push(("carriers", carriers));
    }
    Ok(out)
}
