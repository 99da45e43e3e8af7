//! PostgreSQL's way through a name search that many people match: the people who hold the
//! search's first trigram, in name order (`users_trigrams`, m0028).

use crate::entity::user;
use sea_orm::*;

/// PostgreSQL's page of a search that many people match, read from the people who hold the
/// search's first three letters (`users_trigrams`, m0028) in the key's order (name, id), each
/// tested with all of `q`'s conditions where `ix_users_name_order` holds the columns they read
/// (the folded texts and `active`: an index-only look-up, m0018). `q` is the search with the
/// name's condition, ordered by name (then id) and paged. The test is a `LATERAL` sub-query
/// with its own `LIMIT 1`, which the planner cannot turn into a join: without it, the planner,
/// trusting the trigram index's estimate of the matches, joined all the people who hold the
/// trigram to all who match and sorted them (58 ms for "anna" against 0.4 ms). None when the
/// text is shorter than three letters or `q` is not ordered by name.
pub(super) fn through_trigram(q: Select<user::Entity>, typed: &str) -> Option<Statement> {
    let tri = crate::repo::first_trigram(typed)?;
    let mut page = q.select_only().column(user::Column::Id).build(DbBackend::Postgres);
    let head = "SELECT \"users\".\"id\" FROM \"users\" WHERE ";
    let order = page.sql.find("ORDER BY \"users\".\"display_name\" ASC")?;
    let end = page.sql[order..].find(" LIMIT ").map_or(page.sql.len(), |i| order + i);
    page.sql.replace_range(
        order..end,
        &format!(
            ") LIMIT 1) AS \"x\" WHERE \"t\".\"tri\" = {} ORDER BY \"t\".\"display_name\" ASC, \"t\".\"user_id\" ASC",
            crate::repo::pg_literal(&tri)
        ),
    );
    if !page.sql.starts_with(head) {
        return None;
    }
    page.sql.replace_range(
        ..head.len(),
        "SELECT \"t\".\"user_id\" FROM \"users_trigrams\" AS \"t\", LATERAL (SELECT 1 FROM \"users\" WHERE \
         \"users\".\"display_name\" = \"t\".\"display_name\" AND \"users\".\"id\" = \"t\".\"user_id\" AND (",
    );
    // The page's rows by their ids, in the same order (the sub-query's values are the
    // statement's only ones, so their numbers stand).
    let rows = crate::repo::select::find::<user::Entity>().build(DbBackend::Postgres).sql;
    page.sql = format!("{rows} WHERE \"users\".\"id\" IN ({}) ORDER BY \"users\".\"display_name\" ASC, \"users\".\"id\" ASC", page.sql);
    Some(page)
}
