//! What the pages and the API show of an asset and a carrier: the facts with names, the
//! carriers and levels, and the dependency graph in both directions.

use super::classify::levels_of_rows;
use super::plan::PlanItem;
use super::Assets;
use crate::{Actor, AppError};
use sea_orm::ConnectionTrait;
use serde::Serialize;
use std::collections::BTreeSet;
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
    pub classified_on: Option<chrono::NaiveDate>,
    /// Next review.
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
    pub graph: Graph,
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

/// One direction of the walk: the nearest carriers with their depth, how many in all, and
/// (carrier, reached through).
type Walk = (Vec<(CarrierRow, u8)>, usize, Vec<(i64, i64)>);

/// How many carriers each direction of the graph lists (the nearest first).
pub const GRAPH_SHOWN: usize = 100;

/// How far the graph is followed.
pub const GRAPH_DEPTH: u8 = 5;

/// Every carrier's dependencies, both ways: what each depends on and what depends on it.
/// Carriers are numbered by their place in `ids` (ascending id), so a walk marks what it has
/// seen in a flat list instead of a map.
#[derive(Debug, Default)]
pub struct DependencyGraph {
    ids: Vec<i64>,
    down: Vec<Vec<u32>>,
    up: Vec<Vec<u32>>,
}

/// What a walk from one carrier reached: how many carriers in all, and the nearest ones as
/// (carrier, depth, reached through), by depth and then id.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Reach {
    /// Every carrier reached within the depth.
    pub total: usize,
    /// The nearest, at most the number asked for.
    pub nearest: Vec<(i64, u8, i64)>,
}

impl DependencyGraph {
    /// The graph of these (carrier, depends on) edges.
    pub fn new(edges: Vec<(i64, i64)>) -> Self {
        let mut ids: Vec<i64> = edges.iter().flat_map(|(a, b)| [*a, *b]).collect();
        ids.sort_unstable();
        ids.dedup();
        let mut down = vec![Vec::new(); ids.len()];
        let mut up = vec![Vec::new(); ids.len()];
        for (from, to) in edges {
            if let (Ok(f), Ok(t)) = (ids.binary_search(&from), ids.binary_search(&to)) {
                down[f].push(t as u32);
                up[t].push(f as u32);
            }
        }
        for list in down.iter_mut().chain(up.iter_mut()) {
            list.sort_unstable();
            list.dedup();
        }
        DependencyGraph { ids, down, up }
    }

    /// Breadth first from `id` one way (`down`: what it depends on), at most `max_depth`
    /// steps: every carrier reached counted once, at its shortest depth, and the nearest
    /// `shown` of them with the carrier through which each was first reached (the lowest id
    /// among those of the step before).
    pub fn walk(&self, id: i64, down: bool, max_depth: u8, shown: usize) -> Reach {
        let Ok(start) = self.ids.binary_search(&id) else { return Reach::default() };
        let next_of = if down { &self.down } else { &self.up };
        let mut seen = vec![false; self.ids.len()];
        seen[start] = true;
        let mut reach = Reach::default();
        // (carrier, reached through), in id order: the lower parent comes first.
        let mut front: Vec<(u32, u32)> = vec![(start as u32, start as u32)];
        for d in 1..=max_depth {
            let mut next = Vec::new();
            for &(from, _) in &front {
                for &n in next_of.get(from as usize).map(Vec::as_slice).unwrap_or_default() {
                    if let Some(s) = seen.get_mut(n as usize).filter(|s| !**s) {
                        *s = true;
                        next.push((n, from));
                    }
                }
            }
            if next.is_empty() {
                break;
            }
            next.sort_unstable_by_key(|(n, _)| *n);
            reach.total += next.len();
            let room = shown.saturating_sub(reach.nearest.len());
            reach.nearest.extend(next.iter().take(room).map(|&(n, via)| (self.id(n), d, self.id(via))));
            front = next;
        }
        reach
    }

    fn id(&self, at: u32) -> i64 {
        self.ids.get(at as usize).copied().unwrap_or_default()
    }
}

/// Whether `from` depends, directly or further down, on `to`.
pub(crate) async fn reaches<C: ConnectionTrait>(db: &C, from: i64, to: i64) -> Result<bool, AppError> {
    let mut seen = BTreeSet::from([from]);
    let mut front = vec![from];
    while !front.is_empty() {
        let next: Vec<i64> =
            repo::dependency_step(db, front, true).await?.into_iter().map(|(_, t)| t).filter(|t| seen.insert(*t)).collect();
        if next.contains(&to) {
            return Ok(true);
        }
        front = next;
    }
    Ok(false)
}

