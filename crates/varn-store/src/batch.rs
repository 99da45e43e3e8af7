//! Several independent reads of one page, sent to the database together.
//!
//! Upstream SQLx runs each SQLite connection on a thread of its own, so every statement is a
//! hand-off to that thread and back (a profile of an incident's page, twelve statements: a
//! third of the server's CPU in the kernel's `finish_task_switch`). Värn's pools now run on the
//! calling task (vendor/sqlx-sqlite/VARN-PATCH.md); a batch still pays one acquire, one command
//! and one read transaction for all of a page's reads. [`Reads`] gathers a page's statements
//! and, on SQLite, sends them to one connection as one multi-statement command (SQLite
//! prepares them one after the other and each binds its own parameters in order). On
//! PostgreSQL, and on a connection that is not the read pool (a transaction), the statements
//! run one after the other. The SQL of each statement is the same on both paths: built by SeaORM or
//! written with `?` parameters, as every repository function builds it.
//!
//! SQLx 0.8 still runs several statements in one SQLite command through `Executor::fetch_many`
//! but has marked that behaviour deprecated (launchbadge/sqlx#3108); the test
//! `store::a_batch_of_reads_gives_each_read_its_own_rows` fails if an upgrade changes it.
//!
//! ```ignore
//! let mut reads = Reads::on(db);
//! let duties = reads.add(repo::duties_query(id));
//! let events = reads.add(repo::events_query(id));
//! let mut got = reads.run(db).await?;
//! let (duties, events) = (got.take(duties)?, got.take(events)?);
//! ```

use sea_orm::sea_query::Values;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, DbErr, QueryResult, RuntimeErr, SelectorTrait, Statement};
use std::marker::PhantomData;

/// A page's reads, gathered to be sent together.
#[derive(Debug)]
pub struct Reads {
    backend: DbBackend,
    statements: Vec<Statement>,
}

/// The place of one read's rows in [`Got`], and how to decode them.
#[derive(Debug)]
#[must_use = "take the rows with Got::take"]
pub struct Pending<S> {
    index: usize,
    selector: PhantomData<S>,
}

/// The rows of each read, in the order they were added.
#[derive(Debug)]
pub struct Got {
    rows: Vec<Option<Vec<QueryResult>>>,
}

impl Reads {
    /// No reads yet, for this database.
    pub fn new(backend: DbBackend) -> Self {
        Reads { backend, statements: Vec::new() }
    }

    /// No reads yet, for `db`'s database.
    pub fn on<D: ConnectionTrait>(db: &D) -> Self {
        Self::new(db.get_database_backend())
    }

    /// Adds a SeaORM query (`Entity::find()….into_model::<T>()`, `.into_tuple()`, …) or a
    /// kept one ([`crate::repo::kept`]).
    pub fn add<R: crate::repo::kept::Read>(&mut self, q: R) -> Pending<R::S> {
        let st = q.statement(self.backend);
        self.push(st)
    }

    /// Adds a statement already built for this database, whose rows `S` decodes (e.g.
    /// `SelectModel<Row>` for a `FromQueryResult` row).
    pub fn add_statement<S: SelectorTrait>(&mut self, st: Statement) -> Pending<S> {
        self.push(st)
    }

    fn push<S>(&mut self, st: Statement) -> Pending<S> {
        self.statements.push(st);
        Pending { index: self.statements.len() - 1, selector: PhantomData }
    }

    /// The statements gathered (for tests).
    #[cfg(test)]
    pub(crate) fn statements(&self) -> &[Statement] {
        &self.statements
    }

    /// The database the reads are built for.
    pub fn backend(&self) -> DbBackend {
        self.backend
    }

    /// How many reads are gathered.
    pub fn len(&self) -> usize {
        self.statements.len()
    }

    /// Whether none are.
    pub fn is_empty(&self) -> bool {
        self.statements.is_empty()
    }

    /// Runs every read: on SQLite's read pool as one command to one connection, otherwise one
    /// after the other on `db`.
    pub async fn run<D: ConnectionTrait + 'static>(self, db: &D) -> Result<Got, DbErr> {
        if self.statements.len() > 1 && self.statements.iter().all(plain_parameters) {
            if let Some(conn @ DatabaseConnection::SqlxSqlitePoolConnection(_)) =
                (db as &dyn std::any::Any).downcast_ref::<DatabaseConnection>()
            {
                return together(conn.get_sqlite_connection_pool(), self.statements).await;
            }
        }
        let mut rows = Vec::with_capacity(self.statements.len());
        for st in self.statements {
            rows.push(Some(db.query_all(st).await?));
        }
        Ok(Got { rows })
    }
}

impl Got {
    /// The rows of one read, decoded. Each read's rows can be taken once.
    pub fn take<S: SelectorTrait>(&mut self, p: Pending<S>) -> Result<Vec<S::Item>, DbErr> {
        let rows = self
            .rows
            .get_mut(p.index)
            .and_then(Option::take)
            .ok_or_else(|| DbErr::Custom(format!("read {} of a batch was taken already or never run", p.index)))?;
        rows.into_iter().map(S::from_raw_query_result).collect()
    }

