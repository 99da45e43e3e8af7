//! Reading and verifying the audit log, and its signed checkpoints.
//!
//! The chain is keyed (see [`varn_domain::audit::chain_hash`]), so rows edited in the database
//! cannot be re-hashed without the key. Removing the newest rows and moving the head back
//! leaves a shorter chain that is whole in itself; a checkpoint catches that: a line with the
//! head's position and hash, signed with the key, appended to a file outside the database.
//! `verify` checks the chain against the newest checkpoint.

use crate::{Actor, App, AppError};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::Write as _;
use std::path::Path;
use varn_domain::audit::LaneHead;
use varn_domain::Permission;
use varn_store::batch::Reads;
use varn_store::entity::audit_log::Model as AuditRow;
use varn_store::repo::audit::{self as repo, AuditFilter, Checkpoint, Verdict};
use varn_store::repo::{org, settings, users, ListParams, Page};

/// One line of the checkpoint file.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct CheckpointLine {
    /// Lane 1's rows (before the chain had lanes: the head's sequence number, the same).
    pub seq: i64,
    /// Lane 1's newest row's hash.
    pub hash: String,
    /// The other lanes that held rows (left out when none did, as in lines written before
    /// the chain had lanes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lanes: Vec<LaneHead>,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// HMAC of the above with the audit key.
    pub sig: String,
}

impl CheckpointLine {
    /// Rows in all lanes when the line was written.
    pub fn rows(&self) -> i64 {
        self.seq + self.lanes.iter().map(|l| l.seq).sum::<i64>()
    }
}

/// The setting that remembers which key wrote the chain.
const KEY_ID: &str = "audit_key_id";

impl App {
    /// Audit rows the actor may read (their AuditRead scope), newest first.
    pub async fn audit_list(&self, actor: &Actor, f: &AuditFilter, p: &ListParams) -> Result<Page<AuditRow>, AppError> {
        let cap = actor.can(Permission::AuditRead)?;
        Ok(repo::list(self.store.read(), cap.scope(), f, p).await?)
    }

    /// The names of the people and units the audit rows the actor has just read refer to by
    /// id (a handler, a unit moved), so the log reads "Handläggare: Sara Lindqvist", not a
    /// number: one batch of two reads, none when there is nothing to name. An id of a row
    /// since deleted has no name.
    pub async fn audit_names(
        &self,
        actor: &Actor,
        user_ids: Vec<i64>,
        unit_ids: Vec<i64>,
    ) -> Result<(HashMap<i64, String>, HashMap<i64, String>), AppError> {
        actor.can(Permission::AuditRead)?;
        if user_ids.is_empty() && unit_ids.is_empty() {
            return Ok(Default::default());
        }
        // An export's 100 000 rows may name thousands: read in parts well under the
        // databases' limits on bound values, all in the one batch.
        const PART: usize = 2_000;
        let db = self.store.read();
        let mut b = Reads::on(db);
        let people: Vec<_> = user_ids.chunks(PART).map(|c| b.add(users::names_by_ids_query(c.to_vec()))).collect();
        let units: Vec<_> = unit_ids.chunks(PART).map(|c| b.add(org::names_by_ids_query(c.to_vec()))).collect();
        let mut got = b.run(db).await?;
        let mut names = (HashMap::new(), HashMap::new());
        for p in people {
            names.0.extend(got.take(p)?.into_iter().map(|u| (u.id, u.display_name)));
        }
        for p in units {
            names.1.extend(got.take(p)?.into_iter().map(|u| (u.id, u.name)));
        }
        Ok(names)
    }

    /// Checks that the store's audit key is the one the chain was written with (remembered by
    /// its fingerprint at the first start), so a server started with the wrong key refuses to
    /// start instead of writing rows no one can verify. `remember`: note the key's
    /// fingerprint if none is noted yet (not on a read-only database).
    pub async fn check_audit_key(&self, remember: bool) -> Result<(), AppError> {
        let id = self.store.audit_key().id();
        match settings::get(self.store.read(), KEY_ID).await? {
            Some(known) if known == id => Ok(()),
            Some(known) => Err(AppError::Internal(format!(
                "the audit key (id {id}) is not the key this database's audit chain was written with (id {known})"
            ))),
            None if remember => {
                settings::set(self.store.write(), KEY_ID, &id).await?;
                Ok(())
            }
            None => Ok(()),
        }
    }

    /// Checks the whole chain with the key, and against the newest checkpoint when there is
    /// a checkpoint file. A checkpoint line with a wrong signature is itself a break.
    pub async fn audit_verify(&self) -> Result<Verdict, AppError> {
        let checkpoint = match self.config.audit_checkpoint_file.as_deref() {
            Some(path) => match read_checkpoints(path, self)? {
                Ok(c) => c,
                Err(bad) => return Ok(Verdict::Broken { seq: bad, reason: "checkpoint_signature" }),
            },
            None => None,
        };
        Ok(repo::verify(self.store.read(), self.store.audit_key(), checkpoint.as_ref()).await?)
    }

    /// Appends a signed checkpoint of the head to the checkpoint file (created with mode
    /// 0600 if missing) and returns it. `None` when the head has not moved since the newest
    /// checkpoint and `only_if_moved` is set (the automatic checkpoint).
    pub async fn audit_checkpoint(&self, only_if_moved: bool) -> Result<Option<CheckpointLine>, AppError> {
        let path =
            self.config.audit_checkpoint_file.as_deref().ok_or_else(|| AppError::Internal("no checkpoint file is configured".into()))?;
        let head = repo::head(self.store.read()).await?;
        if only_if_moved {
            if let Ok(Some(last)) = read_checkpoints(path, self)? {
                if last == head {
                    return Ok(None);
                }
            }
        }
        let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let sig = self.store.audit_key().sign_checkpoint(head.seq, &head.hash, &head.lanes, &at);
        let line = CheckpointLine { seq: head.seq, hash: head.hash, lanes: head.lanes, at, sig };
        let text = serde_json::to_string(&line).map_err(|e| AppError::Internal(e.to_string()))?;
        append_line(path, &text).map_err(|e| AppError::Internal(format!("could not write {}: {e}", path.display())))?;
        Ok(Some(line))
    }
}

/// The newest valid checkpoint in the file (none if there is no file), or `Err(seq)` for the
/// first line whose signature does not hold.
fn read_checkpoints(path: &Path, app: &App) -> Result<Result<Option<Checkpoint>, i64>, AppError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Ok(None)),
        Err(e) => return Err(AppError::Internal(format!("could not read {}: {e}", path.display()))),
    };
    let key = app.store.audit_key();
    let mut newest: Option<Checkpoint> = None;
    for l in text.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(c) = serde_json::from_str::<CheckpointLine>(l) else {
            return Ok(Err(newest.map(|n| n.rows() + 1).unwrap_or(0)));
        };
        if key.sign_checkpoint(c.seq, &c.hash, &c.lanes, &c.at) != c.sig {
            return Ok(Err(c.seq));
        }
        let c = Checkpoint { seq: c.seq, hash: c.hash, lanes: c.lanes };
        if newest.as_ref().is_none_or(|n| c.rows() >= n.rows()) {
            newest = Some(c);
        }
    }
    Ok(Ok(newest))
}

/// Appends one line, creating the file readable and writable by its owner only.
fn append_line(path: &Path, text: &str) -> std::io::Result<()> {
    let mut o = std::fs::OpenOptions::new();
    o.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    let mut f = o.open(path)?;
    f.write_all(format!("{text}\n").as_bytes())?;
    f.sync_all()
}
