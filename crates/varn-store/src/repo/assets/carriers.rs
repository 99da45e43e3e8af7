//! The carrier register (informationsbärare) and what carriers depend on. The register is
//! the city's: everyone who uses the asset module reads all of it (an information owner
//! must find the e-mail service another förvaltning runs); changes are scoped by unit.

use super::AssetVisibility;
use crate::entity::{asset_carrier, asset_level, carrier, carrier_dep, org_unit, user};
use crate::repo::{ListParams, Page};
use sea_orm::sea_query::Expr;
use sea_orm::*;
use varn_domain::asset::{CarrierKind, Hosting};

/// A row of the carrier register.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct CarrierRow {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// papper / flyttbart_medium / it_system / it_tjanst / person.
    #[schema(value_type = String)]
    pub kind: CarrierKind,
    /// Responsible unit.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// Systemägare.
    pub system_owner_name: Option<String>,
    /// Supplier.
    pub supplier: Option<String>,
    /// egen_drift / leverantor / moln.
    #[schema(value_type = Option<String>)]
    pub hosting: Option<Hosting>,
    /// Data goes to a third country.
    pub third_country: bool,
}

fn none_unless(v: &AssetVisibility) -> Condition {
    if v.any() {
        Condition::all()
    } else {
        Condition::all().add(Expr::val(1).eq(0))
    }
}

fn rows(q: Select<carrier::Entity>) -> Selector<SelectModel<CarrierRow>> {
    q.join(JoinType::InnerJoin, carrier::Relation::Unit.def())
        .join(JoinType::LeftJoin, carrier::Relation::Owner.def())
        .select_only()
        .columns([
            carrier::Column::Id,
            carrier::Column::Name,
            carrier::Column::Kind,
            carrier::Column::UnitId,
            carrier::Column::Supplier,
            carrier::Column::Hosting,
            carrier::Column::ThirdCountry,
        ])
        .column_as(Expr::col((org_unit::Entity, org_unit::Column::Name)), "unit_name")
        .column_as(Expr::col((user::Entity, user::Column::DisplayName)), "system_owner_name")
        .into_model::<CarrierRow>()
}

/// Filters of the carrier register.
#[derive(Debug, Clone, Default)]
pub struct CarrierFilter {
    /// One kind.
    pub kind: Option<CarrierKind>,
    /// One kind of hosting.
    pub hosting: Option<Hosting>,
    /// Only those sending data to a third country.
    pub third_country: Option<bool>,
}

/// The sort keys of the carrier register.
pub const CARRIER_SORTS: &[&str] = &["name", "kind", "unit"];

/// The carriers that match, one page.
pub async fn carriers<D: ConnectionTrait + 'static>(
    db: &D,
    v: &AssetVisibility,
    f: &CarrierFilter,
    p: &ListParams,
) -> Result<Page<CarrierRow>, DbErr> {
    let mut q = crate::repo::select::find::<carrier::Entity>().filter(none_unless(v));
    if let Some(like) = p.like() {
        q = q.filter(crate::repo::like_on(
            db.get_database_backend(),
            Expr::col((carrier::Entity, carrier::Column::SearchText)).into(),
            &like,
        ));
    }
    if let Some(k) = f.kind {
        q = q.filter(carrier::Column::Kind.eq(k));
    }
    if let Some(h) = f.hosting {
        q = q.filter(carrier::Column::Hosting.eq(h));
    }
    if let Some(t) = f.third_country {
        q = q.filter(carrier::Column::ThirdCountry.eq(t));
    }
    let counted = q.clone();
    let name = Expr::col((carrier::Entity, carrier::Column::Name));
    let q = match p.sort.as_deref() {
        Some("kind") => q.order_by(carrier::Column::Kind, p.dir.order()).order_by_asc(name),
        Some("unit") => q.order_by(Expr::col((org_unit::Entity, org_unit::Column::Name)), p.dir.order()).order_by_asc(name),
        _ => q.order_by(name, p.dir.order()).order_by_asc(Expr::col((carrier::Entity, carrier::Column::Id))),
    };
    let q = match p.per_page {
        Some(n) => q.offset(p.offset()).limit(n),
        None => q,
    };
    let (items, total, exact) = crate::repo::page_counted(db, counted, 100_000, rows(q)).await?;
    Ok(Page { items, total, page: p.page.max(1), per_page: p.per_page.unwrap_or(total.max(1)), exact })
}

/// One carrier with the path of its unit.
pub async fn carrier<D: ConnectionTrait>(db: &D, v: &AssetVisibility, id: i64) -> Result<Option<(carrier::Model, String)>, DbErr> {
    Ok(carrier_with_unit(db, v, id).await?.map(|(c, u)| (c, u.map(|u| u.path).unwrap_or_default())))
}

/// One carrier with its unit, in one statement (its text written once).
pub async fn carrier_with_unit<D: ConnectionTrait>(
    db: &D,
    v: &AssetVisibility,
    id: i64,
) -> Result<Option<(carrier::Model, Option<org_unit::Model>)>, DbErr> {
    if !v.any() {
        return Ok(None);
    }
    Ok(crate::repo::kept::all(db, carrier_with_unit_query(id)).await?.into_iter().next())
}

/// The query of [`carrier_with_unit`] for a reader who sees the register.
pub fn carrier_with_unit_query(id: i64) -> impl crate::repo::kept::Read<S = SelectTwoModel<carrier::Model, org_unit::Model>> + use<> {
    static KEPT: crate::repo::kept::Slot = crate::repo::kept::Slot::new();
    KEPT.keep(vec![id.into()], move || carrier::Entity::find_by_id(id).find_also_related(org_unit::Entity).into_model())
}

