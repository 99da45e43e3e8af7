//! The carriers' dependency graph in memory: walked both ways from a carrier, each carrier
//! reached counted once at its shortest depth.

use crate::AppError;
use sea_orm::ConnectionTrait;
use std::collections::BTreeSet;
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

/// One direction of the walk as the page shows it: the nearest carriers' rows with
/// their depth (nearest first, then by name), how many in all, and through which carrier each
/// listed one was reached.
pub(crate) fn walked(reach: Reach, rows: Vec<CarrierRow>) -> Walk {
    let depth = |n: i64| reach.nearest.iter().find(|(c, _, _)| *c == n).map_or(0, |(_, d, _)| *d);
    let mut out: Vec<(CarrierRow, u8)> = rows
        .into_iter()
        .map(|r| {
            let d = depth(r.id);
            (r, d)
        })
        .collect();
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
