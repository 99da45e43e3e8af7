//! The signed-in user and the capabilities their roles give.

use crate::AppError;
use varn_domain::{Access, OrgPath, Permission, Role, Scope, UserId};

/// Who is acting.
#[derive(Debug, Clone)]
pub struct Actor {
    /// Id.
    pub id: UserId,
    /// Sign-in name.
    pub username: String,
    /// Name to show.
    pub display_name: String,
    /// What they may do, where.
    pub access: Access,
    /// The units they act for as head: those they head, or hold Verksamhetsansvarig on (their
    /// tasks and follow-up include the units' own). Kept with the session like the roles.
    pub acted_for: Vec<i64>,
}

/// Proof that the actor holds a permission, and where. Only [`Actor::can`] makes one, and
/// a write can only be opened with one ([`crate::App::begin`]), so code that has not asked
/// cannot reach a write.
#[derive(Debug, Clone)]
pub struct Capability<'a> {
    actor: &'a Actor,
    permission: Permission,
    scope: Scope,
}

impl<'a> Capability<'a> {
    /// Who holds it.
    pub fn actor(&self) -> &'a Actor {
        self.actor
    }

    /// Which permission.
    pub fn permission(&self) -> Permission {
        self.permission
    }

    /// Where it holds.
    pub fn scope(&self) -> &Scope {
        &self.scope
    }

    /// The audit row of a change made with this capability.
    pub fn audit(&self, action: &str, entity_type: &str) -> crate::write::Audit {
        crate::write::Audit::by(self.actor, action, entity_type)
    }

    /// Checks that the capability covers the unit at `path`.
    pub fn covers(&self, path: &str) -> Result<(), AppError> {
        let p = OrgPath::parse(path).map_err(|_| AppError::Internal(format!("bad path {path}")))?;
        if self.scope.covers(&p) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }
}

impl Actor {
    /// The capability for `p`, or `Forbidden` when the actor holds it nowhere.
    pub fn can(&self, p: Permission) -> Result<Capability<'_>, AppError> {
        let scope = self.access.scope(p);
        if scope.is_none() {
            Err(AppError::Forbidden)
        } else {
            Ok(Capability { actor: self, permission: p, scope })
        }
    }

    /// The scope of `p` (possibly none) for reads that show an empty list rather than 403.
    pub fn scope(&self, p: Permission) -> Scope {
        self.access.scope(p)
    }

    /// Whether the actor holds `role` anywhere.
    pub fn has_role(&self, r: Role) -> bool {
        self.access.has_role(r)
    }

    /// The audit row of a change this actor makes.
    pub fn audit(&self, action: &str, entity_type: &str) -> crate::write::Audit {
        crate::write::Audit::by(self, action, entity_type)
    }
}
