//! Reading a document: the module's own view types ([`Document`], [`Version`],
//! [`DocView`]), the version shown, its place in the tree, and the comparison of two
//! versions. The API describes its answers with these same types.

use super::render::{self, DiffLine, FieldChange};
use super::Documents;
use crate::{Actor, AppError};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use varn_domain::document::{DecidingBody, DocType, Status, VersionState};
use varn_store::entity::{document as doc, document_comment, document_version as ver};
use varn_store::repo::attachments::{self, AttachmentMeta};
use varn_store::repo::documents::{self as repo, ActionRow, DocRow, DocVisibility};
use varn_store::repo::org;

/// A governing document across its versions.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Document {
    /// Id.
    pub id: i64,
    /// policy / strategi / riktlinje / anvisning.
    #[schema(value_type = String)]
    pub doc_type: DocType,
    /// utkast / pa_remiss / gallande / under_revision / upphavd.
    #[schema(value_type = String)]
    pub status: Status,
    /// Title of the version in force (else of the first draft).
    pub title: String,
    /// Owning unit.
    pub unit_id: i64,
    /// Unit it applies to (with its subtree).
    pub applies_to_unit_id: i64,
    /// Dokumentansvarig person.
    pub owner_user_id: Option<i64>,
    /// The document it implements.
    pub parent_id: Option<i64>,
    /// The version in force.
    #[serde(skip)]
    #[schema(ignore)]
    pub current_version_id: Option<i64>,
}

impl From<doc::Model> for Document {
    fn from(m: doc::Model) -> Self {
        Document {
            id: m.id,
            doc_type: m.doc_type,
            status: m.status,
            title: m.title,
            unit_id: m.unit_id,
            applies_to_unit_id: m.applies_to_unit_id,
            owner_user_id: m.owner_user_id,
            parent_id: m.parent_id,
            current_version_id: m.current_version_id,
        }
    }
}

/// A version: its metadata block and text.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Version {
    /// Id (internal).
    #[serde(skip)]
    #[schema(ignore)]
    pub id: i64,
    /// Number, from 1.
    pub number: i32,
    /// draft / adopted / superseded.
    #[schema(value_type = String)]
    pub state: VersionState,
    /// Title.
    pub title: String,
    /// kommunfullmaktige / kommunstyrelse / namnd / chef.
    #[schema(value_type = String)]
    pub deciding_body: DecidingBody,
    /// Beslutsdatum.
    pub decision_date: Option<NaiveDate>,
    /// Last day of validity; none means tills vidare.
    pub valid_until: Option<NaiveDate>,
    /// Antagen till följd av lag.
    pub by_law: bool,
    /// Which law.
    pub law: Option<String>,
    /// Revisionsdatum.
    pub revision_date: Option<NaiveDate>,
    /// Uppföljning.
    pub follow_up: Option<String>,
    /// Diarienummer.
    pub diarienummer: Option<String>,
    /// Paragraph.
    pub paragraph: Option<String>,
    /// Text in Markdown.
    pub body_md: String,
    /// The attached file that is the text, if any (internal).
    #[serde(skip)]
    #[schema(ignore)]
    pub attachment_id: Option<i64>,
    /// When adopted.
    pub adopted_at: Option<DateTime<Utc>>,
}

impl From<ver::Model> for Version {
    fn from(v: ver::Model) -> Self {
        Version {
            id: v.id,
            number: v.number,
            state: v.state,
            title: v.title,
            deciding_body: v.deciding_body,
            decision_date: v.decision_date,
            valid_until: v.valid_until,
            by_law: v.by_law,
            law: v.law,
            revision_date: v.revision_date,
            follow_up: v.follow_up,
            diarienummer: v.diarienummer,
            paragraph: v.paragraph,
            body_md: v.body_md,
            attachment_id: v.attachment_id,
            adopted_at: v.adopted_at,
        }
    }
}

/// A version in the list of versions.
#[derive(Debug, Clone, Serialize)]
pub struct VersionRef {
    /// Number, from 1.
    pub number: i32,
    /// Draft, adopted or superseded.
    pub state: VersionState,
    /// Decision date.
    pub decision_date: Option<NaiveDate>,
    /// When it was adopted.
    pub adopted_at: Option<DateTime<Utc>>,
}

/// A remiss comment.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Comment {
    /// Who wrote it (name at the time).
    pub author_name: String,
    /// The text.
    pub body: String,
    /// When.
    pub created_at: DateTime<Utc>,
}

