//! Group commit for SQLite: the write-ahead log synced once for every writer that committed
//! while the last sync ran, instead of once per commit.
//!
//! With `synchronous=FULL` SQLite syncs the WAL inside each commit, on the one writer
//! connection: the next writer waits for the disk (0.6–0.8 ms on the project's machine), a
//! ceiling near 1 300 writes a second. The writer connection now runs `synchronous=NORMAL`
//! (a commit writes its frames to the WAL file without syncing it) and a write is
//! acknowledged only once [`WalSync::synced_through`] has returned: the WAL file has been
//! synced (`fdatasync`) by a sync that started after the write's commit. While one sync runs,
//! the writers that commit behind it wait together for the next, which covers them all. An
//! acknowledged write therefore survives a power cut as it did with `FULL`; the writer
//! connection is free for the next transaction while the disk works.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use tokio::sync::Mutex;

/// The WAL of one SQLite database and how far it is known to be on the disk.
#[derive(Debug)]
pub struct WalSync {
    wal: PathBuf,
    /// Commits counted so far (a commit counts once it has returned).
    committed: AtomicU64,
    /// Every commit up to this count is on the disk.
    synced: AtomicU64,
    /// Syncs done (for the benchmark's and the tests' eyes).
    syncs: AtomicU64,
    /// One sync at a time; the writers behind it queue here.
    turn: Mutex<()>,
}

impl WalSync {
    /// For the database file `db` (its WAL is `db-wal`).
    pub fn new(db: &str) -> Self {
        WalSync {
            wal: PathBuf::from(format!("{db}-wal")),
            committed: AtomicU64::new(0),
            synced: AtomicU64::new(0),
            syncs: AtomicU64::new(0),
            turn: Mutex::new(()),
        }
    }

    /// Counts a commit that has returned; its number, for [`WalSync::synced_through`].
    pub fn committed(&self) -> u64 {
        self.committed.fetch_add(1, Ordering::AcqRel) + 1
    }

    /// Returns once commit `n` is on the disk: at once if a sync that started after it has
    /// ended, else after the next sync (run by this caller or by one ahead of it).
    pub async fn synced_through(&self, n: u64) -> std::io::Result<()> {
        if self.synced.load(Ordering::Acquire) >= n {
            return Ok(());
        }
        let _turn = self.turn.lock().await;
        if self.synced.load(Ordering::Acquire) >= n {
            return Ok(());
        }
        // Every commit counted by now has written its frames: the sync below covers them.
        let through = self.committed.load(Ordering::Acquire);
        let wal = self.wal.clone();
        let done = tokio::task::spawn_blocking(move || match std::fs::File::open(&wal) {
            Ok(f) => f.sync_data(),
            // No WAL: the last connection closed and checkpointed it into the database
            // file, which SQLite synced.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e),
        })
        .await
        .map_err(std::io::Error::other)?;
        done?;
        self.syncs.fetch_add(1, Ordering::Relaxed);
        self.synced.fetch_max(through, Ordering::AcqRel);
        Ok(())
    }

    /// (Commits counted, commits known on the disk, syncs done.)
    pub fn counts(&self) -> (u64, u64, u64) {
        (self.committed.load(Ordering::Acquire), self.synced.load(Ordering::Acquire), self.syncs.load(Ordering::Relaxed))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::WalSync;
    use std::sync::Arc;

    /// A commit is acknowledged only after a sync that started after it; writers waiting
    /// together share one sync; a WAL that is not there (checkpointed away) is nothing to sync.
    #[tokio::test]
    async fn a_sync_covers_the_commits_before_it_and_is_shared() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("x.sqlite");
        std::fs::write(format!("{}-wal", db.display()), b"frames").unwrap();
        let w = Arc::new(WalSync::new(&db.display().to_string()));
        let first = w.committed();
        assert_eq!(w.counts(), (1, 0, 0));
        w.synced_through(first).await.unwrap();
        assert_eq!(w.counts(), (1, 1, 1), "the first commit synced");
        w.synced_through(first).await.unwrap();
        assert_eq!(w.counts().2, 1, "a commit already on the disk needs no sync");

        // Sixteen commits, then their sixteen waits: the first sync covers all of them.
        let ns: Vec<u64> = (0..16).map(|_| w.committed()).collect();
        let waits: Vec<_> = ns
            .iter()
            .map(|&n| {
                let w = w.clone();
                tokio::spawn(async move { w.synced_through(n).await })
            })
            .collect();
        for r in waits {
            r.await.unwrap().unwrap();
        }
        assert_eq!(w.counts(), (17, 17, 2), "one sync for the sixteen that committed before it");

        std::fs::remove_file(format!("{}-wal", db.display())).unwrap();
        let n = w.committed();
        w.synced_through(n).await.unwrap();
        assert_eq!(w.counts().1, 18);
    }
}
