//! The organisation tree: kinds of unit, which kind may sit under which, and the
//! materialised path that lets every scope check run as one `LIKE` in SQL.

use crate::code_enum;
use crate::ids::OrgUnitId;
use crate::validation::bounded_text;

code_enum! {
    /// The kind of an organisation unit, as a Swedish city names them (in the order the
    /// forms list them).
    pub enum OrgKind("org.kind", "err.org.kind_invalid") {
        /// Kommunfullmäktige, the city council: the root.
        Kommunfullmaktige,
        /// Kommunstyrelsen, the executive board.
        Kommunstyrelse,
        /// A nämnd (committee).
        Namnd,
        /// A förvaltning (department) serving a nämnd or kommunstyrelsen.
        Forvaltning,
        /// An avdelning inside a förvaltning or bolag.
        Avdelning,
        /// An enhet (unit), the smallest part.
        Enhet,
        /// A wholly-owned company (helägt bolag).
        Bolag,
        /// An external actor using the city's IT support (extern utövare).
        ExternUtovare,
    }
}

impl OrgKind {
    /// Whether a unit of this kind may sit directly under a unit of kind `parent`
    /// (`None` for the root).
    pub fn may_sit_under(self, parent: Option<OrgKind>) -> bool {
        use OrgKind::*;
        match (self, parent) {
            (Kommunfullmaktige, None) => true,
            (_, None) | (Kommunfullmaktige, Some(_)) => false,
            (Kommunstyrelse | Namnd | ExternUtovare, Some(p)) => p == Kommunfullmaktige,
            (Bolag, Some(p)) => matches!(p, Kommunfullmaktige | Bolag),
            (Forvaltning, Some(p)) => matches!(p, Namnd | Kommunstyrelse),
            (Avdelning, Some(p)) => matches!(p, Forvaltning | Avdelning | Bolag | ExternUtovare),
            (Enhet, Some(p)) => {
                matches!(p, Forvaltning | Avdelning | Enhet | Bolag | ExternUtovare)
            }
        }
    }

    /// Whether this kind is a political body or company that the supervision views group by.
    pub fn is_governing_body(self) -> bool {
        matches!(self, OrgKind::Kommunstyrelse | OrgKind::Namnd | OrgKind::Bolag)
    }
}

/// A unit's name: trimmed, 1–200 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitName(String);

impl UnitName {
    /// Validates a name.
    pub fn parse(s: &str) -> Result<Self, &'static str> {
        bounded_text(s, 200).map(UnitName)
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The name, owned.
    pub fn into_inner(self) -> String {
        self.0
    }
}

/// The materialised path of a unit: the ids from the root down to it, as `/1/4/9/`.
///
/// A unit's subtree is every unit whose path starts with its own, which SQL answers with
/// one indexed `LIKE 'prefix%'`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct OrgPath(String);

impl OrgPath {
    /// The path of a root unit.
    pub fn root(id: OrgUnitId) -> Self {
        OrgPath(format!("/{}/", id.0))
    }

    /// The path of `id` as a child of this path.
    pub fn child(&self, id: OrgUnitId) -> Self {
        OrgPath(format!("{}{}/", self.0, id.0))
    }

    /// Wraps a stored path; accepts only the `/n/n/` shape.
    pub fn parse(s: &str) -> Result<Self, &'static str> {
        let ok = s.len() >= 3
            && s.starts_with('/')
            && s.ends_with('/')
            && s[1..s.len() - 1].split('/').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
        if ok {
            Ok(OrgPath(s.to_owned()))
        } else {
            Err("err.org.path_invalid")
        }
    }

    /// The stored text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True when `other` is this unit or lies below it.
    pub fn contains(&self, other: &OrgPath) -> bool {
        other.0.starts_with(&self.0)
    }

    /// The ids from the root down to this unit.
    pub fn ids(&self) -> Vec<OrgUnitId> {
        self.0.split('/').filter_map(|p| p.parse::<i64>().ok()).map(OrgUnitId).collect()
    }

    /// How deep the unit lies (root = 0).
    pub fn depth(&self) -> usize {
        self.ids().len().saturating_sub(1)
    }
}

