//! How a module's things are put into words, shared by the pages and the API (the PDF of
//! a document, say): a leaf beside `respond`, knowing the catalogue and the use cases only.

pub mod documents;

use crate::i18n::Tr;
use varn_domain::Code;

/// The label of a code in the catalogue (`doc.status.gallande` → "Gällande").
pub fn label<C: Code>(tr: Tr, c: C) -> String {
    tr.t(&c.key()).to_owned()
}

/// Every value of a code with its label, for a select or a filter.
pub fn options<C: Code>(tr: Tr) -> Vec<(&'static str, String)> {
    C::ALL.iter().map(|c| (c.as_str(), label(tr, *c))).collect()
}
