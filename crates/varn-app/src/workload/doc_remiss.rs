//! The benchmark's remisses: each document on remiss asks three förvaltningar, each a task in
//! its head's Mina uppgifter; about one in three has answered.

use super::City;
use rand::rngs::StdRng;
use rand::Rng;
use sea_orm::Set;
use varn_domain::task::TaskStatus;
use varn_store::entity::{document_remiss, task};

/// What one document's remiss adds: its tasks and its instances.
pub(super) struct RemissRows {
    pub tasks: Vec<task::ActiveModel>,
    pub instances: Vec<document_remiss::ActiveModel>,
}

/// The remiss of document `doc` (its draft `version`, titled `title`) to three of
/// `forvaltningar` (unit indexes), the first task id `next_task`, the first instance id
/// `next_id`.
#[allow(clippy::too_many_arguments)]
pub(super) fn remiss(
    city: &City,
    forvaltningar: &[usize],
    (doc, version, title): (i64, i64, &str),
    (next_task, next_id): (i64, i64),
    now: chrono::DateTime<chrono::Utc>,
    rng: &mut StdRng,
) -> RemissRows {
    let today = now.date_naive();
    let due = today + chrono::Duration::days(rng.gen_range(5..40));
    let mut out = RemissRows { tasks: Vec::new(), instances: Vec::new() };
    let mut picked: Vec<usize> = Vec::new();
    while picked.len() < 3.min(forvaltningar.len()) {
        let f = forvaltningar[rng.gen_range(0..forvaltningar.len())];
        if !picked.contains(&f) {
            picked.push(f);
        }
    }
    for (k, f) in picked.into_iter().enumerate() {
        let (task_id, id) = (next_task + k as i64, next_id + k as i64);
        let head = city.heads.iter().find(|(u, _)| *u == f).map(|(_, h)| *h);
        let answered = head.is_some() && rng.gen_bool(0.33);
        out.tasks.push(task::ActiveModel {
            id: Set(task_id),
            source_type: Set(crate::documents::TASK_SOURCE_REMISS.into()),
            source_id: Set(Some(id)),
            title: Set(format!("Remissvar: {title}")),
            link: Set(format!("/documents/{doc}#remiss")),
            assignee_user_id: Set(None),
            assignee_unit_id: Set(Some(city.units[f].id)),
            due_date: Set(Some(due)),
            status: Set(if answered { TaskStatus::Done } else { TaskStatus::Open }),
            created_at: Set(now),
            completed_at: Set(answered.then_some(now)),
            unit_id: Set(Some(city.units[f].id)),
        });
        out.instances.push(document_remiss::ActiveModel {
            id: Set(id),
            document_id: Set(doc),
            version_id: Set(version),
            unit_id: Set(city.units[f].id),
            person_user_id: Set(None),
            due_date: Set(Some(due)),
            task_id: Set(Some(task_id)),
            sent_by: Set(Some(2)),
            sent_at: Set(now),
            answered_by: Set(if answered { head } else { None }),
            answered_at: Set(answered.then_some(now)),
            answer: Set(answered.then(|| "Förvaltningen tillstyrker förslaget.".to_owned())),
        });
    }
    out
}
