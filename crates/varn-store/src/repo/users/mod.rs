//! Users and their role grants.

use super::{ListParams, Page};
use crate::entity::{org_unit, role_grant, user};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::*;
use search::{by_name, fts_count, name_matches, MANY_MATCHES};
use sqlite::small_area_test;
use varn_domain::Scope;

mod grants;
mod postgres;
mod search;
pub mod sqlite;
pub use grants::*;

/// Filters of the user list.
#[derive(Debug, Clone, Default)]
pub struct UserFilter {
    /// Only users holding this role (anywhere in scope).
    pub role: Option<varn_domain::Role>,
    /// Only active or inactive users.
    pub active: Option<bool>,
}

/// Users visible in `scope`: those holding a role on a unit in the scope. A city-wide scope
/// sees every user, including those with no grant yet.
fn visible(scope: &Scope, role: Option<varn_domain::Role>) -> Select<user::Entity> {
    let mut q = crate::repo::select::find::<user::Entity>();
    if !scope.is_all() || role.is_some() {
        let mut sub = Query::select()
            .column((role_grant::Entity, role_grant::Column::UserId))
            .from(role_grant::Entity)
            .inner_join(
                org_unit::Entity,
                Expr::col((org_unit::Entity, org_unit::Column::Id)).equals((role_grant::Entity, role_grant::Column::OrgUnitId)),
            )
            .cond_where(crate::scope_condition(scope, Expr::col((org_unit::Entity, org_unit::Column::Path)).into()))
            .to_owned();
        if let Some(r) = role {
            sub.and_where(Expr::col((role_grant::Entity, role_grant::Column::Role)).eq(r));
        }
        q = q.filter(user::Column::Id.in_subquery(sub));
    }
    q
}

/// The users visible in `scope` that match, one page.
pub async fn list<D: ConnectionTrait>(db: &D, scope: &Scope, f: &UserFilter, p: &ListParams) -> Result<Page<user::Model>, DbErr> {
    list_counted(db, scope, f, p, None).await
}

/// [`list`], its count given when it is `known` (the total and whether it is exact, as
/// [`list`] counted the same scope, filter and search): then it reads only the page's rows.
pub async fn list_counted<D: ConnectionTrait>(
    db: &D,
    scope: &Scope,
    f: &UserFilter,
    p: &ListParams,
    known: Option<(u64, bool)>,
) -> Result<Page<user::Model>, DbErr> {
    if scope.is_none() {
        return Ok(Page { items: vec![], total: 0, page: 1, per_page: p.per_page.unwrap_or(1), exact: true });
    }
    let mut base = visible(scope, f.role);
    if let Some(a) = f.active {
        // Written in, not bound: planned once for any value, PostgreSQL took half the city
        // for `active = $1` and looked for the few who have left by walking all 50 000 names
        // in order (172 ms at storstad); for `FALSE` it takes them from `ix_users_active`
        // and sorts them (0.07 ms). SQLite reads TRUE and FALSE as the 1 and 0 it stores.
        base = base.filter(Expr::cust(if a { "\"users\".\"active\" = TRUE" } else { "\"users\".\"active\" = FALSE" }));
    }
    let mut q = base.clone();
    let narrowed = !scope.is_all() || f.role.is_some();
    let small = match p.q.as_deref() {
        Some(typed) if narrowed => small_area_test(db, &base, typed, true, &mut None).await?,
        _ => None,
    };
    if let Some(c) = small.clone() {
        q = q.filter(c);
    } else if let Some(c) = p.q.as_deref().and_then(|t| name_matches(db.get_database_backend(), t, true)) {
        q = q.filter(c);
    }
    // A free-text search over tens of thousands of people is counted up to a thousand.
    let whole_city = scope.is_all() && f.role.is_none() && f.active.is_none();
    let (total, exact) = if let Some(k) = known {
        k
    } else if let (Some(typed), Some(_)) = (p.q.as_deref(), p.per_page) {
        // The trigram index holds every user: over the whole city (only) it counts the matches
        // by itself (0.2 ms for "anna" among 50 000, against 1.4 ms through the users table).
        match if whole_city { fts_count(db, typed, true, 1_000).await? } else { None } {
            Some(n) => (n.min(1_000), n <= 1_000),
            None => super::count_upto(db, q.clone(), 1_000).await?,
        }
    } else {
        (q.clone().count(db).await?, true)
    };
    let arrange = |q: Select<user::Entity>| {
        let q = match p.sort.as_deref() {
            Some("username") => q.order_by(user::Column::Username, p.dir.order()),
            Some("created") => q.order_by(user::Column::CreatedAt, p.dir.order()),
            _ => q.order_by(user::Column::DisplayName, p.dir.order()).order_by_asc(user::Column::Id),
        };
        match p.per_page {
            Some(n) => q.offset(p.offset()).limit(n),
            None => q,
        }
    };
    let by_name_order = !matches!(p.sort.as_deref(), Some("username" | "created")) && p.dir == super::Dir::Asc;
    let items = match p.q.as_deref() {
        Some(typed) if by_name_order && small.is_none() => {
            let matched = if exact { total } else { u64::MAX };
            by_name(db, arrange(base), arrange(q), typed, true, narrowed, Some(matched)).await?
        }
        _ => arrange(q).all(db).await?,
    };
    Ok(Page { items, total, page: p.page.max(1), per_page: p.per_page.unwrap_or(total.max(1)), exact })
}

