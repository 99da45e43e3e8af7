//! Where a module plugs into the foundation. A module fills in one [`Module`] and adds it to
//! [`MODULES`]; Mina uppgifter, the organisation unit's delete guard and the audit log then
//! take it in without knowing it, and the demo city loads its section.

use crate::{Actor, App, AppError};
use chrono::NaiveDate;
use sea_orm::{DatabaseTransaction, DbErr};
use std::future::Future;
use std::pin::Pin;
use varn_store::batch::{Got, Reads};

/// A boxed future, so that modules' functions can sit in one list.
pub type Boxed<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// One line under an item in Mina uppgifter: a catalogue key with its arguments, and a date.
#[derive(Debug, Clone)]
pub struct Note {
    /// Catalogue key.
    pub key: &'static str,
    /// Its `{name}` arguments (data).
    pub args: Vec<(&'static str, String)>,
    /// A date that goes with it (a deadline passed, say).
    pub date: Option<NaiveDate>,
}

impl Note {
    /// A note that is just a catalogue key.
    pub fn key(key: &'static str) -> Self {
        Note { key, args: vec![], date: None }
    }

    /// With a date.
    pub fn on(mut self, date: Option<NaiveDate>) -> Self {
        self.date = date;
        self
    }
}

/// Something a module asks of the person, beyond the tasks in the task table.
#[derive(Debug, Clone)]
pub struct WorkItem {
    /// What it concerns (a document's title).
    pub title: String,
    /// Where to act.
    pub link: String,
    /// Why it is here.
    pub notes: Vec<Note>,
    /// A detail that is data (the overdue action's title), after the notes.
    pub detail: Option<String>,
    /// The date of the detail (the action's deadline).
    pub date: Option<NaiveDate>,
}

/// A section of Mina uppgifter that a module fills.
#[derive(Debug, Clone)]
pub struct WorkSection {
    /// The section's HTML id (stable: links and tests find it).
    pub id: &'static str,
    /// Catalogue key of its heading.
    pub heading: &'static str,
    /// Its items (the section is left out when empty).
    pub items: Vec<WorkItem>,
}

/// What a module makes of its rows once the batch of Mina uppgifter has run: its sections.
pub type WorkTake = Box<dyn FnOnce(&App, &mut Got) -> Result<Vec<WorkSection>, AppError> + Send>;

/// What a module adds to a person's Mina uppgifter: its reads, added to the page's one batch
/// (one hand-off on SQLite for the tasks and every module's lists), and what makes its
/// sections of their rows.
pub type WorkFn = for<'a> fn(&'a App, &'a Actor, &'a mut Reads) -> Boxed<'a, Result<WorkTake, AppError>>;

/// What of a module still refers to an organisation unit: (`ref.*` catalogue key, count).
pub type UnitRefsFn = for<'a> fn(&'a DatabaseTransaction, i64) -> Boxed<'a, Result<Vec<(&'static str, u64)>, DbErr>>;

/// What a module counts per unit in the follow-up of work beyond its tasks (documents past
/// their revision date, say), within a scope, on a day (every such item is overdue).
pub type FollowUpFn = for<'a> fn(&'a App, &'a varn_domain::Scope, NaiveDate) -> Boxed<'a, Result<Vec<crate::work::WorkCount>, AppError>>;

/// What a module loads of the demo city (its own section of the file).
pub type DemoFn = for<'a> fn(&'a App, &'a crate::demo::DemoCity) -> Boxed<'a, Result<(), AppError>>;

/// A module's registration.
pub struct Module {
    /// Its name (for logs).
    pub name: &'static str,
    /// Its part of Mina uppgifter.
    pub work: WorkFn,
    /// What keeps a unit from being deleted.
    pub unit_refs: UnitRefsFn,
    /// The entity types it writes to the audit log (each with an `audit.ent.*` label).
    pub audit_entities: &'static [&'static str],
    /// Its part of the demo city.
    pub demo: DemoFn,
    /// What it adds to the follow-up of work beyond its tasks (every deadline that is a task
    /// is counted already).
    pub follow_up: FollowUpFn,
    /// Where each kind it counts in [`Module::follow_up`] is listed.
    pub follow_up_links: &'static [FollowUpLink],
}

/// Where the items of a module's follow-up kind are listed.
#[derive(Debug, Clone, Copy)]
pub struct FollowUpLink {
    /// The kind.
    pub kind: &'static str,
    /// The list.
    pub link: &'static str,
    /// Whether the list takes `unit=` (a unit and its subtree).
    pub by_unit: bool,
}

/// The list of a follow-up kind's items, narrowed to `unit` where the list can be.
pub fn follow_up_link(kind: &str, unit: Option<i64>) -> Option<String> {
    let l = MODULES.iter().flat_map(|m| m.follow_up_links.iter()).find(|l| l.kind == kind)?;
    Some(match unit {
        Some(u) if l.by_unit => format!("{}{}unit={u}", l.link, if l.link.contains('?') { '&' } else { '?' }),
        _ => l.link.to_owned(),
    })
}

/// For a module whose every deadline is a task.
pub fn no_follow_up<'a>(_: &'a App, _: &'a varn_domain::Scope, _: NaiveDate) -> Boxed<'a, Result<Vec<crate::work::WorkCount>, AppError>> {
    Box::pin(async { Ok(vec![]) })
}

/// Every module. A new module adds one line.
pub const MODULES: &[Module] = &[crate::documents::MODULE, crate::assets::MODULE, crate::risks::MODULE, crate::incidents::MODULE];

/// The entity types of the audit log: the foundation's, then every module's.
pub fn audit_entities() -> Vec<&'static str> {
    let mut v = vec!["org_unit", "user", "api_token", "attachment", "task", "setting"];
    v.extend(MODULES.iter().flat_map(|m| m.audit_entities.iter().copied()));
    v
}

impl App {
    /// What every module asks of the actor: each module's reads added to `reads` (the page's
    /// batch), and what makes their sections once it has run (see [`App::work_sections`]).
    pub async fn work_reads(&self, actor: &Actor, reads: &mut Reads) -> Result<Vec<WorkTake>, AppError> {
        let mut out = Vec::with_capacity(MODULES.len());
        for m in MODULES {
            out.push((m.work)(self, actor, reads).await?);
        }
        Ok(out)
    }

    /// The sections of [`App::work_reads`] from the batch's rows, module by module (empty
    /// sections left out).
    pub fn work_sections(&self, takes: Vec<WorkTake>, got: &mut Got) -> Result<Vec<WorkSection>, AppError> {
        let mut out = Vec::new();
        for take in takes {
            out.extend(take(self, got)?.into_iter().filter(|s| !s.items.is_empty()));
        }
        Ok(out)
    }
}
