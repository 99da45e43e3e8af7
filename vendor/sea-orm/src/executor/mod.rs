mod cursor;
mod delete;
mod execute;
mod insert;
mod paginator;
mod query;
mod select;
mod update;

pub use cursor::*;
pub use delete::*;
pub use execute::*;
pub use insert::*;
pub use paginator::*;
pub use query::*;
pub use select::*;
pub use update::*;
