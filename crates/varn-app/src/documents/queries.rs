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
use varn_store::repo::documents::{self as repo, DocRow, DocVisibility};

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
    /// Senast reviderad: the last adoption, or review that changed nothing.
    #[serde(serialize_with = "varn_domain::json_time::opt_date")]
    pub reviewed_on: Option<NaiveDate>,
    /// Nästa översyn.
    #[serde(serialize_with = "varn_domain::json_time::opt_date")]
    pub next_review: Option<NaiveDate>,
    /// The repeal, when repealed.
    pub repeal: Option<Repeal>,
}

/// A repeal: a decision of its own.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Repeal {
    /// Date of the decision.
    #[serde(serialize_with = "varn_domain::json_time::opt_date")]
    pub date: Option<NaiveDate>,
    /// kommunfullmaktige / kommunstyrelse / namnd / styrelse / chef.
    #[schema(value_type = Option<String>)]
    pub body: Option<DecidingBody>,
    /// The body's unit (for a chef: the unit they head).
    pub body_unit_id: Option<i64>,
    /// Diarienummer.
    pub diarienummer: Option<String>,
    /// Paragraph.
    pub paragraph: Option<String>,
    /// The document that replaces it.
    pub replaced_by_id: Option<i64>,
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
            reviewed_on: m.reviewed_on,
            next_review: m.revision_date,
            repeal: (m.status == Status::Upphavd).then_some(Repeal {
                date: m.repealed_on,
                body: m.repeal_body,
                body_unit_id: m.repeal_unit_id,
                diarienummer: m.repeal_diarienummer,
                paragraph: m.repeal_paragraph,
                replaced_by_id: m.replaced_by_id,
            }),
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
    /// kommunfullmaktige / kommunstyrelse / namnd / styrelse / chef.
    #[schema(value_type = String)]
    pub deciding_body: DecidingBody,
    /// The body's unit (KF, KS, the nämnd, the bolag); none for a chef's approval.
    pub deciding_unit_id: Option<i64>,
    /// The chef who approved an instruction.
    pub approved_by_user_id: Option<i64>,
    /// The unit that chef heads.
    pub approver_unit_id: Option<i64>,
    /// I samråd med.
    pub consulted: Option<String>,
    /// Beslutsdatum (for a chef: the date of approval).
    #[serde(serialize_with = "varn_domain::json_time::opt_date")]
    pub decision_date: Option<NaiveDate>,
    /// Gäller från, when later than the decision.
    #[serde(serialize_with = "varn_domain::json_time::opt_date")]
    pub valid_from: Option<NaiveDate>,
    /// Last day of validity; none means tills vidare.
    #[serde(serialize_with = "varn_domain::json_time::opt_date")]
    pub valid_until: Option<NaiveDate>,
    /// Antagen till följd av lag.
    pub by_law: bool,
    /// Which law.
    pub law: Option<String>,
    /// Nästa översyn (planned review).
    #[serde(serialize_with = "varn_domain::json_time::opt_date")]
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
    /// The protokollsutdrag, if attached (internal; served at `…/versions/{n}/protocol`).
    #[serde(skip)]
    #[schema(ignore)]
    pub protocol_attachment_id: Option<i64>,
    /// When adopted.
    #[serde(serialize_with = "varn_domain::json_time::opt_datetime")]
    pub adopted_at: Option<DateTime<Utc>>,
    /// The unit this version applies to, when it holds its own scope (else the document's).
    pub applies_to_unit_id: Option<i64>,
}

impl From<ver::Model> for Version {
    fn from(v: ver::Model) -> Self {
        Version {
            id: v.id,
            number: v.number,
            state: v.state,
            title: v.title,
            deciding_body: v.deciding_body,
            deciding_unit_id: v.deciding_unit_id,
            approved_by_user_id: v.approved_by_user_id,
            approver_unit_id: v.approver_unit_id,
            consulted: v.consulted,
            decision_date: v.decision_date,
            valid_from: v.valid_from,
            valid_until: v.valid_until,
            by_law: v.by_law,
            law: v.law,
            revision_date: v.revision_date,
            follow_up: v.follow_up,
            diarienummer: v.diarienummer,
            paragraph: v.paragraph,
            body_md: v.body_md,
            attachment_id: v.attachment_id,
            protocol_attachment_id: v.protocol_attachment_id,
            adopted_at: v.adopted_at,
            applies_to_unit_id: v.applies_to_unit_id,
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
    #[serde(serialize_with = "varn_domain::json_time::opt_date")]
    pub decision_date: Option<NaiveDate>,
    /// When it was adopted.
    #[serde(serialize_with = "varn_domain::json_time::opt_datetime")]
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
    #[serde(serialize_with = "varn_domain::json_time::datetime")]
    pub created_at: DateTime<Utc>,
}

impl From<document_comment::Model> for Comment {
    fn from(c: document_comment::Model) -> Self {
        Comment { author_name: c.author_name, body: c.body, created_at: c.created_at }
    }
}

impl<'a> Documents<'a> {
    /// The type of a readable document.
    pub async fn doc_type(&self, actor: &Actor, id: i64) -> Result<DocType, AppError> {
        Ok(self.find(actor, id).await?.0.doc_type)
    }

    /// The version `number` (or the one to show by default) if the actor may read it.
    pub async fn version_readable(&self, actor: &Actor, id: i64, number: Option<i32>) -> Result<Version, AppError> {
        let (d, can_edit) = self.find(actor, id).await?;
        let drafts = self.drafts_readable(actor, &d, can_edit).await?;
        self.version_of(&d, drafts, number).await
    }

    /// Every version the actor may read, newest first (the document found once).
    pub async fn versions(&self, actor: &Actor, id: i64) -> Result<Vec<Version>, AppError> {
        let (d, can_edit) = self.find(actor, id).await?;
        let drafts = self.drafts_readable(actor, &d, can_edit).await?;
        let all = repo::versions(self.db(), id).await?;
        Ok(all.into_iter().filter(|v| v.state != VersionState::Draft || drafts).map(Into::into).collect())
    }

    /// Whether the actor reads the document's drafts: its editors; everyone who sees it while
    /// it is on remiss; the registrator of the body that is to decide it.
    pub(super) async fn drafts_readable(&self, actor: &Actor, d: &doc::Model, can_edit: bool) -> Result<bool, AppError> {
        if can_edit || d.status == Status::PaRemiss {
            return Ok(true);
        }
        let decides = self.visibility(actor).decides;
        Ok(!decides.is_empty() && repo::decided_by_any(self.db(), d.id, &decides).await?)
    }

    pub(super) async fn version_of(&self, d: &doc::Model, drafts: bool, number: Option<i32>) -> Result<Version, AppError> {
        let db = self.db();
        let v = match number {
            Some(n) => repo::version(db, d.id, n).await?,
            None => match d.current_version_id {
                Some(cv) => repo::version_by_id(db, cv).await?,
                None => repo::draft(db, d.id).await?,
            },
        }
        .ok_or(AppError::NotFound)?;
        self.readable(v, drafts)
    }

    /// The version, unless it is a draft and drafts are not the actor's to read.
    pub(super) fn readable(&self, v: varn_store::entity::document_version::Model, drafts: bool) -> Result<Version, AppError> {
        if v.state == VersionState::Draft && !drafts {
            return Err(AppError::NotFound);
        }
        Ok(v.into())
    }

    /// The documents above `d`, from the top (visible ones only).
    pub(super) async fn ancestors(&self, vis: &DocVisibility, d: &doc::Model) -> Result<Vec<DocRow>, AppError> {
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
        if !self.drafts_readable(actor, &d, can_edit).await? {
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
