//! Governing documents: the register, versions, actions, comments, acknowledgements and
//! follow-up. Who may see what is decided in the query ([`DocVisibility`]).

mod acks;
mod follow_up;
mod remiss;
mod versions;

pub use acks::*;
pub use follow_up::*;
pub use remiss::*;
pub use versions::*;

use crate::entity::{document as doc, org_unit};
use crate::repo::{ListParams, Page};
use crate::scope_condition;
use sea_orm::sea_query::{Alias, Expr, Query, SimpleExpr};
use sea_orm::*;
use varn_domain::document::Status;
use varn_domain::Scope;

/// What a user may see of the register.
#[derive(Debug, Clone)]
pub struct DocVisibility {
    /// Where they may edit: every document, drafts included.
    pub write: Scope,
    /// Where they may read the domain: adopted, repealed and on-remiss documents.
    pub read: Scope,
    /// Their units and every unit above them: documents that apply here are theirs to read
    /// while adopted or on remiss.
    pub chain: Vec<i64>,
    /// The bodies (units) whose decisions they register: documents any version of which
    /// names one of them as deciding body, drafts included.
    pub decides: Vec<i64>,
}

fn unit_path() -> SimpleExpr {
    Expr::col((org_unit::Entity, org_unit::Column::Path)).into()
}

/// The SQL condition of [`DocVisibility`] on `documents` joined with its unit.
pub fn visible(v: &DocVisibility) -> Condition {
    let mut c = Condition::any();
    if v.write.is_all() {
        // Every document, drafts included: the other ways of seeing add nothing, and a bare
        // `TRUE` lets a count of the register be the table's own (`repo::whole_table`).
        return c.add(scope_condition(&v.write, unit_path()));
    }
    let published = Condition::any().add(doc::Column::CurrentVersionId.is_not_null()).add(doc::Column::Status.eq(Status::PaRemiss));
    let live = Condition::any()
        .add(Condition::all().add(doc::Column::CurrentVersionId.is_not_null()).add(doc::Column::Status.ne(Status::Upphavd)))
        .add(doc::Column::Status.eq(Status::PaRemiss));
    if !v.write.is_none() {
        c = c.add(scope_condition(&v.write, unit_path()));
    }
    if !v.read.is_none() {
        c = c.add(Condition::all().add(published).add(scope_condition(&v.read, unit_path())));
    }
    if !v.chain.is_empty() {
        c = c.add(Condition::all().add(live).add(doc::Column::AppliesToUnitId.is_in(v.chain.clone())));
    }
    if !v.decides.is_empty() {
        let by_body = Query::select()
            .column(crate::entity::document_version::Column::DocumentId)
            .from(crate::entity::document_version::Entity)
            .and_where(crate::entity::document_version::Column::DecidingUnitId.is_in(v.decides.clone()))
            .to_owned();
        c = c.add(doc::Column::Id.in_subquery(by_body));
    }
    if v.write.is_none() && v.read.is_none() && v.chain.is_empty() && v.decides.is_empty() {
        c = c.add(Expr::val(1).eq(0));
    }
    c
}

fn scoped(v: &DocVisibility) -> Select<doc::Entity> {
    crate::repo::select::find::<doc::Entity>().join(JoinType::InnerJoin, doc::Relation::Unit.def()).filter(visible(v))
}

/// A row of the register.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct DocRow {
    /// Id.
    pub id: i64,
    /// policy / strategi / riktlinje / anvisning.
    #[schema(value_type = String)]
    pub doc_type: varn_domain::document::DocType,
    /// Title.
    pub title: String,
    /// utkast / pa_remiss / gallande / under_revision / upphavd.
    #[schema(value_type = String)]
    pub status: Status,
    /// Owning unit.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// Parent document.
    pub parent_id: Option<i64>,
    /// The adopted version, if any.
    pub current_version_id: Option<i64>,
    /// Revision date of the adopted version.
    #[serde(serialize_with = "varn_domain::json_time::opt_date")]
    pub revision_date: Option<chrono::NaiveDate>,
    /// End of validity of the adopted version.
    #[serde(serialize_with = "varn_domain::json_time::opt_date")]
    pub valid_until: Option<chrono::NaiveDate>,
}

