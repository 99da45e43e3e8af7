//! Remiss comments, staff acknowledgement of adopted versions, and follow-up of what is
//! overdue.

use super::Documents;
use crate::modules::{Note, WorkItem, WorkSection, WorkTake};
use crate::{Actor, AppError};
use sea_orm::{ActiveModelTrait, Set};
use serde::Serialize;
use serde_json::json;
use varn_domain::document::Status;
use varn_domain::validation::bounded_text;
use varn_domain::{OrgPath, Permission};
/// The kind under which the follow-up of work counts documents to follow up.
pub const FOLLOW_UP_KIND: &str = "document.follow_up";

use sea_orm::SelectModel;
use varn_store::batch::Reads;
use varn_store::entity::{document_ack, document_ack_request, document_comment};
use varn_store::repo::documents::{
    self as repo, AckUnitRow, FollowUpCount, FollowUpFor, FollowUpRow, OverdueAction, PendingAck, PersonRow,
};
use varn_store::repo::{now, org};

/// One request and how far its staff have come.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AckRequestReport {
    /// The unit asked.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// Version number asked about.
    pub version: i32,
    /// Per unit of its subtree.
    pub units: Vec<AckUnitRow>,
    /// Totals.
    pub staff: i64,
    /// Totals.
    pub acknowledged: i64,
}

/// A read-confirmation request as the page or the API sends it.
#[derive(Debug, Clone, Default, serde::Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct AckAsk {
    /// The unit whose staff (with its subtree) are asked.
    pub unit_id: String,
    /// The last day to confirm (YYYY-MM-DD), optional.
    pub due_date: String,
    /// Send it (else only count who would be asked).
    pub confirm: bool,
}

/// Who a request asks: sent, or what sending would do.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AckPreview {
    /// The unit.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// Active people holding a role there or below.
    pub people: i64,
    /// The last day to confirm.
    #[serde(serialize_with = "varn_domain::json_time::opt_date")]
    pub due_date: Option<chrono::NaiveDate>,
    /// Whether it was sent.
    pub sent: bool,
}

/// The follow-up overview.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FollowUp {
    /// Counts per owning unit.
    pub counts: Vec<FollowUpCount>,
    /// Documents to act on.
    pub documents: Vec<FollowUpRow>,
    /// Strategy actions past their deadline.
    pub actions: Vec<OverdueAction>,
}

impl<'a> Documents<'a> {
    /// Asks the staff of a unit (and its subtree) to confirm the version in force: a unit
    /// within the requester's own scope and within the document's reach, optionally by a last
    /// date. Without `confirm` nothing is sent: the answer says how many people would be
    /// asked ("312 personer i Socialförvaltningen ombeds bekräfta – skicka?").
    pub async fn request_ack(&self, actor: &Actor, id: i64, req: &AckAsk) -> Result<AckPreview, AppError> {
        let uid: i64 = req.unit_id.trim().parse().map_err(|_| AppError::field("unit_id", "err.choose"))?;
        let cap = actor.can(Permission::DocumentWrite)?;
        let mut f = super::commands::Fields(varn_domain::FieldErrors::new());
        let due = f.date("due_date", &req.due_date);
        if due.is_some_and(|d| d <= varn_domain::task::today()) {
            f.0.add("due_date", "err.doc.ack_due_past");
        }
        f.0.into_result()?;
        let w = self.app.begin(&cap).await?;
        let (m, path) = repo::find(&*w, &self.visibility(actor), id).await?.ok_or(AppError::NotFound)?;
        let version_id = m.current_version_id.ok_or_else(|| AppError::conflict("err.doc.not_adopted"))?;
        if m.status == Status::Upphavd {
            return Err(AppError::conflict("err.doc.not_adopted"));
        }
        let unit = org::find_any(&*w, uid).await?.filter(|u| u.active).ok_or_else(|| AppError::field("unit_id", "err.choose"))?;
        if cap.covers(&unit.path).is_err() {
            return Err(AppError::Refused("err.doc.ack_outside_scope".into(), vec![]));
        }
        let applies = org::find_any(&*w, m.applies_to_unit_id).await?.ok_or(AppError::NotFound)?;
        if !unit.path.starts_with(&applies.path) {
            return Err(AppError::field("unit_id", "err.doc.ack_outside"));
        }
        if repo::ack_requests(&*w, id).await?.iter().any(|r| r.version_id == version_id && r.unit_id == uid) {
            return Err(AppError::field("unit_id", "err.doc.ack_exists"));
        }
        let people = repo::staff_count(&*w, &unit.path).await?;
        let preview = AckPreview { unit_id: uid, unit_name: unit.name.clone(), people, due_date: due, sent: req.confirm };
        if !req.confirm {
            return Ok(preview);
        }
        document_ack_request::ActiveModel {
            document_id: Set(id),
            version_id: Set(version_id),
            unit_id: Set(uid),
            requested_by: Set(Some(actor.id.0)),
            requested_at: Set(now()),
            due_date: Set(due),
            ..Default::default()
        }
        .insert(&*w)
        .await?;
        let after = json!({"unit": uid, "version_id": version_id, "people": people, "due": due});
        w.commit(cap.audit("document.ack_request", "document").entity(id).at(path).after(after)).await?;
        self.app.unit_acks.invalidate_all();
        Ok(preview)
    }

