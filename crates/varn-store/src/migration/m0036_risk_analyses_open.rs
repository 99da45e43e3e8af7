//! Each risk analysis keeps the count of its open risks and their highest residual score
//! (`open_risks`, `highest_open`), kept by triggers on every write of a risk, on both
//! databases. The list of analyses showed them, and counted them for each analysis on its
//! page with two subqueries through `ix_risks_analysis` (each analysis's ten risks tested for
//! their status twice): at storstad 115 of the 160 µs SQLite spent on the page's rows
//! (measured with SQLite's own build of Värn on a copy, the statement bound as Värn binds
//! it). A risk is written far less often than the list is read.
//!
//! The columns are not in the SeaORM entity: nothing writes them but the triggers, and an
//! analysis is inserted with their defaults (no risks yet).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// SQLite: sets the two columns of the analysis `id` (an expression of the trigger's row)
/// from its risks, where `also` holds.
fn keep_sqlite(id: &str, also: &str) -> String {
    format!(
        "UPDATE risk_analyses SET \
         open_risks = (SELECT COUNT(*) FROM risks r WHERE r.analysis_id = {id} AND r.status <> 'avslutad'), \
         highest_open = (SELECT MAX(r.residual_score) FROM risks r WHERE r.analysis_id = {id} AND r.status <> 'avslutad') \
         WHERE id = {id}{also};"
    )
}

/// A risk's update that changes what its analysis keeps (SeaORM's update names every column,
/// so `UPDATE OF` alone fired on each edit of a title or a review date).
const CHANGED: &str = "old.analysis_id IS NOT new.analysis_id OR old.status IS NOT new.status \
     OR old.residual_score IS NOT new.residual_score";

fn sqlite() -> Vec<String> {
    let (new, old) = (keep_sqlite("new.analysis_id", ""), keep_sqlite("old.analysis_id", ""));
    // The analysis it left, when a risk moves to another one.
    let left = keep_sqlite("old.analysis_id", " AND old.analysis_id IS NOT new.analysis_id");
    vec![
        "ALTER TABLE risk_analyses ADD COLUMN open_risks INTEGER NOT NULL DEFAULT 0".to_owned(),
        "ALTER TABLE risk_analyses ADD COLUMN highest_open INTEGER NULL".to_owned(),
        keep_sqlite("risk_analyses.id", ""),
        format!("CREATE TRIGGER risks_open_ai AFTER INSERT ON risks BEGIN {new} END"),
        format!("CREATE TRIGGER risks_open_ad AFTER DELETE ON risks BEGIN {old} END"),
        format!("CREATE TRIGGER risks_open_au AFTER UPDATE OF analysis_id, status, residual_score ON risks WHEN {CHANGED} BEGIN {left} {new} END"),
    ]
}

/// PostgreSQL's trigger function: the old row's analysis and the new row's, each counted
/// again (once when they are the same), and nothing for an update that changes neither.
const KEEP_PG: &str = "CREATE FUNCTION risk_analyses_open_keep() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids bigint[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ids := ARRAY[NEW.analysis_id];
  ELSIF TG_OP = 'DELETE' THEN
    ids := ARRAY[OLD.analysis_id];
  ELSIF NEW.analysis_id IS DISTINCT FROM OLD.analysis_id THEN
    ids := ARRAY[OLD.analysis_id, NEW.analysis_id];
  ELSIF NEW.status IS DISTINCT FROM OLD.status OR NEW.residual_score IS DISTINCT FROM OLD.residual_score THEN
    ids := ARRAY[NEW.analysis_id];
  ELSE
    -- SeaORM's update names every column: an edit of a title or a review date fires it too.
    RETURN NULL;
  END IF;
  UPDATE risk_analyses a SET open_risks = c.n, highest_open = c.m
    FROM (SELECT x.id, (SELECT COUNT(*) FROM risks r WHERE r.analysis_id = x.id AND r.status <> 'avslutad') AS n,
                 (SELECT MAX(r.residual_score) FROM risks r WHERE r.analysis_id = x.id AND r.status <> 'avslutad') AS m
          FROM unnest(ids) AS x(id)) c
    WHERE a.id = c.id;
  RETURN NULL;
END
$$";

fn postgres() -> Vec<String> {
    vec![
        "ALTER TABLE risk_analyses ADD COLUMN open_risks bigint NOT NULL DEFAULT 0".to_owned(),
        "ALTER TABLE risk_analyses ADD COLUMN highest_open bigint NULL".to_owned(),
        "UPDATE risk_analyses a SET open_risks = c.n, highest_open = c.m \
         FROM (SELECT analysis_id, COUNT(*) AS n, MAX(residual_score) AS m FROM risks WHERE status <> 'avslutad' GROUP BY analysis_id) c \
         WHERE a.id = c.analysis_id"
            .to_owned(),
        KEEP_PG.to_owned(),
        "CREATE TRIGGER risks_open_keep AFTER INSERT OR DELETE OR UPDATE OF analysis_id, status, residual_score ON risks \
         FOR EACH ROW EXECUTE FUNCTION risk_analyses_open_keep()"
            .to_owned(),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        super::on_each(m, sqlite(), postgres()).await
    }
}