impl Assets<'_> {
    /// A visible asset with its carriers and levels.
    pub async fn view(&self, actor: &Actor, id: i64) -> Result<AssetView, AppError> {
        Ok(self.read_view(actor, id, None).await?.0)
    }

    /// A visible asset's page: its view, its handlingsplan in `lang` and its classifications,
    /// newest first (the asset found once, its parts read together).
    pub async fn page(&self, actor: &Actor, id: i64, lang: &str) -> Result<(AssetView, Vec<PlanItem>, Vec<ClassificationRow>), AppError> {
        self.read_view(actor, id, Some(lang)).await
    }

    async fn read_view(
        &self,
        actor: &Actor,
        id: i64,
        plan_in: Option<&str>,
    ) -> Result<(AssetView, Vec<PlanItem>, Vec<ClassificationRow>), AppError> {
        let db = self.db();
        let vis = self.visibility(actor);
        let (a, path) = repo::find(db, &vis, id).await?.ok_or(AppError::NotFound)?;
        let can_edit = self.may_edit(actor, &a, &path);
        // The asset's parts are independent reads: one batch, one hand-off on SQLite.
        let mut b = Reads::on(db);
        let units = b.add(org::by_ids_query([Some(a.unit_id), a.pua_unit_id].into_iter().flatten().collect()));
        let owner = a.owner_user_id.map(|o| b.add(users::by_ids_query(vec![o])));
        let carriers = b.add(repo::carriers_of_query(&vis, id));
        let levels = b.add(repo::levels_of_query(id));
        let more = plan_in.map(|_| (b.add(repo::measures_query(id)), b.add(repo::history_query(id))));
        let mut got = b.run(db).await?;
        let units = got.take(units)?;
        let owner = got.take_one_if(owner)?;
        let carriers = got.take(carriers)?;
        let levels = levels_of_rows(got.take(levels)?);
        let (plan, history) = match (more, plan_in) {
            (Some((m, h)), Some(lang)) => {
                let history = got.take(h)?;
                (self.plan_items(&levels, got.take(m)?, lang).await?, history)
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
        Ok((AssetView { asset: facts, carriers, levels, can_edit }, plan, history))
    }

    /// A carrier with what it must meet, what it carries and its dependencies: the carrier
    /// with its unit first (whether the reader sees it), then the rest in one batch.
    pub async fn carrier(&self, actor: &Actor, id: i64) -> Result<CarrierView, AppError> {
        let db = self.db();
        let vis = self.visibility(actor);
        let (c, unit) = repo::carrier_with_unit(db, &vis, id).await?.ok_or(AppError::NotFound)?;
        let (unit_name, path) = unit.map(|u| (u.name, u.path)).unwrap_or_default();
        let can_edit = self.may_edit_carrier(actor, &c, &path);
        let dependencies = self.dependency_graph().await?;
        let depends_on = dependencies.walk(id, true, GRAPH_DEPTH, GRAPH_SHOWN);
        let used_by = dependencies.walk(id, false, GRAPH_DEPTH, GRAPH_SHOWN);
        let mut b = Reads::on(db);
        let people = b.add(users::by_ids_query([c.system_owner_user_id, c.system_admin_user_id].into_iter().flatten().collect()));
        let inherited = b.add(repo::inherited_levels_query(id));
        let carried = b.add(repo::carried_count_query(id));
        let f = AssetFilter { carrier_id: Some(id), ..Default::default() };
        let p = ListParams { page: 1, per_page: Some(200), ..Default::default() };
        let assets = repo::list_reads(&mut b, &vis, &f, &p);
        let shown = |r: &Reach| r.nearest.iter().map(|(n, _, _)| *n).collect();
        let down_rows = b.add(repo::carriers_by_id_query(&self.visibility_any(), shown(&depends_on)));
        let up_rows = b.add(repo::carriers_by_id_query(&self.visibility_any(), shown(&used_by)));
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
        let (depends_on, depends_on_total, depends_on_via) = walked(depends_on, got.take(down_rows)?);
        let (used_by, used_by_total, used_by_via) = walked(used_by, got.take(up_rows)?);
        let graph = Graph { depends_on, used_by, depends_on_total, used_by_total, depends_on_via, used_by_via };
        Ok(CarrierView { carrier: facts, inherited, carried, assets, graph, can_edit })
    }

    /// The carriers' dependencies as a graph, read once and kept until this server commits a
    /// write (at most 10 s); readers who miss at once wait for one reading.
    async fn dependency_graph(&self) -> Result<std::sync::Arc<DependencyGraph>, AppError> {
        let db = self.db();
        let load = async {
            let edges = repo::all_dependencies(db).await?;
            Ok::<_, AppError>(std::sync::Arc::new(DependencyGraph::new(edges)))
        };
        self.app.carrier_graph.try_get_with(self.app.writes_committed(), load).await.map_err(|e| AppError::Internal(e.to_string()))
    }

    /// The carrier register's visibility (the whole city) for someone already let in.
    fn visibility_any(&self) -> repo::AssetVisibility {
        repo::AssetVisibility { read: varn_domain::Scope::All, write: varn_domain::Scope::None, user_id: 0 }
    }
}

/// One direction of the walk as the page shows it: the nearest carriers' rows with
/// their depth (nearest first, then by name), how many in all, and through which carrier each
/// listed one was reached.
fn walked(reach: Reach, rows: Vec<CarrierRow>) -> Walk {
    let depth = |n: i64| reach.nearest.iter().find(|(c, _, _)| *c == n).map_or(0, |(_, d, _)| *d);
    let mut out: Vec<(CarrierRow, u8)> = rows.into_iter().map(|r| (depth(r.id), r)).map(|(d, r)| (r, d)).collect();
    out.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.name.cmp(&b.0.name)));
    let vias = reach.nearest.iter().map(|(n, _, via)| (*n, *via)).collect();
    (out, reach.total, vias)
}