impl From<document_comment::Model> for Comment {
    fn from(c: document_comment::Model) -> Self {
        Comment { author_name: c.author_name, body: c.body, created_at: c.created_at }
    }
}

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
    /// The version `number` (or the one to show by default) if the actor may read it.
    pub async fn version_readable(&self, actor: &Actor, id: i64, number: Option<i32>) -> Result<Version, AppError> {
        let (d, can_edit) = self.find(actor, id).await?;
        self.version_of(&d, can_edit, number).await
    }

    /// Every version the actor may read, newest first (the document found once).
    pub async fn versions(&self, actor: &Actor, id: i64) -> Result<Vec<Version>, AppError> {
        let (d, can_edit) = self.find(actor, id).await?;
        let all = repo::versions(self.db(), id).await?;
        Ok(all.into_iter().filter(|v| v.state != VersionState::Draft || drafts_readable(&d, can_edit)).map(Into::into).collect())
    }

    async fn version_of(&self, d: &doc::Model, can_edit: bool, number: Option<i32>) -> Result<Version, AppError> {
        let db = self.db();
        let v = match number {
            Some(n) => repo::version(db, d.id, n).await?,
            None => match d.current_version_id {
                Some(cv) => repo::version_by_id(db, cv).await?,
                None => repo::draft(db, d.id).await?,
            },
        }
        .ok_or(AppError::NotFound)?;
        if v.state == VersionState::Draft && !drafts_readable(d, can_edit) {
            return Err(AppError::NotFound);
        }
        Ok(v.into())
    }

    /// The documents above `d`, from the top (visible ones only).
    async fn ancestors(&self, vis: &DocVisibility, d: &doc::Model) -> Result<Vec<DocRow>, AppError> {
        let mut out = Vec::new();
        let mut next = d.parent_id;
        while let Some(pid) = next {
            if out.len() > 20 {
                break;
            }
            match repo::titles(self.db(), vis, vec![pid]).await?.pop() {
                Some(p) => {
                    next = p.parent_id;
                    out.push(p);
                }
                None => break,
            }
        }
        out.reverse();
        Ok(out)
    }

    /// The document page.
    pub async fn view(&self, actor: &Actor, id: i64, number: Option<i32>) -> Result<DocView, AppError> {
        let vis = self.visibility(actor);
        let (d, can_edit) = self.find_in(&vis, actor, id).await?;
        let version = self.version_of(&d, can_edit, number).await?;
        let db = self.db();
        let ancestors = self.ancestors(&vis, &d).await?;
        let children = repo::children(db, &vis, id).await?;
        let versions = repo::versions(db, id)
            .await?
            .into_iter()
            .filter(|v| v.state != VersionState::Draft || drafts_readable(&d, can_edit))
            .map(|v| VersionRef { number: v.number, state: v.state, decision_date: v.decision_date, adopted_at: v.adopted_at })
            .collect();
        let units = org::by_ids(db, vec![d.unit_id, d.applies_to_unit_id]).await?;
        let uname = |i: i64| units.iter().find(|u| u.id == i).map(|u| u.name.clone()).unwrap_or_default();
        let owner = match d.owner_user_id {
            Some(u) => varn_store::repo::users::find_any(db, u).await?.map(|u| (u.display_name, u.username)),
            None => None,
        };
        let actions = if d.doc_type == DocType::Strategi { repo::actions(db, id).await? } else { vec![] };
        let on_remiss = d.status == Status::PaRemiss;
        let comments = if can_edit || on_remiss { repo::comments(db, id).await?.into_iter().map(Into::into).collect() } else { vec![] };
        let file = match version.attachment_id {
            Some(a) => attachments::meta_by_id(db, a).await?,
            None => None,
        };
        let moves = if can_edit { d.status.moves(d.current_version_id.is_some()) } else { vec![] };
        let acked = repo::has_acked(db, version.id, actor.id.0).await?;
        let ack_pending = !acked
            && d.current_version_id == Some(version.id)
            && repo::pending_acks(db, actor.id.0, &vis.chain).await?.iter().any(|p| p.version_id == version.id);
        Ok(DocView {
            html: render::markdown(&version.body_md),
            unit_name: uname(d.unit_id),
            applies_to_name: uname(d.applies_to_unit_id),
            applies_to_root: units.iter().any(|u| u.id == d.applies_to_unit_id && u.parent_id.is_none()),
            can_comment: on_remiss,
            doc: d.into(),
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
    pub async fn compare(&self, actor: &Actor, id: i64, a: i32, b: i32) -> Result<Comparison, AppError> {
        let from = self.version_readable(actor, id, Some(a)).await?;
        let to = self.version_readable(actor, id, Some(b)).await?;
        let fields = render::metadata_changes(&from, &to);
        let lines = render::diff(&from.body_md, &to.body_md);
        Ok(Comparison { from, to, fields, lines })
    }

    /// The number of the open draft, if the actor may read it.
    pub async fn draft_number(&self, actor: &Actor, id: i64) -> Result<Option<i32>, AppError> {
        let (d, can_edit) = self.find(actor, id).await?;
        if !drafts_readable(&d, can_edit) {
            return Ok(None);
        }
        Ok(repo::draft(self.db(), id).await?.map(|v| v.number))
    }
}

/// Two versions compared.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Comparison {
    /// The older.
    #[serde(skip)]
    #[schema(ignore)]
    pub from: Version,
    /// The newer.
    #[serde(skip)]
    #[schema(ignore)]
    pub to: Version,
    /// Changed metadata.
    pub fields: Vec<FieldChange>,
    /// The text, line by line.
    pub lines: Vec<DiffLine>,
}

/// A draft is for its editors, and for readers only while it is on remiss.
fn drafts_readable(d: &doc::Model, can_edit: bool) -> bool {
    can_edit || d.status == Status::PaRemiss
}
