//! Tasks: every deadline any module assigns lands here and in "Mina uppgifter".

use crate::entity::task;
use sea_orm::sea_query::{Expr, Value};
use sea_orm::*;
use varn_domain::task::TaskStatus;
use varn_domain::Code;

/// A task to create.
#[derive(Debug, Clone)]
pub struct NewTask {
    /// The module and kind of thing the task comes from, e.g. `document.revision`.
    pub source_type: String,
    /// The id of that thing.
    pub source_id: Option<i64>,
    /// What to do.
    pub title: String,
    /// Where to do it (a path of the app).
    pub link: String,
    /// A person responsible.
    pub assignee_user_id: Option<i64>,
    /// A unit responsible (its heads see it).
    pub assignee_unit_id: Option<i64>,
    /// When.
    pub due_date: Option<chrono::NaiveDate>,
    /// The unit the task is counted under in the follow-up of work, when given to a person
    /// (the thing's unit); a task given to a unit is counted under that unit.
    pub unit_id: Option<i64>,
}

/// A task with the name of the unit it is assigned to.
#[derive(Debug, Clone, FromQueryResult)]
pub struct TaskRow {
    /// Id.
    pub id: i64,
    /// Source kind.
    pub source_type: String,
    /// Title.
    pub title: String,
    /// Link.
    pub link: String,
    /// Assigned person.
    pub assignee_user_id: Option<i64>,
    /// Assigned unit.
    pub assignee_unit_id: Option<i64>,
    /// Due.
    pub due_date: Option<chrono::NaiveDate>,
    /// Open or done.
    pub status: TaskStatus,
}

