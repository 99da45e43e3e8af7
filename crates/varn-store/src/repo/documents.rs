//! Governing documents: the register, versions, actions, comments, acknowledgements and
//! follow-up. Who may see what is decided in the query ([`DocVisibility`]).

use super::{ListParams, Page};
use crate::entity::{document as doc, document_ack, document_ack_request, document_action, document_comment, document_version as ver};
use crate::entity::{org_unit, task, user};
use crate::scope_condition;
use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::*;
use varn_domain::Scope;

/// What a user may see of the register.
#[derive(Debug, Clone)]
pub struct DocVisibility {
    /// Where they may edit: every document, drafts included.
    pub write: Scope,
    /// Where they may read the domain: adopted, repealed and on-remiss documents.
    pub read: Scope,
    /// Their units and every unit above them: documents that apply here are theirs to read
    /// while adopted or on remiss.
    pub chain: Vec<i64>,
}

fn unit_path() -> SimpleExpr {
    Expr::col((org_unit::Entity, org_unit::Column::Path)).into()
}

/// The SQL condition of [`DocVisibility`] on `documents` joined with its unit.
pub fn visible(v: &DocVisibility) -> Condition {
    let published = Condition::any().add(doc::Column::CurrentVersionId.is_not_null()).add(doc::Column::Status.eq("pa_remiss"));
    let live = Condition::any()
        .add(Condition::all().add(doc::Column::CurrentVersionId.is_not_null()).add(doc::Column::Status.ne("upphavd")))
        .add(doc::Column::Status.eq("pa_remiss"));
    let mut c = Condition::any();
    if !v.write.is_none() {
        c = c.add(scope_condition(&v.write, unit_path()));
    }
    if !v.read.is_none() {
        c = c.add(Condition::all().add(published).add(scope_condition(&v.read, unit_path())));
    }
    if !v.chain.is_empty() {
        c = c.add(Condition::all().add(live).add(doc::Column::AppliesToUnitId.is_in(v.chain.clone())));
    }
    if v.write.is_none() && v.read.is_none() && v.chain.is_empty() {
        c = c.add(Expr::val(1).eq(0));
    }
    c
}

fn scoped(v: &DocVisibility) -> Select<doc::Entity> {
    doc::Entity::find().join(JoinType::InnerJoin, doc::Relation::Unit.def()).filter(visible(v))
}

/// A row of the register.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize)]
pub struct DocRow {
    /// Id.
    pub id: i64,
    /// Type code.
    pub doc_type: String,
    /// Title.
    pub title: String,
    /// Status code.
    pub status: String,
    /// Owning unit.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// Parent document.
    pub parent_id: Option<i64>,
    /// The adopted version, if any.
    pub current_version_id: Option<i64>,
    /// Revision date of the adopted version.
    pub revision_date: Option<chrono::NaiveDate>,
    /// End of validity of the adopted version.
    pub valid_until: Option<chrono::NaiveDate>,
}

fn rows(q: Select<doc::Entity>) -> Selector<SelectModel<DocRow>> {
    q.select_only()
        .columns([
            doc::Column::Id,
            doc::Column::DocType,
            doc::Column::Title,
            doc::Column::Status,
            doc::Column::UnitId,
            doc::Column::ParentId,
            doc::Column::CurrentVersionId,
            doc::Column::RevisionDate,
            doc::Column::ValidUntil,
        ])
        .column_as(Expr::col((org_unit::Entity, org_unit::Column::Name)), "unit_name")
        .into_model::<DocRow>()
}

/// Filters of the register.
#[derive(Debug, Clone, Default)]
pub struct DocFilter {
    /// One type.
    pub doc_type: Option<String>,
    /// One status.
    pub status: Option<String>,
    /// Owned by this unit.
    pub unit_id: Option<i64>,
    /// Implementing this document.
    pub parent_id: Option<i64>,
}

