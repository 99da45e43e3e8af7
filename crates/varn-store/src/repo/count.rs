//! Counts capped for a page's header, and a page's rows read with their count.

use sea_orm::{DbBackend, Statement};

/// Counts the rows of `q`, but stops at `cap`: returns (count, exact). Counting millions of
/// audit rows for a page header costs more than the page; "more than 10 000" is enough.
pub async fn count_upto<E, C>(db: &C, q: sea_orm::Select<E>, cap: u64) -> Result<(u64, bool), sea_orm::DbErr>
where
    E: sea_orm::EntityTrait,
    C: sea_orm::ConnectionTrait,
{
    let n: i64 = match db.query_one(count_upto_statement(db.get_database_backend(), q, cap)).await? {
        Some(r) => r.try_get_by_index(0)?,
        None => 0,
    };
    Ok(capped(n, cap))
}

/// The statement of [`count_upto`]: `COUNT(*)` of at most `cap + 1` rows of `q`.
///
/// The bound is written into the statement, not bound: it is the caller's constant, and
/// PostgreSQL's plan made once for any values (session 25) takes an unknown `LIMIT` for a
/// tenth of the rows it expects. For the user list's "anna" (about 3 000 of 50 000 expected)
/// it then read the table from the start until it had 1 001 (19 000 rows, 12 ms) instead of
/// taking them from the trigram index (4 ms).
///
/// On SQLite a count of a whole table (nothing filters it: the city-wide register of a
/// coordinator) is asked as a plain `COUNT(*)` of the table ([`whole_table`]), and capped
/// after: SQLite answers that from the pages of its smallest index without stepping a row
/// (25 000 assets: 15 µs against 770 µs stepped through the `LIMIT`), for the registers in
/// [`COUNTED_WHOLE`]. PostgreSQL counts every row even so (no table keeps its count), but a
/// whole table counted bare skips the join to the units that the list's query carries: for a
/// cap of [`PG_WHOLE_FROM`] or more, which such a register's rows stay within, it reads the
/// same rows as the capped count and joins none of them (the 25 000 assets: 2.8 ms against 12
/// ms, `EXPLAIN ANALYZE`).
pub(crate) fn count_upto_statement<E: sea_orm::EntityTrait>(backend: DbBackend, q: sea_orm::Select<E>, cap: u64) -> Statement {
    use sea_orm::sea_query::Expr;
    use sea_orm::{QuerySelect, QueryTrait};
    let inner = backend.build(&q.select_only().column_as(Expr::cust("1"), "one").into_query());
    if let Some(table) = whole_table(&inner, cap) {
        return Statement { sql: format!("SELECT COUNT(*) AS \"n\" FROM \"{table}\""), values: None, db_backend: backend };
    }
    let inner = without_unit_join(inner);
    match growing_whole(&inner) {
        Some(table) => past_cap_statement(backend, table, cap),
        None => capped_count_statement(inner, cap),
    }
}

/// `inner` (a built `SELECT 1 AS "one" FROM "t" …`) without its join to the units when every
/// row of `t` has a unit ([`UNIT_REQUIRED`]) and nothing else in it names the joined units:
/// the join then keeps every row, and counting through it looked each counted row's unit up
/// (the coordinator's open incidents: 400 lookups, 75 µs against 31 µs without; all of them
/// counted to 10 001: 610 µs against 290 µs). A scope's or a filter's condition on the
/// units (`"org_units"."path" LIKE …`) keeps the join.
fn without_unit_join(inner: Statement) -> Statement {
    let kept = |sql: &str| -> Option<String> {
        let rest = sql.strip_prefix("SELECT 1 AS \"one\" FROM \"")?;
        let (table, rest) = rest.split_once('"')?;
        if !UNIT_REQUIRED.contains(&table) {
            return None;
        }
        let join = format!(" INNER JOIN \"org_units\" ON \"{table}\".\"unit_id\" = \"org_units\".\"id\"");
        let rest = rest.strip_prefix(join.as_str())?;
        (!rest.contains("\"org_units\".")).then(|| format!("SELECT 1 AS \"one\" FROM \"{table}\"{rest}"))
    };
    match kept(&inner.sql) {
        Some(sql) => Statement { sql, ..inner },
        None => inner,
    }
}

