//! What the module puts in Mina uppgifter for those who handle incidents: new reports to
//! triage, deadlines within two days or passed (nearest first), and what has been raised to
//! allvarlig störning or kris.

use super::Incidents;
use crate::modules::{Note, WorkItem, WorkSection, WorkTake};
use crate::{Actor, AppError};
use sea_orm::SelectModel;
use varn_domain::incident::{Level, Status};
use varn_domain::Permission;
use varn_store::batch::Reads;
use varn_store::repo::incidents::{self as repo, IncidentRow, IncidentVisibility};

/// How far ahead a deadline shows in Mina uppgifter.
pub const DUE_NOTICE_HOURS: i64 = 48;

/// How many incidents each of the sections shows at most.
const SHOWN: u64 = 50;
const SHOWN_USIZE: usize = SHOWN as usize;

fn local(t: chrono::DateTime<chrono::Utc>) -> String {
    varn_domain::incident::local_text(t, false)
}

fn item(r: IncidentRow, note: Note) -> WorkItem {
    WorkItem { title: r.title, link: format!("/incidents/{}", r.id), notes: vec![note], detail: Some(r.unit_name), date: None }
}

impl<'a> Incidents<'a> {
    /// The actor's sections of Mina uppgifter: one read, each section's open incidents in
    /// view, added to the page's batch and sorted into the sections here; its rows kept for
    /// the same way of seeing until this server's next write (`AppParts::incident_work`).
    pub async fn work_reads(self, actor: &Actor, b: &mut Reads) -> Result<WorkTake, AppError> {
        let handle = actor.scope(Permission::IncidentHandle);
        if handle.is_none() {
            return Ok(Box::new(|_, _| Ok(vec![])));
        }
        let v = IncidentVisibility { read: handle, user_id: actor.id.0 };
        let now = chrono::Utc::now();
        let soon = now + chrono::Duration::hours(DUE_NOTICE_HOURS);
        // Kept until this server's next write, at most 10 s (`AppParts::incident_work`): a
        // deadline that comes within `soon` meanwhile shows at the latest 10 s late. Everyone
        // who sees the whole city reads the same rows (`work_statement`), so they share them.
        let key = (super::reader_key(&v), self.app.writes_committed());
        let kept = self.app.incident_work.get(&key);
        let open = match kept {
            Some(_) => None,
            None => Some(b.add_statement::<SelectModel<IncidentRow>>(repo::work_statement(self.db(), &v, soon, SHOWN).await?)),
        };
        Ok(Box::new(move |app, got| {
            let open = match (kept, open) {
                (Some(rows), _) => rows,
                (None, open) => {
                    let rows = std::sync::Arc::new(got.take_if(open)?);
                    app.incident_work.insert(key, rows.clone());
                    rows
                }
            };
            Ok(sections(&open, now, soon))
        }))
    }
}

/// Mina uppgifter's three sections of the open incidents in view (`open`, in the order of the
/// open list: raised first, then the nearest deadline).
fn sections(open: &[IncidentRow], now: chrono::DateTime<chrono::Utc>, soon: chrono::DateTime<chrono::Utc>) -> Vec<WorkSection> {
    let new_items: Vec<WorkItem> = open
        .iter()
        .filter(|r| r.status == Status::Rapporterad)
        .take(SHOWN_USIZE)
        .map(|r| item(r.clone(), Note::key("incident.work.triage")))
        .collect();
    // The deadlines nearest first, whatever the level (the raised have their own section
    // above).
    let mut due: Vec<&IncidentRow> = open.iter().filter(|r| r.next_due.is_some_and(|d| d < soon)).collect();
    due.sort_by_key(|r| (r.next_due, r.id));
    let due_items = due.into_iter().take(SHOWN_USIZE).filter_map(|r| {
        let d = r.next_due?;
        let key = if d < now { "incident.work.due_passed" } else { "incident.work.due_at" };
        Some(item(r.clone(), Note { key, args: vec![("due", local(d))], date: None }))
    });
    let raised_items = open.iter().filter(|r| r.level != Level::Incident).take(SHOWN_USIZE).map(|r| {
        let key = if r.level == Level::Kris { "incident.work.kris" } else { "incident.work.allvarlig" };
        item(r.clone(), Note::key(key))
    });
    vec![
        WorkSection { id: "incident-raised-h", heading: "incident.work.raised", items: raised_items.collect() },
        WorkSection { id: "incident-due-h", heading: "incident.work.deadlines", items: due_items.collect() },
        WorkSection { id: "incident-new-h", heading: "incident.work.new", items: new_items },
    ]
}