/// The visible documents that match, one page.
pub async fn list<D: ConnectionTrait>(db: &D, v: &DocVisibility, f: &DocFilter, p: &ListParams) -> Result<Page<DocRow>, DbErr> {
    let mut q = scoped(v);
    if let Some(like) = p.like() {
        // `search_text` is the title lower-cased on write; the pattern is lower-cased too.
        q = q.filter(Expr::col((doc::Entity, doc::Column::SearchText)).like(sea_orm::sea_query::LikeExpr::new(like).escape('\\')));
    }
    if let Some(t) = &f.doc_type {
        q = q.filter(doc::Column::DocType.eq(t.as_str()));
    }
    if let Some(s) = &f.status {
        q = q.filter(doc::Column::Status.eq(s.as_str()));
    }
    if let Some(u) = f.unit_id {
        q = q.filter(doc::Column::UnitId.eq(u));
    }
    if let Some(pid) = f.parent_id {
        q = q.filter(doc::Column::ParentId.eq(pid));
    }
    let (total, exact) = super::count_upto(db, q.clone(), 10_000).await?;
    let q = match p.sort.as_deref() {
        Some("type") => q.order_by(doc::Column::DocType, p.dir.order()).order_by_asc(doc::Column::Title),
        Some("status") => q.order_by(doc::Column::Status, p.dir.order()).order_by_asc(doc::Column::Title),
        Some("unit") => q.order_by(Expr::col((org_unit::Entity, org_unit::Column::Name)), p.dir.order()).order_by_asc(doc::Column::Title),
        Some("revision") => q.order_by(doc::Column::RevisionDate, p.dir.order()).order_by_asc(doc::Column::Id),
        _ => q.order_by(doc::Column::Title, p.dir.order()).order_by_asc(doc::Column::Id),
    };
    let q = match p.per_page {
        Some(n) => q.offset(p.offset()).limit(n),
        None => q,
    };
    let items = rows(q).all(db).await?;
    Ok(Page { items, total, page: p.page.max(1), per_page: p.per_page.unwrap_or(total.max(1)), exact })
}

/// Every visible document, for the tree (capped).
pub async fn tree<D: ConnectionTrait>(db: &D, v: &DocVisibility, cap: u64) -> Result<Vec<DocRow>, DbErr> {
    rows(scoped(v).filter(doc::Column::Status.ne("upphavd")).order_by_asc(doc::Column::Title).limit(cap)).all(db).await
}

/// One visible document with the path of its unit.
pub async fn find<D: ConnectionTrait>(db: &D, v: &DocVisibility, id: i64) -> Result<Option<(doc::Model, String)>, DbErr> {
    let Some(d) = scoped(v).filter(doc::Column::Id.eq(id)).one(db).await? else {
        return Ok(None);
    };
    let path = org_unit::Entity::find_by_id(d.unit_id).one(db).await?.map(|u| u.path).unwrap_or_default();
    Ok(Some((d, path)))
}

/// One document regardless of visibility (for rules on the parent).
pub async fn find_any<D: ConnectionTrait>(db: &D, id: i64) -> Result<Option<doc::Model>, DbErr> {
    doc::Entity::find_by_id(id).one(db).await
}

/// The visible documents that implement `id`.
pub async fn children<D: ConnectionTrait>(db: &D, v: &DocVisibility, id: i64) -> Result<Vec<DocRow>, DbErr> {
    rows(scoped(v).filter(doc::Column::ParentId.eq(id)).order_by_asc(doc::Column::DocType).order_by_asc(doc::Column::Title)).all(db).await
}

/// Titles of documents by id (for the chain of parents; titles of visible parents only).
pub async fn titles<D: ConnectionTrait>(db: &D, v: &DocVisibility, ids: Vec<i64>) -> Result<Vec<DocRow>, DbErr> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    rows(scoped(v).filter(doc::Column::Id.is_in(ids))).all(db).await
}

/// Versions of a document, newest first.
pub async fn versions<D: ConnectionTrait>(db: &D, document_id: i64) -> Result<Vec<ver::Model>, DbErr> {
    ver::Entity::find().filter(ver::Column::DocumentId.eq(document_id)).order_by_desc(ver::Column::Number).all(db).await
}

/// One version by number.
pub async fn version<D: ConnectionTrait>(db: &D, document_id: i64, number: i32) -> Result<Option<ver::Model>, DbErr> {
    ver::Entity::find().filter(ver::Column::DocumentId.eq(document_id)).filter(ver::Column::Number.eq(number)).one(db).await
}

/// One version by id.
pub async fn version_by_id<D: ConnectionTrait>(db: &D, id: i64) -> Result<Option<ver::Model>, DbErr> {
    ver::Entity::find_by_id(id).one(db).await
}

/// The draft (unadopted) version of a document, if one is open.
pub async fn draft<D: ConnectionTrait>(db: &D, document_id: i64) -> Result<Option<ver::Model>, DbErr> {
    ver::Entity::find()
        .filter(ver::Column::DocumentId.eq(document_id))
        .filter(ver::Column::State.eq("draft"))
        .order_by_desc(ver::Column::Number)
        .one(db)
        .await
}

