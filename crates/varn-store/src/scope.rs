//! Turns a domain [`Scope`] into a SQL condition on a path column.

use crate::entity::org_unit;
use sea_orm::sea_query::{BinOper, Expr, Query, SimpleExpr};
use sea_orm::Condition;
use varn_domain::Scope;

/// The condition that keeps rows whose organisation path (in `col`) lies within `scope`.
/// Rows with no path are visible only to a city-wide scope.
pub fn scope_condition(scope: &Scope, col: SimpleExpr) -> Condition {
    match scope {
        Scope::All => Condition::all(),
        Scope::None => Condition::all().add(Expr::val(1).eq(0)),
        Scope::Units(paths) => {
            let mut c = Condition::any();
            for p in paths {
                c = c.add(under_path(col.clone(), p.as_str()));
            }
            c
        }
    }
}

/// The condition that keeps rows whose unit (the id in `unit_col`) lies within `scope`:
/// `unit_col IN (SELECT id FROM org_units WHERE path LIKE …)`. Unlike [`scope_condition`] on a
/// joined unit's path, the subtree's ids are read once by the path index, and the database
/// may look the rows up by their unit (SQLite combines it with other `OR` terms by their own
/// indexes instead of reading every candidate row and its unit).
pub fn units_in_scope(scope: &Scope, unit_col: Expr) -> Condition {
    match scope {
        Scope::All => Condition::all(),
        Scope::None => Condition::all().add(Expr::val(1).eq(0)),
        Scope::Units(_) => {
            let units = Query::select()
                .column(org_unit::Column::Id)
                .from(org_unit::Entity)
                .cond_where(scope_condition(scope, Expr::col((org_unit::Entity, org_unit::Column::Path)).into()))
                .to_owned();
            Condition::all().add(unit_col.in_subquery(units))
        }
    }
}

/// Whether `path` may be written into a statement: a unit's path is digits and slashes.
fn plain(path: &str) -> bool {
    !path.is_empty() && path.bytes().all(|b| b.is_ascii_digit() || b == b'/')
}

/// `col LIKE '<path>%'`: the unit at `path` and its subtree. The path is written into the
/// statement rather than bound: SQLite plans a `LIKE` by its pattern's prefix (the path
/// index), and a statement whose plan depends on a bound value is prepared again at every
/// execution, which cost a fifth of a page's CPU. Only digits and slashes are written; any
/// other text matches nothing.
pub fn under_path(col: SimpleExpr, path: &str) -> SimpleExpr {
    if plain(path) {
        col.binary(BinOper::Like, Expr::cust(format!("'{path}%'")))
    } else {
        Expr::val(1).eq(0)
    }
}

/// [`under_path`] for a statement written by hand: `<col> LIKE '<path>%'`.
pub fn under_path_sql(col: &str, path: &str) -> String {
    if plain(path) {
        format!("{col} LIKE '{path}%'")
    } else {
        "1 = 0".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::sea_query::{Alias, Query, SqliteQueryBuilder};

    #[test]
    fn a_path_is_written_in_and_anything_else_matches_nothing() {
        let sql = |path: &str| {
            Query::select()
                .column(Alias::new("id"))
                .from(Alias::new("org_units"))
                .and_where(under_path(Expr::col(Alias::new("path")).into(), path))
                .to_string(SqliteQueryBuilder)
        };
        assert!(sql("/1/3/").ends_with(r#"WHERE "path" LIKE ('/1/3/%')"#), "{}", sql("/1/3/"));
        assert!(sql("/1/' OR '1'='1").ends_with("WHERE 1 = 0"), "{}", sql("/1/' OR '1'='1"));
        assert!(sql("").ends_with("WHERE 1 = 0"));
        assert_eq!(under_path_sql("o.path", "/1/30/"), "o.path LIKE '/1/30/%'");
        assert_eq!(under_path_sql("o.path", "/1/%"), "1 = 0");
    }

    #[test]
    fn units_in_scope_reads_the_subtrees_ids_by_their_paths() {
        let sql = |scope: &Scope| {
            Query::select()
                .column(Alias::new("id"))
                .from(Alias::new("incidents"))
                .cond_where(units_in_scope(scope, Expr::col(Alias::new("unit_id"))))
                .to_string(SqliteQueryBuilder)
        };
        let two = Scope::Units(["/1/3/", "/1/7/"].into_iter().filter_map(|p| varn_domain::OrgPath::parse(p).ok()).collect());
        assert!(
            sql(&two).ends_with(
                r#"WHERE "unit_id" IN (SELECT "id" FROM "org_units" WHERE "org_units"."path" LIKE ('/1/3/%') OR "org_units"."path" LIKE ('/1/7/%'))"#
            ),
            "{}",
            sql(&two)
        );
        assert!(sql(&Scope::None).ends_with("WHERE 1 = 0"), "{}", sql(&Scope::None));
        assert!(!sql(&Scope::All).contains("org_units"), "the whole city needs no subtree: {}", sql(&Scope::All));
    }
}
