//! SQLite's ways through a name search: the folded text where `ix_users_name_order` holds it
//! (m0026), the people who hold a trigram in name order (`users_trigrams`, m0027), and a small
//! area's people read once to be tested in memory.

use crate::entity::user;
use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::*;

/// `typed` as the folded columns of the name-order index (migration m0026) hold text: in small
/// letters. None when it is empty or holds a letter the columns' fold does not cover (a capital
/// of it in a name would not match its small form: such a search goes through the trigram
/// index, which folds every letter) or a control character.
fn folded(typed: &str) -> Option<String> {
    let small = typed.trim().to_lowercase();
    let covered = |c: char| {
        (c.is_ascii() && !c.is_ascii_control())
            || crate::migration::m0026_people_search_sqlite::CAPITALS.chars().any(|k| k.to_lowercase().eq(std::iter::once(c)))
    };
    (!small.is_empty() && small.chars().all(covered)).then_some(small)
}

/// SQLite's page of a search that many people match, read in name order from the people who
/// hold the search's first three letters (`users_trigrams`, m0027), each tested with the whole
/// text where `ix_users_name_order` holds their folded name (m0026). `arranged` is the search
/// without the name's condition, ordered by name (then id) and paged. None when the text is
/// shorter than three letters, holds a letter the fold does not cover ([`folded`]) or
/// `arranged` is not ordered by name.
pub(super) fn through_trigram(arranged: Select<user::Entity>, typed: &str, email: bool) -> Option<Statement> {
    let small = folded(typed)?;
    let tri: String = small.chars().take(3).collect();
    if tri.chars().count() < 3 {
        return None;
    }
    let test = format!("\"t\".\"tri\" = ? AND {}", folded_test("t", "user_id", email));
    let mut st = arranged.filter(Expr::cust_with_values(test, [tri, small])).build(DbBackend::Sqlite);
    // The people who hold the trigram, in the trigram key's order (name, id), are the outer
    // loop (CROSS JOIN keeps SQLite from reordering), so the page needs no sort.
    let order = st.sql.find("ORDER BY \"users\".\"display_name\" ASC")?;
    let end = st.sql[order..].find(" LIMIT ").map_or(st.sql.len(), |i| order + i);
    st.sql.replace_range(order..end, "ORDER BY \"t\".\"display_name\" ASC, \"t\".\"user_id\" ASC");
    let from = "FROM \"users\" WHERE";
    let at = st.sql.find(from)?;
    st.sql.replace_range(
        at..at + from.len(),
        "FROM \"users_trigrams\" AS \"t\" CROSS JOIN \"users\" ON \"users\".\"id\" = \"t\".\"user_id\" WHERE",
    );
    Some(st)
}

/// SQLite's test of one person (the row `outer`, its id in `id`) against the folded search
/// text (one `?`), where `ix_users_name_order` holds their folded name and sign-in name (with
/// `email`, and e-mail): a seek by name and id, not the virtual column computed from the row.
fn folded_test(outer: &str, id: &str, email: bool) -> String {
    let column = if email { "search_text" } else { "search_name" };
    format!(
        "EXISTS (SELECT 1 FROM \"users\" AS \"n\" INDEXED BY \"ix_users_name_order\" WHERE \"n\".\"display_name\" = \
         \"{outer}\".\"display_name\" AND \"n\".\"id\" = \"{outer}\".\"{id}\" AND instr(\"n\".\"{column}\", ?) > 0)"
    )
}

/// Up to this many people in the reader's area, SQLite tests each of them rather than taking
/// the search's matches from the trigram index (a head's 75 people: 0.2 ms against 1.1 ms for
/// the 4 000 who hold "ann" in the city).
const SMALL_AREA: u64 = 500;

/// SQLite's test of a search in a narrowed area (`area`: the people the reader may see, not
/// yet searched): when the area holds at most [`SMALL_AREA`] people, the folded text's test
/// ([`folded_test`]), with which each of them is tested, in place of the trigram index's
/// condition, which first collects every match in the city. None when the area is larger, the
/// database is not SQLite or the fold does not cover the text. Whether the area is small is
/// taken from `small` when it is known, and otherwise counted and left there: it chooses only
/// how the same people are found, so a caller may keep it between writes.
pub(super) async fn small_area_test<D: ConnectionTrait>(
    db: &D,
    area: &Select<user::Entity>,
    typed: &str,
    email: bool,
    small: &mut Option<bool>,
) -> Result<Option<SimpleExpr>, DbErr> {
    let Some(folded) = folded(typed).filter(|_| db.get_database_backend() == DbBackend::Sqlite) else { return Ok(None) };
    let is_small = match *small {
        Some(known) => known,
        None => *small.insert(crate::repo::count_upto(db, area.clone(), SMALL_AREA).await?.1),
    };
    if !is_small {
        return Ok(None);
    }
    Ok(Some(Expr::cust_with_values(folded_test("users", "id", email), [folded])))
}

/// One of the people of a small area, as the person picker tests them in memory
/// ([`small_area_people`]).
#[derive(Debug, Clone, FromQueryResult)]
pub struct AreaPerson {
    /// Id.
    pub id: i64,
    /// Sign-in name.
    pub username: String,
    /// Name.
    pub display_name: String,
    /// The name and sign-in name, folded as `ix_users_name_order` holds them (m0026).
    pub search_name: String,
}

impl AreaPerson {
    /// Whether the person matches the folded search text ([`picker_text`]): the test SQLite
    /// makes of each person of a small area (`instr`, byte for byte).
    pub fn matches(&self, folded: &str) -> bool {
        self.search_name.contains(folded)
    }
}

/// The search text as a small area's people are tested with it ([`AreaPerson::matches`]):
/// in small letters; None where the fold of the names does not cover it (such a search goes
/// through the database).
pub fn picker_text(typed: &str) -> Option<String> {
    folded(typed)
}

/// The active people of the reader's area (`scope`, a part of the city) in the picker's
/// order (by name, then id), with their folded names, when the area holds at most
/// [`SMALL_AREA`] and the database is SQLite; None otherwise (the whole city, a large area,
/// PostgreSQL). What a caller may keep between writes and test in memory for every search of
/// the area: a head's 89 people were 1 300k instructions of SQLite's to test for each search.
pub async fn small_area_people<D: ConnectionTrait>(db: &D, scope: &varn_domain::Scope) -> Result<Option<Vec<AreaPerson>>, DbErr> {
    if db.get_database_backend() != DbBackend::Sqlite || scope.is_all() || scope.is_none() {
        return Ok(None);
    }
    let people = super::visible(scope, None)
        .filter(user::Column::Active.eq(true))
        .select_only()
        .columns([user::Column::Id, user::Column::Username, user::Column::DisplayName])
        .column_as(Expr::col((user::Entity, sea_orm::sea_query::Alias::new("search_name"))), "search_name")
        .order_by_asc(user::Column::DisplayName)
        .order_by_asc(user::Column::Id)
        .limit(SMALL_AREA + 1)
        .into_model::<AreaPerson>()
        .all(db)
        .await?;
    Ok((people.len() as u64 <= SMALL_AREA).then_some(people))
}