/// Active people holding a role within `scope` whose name or sign-in name matches `q` (for
/// choosing a unit's head or contact by name), by name, at most `limit`.
pub async fn people<D: ConnectionTrait>(db: &D, scope: &Scope, typed: &str, limit: u64) -> Result<Vec<user::Model>, DbErr> {
    people_in_area(db, scope, typed, limit, &mut None).await
}

/// [`people`], with whether the reader's area is small enough to test each of its people
/// (SQLite) taken from `small_area` when known, and otherwise counted and left there. The
/// answer only chooses how the same people are found, whatever the search: a caller may keep
/// it for the reader's scope between writes.
pub async fn people_in_area<D: ConnectionTrait>(
    db: &D,
    scope: &Scope,
    typed: &str,
    limit: u64,
    small_area: &mut Option<bool>,
) -> Result<Vec<user::Model>, DbErr> {
    let Some(matches) = name_matches(db.get_database_backend(), typed, false) else { return Ok(vec![]) };
    if scope.is_none() {
        return Ok(vec![]);
    }
    let base = visible(scope, None).filter(user::Column::Active.eq(true));
    let arrange = |q: Select<user::Entity>| q.order_by_asc(user::Column::DisplayName).limit(limit);
    if !scope.is_all() {
        if let Some(c) = small_area_test(db, &base, typed, false, small_area).await? {
            return arrange(base.filter(c)).all(db).await;
        }
    }
    let q = base.clone().filter(matches);
    // PostgreSQL has no count of its own to choose by: count up to the threshold (through the
    // trigram index, about a millisecond) so that a common name is read in name order.
    let matched = match db.get_database_backend() {
        DbBackend::Postgres => {
            let (n, exact) = super::count_upto(db, q.clone(), MANY_MATCHES).await?;
            Some(if exact { n } else { u64::MAX })
        }
        _ => None,
    };
    by_name(db, arrange(base), arrange(q), typed, false, !scope.is_all(), matched).await
}

/// The sort keys of the user list (the first is the default).
pub const SORTS: &[&str] = &["name", "username", "created"];

/// One user, if visible in `scope`.
pub async fn find<D: ConnectionTrait>(db: &D, scope: &Scope, id: i64) -> Result<Option<user::Model>, DbErr> {
    if scope.is_none() {
        return Ok(None);
    }
    visible(scope, None).filter(user::Column::Id.eq(id)).one(db).await
}

/// One user regardless of scope (sign-in, the user themself).
pub async fn find_any<D: ConnectionTrait>(db: &D, id: i64) -> Result<Option<user::Model>, DbErr> {
    user::Entity::find_by_id(id).one(db).await
}

