//! The register of authorities and networks, and the contacts made with them. A contact is
//! made on behalf of a unit: who reads incidents there reads its contacts (and everyone
//! the contacts they recorded themselves), decided in the query.

use crate::entity::{authority, authority_contact, incident, org_unit, user};
use crate::repo::{now, Page};
use crate::scope_condition;
use sea_orm::sea_query::{Expr, Query, UnionType};
use sea_orm::*;
use varn_domain::incident::{AuthorityKind, Channel, Direction};
use varn_domain::Scope;

/// The register, by name (inactive ones last).
pub async fn all<D: ConnectionTrait>(db: &D) -> Result<Vec<authority::Model>, DbErr> {
    crate::repo::select::find::<authority::Entity>()
        .order_by_desc(authority::Column::Active)
        .order_by_asc(authority::Column::Name)
        .all(db)
        .await
}

/// The active ones to choose among when recording a contact, by name: (id, name).
pub fn choices_query() -> impl crate::repo::kept::Read<S = sea_orm::SelectGetableTuple<(i64, String)>> + use<> {
    static KEPT: crate::repo::kept::Slot = crate::repo::kept::Slot::new();
    KEPT.keep(vec![true.into()], || {
        crate::repo::select::find::<authority::Entity>()
            .filter(authority::Column::Active.eq(true))
            .select_only()
            .columns([authority::Column::Id, authority::Column::Name])
            .order_by_asc(authority::Column::Name)
            .into_tuple()
    })
}

/// One authority or network.
pub async fn find<D: ConnectionTrait>(db: &D, id: i64) -> Result<Option<authority::Model>, DbErr> {
    Ok(crate::repo::kept::all(db, find_query(id)).await?.pop())
}

/// The query of [`find`], its text kept (an authority's page built it at every request).
pub fn find_query(id: i64) -> impl crate::repo::kept::Read<S = sea_orm::SelectModel<authority::Model>> + use<> {
    static KEPT: crate::repo::kept::Slot = crate::repo::kept::Slot::new();
    KEPT.keep(vec![id.into()], move || authority::Entity::find_by_id(id).into_model())
}

/// The one a data file names by its code.
pub async fn by_code<D: ConnectionTrait>(db: &D, code: &str) -> Result<Option<authority::Model>, DbErr> {
    crate::repo::select::find::<authority::Entity>().filter(authority::Column::Code.eq(code)).one(db).await
}

/// Another one of this name (names are unique).
pub async fn name_taken<D: ConnectionTrait>(db: &D, name: &str, except: Option<i64>) -> Result<bool, DbErr> {
    let mut q = crate::repo::select::find::<authority::Entity>().filter(Expr::expr(Expr::col(authority::Column::Name)).eq(name.trim()));
    if let Some(id) = except {
        q = q.filter(authority::Column::Id.ne(id));
    }
    Ok(q.count(db).await? > 0)
}

/// An authority's facts as written.
#[derive(Debug, Clone, Default)]
pub struct AuthorityFields {
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: Option<AuthorityKind>,
    /// What they do for the city.
    pub purpose: Option<String>,
    /// Website.
    pub website: Option<String>,
    /// Where reports are filed.
    pub report_url: Option<String>,
    /// Telephone.
    pub phone: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// A named contact.
    pub contact_person: Option<String>,
    /// Notes.
    pub notes: Option<String>,
    /// In use.
    pub active: bool,
}

/// Creates (no id) or changes an authority; returns it as saved.
pub async fn save<D: ConnectionTrait>(
    db: &D,
    id: Option<i64>,
    code: Option<String>,
    f: AuthorityFields,
) -> Result<authority::Model, DbErr> {
    let t = now();
    let mut m = authority::ActiveModel {
        name: Set(f.name),
        kind: Set(f.kind.unwrap_or(AuthorityKind::Myndighet)),
        purpose: Set(f.purpose),
        website: Set(f.website),
        report_url: Set(f.report_url),
        phone: Set(f.phone),
        email: Set(f.email),
        contact_person: Set(f.contact_person),
        notes: Set(f.notes),
        active: Set(f.active),
        updated_at: Set(t),
        ..Default::default()
    };
    match id {
        Some(id) => {
            m.id = Set(id);
            m.update(db).await
        }
        None => {
            m.code = Set(code);
            m.created_at = Set(t);
            m.insert(db).await
        }
    }
}

/// Whose contacts a user reads: those of the units where they read incidents, and their own.
#[derive(Debug, Clone)]
pub struct ContactVisibility {
    /// Where they read incidents.
    pub read: Scope,
    /// The user.
    pub user_id: i64,
}

fn unit_join(q: Select<authority_contact::Entity>) -> Select<authority_contact::Entity> {
    q.join(
        JoinType::InnerJoin,
        authority_contact::Entity::belongs_to(org_unit::Entity).from(authority_contact::Column::UnitId).to(org_unit::Column::Id).into(),
    )
}

