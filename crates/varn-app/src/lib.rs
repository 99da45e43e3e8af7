//! Värn's use cases, one module per area. Each takes the acting user, applies the
//! organisation scope inside the query, and writes its audit record in the same
//! transaction as the change.

pub mod actor;
pub mod assets;
pub mod attachments;
pub mod audit;
pub mod auth;
pub mod demo;
pub mod documents;
pub mod error;
pub mod export;
pub mod health;
pub mod incidents;
pub mod mail;
pub mod modules;
pub mod org;
pub mod risks;
mod sign_in;
pub mod tasks;
pub mod throttle;
pub mod users;
pub mod work;
pub mod workload;
pub mod write;

pub use actor::{Actor, Capability};
pub use error::AppError;
pub use varn_store::repo::{Dir, ListParams, Page};
pub use write::{Audit, Write};

use varn_store::Store;

/// A sort key that is not one of a list's `sorts` is a mistake at `sort` (pages and the API
/// take the same keys).
pub fn check_sort(sort: Option<&str>, sorts: &[&str]) -> Result<(), AppError> {
    match sort.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) if !sorts.contains(&s) => Err(AppError::field("sort", "err.list.sort_unknown")),
        _ => Ok(()),
    }
}

/// The furthest page a list serves: beyond it a 422 at `page` (no list is that long, and an
/// offset that large is only a way to make the database work).
pub const MAX_PAGE: u64 = 100_000;

/// Checks a requested page number against [`MAX_PAGE`].
pub fn check_page(page: u64) -> Result<(), AppError> {
    if page > MAX_PAGE {
        Err(AppError::field("page", "err.list.page_too_far"))
    } else {
        Ok(())
    }
}

/// An optional parameter that must be one of a code's values (absent or blank: none); an
/// unknown value is a mistake at `field`, not an empty answer. Pages and the API both use it.
pub fn code_param<C: varn_domain::Code>(field: &str, v: Option<&str>) -> Result<Option<C>, AppError> {
    v.map(str::trim).filter(|s| !s.is_empty()).map(|s| C::parse(s).map_err(|c| AppError::field(field, c))).transpose()
}

/// Settings the use cases need.
#[derive(Debug, Clone)]
pub struct AppConfig {
    /// Largest attachment accepted, in bytes.
    pub max_attachment_bytes: usize,
    /// How long a session lives without use, in minutes.
    pub session_minutes: i64,
    /// How long a session may sit unused, in minutes.
    pub session_idle_minutes: i64,
    /// Argon2 memory cost in KiB.
    pub argon2_m_kib: u32,
    /// Argon2 iterations.
    pub argon2_t: u32,
    /// Where signed checkpoints of the audit chain are appended (none: no checkpoints).
    pub audit_checkpoint_file: Option<std::path::PathBuf>,
    /// The classification model and requirement catalogue (none: the ones in `data/`
    /// compiled in as the default).
    pub classification: Option<std::sync::Arc<assets::Classification>>,
    /// The incidents' reporting duties and types (none: the ones in `data/` compiled in).
    pub incident_rules: Option<std::sync::Arc<incidents::Rules>>,
    /// The risk matrix and the catalogues of threats and vulnerabilities (none: the ones in
    /// `data/` compiled in).
    pub risk_rules: Option<std::sync::Arc<risks::RiskRules>>,
    /// The SMTP server (none: mail is queued and kept, not sent).
    pub mail: Option<mail::MailConfig>,
}

impl Default for AppConfig {
    fn default() -> Self {
        // OWASP's recommended argon2id minimum: 19 MiB, 2 iterations, 1 lane.
        AppConfig {
            max_attachment_bytes: 20 * 1024 * 1024,
            session_minutes: 8 * 60,
            session_idle_minutes: 60,
            argon2_m_kib: 19_456,
            argon2_t: 2,
            audit_checkpoint_file: None,
            classification: None,
            incident_rules: None,
            risk_rules: None,
            mail: None,
        }
    }
}

/// The application: the store plus its settings. Cheap to clone: one shared [`AppParts`]
/// behind an `Arc`, so the several clones a request makes (one per middleware layer and
/// extractor that takes the state) are each one reference count, not a copy of every cache
/// handle and setting (which was 9 % of the server's CPU on a list page).
#[derive(Clone, Debug)]
pub struct App(std::sync::Arc<AppParts>);

