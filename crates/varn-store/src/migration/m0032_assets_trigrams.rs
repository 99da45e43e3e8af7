//! A search of the whole register of information assets reads the assets that hold the
//! search's first three letters: `assets_trigrams` holds every three-letter run (trigram) of
//! each asset's `search_text` (its name in small letters) beside the name, the id and the text
//! itself, keyed (trigram, name, id), on both databases. A whole-city reader's search (the
//! samordnare's "akter") tested every one of the 25 000 assets at storstad with `LIKE`: SQLite
//! scanned the register (5.2 ms of server CPU a page), PostgreSQL scanned it for the count and
//! walked the names for the page (13 ms at p50). Through the trigram it tests only the assets
//! that hold "akt". A reader with part of the city still finds their assets through their
//! units (`ix_assets_unit_search`, m0020).
//!
//! Kept by triggers on every write of a name, as `documents_trigrams` (m0030) and
//! `users_trigrams` (m0027, m0028) are; SQLite's with the positions table m0027 made (1–512; a
//! name is at most 300 characters).

use sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The trigrams of SQLite's trigger row `who` (`new`) as rows of (trigram, name, id, text).
fn trigrams_of(who: &str) -> String {
    format!(
        "SELECT substr({who}.search_text, p.n, 3), {who}.name, {who}.id, {who}.search_text FROM users_trigram_positions p \
         WHERE p.n <= length({who}.search_text) - 2"
    )
}

/// SQLite: removes the trigrams of the row `old` (by their whole key).
const DELETE_OLD: &str = "DELETE FROM assets_trigrams WHERE name = old.name AND asset_id = old.id AND tri IN (\
     SELECT substr(old.search_text, p.n, 3) FROM users_trigram_positions p WHERE p.n <= length(old.search_text) - 2);";

/// SQLite's table, its first rows and its triggers.
fn sqlite() -> Vec<String> {
    let insert_new = format!("INSERT OR IGNORE INTO assets_trigrams (tri, name, asset_id, search_text) {};", trigrams_of("new"));
    vec![
        "CREATE TABLE assets_trigrams (tri TEXT NOT NULL, name TEXT NOT NULL, asset_id INTEGER NOT NULL, \
         search_text TEXT NOT NULL, PRIMARY KEY (tri, name, asset_id)) WITHOUT ROWID"
            .to_owned(),
        "INSERT OR IGNORE INTO assets_trigrams (tri, name, asset_id, search_text) \
         SELECT substr(a.search_text, p.n, 3), a.name, a.id, a.search_text FROM assets a \
         JOIN users_trigram_positions p ON p.n <= length(a.search_text) - 2 ORDER BY 1, 2, 3"
            .to_owned(),
        format!("CREATE TRIGGER assets_trigrams_ai AFTER INSERT ON assets BEGIN {insert_new} END"),
        format!("CREATE TRIGGER assets_trigrams_ad AFTER DELETE ON assets BEGIN {DELETE_OLD} END"),
        format!("CREATE TRIGGER assets_trigrams_au AFTER UPDATE OF name, search_text ON assets BEGIN {DELETE_OLD} {insert_new} END"),
    ]
}

/// PostgreSQL's trigger function: removes the old row's trigrams by their whole key and writes
/// the new row's (a trigram a name holds twice is one row).
const KEEP_PG: &str = "CREATE FUNCTION assets_trigrams_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM assets_trigrams WHERE name = OLD.name AND asset_id = OLD.id AND tri IN (
      SELECT substr(OLD.search_text, n, 3) FROM generate_series(1, length(OLD.search_text) - 2) AS n);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO assets_trigrams (tri, name, asset_id, search_text)
      SELECT DISTINCT substr(NEW.search_text, n, 3), NEW.name, NEW.id, NEW.search_text
      FROM generate_series(1, length(NEW.search_text) - 2) AS n
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$";

/// PostgreSQL's table (the text carried in its key's index, so that a search reads only the
/// index), its first rows and its trigger.
fn postgres() -> Vec<String> {
    vec![
        "CREATE TABLE assets_trigrams (tri text NOT NULL, name text NOT NULL, asset_id bigint NOT NULL, \
         search_text text NOT NULL, PRIMARY KEY (tri, name, asset_id) INCLUDE (search_text))"
            .to_owned(),
        // In the key's order, so that a trigram's rows lie together in the table too: until a
        // VACUUM marks the table all-visible, PostgreSQL reads the rows a search counts from
        // the table: for "akt" at storstad 4 138 pages in the assets' order (9.4 ms), in the
        // key's order the index's own few (1.8 ms; all-visible, 1.4 ms without the table).
        "INSERT INTO assets_trigrams (tri, name, asset_id, search_text) \
         SELECT DISTINCT substr(a.search_text, n, 3), a.name, a.id, a.search_text FROM assets a \
         CROSS JOIN LATERAL generate_series(1, length(a.search_text) - 2) AS n ORDER BY 1, 2, 3"
            .to_owned(),
        KEEP_PG.to_owned(),
        "CREATE TRIGGER assets_trigrams_keep AFTER INSERT OR DELETE OR UPDATE OF name, search_text ON assets \
         FOR EACH ROW EXECUTE FUNCTION assets_trigrams_keep()"
            .to_owned(),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        super::on_each(m, sqlite(), postgres()).await?;
        let db = m.get_connection();
        let backend = db.get_database_backend();
        if backend == DbBackend::Sqlite && crate::statistics::present(db).await? {
            db.execute(Statement::from_string(backend, "ANALYZE assets_trigrams")).await?;
        }
        Ok(())
    }
}
