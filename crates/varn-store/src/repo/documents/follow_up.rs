//! Follow-up: documents past their review, strategies past their end, documents nobody
//! owns and overdue strategy actions, for their owners and for the overview.

use crate::repo::stmt;
use sea_orm::*;
use varn_domain::document::{DocType, Status};
use varn_domain::task::TaskStatus;
use varn_domain::{Code, Scope};

/// Follow-up: a document needing its owner's attention.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct FollowUpRow {
    /// Document.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Type.
    #[schema(value_type = String)]
    pub doc_type: DocType,
    /// Owning unit.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// Revision date passed.
    pub revision_overdue: bool,
    /// Strategy past its end.
    pub expired: bool,
    /// Nobody to act.
    pub no_owner: bool,
    /// Revision date.
    #[serde(serialize_with = "varn_domain::json_time::opt_date")]
    pub revision_date: Option<chrono::NaiveDate>,
    /// End of validity.
    #[serde(serialize_with = "varn_domain::json_time::opt_date")]
    pub valid_until: Option<chrono::NaiveDate>,
}

/// Counts per unit for the overview.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct FollowUpCount {
    /// Unit.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// Documents past their revision date.
    pub revision_overdue: i64,
    /// Strategies past their end date.
    pub expired: i64,
    /// Documents nobody owns.
    pub no_owner: i64,
    /// Strategy actions past their deadline.
    pub actions_overdue: i64,
}

/// Codes written into the SQL below, from the domain's enums (never from input): the states
/// in force, the strategy type, the open task.
fn codes() -> (String, &'static str, &'static str) {
    (format!("('{}', '{}')", Status::Gallande, Status::UnderRevision), DocType::Strategi.as_str(), TaskStatus::Open.as_str())
}

/// Nobody to act: no personal owner and no head of the unit, or an owner who has left
/// (inactive; few, found through `ix_users_active`).
///
/// The `FALSE` is written in, not bound: PostgreSQL plans Värn's statements once for any
/// values (`crate::PG_PLAN_CACHE_MODE`), and for an unknown value it expected half the city's
/// people and hashed all 50 000 of them, twice (35 of the overview's 44 ms at storstad, every
/// time a unit head's Mina uppgifter read it anew); for `FALSE` it takes the few who have left
/// from the index (the statement: 2 ms).
const NO_OWNER: &str =
    "((d.owner_user_id IS NULL AND o.head_user_id IS NULL) OR d.owner_user_id IN (SELECT ou.id FROM users ou WHERE ou.active = FALSE))";