/// Creates a task.
pub async fn insert<D: ConnectionTrait>(db: &D, t: NewTask) -> Result<task::Model, DbErr> {
    task::ActiveModel {
        source_type: Set(t.source_type),
        source_id: Set(t.source_id),
        title: Set(t.title),
        link: Set(t.link),
        assignee_user_id: Set(t.assignee_user_id),
        assignee_unit_id: Set(t.assignee_unit_id),
        due_date: Set(t.due_date),
        status: Set(TaskStatus::Open),
        created_at: Set(super::now()),
        completed_at: Set(None),
        unit_id: Set(t.assignee_unit_id.or(t.unit_id)),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// Who the user's tasks are: assigned to them, or to a unit they head or hold
/// Verksamhetsansvarig on (`units`); open only unless `include_done`.
fn mine_condition(user_id: i64, units: &[i64], include_done: bool) -> Condition {
    // The units as a literal list: with sub-queries PostgreSQL scans every open task instead
    // of combining the two indexes.
    let mut who = Condition::any().add(task::Column::AssigneeUserId.eq(user_id));
    if !units.is_empty() {
        who = who.add(task::Column::AssigneeUnitId.is_in(units.iter().copied()));
    }
    let mut c = Condition::all().add(who);
    if !include_done {
        c = c.add(task::Column::Status.eq(TaskStatus::Open));
    }
    c
}

/// The user's tasks (see [`mine_condition`]), overdue and soonest first, undated last: `limit`
/// of them from `offset`.
pub async fn mine<D: ConnectionTrait>(
    db: &D,
    user_id: i64,
    units: &[i64],
    include_done: bool,
    offset: u64,
    limit: u64,
) -> Result<Vec<TaskRow>, DbErr> {
    crate::repo::kept::all(db, mine_query(user_id, units, include_done, offset, limit)).await
}

/// Which kept text a query of the user's tasks uses: its shape is decided by how many units
/// (0–4 kept) and whether done tasks are included; `None` past that (built every time).
fn mine_shape(units: &[i64], include_done: bool) -> usize {
    if units.len() > 4 {
        0
    } else {
        units.len() * 2 + usize::from(include_done) + 1
    }
}

/// The values a query of the user's tasks binds, in order (see [`mine_condition`]).
fn mine_values(user_id: i64, units: &[i64], include_done: bool) -> Vec<Value> {
    let mut v: Vec<Value> = Vec::with_capacity(units.len() + 4);
    v.push(user_id.into());
    v.extend(units.iter().map(|&u| Value::from(u)));
    if !include_done {
        v.push(TaskStatus::Open.as_str().into());
    }
    v
}

/// The query of [`mine`] (its text kept per shape, see [`crate::repo::kept`]); the open
/// tasks on SQLite through their own indexes ([`OpenOnSqlite`]).
pub fn mine_query(
    user_id: i64,
    units: &[i64],
    include_done: bool,
    offset: u64,
    limit: u64,
) -> impl crate::repo::kept::Read<S = SelectModel<TaskRow>> + use<> {
    static KEPT: [crate::repo::kept::Slot; 10] = [const { crate::repo::kept::Slot::new() }; 10];
    let mut values = mine_values(user_id, units, include_done);
    values.extend([Value::from(limit), Value::from(offset)]);
    let sqlite = (!include_done).then(|| {
        let mut v = open_values(user_id, units);
        v.extend([Value::from(limit), Value::from(offset)]);
        OpenOnSqlite { units: units.len(), count: false, values: v }
    });
    let units = units.to_vec();
    let other = crate::repo::kept::Slot::keep_nth(&KEPT, mine_shape(&units, include_done), values, move || {
        crate::repo::select::find::<task::Entity>()
            .filter(mine_condition(user_id, &units, include_done))
            .select_only()
            .columns([
                task::Column::Id,
                task::Column::SourceType,
                task::Column::Title,
                task::Column::Link,
                task::Column::AssigneeUserId,
                task::Column::AssigneeUnitId,
                task::Column::DueDate,
                task::Column::Status,
            ])
            // Undated tasks last on both databases.
            .order_by_asc(Expr::cust("CASE WHEN due_date IS NULL THEN 1 ELSE 0 END"))
            .order_by_asc(task::Column::DueDate)
            .order_by_asc(task::Column::Id)
            .offset(offset)
            .limit(limit)
            .into_model::<TaskRow>()
    });
    Mine { sqlite, other }
}

/// How many tasks [`mine`] would list in all: one row, the count.
pub fn count_mine_query(
    user_id: i64,
    units: &[i64],
    include_done: bool,
) -> impl crate::repo::kept::Read<S = SelectGetableTuple<i64>> + use<> {
    static KEPT: [crate::repo::kept::Slot; 10] = [const { crate::repo::kept::Slot::new() }; 10];
    let values = mine_values(user_id, units, include_done);
    let sqlite = (!include_done).then(|| OpenOnSqlite { units: units.len(), count: true, values: open_values(user_id, units) });
    let units = units.to_vec();
    let other = crate::repo::kept::Slot::keep_nth(&KEPT, mine_shape(&units, include_done), values, move || {
        crate::repo::select::find::<task::Entity>()
            .filter(mine_condition(user_id, &units, include_done))
            .select_only()
            .column_as(sea_orm::sea_query::Expr::cust("COUNT(*)"), "n")
            .into_tuple()
    });
    Mine { sqlite, other }
}

/// A read of the user's tasks: the open ones on SQLite as [`OpenOnSqlite`] writes them, else
/// `other` (SeaORM's query, its text kept).
struct Mine<R> {
    sqlite: Option<OpenOnSqlite>,
    other: R,
}

impl<R: crate::repo::kept::Read> crate::repo::kept::Read for Mine<R> {
    type S = R::S;
    fn statement(self, backend: DbBackend) -> Statement {
        match self.sqlite {
            Some(open) if backend == DbBackend::Sqlite => open.statement(),
            _ => self.other.statement(backend),
        }
    }
    fn fresh(self, backend: DbBackend) -> Statement {
        match self.sqlite {
            Some(open) if backend == DbBackend::Sqlite => open.statement(),
            _ => self.other.fresh(backend),
        }
    }
    fn is_kept(&self, backend: DbBackend) -> bool {
        match &self.sqlite {
            Some(open) if backend == DbBackend::Sqlite => open.slot().is_some_and(|s| s.get().is_some()),
            _ => self.other.is_kept(backend),
        }
    }
}

/// SQLite's read of the user's open tasks (or their count): the tasks given to their units
/// through one index of the open tasks and those given to them by name (and to no unit of
/// theirs, so that none comes twice) through the other, both carrying the rows and ordered as
/// the list is (m0031), merged without a sort when there is at most one unit. Its text is
/// written here once per number of units (up to four, as [`mine_shape`]).
struct OpenOnSqlite {
    units: usize,
    count: bool,
    values: Vec<Value>,
}

impl OpenOnSqlite {
    fn slot(&self) -> Option<&'static std::sync::OnceLock<Box<str>>> {
        static ROWS: [std::sync::OnceLock<Box<str>>; 5] = [const { std::sync::OnceLock::new() }; 5];
        static COUNTS: [std::sync::OnceLock<Box<str>>; 5] = [const { std::sync::OnceLock::new() }; 5];
        if self.count {
            COUNTS.get(self.units)
        } else {
            ROWS.get(self.units)
        }
    }

    fn statement(self) -> Statement {
        let sql = match self.slot() {
            Some(slot) => slot.get_or_init(|| open_sqlite_sql(self.units, self.count).into_boxed_str()).to_string(),
            None => open_sqlite_sql(self.units, self.count),
        };
        Statement::from_sql_and_values(DbBackend::Sqlite, sql, self.values)
    }
}

/// The values [`open_sqlite_sql`] binds before its `LIMIT`: the units, the user, the units.
fn open_values(user_id: i64, units: &[i64]) -> Vec<Value> {
    let mut v: Vec<Value> = Vec::with_capacity(units.len() * 2 + 3);
    v.extend(units.iter().map(|&u| Value::from(u)));
    v.push(user_id.into());
    v.extend(units.iter().map(|&u| Value::from(u)));
    v
}

/// The text of [`OpenOnSqlite`] for `units` units: the rows (with `LIMIT ? OFFSET ?`) or
/// their count.
fn open_sqlite_sql(units: usize, count: bool) -> String {
    use crate::migration::m0031_open_tasks_sqlite::{BY_UNIT, BY_USER};
    let open = TaskStatus::Open.as_str();
    let list = vec!["?"; units].join(", ");
    let not_theirs =
        if units == 0 { String::new() } else { format!(" AND (assignee_unit_id IS NULL OR assignee_unit_id NOT IN ({list}))") };
    let to_unit =
        |what: &str| format!("SELECT {what} FROM tasks INDEXED BY {BY_UNIT} WHERE assignee_unit_id IN ({list}) AND status = '{open}'");
    let to_user =
        |what: &str| format!("SELECT {what} FROM tasks INDEXED BY {BY_USER} WHERE assignee_user_id = ? AND status = '{open}'{not_theirs}");
    if count {
        let by_name = to_user("COUNT(*)");
        return if units == 0 {
            format!("SELECT ({by_name}) AS n")
        } else {
            format!("SELECT ({}) + ({by_name}) AS n", to_unit("COUNT(*)"))
        };
    }
    let row = "id, source_type, title, link, assignee_user_id, assignee_unit_id, due_date, status, due_date IS NULL AS undated";
    let by_name = to_user(row);
    let both = if units == 0 { by_name } else { format!("{} UNION ALL {by_name}", to_unit(row)) };
    format!("{both} ORDER BY undated, due_date, id LIMIT ? OFFSET ?")
}

/// Whether task `id` is one of the user's (open or done).
pub async fn is_mine<D: ConnectionTrait>(db: &D, user_id: i64, units: &[i64], id: i64) -> Result<bool, DbErr> {
    Ok(crate::repo::select::find::<task::Entity>()
        .filter(task::Column::Id.eq(id))
        .filter(mine_condition(user_id, units, true))
        .count(db)
        .await?
        > 0)
}

/// One task.
pub async fn find<D: ConnectionTrait>(db: &D, id: i64) -> Result<Option<task::Model>, DbErr> {
    task::Entity::find_by_id(id).one(db).await
}

/// Marks a task done or open again.
pub async fn set_status<D: ConnectionTrait>(db: &D, id: i64, done: bool) -> Result<(), DbErr> {
    task::Entity::update_many()
        .col_expr(task::Column::Status, Expr::value(if done { TaskStatus::Done } else { TaskStatus::Open }))
        .col_expr(task::Column::CompletedAt, Expr::value(if done { Some(super::now()) } else { None }))
        .filter(task::Column::Id.eq(id))
        .exec(db)
        .await
        .map(|_| ())
}
