//! A page's fixed-shape reads with their SQL written once.
//!
//! SeaORM's query builder writes every statement anew on every request: each identifier
//! becomes a `String`, is escaped into another and formatted, each expression is boxed and
//! cloned. A profile of an incident's page (session 20: eleven statements, each a join or a
//! sub-query) put 17 % of the server's CPU in building those statements, against 11 % in
//! SQLite running them. Most of a page's reads have one shape whatever the request: only the
//! values bound to their `?` differ (an incident's duties, reports, timeline, actions …).
//!
//! [`Slot::keep`] wraps such a query: the first time it runs on a database it is built as
//! before and its text kept (if the values it bound are exactly the ones the caller gave, in
//! order: otherwise it is not kept and is built every time); after that the kept text is bound
//! to the caller's values. The statement is still written by SeaORM, from the same code; a
//! query whose shape depends on its arguments (a list of ids, an optional filter) must not be
//! kept in one slot.
//!
//! [`Read`] is what [`crate::batch::Reads`] and [`all`] take: a SeaORM `Selector` or a kept
//! query.

use sea_orm::sea_query::Value;
use sea_orm::{ConnectionTrait, DbBackend, DbErr, Selector, SelectorTrait, Statement};
use std::marker::PhantomData;
use std::sync::OnceLock;

/// A read: a statement for a database and how to decode its rows.
pub trait Read {
    /// Decodes the rows.
    type S: SelectorTrait;
    /// The statement, for `backend`.
    fn statement(self, backend: DbBackend) -> Statement;
    /// The statement as SeaORM builds it, never from kept text (for tests).
    fn fresh(self, backend: DbBackend) -> Statement
    where
        Self: Sized,
    {
        self.statement(backend)
    }
    /// Whether its text for `backend` is kept (for tests).
    fn is_kept(&self, _backend: DbBackend) -> bool {
        false
    }
}

impl<S: SelectorTrait> Read for Selector<S> {
    type S = S;
    fn statement(self, backend: DbBackend) -> Statement {
        self.into_statement(backend)
    }
}

/// Where one query's text is kept, per database (a `static` beside the query).
#[derive(Debug)]
pub struct Slot {
    sqlite: OnceLock<Option<Box<str>>>,
    postgres: OnceLock<Option<Box<str>>>,
}

