//! The document page: everything it shows of a document, and whose decision it is.

use super::queries::{Comment, Document, Version, VersionRef};
use super::{render, Documents};
use crate::{Actor, AppError};
use varn_domain::document::{DecidingBody, DocType, Status, VersionState};
use varn_store::batch::Reads;
use varn_store::entity::{document as doc, org_unit};
use varn_store::repo::attachments::{self, AttachmentMeta};
use varn_store::repo::documents::RemissRow;
use varn_store::repo::documents::{self as repo, ActionRow, DocRow};
use varn_store::repo::{org, users};
use varn_store::sea_orm::SelectModel;

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
    /// The path of the unit it applies to (whose staff may be asked to confirm it).
    pub applies_to_path: Option<String>,
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

/// The version a document's page shows, as [`Documents::shown`] found it for an actor: what
/// its PDF is kept by, and what the rest of the page ([`Documents::view_of`]) is read from.
#[derive(Debug, Clone)]
pub struct Shown {
    doc: doc::Model,
    version: Version,
    can_edit: bool,
    drafts: bool,
}

impl Shown {
    /// The id of the version shown.
    pub fn version_id(&self) -> i64 {
        self.version.id
    }
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
    /// The version of document `id` that its page and its PDF show (`number`, else the one in
    /// force, else the draft), read as the actor may read it: `NotFound` when the document is
    /// outside what they may see, or the version is a draft they may not read.
    pub async fn shown(&self, actor: &Actor, id: i64, number: Option<i32>) -> Result<Shown, AppError> {
        let vis = self.visibility(actor);
        let db = self.db();
        // The document (with its unit's path, for the actor's rights) and the version shown,
        // both by the document's id: one hand-off. The version is kept only if the document
        // is visible; a document never adopted shows its draft (read after).
        let mut b = Reads::on(db);
        let found = b.add(repo::find_query(&vis, id));
        let shown = b.add(repo::shown_query(id, number));
        let mut got = b.run(db).await?;
        let repo::Found { doc: d, path } = got.take_one(found)?.ok_or(AppError::NotFound)?;
        let can_edit = self.may_edit(actor, &path)?;
        let drafts = self.drafts_readable(actor, &d, can_edit).await?;
        let version = match got.take_one(shown)? {
            Some(v) => self.readable(v, drafts)?,
            None if number.is_none() && d.current_version_id.is_none() => self.version_of(&d, drafts, None).await?,
            None => return Err(AppError::NotFound),
        };
        Ok(Shown { doc: d, version, can_edit, drafts })
    }

    /// The document page.
    pub async fn view(&self, actor: &Actor, id: i64, number: Option<i32>) -> Result<DocView, AppError> {
        let shown = self.shown(actor, id, number).await?;
        self.view_of(actor, shown).await
    }