/// The person a form names: "Name (sign-in name)" as the person picker writes it, a sign-in
/// name, or a whole name that exactly one active person has (case ignored). None when nobody
/// or several match: the form then asks to choose from the list.
pub async fn find_person<D: ConnectionTrait>(db: &D, typed: &str) -> Result<Option<user::Model>, DbErr> {
    let t = typed.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if let (Some(open), true) = (t.rfind('('), t.ends_with(')')) {
        let name = t[open + 1..t.len() - 1].trim();
        if let Some(u) = by_username(db, name).await? {
            return Ok(Some(u));
        }
    }
    if let Some(u) = by_username(db, t).await? {
        return Ok(Some(u));
    }
    let lower = t.to_lowercase();
    if lower != t {
        if let Some(u) = by_username(db, &lower).await? {
            return Ok(Some(u));
        }
    }
    let Some(matches) = name_matches(db.get_database_backend(), t, false) else { return Ok(None) };
    let found: Vec<user::Model> =
        crate::repo::select::find::<user::Entity>().filter(user::Column::Active.eq(true)).filter(matches).limit(50).all(db).await?;
    let mut same = found.into_iter().filter(|u| u.display_name.trim().to_lowercase() == lower);
    match (same.next(), same.next()) {
        (Some(u), None) => Ok(Some(u)),
        _ => Ok(None),
    }
}

/// A user by sign-in name.
pub async fn by_username<D: ConnectionTrait>(db: &D, username: &str) -> Result<Option<user::Model>, DbErr> {
    crate::repo::select::find::<user::Entity>().filter(user::Column::Username.eq(username)).one(db).await
}

/// Users by ids, no scope (for names of things already authorised).
pub async fn by_ids<D: ConnectionTrait>(db: &D, ids: Vec<i64>) -> Result<Vec<user::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    crate::repo::kept::all(db, by_ids_query(ids)).await
}

/// The query of [`by_ids`] (`ids` not empty).
pub fn by_ids_query(ids: Vec<i64>) -> impl crate::repo::kept::Read<S = sea_orm::SelectModel<user::Model>> + use<> {
    static KEPT: [crate::repo::kept::Slot; 4] = [const { crate::repo::kept::Slot::new() }; 4];
    let values = ids.iter().map(|&i| i.into()).collect();
    crate::repo::kept::Slot::keep_nth(&KEPT, ids.len(), values, move || {
        crate::repo::select::find::<user::Entity>().filter(user::Column::Id.is_in(ids)).into_model()
    })
}

/// A person as a page names them: id, sign-in name and name (three columns instead of the
/// whole row with its hash and time stamps, for the names of the people a page mentions).
#[derive(Debug, Clone, sea_orm::FromQueryResult)]
pub struct PersonName {
    /// Id.
    pub id: i64,
    /// Sign-in name.
    pub username: String,
    /// Name.
    pub display_name: String,
}

/// [`PersonName`]s by ids, no scope (for names of things already authorised; `ids` not empty).
pub fn names_by_ids_query(ids: Vec<i64>) -> impl crate::repo::kept::Read<S = sea_orm::SelectModel<PersonName>> + use<> {
    static KEPT: [crate::repo::kept::Slot; 4] = [const { crate::repo::kept::Slot::new() }; 4];
    let values = ids.iter().map(|&i| i.into()).collect();
    crate::repo::kept::Slot::keep_nth(&KEPT, ids.len(), values, move || {
        crate::repo::select::find::<user::Entity>()
            .select_only()
            .columns([user::Column::Id, user::Column::Username, user::Column::DisplayName])
            .filter(user::Column::Id.is_in(ids))
            .into_model()
    })
}

/// How many users exist.
pub async fn count_all<D: ConnectionTrait>(db: &D) -> Result<u64, DbErr> {
    crate::repo::select::find::<user::Entity>().count(db).await
}

/// The row of a new, active user with Swedish as language.
pub fn new_user(username: String, display_name: String, email: Option<String>, password_hash: Option<String>) -> user::ActiveModel {
    let t = super::now();
    user::ActiveModel {
        username: Set(username),
        display_name: Set(display_name),
        email: Set(email),
        password_hash: Set(password_hash),
        active: Set(true),
        locale: Set("sv".into()),
        failed_logins: Set(0),
        locked_until: Set(None),
        password_changed_at: Set(None),
        created_at: Set(t),
        updated_at: Set(t),
        ..Default::default()
    }
}
