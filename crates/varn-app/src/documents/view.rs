//! The document page: everything it shows of a document, and whose decision it is.

use super::queries::{Comment, Document, Version, VersionRef};
use super::{render, Documents};
use crate::{Actor, AppError};
use varn_domain::document::{DecidingBody, DocType, Status, VersionState};
use varn_store::entity::{document as doc, org_unit};
use varn_store::repo::attachments::{self, AttachmentMeta};
use varn_store::repo::documents::{self as repo, ActionRow, DocRow, DocVisibility};
use varn_store::repo::org;

/// Everything the document page shows.
#[derive(Debug, Clone)]
pub struct DocView {
    /// The document.
    pub doc: Document,
    /// The version shown.
    pub version: Version,
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
    pub comments: Vec<Comment>,
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
    /// Whose decision the shown version is (or will be): names of the units and people.
    pub decided: Decided,
    /// The document that replaces a repealed one.
    pub replaced_by: Option<DocRow>,
    /// Advice on the shown version (catalogue keys): a policy that applies to one unit only.
    pub warnings: Vec<&'static str>,
    /// The newest remiss and how far it has come.
    pub remiss: super::RemissStatus,
}

/// Whose decision a version is, in names.
#[derive(Debug, Clone, Default)]
pub struct Decided {
    /// The body's unit (KF, KS, the nämnd, the bolag).
    pub body_name: Option<String>,
    /// The approving chef: name, the kind of unit they head, and its name.
    pub approver: Option<(String, varn_domain::OrgKind, String)>,
    /// The body (or chef's unit) that repealed the document.
    pub repeal_body_name: Option<String>,
    /// Whether the actor may record the decision the document waits for (adopt or repeal),
    /// and attach the minutes of the one in force.
    pub may_decide: bool,
    /// Whether the version shown has a protokollsutdrag.
    pub has_protocol: bool,
    /// The body of the decision waited for (the draft's to adopt, the one in force's to
    /// repeal), and its unit's name.
    pub waiting_body: Option<DecidingBody>,
    /// Its unit's name.
    pub waiting_body_name: Option<String>,
    /// For an instruction: the chefs who may approve it (sign-in name, "name, unit").
    pub approvers: Vec<(String, String)>,
}

impl DocView {
    /// The number of the version in force.
    pub fn current_number(&self) -> Option<i32> {
        self.versions.iter().find(|r| r.state == VersionState::Adopted).map(|r| r.number)
    }

    /// The number of the open draft, if the actor may read it.
    pub fn draft_number(&self) -> Option<i32> {
        self.versions.iter().find(|r| r.state == VersionState::Draft).map(|r| r.number)
    }
}

impl<'a> Documents<'a> {
    /// The document page.
    pub async fn view(&self, actor: &Actor, id: i64, number: Option<i32>) -> Result<DocView, AppError> {
        let vis = self.visibility(actor);
        let (d, can_edit) = self.find_in(&vis, actor, id).await?;
        let drafts = self.drafts_readable(actor, &d, can_edit).await?;
        let version = self.version_of(&d, drafts, number).await?;
        let db = self.db();
        let ancestors = self.ancestors(&vis, &d).await?;
        let children = repo::children(db, &vis, id).await?;
        let versions = repo::versions(db, id).await?.into_iter().filter(|v| v.state != VersionState::Draft || drafts).map(|v| VersionRef {
            number: v.number,
            state: v.state,
            decision_date: v.decision_date,
            adopted_at: v.adopted_at,
        });
        let unit_ids = [Some(d.unit_id), Some(d.applies_to_unit_id), version.deciding_unit_id, version.approver_unit_id, d.repeal_unit_id];
        let units = org::by_ids(db, unit_ids.into_iter().flatten().collect()).await?;
        let uname = |i: i64| units.iter().find(|u| u.id == i).map(|u| u.name.clone()).unwrap_or_default();
        let decided = self.decided(actor, &d, &version, &units).await?;
        let (replaced_by, warnings) = self.repeal_and_advice(&vis, &d, &version).await?;
        let owner = match d.owner_user_id {
            Some(u) => varn_store::repo::users::find_any(db, u).await?.map(|u| (u.display_name, u.username)),
            None => None,
        };
        let actions = if d.doc_type == DocType::Strategi { repo::actions(db, id).await? } else { vec![] };
        let on_remiss = d.status == Status::PaRemiss;
        // The editors' notes are theirs; the remissinstanser answer through the remiss.
        let comments = if can_edit { repo::comments(db, id).await?.into_iter().map(Into::into).collect() } else { vec![] };
        let file = if let Some(a) = version.attachment_id { attachments::meta_by_id(db, a).await? } else { None };
        // Editors make the moves of the life cycle; a decision is offered to whoever may record it.
        let moves = d.status.moves(d.current_version_id.is_some());
        let moves =
            moves.into_iter().filter(|to| if matches!(to, Status::Gallande | Status::Upphavd) { decided.may_decide } else { can_edit });
        let (acked, ack_pending) = self.ack_state(actor, &vis, &d, version.id).await?;
        Ok(DocView {
            html: render::markdown(&version.body_md),
            unit_name: uname(d.unit_id),
            applies_to_name: uname(d.applies_to_unit_id),
            applies_to_root: units.iter().any(|u| u.id == d.applies_to_unit_id && u.parent_id.is_none()),
            can_comment: on_remiss && can_edit,
            doc: d.into(),
            version,
            file,
            owner,
            ancestors,
            children,
            versions: versions.collect(),
            actions,
            comments,
            can_edit,
            moves: moves.collect(),
            ack_pending,
            acked,
            decided,
            replaced_by,
            warnings,
            remiss: self.remiss_of(actor, id).await?,
        })
    }

