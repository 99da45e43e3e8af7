//! Organisation units.

use super::{ListParams, Page};
use crate::entity::org_unit::{self, Column as C, Entity as OrgUnit};
use crate::scope_condition;
use sea_orm::sea_query::{Expr, Query};
use sea_orm::*;
use varn_domain::{Code, Scope};

/// Filters of the unit list.
#[derive(Debug, Clone, Default)]
pub struct OrgFilter {
    /// Only this kind.
    pub kind: Option<varn_domain::OrgKind>,
    /// Only active (true) or inactive (false) units.
    pub active: Option<bool>,
    /// Only the subtree of this path.
    pub under: Option<String>,
    /// Only the direct children of this unit.
    pub parent_id: Option<i64>,
}

fn scoped(scope: &Scope) -> Select<OrgUnit> {
    super::select::find::<OrgUnit>().filter(scope_condition(scope, Expr::col((org_unit::Entity, C::Path)).into()))
}

/// A unit as the unit list and the API show it: the row without its timestamps (a list of
/// 100 units decoded 200 timestamps nobody read).
#[derive(Debug, Clone, FromQueryResult)]
pub struct ListedUnit {
    /// Id.
    pub id: i64,
    /// Parent unit (none for the root).
    pub parent_id: Option<i64>,
    /// Kind.
    pub kind: varn_domain::OrgKind,
    /// Name.
    pub name: String,
    /// Materialised path.
    pub path: String,
    /// Head.
    pub head_user_id: Option<i64>,
    /// Information security contact.
    pub security_contact_id: Option<i64>,
    /// Whether it is active.
    pub active: bool,
}

impl From<org_unit::Model> for ListedUnit {
    fn from(u: org_unit::Model) -> Self {
        let org_unit::Model { id, parent_id, kind, name, path, head_user_id, security_contact_id, active, .. } = u;
        ListedUnit { id, parent_id, kind, name, path, head_user_id, security_contact_id, active }
    }
}

/// The units within `scope` that match, one page, in tree order by default.
pub async fn list<D: ConnectionTrait + 'static>(db: &D, scope: &Scope, f: &OrgFilter, p: &ListParams) -> Result<Page<ListedUnit>, DbErr> {
    list_counted(db, scope, f, p, None).await
}

/// [`list`], its count given when it is `known` (as [`list`] counted the same scope, filter
/// and search): then only the page is read.
pub async fn list_counted<D: ConnectionTrait + 'static>(
    db: &D,
    scope: &Scope,
    f: &OrgFilter,
    p: &ListParams,
    known: Option<u64>,
) -> Result<Page<ListedUnit>, DbErr> {
    let mut q = scoped(scope);
    if let Some(like) = p.like() {
        q = q.filter(super::like_on(db.get_database_backend(), Expr::col((org_unit::Entity, C::SearchText)).into(), &like));
    }
    if let Some(k) = &f.kind {
        q = q.filter(C::Kind.eq(*k));
    }
    if let Some(a) = f.active {
        q = q.filter(C::Active.eq(a));
    }
    if let Some(pid) = f.parent_id {
        q = q.filter(C::ParentId.eq(pid));
    }
    if let Some(u) = &f.under {
        q = q.filter(crate::under_path(Expr::col(C::Path).into(), u));
    }
    // The count (exact: a city has hundreds of units, not millions) and the page in one batch.
    let count = q.clone().select_only().column_as(Expr::cust("COUNT(*)"), "n").into_tuple::<i64>();
    let q = match p.sort.as_deref() {
        Some("name") => q.order_by(C::Name, p.dir.order()),
        Some("kind") => q.order_by(C::Kind, p.dir.order()).order_by_asc(C::Name),
        _ => q.order_by(C::Path, p.dir.order()),
    };
    let q = match p.per_page {
        Some(n) => q.offset(p.offset()).limit(n),
        None => q,
    };
    let mut b = crate::batch::Reads::on(db);
    let q = q.select_only().columns([C::Id, C::ParentId, C::Kind, C::Name, C::Path, C::HeadUserId, C::SecurityContactId, C::Active]);
    let (count, rows) = (known.is_none().then(|| b.add(count)), b.add(q.into_model::<ListedUnit>()));
    let mut got = b.run(db).await?;
    let total = match count {
        Some(count) => got.take_one(count)?.unwrap_or(0).max(0) as u64,
        None => known.unwrap_or_default(),
    };
    let items = got.take(rows)?;
    Ok(Page { items, total, page: p.page.max(1), per_page: p.per_page.unwrap_or(total.max(1)), exact: true })
}

/// The sort keys [`list`] knows (the first is the default).
pub const SORTS: &[&str] = &["path", "name", "kind"];

/// Every unit within `scope`, in tree order (for the tree and for pickers).
pub async fn all_in_scope<D: ConnectionTrait>(db: &D, scope: &Scope) -> Result<Vec<org_unit::Model>, DbErr> {
    scoped(scope).order_by_asc(C::Path).all(db).await
}

