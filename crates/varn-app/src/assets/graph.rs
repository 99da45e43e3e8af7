//! The carriers' dependency graph in memory: walked both ways from a carrier, each carrier
//! reached counted once at its shortest depth.

use super::queries::Graph;
use crate::AppError;
use sea_orm::ConnectionTrait;
use std::collections::BTreeSet;
use std::sync::Arc;
use varn_store::repo::assets::{self as repo, CarrierRow};

/// One direction of the walk: the nearest carriers with their depth, how many in all, and
/// (carrier, reached through).
pub(crate) type Walk = (Vec<(CarrierRow, u8)>, usize, Vec<(i64, i64)>);

/// How many carriers each direction of the graph lists (the nearest first).
pub const GRAPH_SHOWN: usize = 100;

/// How far the graph is followed.
pub const GRAPH_DEPTH: u8 = 5;

/// Every carrier's dependencies, both ways: what each depends on and what depends on it.
/// Carriers are numbered by their place in `ids` (ascending id), so a walk marks what it has
/// seen in a flat list instead of a map.
///
/// It also keeps the row the carrier page lists of each carrier in the graph (name, kind, unit,
/// systemägare …), so that a walk's nearest carriers come from memory rather than from a
/// read of up to 200 rows, each three lookups, at every page.
///
/// The graph never changes once read (a write reads a new one), so what a carrier's page
/// shows of it, both walks with their rows sorted, is kept with it: walked once per carrier
/// and graph, not at every page.
#[derive(Debug)]
pub struct DependencyGraph {
    ids: Vec<i64>,
    down: Vec<Vec<u32>>,
    up: Vec<Vec<u32>>,
    rows: Vec<Option<CarrierRow>>,
    around: moka::sync::Cache<i64, Arc<Graph>>,
}

