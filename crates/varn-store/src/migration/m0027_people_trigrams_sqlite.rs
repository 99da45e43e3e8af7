//! SQLite's name search for a name that many people match reads its page from the people who
//! hold the search's first three letters, in name order: `users_trigrams` holds every
//! three-letter run (trigram) of each person's folded text (`users.search_text`, m0026: name,
//! sign-in name and e-mail) beside their name and id, keyed in that order, so the people who
//! hold one trigram come out of its key in name order. m0026's walk read every name in order
//! until its page was full, testing each: "ann" among 50 000 passed 4 000 names starting with
//! A before the tenth Anna (about 0.8 ms); through the trigram the walk passes only the people
//! who hold "ann" (0.05 ms). Each person found is tested with the whole search text where
//! m0026's index holds their folded text.
//!
//! Kept by triggers on every write of a name, sign-in name or e-mail, as `users_fts` (m0015)
//! is. A trigger cannot split a text with a recursive query, so the positions 1–512 are a table
//! of their own (`users_trigram_positions`): the longest text the forms accept is 440
//! characters (120 + 64 + 254 and two spaces). PostgreSQL's search is unchanged (pg_trgm,
//! m0016 and m0018).

use sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The highest position of a trigram's first letter that the positions table holds.
const POSITIONS: u32 = 512;

/// The trigrams of the trigger's row `who` (`new`) as rows of (trigram, name, id), for the
/// insert; [`DELETE_OLD`] takes those of `old` by the same positions.
fn trigrams_of(who: &str) -> String {
    format!(
        "SELECT substr({who}.search_text, p.n, 3), {who}.display_name, {who}.id FROM users_trigram_positions p \
         WHERE p.n <= length({who}.search_text) - 2"
    )
}

/// Removes the trigrams of the row `old` (by its whole key: no other index is needed).
const DELETE_OLD: &str = "DELETE FROM users_trigrams WHERE display_name = old.display_name AND user_id = old.id AND tri IN (\
     SELECT substr(old.search_text, p.n, 3) FROM users_trigram_positions p WHERE p.n <= length(old.search_text) - 2);";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        if db.get_database_backend() != DbBackend::Sqlite {
            return Ok(());
        }
        let insert_new = format!("INSERT OR IGNORE INTO users_trigrams (tri, display_name, user_id) {};", trigrams_of("new"));
        let sql = [
            "CREATE TABLE users_trigram_positions (n INTEGER PRIMARY KEY)".to_owned(),
            format!(
                "WITH RECURSIVE p(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM p WHERE n < {POSITIONS}) \
                 INSERT INTO users_trigram_positions (n) SELECT n FROM p"
            ),
            "CREATE TABLE users_trigrams (tri TEXT NOT NULL, display_name TEXT NOT NULL, user_id INTEGER NOT NULL, \
             PRIMARY KEY (tri, display_name, user_id)) WITHOUT ROWID"
                .to_owned(),
            // Each person's folded text computed once (the column is virtual), the rows written
            // in key order.
            "INSERT OR IGNORE INTO users_trigrams (tri, display_name, user_id) \
             WITH u AS MATERIALIZED (SELECT id, display_name, search_text AS s FROM users) \
             SELECT substr(u.s, p.n, 3), u.display_name, u.id FROM u JOIN users_trigram_positions p ON p.n <= length(u.s) - 2 \
             ORDER BY 1, 2, 3"
                .to_owned(),
            format!("CREATE TRIGGER users_trigrams_ai AFTER INSERT ON users BEGIN {insert_new} END"),
            format!("CREATE TRIGGER users_trigrams_ad AFTER DELETE ON users BEGIN {DELETE_OLD} END"),
            format!(
                "CREATE TRIGGER users_trigrams_au AFTER UPDATE OF display_name, username, email ON users BEGIN {DELETE_OLD} {insert_new} END"
            ),
        ];
        for s in sql {
            db.execute(Statement::from_string(DbBackend::Sqlite, s)).await?;
        }
        Ok(())
    }
}
