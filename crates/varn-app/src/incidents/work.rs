//! What the module puts in Mina uppgifter for those who handle incidents: new reports to
//! triage, deadlines within two days or passed (nearest first), and what has been raised to
//! allvarlig störning or kris.

use super::Incidents;
use crate::modules::{Note, WorkItem, WorkSection, WorkTake};
use crate::{Actor, AppError};
use varn_domain::incident::{Level, Status};
use varn_domain::Permission;
use varn_store::batch::Reads;
use varn_store::repo::incidents::{self as repo, IncidentRow, IncidentVisibility};

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
    /// The actor's sections of Mina uppgifter: one read, the open incidents in view, added to
    /// the page's batch and sorted into the sections here.
    pub async fn work_reads(self, actor: &Actor, b: &mut Reads) -> Result<WorkTake, AppError> {
        let handle = actor.scope(Permission::IncidentHandle);
        if handle.is_none() {
            return Ok(Box::new(|_, _| Ok(vec![])));
        }
        let v = IncidentVisibility { read: handle, user_id: actor.id.0 };
        let open = b.add(repo::open_in_view_query(self.db(), &v, 300).await?);
        Ok(Box::new(move |_, got| {
            let open = got.take(open)?;
            let now = chrono::Utc::now();
            let soon = now + chrono::Duration::hours(DUE_NOTICE_HOURS);
            let new_items: Vec<WorkItem> = open
                .iter()
                .filter(|r| r.status == Status::Rapporterad)
                .take(50)
                .map(|r| item(r.clone(), Note::key("incident.work.triage")))
                .collect();
            let due_items = open.iter().filter(|r| r.next_due.is_some_and(|d| d < soon)).take(50).filter_map(|r| {
                let d = r.next_due?;
                let key = if d < now { "incident.work.due_passed" } else { "incident.work.due_at" };
                Some(item(r.clone(), Note { key, args: vec![("due", local(d))], date: None }))
            });
            let raised_items = open.iter().filter(|r| r.level != Level::Incident).take(50).map(|r| {
                let key = if r.level == Level::Kris { "incident.work.kris" } else { "incident.work.allvarlig" };
                item(r.clone(), Note::key(key))
            });
            Ok(vec![
                WorkSection { id: "incident-raised-h", heading: "incident.work.raised", items: raised_items.collect() },
                WorkSection { id: "incident-due-h", heading: "incident.work.deadlines", items: due_items.collect() },
                WorkSection { id: "incident-new-h", heading: "incident.work.new", items: new_items },
            ])
        }))
    }
}
