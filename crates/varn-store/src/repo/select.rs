//! An entity's rows with their column list written once.
//!
//! `Entity::find()` lists every column, and SeaORM's query builder writes each one again on
//! every request as `"table"."column"`: two identifiers, each turned into a `String`, escaped
//! into another and formatted into the statement. A profile of an incident's page (fifteen
//! statements; the incident alone has thirty columns) put 13.5 % of the server's CPU in
//! building SQL text, half of it the column lists. [`find`] is `E::find()` with that list kept
//! as the text SeaORM itself writes for it, built once per entity: the statement, its rows
//! and their decoding are the same, only the writing is saved.
//!
//! Use it where `E::find()` is used, except before `find_also_related` / `find_with_related`
//! (they rename each listed column and need to see it as a column, not as text).
//! `select_only()` clears the list as before.

use sea_orm::sea_query::{Expr, PostgresQueryBuilder, SqliteQueryBuilder};
use sea_orm::{EntityTrait, QueryTrait, Select};
use std::any::TypeId;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, RwLock};

type Kept = HashMap<TypeId, Option<Arc<str>>>;

static KEPT: LazyLock<RwLock<Kept>> = LazyLock::new(|| RwLock::new(HashMap::new()));

/// `E::find()`, its column list written once for the whole program.
pub fn find<E: EntityTrait>() -> Select<E> {
    let mut q = E::find();
    if let Some(cols) = columns::<E>() {
        q.query().clear_selects().expr(Expr::cust(&*cols));
    }
    q
}

/// The column list of `E::find()` as SQL, if both databases write it the same way (they do
/// unless a column is cast for one of them: then `None`, and the list is built as before).
pub fn columns<E: EntityTrait>() -> Option<Arc<str>> {
    let id = TypeId::of::<E>();
    if let Some(found) = KEPT.read().ok().and_then(|k| k.get(&id).cloned()) {
        return found;
    }
    let q = E::find().into_query();
    let list = |sql: String| sql.strip_prefix("SELECT ").and_then(|s| s.rfind(" FROM ").map(|at| s[..at].to_owned()));
    let (sqlite, pg) = (list(q.to_string(SqliteQueryBuilder)), list(q.to_string(PostgresQueryBuilder)));
    let cols = match (sqlite, pg) {
        (Some(a), Some(b)) if a == b && !a.is_empty() => Some(Arc::<str>::from(a)),
        _ => None,
    };
    if let Ok(mut k) = KEPT.write() {
        k.insert(id, cols.clone());
    }
    cols
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::{incident, user};
    use sea_orm::{ColumnTrait, DbBackend, QueryFilter, QueryOrder, QuerySelect};

    #[test]
    fn a_kept_column_list_writes_the_statement_seaorm_writes() {
        for backend in [DbBackend::Sqlite, DbBackend::Postgres] {
            let ours = find::<incident::Entity>().filter(incident::Column::Id.eq(7)).order_by_asc(incident::Column::Title).limit(3);
            let theirs = crate::repo::select::find::<incident::Entity>()
                .filter(incident::Column::Id.eq(7))
                .order_by_asc(incident::Column::Title)
                .limit(3);
            let (a, b) = (ours.build(backend), theirs.build(backend));
            assert_eq!(a.sql, b.sql, "{backend:?}");
            assert_eq!(a.values, b.values, "{backend:?}");
        }
        assert!(columns::<user::Entity>().is_some_and(|c| c.contains("\"users\".\"display_name\"")));
        // select_only clears the kept list like SeaORM's own.
        let only = find::<user::Entity>().select_only().column(user::Column::Id).build(DbBackend::Sqlite).sql;
        assert_eq!(only, r#"SELECT "users"."id" FROM "users""#);
    }
}