/// The contacts in view; joined with their unit when the scope needs its path or `names`
/// asks for the unit's name (a city-wide count reads the contacts' index only).
fn scoped(v: &ContactVisibility, names: bool) -> Select<authority_contact::Entity> {
    let mut q = crate::repo::select::find::<authority_contact::Entity>();
    if names {
        q = unit_join(q);
    }
    if !v.read.is_all() {
        // The units in scope first (a sub-query evaluated once), then their contacts by the
        // unit's index: joining every contact to its unit to test the path read them all.
        let units = Query::select()
            .column(org_unit::Column::Id)
            .from(org_unit::Entity)
            .cond_where(scope_condition(&v.read, Expr::col((org_unit::Entity, org_unit::Column::Path)).into()))
            .to_owned();
        // The contacts of those units and the user's own, each by its index (an OR of the two
        // made SQLite read every contact).
        let own = Query::select()
            .column(authority_contact::Column::Id)
            .from(authority_contact::Entity)
            .and_where(Expr::col(authority_contact::Column::UserId).eq(v.user_id))
            .to_owned();
        let ids = Query::select()
            .column(authority_contact::Column::Id)
            .from(authority_contact::Entity)
            .and_where(Expr::col(authority_contact::Column::UnitId).in_subquery(units))
            .union(UnionType::All, own)
            .to_owned();
        q = q.filter(Expr::col((authority_contact::Entity, authority_contact::Column::Id)).in_subquery(ids));
    }
    q
}

/// Per authority: the contacts in view and the latest.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct ContactCount {
    /// The authority.
    pub authority_id: i64,
    /// How many contacts.
    pub n: i64,
    /// The latest.
    #[serde(serialize_with = "varn_domain::json_time::opt_datetime")]
    pub latest: Option<chrono::DateTime<chrono::Utc>>,
}

/// The contacts in view counted per authority (one aggregate).
pub async fn counts<D: ConnectionTrait>(db: &D, v: &ContactVisibility) -> Result<Vec<ContactCount>, DbErr> {
    let ac = authority_contact::Entity;
    scoped(v, false)
        .select_only()
        .column(authority_contact::Column::AuthorityId)
        .column_as(Expr::col((ac, authority_contact::Column::Id)).count(), "n")
        .column_as(Expr::col((ac, authority_contact::Column::At)).max(), "latest")
        .group_by(authority_contact::Column::AuthorityId)
        .into_model::<ContactCount>()
        .all(db)
        .await
}

/// A contact made, with names.
#[derive(Debug, Clone, FromQueryResult, serde::Serialize, utoipa::ToSchema)]
pub struct ContactRow {
    /// Id.
    pub id: i64,
    /// The authority.
    pub authority_id: i64,
    /// Its name.
    pub authority_name: String,
    /// When.
    #[serde(serialize_with = "varn_domain::json_time::datetime")]
    pub at: chrono::DateTime<chrono::Utc>,
    /// Who made it.
    #[schema(value_type = String)]
    pub direction: Direction,
    /// How.
    #[schema(value_type = String)]
    pub channel: Channel,
    /// What it was about.
    pub summary: String,
    /// Their reference.
    pub reference: Option<String>,
    /// The incident it concerned.
    pub incident_id: Option<i64>,
    /// The incident's title.
    pub incident_title: Option<String>,
    /// On behalf of.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// Who recorded it.
    pub user_name: String,
}

fn rows(q: Select<authority_contact::Entity>) -> Select<authority_contact::Entity> {
    q.join(
        JoinType::InnerJoin,
        authority_contact::Entity::belongs_to(authority::Entity)
            .from(authority_contact::Column::AuthorityId)
            .to(authority::Column::Id)
            .into(),
    )
    .join(
        JoinType::InnerJoin,
        authority_contact::Entity::belongs_to(user::Entity).from(authority_contact::Column::UserId).to(user::Column::Id).into(),
    )
    .join(
        JoinType::LeftJoin,
        authority_contact::Entity::belongs_to(incident::Entity).from(authority_contact::Column::IncidentId).to(incident::Column::Id).into(),
    )
    .select_only()
    .columns([
        authority_contact::Column::Id,
        authority_contact::Column::AuthorityId,
        authority_contact::Column::At,
        authority_contact::Column::Direction,
        authority_contact::Column::Channel,
        authority_contact::Column::Summary,
        authority_contact::Column::Reference,
        authority_contact::Column::IncidentId,
        authority_contact::Column::UnitId,
    ])
    .column_as(Expr::col((authority::Entity, authority::Column::Name)), "authority_name")
    .column_as(Expr::col((incident::Entity, incident::Column::Title)), "incident_title")
    .column_as(Expr::col((org_unit::Entity, org_unit::Column::Name)), "unit_name")
    .column_as(Expr::col((user::Entity, user::Column::DisplayName)), "user_name")
    .order_by_desc(Expr::col((authority_contact::Entity, authority_contact::Column::At)))
    .order_by_desc(Expr::col((authority_contact::Entity, authority_contact::Column::Id)))
}

