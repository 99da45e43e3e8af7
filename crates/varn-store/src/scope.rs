//! Turns a domain [`Scope`] into a SQL condition on a path column.

use sea_orm::sea_query::{BinOper, Expr, SimpleExpr};
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
}