    /// The actor confirms having read the adopted version they were asked about.
    pub async fn acknowledge(&self, actor: &Actor, id: i64) -> Result<(), AppError> {
        let (m, _) = self.find(actor, id).await?;
        let cap = actor.can(Permission::Participate)?;
        let vis = self.visibility(actor);
        let w = self.app.begin(&cap).await?;
        let pending = repo::pending_acks(&*w, actor.id.0, &vis.chain).await?;
        let p = pending.into_iter().find(|p| p.document_id == id).ok_or_else(|| AppError::conflict("err.doc.ack_not_asked"))?;
        let path = org::find_any(&*w, m.unit_id).await?.map(|u| u.path);
        document_ack::ActiveModel {
            document_id: Set(id),
            version_id: Set(p.version_id),
            user_id: Set(actor.id.0),
            acknowledged_at: Set(now()),
            ..Default::default()
        }
        .insert(&*w)
        .await?;
        w.commit(cap.audit("document.acknowledge", "document").entity(id).at(path).after(json!({"version": p.number}))).await?;
        // The reports count this confirmation from now on.
        self.app.ack_reports.invalidate_all();
        self.app.unit_acks.invalidate_all();
        Ok(())
    }

    /// Who has confirmed, per request and unit (editors and domain readers).
    pub async fn ack_report(&self, actor: &Actor, id: i64) -> Result<Vec<AckRequestReport>, AppError> {
        let (m, can_edit) = self.find(actor, id).await?;
        let db = self.db();
        let path = org::find_any(db, m.unit_id).await?.map(|u| u.path).unwrap_or_default();
        let p = OrgPath::parse(&path).map_err(|e| AppError::Internal(e.into()))?;
        let (write, read) = (actor.scope(Permission::DocumentWrite), actor.scope(Permission::DocumentRead));
        // The document's editors and readers of its unit see every request; someone who asks
        // their own staff sees the requests within their scope.
        let whole = can_edit || read.covers(&p);
        if !whole && write.is_none() {
            return Err(AppError::Forbidden);
        }
        let reqs = repo::ack_requests(db, id).await?;
        let versions = repo::versions(db, id).await?;
        let mut out = Vec::with_capacity(reqs.len());
        for r in reqs {
            let Some(unit) = org::find_any(db, r.unit_id).await? else { continue };
            let up = OrgPath::parse(&unit.path).map_err(|e| AppError::Internal(e.into()))?;
            if !whole && !write.covers(&up) && !read.covers(&up) {
                continue;
            }
            let report = self.ack_counts(r.version_id, &unit.path).await?;
            out.push(AckRequestReport {
                unit_id: unit.id,
                unit_name: unit.name,
                version: versions.iter().find(|v| v.id == r.version_id).map(|v| v.number).unwrap_or_default(),
                staff: report.staff,
                acknowledged: report.acknowledged,
                units: report.units.clone(),
            });
        }
        Ok(out)
    }

    /// The read confirmations of `version_id` within the subtree at `unit_path`, kept a minute
    /// (see App::ack_reports): the request's report and a unit's overview share it.
    pub(crate) async fn ack_counts(&self, version_id: i64, unit_path: &str) -> Result<std::sync::Arc<repo::AckReport>, AppError> {
        let key = (version_id, unit_path.to_owned());
        if let Some(r) = self.app.ack_reports.get(&key) {
            return Ok(r);
        }
        let r = std::sync::Arc::new(repo::ack_report(self.db(), version_id, unit_path).await?);
        self.app.ack_reports.insert(key, r.clone());
        Ok(r)
    }