#[cfg(test)]
mod tests {
    use super::{DependencyGraph, Reach};

    #[test]
    fn the_walk_finds_each_carrier_at_its_shortest_depth_once() {
        // 1 depends on 2 and 3; 2 and 3 on 4; 4 on 5 and back on 1 (a cycle); 6 on 5.
        let g = DependencyGraph::new(vec![(1, 3), (1, 2), (2, 4), (3, 4), (4, 5), (4, 1), (6, 5), (1, 2)]);
        // Each once, by depth; 4 is reached through the lower of its two parents, 2 and 3
        // through the start; the start is never listed, though the cycle leads back to it.
        let down = g.walk(1, true, 5, 100);
        assert_eq!(down, Reach { total: 4, nearest: vec![(2, 1, 1), (3, 1, 1), (4, 2, 2), (5, 3, 4)] });
        // Up: what stops if 5 stops (1 only through 4, at depth 3).
        let up = g.walk(5, false, 5, 100);
        assert_eq!(up.nearest, vec![(4, 1, 5), (6, 1, 5), (2, 2, 4), (3, 2, 4), (1, 3, 2)]);
        assert_eq!(up.total, 5);
        // The depth is a limit.
        assert_eq!(g.walk(1, true, 1, 100), Reach { total: 2, nearest: vec![(2, 1, 1), (3, 1, 1)] });
        // Only the nearest are listed, but all are counted.
        assert_eq!(g.walk(5, false, 5, 3), Reach { total: 5, nearest: vec![(4, 1, 5), (6, 1, 5), (2, 2, 4)] });
        // A carrier without dependencies reaches nothing.
        assert_eq!(g.walk(7, true, 5, 100), Reach::default());
    }

    #[test]
    fn a_long_chain_is_walked_to_its_depth_only() {
        // 1 → 2 → … → 50 000: five steps down from 1, everything up from the end (capped).
        let g = DependencyGraph::new((1..50_000).map(|i| (i, i + 1)).collect());
        let down = g.walk(1, true, 5, 100);
        assert_eq!(down.total, 5);
        assert_eq!(down.nearest.iter().map(|(n, d, _)| (*n, *d)).collect::<Vec<_>>(), vec![(2, 1), (3, 2), (4, 3), (5, 4), (6, 5)]);
        let up = g.walk(50_000, false, u8::MAX, 2);
        assert_eq!(up.total, 255);
        assert_eq!(up.nearest, vec![(49_999, 1, 50_000), (49_998, 2, 49_999)]);
    }
}
