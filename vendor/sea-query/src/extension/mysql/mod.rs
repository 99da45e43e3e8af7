mod column;
mod index;
mod select;

pub use column::*;
pub use index::*;
pub use select::*;