/// Whose follow-up: in a scope (overview) or for one person (Mina uppgifter).
pub enum FollowUpFor<'a> {
    /// Documents owned by units within the scope.
    Scope(&'a Scope),
    /// Documents this user owns, or whose unit (one of `units`) has no personal owner.
    Owner(i64, &'a [i64]),
}

fn scope_sql(scope: &Scope) -> Option<String> {
    match scope {
        Scope::All => Some("1 = 1".into()),
        Scope::None => None,
        // Paths are validated digits and slashes; safe to write as literals.
        Scope::Units(ps) => {
            Some(format!("({})", ps.iter().map(|p| crate::under_path_sql("o.path", p.as_str())).collect::<Vec<_>>().join(" OR ")))
        }
    }
}

fn whose(f: &FollowUpFor<'_>, values: &mut Vec<Value>) -> Option<String> {
    match f {
        FollowUpFor::Scope(s) => scope_sql(s),
        FollowUpFor::Owner(uid, units) => {
            values.push((*uid).into());
            let mut c = "(d.owner_user_id = ?".to_owned();
            if !units.is_empty() {
                c.push_str(&format!(" OR (d.owner_user_id IS NULL AND d.unit_id IN ({})))", vec!["?"; units.len()].join(",")));
                values.extend(units.iter().map(|u| Value::from(*u)));
            } else {
                c.push(')');
            }
            Some(c)
        }
    }
}

/// Adopted documents past their revision date, strategies past their end, and documents
/// with nobody to own them.
pub async fn follow_up<D: ConnectionTrait>(
    db: &D,
    who: FollowUpFor<'_>,
    today: chrono::NaiveDate,
    cap: u64,
) -> Result<Vec<FollowUpRow>, DbErr> {
    match follow_up_statement(db, who, today, cap) {
        Some(st) => FollowUpRow::find_by_statement(st).all(db).await,
        None => Ok(vec![]),
    }
}

/// The statement of [`follow_up`] (rows: [`FollowUpRow`]; none when `who` names nothing).
pub fn follow_up_statement<D: ConnectionTrait>(db: &D, who: FollowUpFor<'_>, today: chrono::NaiveDate, cap: u64) -> Option<Statement> {
    let mut values: Vec<Value> = vec![today.into(), today.into()];
    let w = whose(&who, &mut values)?;
    values.extend([today.into(), today.into(), (cap as i64).into()]);
    let (in_force, strategi, _) = codes();
    let sql = format!(
        "SELECT d.id, d.title, d.doc_type, d.unit_id, o.name AS unit_name, \
         CASE WHEN d.revision_date < ? THEN 1 ELSE 0 END = 1 AS revision_overdue, \
         CASE WHEN d.doc_type = '{strategi}' AND d.valid_until < ? THEN 1 ELSE 0 END = 1 AS expired, \
         CASE WHEN {NO_OWNER} THEN 1 ELSE 0 END = 1 AS no_owner, d.revision_date, d.valid_until \
         FROM documents d JOIN org_units o ON o.id = d.unit_id \
         WHERE d.status IN {in_force} AND {w} \
         AND (d.revision_date < ? OR (d.doc_type = '{strategi}' AND d.valid_until < ?) OR {NO_OWNER}) \
         ORDER BY d.revision_date, d.id LIMIT ?"
    );
    Some(stmt(db, &sql, values))
}

/// Counts per owning unit within `scope`, aggregated in SQL.
///
/// A part of the city is kept to in each of the four reads, not only after them: with the
/// scope applied once to their union, a unit head's count (Mina uppgifter, every time) read the
/// whole city's documents and strategy actions and kept their own few (storstad: SQLite 885 →
/// 83 µs, PostgreSQL 4.1 → 1.0 ms for a unit's subtree).
pub async fn follow_up_counts<D: ConnectionTrait>(db: &D, scope: &Scope, today: chrono::NaiveDate) -> Result<Vec<FollowUpCount>, DbErr> {
    let Some(w) = scope_sql(scope) else { return Ok(vec![]) };
    let (in_force, strategi, open) = codes();
    // Within the scope: the units' ids by the path index (nothing for the whole city).
    let (unit_in, each_in, action_in) = match scope {
        Scope::Units(_) => {
            let units = format!("IN (SELECT o.id FROM org_units o WHERE {w})");
            (format!(" AND d.unit_id {units}"), format!(" AND {w}"), format!(" AND COALESCE(t.unit_id, d.unit_id) {units}"))
        }
        _ => (String::new(), String::new(), String::new()),
    };
    let sql = format!(
        "SELECT o.id AS unit_id, o.name AS unit_name, \
         SUM(CASE WHEN x.kind = 'r' THEN 1 ELSE 0 END) AS revision_overdue, \
         SUM(CASE WHEN x.kind = 'e' THEN 1 ELSE 0 END) AS expired, \
         SUM(CASE WHEN x.kind = 'n' THEN 1 ELSE 0 END) AS no_owner, \
         SUM(CASE WHEN x.kind = 'a' THEN 1 ELSE 0 END) AS actions_overdue \
         FROM ( \
           SELECT d.unit_id, 'r' AS kind FROM documents d WHERE d.status IN {in_force} AND d.revision_date < ?{unit_in} \
           UNION ALL SELECT d.unit_id, 'e' FROM documents d WHERE d.status IN {in_force} AND d.doc_type = '{strategi}' AND d.valid_until < ?{unit_in} \
           UNION ALL SELECT d.unit_id, 'n' FROM documents d JOIN org_units o ON o.id = d.unit_id WHERE d.status IN {in_force} AND {NO_OWNER}{each_in} \
           UNION ALL SELECT COALESCE(t.unit_id, d.unit_id), 'a' FROM document_actions a JOIN documents d ON d.id = a.document_id JOIN tasks t ON t.id = a.task_id \
             WHERE t.status = '{open}' AND t.due_date < ?{action_in} \
         ) x JOIN org_units o ON o.id = x.unit_id WHERE {w} GROUP BY o.id, o.name, o.path ORDER BY o.path"
    );
    FollowUpCount::find_by_statement(stmt(db, &sql, vec![today.into(), today.into(), today.into()])).all(db).await
}

/// Overdue strategy actions within `scope` (at most `cap`).
#[derive(Debug, Clone, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct OverdueAction {
    /// Document.
    pub document_id: i64,
    /// Its title.
    pub document_title: String,
    /// The action.
    pub title: String,
    /// Deadline.
    #[serde(serialize_with = "varn_domain::json_time::opt_date")]
    pub due_date: Option<chrono::NaiveDate>,
    /// Owning unit's name.
    pub unit_name: String,
}

/// Overdue strategy actions of documents owned within a scope, or by one person.
pub async fn overdue_actions<D: ConnectionTrait>(
    db: &D,
    who: FollowUpFor<'_>,
    today: chrono::NaiveDate,
    cap: u64,
) -> Result<Vec<OverdueAction>, DbErr> {
    match overdue_actions_statement(db, who, today, cap) {
        Some(st) => OverdueAction::find_by_statement(st).all(db).await,
        None => Ok(vec![]),
    }
}

/// The statement of [`overdue_actions`] (rows: [`OverdueAction`]; none when `who` names
/// nothing).
pub fn overdue_actions_statement<D: ConnectionTrait>(
    db: &D,
    who: FollowUpFor<'_>,
    today: chrono::NaiveDate,
    cap: u64,
) -> Option<Statement> {
    let mut values: Vec<Value> = vec![today.into()];
    let w = whose(&who, &mut values)?;
    values.push((cap as i64).into());
    let (_, _, open) = codes();
    let sql = format!(
        "SELECT d.id AS document_id, d.title AS document_title, a.title, a.due_date, o.name AS unit_name \
         FROM document_actions a JOIN documents d ON d.id = a.document_id JOIN tasks t ON t.id = a.task_id \
         JOIN org_units o ON o.id = COALESCE(t.unit_id, d.unit_id) WHERE t.status = '{open}' AND t.due_date < ? AND {w} ORDER BY a.due_date, a.id LIMIT ?"
    );
    Some(stmt(db, &sql, values))
}
