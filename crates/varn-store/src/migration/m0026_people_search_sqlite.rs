//! SQLite's name search for a name that many people match reads names in order from one
//! index, as PostgreSQL's does since m0018: `users.search_name` (the name and sign-in name,
//! what the person picker searches) and `users.search_text` (the same and the e-mail, what
//! the user list searches), generated from the row and folded to lower case ([`folded`]), in
//! an index in name order that carries both and whether the person is active
//! (`ix_users_name_order`). A search that matches many people then walks that index until its
//! page is full and tests each name where it lies, instead of first finding every match
//! through the trigram index (`users_fts`) to test names against: "anna" among 50 000 (2 563
//! match) 1.0 → 0.4 ms, "son" (half the city) 4.7 → 0.02 ms. The trigram index stays for
//! counting and for a name that few people match. PostgreSQL is unchanged.
//!
//! The columns are virtual: SQLite computes them when a row is written into the index and
//! reads them from it, so the table's rows do not grow.

use sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The capital letters outside ASCII that [`folded`] lowers, beside SQLite's `lower()`, which
/// lowers only A–Z: the Nordic ones and those that most often begin a name in the other
/// languages a Swedish city's people carry. Twenty, as each is one `replace()` nested in the
/// next, and SQLite builds before 3.46 (the `sqlite3` shell of Debian 12, say) cannot parse an
/// expression nested much deeper: they would call the whole schema malformed. A search whose
/// text holds a letter outside ASCII that is not one of these in its small form is not
/// searched through the folded columns but through the trigram index, which folds every
/// letter (`repo::users`), so a name with a capital missing here is still found. Changing this
/// list changes the migration's columns: it would need a migration of its own.
pub(crate) const CAPITALS: &str = "ÅÄÖÉÜØÆÇÑÁÍÓÚÈŁŚŻČŠŽ";

/// `expr` folded to small letters: SQLite's `lower()` and a `replace()` for each of
/// [`CAPITALS`].
pub(crate) fn folded(expr: &str) -> String {
    let mut sql = format!("lower({expr})");
    for c in CAPITALS.chars() {
        sql = format!("replace({sql}, '{c}', '{}')", c.to_lowercase());
    }
    sql
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        if db.get_database_backend() != DbBackend::Sqlite {
            return Ok(());
        }
        let name = folded("display_name || ' ' || username");
        let text = folded("display_name || ' ' || username || ' ' || coalesce(email, '')");
        let sql = [
            format!("ALTER TABLE users ADD COLUMN search_name TEXT GENERATED ALWAYS AS ({name}) VIRTUAL"),
            format!("ALTER TABLE users ADD COLUMN search_text TEXT GENERATED ALWAYS AS ({text}) VIRTUAL"),
            "CREATE INDEX ix_users_name_order ON users (display_name, id, search_name, search_text, active)".to_owned(),
        ];
        for s in sql {
            db.execute(Statement::from_string(DbBackend::Sqlite, s)).await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fold_lowers_every_listed_capital_that_has_one_small_form() {
        let sql = folded("x");
        assert!(sql.contains("replace(") && sql.contains("lower(x)"));
        for (c, s) in [('Å', 'å'), ('Ä', 'ä'), ('Ö', 'ö'), ('Ł', 'ł'), ('Ø', 'ø'), ('É', 'é')] {
            assert!(sql.contains(&format!("'{c}', '{s}'")), "{c} is not folded to {s}");
        }
        assert_eq!(sql.matches("replace(").count(), 20, "nested no deeper than older SQLite parses");
    }
}
