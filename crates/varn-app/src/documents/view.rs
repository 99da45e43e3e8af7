//! Reading a document: the version shown, its metadata, its place in the tree, and the
//! comparison of two versions.

use super::render::{self, DiffLine};
use crate::{Actor, App, AppError};
use sea_orm::{ActiveModelTrait, Set, TransactionTrait};
use serde::Serialize;
use serde_json::json;
use varn_domain::document::Status;
use varn_domain::validation::bounded_text;
use varn_store::entity::{document as doc, document_comment, document_version as ver};
use varn_store::repo::attachments::{self, AttachmentMeta};
use varn_store::repo::documents::{self as repo, ActionRow, DocRow};
use varn_store::repo::{audit, now, org};

/// A version in the list of versions.
#[derive(Debug, Clone, Serialize)]
pub struct VersionRef {
    /// Number, from 1.
    pub number: i32,
    /// draft / adopted / superseded.
    pub state: String,
    /// Decision date.
    pub decision_date: Option<chrono::NaiveDate>,
    /// When it was adopted.
    pub adopted_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// Everything the document page shows.
#[derive(Debug, Clone)]
pub struct DocView {
    /// The document.
    pub doc: doc::Model,
    /// The version shown.
    pub version: ver::Model,
    /// Its text as safe HTML.
    pub html: String,
    /// Its file, if the text is a file.
    pub file: Option<AttachmentMeta>,
    /// Name of the owning unit.
    pub unit_name: String,
    /// Name of the unit it applies to.
    pub applies_to_name: String,
    /// Whether it applies to the whole city (the root).
    pub applies_to_root: bool,
    /// Dokumentansvarig person's name and sign-in name.
    pub owner: Option<(String, String)>,
    /// The documents above, from the top.
    pub ancestors: Vec<DocRow>,
    /// The documents that implement it.
    pub children: Vec<DocRow>,
    /// Versions the actor may open, newest first.
    pub versions: Vec<VersionRef>,
    /// Strategy actions.
    pub actions: Vec<ActionRow>,
    /// Remiss comments (for editors, and for readers while on remiss).
    pub comments: Vec<document_comment::Model>,
    /// Whether the actor may edit.
    pub can_edit: bool,
    /// Whether the actor may comment now.
    pub can_comment: bool,
    /// Moves the actor may make now.
    pub moves: Vec<Status>,
    /// Whether the actor has been asked to confirm this version and has not.
    pub ack_pending: bool,
    /// Whether the actor confirmed the shown version.
    pub acked: bool,
}

impl App {
    /// The version `number` (or the one to show by default) if the actor may read it.
    pub async fn doc_version_readable(&self, actor: &Actor, id: i64, number: Option<i32>) -> Result<ver::Model, AppError> {
        let (d, can_edit) = self.doc_find(actor, id).await?;
        self.version_of(&d, can_edit, number).await
    }

    /// Every version the actor may read, newest first (the document found once).
    pub async fn doc_versions(&self, actor: &Actor, id: i64) -> Result<Vec<ver::Model>, AppError> {
        let (d, can_edit) = self.doc_find(actor, id).await?;
        let all = repo::versions(self.store.read(), id).await?;
        Ok(all.into_iter().filter(|v| v.state != "draft" || drafts_readable(&d, can_edit)).collect())
    }

    async fn version_of(&self, d: &doc::Model, can_edit: bool, number: Option<i32>) -> Result<ver::Model, AppError> {
        let db = self.store.read();
        let v = match number {
            Some(n) => repo::version(db, d.id, n).await?,
            None => match d.current_version_id {
                Some(cv) => repo::version_by_id(db, cv).await?,
                None => repo::draft(db, d.id).await?,
            },
        }
        .ok_or(AppError::NotFound)?;
        if v.state == "draft" && !drafts_readable(d, can_edit) {
            return Err(AppError::NotFound);
        }
        Ok(v)
    }

