//! Maintenance at the console: backup, restore, and a new password for a locked-out user.
//! None of them creates or migrates a database.

use crate::config::Config;
use anyhow::Context;
use std::path::Path;

/// `varn backup PATH`: a consistent copy of an existing SQLite database.
pub async fn backup(cfg: &Config, path: &Path) -> anyhow::Result<()> {
    let app = crate::open_existing(cfg, true).await?;
    let p = path.to_str().context("the path must be UTF-8")?;
    app.store.backup_to(p).await.map_err(|e| match e {
        varn_store::StoreError::Open(m) => anyhow::anyhow!(m),
        other => other.into(),
    })?;
    println!("Säkerhetskopia skriven till / backup written to {}", path.display());
    Ok(())
}

/// `varn restore FILE`: refused while a server holds the data folder; the copy is checked
/// before anything is replaced, and the replaced database kept aside.
pub async fn restore(cfg: &Config, file: &Path) -> anyhow::Result<()> {
    let url = cfg.db_url();
    anyhow::ensure!(url.starts_with("sqlite:"), "restore is for SQLite; for PostgreSQL use pg_restore (see the README)");
    let _lock = crate::start::DataLock::take(cfg)?;
    let key = crate::audit_cmd::audit_key(cfg, false)?;
    let done = varn_store::maintenance::restore_sqlite(file, &url, &key).await.map_err(|e| match e {
        varn_store::StoreError::Open(m) => anyhow::anyhow!(m),
        other => other.into(),
    })?;
    println!(
        "Återställd från / restored from {} ({} rader i granskningsloggen / audit rows, kedjan hel / chain whole).",
        file.display(),
        done.audit_rows
    );
    if let Some(aside) = done.kept_aside {
        println!("Den ersatta databasen ligger kvar som / the replaced database is kept as {}", aside.display());
    }
    Ok(())
}

/// `varn admin reset-password USER`.
pub async fn reset_password(cfg: &Config, user: &str) -> anyhow::Result<()> {
    let app = crate::open_existing(cfg, false).await?;
    let (password, generated) =
        if cfg.admin_password.is_empty() { (crate::start::generate_password(), true) } else { (cfg.admin_password.clone(), false) };
    let u = app.console_reset_password(user, &password).await.map_err(|e| match e {
        varn_app::AppError::NotFound => anyhow::anyhow!("there is no user {user}"),
        varn_app::AppError::Invalid(_) => {
            anyhow::anyhow!("the password in VARN_ADMIN_PASSWORD is too weak (at least 12 characters, not the user name)")
        }
        other => other.into(),
    })?;
    println!("Nytt lösenord för / new password for {} ({}).", u.username, u.display_name);
    if generated {
        println!("Lösenord / password (visas bara nu / shown only now): {password}");
    }
    if !u.active {
        println!("Observera: kontot är inaktiverat. / Note: the account is deactivated.");
    }
    app.store.clone().close().await;
    Ok(())
}
