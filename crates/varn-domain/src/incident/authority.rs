//! The codes of the register of authorities and networks and of the contacts made with them.

use crate::code_enum;

code_enum! {
    /// What kind of body the city works with.
    pub enum AuthorityKind("authority.kind", "err.choose") {
        /// A government authority (MCF, IMY, Polisen …).
        Myndighet,
        /// A network (SKR's networks, a regional forum …).
        Natverk,
        /// Another body (a CSIRT, a supplier's security team …).
        Annan,
    }
}

code_enum! {
    /// Who made the contact.
    pub enum Direction("authority.direction", "err.choose") {
        /// We contacted them.
        Ut,
        /// They contacted us.
        In,
    }
}

code_enum! {
    /// How the contact was made.
    pub enum Channel("authority.channel", "err.choose") {
        /// By telephone.
        Telefon,
        /// By e-mail.
        EPost,
        /// At a meeting.
        Mote,
        /// Through the authority's e-service (a report filed).
        ETjanst,
        /// Otherwise.
        Annat,
    }
}