/// How many carrier rows the kept walks of one graph may hold in all (each walk lists at
/// most [`GRAPH_SHOWN`] a way): some 20 MB at the most.
const KEPT_WALK_ROWS: u64 = 100_000;

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
        let around = moka::sync::Cache::builder()
            .weigher(|_, g: &Arc<Graph>| u32::try_from(g.depends_on.len() + g.used_by.len() + 1).unwrap_or(u32::MAX))
            .max_capacity(KEPT_WALK_ROWS)
            .build();
        DependencyGraph { rows: vec![None; ids.len()], ids, down, up, around }
    }

    /// What a carrier's page shows of the graph: both walks, [`GRAPH_DEPTH`] steps deep,
    /// the nearest [`GRAPH_SHOWN`] of each listed with their rows. Walked at the first page
    /// of a carrier and kept as long as the graph is.
    pub(crate) fn around(&self, id: i64) -> Arc<Graph> {
        self.around.get_with(id, || {
            let (depends_on, depends_on_total, depends_on_via) = self.walked(self.walk(id, true, GRAPH_DEPTH, GRAPH_SHOWN));
            let (used_by, used_by_total, used_by_via) = self.walked(self.walk(id, false, GRAPH_DEPTH, GRAPH_SHOWN));
            Arc::new(Graph { depends_on, used_by, depends_on_total, used_by_total, depends_on_via, used_by_via })
        })
    }

    /// The graph with the rows of its carriers (`rows` in any order; those not in the graph
    /// are left out).
    pub fn with_rows(mut self, rows: Vec<CarrierRow>) -> Self {
        for r in rows {
            let at = self.ids.binary_search(&r.id).ok();
            if let Some(slot) = at.and_then(|at| self.rows.get_mut(at)) {
                *slot = Some(r);
            }
        }
        self
    }

    /// Breadth first from `id` one way (`down`: what it depends on), at most `max_depth`
    /// steps: every carrier reached counted once, at its shortest depth, and the nearest
    /// `shown` of them with the carrier through which each was first reached (the lowest id
    /// among those of the step before).
    pub fn walk(&self, id: i64, down: bool, max_depth: u8, shown: usize) -> Reach {
        let Ok(start) = self.ids.binary_search(&id) else { return Reach::default() };
        let next_of = if down { &self.down } else { &self.up };
        // Per carrier: the step it was reached at (0: not yet; the start: u16::MAX) and the
        // carrier it was reached through, the lowest of that step's parents. A step's front
        // is kept in any order: only the `shown` nearest are sorted.
        let mut step = vec![0u16; self.ids.len()];
        let mut via = vec![u32::MAX; self.ids.len()];
        if let Some(s) = step.get_mut(start) {
            *s = u16::MAX;
        }
        let mut reach = Reach::default();
        let mut front: Vec<u32> = vec![start as u32];
        for d in 1..=max_depth {
            let mut next = Vec::new();
            for &from in &front {
                for &n in next_of.get(from as usize).map(Vec::as_slice).unwrap_or_default() {
                    let (Some(s), Some(v)) = (step.get_mut(n as usize), via.get_mut(n as usize)) else { continue };
                    if *s == 0 {
                        *s = u16::from(d);
                        *v = from;
                        next.push(n);
                    } else if *s == u16::from(d) && from < *v {
                        *v = from;
                    }
                }
            }
            if next.is_empty() {
                break;
            }
            reach.total += next.len();
            let room = shown.saturating_sub(reach.nearest.len());
            if room > 0 {
                // The step's `room` lowest first, in order (the front's order does not matter).
                if next.len() > room {
                    next.select_nth_unstable(room - 1);
                }
                let k = room.min(next.len());
                let listed = next.get_mut(..k).unwrap_or_default();
                listed.sort_unstable();
                let via_of = |n: u32| via.get(n as usize).copied().unwrap_or_default();
                reach.nearest.extend(listed.iter().map(|&n| (self.id(n), d, self.id(via_of(n)))));
            }
            front = next;
        }
        reach
    }

    /// One direction of the walk as the page shows it: the rows of the nearest carriers with
    /// their depth (nearest first, then by name), how many in all, and through which carrier
    /// each listed one was reached. A carrier whose row the graph lacks (one added since it
    /// was read, which a write of this server would have made it read again) is left out.
    pub(crate) fn walked(&self, reach: Reach) -> Walk {
        let mut out: Vec<(CarrierRow, u8)> = reach
            .nearest
            .iter()
            .filter_map(|&(n, d, _)| {
                let at = self.ids.binary_search(&n).ok()?;
                Some((self.rows.get(at)?.clone()?, d))
            })
            .collect();
        out.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.name.cmp(&b.0.name)));
        let vias = reach.nearest.iter().map(|(n, _, via)| (*n, *via)).collect();
        (out, reach.total, vias)
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

    /// The walk as its doc says it, plainly: breadth first over ids, each step's carriers in
    /// id order, each reached through the lowest id of the step before.
    fn walk_plainly(edges: &[(i64, i64)], id: i64, down: bool, max_depth: u8, shown: usize) -> Reach {
        use std::collections::{BTreeMap, BTreeSet};
        let mut seen = BTreeSet::from([id]);
        let mut front = BTreeSet::from([id]);
        let mut reach = Reach::default();
        for d in 1..=max_depth {
            let mut next: BTreeMap<i64, i64> = BTreeMap::new();
            for &(a, b) in edges {
                let (from, to) = if down { (a, b) } else { (b, a) };
                if front.contains(&from) && !seen.contains(&to) {
                    let via = next.entry(to).or_insert(from);
                    *via = (*via).min(from);
                }
            }
            if next.is_empty() {
                break;
            }
            reach.total += next.len();
            for (&n, &via) in &next {
                if reach.nearest.len() < shown {
                    reach.nearest.push((n, d, via));
                }
            }
            seen.extend(next.keys());
            front = next.into_keys().collect();
        }
        reach
    }

    #[test]
    fn the_walk_is_the_plain_breadth_first_walk_on_tangled_graphs() {
        // Graphs where a step's carriers are found out of id order and through several
        // parents: 300 carriers, 1 200 edges from a fixed sequence.
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |m: u64| {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (x >> 33) % m
        };
        let edges: Vec<(i64, i64)> = (0..1_200).map(|_| (next(300) as i64 + 1, next(300) as i64 + 1)).collect();
        let g = DependencyGraph::new(edges.clone());
        let mut listed = 0;
        for id in [1, 7, 42, 150, 299, 300] {
            for down in [true, false] {
                for (depth, shown) in [(5, 100), (2, 10), (u8::MAX, 1_000), (3, 1)] {
                    let got = g.walk(id, down, depth, shown);
                    assert_eq!(got, walk_plainly(&edges, id, down, depth, shown), "from {id}, down {down}, {depth} steps, {shown} shown");
                    listed += got.nearest.len();
                }
            }
        }
        assert!(listed > 1_000, "the graphs are tangled enough to list many: {listed}");
    }

    #[test]
    fn a_walk_lists_the_kept_rows_nearest_first_then_by_name() {
        use varn_domain::asset::CarrierKind;
        use varn_store::repo::assets::CarrierRow;
        let row = |id: i64, name: &str| CarrierRow {
            id,
            name: name.into(),
            kind: CarrierKind::ItSystem,
            unit_id: 1,
            unit_name: "IT".into(),
            system_owner_name: None,
            supplier: None,
            hosting: None,
            third_country: false,
        };
        // 1 depends on 2 (Ö) and 3 (A); 2 on 4 (B) and 5 (no row: added after the graph was
        // read); 9 is a carrier outside the graph.
        let g = DependencyGraph::new(vec![(1, 2), (1, 3), (2, 4), (2, 5)]).with_rows(vec![
            row(4, "B"),
            row(2, "Ö"),
            row(3, "A"),
            row(1, "Start"),
            row(9, "Utanför"),
        ]);
        let (rows, total, via) = g.walked(g.walk(1, true, 5, 100));
        let listed: Vec<(&str, u8)> = rows.iter().map(|(r, d)| (r.name.as_str(), *d)).collect();
        assert_eq!(listed, vec![("A", 1), ("Ö", 1), ("B", 2)]);
        assert_eq!(total, 4, "the carrier without a row is still counted");
        assert_eq!(via, vec![(2, 1), (3, 1), (4, 2), (5, 2)]);
        let (rows, total, via) = g.walked(g.walk(9, true, 5, 100));
        assert!(rows.is_empty() && total == 0 && via.is_empty());
    }

    #[test]
    fn what_a_carriers_page_shows_is_walked_once_per_graph_and_is_both_walks() {
        use super::{GRAPH_DEPTH, GRAPH_SHOWN};
        // 1 → 2 → 3 and 4 → 2: from 2, one down and two up.
        let g = DependencyGraph::new(vec![(1, 2), (2, 3), (4, 2)]);
        let first = g.around(2);
        assert_eq!(first.depends_on_via, vec![(3, 2)]);
        assert_eq!(first.used_by_via, vec![(1, 2), (4, 2)]);
        assert_eq!((first.depends_on_total, first.used_by_total), (1, 2));
        // The same walks as walked on their own, rows left out as they lack here.
        let down = g.walk(2, true, GRAPH_DEPTH, GRAPH_SHOWN);
        assert_eq!(first.depends_on_via, down.nearest.iter().map(|(n, _, v)| (*n, *v)).collect::<Vec<_>>());
        // Kept: the second page of the carrier gets the same walk, not a new one; another
        // carrier gets its own; a graph read again (after a write) walks again.
        assert!(std::sync::Arc::ptr_eq(&first, &g.around(2)));
        assert_eq!(g.around(1).depends_on_total, 2);
        let again = DependencyGraph::new(vec![(1, 2), (2, 3), (4, 2), (2, 5)]);
        assert_eq!(again.around(2).depends_on_total, 2);
        assert_eq!(g.around(2).depends_on_total, 1, "the old graph keeps its own walk");
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