impl std::ops::Deref for App {
    type Target = AppParts;
    fn deref(&self) -> &AppParts {
        &self.0
    }
}

/// What an [`App`] holds.
#[derive(Debug)]
pub struct AppParts {
    /// The database.
    pub store: Store,
    /// Settings.
    pub config: AppConfig,
    hasher: auth::Hasher,
    /// At most one password hash per core at a time: argon2id takes its memory cost per
    /// hash, so a burst of sign-ins must queue rather than take `n × 19 MiB`.
    hash_permits: std::sync::Arc<tokio::sync::Semaphore>,
    /// Sessions and tokens already resolved, so a page does not look them up again.
    auth_cache: auth::AuthCache,
    /// Read-confirmation reports per (version, unit path), for a minute: a city-wide report
    /// walks every grant in the city (150 ms on storstad); a new confirmation clears it.
    pub(crate) ack_reports: AckReportCache,
    /// A unit's read confirmations (its overview), per unit path, for a minute; cleared by a
    /// request, a confirmation or a change of roles.
    pub(crate) unit_acks: moka::future::Cache<String, std::sync::Arc<Vec<documents::UnitAck>>>,
    /// The assets overview per user, for a minute: it aggregates the whole register
    /// (110–180 ms at storstad); any change of an asset or carrier clears it.
    pub(crate) asset_overviews: moka::sync::Cache<i64, std::sync::Arc<assets::Overview>>,
    /// How many assets hold each three-letter run searched for, for ten minutes: a search of
    /// the whole register reads the assets that hold its rarest (`Assets::rarest_trigram`).
    pub(crate) asset_trigrams: moka::sync::Cache<String, i64>,
    /// Where a report lands and who is told at once, per unit (the chain of units from the
    /// root, and the samordnare and the nearest security contact as mail recipients), for
    /// 30 s: every report reads them, they change rarely. Cleared by changes of roles, users,
    /// units and mail choices on this server; other servers of one database see a change
    /// within the 30 s.
    pub(crate) incident_alerts: moka::sync::Cache<i64, std::sync::Arc<incidents::Alerted>>,
    /// The classification model and its requirements, checked.
    pub(crate) classification: std::sync::Arc<assets::Classification>,
    /// The incidents' reporting duties and types, checked.
    pub(crate) incident_rules: std::sync::Arc<incidents::Rules>,
    /// The risk matrix and catalogues, checked.
    pub(crate) risk_rules: std::sync::Arc<risks::RiskRules>,
    /// The mail texts, checked.
    pub(crate) mail_texts: std::sync::Arc<mail::Texts>,
    /// How many writes this server has committed: a cache keyed by it is recomputed after any
    /// change made here.
    pub(crate) writes: std::sync::Arc<std::sync::atomic::AtomicU64>,
    /// The follow-up's counts per scope and day, until this server commits a write (and at
    /// most 10 s, for the changes other servers of one database make): the city-wide counts
    /// read every open task (20 ms at storstad). Callers who miss at once wait for one count.
    pub(crate) work_counts: WorkCountCache,
    /// The follow-up views per scope, question and day, kept as the counts are.
    pub(crate) work_views: WorkViewCache,
    /// The governing documents' follow-up per scope, day and length, kept as the counts are:
    /// the city-wide counts read every document in force and every strategy action (16 ms).
    pub(crate) doc_follow_ups: DocFollowUpCache,
    /// The carriers' dependencies as a graph in memory, kept until this server commits a
    /// write (and at most 10 s): a carrier's page walks it both ways, which was one query per
    /// step with up to a few thousand ids (10 ms for a carrier many depend on).
    pub(crate) carrier_graph: moka::future::Cache<u64, std::sync::Arc<assets::DependencyGraph>>,
    /// The contacts with each authority counted for one reader's view, kept as the follow-up's
    /// counts are: the samordnare's count reads every contact in the city (16 000 at storstad).
    pub(crate) contact_counts: ContactCountCache,
    /// The risk register's two heat maps per reader's scope and filter, kept as the
    /// follow-up's counts are (until this server's next write, at most 10 s): a nämnd's maps
    /// group its 1 600 open risks (about 1 ms at storstad).
    pub(crate) risk_heat: RiskHeatCache,
    /// A list's count (the total and whether it is exact) per list, reader's scope, filter
    /// and search, kept as the heat maps are (until this server's next write, at most 10 s):
    /// the same search's next page, or the same page again, reads only its rows. A search of
    /// the whole city's 50 000 people spent two thirds of its page counting its matches up to
    /// a thousand; one of its 25 000 information assets about two fifths.
    pub(crate) list_counts: moka::sync::Cache<(String, u64), (u64, bool)>,
    /// Whether a reader's area holds few enough people for the person picker to test each of
    /// them (SQLite), per scope, kept as the user list's counts are: it chooses only how the
    /// same people are found, and counting a unit head's area was a quarter of the picker's
    /// reads.
    pub(crate) small_areas: moka::sync::Cache<(String, u64), bool>,
    /// The open incidents in view that Mina uppgifter sorts into its three sections, per
    /// reader's way of seeing them, kept as the heat maps are (until this server's next write,
    /// at most 10 s; at most 20 000 rows in all): the samordnare's read of the city's open
    /// incidents was three quarters of the page's instructions (session 64).
    pub(crate) incident_work: IncidentWorkCache,
    /// A unit a reader may see (its path and name, or none), per reader's scope and unit, kept
    /// as the heat maps are (until this server's next write, at most 10 s): a list filtered on
    /// a unit read its path for the filter and its name for the page, each in a read of its
    /// own, and the heat-map API read nothing else (35 → 15 µs of server CPU).
    pub(crate) readable_units: ReadableUnitCache,
    /// The city's active bodies, förvaltningar and bolag (id, name, path), kept as the
    /// carriers' graph is (until this server's next write, at most 10 s): the units a contact
    /// with an authority may be recorded for, offered on every authority's page, were a scan
    /// of the whole tree on each (about 130 µs of SQLite at storstad's 692 units).
    pub(crate) contact_bodies: moka::future::Cache<u64, std::sync::Arc<Vec<varn_store::repo::org::UnitName>>>,
    /// The city-wide deciding bodies' units (KF, KS), kept as the contact bodies are: every
    /// document's page names them and they were a scan of the whole tree on each.
    pub(crate) city_bodies: moka::future::Cache<u64, std::sync::Arc<Vec<varn_store::entity::org_unit::Model>>>,
    /// The units in a scope (tree order), per scope, kept as the readable units are: the units
    /// a document's editor may ask to confirm it were the whole part of the tree, read and
    /// decoded in a read of their own on every page of a document in force.
    pub(crate) units_in_scope: moka::sync::Cache<(String, u64), std::sync::Arc<Vec<varn_store::entity::org_unit::Model>>>,
    /// The open risks a handler may link an incident to (its unit's and above, up to 200),
    /// per reader's scope and unit, kept as the incident rows are (until this server's next
    /// write, at most 10 s; at most 50 000 rows in all): on a storstad incident's page they
    /// were a third of its instructions, read and decoded for every page of the unit.
    pub(crate) risk_choices: RiskChoiceCache,
    /// A small area's active people with their folded names (or none where the area is not
    /// small or the database not SQLite), per reader's scope, kept as the incident rows are
    /// (until this server's next write, at most 10 s; at most 100 000 people in all): the
    /// person picker tests each in memory where SQLite tested each (a head's 89 people,
    /// 1 300k instructions a search).
    pub(crate) area_people: AreaPeopleCache,
}

