//! Mina uppgifter: every task any module assigns to the user or their units.

use crate::modules::WorkSection;
use crate::{Actor, App, AppError, Page};
use serde_json::json;
use varn_domain::Permission;
use varn_store::batch::Reads;
use varn_store::repo::org;
use varn_store::repo::tasks::{self as repo, NewTask, TaskRow};

/// A task with what the list shows.
#[derive(Debug, Clone)]
pub struct TaskView {
    /// The task.
    pub task: TaskRow,
    /// The unit it is assigned to, by name.
    pub unit_name: Option<String>,
    /// Days until due (negative: overdue).
    pub days_left: Option<i64>,
}

/// What Mina uppgifter shows: a page of the actor's tasks and every module's sections.
#[derive(Debug, Clone)]
pub struct MyTasks {
    /// The page of tasks.
    pub tasks: Page<TaskView>,
    /// What each module asks of the actor (empty sections left out).
    pub sections: Vec<WorkSection>,
}

impl App {
    /// Mina uppgifter: the actor's open tasks (or all, with `include_done`), overdue first:
    /// page `page` (from 1) of `per_page`, with how many there are in all (a page past the
    /// last is the last), and every module's sections.
    pub async fn my_tasks(&self, actor: &Actor, include_done: bool, page: u64, per_page: u64) -> Result<MyTasks, AppError> {
        let db = self.store.read();
        let (me, units) = (actor.id.0, &actor.acted_for);
        let per_page = per_page.max(1);
        let asked = page.max(1);
        // The count, the page asked for, the names of the units the tasks can be assigned to
        // (the actor's own: see `mine_condition`) and every module's lists in one batch; a
        // page past the last is read again as the last.
        let mut b = Reads::on(db);
        let total = b.add(repo::count_mine_query(me, units, include_done));
        let rows = b.add(repo::mine_query(me, units, include_done, (asked - 1) * per_page, per_page));
        let names = (!units.is_empty()).then(|| b.add(org::by_ids_query(units.clone())));
        let work = self.work_reads(actor, &mut b).await?;
        let mut got = b.run(db).await?;
        let total = got.take_one(total)?.unwrap_or(0).max(0) as u64;
        let page = asked.min(total.div_ceil(per_page).max(1));
        let rows = if page == asked { got.take(rows)? } else { Vec::new() };
        let names = got.take_if(names)?;
        let sections = self.work_sections(work, &mut got)?;
        let rows = if page == asked { rows } else { repo::mine(db, me, units, include_done, (page - 1) * per_page, per_page).await? };
        let names = self.with_other_units(&rows, names).await?;
        let items = self.views_named(rows, &names);
        Ok(MyTasks { tasks: Page { items, total, page, per_page, exact: true }, sections })
    }

    /// The actor's open tasks, overdue first, at most `limit`: the list alone, without the
    /// count a page of them needs (the task API's plain list), with the names of the units
    /// they can be assigned to (the actor's own) in the same batch.
    pub async fn my_open_tasks(&self, actor: &Actor, limit: u64) -> Result<Vec<TaskView>, AppError> {
        let db = self.store.read();
        let units = &actor.acted_for;
        let mut b = Reads::on(db);
        let rows = b.add(repo::mine_query(actor.id.0, units, false, 0, limit.max(1)));
        let names = (!units.is_empty()).then(|| b.add(org::by_ids_query(units.clone())));
        let mut got = b.run(db).await?;
        let (rows, names) = (got.take(rows)?, got.take_if(names)?);
        let names = self.with_other_units(&rows, names).await?;
        Ok(self.views_named(rows, &names))
    }

    /// `names` (the actor's own units, read with the tasks) and any other unit a task of
    /// theirs is also assigned to (a task given to them by name and to a unit they do not
    /// act for): read only when there is one.
    async fn with_other_units(
        &self,
        rows: &[TaskRow],
        mut names: Vec<varn_store::entity::org_unit::Model>,
    ) -> Result<Vec<varn_store::entity::org_unit::Model>, AppError> {
        let mut other: Vec<i64> = rows.iter().filter_map(|t| t.assignee_unit_id).filter(|u| !names.iter().any(|n| n.id == *u)).collect();
        if !other.is_empty() {
            other.sort_unstable();
            other.dedup();
            names.extend(org::by_ids(self.store.read(), other).await?);
        }
        Ok(names)
    }

    /// The rows with the names of their units (among `units`) and days left.
    fn views_named(&self, rows: Vec<TaskRow>, units: &[varn_store::entity::org_unit::Model]) -> Vec<TaskView> {
        let today = self.today();
        rows.into_iter()
            .map(|t| TaskView {
                unit_name: t.assignee_unit_id.and_then(|u| units.iter().find(|x| x.id == u)).map(|u| u.name.clone()),
                days_left: varn_domain::task::days_left(t.due_date, today),
                task: t,
            })
            .collect()
    }

    /// Creates a task (used by the modules, and by the demo).
    pub async fn task_create(&self, actor: &Actor, t: NewTask) -> Result<i64, AppError> {
        let cap = actor.can(Permission::Participate)?;
        let w = self.begin(&cap).await?;
        let m = repo::insert(&*w, t).await?;
        w.commit(
            actor
                .audit("task.create", "task")
                .entity(m.id)
                .after(json!({"title": m.title, "due_date": m.due_date, "user": m.assignee_user_id, "unit": m.assignee_unit_id})),
        )
        .await?;
        Ok(m.id)
    }

    /// Marks one of the actor's tasks done (or open again).
    pub async fn task_set_done(&self, actor: &Actor, id: i64, done: bool) -> Result<(), AppError> {
        // An incident's action is marked on the incident too (its timeline and audit row).
        if let Some(t) = repo::find(self.store.read(), id).await? {
            if t.source_type == varn_store::repo::incidents::TASK_SOURCE
                && t.assignee_user_id == Some(actor.id.0)
                && self.incidents().action_task_done(actor, id, done).await?.is_some()
            {
                return Ok(());
            }
        }
        let cap = actor.can(Permission::Participate)?;
        let w = self.begin(&cap).await?;
        // Whose the task is, read again inside the write (not from the session's copy).
        let units = org::units_acted_for(&*w, actor.id.0).await?;
        if !repo::is_mine(&*w, actor.id.0, &units, id).await? {
            return Err(AppError::NotFound);
        }
        repo::set_status(&*w, id, done).await?;
        w.commit(actor.audit(if done { "task.done" } else { "task.reopen" }, "task").entity(id)).await?;
        Ok(())
    }
}
