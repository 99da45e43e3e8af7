//! The dependency graph of a carrier drawn as SVG on the server: what it depends on to the
//! left (one column a step), what stops if it stops to the right, each line to the carrier
//! through which the walk reached it. No script; the lists under the picture hold the same
//! and more, and the picture has a text alternative.

use varn_app::assets::{CarrierRow, Graph};

/// Carriers drawn per step and side (the lists hold the rest).
const PER_COLUMN: usize = 8;
/// Steps drawn per side.
const COLUMNS: u8 = 3;
const W: i64 = 190;
const GAP_X: i64 = 40;
const H: i64 = 30;
const GAP_Y: i64 = 10;
const TOP: i64 = 10;

/// A box of the picture.
pub struct Node {
    pub x: i64,
    pub y: i64,
    pub label: String,
    pub href: String,
    pub center: bool,
}

/// A line of the picture.
pub struct Edge {
    pub x1: i64,
    pub y1: i64,
    pub x2: i64,
    pub y2: i64,
}

/// The picture: its size, boxes, lines and the "+n" notes of full columns.
pub struct Picture {
    pub width: i64,
    pub height: i64,
    pub node_w: i64,
    pub node_h: i64,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    pub more: Vec<(i64, i64, usize)>,
}

fn short(name: &str) -> String {
    let n: Vec<char> = name.chars().collect();
    if n.len() <= 23 {
        name.to_owned()
    } else {
        format!("{}…", n[..22].iter().collect::<String>())
    }
}

/// One side's columns: depth → the carriers drawn (nearest first) and how many are not.
fn columns(items: &[(CarrierRow, u8)]) -> Vec<(Vec<&CarrierRow>, usize)> {
    (1..=COLUMNS)
        .map(|d| {
            let all: Vec<&CarrierRow> = items.iter().filter(|(_, x)| *x == d).map(|(c, _)| c).collect();
            let left = all.len().saturating_sub(PER_COLUMN);
            (all.into_iter().take(PER_COLUMN).collect(), left)
        })
        .collect()
}

/// Lays out the graph around `center` (id, name).
pub fn picture(center: (i64, &str), g: &Graph) -> Picture {
    let down = columns(&g.depends_on);
    let up = columns(&g.used_by);
    let left_cols = down.iter().take_while(|(c, _)| !c.is_empty()).count() as i64;
    let right_cols = up.iter().take_while(|(c, _)| !c.is_empty()).count() as i64;
    let rows = down.iter().chain(up.iter()).map(|(c, more)| c.len() + usize::from(*more > 0)).max().unwrap_or(0).max(1) as i64;
    let height = TOP * 2 + rows * (H + GAP_Y);
    let col_x = |side: i64| (left_cols + side) * (W + GAP_X);
    let mut p = Picture { width: col_x(right_cols) + W, height, node_w: W, node_h: H, nodes: vec![], edges: vec![], more: vec![] };
    let cy = TOP + (rows - 1) * (H + GAP_Y) / 2;
    let mut at: std::collections::HashMap<i64, (i64, i64)> = std::collections::HashMap::new();
    at.insert(center.0, (col_x(0), cy));
    p.nodes.push(Node { x: col_x(0), y: cy, label: short(center.1), href: format!("/carriers/{}", center.0), center: true });
    for (side, cols, vias) in [(-1_i64, &down, &g.depends_on_via), (1, &up, &g.used_by_via)] {
        for (d, (col, more)) in cols.iter().enumerate() {
            let x = col_x(side * (d as i64 + 1));
            let start = TOP + (rows - col.len() as i64 - i64::from(*more > 0)) * (H + GAP_Y) / 2;
            for (i, c) in col.iter().enumerate() {
                let y = start + i as i64 * (H + GAP_Y);
                at.insert(c.id, (x, y));
                p.nodes.push(Node { x, y, label: short(&c.name), href: format!("/carriers/{}", c.id), center: false });
                let via = vias.iter().find(|(n, _)| *n == c.id).map(|(_, v)| *v).unwrap_or(center.0);
                if let Some(&(vx, vy)) = at.get(&via) {
                    let (x1, x2) = if side < 0 { (x + W, vx) } else { (vx + W, x) };
                    p.edges.push(Edge { x1, y1: if side < 0 { y } else { vy } + H / 2, x2, y2: if side < 0 { vy } else { y } + H / 2 });
                }
            }
            if *more > 0 {
                p.more.push((x + 8, start + col.len() as i64 * (H + GAP_Y) + H / 2 + 4, *more));
            }
        }
    }
    p
}