/// Keyed by the reader's scope and the writes committed (see [`AppParts::area_people`]).
pub(crate) type AreaPeopleCache =
    moka::sync::Cache<(String, u64), std::sync::Arc<Option<Vec<varn_store::repo::users::sqlite::AreaPerson>>>>;

/// Keyed by the reader's risk scope and the unit's path, and the writes committed (see
/// [`AppParts::risk_choices`]).
pub(crate) type RiskChoiceCache = moka::sync::Cache<(String, u64), std::sync::Arc<Vec<varn_store::repo::risks::LinkedRisk>>>;

/// Keyed by the reader's scope and the register's filter, and the writes committed.
pub(crate) type RiskHeatCache = moka::sync::Cache<(String, u64), std::sync::Arc<(risks::HeatMap, risks::HeatMap)>>;

/// Keyed by the reader's way of seeing incidents and the writes committed (see
/// [`AppParts::incident_work`]).
pub(crate) type IncidentWorkCache = moka::sync::Cache<(String, u64), std::sync::Arc<Vec<varn_store::repo::incidents::IncidentRow>>>;

/// Keyed by the reader's scope, the unit and the writes committed (see
/// [`AppParts::readable_units`]): the unit's path and name, if the reader may see it.
pub(crate) type ReadableUnitCache = moka::sync::Cache<(String, i64, u64), Option<std::sync::Arc<(String, String)>>>;

