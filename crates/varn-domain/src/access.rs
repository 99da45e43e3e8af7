//! The permission model: role × action × organisation scope.
//!
//! An [`Access`] is built once per request from the user's grants. Asking it for a
//! permission yields a [`Scope`], which the store turns into a `WHERE` clause, so a list
//! never loads what the user may not see.

use crate::org::OrgPath;
use crate::role::{Permission, Role};
use crate::UserId;
use serde::Serialize;

/// A role granted to a user on a unit (covering that unit's subtree).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Grant {
    /// The role.
    pub role: Role,
    /// Path of the unit the role was granted on.
    pub unit_path: OrgPath,
}

/// Where a permission holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Nowhere.
    None,
    /// In the subtrees of these units (no path contains another).
    Units(Vec<OrgPath>),
    /// Everywhere, including things that belong to no unit (the role sits on the root).
    All,
}

impl Scope {
    /// True when the scope covers the unit at `path`.
    pub fn covers(&self, path: &OrgPath) -> bool {
        match self {
            Scope::None => false,
            Scope::All => true,
            Scope::Units(ps) => ps.iter().any(|p| p.contains(path)),
        }
    }

    /// True when the scope covers nothing.
    pub fn is_none(&self) -> bool {
        matches!(self, Scope::None)
    }

    /// True when the scope is city-wide.
    pub fn is_all(&self) -> bool {
        matches!(self, Scope::All)
    }
}

/// What one signed-in user may do, where.
#[derive(Debug, Clone)]
pub struct Access {
    /// The user.
    pub user_id: UserId,
    grants: Vec<Grant>,
}

impl Access {
    /// Builds the access of `user_id` from their grants.
    pub fn new(user_id: UserId, grants: Vec<Grant>) -> Self {
        Access { user_id, grants }
    }

    /// The grants this access was built from.
    pub fn grants(&self) -> &[Grant] {
        &self.grants
    }

    /// Whether the user holds `role` anywhere.
    pub fn has_role(&self, role: Role) -> bool {
        self.grants.iter().any(|g| g.role == role)
    }

    /// Where the user holds `p`.
    pub fn scope(&self, p: Permission) -> Scope {
        let mut paths: Vec<&OrgPath> = self.grants.iter().filter(|g| g.role.allows(p)).map(|g| &g.unit_path).collect();
        if paths.is_empty() {
            return Scope::None;
        }
        if paths.iter().any(|p| p.depth() == 0) {
            return Scope::All;
        }
        // Keep only the outermost paths, so the SQL filter stays short.
        paths.sort_by_key(|p| p.as_str().len());
        let mut kept: Vec<OrgPath> = Vec::new();
        for p in paths {
            if !kept.iter().any(|k| k.contains(p)) {
                kept.push(p.clone());
            }
        }
        Scope::Units(kept)
    }

    /// Whether the user holds `p` somewhere (e.g. to show a menu entry).
    pub fn can_somewhere(&self, p: Permission) -> bool {
        !self.scope(p).is_none()
    }

    /// Whether the user holds `p` on the unit at `path`.
    pub fn can_on(&self, p: Permission, path: &OrgPath) -> bool {
        self.scope(p).covers(path)
    }

    /// Whether the user holds `p` city-wide.
    pub fn can_everywhere(&self, p: Permission) -> bool {
        self.scope(p).is_all()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OrgUnitId;

    fn p(ids: &[i64]) -> OrgPath {
        let mut path = OrgPath::root(OrgUnitId(ids[0]));
        for id in &ids[1..] {
            path = path.child(OrgUnitId(*id));
        }
        path
    }

    #[test]
    fn a_role_covers_the_subtree_only() {
        let a = Access::new(UserId(1), vec![Grant { role: Role::Verksamhetsansvarig, unit_path: p(&[1, 2]) }]);
        assert!(a.can_on(Permission::DocumentWrite, &p(&[1, 2, 5])));
        assert!(a.can_on(Permission::DocumentWrite, &p(&[1, 2])));
        assert!(!a.can_on(Permission::DocumentWrite, &p(&[1, 3])));
        assert!(!a.can_on(Permission::DocumentWrite, &p(&[1])));
        assert!(!a.can_somewhere(Permission::AuditRead));
    }

    #[test]
    fn a_root_grant_is_city_wide() {
        let a = Access::new(UserId(1), vec![Grant { role: Role::Samordnare, unit_path: p(&[1]) }]);
        assert_eq!(a.scope(Permission::DocumentWrite), Scope::All);
        assert!(a.can_everywhere(Permission::AuditRead));
        assert_eq!(a.scope(Permission::UserAdmin), Scope::None);
    }

    #[test]
    fn nested_grants_collapse_to_the_outermost() {
        let a = Access::new(
            UserId(1),
            vec![
                Grant { role: Role::Medarbetare, unit_path: p(&[1, 2, 5]) },
                Grant { role: Role::Verksamhetsansvarig, unit_path: p(&[1, 2]) },
                Grant { role: Role::Informationsagare, unit_path: p(&[1, 3]) },
            ],
        );
        assert_eq!(a.scope(Permission::OrgRead), Scope::Units(vec![p(&[1, 2]), p(&[1, 3])]));
        assert_eq!(a.scope(Permission::DocumentWrite), Scope::Units(vec![p(&[1, 2])]));
        assert!(a.has_role(Role::Medarbetare));
        assert!(!a.has_role(Role::Revisor));
    }

    #[test]
    fn no_grants_no_access() {
        let a = Access::new(UserId(1), vec![]);
        assert!(a.scope(Permission::OrgRead).is_none());
    }
}