fn rows(q: Select<doc::Entity>) -> Selector<SelectModel<DocRow>> {
    q.select_only()
        .columns([
            doc::Column::Id,
            doc::Column::DocType,
            doc::Column::Title,
            doc::Column::Status,
            doc::Column::UnitId,
            doc::Column::ParentId,
            doc::Column::CurrentVersionId,
            doc::Column::RevisionDate,
            doc::Column::ValidUntil,
        ])
        .column_as(Expr::col((org_unit::Entity, org_unit::Column::Name)), "unit_name")
        .into_model::<DocRow>()
}

/// Filters of the register.
#[derive(Debug, Clone, Default)]
pub struct DocFilter {
    /// One type.
    pub doc_type: Option<varn_domain::document::DocType>,
    /// One status.
    pub status: Option<Status>,
    /// Owned by this unit.
    pub unit_id: Option<i64>,
    /// Implementing this document.
    pub parent_id: Option<i64>,
}

/// The sort keys of the register (the first is the default).
pub const SORTS: &[&str] = &["title", "type", "status", "unit", "revision"];

/// The visible documents that match, one page.
pub async fn list<D: ConnectionTrait + 'static>(db: &D, v: &DocVisibility, f: &DocFilter, p: &ListParams) -> Result<Page<DocRow>, DbErr> {
    list_counted(db, v, f, p, None).await
}

/// [`list`], its count given when it is `known` (the total and whether it is exact, as
/// [`list`] counted the same reader's documents, filter and search): then only the page is read.
pub async fn list_counted<D: ConnectionTrait + 'static>(
    db: &D,
    v: &DocVisibility,
    f: &DocFilter,
    p: &ListParams,
    known: Option<(u64, bool)>,
) -> Result<Page<DocRow>, DbErr> {
    let mut q = scoped(v);
    let backend = db.get_database_backend();
    let tri = p.q.as_deref().and_then(super::first_trigram).filter(|_| backend == DbBackend::Sqlite);
    if let Some(like) = p.like() {
        // `search_text` is the title lower-cased on write; the pattern is lower-cased too. On
        // SQLite the documents that hold the search's first three letters are read from
        // `documents_trigrams` (m0030), the whole text tested in its row.
        let text = match &tri {
            Some(tri) => {
                QueryTrait::query(&mut q).join(
                    JoinType::InnerJoin,
                    trigrams(),
                    Expr::col((trigrams(), Alias::new("doc_id"))).equals((doc::Entity, doc::Column::Id)),
                );
                q = q.filter(Expr::col((trigrams(), Alias::new("tri"))).eq(tri.as_str()));
                Expr::col((trigrams(), Alias::new("search_text")))
            }
            None => Expr::col((doc::Entity, doc::Column::SearchText)),
        };
        q = q.filter(super::like_on(backend, text.into(), &like));
    }
    if let Some(t) = &f.doc_type {
        q = q.filter(doc::Column::DocType.eq(*t));
    }
    if let Some(s) = &f.status {
        // The trigram's row carries its document's status (m0033): tested before the lookup.
        q = match &tri {
            Some(_) => q.filter(Expr::col((trigrams(), Alias::new("status"))).eq(*s)),
            None => q.filter(doc::Column::Status.eq(*s)),
        };
    }
    if let Some(u) = f.unit_id {
        q = q.filter(doc::Column::UnitId.eq(u));
    }
    if let Some(pid) = f.parent_id {
        q = q.filter(doc::Column::ParentId.eq(pid));
    }
    let counted = q.clone();
    let q = match p.sort.as_deref() {
        Some("type") => q.order_by(doc::Column::DocType, p.dir.order()).order_by_asc(doc::Column::Title),
        Some("status") => q.order_by(doc::Column::Status, p.dir.order()).order_by_asc(doc::Column::Title),
        Some("unit") => q.order_by(Expr::col((org_unit::Entity, org_unit::Column::Name)), p.dir.order()).order_by_asc(doc::Column::Title),
        Some("revision") => q.order_by(doc::Column::RevisionDate, p.dir.order()).order_by_asc(doc::Column::Id),
        // The trigram's rows in their key's order: the page needs no sort.
        _ if tri.is_some() => q
            .order_by(Expr::col((trigrams(), Alias::new("title"))), p.dir.order())
            .order_by_asc(Expr::col((trigrams(), Alias::new("doc_id")))),
        _ => q.order_by(doc::Column::Title, p.dir.order()).order_by_asc(doc::Column::Id),
    };
    let q = match p.per_page {
        Some(n) => q.offset(p.offset()).limit(n),
        None => q,
    };
    let (items, total, exact) = match tri.as_deref().zip(p.like()).filter(|_| whole_register(v, f)) {
        _ if known.is_some() => {
            let (total, exact) = known.unwrap_or_default();
            (rows(q).all(db).await?, total, exact)
        }
        // A search of the whole register counted from the trigram's rows alone: each row
        // is a document's (kept by triggers) and every document has a unit, so the join
        // to either would keep every row and only look them up.
        Some((tri, like)) => {
            let mut inner = Query::select();
            inner
                .expr_as(Expr::cust("1"), Alias::new("one"))
                .from(trigrams())
                .and_where(Expr::col((trigrams(), Alias::new("tri"))).eq(tri))
                .and_where(super::like_on(backend, Expr::col((trigrams(), Alias::new("search_text"))).into(), &like));
            if let Some(s) = &f.status {
                inner.and_where(Expr::col((trigrams(), Alias::new("status"))).eq(*s));
            }
            super::page_counted_by(db, backend.build(&inner), 10_000, rows(q)).await?
        }
        None => super::page_counted(db, counted, 10_000, rows(q)).await?,
    };
    Ok(Page { items, total, page: p.page.max(1), per_page: p.per_page.unwrap_or(total.max(1)), exact })
}