/// Keyed by the reader's view of contacts (scope, and the user where it matters) and the
/// writes committed.
pub(crate) type ContactCountCache =
    moka::future::Cache<(String, i64, u64), std::sync::Arc<Vec<varn_store::repo::authorities::ContactCount>>>;

pub(crate) type DocFollowUpCache = moka::future::Cache<(String, chrono::NaiveDate, u64, u64), std::sync::Arc<documents::FollowUp>>;

/// See [`App::work_counts`].
pub(crate) type WorkViewCache = moka::future::Cache<(String, String, chrono::NaiveDate, u64), std::sync::Arc<work::WorkOverview>>;

pub(crate) type WorkCountCache = moka::future::Cache<(String, chrono::NaiveDate, u64), std::sync::Arc<Vec<work::WorkCount>>>;

/// See [`App::ack_reports`].
pub(crate) type AckReportCache = moka::sync::Cache<(i64, String), std::sync::Arc<varn_store::repo::documents::AckReport>>;

impl App {
    /// How many connections the store's read pool may open.
    pub fn store_connections(&self) -> u32 {
        self.store.read_connections()
    }

    /// How many writes this server has committed: what is kept under a key with it is made
    /// again after any change made here (see `writes`).
    pub fn writes_committed(&self) -> u64 {
        self.writes.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// A page of a list whose count is kept in `list_counts` until this server's next write,
    /// under the list's name, what the reader may see (`reader`), the filter and the search
    /// (not the page or the order: a count is the same whatever the order; whether the list is
    /// paged, as an export is not): `read` is given the count when it is kept, and reads the
    /// page (and the count when it is not).
    pub(crate) async fn kept_count<T, R>(
        &self,
        list: &str,
        reader: &impl std::fmt::Debug,
        filter: &impl std::fmt::Debug,
        p: &varn_store::repo::ListParams,
        read: impl FnOnce(Option<(u64, bool)>) -> R,
    ) -> Result<varn_store::repo::Page<T>, AppError>
    where
        R: std::future::Future<Output = Result<varn_store::repo::Page<T>, sea_orm::DbErr>>,
    {
        let key = self.count_key(list, reader, filter, &p.q, p.per_page.is_some());
        let known = self.list_counts.get(&key);
        let page = read(known).await?;
        if known.is_none() {
            self.list_counts.insert(key, (page.total, page.exact));
        }
        Ok(page)
    }

    /// The key a list's count is kept under in `list_counts` ([`App::kept_count`]): the
    /// list's name, what the reader may see, the filter, the search, whether it is paged, and
    /// how many writes this server has committed.
    pub(crate) fn count_key(
        &self,
        list: &str,
        reader: &impl std::fmt::Debug,
        filter: &impl std::fmt::Debug,
        q: &Option<String>,
        paged: bool,
    ) -> (String, u64) {
        (format!("{list}|{reader:?}|{filter:?}|{q:?}|{paged}"), self.writes_committed())
    }

    /// Builds the application on an open, migrated store.
    pub fn new(store: Store, config: AppConfig) -> Result<Self, AppError> {
        let hasher = auth::Hasher::new(config.argon2_m_kib, config.argon2_t)?;
        let classification = match &config.classification {
            Some(c) => c.clone(),
            None => std::sync::Arc::new(assets::Classification::builtin()?),
        };
        let incident_rules = match &config.incident_rules {
            Some(r) => r.clone(),
            None => std::sync::Arc::new(incidents::Rules::builtin()?),
        };
        let risk_rules = match &config.risk_rules {
            Some(r) => r.clone(),
            None => std::sync::Arc::new(risks::RiskRules::builtin()?),
        };
        let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
        Ok(App(std::sync::Arc::new(AppParts {
            store,
            config,
            hasher,
            hash_permits: std::sync::Arc::new(tokio::sync::Semaphore::new(cores)),
            auth_cache: auth::AuthCache::new(),
            ack_reports: moka::sync::Cache::builder().max_capacity(2_000).time_to_live(std::time::Duration::from_secs(60)).build(),
            unit_acks: moka::future::Cache::builder().max_capacity(2_000).time_to_live(std::time::Duration::from_secs(60)).build(),
            asset_overviews: moka::sync::Cache::builder().max_capacity(1_000).time_to_live(std::time::Duration::from_secs(60)).build(),
            asset_trigrams: moka::sync::Cache::builder().max_capacity(20_000).time_to_live(std::time::Duration::from_secs(600)).build(),
            incident_alerts: moka::sync::Cache::builder().max_capacity(5_000).time_to_live(std::time::Duration::from_secs(30)).build(),
            classification,
            incident_rules,
            risk_rules,
            mail_texts: std::sync::Arc::new(mail::Texts::builtin()?),
            writes: std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0)),
            work_counts: moka::future::Cache::builder().max_capacity(2_000).time_to_live(std::time::Duration::from_secs(10)).build(),
            work_views: moka::future::Cache::builder().max_capacity(1_000).time_to_live(std::time::Duration::from_secs(10)).build(),
            doc_follow_ups: moka::future::Cache::builder().max_capacity(1_000).time_to_live(std::time::Duration::from_secs(10)).build(),
            carrier_graph: moka::future::Cache::builder().max_capacity(2).time_to_live(std::time::Duration::from_secs(10)).build(),
            contact_counts: moka::future::Cache::builder().max_capacity(1_000).time_to_live(std::time::Duration::from_secs(10)).build(),
            risk_heat: moka::sync::Cache::builder().max_capacity(2_000).time_to_live(std::time::Duration::from_secs(10)).build(),
            list_counts: moka::sync::Cache::builder().max_capacity(2_000).time_to_live(std::time::Duration::from_secs(10)).build(),
            small_areas: moka::sync::Cache::builder().max_capacity(5_000).time_to_live(std::time::Duration::from_secs(10)).build(),
            readable_units: moka::sync::Cache::builder().max_capacity(5_000).time_to_live(std::time::Duration::from_secs(10)).build(),
            incident_work: moka::sync::Cache::builder()
                .max_capacity(20_000)
                .weigher(|_, rows: &std::sync::Arc<Vec<_>>| u32::try_from(rows.len()).unwrap_or(u32::MAX).saturating_add(1))
                .time_to_live(std::time::Duration::from_secs(10))
                .build(),
            contact_bodies: moka::future::Cache::builder().max_capacity(2).time_to_live(std::time::Duration::from_secs(10)).build(),
            city_bodies: moka::future::Cache::builder().max_capacity(2).time_to_live(std::time::Duration::from_secs(10)).build(),
            units_in_scope: moka::sync::Cache::builder()
                .max_capacity(20_000)
                .weigher(|_, units: &std::sync::Arc<Vec<_>>| u32::try_from(units.len()).unwrap_or(u32::MAX).saturating_add(1))
                .time_to_live(std::time::Duration::from_secs(10))
                .build(),
            area_people: moka::sync::Cache::builder()
                .max_capacity(100_000)
                .weigher(|_, p: &std::sync::Arc<Option<Vec<_>>>| {
                    u32::try_from(p.as_ref().as_ref().map_or(0, Vec::len)).unwrap_or(u32::MAX).saturating_add(1)
                })
                .time_to_live(std::time::Duration::from_secs(10))
                .build(),
            risk_choices: moka::sync::Cache::builder()
                .max_capacity(50_000)
                .weigher(|_, rows: &std::sync::Arc<Vec<_>>| u32::try_from(rows.len()).unwrap_or(u32::MAX).saturating_add(1))
                .time_to_live(std::time::Duration::from_secs(10))
                .build(),
        })))
    }
}

#[cfg(test)]
mod tests {
    use super::{check_sort, AppError};

    #[test]
    fn only_the_lists_sort_keys_are_taken() {
        assert!(check_sort(None, &["name"]).is_ok());
        assert!(check_sort(Some(" "), &["name"]).is_ok());
        assert!(check_sort(Some("name"), &["name", "kind"]).is_ok());
        let e = check_sort(Some("password_hash"), &["name"]).err();
        assert!(matches!(e, Some(AppError::Invalid(f)) if f.get("sort") == Some("err.list.sort_unknown")));
    }
}
