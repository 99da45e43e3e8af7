pub(crate) mod combine;
mod delete;
mod helper;
mod insert;
mod join;
#[cfg(feature = "with-json")]
mod json;
mod loader;
mod select;
mod traits;
mod update;
mod util;

pub use combine::{SelectA, SelectB, SelectC};
pub use delete::*;
pub use helper::*;
pub use insert::*;
#[cfg(feature = "with-json")]
pub use json::*;
pub use loader::*;
pub use select::*;
pub use traits::*;
pub use update::*;
pub use util::*;

pub use crate::{
    ConnectionTrait, CursorTrait, InsertResult, PaginatorTrait, Statement, StreamTrait,
    TransactionTrait, UpdateResult, Value, Values,
};