/// The query of every carrier's row, by id: what the kept dependency graph lists of the carriers it
/// reaches (5 000 carriers at storstad: about a megabyte).
pub fn all_carrier_rows_query() -> Selector<SelectModel<CarrierRow>> {
    rows(crate::repo::select::find::<carrier::Entity>().order_by_asc(Expr::col((carrier::Entity, carrier::Column::Id))))
}

/// The carriers an asset lives on.
pub async fn carriers_of<D: ConnectionTrait>(db: &D, v: &AssetVisibility, asset_id: i64) -> Result<Vec<CarrierRow>, DbErr> {
    carriers_of_query(v, asset_id).all(db).await
}

/// The query of [`carriers_of`]: the visible carriers linked to the asset, by name.
pub fn carriers_of_query(v: &AssetVisibility, asset_id: i64) -> Selector<SelectModel<CarrierRow>> {
    let linked = sea_orm::sea_query::Query::select()
        .column(asset_carrier::Column::CarrierId)
        .from(asset_carrier::Entity)
        .and_where(asset_carrier::Column::AssetId.eq(asset_id))
        .to_owned();
    rows(
        crate::repo::select::find::<carrier::Entity>()
            .filter(none_unless(v))
            .filter(Expr::col((carrier::Entity, carrier::Column::Id)).in_subquery(linked))
            .order_by_asc(Expr::col((carrier::Entity, carrier::Column::Name))),
    )
}

/// One step of the dependency graph from `ids`: what they depend on (`down`) or what
/// depends on them (up), as (from, to) edges.
pub async fn dependency_step<D: ConnectionTrait>(db: &D, ids: Vec<i64>, down: bool) -> Result<Vec<(i64, i64)>, DbErr> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let col = if down { carrier_dep::Column::CarrierId } else { carrier_dep::Column::DependsOnId };
    let edges = crate::repo::select::find::<carrier_dep::Entity>().filter(col.is_in(ids)).all(db).await?;
    Ok(edges.into_iter().map(|e| (e.carrier_id, e.depends_on_id)).collect())
}

/// The query of every dependency between carriers, as (carrier, depends on) edges.
pub fn all_dependencies_query() -> Selector<sea_orm::SelectGetableTuple<(i64, i64)>> {
    crate::repo::select::find::<carrier_dep::Entity>()
        .select_only()
        .columns([carrier_dep::Column::CarrierId, carrier_dep::Column::DependsOnId])
        .into_tuple::<(i64, i64)>()
}

/// Replaces what a carrier depends on.
pub async fn set_dependencies<D: ConnectionTrait>(db: &D, carrier_id: i64, on: &[i64]) -> Result<(), DbErr> {
    carrier_dep::Entity::delete_many().filter(carrier_dep::Column::CarrierId.eq(carrier_id)).exec(db).await?;
    if on.is_empty() {
        return Ok(());
    }
    let rows = on.iter().map(|d| carrier_dep::ActiveModel { carrier_id: Set(carrier_id), depends_on_id: Set(*d) });
    carrier_dep::Entity::insert_many(rows).exec(db).await?;
    Ok(())
}

/// The ids of the carriers of `ids` that exist.
pub async fn existing_carriers<D: ConnectionTrait>(db: &D, ids: Vec<i64>) -> Result<Vec<i64>, DbErr> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    Ok(crate::repo::select::find::<carrier::Entity>()
        .filter(carrier::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.id)
        .collect())
}

/// What a carrier must meet: per aspect the highest level among the assets it carries.
pub async fn inherited_levels<D: ConnectionTrait>(db: &D, carrier_id: i64) -> Result<Vec<(String, i64)>, DbErr> {
    crate::repo::kept::all(db, inherited_levels_query(carrier_id)).await
}

/// The query of [`inherited_levels`]: (aspect, highest level); its text written once.
pub fn inherited_levels_query(carrier_id: i64) -> impl crate::repo::kept::Read<S = SelectGetableTuple<(String, i64)>> + use<> {
    static KEPT: crate::repo::kept::Slot = crate::repo::kept::Slot::new();
    KEPT.keep(vec![carrier_id.into()], move || {
        crate::repo::select::find::<asset_level::Entity>()
            .select_only()
            .column(asset_level::Column::Aspect)
            .column_as(Expr::col(asset_level::Column::Level).max(), "level")
            .join(
                JoinType::InnerJoin,
                asset_level::Entity::belongs_to(asset_carrier::Entity)
                    .from(asset_level::Column::AssetId)
                    .to(asset_carrier::Column::AssetId)
                    .into(),
            )
            .filter(asset_carrier::Column::CarrierId.eq(carrier_id))
            .group_by(asset_level::Column::Aspect)
            .into_tuple()
    })
}

/// How many assets a carrier carries (all of them, whatever the reader sees).
pub async fn carried_count<D: ConnectionTrait>(db: &D, carrier_id: i64) -> Result<u64, DbErr> {
    Ok(crate::repo::kept::all(db, carried_count_query(carrier_id)).await?.first().copied().unwrap_or(0).max(0) as u64)
}

/// The query of [`carried_count`]; its text written once.
pub fn carried_count_query(carrier_id: i64) -> impl crate::repo::kept::Read<S = SelectGetableTuple<i64>> + use<> {
    static KEPT: crate::repo::kept::Slot = crate::repo::kept::Slot::new();
    KEPT.keep(vec![carrier_id.into()], move || {
        crate::repo::select::find::<asset_carrier::Entity>()
            .select_only()
            .column_as(Expr::col(asset_carrier::Column::AssetId).count(), "n")
            .filter(asset_carrier::Column::CarrierId.eq(carrier_id))
            .into_tuple()
    })
}