    /// The document page of the version [`Documents::shown`] found for the actor.
    pub async fn view_of(&self, actor: &Actor, shown: Shown) -> Result<DocView, AppError> {
        let Shown { doc: d, version, can_edit, drafts } = shown;
        let (vis, db, id) = (self.visibility(actor), self.db(), d.id);
        let ancestors = self.ancestors(&vis, &d).await?;
        // What the page shows beside the version are independent reads: one batch, one
        // hand-off on SQLite.
        let mut b = Reads::on(db);
        let children = b.add(repo::children_query(&vis, id));
        let versions = b.add(repo::versions_query(id));
        let unit_ids = [Some(d.unit_id), Some(d.applies_to_unit_id), version.deciding_unit_id, version.approver_unit_id, d.repeal_unit_id];
        let units = b.add(org::by_ids_query(unit_ids.into_iter().flatten().collect()));
        let owner = d.owner_user_id.map(|u| b.add(users::by_ids_query(vec![u])));
        let approver = version.approved_by_user_id.map(|u| b.add(users::by_ids_query(vec![u])));
        let draft = (d.status != Status::Gallande).then(|| b.add(repo::draft_query(d.id)));
        let in_force = d.current_version_id.filter(|c| *c != version.id).map(|c| b.add(repo::version_by_id_query(c)));
        let actions = (d.doc_type == DocType::Strategi).then(|| b.add_statement::<SelectModel<ActionRow>>(repo::actions_statement(db, id)));
        // The editors' notes are theirs; the remissinstanser answer through the remiss.
        let comments = can_edit.then(|| b.add(repo::comments_query(id)));
        let file = version.attachment_id.map(|a| b.add(attachments::meta_by_id_query(a)));
        let acked = b.add(repo::has_acked_query(version.id, actor.id.0));
        // Asked to confirm: a request for the version in force on one of the actor's units or
        // those above (and not confirmed, read beside it).
        let asked = (d.current_version_id == Some(version.id) && d.status != Status::Upphavd)
            .then(|| repo::asked_query(version.id, &vis.chain))
            .flatten()
            .map(|q| b.add(q));
        let remisses = b.add_statement::<SelectModel<RemissRow>>(repo::remisses_statement(db, id));
        let replaced_by = d.replaced_by_id.map(|r| b.add(repo::titles_query(&vis, vec![r])));
        let has_child = (d.doc_type == DocType::Policy).then(|| b.add(org::has_child_query(version_scope_applies(&d, &version))));
        let city_bodies = self.city_bodies().await?;
        let mut got = b.run(db).await?;

        let children = got.take(children)?;
        let versions = got.take(versions)?.into_iter().filter(|v| v.state != VersionState::Draft || drafts).map(|v| VersionRef {
            number: v.number,
            state: v.state,
            decision_date: v.decision_date,
            adopted_at: v.adopted_at,
        });
        let units = got.take(units)?;
        let uname = |i: i64| units.iter().find(|u| u.id == i).map(|u| u.name.clone()).unwrap_or_default();
        let owner = got.take_one_if(owner)?.map(|u| (u.display_name, u.username));
        let waits =
            Waiting { approved_by: got.take_one_if(approver)?, draft: got.take_one_if(draft)?, in_force: got.take_one_if(in_force)? };
        let decided = self.decided(actor, &d, &version, &units, waits, &city_bodies).await?;
        let replaced_by = got.take_one_if(replaced_by)?;
        let single_unit = has_child.is_some() && got.take_one_if(has_child)?.is_none();
        let warnings = if single_unit { vec!["warn.doc.policy_single_unit"] } else { vec![] };
        let actions = got.take_if(actions)?;
        let on_remiss = d.status == Status::PaRemiss;
        let comments = got.take_if(comments)?.into_iter().map(Into::into).collect();
        let file = got.take_one_if(file)?;
        let acked = got.take_one(acked)?.is_some();
        let ack_pending = !acked && got.take_one_if(asked)?.is_some();
        let remiss = self.remiss_from(actor, got.take(remisses)?).await?;
        // Editors make the moves of the life cycle; a decision is offered to whoever may record it.
        let moves = d.status.moves(d.current_version_id.is_some());
        let moves =
            moves.into_iter().filter(|to| if matches!(to, Status::Gallande | Status::Upphavd) { decided.may_decide } else { can_edit });
        Ok(DocView {
            html: render::markdown_kept(&version.body_md),
            unit_name: uname(d.unit_id),
            applies_to_name: uname(d.applies_to_unit_id),
            applies_to_root: units.iter().any(|u| u.id == d.applies_to_unit_id && u.parent_id.is_none()),
            applies_to_path: units.iter().find(|u| u.id == d.applies_to_unit_id).map(|u| u.path.clone()),
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
            remiss,
        })
    }

    /// Whose decision `v` is, in names, and whether the actor may record the one `d` waits for.
    async fn decided(
        &self,
        actor: &Actor,
        d: &doc::Model,
        v: &Version,
        units: &[org_unit::Model],
        w: Waiting,
        city_bodies: &[org_unit::Model],
    ) -> Result<Decided, AppError> {
        let db = self.db();
        let Waiting { approved_by, draft, in_force } = w;
        let name = |i: Option<i64>| i.and_then(|i| units.iter().find(|u| u.id == i)).map(|u| u.name.clone());
        let approver = match (approved_by, v.approver_unit_id.and_then(|i| units.iter().find(|u| u.id == i))) {
            (Some(p), Some(u)) => Some((p.display_name, u.kind, u.name.clone())),
            _ => None,
        };
        // The decision waited for, as (body, its unit): the draft's (to adopt) or the version in
        // force's (to repeal). A document in force waits for no draft's decision (none is read
        // for it), and when the version shown is the one in force its decision is already read.
        let waiting = match draft {
            Some(dr) => Some((dr.deciding_body, dr.deciding_unit_id)),
            None => match d.current_version_id {
                Some(c) if c == v.id => Some((v.deciding_body, v.deciding_unit_id)),
                Some(_) => in_force.map(|w| (w.deciding_body, w.deciding_unit_id)),
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
                out.may_decide = super::decide::may_decide(db, actor, body, body_unit, o, city_bodies).await?;
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

/// What the page's batch read for [`Documents::decided`]: the person who approved the version
/// shown, the open draft (a document not in force) and the version in force (when another
/// version is shown).
struct Waiting {
    approved_by: Option<varn_store::entity::user::Model>,
    draft: Option<varn_store::entity::document_version::Model>,
    in_force: Option<varn_store::entity::document_version::Model>,
}

/// The unit the version applies to (a draft's own scope, else the document's).
fn version_scope_applies(d: &doc::Model, v: &Version) -> i64 {
    v.applies_to_unit_id.unwrap_or(d.applies_to_unit_id)
}
