//! The codes of the information-asset module: carrier kinds, hosting, forms of information,
//! self-assessments and kinds of requirement.

use crate::code_enum;

code_enum! {
    /// What carries information (informationsbärare), every kind the policy names.
    pub enum CarrierKind("asset.kind", "err.asset.kind_invalid") {
        /// Pappersdokument and archives.
        Papper,
        /// Removable media (USB sticks, discs, tapes).
        FlyttbartMedium,
        /// An IT system run for the city.
        ItSystem,
        /// An IT service used over the internet (cloud).
        ItTjanst,
        /// People: a role or function that holds the information.
        Person,
    }
}

impl CarrierKind {
    /// Whether the kind is an IT system or service (systemägare, supplier, hosting apply).
    pub fn is_it(self) -> bool {
        matches!(self, CarrierKind::ItSystem | CarrierKind::ItTjanst)
    }
}

code_enum! {
    /// Where an IT system or service runs.
    pub enum Hosting("asset.hosting", "err.asset.hosting_invalid") {
        /// In the city's own data centre.
        EgenDrift,
        /// At the supplier's site.
        Leverantor,
        /// In a cloud service.
        Moln,
    }
}

code_enum! {
    /// The forms information takes.
    pub enum InfoForm("asset.form", "err.asset.form_invalid") {
        /// Text.
        Text,
        /// Sound.
        Ljud,
        /// Image.
        Bild,
        /// Film.
        Film,
    }
}

code_enum! {
    /// A self-assessment of one requirement of a handlingsplan.
    pub enum Assessment("asset.assess", "err.asset.assess_invalid") {
        /// Met.
        Uppfyllt,
        /// Partly met.
        Delvis,
        /// Not met.
        EjUppfyllt,
        /// Not applicable.
        EjTillampligt,
    }
}

impl Assessment {
    /// Whether something remains to be done (an owner and a due date make it a task).
    pub fn is_open(self) -> bool {
        matches!(self, Assessment::Delvis | Assessment::EjUppfyllt)
    }
}

code_enum! {
    /// Whom a requirement binds.
    pub enum ReqKind("asset.reqkind", "err.asset.reqkind_invalid") {
        /// The city's own handling of the information.
        Egen,
        /// A requirement to put into procurement (upphandlingskrav).
        Upphandling,
    }
}