    /// The staff of one unit who have not confirmed the adopted version.
    pub async fn not_acked(&self, actor: &Actor, id: i64, unit_id: i64) -> Result<Vec<PersonRow>, AppError> {
        // Only units the document asked: the report is not a way to list any unit's staff.
        let reports = self.ack_report(actor, id).await?;
        if !reports.iter().flat_map(|r| r.units.iter()).any(|u| u.unit_id == unit_id) {
            return Err(AppError::NotFound);
        }
        // Names only within the actor's own scope.
        let unit = org::find_any(self.db(), unit_id).await?.ok_or(AppError::NotFound)?;
        let p = OrgPath::parse(&unit.path).map_err(|e| AppError::Internal(e.into()))?;
        if !actor.scope(Permission::DocumentWrite).covers(&p) && !actor.scope(Permission::DocumentRead).covers(&p) {
            return Err(AppError::NotFound);
        }
        let (m, _) = self.find(actor, id).await?;
        let v = m.current_version_id.ok_or(AppError::NotFound)?;
        Ok(repo::not_acked(self.db(), v, unit_id, 500).await?)
    }

    /// Adopted versions the actor is asked to confirm.
    pub async fn pending_acks(&self, actor: &Actor) -> Result<Vec<PendingAck>, AppError> {
        let vis = self.visibility(actor);
        Ok(repo::pending_acks(self.db(), actor.id.0, &vis.chain).await?)
    }

    /// The overview for the samordnare: counts per unit and the first `cap` items of each
    /// list, within DomainRead. Kept per scope, day and `cap` until this server commits a
    /// write (at most 10 s); readers who miss at once wait for one reading.
    pub async fn follow_up(&self, actor: &Actor, cap: u64) -> Result<std::sync::Arc<FollowUp>, AppError> {
        let read = actor.can(Permission::DocumentRead)?;
        let scope = read.scope();
        let db = self.db();
        let today = varn_domain::task::today();
        let key = (format!("{scope:?}"), today, cap, self.app.writes_committed());
        let load = async {
            Ok::<_, AppError>(std::sync::Arc::new(FollowUp {
                counts: repo::follow_up_counts(db, scope, today).await?,
                documents: repo::follow_up(db, FollowUpFor::Scope(scope), today, cap).await?,
                actions: repo::overdue_actions(db, FollowUpFor::Scope(scope), today, cap).await?,
            }))
        };
        self.app.doc_follow_ups.try_get_with(key, load).await.map_err(|e| AppError::Internal(e.to_string()))
    }

    /// The module's part of the follow-up of work: per unit, the documents past their revision
    /// date, strategies past their end and documents nobody owns (their strategy actions are
    /// tasks, counted with the rest).
    pub async fn work_counts(self, scope: &varn_domain::Scope, today: chrono::NaiveDate) -> Result<Vec<crate::work::WorkCount>, AppError> {
        let rows = repo::follow_up_counts(self.db(), scope, today).await?;
        Ok(rows
            .into_iter()
            .map(|r| (r.unit_id, r.revision_overdue + r.expired + r.no_owner))
            .filter(|(_, n)| *n > 0)
            .map(|(u, n)| crate::work::count(u, FOLLOW_UP_KIND, n))
            .collect())
    }

    /// The module's part of Mina uppgifter: documents to confirm, and documents and strategy
    /// actions of the actor's that need follow-up; its three lists added to the page's batch.
    pub fn work_reads(self, actor: &Actor, b: &mut Reads) -> WorkTake {
        let db = self.db();
        let vis = self.visibility(actor);
        let (me, units, today) = (actor.id.0, &actor.acted_for, varn_domain::task::today());
        let acks = repo::pending_acks_statement(db, me, &vis.chain).map(|st| b.add_statement::<SelectModel<PendingAck>>(st));
        let docs = repo::follow_up_statement(db, FollowUpFor::Owner(me, units), today, 200)
            .map(|st| b.add_statement::<SelectModel<FollowUpRow>>(st));
        let late = repo::overdue_actions_statement(db, FollowUpFor::Owner(me, units), today, 200)
            .map(|st| b.add_statement::<SelectModel<OverdueAction>>(st));
        Box::new(move |_, got| {
            let (acks, docs, actions) = (got.take_if(acks)?, got.take_if(docs)?, got.take_if(late)?);
            let acks = acks.into_iter().map(|p| WorkItem {
                title: p.title,
                link: format!("/documents/{}", p.document_id),
                notes: vec![Note { key: "doc.version_n", args: vec![("n", p.number.to_string())], date: None }],
                detail: None,
                date: p.due_date,
            });
            let docs = docs.into_iter().map(|d| {
                let mut notes = Vec::new();
                if d.revision_overdue {
                    notes.push(Note::key("doc.fu.revision").on(d.revision_date));
                }
                if d.expired {
                    notes.push(Note::key("doc.fu.expired").on(d.valid_until));
                }
                if d.no_owner {
                    notes.push(Note::key("doc.fu.no_owner"));
                }
                WorkItem { title: d.title, link: format!("/documents/{}", d.id), notes, detail: None, date: None }
            });
            let late = actions.into_iter().map(|a| WorkItem {
                title: a.document_title,
                link: format!("/documents/{}#actions", a.document_id),
                notes: vec![Note::key("doc.fu.action_late")],
                detail: Some(a.title),
                date: a.due_date,
            });
            Ok(vec![
                WorkSection { id: "acks-h", heading: "doc.my_acks", items: acks.collect() },
                WorkSection { id: "fu-h", heading: "doc.my_follow_up", items: docs.chain(late).collect() },
            ])
        })
    }

