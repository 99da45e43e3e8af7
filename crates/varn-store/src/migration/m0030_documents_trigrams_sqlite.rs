//! SQLite's search of the document register reads the documents that hold the search's first
//! three letters, in title order: `documents_trigrams` holds every three-letter run (trigram)
//! of each document's `search_text` (its title in small letters, m0005) beside the title, the
//! id and the text itself, keyed (trigram, title, id). A search tests the whole text in that
//! row before it looks the document up, and the page in title order needs no sort. Before,
//! the register tested every document of the chosen status with `LIKE`, for the count and
//! again for the page, walking the titles from A: "riktlinje" among the 2 667 documents in
//! force at storstad (793 matches, all under R) read 2 667 titles for the count and about
//! 2 000 for the page; through the trigram it reads the 888 documents that hold "rik".
//! Measured on a copy (Python's sqlite3, µs a statement): the count 638 → 265, the page
//! 366 → 79.
//!
//! Kept by triggers on every write of a title, as `users_trigrams` (m0027) is, with the
//! positions table m0027 made (1–512; a title is at most 300 characters). PostgreSQL's
//! search is unchanged.

use sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The trigrams of the trigger's row `who` (`new`) as rows of (trigram, title, id, text).
fn trigrams_of(who: &str) -> String {
    format!(
        "SELECT substr({who}.search_text, p.n, 3), {who}.title, {who}.id, {who}.search_text FROM users_trigram_positions p \
         WHERE p.n <= length({who}.search_text) - 2"
    )
}

/// Removes the trigrams of the row `old` (by its whole key).
pub(super) const DELETE_OLD: &str = "DELETE FROM documents_trigrams WHERE title = old.title AND doc_id = old.id AND tri IN (\
     SELECT substr(old.search_text, p.n, 3) FROM users_trigram_positions p WHERE p.n <= length(old.search_text) - 2);";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        if db.get_database_backend() != DbBackend::Sqlite {
            return Ok(());
        }
        let insert_new = format!("INSERT OR IGNORE INTO documents_trigrams (tri, title, doc_id, search_text) {};", trigrams_of("new"));
        let sql = [
            "CREATE TABLE documents_trigrams (tri TEXT NOT NULL, title TEXT NOT NULL, doc_id INTEGER NOT NULL, \
             search_text TEXT NOT NULL, PRIMARY KEY (tri, title, doc_id)) WITHOUT ROWID"
                .to_owned(),
            "INSERT OR IGNORE INTO documents_trigrams (tri, title, doc_id, search_text) \
             SELECT substr(d.search_text, p.n, 3), d.title, d.id, d.search_text FROM documents d \
             JOIN users_trigram_positions p ON p.n <= length(d.search_text) - 2 ORDER BY 1, 2, 3"
                .to_owned(),
            format!("CREATE TRIGGER documents_trigrams_ai AFTER INSERT ON documents BEGIN {insert_new} END"),
            format!("CREATE TRIGGER documents_trigrams_ad AFTER DELETE ON documents BEGIN {DELETE_OLD} END"),
            format!(
                "CREATE TRIGGER documents_trigrams_au AFTER UPDATE OF title, search_text ON documents BEGIN {DELETE_OLD} {insert_new} END"
            ),
        ];
        for s in sql {
            db.execute(Statement::from_string(DbBackend::Sqlite, s)).await?;
        }
        if crate::statistics::present(db).await? {
            db.execute(Statement::from_string(DbBackend::Sqlite, "ANALYZE documents_trigrams")).await?;
        }
        Ok(())
    }
}