/// A strategy action with the state of its task.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize)]
pub struct ActionRow {
    /// Id.
    pub id: i64,
    /// What.
    pub title: String,
    /// Responsible person.
    pub responsible_user_id: Option<i64>,
    /// Their name.
    pub responsible_user_name: Option<String>,
    /// Responsible unit.
    pub responsible_unit_id: Option<i64>,
    /// Its name.
    pub responsible_unit_name: Option<String>,
    /// By when.
    pub due_date: Option<chrono::NaiveDate>,
    /// hog / medel / lag.
    pub priority: String,
    /// The task in Mina uppgifter, once the strategy is adopted.
    pub task_id: Option<i64>,
    /// open / done (of the task).
    pub task_status: Option<String>,
}

/// The actions of a strategy.
pub async fn actions<D: ConnectionTrait>(db: &D, document_id: i64) -> Result<Vec<ActionRow>, DbErr> {
    let sql = "SELECT a.id, a.title, a.responsible_user_id, u.display_name AS responsible_user_name, a.responsible_unit_id, \
               o.name AS responsible_unit_name, a.due_date, a.priority, a.task_id, t.status AS task_status \
               FROM document_actions a LEFT JOIN users u ON u.id = a.responsible_user_id \
               LEFT JOIN org_units o ON o.id = a.responsible_unit_id LEFT JOIN tasks t ON t.id = a.task_id \
               WHERE a.document_id = ? ORDER BY a.due_date, a.id";
    ActionRow::find_by_statement(stmt(db, sql, vec![document_id.into()])).all(db).await
}

/// The actions of a strategy as stored.
pub async fn action_models<D: ConnectionTrait>(db: &D, document_id: i64) -> Result<Vec<document_action::Model>, DbErr> {
    document_action::Entity::find().filter(document_action::Column::DocumentId.eq(document_id)).all(db).await
}

/// The remiss comments of a document, oldest first.
pub async fn comments<D: ConnectionTrait>(db: &D, document_id: i64) -> Result<Vec<document_comment::Model>, DbErr> {
    document_comment::Entity::find()
        .filter(document_comment::Column::DocumentId.eq(document_id))
        .order_by_asc(document_comment::Column::Id)
        .all(db)
        .await
}

/// The acknowledgement requests of a document.
pub async fn ack_requests<D: ConnectionTrait>(db: &D, document_id: i64) -> Result<Vec<document_ack_request::Model>, DbErr> {
    document_ack_request::Entity::find()
        .filter(document_ack_request::Column::DocumentId.eq(document_id))
        .order_by_asc(document_ack_request::Column::Id)
        .all(db)
        .await
}

/// Whether the user has confirmed the version.
pub async fn has_acked<D: ConnectionTrait>(db: &D, version_id: i64, user_id: i64) -> Result<bool, DbErr> {
    Ok(document_ack::Entity::find()
        .filter(document_ack::Column::VersionId.eq(version_id))
        .filter(document_ack::Column::UserId.eq(user_id))
        .one(db)
        .await?
        .is_some())
}

/// Builds a statement from SQL with `?` placeholders, numbered for PostgreSQL.
pub(crate) fn stmt<D: ConnectionTrait>(db: &D, sql: &str, values: Vec<Value>) -> Statement {
    let backend = db.get_database_backend();
    if backend == DbBackend::Postgres {
        let mut out = String::with_capacity(sql.len() + 8);
        let mut n = 0;
        for ch in sql.chars() {
            if ch == '?' {
                n += 1;
                out.push_str(&format!("${n}"));
            } else {
                out.push(ch);
            }
        }
        Statement::from_sql_and_values(backend, out, values)
    } else {
        Statement::from_sql_and_values(backend, sql, values)
    }
}

/// Who has confirmed, per unit under the request.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize)]
pub struct AckUnitRow {
    /// Unit.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// Active staff holding a role there.
    pub staff: i64,
    /// Of whom confirmed.
    pub acknowledged: i64,
}

/// For the units within `unit_path` (the request's subtree): staff and confirmations of
/// `version_id`, one row per unit that has staff.
pub async fn ack_report<D: ConnectionTrait>(db: &D, version_id: i64, unit_path: &str) -> Result<Vec<AckUnitRow>, DbErr> {
    let sql = "SELECT g.org_unit_id AS unit_id, o.name AS unit_name, COUNT(DISTINCT g.user_id) AS staff, \
               COUNT(DISTINCT k.user_id) AS acknowledged \
               FROM role_grants g JOIN org_units o ON o.id = g.org_unit_id JOIN users u ON u.id = g.user_id AND u.active = ? \
               LEFT JOIN document_acks k ON k.user_id = g.user_id AND k.version_id = ? \
               WHERE o.path LIKE ? GROUP BY g.org_unit_id, o.name, o.path ORDER BY o.path";
    AckUnitRow::find_by_statement(stmt(db, sql, vec![true.into(), version_id.into(), format!("{unit_path}%").into()])).all(db).await
}

