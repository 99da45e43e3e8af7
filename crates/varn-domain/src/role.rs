//! Roles of DOMAIN.md and the permissions each gives. A role is granted on an organisation
//! unit and covers its subtree; see [`crate::access`].

use crate::code_enum;
use serde::{Deserialize, Serialize};

/// What a user may do, before the organisation scope narrows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    /// See organisation units (within scope).
    OrgRead,
    /// Create, rename, move and deactivate units (within scope).
    OrgWrite,
    /// See user accounts and their role grants.
    UserRead,
    /// Create and deactivate users, grant and revoke roles.
    UserAdmin,
    /// Read the audit log.
    AuditRead,
    /// Styrdokument: read published documents in scope (the employee's own reading of the
    /// documents that apply to them needs no permission).
    DocumentRead,
    /// Styrdokument: write drafts, send on remiss, revise, ask for read confirmation.
    DocumentWrite,
    /// Styrdokument: register a decision (adopt, repeal).
    DocumentAdopt,
    /// Informationstillgångar: read assets in scope and the city's carrier register.
    AssetRead,
    /// Informationstillgångar: register, change and classify every asset and carrier in scope.
    AssetWrite,
    /// Informationstillgångar: register, change and classify the assets one owns
    /// (informationsägare), within scope.
    AssetOwn,
    /// Incidenter: read the incidents of the units in scope (one's own reports need none).
    IncidentRead,
    /// Incidenter: triage and handle the incidents of the units in scope, answer the
    /// reporting duties, record reports sent, escalate.
    IncidentHandle,
    /// Riskhantering: read the risk analyses and risks of the units in scope.
    RiskRead,
    /// Riskhantering: make and change risk analyses and risks in scope, link them, close them.
    RiskWrite,
    /// Riskhantering: accept a risk in scope on the unit's behalf (at the level the matrix
    /// asks of the risk's level).
    RiskAccept,
    /// Find the people holding a role in scope by name (the fields that name a person).
    PeopleSearch,
    /// Follow up the open and overdue work of the units in scope (uppföljning).
    Supervise,
    /// System settings.
    SettingsAdmin,
    /// Report an incident, take training, acknowledge adopted documents.
    Participate,
}

code_enum! {
    /// A role of DOMAIN.md ("Who uses it"), most powerful first.
    pub enum Role("role", "err.role_invalid") {
        /// Systemadministratör: users, roles, settings; domain data read-only.
        SystemAdmin,
        /// Informationssäkerhetssamordnare: everything, city-wide.
        Samordnare,
        /// Revisor / granskare: reads everything, writes nothing.
        Revisor,
        /// Verksamhetsansvarig: head of a nämnd, förvaltning, bolag or enhet.
        Verksamhetsansvarig,
        /// Informationsägare: owner of information assets.
        Informationsagare,
        /// Registrator / nämndsekreterare: registers the decisions of the body (KF, KS, a
        /// nämnd, a bolag's styrelse) on whose unit the role is granted.
        Registrator,
        /// Medarbetare: every employee.
        Medarbetare,
    }
}