/// The table whose every row `inner` counts when it is one that grows with time (not in
/// [`COUNTED_WHOLE`]: the incidents, the audit log), so that its count is nearly always past
/// any cap.
fn growing_whole(inner: &Statement) -> Option<&str> {
    if inner.values.as_ref().is_some_and(|v| !v.0.is_empty()) {
        return None;
    }
    let rest = inner.sql.strip_prefix("SELECT 1 AS \"one\" FROM \"")?;
    let (table, rest) = rest.split_once('"')?;
    (!COUNTED_WHOLE.contains(&table) && matches!(rest, "" | " WHERE TRUE")).then_some(table)
}

/// The count of all of `table` capped at `cap` + 1, asked as "is there a row past the cap?"
/// first: stepping over `cap` rows with `OFFSET` takes a third of the time of counting them
/// through a `LIMIT` (SQLite: 10 000 incidents, 103 µs against 291 µs; no row is handed from
/// the subquery to the count). Only when there is none (a young database) is the table
/// counted, and then it holds at most `cap` rows.
fn past_cap_statement(backend: DbBackend, table: &str, cap: u64) -> Statement {
    let sql = format!(
        "SELECT CASE WHEN (SELECT 1 FROM \"{table}\" LIMIT 1 OFFSET {cap}) IS NOT NULL THEN {} ELSE (SELECT COUNT(*) FROM \"{table}\") END AS \"n\"",
        cap.saturating_add(1)
    );
    Statement { sql, values: None, db_backend: backend }
}

/// Registers sized by the organisation rather than by time, counted whole from their
/// smallest index (at storstad 3–236 pages, which stay in a connection's cache). Tables that
/// grow with every day are counted through their `LIMIT` even whole: the incidents' smallest
/// index (100 000 rows) is 1 048 pages, more than a connection's 4 MB cache, and counting it
/// whole read them from the file on every request (2.3–3.4 ms against 0.9–1.1 ms for 10 001
/// stepped); the audit log's 5 000 000 rows take 2.3 ms even cached.
const COUNTED_WHOLE: &[&str] = &["assets", "documents", "risks", "risk_analyses", "carriers", "org_units", "users", "authority_contacts"];

/// On PostgreSQL a whole table is counted bare only for a cap this large: under it, the capped
/// count stops at the cap where the bare count would read every row (the user list's 1 000 of
/// 50 000 people).
const PG_WHOLE_FROM: u64 = 10_000;

/// The tables whose `unit_id` is a required reference to `org_units` (foreign keys are on): a
/// join of their rows to their unit keeps every row.
const UNIT_REQUIRED: &[&str] = &["assets", "documents", "risks", "risk_analyses", "carriers", "incidents"];

/// The table whose rows `inner` (a built `SELECT 1 AS "one" …`) counts, when it counts every
/// row of it: nothing but the table, joined at most to the unit every row must have, with no
/// condition or `WHERE TRUE` (a city-wide scope); on PostgreSQL only when counted up to `cap`
/// of at least [`PG_WHOLE_FROM`].
pub(crate) fn whole_table(inner: &Statement, cap: u64) -> Option<&str> {
    if inner.db_backend == DbBackend::Postgres && cap < PG_WHOLE_FROM {
        return None;
    }
    if !matches!(inner.db_backend, DbBackend::Sqlite | DbBackend::Postgres) || inner.values.as_ref().is_some_and(|v| !v.0.is_empty()) {
        return None;
    }
    let rest = inner.sql.strip_prefix("SELECT 1 AS \"one\" FROM \"")?;
    let (table, rest) = rest.split_once('"')?;
    if !COUNTED_WHOLE.contains(&table) {
        return None;
    }
    let join = format!(" INNER JOIN \"org_units\" ON \"{table}\".\"unit_id\" = \"org_units\".\"id\"");
    let rest = match rest.strip_prefix(join.as_str()) {
        Some(r) if UNIT_REQUIRED.contains(&table) => r,
        Some(_) => return None,
        None => rest,
    };
    matches!(rest, "" | " WHERE TRUE").then_some(table)
}