    /// Whether the actor confirmed the version, and whether they are asked to and have not.
    async fn ack_state(&self, actor: &Actor, vis: &DocVisibility, d: &doc::Model, version: i64) -> Result<(bool, bool), AppError> {
        let db = self.db();
        let acked = repo::has_acked(db, version, actor.id.0).await?;
        let pending = !acked
            && d.current_version_id == Some(version)
            && repo::pending_acks(db, actor.id.0, &vis.chain).await?.iter().any(|p| p.version_id == version);
        Ok((acked, pending))
    }

    /// The document that replaces a repealed one, and advice on the version shown (a policy
    /// that applies to one unit only).
    async fn repeal_and_advice(
        &self,
        vis: &DocVisibility,
        d: &doc::Model,
        v: &Version,
    ) -> Result<(Option<DocRow>, Vec<&'static str>), AppError> {
        let db = self.db();
        let replaced_by = match d.replaced_by_id {
            Some(r) => repo::titles(db, vis, vec![r]).await?.pop(),
            None => None,
        };
        let single_unit = d.doc_type == DocType::Policy && org::child_count(db, version_scope_applies(d, v)).await? == 0;
        Ok((replaced_by, if single_unit { vec!["warn.doc.policy_single_unit"] } else { vec![] }))
    }

    /// Whose decision `v` is, in names, and whether the actor may record the one `d` waits for.
    async fn decided(&self, actor: &Actor, d: &doc::Model, v: &Version, units: &[org_unit::Model]) -> Result<Decided, AppError> {
        let db = self.db();
        let name = |i: Option<i64>| i.and_then(|i| units.iter().find(|u| u.id == i)).map(|u| u.name.clone());
        let approver = match (v.approved_by_user_id, v.approver_unit_id.and_then(|i| units.iter().find(|u| u.id == i))) {
            (Some(uid), Some(u)) => varn_store::repo::users::find_any(db, uid).await?.map(|p| (p.display_name, u.kind, u.name.clone())),
            _ => None,
        };
        // The decision waited for, as (body, its unit): the draft's (to adopt) or the version in
        // force's (to repeal). A document in force waits for no draft's decision, and when the
        // version shown is the one in force its decision is already read.
        let draft = if d.status != Status::Gallande { repo::draft(db, d.id).await? } else { None };
        let waiting = match draft {
            Some(dr) => Some((dr.deciding_body, dr.deciding_unit_id)),
            None => match d.current_version_id {
                Some(c) if c == v.id => Some((v.deciding_body, v.deciding_unit_id)),
                Some(c) => repo::version_by_id(db, c).await?.map(|w| (w.deciding_body, w.deciding_unit_id)),
                None => None,
            },
        };
        let owning = units.iter().find(|u| u.id == d.unit_id);
        let mut out = Decided {
            body_name: name(v.deciding_unit_id),
            approver,
            repeal_body_name: name(d.repeal_unit_id),
            has_protocol: v.protocol_attachment_id.is_some(),
            ..Decided::default()
        };
        if let (Some((body, body_unit)), Some(o)) = (waiting, owning) {
            if d.status != Status::Upphavd {
                out.may_decide = super::decide::may_decide(db, actor, body, body_unit, o).await?;
            }
            out.waiting_body = Some(body);
            out.waiting_body_name = match body_unit {
                Some(b) => match name(Some(b)) {
                    Some(n) => Some(n),
                    None => org::find_any(db, b).await?.map(|u| u.name),
                },
                None => None,
            };
            if out.may_decide && body == DecidingBody::Chef {
                out.approvers = super::decide::approvers(db, o).await?;
            }
        }
        Ok(out)
    }
}

/// The unit the version applies to (a draft's own scope, else the document's).
fn version_scope_applies(d: &doc::Model, v: &Version) -> i64 {
    v.applies_to_unit_id.unwrap_or(d.applies_to_unit_id)
}
