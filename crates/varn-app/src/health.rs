//! Readiness: the database answers reads and takes writes.

use crate::{App, AppError};

/// Whether each part works; the errors are logged, not shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Readiness {
    /// A read on the read pool answered.
    pub read: bool,
    /// A write on the write pool was taken (and rolled back).
    pub write: bool,
}

impl Readiness {
    /// Both parts work.
    pub fn ready(&self) -> bool {
        self.read && self.write
    }
}

impl App {
    /// Probes the database now.
    pub async fn readiness(&self) -> Readiness {
        let (read, write) = self.store.probe().await;
        if let Err(e) = &read {
            tracing::error!(error = %e, "readiness: the database does not answer reads");
        }
        if let Err(e) = &write {
            tracing::error!(error = %e, "readiness: the database does not take writes");
        }
        Readiness { read: read.is_ok(), write: write.is_ok() }
    }

    /// At start: a database that cannot be written (read-only file or mount, full disk) is a
    /// clear error, not a server whose every sign-in fails.
    pub async fn check_writable(&self) -> Result<(), AppError> {
        let (_, write) = self.store.probe().await;
        write.map_err(|e| AppError::Internal(format!("the database does not take writes ({e}): is it read-only, or the disk full?")))
    }
}