/// Whether `v` sees every document and `f` chooses among them by status at most: the
/// register's search is then counted from its trigram rows alone.
fn whole_register(v: &DocVisibility, f: &DocFilter) -> bool {
    v.write.is_all() && f.doc_type.is_none() && f.unit_id.is_none() && f.parent_id.is_none()
}

/// SQLite's table of the documents' trigrams (m0030), each row with its document's status
/// (m0033).
fn trigrams() -> Alias {
    Alias::new("documents_trigrams")
}

/// Every visible document, for the tree (capped).
pub async fn tree<D: ConnectionTrait>(db: &D, v: &DocVisibility, cap: u64) -> Result<Vec<DocRow>, DbErr> {
    rows(scoped(v).filter(doc::Column::Status.ne(Status::Upphavd)).order_by_asc(doc::Column::Title).limit(cap)).all(db).await
}

/// One visible document with the path of its unit.
pub async fn find<D: ConnectionTrait>(db: &D, v: &DocVisibility, id: i64) -> Result<Option<(doc::Model, String)>, DbErr> {
    Ok(crate::repo::kept::all(db, find_query(v, id)).await?.into_iter().next().map(|f| (f.doc, f.path)))
}

/// A document with the path of its owning unit (what [`find`] reads).
#[derive(Debug, Clone)]
pub struct Found {
    /// The document.
    pub doc: doc::Model,
    /// Its owning unit's path.
    pub path: String,
}

impl FromQueryResult for Found {
    fn from_query_result(row: &QueryResult, pre: &str) -> Result<Self, DbErr> {
        Ok(Found { doc: doc::Model::from_query_result(row, pre)?, path: row.try_get(pre, "unit_path")? })
    }
}

