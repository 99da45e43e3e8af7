//! Turns a domain [`Scope`] into a SQL condition on a path column.

use sea_orm::sea_query::{Expr, SimpleExpr};
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
                c = c.add(col.clone().like(p.like_pattern()));
            }
            c
        }
    }
}
