//! Restoring a SQLite backup: the copy is checked first (integrity, schema version, the
//! audit chain under this installation's key), and the database it replaces is kept aside.

use crate::{repo, sqlite_path, Durability, Store, StoreConfig, StoreError};
use sea_orm::{ConnectionTrait, Statement};
use std::path::{Path, PathBuf};

/// What a restore did.
#[derive(Debug, Clone)]
pub struct Restored {
    /// Rows in the restored audit chain.
    pub audit_rows: i64,
    /// Where the replaced database was put (none if there was none).
    pub kept_aside: Option<PathBuf>,
}

/// Checks a copy: a SQLite file at this binary's migrations, `integrity_check` ok, and its
/// audit chain whole under `key`. Returns the chain's length.
pub async fn check_copy(file: &Path, key: &varn_domain::audit::AuditKey) -> Result<i64, StoreError> {
    let url = format!("sqlite://{}", file.display());
    let cfg = StoreConfig { url, max_connections: 1, durability: Durability::Full, mmap_mib: crate::DEFAULT_MMAP_MIB };
    let s = Store::open_existing(&cfg, true).await?;
    let row = s.read().query_one(Statement::from_string(s.backend(), "PRAGMA integrity_check")).await?;
    let verdict: String = row.map(|r| r.try_get_by_index::<String>(0)).transpose()?.unwrap_or_default();
    if verdict != "ok" {
        s.close().await;
        return Err(StoreError::Open(format!("{}: integrity_check says {verdict}", file.display())));
    }
    let chain = repo::audit::verify(s.read(), key, None).await?;
    s.close().await;
    match chain {
        repo::audit::Verdict::Whole { rows } => Ok(rows),
        repo::audit::Verdict::Broken { seq, reason } => Err(StoreError::Open(format!(
            "{}: the audit chain is broken at row {seq} ({reason}), or the copy was made with another audit key",
            file.display()
        ))),
    }
}

/// Replaces the SQLite database at `target_url` with the checked copy `file`. The caller
/// makes sure no server uses the database. The database replaced (with its WAL) is renamed
/// `<name>.replaced-<time>`; the copy is written beside the target and renamed into place.
pub async fn restore_sqlite(file: &Path, target_url: &str, key: &varn_domain::audit::AuditKey) -> Result<Restored, StoreError> {
    let target = sqlite_path(target_url).ok_or_else(|| StoreError::Open("restore is for SQLite; use pg_restore for PostgreSQL".into()))?;
    let target = PathBuf::from(target);
    if !file.is_file() {
        return Err(StoreError::Open(format!("there is no backup at {}", file.display())));
    }
    let audit_rows = check_copy(file, key).await?;
    let io = |e: std::io::Error, what: &Path| StoreError::Open(format!("{}: {e}", what.display()));
    let tmp = target.with_extension("sqlite.restoring");
    std::fs::copy(file, &tmp).map_err(|e| io(e, &tmp))?;
    std::fs::File::open(&tmp).and_then(|f| f.sync_all()).map_err(|e| io(e, &tmp))?;
    let mut kept_aside = None;
    if target.exists() {
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
        let aside = PathBuf::from(format!("{}.replaced-{stamp}", target.display()));
        for suffix in ["", "-wal", "-shm"] {
            let from = PathBuf::from(format!("{}{suffix}", target.display()));
            if from.exists() {
                let to = PathBuf::from(format!("{}{suffix}", aside.display()));
                std::fs::rename(&from, &to).map_err(|e| io(e, &from))?;
            }
        }
        kept_aside = Some(aside);
    }
    std::fs::rename(&tmp, &target).map_err(|e| io(e, &target))?;
    Ok(Restored { audit_rows, kept_aside })
}