/// `COUNT(*)` of at most `cap + 1` rows of a built statement (a union, say), the bound
/// written in as for [`count_upto_statement`].
pub(crate) fn capped_count_statement(inner: Statement, cap: u64) -> Statement {
    let sql = format!("SELECT COUNT(*) AS \"n\" FROM ({} LIMIT {}) AS \"t\"", inner.sql, cap.saturating_add(1));
    Statement { sql, values: inner.values, db_backend: inner.db_backend }
}

/// A count as read (past `cap` where it is not exact) from what [`capped`] made of it.
fn uncapped((total, exact): (u64, bool), cap: u64) -> i64 {
    let n = if exact { total } else { cap.saturating_add(1) };
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn capped(n: i64, cap: u64) -> (u64, bool) {
    let n = n.max(0) as u64;
    if n > cap {
        (cap, false)
    } else {
        (n, true)
    }
}

/// A page's rows and the count of `counted` up to `cap` ([`count_upto`]), read together: one
/// hand-off to SQLite's connection thread instead of two (`crate::batch`).
pub async fn page_counted<E, S, C>(
    db: &C,
    counted: sea_orm::Select<E>,
    cap: u64,
    rows: sea_orm::Selector<S>,
) -> Result<(Vec<S::Item>, u64, bool), sea_orm::DbErr>
where
    E: sea_orm::EntityTrait,
    S: sea_orm::SelectorTrait,
    C: sea_orm::ConnectionTrait + 'static,
{
    let mut b = crate::batch::Reads::on(db);
    let page = CountedPage::add(&mut b, counted, cap, rows);
    let mut got = b.run(db).await?;
    page.take(&mut got)
}

/// [`page_counted`], or only the rows where the count is `known` (kept beside the list, as
/// [`page_counted`] gave it).
pub async fn page_counted_or_known<E, S, C>(
    db: &C,
    counted: sea_orm::Select<E>,
    cap: u64,
    rows: sea_orm::Selector<S>,
    known: Option<(u64, bool)>,
) -> Result<(Vec<S::Item>, u64, bool), sea_orm::DbErr>
where
    E: sea_orm::EntityTrait,
    S: sea_orm::SelectorTrait,
    C: sea_orm::ConnectionTrait + 'static,
{
    match known {
        Some((total, exact)) => Ok((rows.all(db).await?, total, exact)),
        None => page_counted(db, counted, cap, rows).await,
    }
}

/// [`page_counted`] with the count of the rows `inner` (a built `SELECT 1 AS "one" FROM …`)
/// selects, up to `cap`: for a count that reads fewer tables than the page.
pub async fn page_counted_by<S, C>(
    db: &C,
    inner: Statement,
    cap: u64,
    rows: sea_orm::Selector<S>,
) -> Result<(Vec<S::Item>, u64, bool), sea_orm::DbErr>
where
    S: sea_orm::SelectorTrait,
    C: sea_orm::ConnectionTrait + 'static,
{
    let mut b = crate::batch::Reads::on(db);
    let page = CountedPage { count: Count::Read(b.add_statement(capped_count_statement(inner, cap))), rows: b.add(rows), cap };
    let mut got = b.run(db).await?;
    page.take(&mut got)
}

/// A page's count: read in the batch, or known to the caller (a count kept beside the list).
#[derive(Debug)]
enum Count {
    Read(crate::batch::Pending<sea_orm::SelectGetableTuple<i64>>),
    Known(i64),
}

/// The two reads of [`page_counted`] added to a larger batch: take them with
/// [`CountedPage::take`] once it has run.
#[derive(Debug)]
#[must_use = "take the rows with CountedPage::take"]
pub struct CountedPage<S> {
    count: Count,
    rows: crate::batch::Pending<S>,
    cap: u64,
}

impl<S: sea_orm::SelectorTrait> CountedPage<S> {
    /// Adds the rows and the count of `counted` up to `cap` to `b`.
    pub fn add<E: sea_orm::EntityTrait>(
        b: &mut crate::batch::Reads,
        counted: sea_orm::Select<E>,
        cap: u64,
        rows: sea_orm::Selector<S>,
    ) -> Self {
        let count = b.add_statement(count_upto_statement(b.backend(), counted, cap));
        CountedPage { count: Count::Read(count), rows: b.add(rows), cap }
    }

    /// [`CountedPage::add`], or only the rows where the count is `known` (kept beside the
    /// list: the total up to `cap` and whether it is exact, as [`CountedPage::take`] gave it).
    pub fn add_or_known<E: sea_orm::EntityTrait>(
        b: &mut crate::batch::Reads,
        counted: sea_orm::Select<E>,
        cap: u64,
        rows: sea_orm::Selector<S>,
        known: Option<(u64, bool)>,
    ) -> Self {
        match known {
            Some(k) => Self::known(b, uncapped(k, cap), cap, rows),
            None => Self::add(b, counted, cap, rows),
        }
    }

    /// Adds the rows of a list whose count the caller already knows (from a count kept
    /// beside the list, such as a heat map's total of the same rows).
    pub fn known(b: &mut crate::batch::Reads, total: i64, cap: u64, rows: sea_orm::Selector<S>) -> Self {
        CountedPage { count: Count::Known(total), rows: b.add(rows), cap }
    }

    /// Adds a page's rows and the statement of their count up to `cap`
    /// ([`count_upto_statement`]), both already built (kept in a [`crate::repo::memo::Memo`]);
    /// the count is not read when the caller `known`s it.
    pub fn add_built(b: &mut crate::batch::Reads, (rows, count): (Statement, Statement), known: Option<i64>, cap: u64) -> Self {
        let count = match known {
            Some(n) => Count::Known(n),
            None => Count::Read(b.add_statement(count)),
        };
        CountedPage { count, rows: b.add_statement(rows), cap }
    }

    /// The rows, the count and whether it is exact.
    pub fn take(self, got: &mut crate::batch::Got) -> Result<(Vec<S::Item>, u64, bool), sea_orm::DbErr> {
        let n = match self.count {
            Count::Read(count) => got.take_one(count)?.unwrap_or(0),
            Count::Known(n) => n,
        };
        let (total, exact) = capped(n, self.cap);
        Ok((got.take(self.rows)?, total, exact))
    }
}

#[cfg(test)]
mod tests {
    use crate::entity::{asset, audit_log, document, incident};
    use sea_orm::{ColumnTrait, DbBackend, EntityTrait, JoinType, QueryFilter, QuerySelect, RelationTrait};

    fn count_sql<E: EntityTrait>(backend: DbBackend, q: sea_orm::Select<E>) -> String {
        super::count_upto_statement(backend, q, 10_000).sql
    }

    #[test]
    fn a_whole_table_is_counted_bare_and_anything_narrower_to_its_cap() {
        let capped = |t: &str| format!("SELECT COUNT(*) AS \"n\" FROM (SELECT 1 AS \"one\" FROM \"{t}\"");
        // The whole register, alone or joined to the unit every asset must have.
        assert_eq!(count_sql(DbBackend::Sqlite, asset::Entity::find()), "SELECT COUNT(*) AS \"n\" FROM \"assets\"");
        let joined = document::Entity::find().join(JoinType::InnerJoin, document::Relation::Unit.def());
        assert_eq!(
            count_sql(DbBackend::Sqlite, joined.clone().filter(sea_orm::sea_query::Expr::cust("TRUE"))),
            "SELECT COUNT(*) AS \"n\" FROM \"documents\""
        );
        // Any condition, bound value or not, is counted through the rows, as is PostgreSQL.
        assert!(count_sql(DbBackend::Sqlite, asset::Entity::find().filter(asset::Column::UnitId.eq(3))).starts_with(&capped("assets")));
        let adopted = joined.filter(document::Column::Status.eq("gallande"));
        assert!(count_sql(DbBackend::Sqlite, adopted).starts_with(&capped("documents")));
        let in_unit = asset::Entity::find().filter(sea_orm::sea_query::Expr::cust("\"assets\".\"unit_id\" = 3"));
        assert!(count_sql(DbBackend::Sqlite, in_unit).starts_with(&capped("assets")));
        // PostgreSQL counts a whole table bare for a large cap, through its cap for a small one.
        assert_eq!(count_sql(DbBackend::Postgres, asset::Entity::find()), "SELECT COUNT(*) AS \"n\" FROM \"assets\"");
        let small = super::count_upto_statement(DbBackend::Postgres, asset::Entity::find(), 1_000).sql;
        assert!(small.starts_with(&capped("assets")) && small.ends_with("LIMIT 1001) AS \"t\""), "{small}");
        let in_unit_pg = asset::Entity::find().filter(asset::Column::UnitId.eq(3));
        assert!(count_sql(DbBackend::Postgres, in_unit_pg).starts_with(&capped("assets")));
        // The incidents and the audit log grow with time: whole, they are asked whether a row
        // lies past the cap (the join to the units every incident has left out), on both.
        let past = |t: &str| {
            format!(
                "SELECT CASE WHEN (SELECT 1 FROM \"{t}\" LIMIT 1 OFFSET 10000) IS NOT NULL THEN 10001 ELSE (SELECT COUNT(*) FROM \"{t}\") END AS \"n\""
            )
        };
        assert_eq!(count_sql(DbBackend::Sqlite, audit_log::Entity::find()), past("audit_log"));
        let all_incidents = incident::Entity::find().join(JoinType::InnerJoin, incident::Relation::Unit.def());
        assert_eq!(count_sql(DbBackend::Sqlite, all_incidents.clone()), past("incidents"));
        assert_eq!(count_sql(DbBackend::Postgres, all_incidents.clone()), past("incidents"));
        // Filtered, they are counted to their cap, without the join when nothing names the
        // units, through it when the scope's condition does.
        let open = all_incidents.clone().filter(incident::Column::Status.ne("avslutad"));
        let sql = count_sql(DbBackend::Sqlite, open);
        assert!(sql.starts_with(&format!("{} WHERE", capped("incidents"))) && sql.ends_with("LIMIT 10001) AS \"t\""), "{sql}");
        let scoped = all_incidents.filter(sea_orm::sea_query::Expr::cust("\"org_units\".\"path\" LIKE '/1/3/%'"));
        assert!(count_sql(DbBackend::Sqlite, scoped).starts_with(&format!("{} INNER JOIN \"org_units\"", capped("incidents"))));
        // A unit's name or path named in a subquery of its own keeps the join as well.
        let sql = "SELECT 1 AS \"one\" FROM \"documents\" INNER JOIN \"org_units\" ON \"documents\".\"unit_id\" = \"org_units\".\"id\" WHERE \"org_units\".\"name\" = 'x'";
        let kept = super::without_unit_join(sea_orm::Statement::from_string(DbBackend::Sqlite, sql));
        assert_eq!(kept.sql, sql);
        let sql = sql.replace(" WHERE \"org_units\".\"name\" = 'x'", " WHERE \"documents\".\"status\" = 'gallande'");
        let left = super::without_unit_join(sea_orm::Statement::from_string(DbBackend::Sqlite, sql));
        assert_eq!(left.sql, "SELECT 1 AS \"one\" FROM \"documents\" WHERE \"documents\".\"status\" = 'gallande'");
        // A join to the units from a table whose rows need not have one could drop rows.
        let sql = "SELECT 1 AS \"one\" FROM \"users\" INNER JOIN \"org_units\" ON \"users\".\"unit_id\" = \"org_units\".\"id\"";
        assert_eq!(super::whole_table(&sea_orm::Statement::from_string(DbBackend::Sqlite, sql), 10_000), None);
        let sql = sql.replace("users", "risks");
        assert_eq!(super::whole_table(&sea_orm::Statement::from_string(DbBackend::Sqlite, sql), 10_000), Some("risks"));
    }

    #[test]
    fn a_postgresql_literal_cannot_be_ended_by_what_it_holds() {
        assert_eq!(crate::repo::pg_literal("%anna%"), "E'%anna%'");
        assert_eq!(crate::repo::pg_literal("o'brien"), "E'o''brien'");
        // A backslash before the quote must not escape it.
        assert_eq!(crate::repo::pg_literal("\\'; drop table users; --"), "E'\\\\''; drop table users; --'");
        assert_eq!(crate::repo::pg_literal("a\0b"), "E'ab'");
        assert_eq!(crate::repo::pg_literal("åäö \u{1F600}"), "E'åäö \u{1F600}'");
    }
}
