//! The query planner's statistics on SQLite, which SQLite never gathers by itself.
//!
//! Without them its planner guesses, and at the size of a large city some guesses are ruinous:
//! a unit head's Mina uppgifter took 450 ms instead of 1.5 ms on the benchmark's city with its
//! statistics removed (session 30). With statistics taken once and never again, a read whose
//! values changed share (the open incidents, 266 of 100 000 when analysed, 22 000 after a
//! flood of reports) keeps a plan made for the old share: 5.2 ms instead of 0.7 ms. So Värn
//! gathers them when a database has none (at open, before the readers connect, and within the
//! hour after a first load) and again once a night. `ANALYZE` in full: SQLite's approximate
//! analysis (`analysis_limit`) keeps no samples of values (`sqlite_stat4`), and without them
//! the city's open incidents sorted by deadline cost twice as much.
//!
//! PostgreSQL analyses by itself only when its autovacuum is on, and an administrator may have
//! turned it off (this project's benchmark machine has it off). After a wave of 28 884 incident
//! reports on the benchmark's city, with the statistics still those of the first load, the list
//! of open incidents took p99 224 ms instead of 36 (session 40). So on PostgreSQL Värn looks
//! every minute for tables changed by more than autovacuum's own threshold since they were last
//! analysed ([`refresh_changed`]) and analyses those: PostgreSQL's `ANALYZE` reads a sample
//! (30 000 rows at the default target) and blocks neither reads nor writes. Where autovacuum is
//! on, it has usually done so first and this finds nothing.
//!
//! A connection reads the statistics when it opens: the read pool's connections take new ones
//! as they are replaced (SQLx replaces a connection after 30 minutes).

use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement};

/// Whether the SQLite database at `db` has statistics: a row in `sqlite_stat1` (a database
/// whose tables are all empty has none, and gathering them again costs nothing). Always true
/// on PostgreSQL.
pub async fn present<D: ConnectionTrait>(db: &D) -> Result<bool, DbErr> {
    if db.get_database_backend() != DbBackend::Sqlite {
        return Ok(true);
    }
    let sql = "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'sqlite_stat1')";
    let table = db.query_one(Statement::from_string(DbBackend::Sqlite, sql)).await?;
    if !table.map(|r| r.try_get_by_index::<bool>(0)).transpose()?.unwrap_or(false) {
        return Ok(false);
    }
    let rows = db.query_one(Statement::from_string(DbBackend::Sqlite, "SELECT EXISTS (SELECT 1 FROM sqlite_stat1)")).await?;
    Ok(rows.map(|r| r.try_get_by_index::<bool>(0)).transpose()?.unwrap_or(false))
}

/// Gathers the statistics of every table and index (SQLite's `ANALYZE`, on the writer: it
/// holds the write lock while it reads, about 3 s for the benchmark's city of 1.8 GiB).
/// Nothing on PostgreSQL. Whether it ran.
pub async fn gather<D: ConnectionTrait>(db: &D) -> Result<bool, DbErr> {
    if db.get_database_backend() != DbBackend::Sqlite {
        return Ok(false);
    }
    db.execute(Statement::from_string(DbBackend::Sqlite, "ANALYZE")).await?;
    Ok(true)
}

/// Gathers them if the database has none. Whether there are some now that were not before
/// (a new database, or one whose tables are all empty, has nothing to gather).
pub async fn gather_if_missing<D: ConnectionTrait>(db: &D) -> Result<bool, DbErr> {
    if present(db).await? {
        return Ok(false);
    }
    Ok(gather(db).await? && present(db).await?)
}

/// Whether the maintenance loop should gather them now: when there are none; else once a night,
/// in the hours from 02 to 04 local time, when they were last gathered (or the server started)
/// `hours_since` hours ago, 12 or more. The night, as `ANALYZE` holds the write lock for
/// seconds in a large city (3–8 s at the benchmark's size), and writes wait for it.
pub fn due(present: bool, hours_since: u32, local_hour: u32) -> bool {
    !present || (hours_since >= 12 && (2..=4).contains(&local_hour))
}

/// One hour of the maintenance loop: gathers the statistics if [`due`] (SQLite only), given
/// the hours `since` they were last gathered or the server started, and the local hour.
/// Returns the hours since, counted on (0 when it gathered), and whether it gathered.
pub async fn tick<D: ConnectionTrait>(db: &D, since: u32, local_hour: u32) -> Result<(u32, bool), DbErr> {
    if db.get_database_backend() != DbBackend::Sqlite {
        return Ok((since.saturating_add(1), false));
    }
    if due(present(db).await?, since, local_hour) && gather(db).await? {
        return Ok((0, true));
    }
    Ok((since.saturating_add(1), false))
}

/// The tables of Värn's schema whose rows changed since they were last analysed by more than
/// PostgreSQL's autovacuum would allow with its default settings (50 rows and a tenth of the
/// table, `autovacuum_analyze_threshold` and `_scale_factor`), whether or not autovacuum is on.
/// Empty on SQLite.
pub async fn changed<D: ConnectionTrait>(db: &D) -> Result<Vec<String>, DbErr> {
    if db.get_database_backend() != DbBackend::Postgres {
        return Ok(vec![]);
    }
    // `reltuples` is -1 for a table never analysed nor vacuumed.
    let sql = "SELECT s.relname::text FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid \
               WHERE s.schemaname = current_schema() AND s.n_mod_since_analyze > 50 + 0.1 * GREATEST(c.reltuples, 0) \
               ORDER BY s.relname";
    let rows = db.query_all(Statement::from_string(DbBackend::Postgres, sql)).await?;
    rows.iter().map(|r| r.try_get_by_index::<String>(0)).collect()
}

/// Whether PostgreSQL's autovacuum is off (never on SQLite, which has none).
pub async fn autovacuum_off<D: ConnectionTrait>(db: &D) -> Result<bool, DbErr> {
    if db.get_database_backend() != DbBackend::Postgres {
        return Ok(false);
    }
    let sql = "SELECT current_setting('autovacuum') = 'off'";
    let row = db.query_one(Statement::from_string(DbBackend::Postgres, sql)).await?;
    Ok(row.map(|r| r.try_get_by_index::<bool>(0)).transpose()?.unwrap_or(false))
}

/// PostgreSQL: analyses the tables that [`changed`] names, one `ANALYZE` each. The tables
/// analysed (none on SQLite, whose statistics [`tick`] keeps).
pub async fn refresh_changed<D: ConnectionTrait>(db: &D) -> Result<Vec<String>, DbErr> {
    let tables = changed(db).await?;
    for t in &tables {
        let sql = format!("ANALYZE \"{}\"", t.replace('"', "\"\""));
        db.execute(Statement::from_string(DbBackend::Postgres, sql)).await?;
    }
    Ok(tables)
}

#[cfg(test)]
mod tests {
    use super::due;

    #[test]
    fn gathered_when_missing_and_once_a_night() {
        assert!(due(false, 0, 14), "none after a first load: at once, whatever the hour");
        assert!(!due(true, 0, 3), "taken at open, or there already");
        assert!(!due(true, 11, 3), "not twice in a night");
        assert!(due(true, 12, 2) && due(true, 30, 4), "at night");
        assert!(!due(true, 30, 5) && !due(true, 30, 1) && !due(true, 30, 14), "not by day");
    }
}
