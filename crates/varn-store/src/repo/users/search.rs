//! How a name search finds its people: the condition that matches a typed text on each
//! database, the count that tells a common name from a rare one, and the read in name order
//! or sorted that the count chooses.

use super::postgres;
use super::sqlite::through_trigram;
use crate::entity::user;
use crate::repo::ilike;
use sea_orm::sea_query::Expr;
use sea_orm::*;

/// Who matches `q` in name or sign-in name (and e-mail, with `email`): on SQLite through the
/// trigram index `users_fts` when `q` has three characters or more (fewer cannot use it), on
/// PostgreSQL through the `pg_trgm` index on [`PG_NAME`] (with e-mail: [`PG_TEXT`]).
pub(super) fn name_matches(backend: DbBackend, q: &str, email: bool) -> Option<Condition> {
    let like = crate::repo::like_pattern(q)?;
    let q = q.trim();
    if backend == DbBackend::Sqlite && q.chars().count() >= 3 {
        let phrase = fts_phrase(q, email);
        return Some(
            Condition::all().add(Expr::cust_with_values("users.id IN (SELECT rowid FROM users_fts WHERE users_fts MATCH ?)", [phrase])),
        );
    }
    if backend == DbBackend::Postgres {
        let column = if email { PG_TEXT } else { PG_NAME };
        return Some(Condition::all().add(crate::repo::like_on(backend, Expr::cust(column), &like)));
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
pub(super) async fn fts_count<D: ConnectionTrait>(db: &D, typed: &str, email: bool, upto: u64) -> Result<Option<u64>, DbErr> {
    if db.get_database_backend() != DbBackend::Sqlite || typed.trim().chars().count() < 3 {
        return Ok(None);
    }
    let count = format!("SELECT COUNT(*) FROM (SELECT rowid FROM users_fts WHERE users_fts MATCH ? LIMIT {})", upto.saturating_add(1));
    let row = db.query_one(crate::repo::stmt(db, &count, vec![fts_phrase(typed, email).into()])).await?;
    Ok(Some(row.map(|r| r.try_get_by_index::<i64>(0)).transpose()?.unwrap_or(0).max(0) as u64))
}

/// Above this many matches, reading names in order beats sorting the matches.
pub(super) const MANY_MATCHES: u64 = 400;

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
pub(super) async fn by_name<D: ConnectionTrait>(
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
