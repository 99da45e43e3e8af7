//! A search of the whole city's register read through the three-letter runs of its text
//! (`assets_trigrams`, m0032).

use super::list::{by_trigram, conditions, AssetFilter, ROW, SEARCH_CAP};
use super::AssetVisibility;
use crate::entity::{asset, org_unit};
use crate::repo::ListParams;
use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::*;

/// A page of a search of the whole city and its count up to [`SEARCH_CAP`], read from the assets that hold the
/// search's rarest three letters ([`AssetFilter::key_trigram`]; its first three when not
/// given) (`assets_trigrams`, m0032), each tested with the whole text in
/// its trigram row: the count from the trigram's rows, the page walking them in name order until
/// it is full (no sort), joined to the register only when another filter asks about the asset.
/// "akter" among the 25 000 assets at storstad reads the 4 712 rows that hold "akt" for the
/// count, where a scan of the register tested all 25 000. None for a reader of part of the
/// city, a chosen subtree, or a search shorter than three letters. Without `count`, the total
/// is 0: the caller knows it.
pub(super) fn through_trigram(
    backend: DbBackend,
    v: &AssetVisibility,
    f: &AssetFilter,
    p: &ListParams,
    n: u64,
    count: bool,
) -> Option<Statement> {
    use sea_orm::sea_query::{Alias, Order, Query, SelectStatement};
    if !by_trigram(v, f) {
        return None;
    }
    let typed = p.q.as_deref()?;
    let tri = match &f.key_trigram {
        Some(t) if crate::repo::trigrams_of(typed).contains(t) => t.clone(),
        _ => crate::repo::first_trigram(typed)?,
    };
    let t = Alias::new("assets_trigrams");
    let at = |c: &str| Expr::col((t.clone(), Alias::new(c)));
    let matched = |q: &mut SelectStatement| {
        q.from(t.clone()).and_where(at("tri").eq(match backend {
            DbBackend::Postgres => Expr::cust(crate::repo::pg_literal(&tri)),
            _ => SimpleExpr::from(tri.as_str()),
        }));
        let tests = conditions(f, p, backend, at("search_text").into());
        // The first is the search; any other reads the asset.
        if tests.len() > 1 {
            q.inner_join(asset::Entity, Expr::col((asset::Entity, asset::Column::Id)).equals((t.clone(), Alias::new("asset_id"))));
        }
        for c in tests {
            q.and_where(c);
        }
    };
    let total = if count {
        let mut upto = Query::select();
        upto.expr(Expr::cust("1"));
        matched(&mut upto);
        upto.limit(SEARCH_CAP + 1);
        let mut counted = Query::select();
        counted.expr(Expr::cust("COUNT(*)")).from_subquery(upto, Alias::new("c"));
        SimpleExpr::SubQuery(None, Box::new(counted.into_sub_query_statement()))
    } else {
        // Typed as the count would be: PostgreSQL reads a bare 0 as a 4-byte integer.
        Expr::cust("CAST(0 AS BIGINT)")
    };
    let mut page = Query::select();
    page.expr_as(at("asset_id"), Alias::new("id")).expr_as(at("name"), Alias::new("name"));
    matched(&mut page);
    let dir = if p.dir == crate::repo::Dir::Desc { Order::Desc } else { Order::Asc };
    page.order_by((t.clone(), Alias::new("name")), dir.clone())
        .order_by((t, Alias::new("asset_id")), Order::Asc)
        .limit(n)
        .offset(p.offset());
    let al = |a: &str, c: &str| Expr::col((Alias::new(a), Alias::new(c)));
    let mut q = Query::select();
    q.expr_as(total, Alias::new("total"))
        .expr(Expr::cust(ROW))
        .from_subquery(Query::select().expr(Expr::cust("1")).to_owned(), Alias::new("one"))
        .join_subquery(sea_orm::JoinType::LeftJoin, page, Alias::new("p"), Expr::cust("TRUE"))
        .join_as(sea_orm::JoinType::LeftJoin, asset::Entity, Alias::new("a"), al("a", "id").equals((Alias::new("p"), Alias::new("id"))))
        .join_as(
            sea_orm::JoinType::LeftJoin,
            org_unit::Entity,
            Alias::new("u"),
            al("u", "id").equals((Alias::new("a"), Alias::new("unit_id"))),
        )
        .join_as(
            sea_orm::JoinType::LeftJoin,
            Alias::new("users"),
            Alias::new("o"),
            al("o", "id").equals((Alias::new("a"), Alias::new("owner_user_id"))),
        )
        .order_by_expr(al("p", "name").into(), dir)
        .order_by_expr(al("p", "id").into(), Order::Asc);
    Some(backend.build(&q))
}
