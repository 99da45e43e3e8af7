//! What the pages and the API show of an asset and a carrier: the facts with names, the
//! carriers and levels, and the dependency graph in both directions.

use super::classify::levels_of_rows;
use super::graph::DependencyGraph;
use super::plan::PlanItem;
use super::Assets;
use crate::{Actor, AppError};
use serde::Serialize;
use varn_domain::asset::Levels;
use varn_store::batch::Reads;
use varn_store::entity::{asset, carrier};
use varn_store::repo::assets::ClassificationRow;
use varn_store::repo::assets::{self as repo, AssetFilter, AssetRow, CarrierRow};
use varn_store::repo::{org, users, ListParams};

/// An asset as its page shows it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AssetView {
    /// The asset.
    #[schema(value_type = Object)]
    pub asset: AssetFacts,
    /// The carriers it lives on.
    pub carriers: Vec<CarrierRow>,
    /// The levels in force, by aspect code.
    pub levels: Levels,
    /// Whether the caller may change it.
    pub can_edit: bool,
}

/// An asset's stored facts with the names that go with them.
#[derive(Debug, Clone, Serialize)]
pub struct AssetFacts {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Description.
    pub description: Option<String>,
    /// Owning unit.
    pub unit_id: i64,
    /// Its name.
    pub unit_name: String,
    /// Information owner.
    pub owner_user_id: Option<i64>,
    /// Their name.
    pub owner_name: Option<String>,
    /// Their sign-in name (for the form).
    #[serde(skip)]
    pub owner_username: Option<String>,
    /// Personuppgiftsansvarig nämnd or bolag.
    pub pua_unit_id: Option<i64>,
    /// Its name.
    pub pua_unit_name: Option<String>,
    /// Forms (codes).
    pub forms: Vec<String>,
    /// Processes.
    pub processes: Option<String>,
    /// OSL.
    pub osl: Option<String>,
    /// Personal data.
    pub personal_data: bool,
    /// Special categories.
    pub special_categories: bool,
    /// Classified on.
    #[serde(serialize_with = "varn_domain::json_time::opt_date")]
    pub classified_on: Option<chrono::NaiveDate>,
    /// Next review.
    #[serde(serialize_with = "varn_domain::json_time::opt_date")]
    pub next_review: Option<chrono::NaiveDate>,
    /// Highest level.
    pub max_level: Option<i64>,
    /// The stored row (for the edit form).
    #[serde(skip)]
    pub model: asset::Model,
}

/// A carrier as its page shows it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CarrierView {
    /// The carrier.
    #[schema(value_type = Object)]
    pub carrier: CarrierFacts,
    /// What it must meet: the highest level of what it carries, per aspect.
    pub inherited: Levels,
    /// How many assets it carries in all.
    pub carried: u64,
    /// The assets on it the caller may see (at most 200).
    pub assets: Vec<AssetRow>,
    /// What it depends on and what depends on it.
    // Kept with the graph: shared by every page of the carrier until the graph is read again.
    #[schema(value_type = Graph)]
    pub graph: std::sync::Arc<Graph>,
    /// Whether the caller may change it.
    pub can_edit: bool,
}

/// A carrier's stored facts with names.
#[derive(Debug, Clone, Serialize)]
pub struct CarrierFacts {
    /// The stored row.
    #[serde(flatten)]
    pub model: CarrierModel,
    /// Unit name.
    pub unit_name: String,
    /// Systemägare's name.
    pub system_owner_name: Option<String>,
    /// Systemförvaltare's name.
    pub system_admin_name: Option<String>,
    /// Sign-in names (for the form).
    #[serde(skip)]
    pub usernames: (Option<String>, Option<String>),
}

/// The serialisable part of a carrier row.
pub type CarrierModel = carrier::Model;

/// The dependency graph around a carrier, both ways, a few steps deep.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct Graph {
    /// What it depends on, directly and further down: (carrier, depth).
    #[schema(value_type = Vec<Object>)]
    pub depends_on: Vec<(CarrierRow, u8)>,
    /// What stops if it stops: (carrier, depth).
    #[schema(value_type = Vec<Object>)]
    pub used_by: Vec<(CarrierRow, u8)>,
    /// How many it depends on in all (the list holds the nearest [`GRAPH_SHOWN`]).
    pub depends_on_total: usize,
    /// How many stop in all if it stops.
    pub used_by_total: usize,
    /// For each listed carrier below: the carrier through which the walk reached it first
    /// (the one asked about, for depth 1), so the graph can be drawn.
    pub depends_on_via: Vec<(i64, i64)>,
    /// The same for what depends on it.
    pub used_by_via: Vec<(i64, i64)>,
}

/// What an asset's page shows besides its view.
#[derive(Debug, Clone)]
pub struct AssetPageParts {
    /// The asset, its carriers and levels.
    pub view: AssetView,
    /// Its handlingsplan.
    pub plan: Vec<PlanItem>,
    /// Its classifications, newest first.
    pub history: Vec<ClassificationRow>,
    /// The risks that concern it (none unless asked for).
    pub risks: Vec<varn_store::repo::risks::LinkedRisk>,
}

