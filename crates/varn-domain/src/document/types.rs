//! The codes of governing documents: types, deciding bodies, priorities, life-cycle states
//! and version states.

use crate::code::Code;
use crate::code_enum;

code_enum! {
    /// The four types of governing document.
    pub enum DocType("doc.type", "err.doc.type_invalid") {
        /// Policy: values and aims, adopted by kommunfullmäktige, valid until further notice.
        Policy,
        /// Strategi: actions with responsible, deadline and priority; kommunstyrelsen; limited period.
        Strategi,
        /// Riktlinje: how something is achieved; kommunstyrelsen.
        Riktlinje,
        /// Anvisning or rutin: execution; approved by förvaltningschef/chef, no political decision.
        Anvisning,
    }
}

impl DocType {
    /// Whether a document of this type may implement (sit under) one of type `parent`.
    pub fn may_implement(self, parent: DocType) -> bool {
        use DocType::*;
        match self {
            Policy => false,
            Strategi => parent == Policy,
            Riktlinje => matches!(parent, Policy | Strategi),
            // "ren verkställighet av riktlinjer eller andra styrdokument"
            Anvisning => matches!(parent, Policy | Strategi | Riktlinje),
        }
    }

    /// Place in the tree, from the top (policy 0).
    pub fn rank(self) -> usize {
        self as usize
    }
}

code_enum! {
    /// Who adopts or approves a document.
    pub enum DecidingBody("doc.body", "err.doc.body_invalid") {
        /// Kommunfullmäktige.
        Kommunfullmaktige,
        /// Kommunstyrelsen.
        Kommunstyrelse,
        /// A nämnd (only where the city's rules allow it).
        Namnd,
        /// A bolag's styrelse (or bolagsstämma): the documents of a municipal company.
        Styrelse,
        /// Förvaltningschef or chef: no political decision.
        Chef,
    }
}

impl DecidingBody {
    /// The kind of unit that is this body (none for a chef, who approves as a person).
    pub fn unit_kind(self) -> Option<crate::OrgKind> {
        use crate::OrgKind;
        match self {
            DecidingBody::Kommunfullmaktige => Some(OrgKind::Kommunfullmaktige),
            DecidingBody::Kommunstyrelse => Some(OrgKind::Kommunstyrelse),
            DecidingBody::Namnd => Some(OrgKind::Namnd),
            DecidingBody::Styrelse => Some(OrgKind::Bolag),
            DecidingBody::Chef => None,
        }
    }

    /// Whether it decides for the whole city (or any part of it), not only its own subtree.
    pub fn decides_city_wide(self) -> bool {
        matches!(self, DecidingBody::Kommunfullmaktige | DecidingBody::Kommunstyrelse)
    }

    /// Whether one city has exactly one unit that is this body (so the form need not ask which).
    pub fn is_unique(self) -> bool {
        self.decides_city_wide()
    }
}

code_enum! {
    /// Priority of a strategy action, highest first.
    pub enum Priority("doc.prio", "err.doc.priority_invalid") {
        /// Hög.
        Hog,
        /// Medel.
        Medel,
        /// Låg.
        Lag,
    }
}

code_enum! {
    /// Where a document is in its life.
    pub enum Status("doc.status", "err.doc.status_invalid") {
        /// Utkast.
        Utkast,
        /// På remiss: reviewers comment.
        PaRemiss,
        /// Beslutad/gällande.
        Gallande,
        /// Under revision: a new version is being written; the adopted one stays valid.
        UnderRevision,
        /// Upphävd.
        Upphavd,
    }
}

code_enum! {
    /// Where a version is: the open draft, the adopted one in force, or one it replaced.
    pub enum VersionState("doc.vstate", "err.invalid") {
        /// Being written (or on remiss).
        Draft,
        /// Adopted and in force (frozen).
        Adopted,
        /// Adopted once, replaced by a later version (frozen).
        Superseded,
    }
}

impl Status {
    /// Whether the text may be changed in this status (on remiss the reviewers read a fixed text).
    pub fn is_editable(self) -> bool {
        matches!(self, Status::Utkast | Status::UnderRevision)
    }

    /// Whether the document is published: readable beyond its editors.
    pub fn is_live(self) -> bool {
        !matches!(self, Status::Utkast | Status::Upphavd)
    }

    /// The moves the life cycle allows. A revision may also go on remiss and come back.
    pub fn may_move_to(self, to: Status) -> bool {
        use Status::*;
        matches!(
            (self, to),
            (Utkast, PaRemiss)
                | (PaRemiss, Utkast)
                | (Utkast, Gallande)
                | (PaRemiss, Gallande)
                | (Gallande, UnderRevision)
                | (UnderRevision, Gallande)
                | (UnderRevision, PaRemiss)
                | (PaRemiss, UnderRevision)
                | (Gallande, Upphavd)
                | (UnderRevision, Upphavd)
        )
    }

    /// The moves open from here for a document that has (or has not) an adopted version: back
    /// from remiss goes to where the document came from.
    pub fn moves(self, adopted: bool) -> Vec<Status> {
        Status::ALL.iter().copied().filter(|to| self.may_move(*to, adopted)).collect()
    }

    /// [`Status::may_move_to`] for a document that has (or has not) an adopted version.
    pub fn may_move(self, to: Status, adopted: bool) -> bool {
        let back_from_remiss = self == Status::PaRemiss && matches!(to, Status::Utkast | Status::UnderRevision);
        self.may_move_to(to) && (!back_from_remiss || (to == Status::UnderRevision) == adopted)
    }
}
