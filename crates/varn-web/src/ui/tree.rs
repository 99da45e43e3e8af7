//! One tree renderer for every tree of the product (the organisation, the documents, later
//! systems and their dependencies): items in depth-first order, each with the `</li>`,
//! `</ul>` and `<ul>` tags that go before it, so templates print nested lists without
//! recursion. The tags are constants; the items are escaped by the template as usual.

/// Items with the tags before each, and the tags that close the last.
pub struct Nested<T> {
    /// Each item with what goes before it.
    pub nodes: Vec<(T, String)>,
    /// What closes the list after the last item.
    pub after: String,
}

/// Nests items already in depth-first order, at the depth `depth` gives (relative depths
/// are what count: the shallowest item is at the top).
pub fn nest_by_depth<T>(items: Vec<T>, depth: impl Fn(&T) -> usize) -> Nested<T> {
    nest_tags(items, depth, "</ul></li>")
}

/// Like [`nest_by_depth`] for a tree that folds: an item with children opens a `<details>`
/// around its name and its children (the template writes `<details><summary>`), closed here.
pub fn nest_folding<T>(items: Vec<T>, depth: impl Fn(&T) -> usize) -> Nested<T> {
    nest_tags(items, depth, "</ul></details></li>")
}

fn nest_tags<T>(items: Vec<T>, depth: impl Fn(&T) -> usize, close: &str) -> Nested<T> {
    let base = items.iter().map(&depth).min().unwrap_or(0);
    let mut nodes = Vec::with_capacity(items.len());
    let mut prev: Option<usize> = None;
    for it in items {
        let d = depth(&it) - base;
        let mut before = String::new();
        match prev {
            None => {}
            Some(p) if d > p => before.push_str(&"<ul>".repeat(d - p)),
            Some(p) => {
                before.push_str("</li>");
                before.push_str(&close.repeat(p - d));
            }
        }
        prev = Some(d);
        nodes.push((it, before));
    }
    let after = match prev {
        Some(p) => format!("</li>{}", close.repeat(p)),
        None => String::new(),
    };
    Nested { nodes, after }
}

/// Orders items depth-first under their parents, siblings in the order given; an item whose
/// parent is not among them is a root.
pub fn nest<T>(items: Vec<T>, id: impl Fn(&T) -> i64, parent: impl Fn(&T) -> Option<i64>) -> Nested<T> {
    let (ordered, _) = depth_first(items, id, parent);
    let nested = nest_by_depth(ordered, |(_, d)| *d);
    Nested { nodes: nested.nodes.into_iter().map(|((it, _), before)| (it, before)).collect(), after: nested.after }
}

/// Items depth-first under their parents (siblings in the order given) with their depths, and
/// how many there are.
pub fn depth_first<T>(items: Vec<T>, id: impl Fn(&T) -> i64, parent: impl Fn(&T) -> Option<i64>) -> (Vec<(T, usize)>, usize) {
    use std::collections::{HashMap, HashSet};
    let ids: HashSet<i64> = items.iter().map(&id).collect();
    let mut kids: HashMap<Option<i64>, Vec<T>> = HashMap::new();
    for it in items {
        let key = parent(&it).filter(|p| ids.contains(p));
        kids.entry(key).or_default().push(it);
    }
    let mut ordered = Vec::with_capacity(ids.len());
    let mut stack: Vec<(T, usize)> = kids.remove(&None).unwrap_or_default().into_iter().rev().map(|d| (d, 0)).collect();
    while let Some((it, depth)) = stack.pop() {
        if let Some(children) = kids.remove(&Some(id(&it))) {
            stack.extend(children.into_iter().rev().map(|c| (c, depth + 1)));
        }
        ordered.push((it, depth));
    }
    let n = ordered.len();
    (ordered, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn children_nest_under_their_parents_in_order() {
        // (id, parent): 1 ← 2 ← 3, 1 ← 4; 5 whose parent is not shown is a root.
        let items = vec![(4, Some(1)), (1, None), (2, Some(1)), (3, Some(2)), (5, Some(99))];
        let n = nest(items, |x| x.0, |x| x.1);
        let html: String = n.nodes.iter().map(|((id, _), before)| format!("{before}<li>{id}")).collect::<String>() + &n.after;
        assert_eq!(html, "<li>1<ul><li>4</li><li>2<ul><li>3</li></ul></li></ul></li><li>5</li>");
    }

    #[test]
    fn a_folding_tree_closes_its_details() {
        let n = nest_folding(vec![0usize, 1, 2, 1], |d| *d);
        let html: String = n.nodes.iter().map(|(d, before)| format!("{before}<li>{d}")).collect::<String>() + &n.after;
        assert_eq!(html, "<li>0<ul><li>1<ul><li>2</li></ul></details></li><li>1</li></ul></details></li>");
    }

    #[test]
    fn depths_close_every_list_they_open() {
        let n = nest_by_depth(vec![2usize, 3, 4, 3, 2], |d| *d);
        let html: String = n.nodes.iter().map(|(d, before)| format!("{before}<li>{d}")).collect::<String>() + &n.after;
        assert_eq!(html, "<li>2<ul><li>3<ul><li>4</li></ul></li><li>3</li></ul></li><li>2</li>");
        assert!(nest_by_depth(Vec::<usize>::new(), |d| *d).after.is_empty());
    }
}
