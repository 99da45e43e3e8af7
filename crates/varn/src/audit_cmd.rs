//! The audit chain's key, `varn audit verify` and `varn audit checkpoint`.

use crate::config::Config;
use anyhow::Context;
use rand::RngCore;
use std::io::Write;
use varn_domain::audit::AuditKey;
use varn_store::repo::audit::Verdict;

/// Shortest key accepted from `VARN_AUDIT_KEY`.
const MIN_KEY_CHARS: usize = 32;

/// The key of the audit chain: `VARN_AUDIT_KEY` (for several servers on one PostgreSQL
/// database, which must share it), else the key file in the data folder, created with 32
/// random bytes and mode 0600 when missing and `create` (a maintenance command never
/// creates one: a missing key file there means the wrong data folder).
pub fn audit_key(cfg: &Config, create: bool) -> anyhow::Result<AuditKey> {
    if !cfg.audit_key.is_empty() {
        anyhow::ensure!(cfg.audit_key.chars().count() >= MIN_KEY_CHARS, "VARN_AUDIT_KEY must be at least {MIN_KEY_CHARS} characters");
        return Ok(AuditKey::new(cfg.audit_key.as_bytes()));
    }
    let path = cfg.data_dir.join("audit.key");
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let bytes = hex::decode(text.trim()).with_context(|| format!("{} does not hold a key in hex", path.display()))?;
            anyhow::ensure!(bytes.len() >= 32, "{} holds too short a key", path.display());
            warn_if_readable_by_others(&path);
            Ok(AuditKey::new(&bytes))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !create => {
            anyhow::bail!("there is no audit key at {}: give the right --data-dir, or VARN_AUDIT_KEY", path.display())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(&cfg.data_dir).with_context(|| format!("could not create {}", cfg.data_dir.display()))?;
            let mut bytes = [0u8; 32];
            rand::rngs::OsRng.fill_bytes(&mut bytes);
            let mut o = std::fs::OpenOptions::new();
            o.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                o.mode(0o600);
            }
            let mut f = o.open(&path).with_context(|| format!("could not create {}", path.display()))?;
            f.write_all(hex::encode(bytes).as_bytes())?;
            f.sync_all()?;
            tracing::info!(path = %path.display(), "audit key created");
            Ok(AuditKey::new(&bytes))
        }
        Err(e) => Err(e).with_context(|| format!("could not read {}", path.display())),
    }
}

fn warn_if_readable_by_others(path: &std::path::Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(m) = std::fs::metadata(path) {
            if m.permissions().mode() & 0o077 != 0 {
                tracing::warn!(path = %path.display(), "the audit key file can be read by others than its owner: chmod 600 it");
            }
        }
    }
}

/// `varn audit verify`: 0 when the chain is whole, 1 when it is broken (the first bad row
/// named), 2 when it could not be checked (no database where the configuration points, or it
/// could not be read) — a misplaced `--data-dir` is not a broken chain, nor a whole one.
pub async fn verify(cfg: &Config) -> i32 {
    // A missing database is refused by `open_existing`, with its path: exit 2 below.
    let verdict = match crate::open_existing(cfg, true).await {
        Ok(app) => app.audit_verify().await.map_err(anyhow::Error::from),
        Err(e) => Err(e),
    };
    match verdict {
        Ok(v) => verdict_code(&v),
        Err(e) => {
            eprintln!("Granskningsloggen kunde inte kontrolleras / The audit chain could not be checked: {e:#}");
            2
        }
    }
}

/// Prints the verdict and gives its exit code (0 whole, 1 broken).
pub fn verdict_code(v: &Verdict) -> i32 {
    match v {
        Verdict::Whole { rows } => {
            println!("Granskningsloggen är hel: {rows} rader kontrollerade. / The audit chain is whole: {rows} rows checked.");
            0
        }
        Verdict::Broken { seq, reason } => {
            println!("Granskningsloggen är bruten vid rad {seq} ({reason}). / The audit chain is broken at row {seq} ({reason}).");
            1
        }
    }
}

/// `varn audit checkpoint`: appends a signed checkpoint of the head to the checkpoint file.
pub async fn checkpoint(cfg: &Config) -> anyhow::Result<()> {
    let app = crate::open_existing(cfg, true).await?;
    if let Some(c) = app.audit_checkpoint(false).await? {
        println!(
            "Kontrollpunkt skriven till / checkpoint written to {}: {} rader / rows, {} ({})",
            cfg.checkpoint_file().display(),
            c.rows(),
            if c.lanes.is_empty() { "1 kedja / lane".to_owned() } else { format!("{} kedjor / lanes", c.lanes.len() + 1) },
            &c.hash[..c.hash.len().min(16)]
        );
    }
    Ok(())
}

/// Writes a checkpoint every `audit_checkpoint_minutes` while serving, when the log has grown.
pub fn spawn_checkpoints(app: varn_app::App, minutes: u64) {
    if minutes == 0 {
        return;
    }
    tokio::spawn(async move {
        let period = std::time::Duration::from_secs(minutes * 60);
        let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
        loop {
            tick.tick().await;
            match app.audit_checkpoint(true).await {
                Ok(Some(c)) => tracing::info!(rows = c.rows(), lanes = c.lanes.len() + 1, "audit checkpoint written"),
                Ok(None) => {}
                Err(e) => tracing::warn!(error = %e, "could not write the audit checkpoint"),
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verify_exit_codes_tell_whole_from_broken() {
        assert_eq!(verdict_code(&Verdict::Whole { rows: 3 }), 0);
        assert_eq!(verdict_code(&Verdict::Broken { seq: 2, reason: "hash" }), 1);
    }

    #[test]
    #[allow(clippy::unwrap_used)]
    fn the_key_file_is_made_once_private_and_then_reused() {
        let dir = std::env::temp_dir().join(format!("varn-key-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let cfg = Config { data_dir: dir.clone(), ..Default::default() };
        assert!(audit_key(&cfg, false).is_err(), "a maintenance command makes no key");
        let a = audit_key(&cfg, true).unwrap();
        let b = audit_key(&cfg, false).unwrap();
        assert_eq!(a.id(), b.id(), "the second start reads the same key");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.join("audit.key")).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let short = Config { audit_key: "kort".into(), ..cfg.clone() };
        assert!(audit_key(&short, true).is_err());
        let env = Config { audit_key: "x".repeat(40), ..cfg };
        assert_ne!(audit_key(&env, true).unwrap().id(), a.id(), "VARN_AUDIT_KEY wins over the file");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
