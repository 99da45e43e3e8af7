//! Roles given to people on units: who holds what, where.

use crate::entity::{org_unit, role_grant, user};
use sea_orm::sea_query::Expr;
use sea_orm::*;
use varn_domain::{Code, Scope};

/// A grant with the unit it sits on.
#[derive(Debug, Clone, FromQueryResult)]
pub struct GrantRow {
    /// Grant id.
    pub id: i64,
    /// User.
    pub user_id: i64,
    /// The role.
    pub role: varn_domain::Role,
    /// Unit id.
    pub org_unit_id: i64,
    /// Unit name.
    pub unit_name: String,
    /// Unit path.
    pub unit_path: String,
    /// The user's display name.
    pub user_name: String,
}

fn grant_rows() -> Select<role_grant::Entity> {
    crate::repo::select::find::<role_grant::Entity>()
        .select_only()
        .column(role_grant::Column::Id)
        .column(role_grant::Column::UserId)
        .column(role_grant::Column::Role)
        .column(role_grant::Column::OrgUnitId)
        .column_as(Expr::col((org_unit::Entity, org_unit::Column::Name)), "unit_name")
        .column_as(Expr::col((org_unit::Entity, org_unit::Column::Path)), "unit_path")
        .column_as(Expr::col((user::Entity, user::Column::DisplayName)), "user_name")
        .join(
            JoinType::InnerJoin,
            role_grant::Entity::belongs_to(org_unit::Entity).from(role_grant::Column::OrgUnitId).to(org_unit::Column::Id).into(),
        )
        .join(
            JoinType::InnerJoin,
            role_grant::Entity::belongs_to(user::Entity).from(role_grant::Column::UserId).to(user::Column::Id).into(),
        )
}

/// The grants of a user, with their units (active units only).
pub async fn grants_of<D: ConnectionTrait>(db: &D, user_id: i64) -> Result<Vec<GrantRow>, DbErr> {
    grants_of_in(db, user_id, &Scope::All).await
}

/// A user's grants on units within `scope` (what a viewer with that scope may see of them).
pub async fn grants_of_in<D: ConnectionTrait>(db: &D, user_id: i64, scope: &Scope) -> Result<Vec<GrantRow>, DbErr> {
    grant_rows()
        .filter(role_grant::Column::UserId.eq(user_id))
        .filter(crate::scope_condition(scope, Expr::col((org_unit::Entity, org_unit::Column::Path)).into()))
        .filter(Expr::col((org_unit::Entity, org_unit::Column::Active)).eq(true))
        .order_by_asc(Expr::col((org_unit::Entity, org_unit::Column::Path)))
        .into_model::<GrantRow>()
        .all(db)
        .await
}

/// One of a person's grants as a search result names them: role and unit.
#[derive(Debug, Clone, FromQueryResult)]
pub struct PersonGrant {
    /// User.
    pub user_id: i64,
    /// The role.
    pub role: varn_domain::Role,
    /// Unit name.
    pub unit_name: String,
    /// Unit path.
    pub unit_path: String,
}

/// The grants of several users within `scope` (to say who a person in a search result is),
/// in the order of their units' paths. Read without the people's own rows (the caller has
/// them) and sorted here, not by SQLite's sorter: a samordnare's person picker read twenty
/// people's rows again and sorted their grants, a quarter of the page.
pub async fn grants_of_many<D: ConnectionTrait>(db: &D, user_ids: Vec<i64>, scope: &Scope) -> Result<Vec<PersonGrant>, DbErr> {
    if user_ids.is_empty() {
        return Ok(vec![]);
    }
    let mut rows = crate::repo::select::find::<role_grant::Entity>()
        .select_only()
        .column(role_grant::Column::UserId)
        .column(role_grant::Column::Role)
        .column_as(Expr::col((org_unit::Entity, org_unit::Column::Name)), "unit_name")
        .column_as(Expr::col((org_unit::Entity, org_unit::Column::Path)), "unit_path")
        .join(
            JoinType::InnerJoin,
            role_grant::Entity::belongs_to(org_unit::Entity).from(role_grant::Column::OrgUnitId).to(org_unit::Column::Id).into(),
        )
        .filter(role_grant::Column::UserId.is_in(user_ids))
        .filter(crate::scope_condition(scope, Expr::col((org_unit::Entity, org_unit::Column::Path)).into()))
        .into_model::<PersonGrant>()
        .all(db)
        .await?;
    // A user holds each role once on a unit: (path, user, role) orders every row.
    rows.sort_unstable_by(|a, b| {
        (a.unit_path.as_str(), a.user_id, a.role.as_str()).cmp(&(b.unit_path.as_str(), b.user_id, b.role.as_str()))
    });
    Ok(rows)
}

/// The grants on one unit (who holds what there).
pub async fn grants_on<D: ConnectionTrait>(db: &D, unit_id: i64) -> Result<Vec<GrantRow>, DbErr> {
    crate::repo::kept::all(db, grants_on_query(unit_id)).await
}

/// The query of [`grants_on`].
pub fn grants_on_query(unit_id: i64) -> impl crate::repo::kept::Read<S = SelectModel<GrantRow>> + use<> {
    static KEPT: crate::repo::kept::Slot = crate::repo::kept::Slot::new();
    KEPT.keep(vec![unit_id.into()], move || {
        grant_rows().filter(role_grant::Column::OrgUnitId.eq(unit_id)).order_by_asc(role_grant::Column::Role).into_model::<GrantRow>()
    })
}

/// One grant by id.
pub async fn grant_by_id<D: ConnectionTrait>(db: &D, id: i64) -> Result<Option<GrantRow>, DbErr> {
    grant_rows().filter(role_grant::Column::Id.eq(id)).into_model::<GrantRow>().one(db).await
}

/// Adds a grant; returns `None` when the user already holds that role on that unit.
pub async fn add_grant<D: ConnectionTrait>(
    db: &D,
    user_id: i64,
    unit_id: i64,
    role: varn_domain::Role,
    by: Option<i64>,
) -> Result<Option<role_grant::Model>, DbErr> {
    let exists = crate::repo::select::find::<role_grant::Entity>()
        .filter(role_grant::Column::UserId.eq(user_id))
        .filter(role_grant::Column::OrgUnitId.eq(unit_id))
        .filter(role_grant::Column::Role.eq(role))
        .count(db)
        .await?;
    if exists > 0 {
        return Ok(None);
    }
    let g = role_grant::ActiveModel {
        user_id: Set(user_id),
        org_unit_id: Set(unit_id),
        role: Set(role),
        granted_by: Set(by),
        created_at: Set(crate::repo::now()),
        ..Default::default()
    };
    g.insert(db).await.map(Some)
}

/// Removes a grant.
pub async fn remove_grant<D: ConnectionTrait>(db: &D, id: i64) -> Result<(), DbErr> {
    role_grant::Entity::delete_by_id(id).exec(db).await.map(|_| ())
}
