//! Tasks in Mina uppgifter.

use crate::code_enum;

code_enum! {
    /// Whether a task is still to do.
    pub enum TaskStatus("task.status", "err.invalid") {
        /// To do.
        Open,
        /// Done (or closed by the module that made it).
        Done,
    }
}