/// Why a unit may not be moved under a new parent.
pub fn check_move(unit: &OrgPath, kind: OrgKind, new_parent: &OrgPath, parent_kind: OrgKind) -> Result<(), &'static str> {
    if unit.contains(new_parent) {
        return Err("err.org.move_cycle");
    }
    if !kind.may_sit_under(Some(parent_kind)) {
        return Err("err.org.kind_parent");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Code;

    #[test]
    fn kinds_round_trip() {
        for &k in OrgKind::ALL {
            assert_eq!(OrgKind::parse(k.as_str()), Ok(k));
            assert_eq!(k.key(), format!("org.kind.{k}"));
        }
        assert!(OrgKind::parse("kommun").is_err());
    }

    #[test]
    fn tree_rules_follow_the_city() {
        use OrgKind::*;
        assert!(Kommunfullmaktige.may_sit_under(None));
        assert!(!Namnd.may_sit_under(None));
        assert!(!Kommunfullmaktige.may_sit_under(Some(Kommunfullmaktige)));
        assert!(Namnd.may_sit_under(Some(Kommunfullmaktige)));
        assert!(!Namnd.may_sit_under(Some(Namnd)));
        assert!(Forvaltning.may_sit_under(Some(Namnd)));
        assert!(Forvaltning.may_sit_under(Some(Kommunstyrelse)));
        assert!(!Forvaltning.may_sit_under(Some(Enhet)));
        assert!(Enhet.may_sit_under(Some(Enhet)));
        assert!(Bolag.may_sit_under(Some(Bolag)));
        assert!(!Bolag.may_sit_under(Some(Namnd)));
        assert!(ExternUtovare.may_sit_under(Some(Kommunfullmaktige)));
    }

    #[test]
    fn paths_describe_subtrees() {
        let root = OrgPath::root(OrgUnitId(1));
        let a = root.child(OrgUnitId(4));
        let b = a.child(OrgUnitId(9));
        assert_eq!(b.as_str(), "/1/4/9/");
        assert!(root.contains(&b));
        assert!(a.contains(&a));
        assert!(!b.contains(&a));
        // "/1/4/" must not contain "/1/40/".
        let c = root.child(OrgUnitId(40));
        assert!(!a.contains(&c));
        assert_eq!(b.ids(), vec![OrgUnitId(1), OrgUnitId(4), OrgUnitId(9)]);
        assert_eq!(b.depth(), 2);
        assert!(OrgPath::parse("/1/x/").is_err());
        assert!(OrgPath::parse("/1//").is_err());
        assert!(OrgPath::parse("/1/2/").is_ok());
    }

    #[test]
    fn moves_refuse_cycles_and_wrong_kinds() {
        let root = OrgPath::root(OrgUnitId(1));
        let n = root.child(OrgUnitId(2));
        let f = n.child(OrgUnitId(3));
        let e = f.child(OrgUnitId(5));
        assert_eq!(check_move(&f, OrgKind::Forvaltning, &e, OrgKind::Enhet), Err("err.org.move_cycle"));
        assert_eq!(check_move(&f, OrgKind::Forvaltning, &f, OrgKind::Forvaltning), Err("err.org.move_cycle"));
        assert_eq!(check_move(&e, OrgKind::Enhet, &root, OrgKind::Kommunfullmaktige), Err("err.org.kind_parent"));
        let n2 = root.child(OrgUnitId(7));
        assert_eq!(check_move(&f, OrgKind::Forvaltning, &n2, OrgKind::Namnd), Ok(()));
    }

    #[test]
    fn unit_names_are_validated() {
        assert_eq!(UnitName::parse(" Socialnämnden ").map(|n| n.into_inner()), Ok("Socialnämnden".into()));
        assert!(UnitName::parse("").is_err());
        assert!(UnitName::parse(&"x".repeat(201)).is_err());
    }
}

/// A key that sorts names as Swedish does: case ignored, å, ä and ö after z (in that order).
pub fn swedish_key(s: &str) -> Vec<u32> {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'å' => 'z' as u32 + 1,
            'ä' | 'æ' => 'z' as u32 + 2,
            'ö' | 'ø' => 'z' as u32 + 3,
            'é' | 'è' => 'e' as u32,
            'ü' => 'y' as u32,
            c => c as u32,
        })
        .collect()
}

/// The city's order of units side by side: by kind (KF, KS, nämnder, förvaltningar, …, bolag,
/// externa utövare), then by name in Swedish order.
pub fn city_order(kind: OrgKind, name: &str) -> (usize, Vec<u32>) {
    (<OrgKind as crate::Code>::ALL.iter().position(|k| *k == kind).unwrap_or(usize::MAX), swedish_key(name))
}

#[cfg(test)]
mod order_tests {
    use super::*;

    #[test]
    fn swedish_names_sort_as_in_swedish() {
        let mut v = vec!["Östra nämnden", "Äldrenämnden", "Arbetsmarknadsnämnden", "Åbo nämnd", "zoo", "Barn"];
        v.sort_by_key(|s| swedish_key(s));
        assert_eq!(v, ["Arbetsmarknadsnämnden", "Barn", "zoo", "Åbo nämnd", "Äldrenämnden", "Östra nämnden"]);
        assert!(city_order(OrgKind::Kommunstyrelse, "Ö") < city_order(OrgKind::Namnd, "A"));
        assert!(city_order(OrgKind::Namnd, "Ö") < city_order(OrgKind::Bolag, "A"));
    }
}