    /// The first row of one read, decoded (`None` if it returned none).
    pub fn take_one<S: SelectorTrait>(&mut self, p: Pending<S>) -> Result<Option<S::Item>, DbErr> {
        Ok(self.take(p)?.into_iter().next())
    }

    /// The rows of a read that was added only when needed (none if it was not).
    pub fn take_if<S: SelectorTrait>(&mut self, p: Option<Pending<S>>) -> Result<Vec<S::Item>, DbErr> {
        p.map_or(Ok(Vec::new()), |p| self.take(p))
    }

    /// The first row of a read that was added only when needed (`None` if it was not, or it
    /// returned none).
    pub fn take_one_if<S: SelectorTrait>(&mut self, p: Option<Pending<S>>) -> Result<Option<S::Item>, DbErr> {
        p.map_or(Ok(None), |p| self.take_one(p))
    }
}

/// Whether a statement's parameters are all plain `?` (or `$n` on PostgreSQL, which never
/// takes the joined path). A numbered SQLite parameter (`?1`) names its place in the whole
/// command, not in its own statement, so such a statement is run on its own.
fn plain_parameters(st: &Statement) -> bool {
    // Each `?` found by `match_indices` (a `memchr`), where a byte-pair window over the whole
    // text took 2 % of a document page's CPU.
    let numbered = st.sql.match_indices('?').any(|(i, _)| st.sql.as_bytes().get(i + 1).is_some_and(u8::is_ascii_digit));
    !numbered && !st.sql.trim_end().ends_with(';')
}

fn sqlx_err(e: sqlx::Error) -> DbErr {
    DbErr::Query(RuntimeErr::SqlxError(e))
}

/// The statements as one command on one SQLite connection: their SQL joined with `;`, their
/// parameters in the same order, between `BEGIN` and `COMMIT`. SQLx steps through them one
/// statement at a time, binding each its own parameters, and marks the end of each statement's
/// rows with its result. The transaction makes the reads one snapshot of the database (a write
/// committed between two of them is seen by neither or both) and takes SQLite's read lock once
/// for all of them: on their own each statement takes and releases it (two `fcntl` calls on
/// the shared-memory file, 5 % of the CPU of an incident's page of ten reads).
async fn together(pool: &sqlx::SqlitePool, statements: Vec<Statement>) -> Result<Got, DbErr> {
    use futures_util::StreamExt;
    use sqlx::Executor;
    let n = statements.len();
    let mut sql = String::with_capacity(statements.iter().map(|s| s.sql.len() + 2).sum::<usize>() + 16);
    sql.push_str("BEGIN");
    let mut values = Vec::new();
    for st in statements {
        sql.push_str(";\n");
        sql.push_str(&st.sql);
        if let Some(v) = st.values {
            values.extend(v.0);
        }
    }
    sql.push_str(";\nCOMMIT");
    let mut conn = CloseUnlessClean { conn: pool.acquire().await.map_err(sqlx_err)?, clean: false };
    let query = sqlx::query_with(&sql, sea_query_binder::SqlxValues(Values(values)));
    // BEGIN's result, each read's, COMMIT's.
    let mut rows: Vec<Option<Vec<QueryResult>>> = Vec::with_capacity(n + 2);
    let mut current = Vec::new();
    let mut failed = None;
    {
        let mut stream = (&mut *conn.conn).fetch_many(query);
        while let Some(item) = stream.next().await {
            match item {
                Ok(sqlx::Either::Left(_done)) => rows.push(Some(std::mem::take(&mut current))),
                Ok(sqlx::Either::Right(row)) => current.push(QueryResult::from(row)),
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            }
        }
    }
    if let Some(e) = failed {
        // The transaction is open on a connection that goes back to the pool: end it, or
        // close the connection.
        conn.clean = sqlx::query("ROLLBACK").execute(&mut *conn.conn).await.is_ok();
        return Err(sqlx_err(e));
    }
    if rows.len() != n + 2 {
        return Err(DbErr::Custom(format!("a batch of {n} reads returned {} results", rows.len().saturating_sub(2))));
    }
    conn.clean = true;
    rows.pop();
    rows.remove(0);
    Ok(Got { rows })
}

/// A batch's connection, closed instead of returned to the pool unless the batch ended cleanly
/// (its `COMMIT` run, or its `ROLLBACK` after a failure). When a request is dropped while its
/// batch runs (the client went away) on a connection with a worker thread, the thread stops
/// between two statements, perhaps after `BEGIN` and before `COMMIT`: returned to the pool,
/// that connection would read an old snapshot and fail the next batch's `BEGIN`. (On Värn's
/// pools, which run on the calling task, a batch cannot be cut off midway; the guard stays for
/// a pool opened with threads, as the batch's test does.)
struct CloseUnlessClean {
    conn: sqlx::pool::PoolConnection<sqlx::Sqlite>,
    clean: bool,
}

impl Drop for CloseUnlessClean {
    fn drop(&mut self) {
        if !self.clean {
            self.conn.close_on_drop();
        }
    }
}