impl Assets<'_> {
    /// A visible asset with its carriers and levels.
    pub async fn view(&self, actor: &Actor, id: i64) -> Result<AssetView, AppError> {
        Ok(self.read_view(actor, id, None, false).await?.view)
    }

    /// A visible asset's page: its view, its handlingsplan in `lang`, its classifications,
    /// newest first, and, with `risks` (the reader may use the risk module), the risks that
    /// concern it: the asset found once, its parts read together in one batch.
    pub async fn page(&self, actor: &Actor, id: i64, lang: &str, risks: bool) -> Result<AssetPageParts, AppError> {
        self.read_view(actor, id, Some(lang), risks).await
    }

    async fn read_view(&self, actor: &Actor, id: i64, plan_in: Option<&str>, with_risks: bool) -> Result<AssetPageParts, AppError> {
        let db = self.db();
        let vis = self.visibility(actor);
        let (a, path) = repo::find(db, &vis, id).await?.ok_or(AppError::NotFound)?;
        let can_edit = self.may_edit(actor, &a, &path);
        // The asset's parts are independent reads: one batch, one hand-off on SQLite.
        let mut b = Reads::on(db);
        let units = b.add(org::by_ids_query([Some(a.unit_id), a.pua_unit_id].into_iter().flatten().collect()));
        let owner = a.owner_user_id.map(|o| b.add(users::names_by_ids_query(vec![o])));
        let carriers = b.add(repo::carriers_of_query(&vis, id));
        let levels = b.add(repo::levels_of_query(id));
        let more =
            plan_in.map(|_| (b.add(repo::measures_query(id)), b.add(repo::measure_owners_query(id)), b.add(repo::history_query(id))));
        // Read in the batch rather than after it: one acquire and read transaction fewer.
        let risks = with_risks.then(|| b.add(varn_store::repo::risks::risks_of_asset_query(id)));
        let mut got = b.run(db).await?;
        let risks = got.take_if(risks)?;
        let units = got.take(units)?;
        let owner = got.take_one_if(owner)?;
        let carriers = got.take(carriers)?;
        let levels = levels_of_rows(got.take(levels)?);
        let (plan, history) = match (more, plan_in) {
            (Some((m, o, h)), Some(lang)) => {
                let history = got.take(h)?;
                (self.plan_of(&levels, got.take(m)?, &got.take(o)?, lang), history)
            }
            _ => (vec![], vec![]),
        };
        let unit = |u: i64| units.iter().find(|x| x.id == u).map(|x| x.name.clone());
        let facts = AssetFacts {
            id: a.id,
            name: a.name.clone(),
            description: a.description.clone(),
            unit_id: a.unit_id,
            unit_name: unit(a.unit_id).unwrap_or_default(),
            owner_user_id: a.owner_user_id,
            owner_name: owner.as_ref().map(|o| o.display_name.clone()),
            owner_username: owner.map(|o| o.username),
            pua_unit_id: a.pua_unit_id,
            pua_unit_name: a.pua_unit_id.and_then(unit),
            forms: a.forms.split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect(),
            processes: a.processes.clone(),
            osl: a.osl.clone(),
            personal_data: a.personal_data,
            special_categories: a.special_categories,
            classified_on: a.classified_on,
            next_review: a.next_review,
            max_level: a.max_level,
            model: a,
        };
        Ok(AssetPageParts { view: AssetView { asset: facts, carriers, levels, can_edit }, plan, history, risks })
    }

    /// A carrier with what it must meet, what it carries and its dependencies: the carrier
    /// with its unit first (whether the reader sees it), then the rest in one batch.
    pub async fn carrier(&self, actor: &Actor, id: i64) -> Result<CarrierView, AppError> {
        let db = self.db();
        let vis = self.visibility(actor);
        let (c, unit) = repo::carrier_with_unit(db, &vis, id).await?.ok_or(AppError::NotFound)?;
        let (unit_name, path) = unit.map(|u| (u.name, u.path)).unwrap_or_default();
        let can_edit = self.may_edit_carrier(actor, &c, &path);
        let graph = self.dependency_graph().await?.around(id);
        let mut b = Reads::on(db);
        let people = b.add(users::names_by_ids_query([c.system_owner_user_id, c.system_admin_user_id].into_iter().flatten().collect()));
        let inherited = b.add(repo::inherited_levels_query(id));
        let carried = b.add(repo::carried_count_query(id));
        let f = AssetFilter { carrier_id: Some(id), ..Default::default() };
        let p = ListParams { page: 1, per_page: Some(200), ..Default::default() };
        let assets = repo::list_reads(&mut b, &vis, &f, &p);
        let mut got = b.run(db).await?;
        let people = got.take(people)?;
        let who = |u: Option<i64>| u.and_then(|u| people.iter().find(|p| p.id == u));
        let facts = CarrierFacts {
            unit_name,
            system_owner_name: who(c.system_owner_user_id).map(|p| p.display_name.clone()),
            system_admin_name: who(c.system_admin_user_id).map(|p| p.display_name.clone()),
            usernames: (who(c.system_owner_user_id).map(|p| p.username.clone()), who(c.system_admin_user_id).map(|p| p.username.clone())),
            model: c,
        };
        let inherited = levels_of_rows(got.take(inherited)?);
        let carried = got.take_one(carried)?.unwrap_or(0).max(0) as u64;
        let assets = assets.take(&mut got)?.items;
        Ok(CarrierView { carrier: facts, inherited, carried, assets, graph, can_edit })
    }

    /// The carriers' dependencies as a graph, read once and kept until this server commits a
    /// write (at most 10 s); readers who miss at once wait for one reading.
    async fn dependency_graph(&self) -> Result<std::sync::Arc<DependencyGraph>, AppError> {
        let db = self.db();
        let load = async {
            // One read transaction: every edge's carriers are among the rows.
            let mut b = Reads::on(db);
            let edges = b.add(repo::all_dependencies_query());
            let rows = b.add(repo::all_carrier_rows_query());
            let mut got = b.run(db).await?;
            let (edges, rows) = (got.take(edges)?, got.take(rows)?);
            Ok::<_, AppError>(std::sync::Arc::new(DependencyGraph::new(edges).with_rows(rows)))
        };
        self.app.carrier_graph.try_get_with(self.app.writes_committed(), load).await.map_err(|e| AppError::Internal(e.to_string()))
    }
}