    /// The document page.
    pub async fn doc_view(&self, actor: &Actor, id: i64, number: Option<i32>) -> Result<DocView, AppError> {
        let (d, can_edit) = self.doc_find(actor, id).await?;
        let version = self.version_of(&d, can_edit, number).await?;
        let db = self.store.read();
        let vis = self.doc_visibility(actor);
        let status = Status::parse(&d.status).map_err(|c| AppError::Internal(c.into()))?;
        // Parents, up to the top (visible ones only).
        let mut ancestors = Vec::new();
        let mut next = d.parent_id;
        while let Some(pid) = next {
            if ancestors.len() > 20 {
                break;
            }
            match repo::titles(db, &vis, vec![pid]).await?.pop() {
                Some(p) => {
                    next = p.parent_id;
                    ancestors.push(p);
                }
                None => break,
            }
        }
        ancestors.reverse();
        let children = repo::children(db, &vis, id).await?;
        let all = repo::versions(db, id).await?;
        let versions = all
            .iter()
            .filter(|v| v.state != "draft" || drafts_readable(&d, can_edit))
            .map(|v| VersionRef { number: v.number, state: v.state.clone(), decision_date: v.decision_date, adopted_at: v.adopted_at })
            .collect();
        let units = org::by_ids(db, vec![d.unit_id, d.applies_to_unit_id]).await?;
        let uname = |i: i64| units.iter().find(|u| u.id == i).map(|u| u.name.clone()).unwrap_or_default();
        let owner = match d.owner_user_id {
            Some(u) => varn_store::repo::users::find_any(db, u).await?.map(|u| (u.display_name, u.username)),
            None => None,
        };
        let actions = if d.doc_type == "strategi" { repo::actions(db, id).await? } else { vec![] };
        let comments = if can_edit || status == Status::PaRemiss { repo::comments(db, id).await? } else { vec![] };
        let file = match version.attachment_id {
            Some(a) => attachments::meta_by_id(db, a).await?,
            None => None,
        };
        let moves = if can_edit {
            Status::ALL
                .into_iter()
                .filter(|to| status.may_move_to(*to))
                .filter(|to| {
                    status != Status::PaRemiss
                        || !matches!(to, Status::Utkast | Status::UnderRevision)
                        || (*to == Status::UnderRevision) == d.current_version_id.is_some()
                })
                .collect()
        } else {
            vec![]
        };
        let acked = repo::has_acked(db, version.id, actor.id.0).await?;
        let ack_pending = !acked
            && d.current_version_id == Some(version.id)
            && repo::pending_acks(db, actor.id.0, &vis.chain).await?.iter().any(|p| p.version_id == version.id);
        Ok(DocView {
            html: render::markdown(&version.body_md),
            unit_name: uname(d.unit_id),
            applies_to_name: uname(d.applies_to_unit_id),
            applies_to_root: units.iter().any(|u| u.id == d.applies_to_unit_id && u.parent_id.is_none()),
            can_comment: status == Status::PaRemiss,
            doc: d,
            version,
            file,
            owner,
            ancestors,
            children,
            versions,
            actions,
            comments,
            can_edit,
            moves,
            ack_pending,
            acked,
        })
    }

    /// Two readable versions side by side: the changed metadata and the text as a diff.
    pub async fn doc_compare(
        &self,
        actor: &Actor,
        id: i64,
        a: i32,
        b: i32,
    ) -> Result<(ver::Model, ver::Model, Vec<(&'static str, String, String)>, Vec<DiffLine>), AppError> {
        let va = self.doc_version_readable(actor, id, Some(a)).await?;
        let vb = self.doc_version_readable(actor, id, Some(b)).await?;
        let meta = render::metadata_changes(&va, &vb);
        let lines = render::diff(&va.body_md, &vb.body_md);
        Ok((va, vb, meta, lines))
    }

    /// The number of the open draft, if the actor may read it.
    pub async fn doc_draft_number(&self, actor: &Actor, id: i64) -> Result<Option<i32>, AppError> {
        let (d, can_edit) = self.doc_find(actor, id).await?;
        if !drafts_readable(&d, can_edit) {
            return Ok(None);
        }
        Ok(repo::draft(self.store.read(), id).await?.map(|v| v.number))
    }

    /// Units whose staff the actor may ask to confirm: those the document applies to that
    /// the actor can see.
    pub async fn doc_ack_units(&self, actor: &Actor, id: i64) -> Result<Vec<varn_store::entity::org_unit::Model>, AppError> {
        let (d, _) = self.doc_find_editable(actor, id).await?;
        let applies = org::find_any(self.store.read(), d.applies_to_unit_id).await?.ok_or(AppError::NotFound)?;
        let all = self.org_units_in(actor, varn_domain::Permission::OrgRead).await?;
        Ok(all.into_iter().filter(|u| u.active && u.path.starts_with(&applies.path)).collect())
    }

    /// A remiss comment on the version on remiss.
    pub async fn doc_comment(&self, actor: &Actor, id: i64, body: &str) -> Result<i64, AppError> {
        let (d, _) = self.doc_find(actor, id).await?;
        if d.status != Status::PaRemiss.as_str() {
            return Err(AppError::conflict("err.doc.not_on_remiss"));
        }
        let text = bounded_text_multiline(body, 4000).map_err(|c| AppError::field("body", c))?;
        let draft = repo::draft(self.store.read(), id).await?.ok_or_else(|| AppError::conflict("err.doc.not_on_remiss"))?;
        let path = org::find_any(self.store.read(), d.unit_id).await?.map(|u| u.path);
        let txn = self.store.write().begin().await?;
        let c = document_comment::ActiveModel {
            document_id: Set(id),
            version_id: Set(draft.id),
            user_id: Set(Some(actor.id.0)),
            author_name: Set(actor.display_name.clone()),
            body: Set(text),
            created_at: Set(now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let mut a = actor.audit("document.comment", "document");
        a.entity_id = Some(id);
        a.org_path = path;
        a.after = Some(json!({"comment": c.id, "version": draft.number}));
        audit::append(&txn, a).await?;
        txn.commit().await?;
        Ok(c.id)
    }
}

/// A draft is for its editors, and for readers only while it is on remiss.
fn drafts_readable(d: &doc::Model, can_edit: bool) -> bool {
    can_edit || d.status == Status::PaRemiss.as_str()
}

/// Like [`bounded_text`] but keeps line breaks.
fn bounded_text_multiline(s: &str, max: usize) -> Result<String, &'static str> {
    let t = s.replace("\r\n", "\n");
    let one_line: String = t.chars().map(|c| if c == '\n' || c == '\t' { ' ' } else { c }).collect();
    bounded_text(&one_line, max)?;
    Ok(t.trim().to_owned())
}