/// An authority's contacts in view, newest first, one page (the total capped at 1 000: more
/// than a reader pages through; the register's list has the exact count).
pub async fn contacts<D: ConnectionTrait + 'static>(
    db: &D,
    v: &ContactVisibility,
    authority_id: i64,
    page: u64,
    per_page: u64,
) -> Result<Page<ContactRow>, DbErr> {
    let mut b = crate::batch::Reads::on(db);
    let reads = contacts_reads(&mut b, v, authority_id, page, per_page, None);
    let mut got = b.run(db).await?;
    reads.take(&mut got)
}

/// How far the count of an authority's contacts goes.
const CONTACTS_CAP: u64 = 1_000;

/// [`contacts`]' reads (the page, and its count unless it is `known`: the total and whether
/// it is exact, as these reads counted the same reader's contacts with the authority) added
/// to a larger batch.
pub fn contacts_reads(
    b: &mut crate::batch::Reads,
    v: &ContactVisibility,
    authority_id: i64,
    page: u64,
    per_page: u64,
    known: Option<(u64, bool)>,
) -> ContactsReads {
    // Built once for each reader, authority and page (see `memo`).
    static BUILT: crate::repo::memo::Memo<(Statement, Statement)> = crate::repo::memo::Memo::new();
    let backend = b.backend();
    let key = format!("{v:?}|{authority_id}|{page}|{per_page}");
    let built = BUILT.statement(backend, &key, || contacts_statements(backend, v, authority_id, page, per_page));
    // A known count is given in place of the page's in `ContactsReads::take`.
    let reads = crate::repo::CountedPage::add_built(b, built, known.map(|_| 0), CONTACTS_CAP);
    ContactsReads { reads, page: page.max(1), per_page, known }
}

/// The statements of a page of an authority's contacts and of their count (`v`, the
/// authority and the page are the whole key of their memo).
pub(crate) fn contacts_statements(
    backend: DbBackend,
    v: &ContactVisibility,
    authority_id: i64,
    page: u64,
    per_page: u64,
) -> (Statement, Statement) {
    let by =
        |names| scoped(v, names).filter(Expr::col((authority_contact::Entity, authority_contact::Column::AuthorityId)).eq(authority_id));
    let items = rows(by(true)).offset((page.max(1) - 1) * per_page).limit(per_page).into_model::<ContactRow>().into_statement(backend);
    (items, crate::repo::count::count_upto_statement(backend, by(false), CONTACTS_CAP))
}

/// A page of an authority's contacts added to a batch by [`contacts_reads`].
#[derive(Debug)]
#[must_use = "take the page with ContactsReads::take"]
pub struct ContactsReads {
    reads: crate::repo::CountedPage<sea_orm::SelectModel<ContactRow>>,
    page: u64,
    per_page: u64,
    /// The count given, in place of what the reads say.
    known: Option<(u64, bool)>,
}

impl ContactsReads {
    /// The page, once the batch has run.
    pub fn take(self, got: &mut crate::batch::Got) -> Result<Page<ContactRow>, DbErr> {
        let (items, total, exact) = self.reads.take(got)?;
        let (total, exact) = self.known.unwrap_or((total, exact));
        Ok(Page { items, total, page: self.page, per_page: self.per_page, exact })
    }
}

/// The contacts made about an incident (whoever sees its handling sees them all).
pub async fn of_incident<D: ConnectionTrait>(db: &D, incident_id: i64) -> Result<Vec<ContactRow>, DbErr> {
    crate::repo::kept::all(db, of_incident_query(incident_id)).await
}

/// The query of [`of_incident`].
pub fn of_incident_query(incident_id: i64) -> impl crate::repo::kept::Read<S = sea_orm::SelectModel<ContactRow>> + use<> {
    static KEPT: crate::repo::kept::Slot = crate::repo::kept::Slot::new();
    KEPT.keep(vec![incident_id.into()], move || {
        let q = unit_join(crate::repo::select::find::<authority_contact::Entity>())
            .filter(Expr::col((authority_contact::Entity, authority_contact::Column::IncidentId)).eq(incident_id));
        rows(q).into_model::<ContactRow>()
    })
}

/// A contact to record.
#[derive(Debug, Clone)]
pub struct NewContact {
    /// With whom.
    pub authority_id: i64,
    /// When.
    pub at: chrono::DateTime<chrono::Utc>,
    /// Who made it.
    pub direction: Direction,
    /// How.
    pub channel: Channel,
    /// What about.
    pub summary: String,
    /// Their reference.
    pub reference: Option<String>,
    /// The incident.
    pub incident_id: Option<i64>,
    /// On behalf of.
    pub unit_id: i64,
    /// Recorded by.
    pub user_id: i64,
}

/// Records a contact; returns its id.
pub async fn add_contact<D: ConnectionTrait>(db: &D, c: NewContact) -> Result<i64, DbErr> {
    let m = authority_contact::ActiveModel {
        authority_id: Set(c.authority_id),
        at: Set(c.at),
        direction: Set(c.direction),
        channel: Set(c.channel),
        summary: Set(c.summary),
        reference: Set(c.reference),
        incident_id: Set(c.incident_id),
        unit_id: Set(c.unit_id),
        user_id: Set(c.user_id),
        created_at: Set(now()),
        ..Default::default()
    };
    Ok(authority_contact::Entity::insert(m).exec(db).await?.last_insert_id)
}