impl Slot {
    /// Nothing kept yet.
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        Slot { sqlite: OnceLock::new(), postgres: OnceLock::new() }
    }

    /// The query `build` makes, whose values are `values` in this order.
    pub fn keep<S, F>(&'static self, values: Vec<Value>, build: F) -> Kept<S, F>
    where
        S: SelectorTrait,
        F: FnOnce() -> Selector<S>,
    {
        Kept { slot: Some(self), values, build, selector: PhantomData }
    }

    /// [`Slot::keep`] in one of `slots` chosen by a number that decides the query's shape
    /// (how many ids an `IN (…)` lists: `slots[n - 1]`); built every time when there is none
    /// for it.
    pub fn keep_nth<S, F>(slots: &'static [Slot], n: usize, values: Vec<Value>, build: F) -> Kept<S, F>
    where
        S: SelectorTrait,
        F: FnOnce() -> Selector<S>,
    {
        Kept { slot: n.checked_sub(1).and_then(|i| slots.get(i)), values, build, selector: PhantomData }
    }

    fn of(&self, backend: DbBackend) -> Option<&OnceLock<Option<Box<str>>>> {
        match backend {
            DbBackend::Sqlite => Some(&self.sqlite),
            DbBackend::Postgres => Some(&self.postgres),
            _ => None,
        }
    }
}

/// A query whose text is kept in a [`Slot`] after its first build.
#[must_use = "a query does nothing until it is run"]
pub struct Kept<S, F> {
    slot: Option<&'static Slot>,
    values: Vec<Value>,
    build: F,
    selector: PhantomData<S>,
}

impl<S: SelectorTrait, F: FnOnce() -> Selector<S>> Read for Kept<S, F> {
    type S = S;
    fn statement(self, backend: DbBackend) -> Statement {
        let Some(slot) = self.slot.and_then(|s| s.of(backend)) else {
            return (self.build)().into_statement(backend);
        };
        if let Some(Some(sql)) = slot.get() {
            return Statement::from_sql_and_values(backend, &**sql, self.values);
        }
        let st = (self.build)().into_statement(backend);
        let same = match &st.values {
            Some(v) => v.0 == self.values,
            None => self.values.is_empty(),
        };
        if !same {
            tracing::warn!(sql = %st.sql, "a kept query bound other values than it was given: it is built every time");
        }
        let _ = slot.set(same.then(|| st.sql.clone().into_boxed_str()));
        st
    }
    fn fresh(self, backend: DbBackend) -> Statement {
        (self.build)().into_statement(backend)
    }
    fn is_kept(&self, backend: DbBackend) -> bool {
        self.slot.and_then(|s| s.of(backend)).and_then(OnceLock::get).is_some_and(Option::is_some)
    }
}

/// Runs a read and decodes its rows.
pub async fn all<R: Read, D: ConnectionTrait>(db: &D, read: R) -> Result<Vec<<R::S as SelectorTrait>::Item>, DbErr> {
    let st = read.statement(db.get_database_backend());
    db.query_all(st).await?.into_iter().map(<R::S as SelectorTrait>::from_raw_query_result).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::incident;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

    fn query(id: i64, title: String) -> Selector<sea_orm::SelectGetableTuple<String>> {
        incident::Entity::find()
            .filter(incident::Column::Id.eq(id))
            .filter(incident::Column::Title.ne(title))
            .select_only()
            .column(incident::Column::Title)
            .order_by_asc(incident::Column::Title)
            .into_tuple()
    }

    static TITLED: Slot = Slot::new();
    fn titled(id: i64, title: &str) -> impl Read<S = sea_orm::SelectGetableTuple<String>> + use<> {
        let t = title.to_owned();
        TITLED.keep(vec![id.into(), t.clone().into()], move || query(id, t))
    }

    // Its values in the other order than the statement binds them: never kept.
    static MISORDERED: Slot = Slot::new();
    fn misordered(id: i64, title: &str) -> impl Read<S = sea_orm::SelectGetableTuple<String>> + use<> {
        let t = title.to_owned();
        MISORDERED.keep(vec![t.clone().into(), id.into()], move || query(id, t))
    }

    #[test]
    fn a_kept_query_binds_each_call_its_own_values_to_the_text_seaorm_wrote() {
        for backend in [DbBackend::Sqlite, DbBackend::Postgres] {
            let first = titled(7, "a").statement(backend);
            assert_eq!(first, query(7, "a".into()).statement(backend), "{backend:?}");
            let kept = TITLED.of(backend).and_then(OnceLock::get).cloned().flatten();
            assert_eq!(kept.as_deref(), Some(first.sql.as_str()), "{backend:?}: the first build keeps its text");
            assert!(titled(0, "").is_kept(backend));
            let second = titled(99, "b").statement(backend);
            assert_eq!(second, query(99, "b".into()).statement(backend), "{backend:?}");
            assert_eq!(second.values.map(|v| v.0), Some(vec![Value::from(99i64), Value::from("b")]));
        }
    }

    #[test]
    fn an_incidents_reads_are_kept_and_bind_their_own_incident() {
        use crate::repo::{authorities, incidents as i};
        fn check<R: Read>(q: impl Fn(i64) -> R, what: &str) {
            for backend in [DbBackend::Sqlite, DbBackend::Postgres] {
                let _ = q(1).statement(backend);
                assert!(q(2).is_kept(backend), "{what} {backend:?}: kept after its first run");
                assert_eq!(q(3).statement(backend), q(3).fresh(backend), "{what} {backend:?}");
            }
        }
        check(i::events_query, "events");
        check(i::duties_query, "duties");
        check(i::reports_query, "reports");
        check(i::actions_query, "actions");
        check(i::requirements_query, "requirements");
        check(i::linked_assets_query, "linked assets");
        check(i::linked_carriers_query, "linked carriers");
        check(authorities::of_incident_query, "contacts");
        check(authorities::find_query, "an authority");
        use crate::repo::assets as a;
        check(a::levels_of_query, "asset levels");
        check(a::measures_query, "asset measures");
        check(a::carrier_with_unit_query, "a carrier with its unit");
        check(a::measure_owners_query, "the owners of an asset's measures");
        let city = a::AssetVisibility { read: varn_domain::Scope::All, write: varn_domain::Scope::None, user_id: 4 };
        check(|id| a::find_query(&city, id), "an asset, whole city");
        let part = a::AssetVisibility { read: varn_domain::Scope::None, write: varn_domain::Scope::None, user_id: 4 };
        for backend in [DbBackend::Sqlite, DbBackend::Postgres] {
            let _ = a::find_query(&part, 1).statement(backend);
            assert!(!a::find_query(&part, 2).is_kept(backend), "an asset of one's own: built every time");
            assert_eq!(a::find_query(&part, 3).statement(backend), a::find_query(&part, 3).fresh(backend));
        }
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 5).unwrap_or_default();
        check(|u| a::reviews_of_query(u, day, 100), "a person's asset reviews");
        check(|u| a::open_measures_of_query(u, 100), "a person's open measures");
        check(|u| crate::repo::risks::reviews_of_query(u, day, 100), "a person's risk reviews");
        use crate::repo::documents as d;
        check(d::versions_query, "a document's versions");
        check(d::version_by_id_query, "a version");
        check(|i| d::shown_query(i, Some(2)), "a document's version by number");
        check(|i| d::shown_query(i, None), "a document's version in force");
        check(d::draft_query, "a document's draft");
        check(d::comments_query, "a document's comments");
        check(|i| d::has_acked_query(i, 7), "a confirmation");
        check(crate::repo::org::has_child_query, "whether a unit has children");
        check(a::history_query, "asset history");
        // By ids: one slot per count of ids, each binding its own ids in order.
        check(|i| crate::repo::org::by_ids_query(vec![i]), "a unit by id");
        check(|i| crate::repo::org::by_ids_query(vec![i, i + 5]), "two units by id");
        check(|i| crate::repo::org::names_by_ids_query(vec![i, i + 5]), "two units' names by id");
        check(|i| crate::repo::users::by_ids_query(vec![i + 1, i]), "two users by id");
        check(|_| authorities::choices_query(), "authorities to choose");
        let city = i::IncidentVisibility { read: varn_domain::Scope::All, user_id: 4 };
        check(|id| i::find_query(&city, id), "an incident, whole city");
        let own = i::IncidentVisibility { read: varn_domain::Scope::None, user_id: 4 };
        for backend in [DbBackend::Sqlite, DbBackend::Postgres] {
            let _ = i::find_query(&own, 1).statement(backend);
            assert!(!i::find_query(&own, 2).is_kept(backend), "a condition of one's own: built every time");
            assert_eq!(i::find_query(&own, 3).statement(backend), i::find_query(&own, 3).fresh(backend));
        }
        // A unit's page: the unit and its children kept for the whole city only (a scope of
        // units writes its paths into the statement), its grants and files always.
        use crate::repo::org;
        check(|id| org::find_query(&varn_domain::Scope::All, id), "a unit, whole city");
        check(|id| org::children_query(&varn_domain::Scope::All, id), "a unit's children, whole city");
        check(crate::repo::users::grants_on_query, "the grants on a unit");
        check(|id| crate::repo::attachments::of_entity_query("org_unit", id), "a unit's files");
        let part = varn_domain::Scope::Units(varn_domain::OrgPath::parse("/1/3/").into_iter().collect());
        for backend in [DbBackend::Sqlite, DbBackend::Postgres] {
            let _ = org::find_query(&part, 1).statement(backend);
            let _ = org::children_query(&part, 1).statement(backend);
            assert!(!org::find_query(&part, 2).is_kept(backend), "a part of the city: built every time");
            assert!(!org::children_query(&part, 2).is_kept(backend), "a part of the city: built every time");
            let sql = org::find_query(&part, 3).statement(backend).sql;
            assert!(sql.contains("'/1/3/%'"), "{sql}");
            assert!(!org::find_query(&varn_domain::Scope::All, 3).statement(backend).sql.contains("/1/3/"), "the city's text is its own");
        }
        for backend in [DbBackend::Sqlite, DbBackend::Postgres] {
            let many: Vec<i64> = (1..=9).collect();
            let q = crate::repo::users::by_ids_query(many.clone());
            assert!(!q.is_kept(backend), "nine ids: no slot, built");
            assert_eq!(q.statement(backend), crate::repo::users::by_ids_query(many).fresh(backend));
        }
    }

    #[test]
    fn the_task_lists_reads_are_kept_per_shape_and_bind_their_own_values() {
        use crate::repo::tasks::{count_mine_query, mine_query};
        for backend in [DbBackend::Sqlite, DbBackend::Postgres] {
            for units in [vec![], vec![3], vec![3, 8, 12, 40]] {
                for done in [false, true] {
                    let what = format!("{backend:?} units {units:?} done {done}");
                    let _ = mine_query(1, &units, done, 0, 50).statement(backend);
                    let _ = count_mine_query(1, &units, done).statement(backend);
                    assert!(mine_query(2, &units, done, 50, 50).is_kept(backend), "{what}: the list kept");
                    assert!(count_mine_query(2, &units, done).is_kept(backend), "{what}: the count kept");
                    // Another user, page and units of the same count: the kept text binds them.
                    let others: Vec<i64> = units.iter().map(|u| u + 100).collect();
                    assert_eq!(
                        mine_query(9, &others, done, 100, 50).statement(backend),
                        mine_query(9, &others, done, 100, 50).fresh(backend),
                        "{what}"
                    );
                    assert_eq!(
                        count_mine_query(9, &others, done).statement(backend),
                        count_mine_query(9, &others, done).fresh(backend),
                        "{what}"
                    );
                }
            }
            // Open only and all of them are two texts: the kept open list never lists done tasks.
            let open = mine_query(1, &[3], false, 0, 50).statement(backend);
            let all = mine_query(1, &[3], true, 0, 50).statement(backend);
            assert_ne!(open.sql, all.sql, "{backend:?}");
            let five: Vec<i64> = (1..=5).collect();
            assert!(!mine_query(1, &five, false, 0, 50).is_kept(backend), "five units: no slot, built");
            assert_eq!(mine_query(1, &five, false, 0, 50).statement(backend), mine_query(1, &five, false, 0, 50).fresh(backend));
        }
    }

    #[test]
    fn a_kept_text_is_used_without_building() {
        static SET: Slot = Slot::new();
        let _ = SET.sqlite.set(Some("SELECT kept WHERE x = ?".into()));
        let st = SET.keep(vec![5i64.into()], || query(1, "never built".into())).statement(DbBackend::Sqlite);
        assert_eq!(st.sql, "SELECT kept WHERE x = ?");
        assert_eq!(st.values.map(|v| v.0), Some(vec![Value::from(5i64)]));
    }

    #[test]
    fn a_query_whose_values_come_in_another_order_is_built_every_time() {
        let a = misordered(7, "a").statement(DbBackend::Sqlite);
        let b = misordered(8, "b").statement(DbBackend::Sqlite);
        assert_eq!(MISORDERED.sqlite.get(), Some(&None), "nothing kept");
        assert!(!misordered(9, "c").is_kept(DbBackend::Sqlite));
        assert_eq!(a, query(7, "a".into()).statement(DbBackend::Sqlite));
        assert_eq!(b, query(8, "b".into()).statement(DbBackend::Sqlite), "the second call is built anew");
    }

    #[test]
    fn the_city_wide_start_pages_incidents_are_kept_and_bind_their_own_moment() {
        use crate::repo::incidents::city_work_read;
        let t = chrono::Utc::now();
        for backend in [DbBackend::Sqlite, DbBackend::Postgres] {
            let _ = city_work_read(backend, t, 50).statement(backend);
            assert!(city_work_read(backend, t, 50).is_kept(backend), "{backend:?}: its values in the order it binds them");
            let later = t + chrono::Duration::hours(5);
            assert_eq!(
                city_work_read(backend, later, 7).statement(backend),
                city_work_read(backend, later, 7).fresh(backend),
                "{backend:?}"
            );
        }
    }
}
