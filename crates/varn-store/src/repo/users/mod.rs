//! Users and their role grants.

use super::{ilike, ListParams, Page};
use crate::entity::{org_unit, role_grant, user};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::*;
use sqlite::{small_area_test, through_trigram};
use varn_domain::Scope;

mod grants;
mod postgres;
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

/// Who matches `q` in name or sign-in name (and e-mail, with `email`): on SQLite through the
/// trigram index `users_fts` when `q` has three characters or more (fewer cannot use it), on
/// PostgreSQL through the `pg_trgm` index on [`PG_NAME`] (with e-mail: [`PG_TEXT`]).
fn name_matches(backend: DbBackend, q: &str, email: bool) -> Option<Condition> {
    let like = super::like_pattern(q)?;
    let q = q.trim();
    if backend == DbBackend::Sqlite && q.chars().count() >= 3 {
        let phrase = fts_phrase(q, email);
        return Some(
            Condition::all().add(Expr::cust_with_values("users.id IN (SELECT rowid FROM users_fts WHERE users_fts MATCH ?)", [phrase])),
        );
    }
    if backend == DbBackend::Postgres {
        let column = if email { PG_TEXT } else { PG_NAME };
        return Some(Condition::all().add(super::like_on(backend, Expr::cust(column), &like)));
    }
    let mut c = Condition::any().add(ilike(backend, Expr::col(user::Column::Username).into(), &like)).add(ilike(
        backend,
        Expr::col(user::Column::DisplayName).into(),
        &like,
    ));
    if email {
        c = c.add(ilike(backend, Expr::col(user::Column::Email).into(), &like));
    }
    Some(c)
}

/// PostgreSQL's folded name and sign-in name, stored and indexed (migration m0018).
const PG_NAME: &str = "\"users\".\"search_name\"";

/// The same and the e-mail, for the user list (migration m0018).
const PG_TEXT: &str = "\"users\".\"search_text\"";

/// The trigram index's query for `q` in the name columns (and e-mail). With e-mail it names
/// no columns: those are all of `users_fts`'s (m0015), and a filter naming them all still made
/// FTS5 filter each match's positions by column (the user list's count of "anna" to 1 001 at
/// storstad: 334 µs with it, 174 without, the same 1 001; session 60).
fn fts_phrase(q: &str, email: bool) -> String {
    let phrase = format!("\"{}\"", q.trim().replace('"', "\"\""));
    if email {
        phrase
    } else {
        format!("{{display_name username}} : {phrase}")
    }
}

/// How many users the SQLite trigram index finds for `typed`, counted up to `upto` + 1 (none:
/// PostgreSQL, or too short for the index). Stopping there lets the index stop reading: "anna"
/// among 50 000 (2 563 matches) is 0.2 ms counted to 1 001 against 0.5–1.5 ms counted whole.
async fn fts_count<D: ConnectionTrait>(db: &D, typed: &str, email: bool, upto: u64) -> Result<Option<u64>, DbErr> {
    if db.get_database_backend() != DbBackend::Sqlite || typed.trim().chars().count() < 3 {
        return Ok(None);
    }
    let count = format!("SELECT COUNT(*) FROM (SELECT rowid FROM users_fts WHERE users_fts MATCH ? LIMIT {})", upto.saturating_add(1));
    let row = db.query_one(super::stmt(db, &count, vec![fts_phrase(typed, email).into()])).await?;
    Ok(Some(row.map(|r| r.try_get_by_index::<i64>(0)).transpose()?.unwrap_or(0).max(0) as u64))
}

/// Above this many matches, reading names in order beats sorting the matches.
const MANY_MATCHES: u64 = 400;

/// Runs a search sorted by name, choosing by how many match (`matched`, when counted): one
/// that matches many people is best read in name order until the page is full, one that
/// matches few is best found through the trigram index and sorted. Neither planner can know
/// how many a substring matches ("ann" among 50 000: 4 000, 18 ms sorted and 2 ms in order on
/// SQLite; a rare name the other way round: a walk of the whole name index, 15–30 ms on
/// PostgreSQL), so the choice is made here. `arranged` is the search without the name's
/// condition (sorted and paged), `q` the same with [`name_matches`]'.
///
/// On SQLite, in order walks the people who hold the search's first trigram ([`through_trigram`];
/// a text the fold does not cover walks `ix_users_display_name` and tests each name against
/// the trigram index's matches), and only
/// when the reader's area or a role does not narrow the people (`narrowed`: then most names
/// read in order would be passed over; a small area's people are each tested instead, by the
/// callers: [`small_area_test`]). On PostgreSQL, sorted is forced by ordering on an
/// expression the name index does not hold, and in order walks the people who hold the
/// search's first trigram ([`postgres::through_trigram`], m0028; a text shorter than three
/// letters reads the ids from the name index alone, which carries the folded name, e-mail and
/// active) before their rows.
async fn by_name<D: ConnectionTrait>(
    db: &D,
    arranged: Select<user::Entity>,
    q: Select<user::Entity>,
    typed: &str,
    email: bool,
    narrowed: bool,
    matched: Option<u64>,
) -> Result<Vec<user::Model>, DbErr> {
    let backend = db.get_database_backend();
    // One statement built, the one read (building one is about 100k instructions: a search
    // through the trigrams had built the sorted one too and dropped it).
    let mut st = None;
    match backend {
        DbBackend::Sqlite if !narrowed && typed.trim().chars().count() >= 3 => {
            let many = match matched {
                Some(n) => n > MANY_MATCHES,
                None => fts_count(db, typed, email, MANY_MATCHES).await?.unwrap_or(0) > MANY_MATCHES,
            };
            if many {
                st = Some(match through_trigram(arranged, typed, email) {
                    Some(walk) => walk,
                    None => {
                        let mut st = q.clone().build(backend);
                        st.sql = st.sql.replacen("FROM \"users\"", "FROM \"users\" INDEXED BY \"ix_users_display_name\"", 1);
                        st
                    }
                });
            }
        }
        DbBackend::Postgres if matched.is_none_or(|n| n <= MANY_MATCHES) => {
            let mut sorted = q.clone().build(backend);
            sorted.sql = sorted.sql.replacen("ORDER BY \"users\".\"display_name\"", "ORDER BY (\"users\".\"display_name\" || '')", 1);
            st = Some(sorted);
        }
        DbBackend::Postgres => {
            if let Some(walk) = postgres::through_trigram(q.clone(), typed) {
                return user::Entity::find().from_raw_sql(walk).all(db).await;
            }
            let page = q.select_only().column(user::Column::Id).into_query();
            let rows = crate::repo::select::find::<user::Entity>()
                .filter(user::Column::Id.in_subquery(page))
                .order_by_asc(user::Column::DisplayName)
                .order_by_asc(user::Column::Id);
            return rows.all(db).await;
        }
        _ => {}
    }
    // from_raw_sql replaces the whole statement: the column list is not written here.
    let st = st.unwrap_or_else(|| q.build(backend));
    user::Entity::find().from_raw_sql(st).all(db).await
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
