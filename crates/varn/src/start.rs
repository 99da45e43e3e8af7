//! The first start (demo city or an empty organisation, with the admin's password) and the
//! lock that keeps two processes off one data folder.

use crate::config::Config;
use anyhow::Context;
use rand::Rng;
use varn_app::App;

/// An exclusive lock on `varn.lock` in the data folder, held while the process runs: a
/// second server, or `varn restore`, on the same folder is refused instead of sharing it.
pub struct DataLock(#[allow(dead_code)] std::fs::File);

impl DataLock {
    /// Takes the lock, or says who holds it.
    pub fn take(cfg: &Config) -> anyhow::Result<DataLock> {
        std::fs::create_dir_all(&cfg.data_dir).with_context(|| format!("could not create the data folder {}", cfg.data_dir.display()))?;
        let path = cfg.data_dir.join("varn.lock");
        let f = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .with_context(|| format!("could not open {}", path.display()))?;
        match f.try_lock() {
            Ok(()) => Ok(DataLock(f)),
            Err(std::fs::TryLockError::WouldBlock) => {
                anyhow::bail!(
                    "another Värn process uses the data folder {} (it holds {}); stop it first",
                    cfg.data_dir.display(),
                    path.display()
                )
            }
            Err(std::fs::TryLockError::Error(e)) => Err(e).with_context(|| format!("could not lock {}", path.display())),
        }
    }
}

pub fn generate_password() -> String {
    // 20 characters from an alphabet without look-alikes: about 113 bits.
    const A: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
    let mut r = rand::rngs::OsRng;
    (0..20).map(|_| A[r.gen_range(0..A.len())] as char).collect()
}

/// Loads the demo city (or only the root and an admin) into an empty database and says how
/// to sign in. Returns the lines to print once the server listens.
pub async fn first_start(app: &App, cfg: &Config) -> anyhow::Result<Vec<String>> {
    if !app.is_empty().await? {
        return Ok(vec!["Databasen finns redan; inget demoinnehåll laddades. / Existing database; no demo loaded.".into()]);
    }
    let (password, generated) =
        if cfg.admin_password.is_empty() { (generate_password(), true) } else { (cfg.admin_password.clone(), false) };
    let city = if cfg.demo {
        let path = cfg.content_dir.join("demo/exempelstad.yaml");
        let text = std::fs::read_to_string(&path).with_context(|| format!("could not read the demo city at {}", path.display()))?;
        varn_app::demo::DemoCity::parse(&text)?
    } else {
        varn_app::demo::DemoCity::parse(include_str!("minimal.yaml"))?
    };
    app.load_demo(&city, &password).await?;
    let mut lines = vec![if cfg.demo {
        "Demostaden Exempelstad är laddad. / Demo city Exempelstad loaded.".into()
    } else {
        "Tom organisation skapad. / Empty organisation created.".into()
    }];
    if generated {
        lines.push(format!("Lösenord / password (visas bara nu / shown only now): {password}"));
    } else {
        lines.push("Lösenord / password: det i VARN_ADMIN_PASSWORD / the one in VARN_ADMIN_PASSWORD".into());
    }
    lines.push("Användare / users (samma lösenord / same password):".into());
    for (u, r) in city.accounts() {
        lines.push(format!("  {u:<16} {r}"));
    }
    Ok(lines)
}

/// `varn` / `varn serve`.
pub async fn serve(cfg: Config) -> anyhow::Result<()> {
    // The data folder is ours alone while we run; the port is bound before anything is
    // written, so that a busy port cannot leave a loaded demo whose password was never shown.
    let _lock = if cfg.db_url().starts_with("sqlite:") { Some(DataLock::take(&cfg)?) } else { None };
    let listener = tokio::net::TcpListener::bind(&cfg.listen).await.with_context(|| format!("could not listen on {}", cfg.listen))?;
    let addr = listener.local_addr()?;
    let app = crate::open(&cfg).await?;
    app.check_writable().await?;
    let lines = first_start(&app, &cfg).await?;
    let purge = app.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
        // Hours since the planner's statistics were last gathered, or since the start (SQLite;
        // see varn_store::statistics): at open when there were none, at the first tick after
        // a first load, then once a night.
        let mut since: u32 = 0;
        loop {
            tick.tick().await;
            let t = std::time::Instant::now();
            let hour = chrono::Timelike::hour(&chrono::Local::now());
            // `ANALYZE` takes seconds and SQLite's writer runs on the calling task
            // (vendor/sqlx-sqlite/VARN-PATCH.md): the runtime moves its other tasks off this
            // thread meanwhile.
            let gathered = tokio::task::block_in_place(|| {
                tokio::runtime::Handle::current().block_on(varn_store::statistics::tick(purge.store.write(), since, hour))
            });
            match gathered {
                Ok((h, gathered)) => {
                    since = h;
                    if gathered {
                        tracing::info!(ms = u64::try_from(t.elapsed().as_millis()).unwrap_or(u64::MAX), "planner statistics gathered");
                    }
                }
                Err(e) => tracing::warn!(error = %e, "could not gather the planner's statistics"),
            }
            if let Err(e) = varn_store::repo::sessions::purge_expired(purge.store.write()).await {
                tracing::warn!(error = %e, "could not purge expired sessions");
            }
            let day_ago = varn_store::repo::now() - chrono::Duration::hours(24);
            if let Err(e) = varn_store::repo::throttles::purge(purge.store.write(), day_ago).await {
                tracing::warn!(error = %e, "could not purge old sign-in throttles");
            }
        }
    });
    if app.store.backend() == varn_store::sea_orm::DbBackend::Postgres {
        spawn_pg_statistics(app.clone(), cfg.pg_analyze_minutes).await;
    }
    crate::audit_cmd::spawn_checkpoints(app.clone(), cfg.audit_checkpoint_minutes);
    if app.config.mail.is_none() {
        tracing::info!("no smtp_host set: mail is kept in the database's outbox, not sent");
    }
    varn_app::mail::spawn_worker(app.clone(), std::time::Duration::from_secs(cfg.mail_interval_secs.max(1)));
    let limits = varn_web::serve::Limits {
        header_read: std::time::Duration::from_secs(cfg.header_read_timeout_secs.max(1)),
        body_read: std::time::Duration::from_secs(cfg.body_read_timeout_secs.max(1)),
        shutdown_grace: std::time::Duration::from_secs(cfg.shutdown_grace_secs),
        ..Default::default()
    };
    let web = varn_web::WebConfig {
        secure_cookies: cfg.secure_cookies,
        client_ip_header: Some(cfg.client_ip_header.trim().to_lowercase()).filter(|h| !h.is_empty()),
        limits,
    };
    let router = varn_web::router(app.clone(), web);
    println!();
    println!("Värn kör på / is running at http://{addr}");
    for l in lines {
        println!("{l}");
    }
    println!();
    tracing::info!(%addr, database = %varn_store::redact_url(&cfg.db_url()), "listening");
    varn_web::serve::serve(listener, router, limits, crate::shutdown_signal()).await?;
    // A last checkpoint at shutdown: rows removed while the server is stopped are caught.
    if cfg.audit_checkpoint_minutes > 0 {
        match app.audit_checkpoint(true).await {
            Ok(Some(c)) => tracing::info!(seq = c.seq, "audit checkpoint written at shutdown"),
            Ok(None) => {}
            Err(e) => tracing::warn!(error = %e, "could not write the audit checkpoint at shutdown"),
        }
    }
    app.store.clone().close().await;
    Ok(())
}

/// PostgreSQL: says so when autovacuum is off, and analyses every `minutes` (none if 0) the
/// tables changed enough since they were last analysed
/// (varn_store::statistics::refresh_changed), the first time at once.
async fn spawn_pg_statistics(app: App, minutes: u64) {
    let off = varn_store::statistics::autovacuum_off(app.store.write()).await.unwrap_or(false);
    if off && minutes > 0 {
        tracing::warn!(
            "PostgreSQL runs with autovacuum off: Värn analyses the tables it changes, but nothing vacuums them (turn autovacuum on)"
        );
    } else if off {
        tracing::warn!("PostgreSQL runs with autovacuum off and pg_analyze_minutes is 0: nothing keeps the planner's statistics");
    }
    if minutes == 0 {
        return;
    }
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(minutes.saturating_mul(60)));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            let t = std::time::Instant::now();
            match varn_store::statistics::refresh_changed(app.store.write()).await {
                Ok(tables) if !tables.is_empty() => {
                    let ms = u64::try_from(t.elapsed().as_millis()).unwrap_or(u64::MAX);
                    tracing::info!(ms, tables = %tables.join(", "), "planner statistics gathered");
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "could not gather the planner's statistics"),
            }
        }
    });
}