    /// Units whose staff the actor may ask to confirm: those the document applies to that
    /// the actor can see.
    pub async fn ack_units(&self, actor: &Actor, id: i64) -> Result<Vec<varn_store::entity::org_unit::Model>, AppError> {
        let (m, _) = self.find(actor, id).await?;
        self.ack_units_of(actor, &m.into()).await
    }

    /// [`Self::ack_units`] for a document the actor has already been shown.
    pub async fn ack_units_of(&self, actor: &Actor, d: &super::Document) -> Result<Vec<varn_store::entity::org_unit::Model>, AppError> {
        actor.can(Permission::DocumentWrite)?;
        let applies = org::find_any(self.db(), d.applies_to_unit_id).await?.ok_or(AppError::NotFound)?;
        self.ack_units_under(actor, &applies.path).await
    }

    /// [`Documents::ack_units_of`] for a document that applies to the unit at `applies_path`
    /// (read with the document's page).
    pub async fn ack_units_under(&self, actor: &Actor, applies_path: &str) -> Result<Vec<varn_store::entity::org_unit::Model>, AppError> {
        actor.can(Permission::DocumentWrite)?;
        // Within the actor's own scope: they ask their own staff. The scope's units are kept
        // until this server's next write (at most 10 s, for other servers' writes).
        let scope = actor.scope(Permission::DocumentWrite);
        let key = (format!("{scope:?}"), self.app.writes_committed());
        let all = match self.app.units_in_scope.get(&key) {
            Some(kept) => kept,
            None => {
                let read = std::sync::Arc::new(self.app.org_units_in(actor, Permission::DocumentWrite).await?);
                self.app.units_in_scope.insert(key, read.clone());
                read
            }
        };
        Ok(all.iter().filter(|u| u.active && u.path.starts_with(applies_path)).cloned().collect())
    }

    /// A remiss comment on the version on remiss.
    pub async fn comment(&self, actor: &Actor, id: i64, body: &str) -> Result<i64, AppError> {
        let (d, can_edit) = self.find(actor, id).await?;
        // The remissinstanser answer through their answers; comments are the editors' notes.
        if !can_edit {
            return Err(AppError::Refused("err.doc.comment_editors".into(), vec![]));
        }
        if d.status != Status::PaRemiss {
            return Err(AppError::conflict("err.doc.not_on_remiss"));
        }
        let text = bounded_text_multiline(body, 4000).map_err(|c| AppError::field("body", c))?;
        let cap = actor.can(Permission::Participate)?;
        let w = self.app.begin(&cap).await?;
        let draft = repo::draft(&*w, id).await?.ok_or_else(|| AppError::conflict("err.doc.not_on_remiss"))?;
        let path = org::find_any(&*w, d.unit_id).await?.map(|u| u.path);
        let c = document_comment::ActiveModel {
            document_id: Set(id),
            version_id: Set(draft.id),
            user_id: Set(Some(actor.id.0)),
            author_name: Set(actor.display_name.clone()),
            body: Set(text),
            created_at: Set(now()),
            ..Default::default()
        }
        .insert(&*w)
        .await?;
        w.commit(cap.audit("document.comment", "document").entity(id).at(path).after(json!({"comment": c.id, "version": draft.number})))
            .await?;
        Ok(c.id)
    }
}

/// Like [`bounded_text`] but keeps line breaks.
fn bounded_text_multiline(s: &str, max: usize) -> Result<String, &'static str> {
    let t = s.replace("\r\n", "\n");
    let one_line: String = t.chars().map(|c| if c == '\n' || c == '\t' { ' ' } else { c }).collect();
    bounded_text(&one_line, max)?;
    Ok(t.trim().to_owned())
}