/// The query of [`find`]: the document and its unit's path in one statement (the unit is
/// joined for the visibility already).
///
/// Built once for each reader and document (see [`crate::repo::memo`]), as are
/// [`children_query`] and [`titles_query`]: the reader's ways of seeing are written into them,
/// and building the three took 18 % of a unit head's document page.
pub fn find_query(v: &DocVisibility, id: i64) -> impl crate::repo::kept::Read<S = SelectModel<Found>> + use<> {
    static FIND: crate::repo::memo::Memo = crate::repo::memo::Memo::new();
    let v = v.clone();
    FIND.keep(format!("{v:?}|{id}"), move || {
        scoped(&v).filter(doc::Column::Id.eq(id)).column_as(org_unit::Column::Path, "unit_path").limit(1).into_model()
    })
}

/// One document regardless of visibility (for rules on the parent).
pub async fn find_any<D: ConnectionTrait>(db: &D, id: i64) -> Result<Option<doc::Model>, DbErr> {
    doc::Entity::find_by_id(id).one(db).await
}

/// The visible documents that implement `id`.
pub async fn children<D: ConnectionTrait>(db: &D, v: &DocVisibility, id: i64) -> Result<Vec<DocRow>, DbErr> {
    crate::repo::kept::all(db, children_query(v, id)).await
}

/// The query of [`children`].
pub fn children_query(v: &DocVisibility, id: i64) -> impl crate::repo::kept::Read<S = SelectModel<DocRow>> + use<> {
    static CHILDREN: crate::repo::memo::Memo = crate::repo::memo::Memo::new();
    let v = v.clone();
    CHILDREN.keep(format!("{v:?}|{id}"), move || {
        rows(scoped(&v).filter(doc::Column::ParentId.eq(id)).order_by_asc(doc::Column::DocType).order_by_asc(doc::Column::Title))
    })
}

/// Titles of documents by id (for the chain of parents; titles of visible parents only).
pub async fn titles<D: ConnectionTrait>(db: &D, v: &DocVisibility, ids: Vec<i64>) -> Result<Vec<DocRow>, DbErr> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    crate::repo::kept::all(db, titles_query(v, ids)).await
}

/// The query of [`titles`] (`ids` not empty).
pub fn titles_query(v: &DocVisibility, ids: Vec<i64>) -> impl crate::repo::kept::Read<S = SelectModel<DocRow>> + use<> {
    static TITLES: crate::repo::memo::Memo = crate::repo::memo::Memo::new();
    let v = v.clone();
    TITLES.keep(format!("{v:?}|{ids:?}"), move || rows(scoped(&v).filter(doc::Column::Id.is_in(ids))))
}

/// What of the module refers to a unit, for the unit's delete guard: documents it owns or
/// that apply to it, and strategy actions and read-confirmation requests that name it.
pub async fn unit_references<D: ConnectionTrait>(db: &D, id: i64) -> Result<Vec<(&'static str, u64)>, DbErr> {
    use crate::entity::{document_ack_request, document_action};
    let mut out = Vec::new();
    let docs = crate::repo::select::find::<doc::Entity>()
        .filter(Condition::any().add(doc::Column::UnitId.eq(id)).add(doc::Column::AppliesToUnitId.eq(id)))
        .count(db)
        .await?;
    if docs > 0 {
        out.push(("documents", docs));
    }
    let actions =
        crate::repo::select::find::<document_action::Entity>().filter(document_action::Column::ResponsibleUnitId.eq(id)).count(db).await?;
    let asks =
        crate::repo::select::find::<document_ack_request::Entity>().filter(document_ack_request::Column::UnitId.eq(id)).count(db).await?;
    let remisses = crate::repo::select::find::<crate::entity::document_remiss::Entity>()
        .filter(crate::entity::document_remiss::Column::UnitId.eq(id))
        .count(db)
        .await?;
    // Decisions name a body's unit (or the chef's) too.
    let decided = crate::repo::select::find::<crate::entity::document_version::Entity>()
        .filter(
            Condition::any()
                .add(crate::entity::document_version::Column::DecidingUnitId.eq(id))
                .add(crate::entity::document_version::Column::ApproverUnitId.eq(id)),
        )
        .count(db)
        .await?;
    if actions + asks + remisses + decided > 0 {
        out.push(("document_work", actions + asks + remisses + decided));
    }
    Ok(out)
}