/// The units directly under `id` within `scope`, in tree order, as [`UnitName`]s (a unit's
/// page lists them by name: the city's top has 61). Its text is kept for the whole city only:
/// a scope of units writes its paths into the statement.
pub fn children_query(scope: &Scope, id: i64) -> impl crate::repo::kept::Read<S = sea_orm::SelectModel<UnitName>> + use<'_> {
    static KEPT: [super::kept::Slot; 1] = [const { super::kept::Slot::new() }; 1];
    super::kept::Slot::keep_nth(&KEPT, usize::from(scope.is_all()), vec![id.into()], move || {
        unit_names()
            .filter(scope_condition(scope, Expr::col((org_unit::Entity, C::Path)).into()))
            .filter(C::ParentId.eq(id))
            .order_by_asc(C::Path)
            .into_model()
    })
}

/// One unit, if it exists and lies within `scope`.
pub async fn find<D: ConnectionTrait>(db: &D, scope: &Scope, id: i64) -> Result<Option<org_unit::Model>, DbErr> {
    Ok(super::kept::all(db, find_query(scope, id)).await?.pop())
}

/// The query of [`find`] (kept, as [`children_query`], for the whole city only).
pub fn find_query(scope: &Scope, id: i64) -> impl crate::repo::kept::Read<S = sea_orm::SelectModel<org_unit::Model>> + use<'_> {
    static KEPT: [super::kept::Slot; 1] = [const { super::kept::Slot::new() }; 1];
    super::kept::Slot::keep_nth(&KEPT, usize::from(scope.is_all()), vec![id.into(), 1u64.into()], move || {
        scoped(scope).filter(C::Id.eq(id)).limit(1).into_model()
    })
}

/// One unit regardless of scope (for rules that need the parent's kind).
pub async fn find_any<D: ConnectionTrait>(db: &D, id: i64) -> Result<Option<org_unit::Model>, DbErr> {
    OrgUnit::find_by_id(id).one(db).await
}

/// Units by ids (no scope; for labelling things already authorised).
pub async fn by_ids<D: ConnectionTrait>(db: &D, ids: Vec<i64>) -> Result<Vec<org_unit::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    super::kept::all(db, by_ids_query(ids)).await
}

/// The query of [`by_ids`] (`ids` not empty).
pub fn by_ids_query(ids: Vec<i64>) -> impl crate::repo::kept::Read<S = sea_orm::SelectModel<org_unit::Model>> + use<> {
    static KEPT: [super::kept::Slot; 4] = [const { super::kept::Slot::new() }; 4];
    let values = ids.iter().map(|&i| i.into()).collect();
    super::kept::Slot::keep_nth(&KEPT, ids.len(), values, move || super::select::find::<OrgUnit>().filter(C::Id.is_in(ids)).into_model())
}

/// A unit as a picker of units shows it: id, name, path (for the tree's order and the
/// reader's scope) and whether it is active; four columns instead of the whole row (a contact's
/// picker lists the city's 80 bodies, förvaltningar and bolag on every authority's page).
#[derive(Debug, Clone, FromQueryResult)]
pub struct UnitName {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Materialised path.
    pub path: String,
    /// Whether it is active.
    pub active: bool,
}

fn unit_names() -> Select<OrgUnit> {
    super::select::find::<OrgUnit>().select_only().columns([C::Id, C::Name, C::Path, C::Active])
}

/// [`UnitName`]s of the active units of these kinds, in tree order.
pub fn names_of_kinds_query(kinds: Vec<varn_domain::OrgKind>) -> Selector<SelectModel<UnitName>> {
    unit_names().filter(C::Kind.is_in(kinds)).filter(C::Active.eq(true)).order_by_asc(C::Path).into_model()
}

/// [`UnitName`]s of units by ids (no scope; `ids` not empty).
pub fn names_by_ids_query(ids: Vec<i64>) -> impl crate::repo::kept::Read<S = sea_orm::SelectModel<UnitName>> + use<> {
    static KEPT: [super::kept::Slot; 4] = [const { super::kept::Slot::new() }; 4];
    let values = ids.iter().map(|&i| i.into()).collect();
    super::kept::Slot::keep_nth(&KEPT, ids.len(), values, move || unit_names().filter(C::Id.is_in(ids)).into_model())
}

/// Active units of these kinds, in tree order (the deciding bodies for a picker).
pub async fn of_kinds<D: ConnectionTrait>(db: &D, kinds: Vec<varn_domain::OrgKind>) -> Result<Vec<org_unit::Model>, DbErr> {
    of_kinds_query(kinds).all(db).await
}

/// The query of [`of_kinds`].
pub fn of_kinds_query(kinds: Vec<varn_domain::OrgKind>) -> Selector<SelectModel<org_unit::Model>> {
    super::select::find::<OrgUnit>().filter(C::Kind.is_in(kinds)).filter(C::Active.eq(true)).order_by_asc(C::Path).into_model()
}

/// The root unit, if the tree has one.
pub async fn root<D: ConnectionTrait>(db: &D) -> Result<Option<org_unit::Model>, DbErr> {
    super::select::find::<OrgUnit>().filter(C::ParentId.is_null()).order_by_asc(C::Id).one(db).await
}