impl Role {
    /// The permissions this role gives, wherever it is granted.
    pub fn permissions(self) -> &'static [Permission] {
        use Permission::*;
        match self {
            Role::SystemAdmin => &[
                OrgRead,
                OrgWrite,
                UserRead,
                UserAdmin,
                AuditRead,
                DocumentRead,
                AssetRead,
                RiskRead,
                SettingsAdmin,
                PeopleSearch,
                Participate,
            ],
            Role::Samordnare => &[
                OrgRead,
                OrgWrite,
                UserRead,
                AuditRead,
                DocumentRead,
                DocumentWrite,
                DocumentAdopt,
                AssetRead,
                AssetWrite,
                IncidentRead,
                IncidentHandle,
                RiskRead,
                RiskWrite,
                Supervise,
                PeopleSearch,
                Participate,
            ],
            Role::Revisor => {
                &[OrgRead, UserRead, AuditRead, DocumentRead, AssetRead, IncidentRead, RiskRead, Supervise, PeopleSearch, Participate]
            }
            Role::Verksamhetsansvarig => &[
                OrgRead,
                OrgWrite,
                UserRead,
                DocumentRead,
                DocumentWrite,
                DocumentAdopt,
                AssetRead,
                AssetWrite,
                IncidentRead,
                IncidentHandle,
                RiskRead,
                RiskWrite,
                RiskAccept,
                Supervise,
                PeopleSearch,
                Participate,
            ],
            Role::Informationsagare => &[OrgRead, DocumentRead, AssetRead, AssetOwn, RiskRead, RiskWrite, PeopleSearch, Participate],
            Role::Registrator => &[OrgRead, DocumentRead, DocumentAdopt, PeopleSearch, Participate],
            Role::Medarbetare => &[OrgRead, Participate],
        }
    }

    /// Whether this role gives `p`.
    pub fn allows(self, p: Permission) -> bool {
        self.permissions().contains(&p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Code;

    #[test]
    fn roles_round_trip() {
        for &r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Ok(r));
        }
        assert!(Role::parse("root").is_err());
    }

    #[test]
    fn the_table_of_domain_md_holds() {
        // Admin: users, roles, settings; no domain data beyond reading.
        assert!(Role::SystemAdmin.allows(Permission::UserAdmin));
        assert!(!Role::SystemAdmin.allows(Permission::DocumentWrite));
        assert!(Role::SystemAdmin.allows(Permission::DocumentRead));
        // Samordnare reads and writes everything but does not administer accounts.
        assert!(Role::Samordnare.allows(Permission::DocumentWrite));
        assert!(!Role::Samordnare.allows(Permission::UserAdmin));
        // Revisor writes nothing.
        for p in Role::Revisor.permissions() {
            assert!(!matches!(
                p,
                Permission::OrgWrite
                    | Permission::DocumentWrite
                    | Permission::DocumentAdopt
                    | Permission::AssetWrite
                    | Permission::AssetOwn
                    | Permission::IncidentHandle
                    | Permission::RiskWrite
                    | Permission::RiskAccept
                    | Permission::UserAdmin
                    | Permission::SettingsAdmin
            ));
        }
        // Medarbetare cannot read the audit log or domain data.
        assert!(!Role::Medarbetare.allows(Permission::AuditRead));
        assert!(!Role::Medarbetare.allows(Permission::DocumentRead));
        assert!(Role::Medarbetare.allows(Permission::Participate));
        // Incidents are need-to-know: the administrator and an employee see none but their own.
        assert!(!Role::SystemAdmin.allows(Permission::IncidentRead));
        assert!(!Role::Medarbetare.allows(Permission::IncidentRead));
        assert!(Role::Verksamhetsansvarig.allows(Permission::IncidentHandle));
        // Risks are accepted by the line (a head), not by the samordnare who advises.
        assert!(Role::Verksamhetsansvarig.allows(Permission::RiskAccept));
        assert!(!Role::Samordnare.allows(Permission::RiskAccept) && Role::Samordnare.allows(Permission::RiskWrite));
        assert!(!Role::Medarbetare.allows(Permission::RiskRead) && !Role::Registrator.allows(Permission::RiskRead));
        // The follow-up of work: the samordnare, the auditor and the heads; not the others.
        for r in [Role::Samordnare, Role::Revisor, Role::Verksamhetsansvarig] {
            assert!(r.allows(Permission::Supervise), "{r:?}");
        }
        for r in [Role::SystemAdmin, Role::Informationsagare, Role::Registrator, Role::Medarbetare] {
            assert!(!r.allows(Permission::Supervise), "{r:?}");
        }
        // An employee names nobody in a form, so searches nobody.
        assert!(!Role::Medarbetare.allows(Permission::PeopleSearch));
        assert!(Role::Informationsagare.allows(Permission::PeopleSearch));
    }
}
