//! What the module puts in Mina uppgifter for those who handle incidents: new reports to
//! triage, deadlines within two days or passed (nearest first), and what has been raised to
//! allvarlig störning or kris.

use super::Incidents;
use crate::modules::{Note, WorkItem, WorkSection};
use crate::{Actor, AppError, ListParams};
use varn_domain::incident::{Level, Status};
use varn_domain::Permission;
use varn_store::repo::incidents::{self as repo, IncidentFilter, IncidentRow, IncidentVisibility};

/// How far ahead a deadline shows in Mina uppgifter.
pub const DUE_NOTICE_HOURS: i64 = 48;

fn local(t: chrono::DateTime<chrono::Utc>) -> String {
    let (d, h) = varn_domain::incident::local_parts(t);
    format!("{d} {h}")
}

fn item(r: IncidentRow, note: Note) -> WorkItem {
    WorkItem { title: r.title, link: format!("/incidents/{}", r.id), notes: vec![note], detail: Some(r.unit_name), date: None }
}

impl<'a> Incidents<'a> {
    /// The actor's sections of Mina uppgifter.
    pub async fn work_sections(self, actor: &'a Actor) -> Result<Vec<WorkSection>, AppError> {
        let handle = actor.scope(Permission::IncidentHandle);
        if handle.is_none() {
            return Ok(vec![]);
        }
        let v = IncidentVisibility { read: handle, user_id: actor.id.0 };
        let p = ListParams { page: 1, per_page: Some(50), ..Default::default() };
        let db = self.db();
        let new = repo::list(db, &v, &IncidentFilter { status: Some(Status::Rapporterad), ..Default::default() }, &p).await?;
        let now = chrono::Utc::now();
        let f =
            IncidentFilter { open: Some(true), due_before: Some(now + chrono::Duration::hours(DUE_NOTICE_HOURS)), ..Default::default() };
        let due = repo::list(db, &v, &f, &p).await?;
        let raised = repo::list(db, &v, &IncidentFilter { open: Some(true), raised: true, ..Default::default() }, &p).await?;
        let due_items = due.items.into_iter().filter_map(|r| {
            let d = r.next_due?;
            let key = if d < now { "incident.work.due_passed" } else { "incident.work.due_at" };
            Some(item(r, Note { key, args: vec![("due", local(d))], date: None }))
        });
        let raised_items = raised.items.into_iter().map(|r| {
            let key = if r.level == Level::Kris { "incident.work.kris" } else { "incident.work.allvarlig" };
            item(r, Note::key(key))
        });
        Ok(vec![
            WorkSection { id: "incident-raised-h", heading: "incident.work.raised", items: raised_items.collect() },
            WorkSection { id: "incident-due-h", heading: "incident.work.deadlines", items: due_items.collect() },
            WorkSection {
                id: "incident-new-h",
                heading: "incident.work.new",
                items: new.items.into_iter().map(|r| item(r, Note::key("incident.work.triage"))).collect(),
            },
        ])
    }
}