/// How many units exist in all.
pub async fn count_all<D: ConnectionTrait>(db: &D) -> Result<u64, DbErr> {
    super::select::find::<OrgUnit>().count(db).await
}

/// Inserts a unit under `parent` (path computed from the new id).
pub async fn insert<D: ConnectionTrait>(
    db: &D,
    parent: Option<&org_unit::Model>,
    kind: varn_domain::OrgKind,
    name: &str,
) -> Result<org_unit::Model, DbErr> {
    let now = super::now();
    // The path needs the id: insert with a unique placeholder, then set it.
    let placeholder = format!("tmp-{}", now.timestamp_nanos_opt().unwrap_or_default());
    let am = org_unit::ActiveModel {
        parent_id: Set(parent.map(|p| p.id)),
        kind: Set(kind),
        name: Set(name.to_owned()),
        search_text: Set(name.to_lowercase()),
        path: Set(placeholder),
        head_user_id: Set(None),
        security_contact_id: Set(None),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    let m = am.insert(db).await?;
    let path = match parent {
        Some(p) => format!("{}{}/", p.path, m.id),
        None => format!("/{}/", m.id),
    };
    let mut am: org_unit::ActiveModel = m.into();
    am.path = Set(path);
    am.update(db).await
}

/// Rewrites the paths of a moved subtree in one statement.
pub async fn move_subtree<D: ConnectionTrait>(db: &D, id: i64, new_parent: i64, old_path: &str, new_path: &str) -> Result<(), DbErr> {
    let backend = db.get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => "UPDATE org_units SET path = $1 || substr(path, CAST($2 AS INTEGER)) WHERE path LIKE $3",
        _ => "UPDATE org_units SET path = ? || substr(path, CAST(? AS INTEGER)) WHERE path LIKE ?",
    };
    let start = (old_path.len() + 1) as i64;
    db.execute(Statement::from_sql_and_values(backend, sql, [new_path.into(), start.into(), format!("{old_path}%").into()])).await?;
    OrgUnit::update_many()
        .col_expr(C::ParentId, Expr::value(new_parent))
        .col_expr(C::UpdatedAt, Expr::value(super::now()))
        .filter(C::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// How many direct children a unit has.
pub async fn child_count<D: ConnectionTrait>(db: &D, id: i64) -> Result<u64, DbErr> {
    super::select::find::<OrgUnit>().filter(C::ParentId.eq(id)).count(db).await
}

/// Whether a unit has a child: the query gives one row if it has.
pub fn has_child_query(id: i64) -> impl super::kept::Read<S = SelectGetableTuple<i64>> + use<> {
    static KEPT: super::kept::Slot = super::kept::Slot::new();
    KEPT.keep(vec![id.into(), 1u64.into()], move || {
        super::select::find::<OrgUnit>().filter(C::ParentId.eq(id)).select_only().column(C::Id).limit(1).into_tuple()
    })
}

/// What still refers to a unit, by kind, so a delete can say why it is refused.
pub async fn references<D: ConnectionTrait>(db: &D, id: i64) -> Result<Vec<(&'static str, u64)>, DbErr> {
    use crate::entity::{attachment, role_grant, task};
    let mut out = Vec::new();
    let children = child_count(db, id).await?;
    if children > 0 {
        out.push(("children", children));
    }
    let grants = crate::repo::select::find::<role_grant::Entity>().filter(role_grant::Column::OrgUnitId.eq(id)).count(db).await?;
    if grants > 0 {
        out.push(("grants", grants));
    }
    let tasks = crate::repo::select::find::<task::Entity>().filter(task::Column::AssigneeUnitId.eq(id)).count(db).await?;
    if tasks > 0 {
        out.push(("tasks", tasks));
    }
    let files = crate::repo::select::find::<attachment::Entity>().filter(attachment::Column::OrgUnitId.eq(id)).count(db).await?;
    if files > 0 {
        out.push(("attachments", files));
    }
    Ok(out)
}

/// Deletes a unit (callers check [`references`] first).
pub async fn delete<D: ConnectionTrait>(db: &D, id: i64) -> Result<(), DbErr> {
    OrgUnit::delete_by_id(id).exec(db).await.map(|_| ())
}

/// Ids of the units in the subtree of `path` (including itself), as a sub-query.
pub fn subtree_ids(path: &str) -> sea_orm::sea_query::SelectStatement {
    Query::select().column(C::Id).from(OrgUnit).and_where(crate::under_path(Expr::col(C::Path).into(), path)).to_owned()
}

/// Units a user acts for: those they head, or hold Verksamhetsansvarig on.
pub async fn units_acted_for<D: ConnectionTrait>(db: &D, user_id: i64) -> Result<Vec<i64>, DbErr> {
    let sql = "SELECT id FROM org_units WHERE head_user_id = ? UNION SELECT org_unit_id FROM role_grants WHERE user_id = ? AND role = ?";
    let rows = db
        .query_all(super::stmt(db, sql, vec![user_id.into(), user_id.into(), varn_domain::Role::Verksamhetsansvarig.as_str().into()]))
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        out.push(r.try_get_by_index::<i64>(0)?);
    }
    Ok(out)
}