/// A person's name.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize)]
pub struct PersonRow {
    /// Id.
    pub id: i64,
    /// Name.
    pub display_name: String,
}

/// The staff of one unit who have not confirmed `version_id` (at most `cap`).
pub async fn not_acked<D: ConnectionTrait>(db: &D, version_id: i64, unit_id: i64, cap: u64) -> Result<Vec<PersonRow>, DbErr> {
    let sql = "SELECT DISTINCT u.id, u.display_name FROM role_grants g JOIN users u ON u.id = g.user_id AND u.active = ? \
               WHERE g.org_unit_id = ? AND NOT EXISTS (SELECT 1 FROM document_acks k WHERE k.user_id = u.id AND k.version_id = ?) \
               ORDER BY u.display_name, u.id LIMIT ?";
    PersonRow::find_by_statement(stmt(db, sql, vec![true.into(), unit_id.into(), version_id.into(), (cap as i64).into()])).all(db).await
}

/// A version the user is asked to confirm.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize)]
pub struct PendingAck {
    /// Document.
    pub document_id: i64,
    /// Its title.
    pub title: String,
    /// The version to confirm.
    pub version_id: i64,
    /// Its number.
    pub number: i32,
}

/// Current versions the user has been asked to confirm (a request on one of `chain`, the
/// user's units and those above) and has not.
pub async fn pending_acks<D: ConnectionTrait>(db: &D, user_id: i64, chain: &[i64]) -> Result<Vec<PendingAck>, DbErr> {
    if chain.is_empty() {
        return Ok(vec![]);
    }
    let marks = vec!["?"; chain.len()].join(",");
    let sql = format!(
        "SELECT DISTINCT d.id AS document_id, d.title, v.id AS version_id, v.number FROM document_ack_requests r \
         JOIN documents d ON d.id = r.document_id AND d.current_version_id = r.version_id AND d.status <> 'upphavd' \
         JOIN document_versions v ON v.id = r.version_id \
         WHERE r.unit_id IN ({marks}) AND NOT EXISTS (SELECT 1 FROM document_acks k WHERE k.version_id = r.version_id AND k.user_id = ?) \
         ORDER BY d.title LIMIT 200"
    );
    let mut values: Vec<Value> = chain.iter().map(|i| (*i).into()).collect();
    values.push(user_id.into());
    PendingAck::find_by_statement(stmt(db, &sql, values)).all(db).await
}

/// Follow-up: a document needing its owner's attention.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize)]
pub struct FollowUpRow {
    /// Document.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Type.
    pub doc_type: String,
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
    pub revision_date: Option<chrono::NaiveDate>,
    /// End of validity.
    pub valid_until: Option<chrono::NaiveDate>,
}

/// Counts per unit for the overview.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize)]
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

/// Nobody to act: no personal owner and no head of the unit, or an owner who has left
/// (inactive; few, found through `ix_users_active`). Takes one value: `false`.
const NO_OWNER: &str =
    "((d.owner_user_id IS NULL AND o.head_user_id IS NULL) OR d.owner_user_id IN (SELECT ou.id FROM users ou WHERE ou.active = ?))";

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
            Some(format!("({})", ps.iter().map(|p| format!("o.path LIKE '{}'", p.like_pattern())).collect::<Vec<_>>().join(" OR ")))
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
    let mut values: Vec<Value> = vec![today.into(), today.into(), false.into()];
    let Some(w) = whose(&who, &mut values) else { return Ok(vec![]) };
    values.extend([today.into(), today.into(), false.into(), (cap as i64).into()]);
    let sql = format!(
        "SELECT d.id, d.title, d.doc_type, d.unit_id, o.name AS unit_name, \
         CASE WHEN d.revision_date < ? THEN 1 ELSE 0 END = 1 AS revision_overdue, \
         CASE WHEN d.doc_type = 'strategi' AND d.valid_until < ? THEN 1 ELSE 0 END = 1 AS expired, \
         CASE WHEN {NO_OWNER} THEN 1 ELSE 0 END = 1 AS no_owner, d.revision_date, d.valid_until \
         FROM documents d JOIN org_units o ON o.id = d.unit_id \
         WHERE d.status IN ('gallande', 'under_revision') AND {w} \
         AND (d.revision_date < ? OR (d.doc_type = 'strategi' AND d.valid_until < ?) OR {NO_OWNER}) \
         ORDER BY d.revision_date, d.id LIMIT ?"
    );
    FollowUpRow::find_by_statement(stmt(db, &sql, values)).all(db).await
}

/// Counts per owning unit within `scope`, aggregated in SQL.
pub async fn follow_up_counts<D: ConnectionTrait>(db: &D, scope: &Scope, today: chrono::NaiveDate) -> Result<Vec<FollowUpCount>, DbErr> {
    let Some(w) = scope_sql(scope) else { return Ok(vec![]) };
    let sql = format!(
        "SELECT o.id AS unit_id, o.name AS unit_name, \
         SUM(CASE WHEN x.kind = 'r' THEN 1 ELSE 0 END) AS revision_overdue, \
         SUM(CASE WHEN x.kind = 'e' THEN 1 ELSE 0 END) AS expired, \
         SUM(CASE WHEN x.kind = 'n' THEN 1 ELSE 0 END) AS no_owner, \
         SUM(CASE WHEN x.kind = 'a' THEN 1 ELSE 0 END) AS actions_overdue \
         FROM ( \
           SELECT d.unit_id, 'r' AS kind FROM documents d WHERE d.status IN ('gallande', 'under_revision') AND d.revision_date < ? \
           UNION ALL SELECT d.unit_id, 'e' FROM documents d WHERE d.status IN ('gallande', 'under_revision') AND d.doc_type = 'strategi' AND d.valid_until < ? \
           UNION ALL SELECT d.unit_id, 'n' FROM documents d JOIN org_units o ON o.id = d.unit_id WHERE d.status IN ('gallande', 'under_revision') AND {NO_OWNER} \
           UNION ALL SELECT d.unit_id, 'a' FROM document_actions a JOIN documents d ON d.id = a.document_id JOIN tasks t ON t.id = a.task_id \
             WHERE t.status = 'open' AND t.due_date < ? \
         ) x JOIN org_units o ON o.id = x.unit_id WHERE {w} GROUP BY o.id, o.name, o.path ORDER BY o.path"
    );
    FollowUpCount::find_by_statement(stmt(db, &sql, vec![today.into(), today.into(), false.into(), today.into()])).all(db).await
}

/// Overdue strategy actions within `scope` (at most `cap`).
#[derive(Debug, Clone, FromQueryResult, serde::Serialize)]
pub struct OverdueAction {
    /// Document.
    pub document_id: i64,
    /// Its title.
    pub document_title: String,
    /// The action.
    pub title: String,
    /// Deadline.
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
    let mut values: Vec<Value> = vec![today.into()];
    let Some(w) = whose(&who, &mut values) else { return Ok(vec![]) };
    values.push((cap as i64).into());
    let sql = format!(
        "SELECT d.id AS document_id, d.title AS document_title, a.title, a.due_date, o.name AS unit_name \
         FROM document_actions a JOIN documents d ON d.id = a.document_id JOIN tasks t ON t.id = a.task_id \
         JOIN org_units o ON o.id = d.unit_id WHERE t.status = 'open' AND t.due_date < ? AND {w} ORDER BY a.due_date, a.id LIMIT ?"
    );
    OverdueAction::find_by_statement(stmt(db, &sql, values)).all(db).await
}

/// Units a user acts for: those they head, or hold Verksamhetsansvarig on.
pub async fn units_acted_for<D: ConnectionTrait>(db: &D, user_id: i64) -> Result<Vec<i64>, DbErr> {
    let sql = "SELECT id FROM org_units WHERE head_user_id = ? UNION SELECT org_unit_id FROM role_grants WHERE user_id = ? AND role = ?";
    let rows = db.query_all(stmt(db, sql, vec![user_id.into(), user_id.into(), "verksamhetsansvarig".into()])).await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        out.push(r.try_get_by_index::<i64>(0)?);
    }
    Ok(out)
}

/// Names of users by id.
pub async fn user_names<D: ConnectionTrait>(db: &D, ids: Vec<i64>) -> Result<Vec<(i64, String)>, DbErr> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    user::Entity::find()
        .select_only()
        .columns([user::Column::Id, user::Column::DisplayName])
        .filter(user::Column::Id.is_in(ids))
        .into_tuple()
        .all(db)
        .await
}

/// Tasks of a source, for tests and checks.
pub async fn tasks_of_action<D: ConnectionTrait>(db: &D, action_id: i64) -> Result<Vec<task::Model>, DbErr> {
    task::Entity::find().filter(task::Column::SourceType.eq("document.action")).filter(task::Column::SourceId.eq(action_id)).all(db).await
}
