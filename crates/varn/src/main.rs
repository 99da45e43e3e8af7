//! `varn`: the binary. Reads the configuration, sets up logging, opens and migrates the
//! database, loads the demo city on first start, and serves; or runs a maintenance command.

mod audit_cmd;
mod config;

/// mimalloc returns freed memory to the system more readily than glibc's allocator under
/// many threads, which keeps the resident size near what is in use.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use anyhow::Context;
use clap::{Parser, Subcommand};
use config::{Config, Flags};
use rand::Rng;
use std::path::PathBuf;
use varn_app::{App, AppConfig};
use varn_store::{Store, StoreConfig};

/// Värn — the information security management system (LIS) of a Swedish city.
#[derive(Parser)]
#[command(version, about, long_about = None)]
struct Cli {
    /// TOML configuration file; its keys are the long flags with `_` for `-`.
    #[arg(long, global = true, env = "VARN_CONFIG")]
    config: Option<PathBuf>,
    #[command(flatten)]
    flags: Flags,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve Värn over HTTP (the default).
    Serve,
    /// Write a consistent copy of the SQLite database to PATH while Värn runs.
    Backup {
        /// Where to write the copy (must not exist).
        path: PathBuf,
    },
    /// Work with the audit log.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Apply database migrations and exit.
    Migrate,
    /// Demo and benchmark data.
    Demo {
        #[command(subcommand)]
        command: DemoCommand,
    },
}

#[derive(Subcommand)]
enum DemoCommand {
    /// Generate a whole city into an empty database (the benchmark workload of BENCH.md).
    Generate {
        /// storstad (Sweden's largest city), small or tiny.
        #[arg(long, default_value = "storstad")]
        scale: String,
        /// Seed: the same seed gives the same city.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Password of every generated user (or VARN_ADMIN_PASSWORD).
        #[arg(long, env = "VARN_BENCH_PASSWORD", default_value = "Storstad-2026!")]
        password: String,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Check the keyed hash chain, against the newest checkpoint, and report the first
    /// changed or missing row.
    Verify,
    /// Append a signed checkpoint of the chain's head to the checkpoint file.
    Checkpoint,
}

fn init_logging(format: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("VARN_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    let b = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    if format == "json" {
        b.json().init();
    } else {
        b.init();
    }
}

pub(crate) async fn open(cfg: &Config) -> anyhow::Result<App> {
    let url = cfg.db_url();
    if url.starts_with("sqlite:") {
        std::fs::create_dir_all(&cfg.data_dir).with_context(|| format!("could not create the data folder {}", cfg.data_dir.display()))?;
    }
    let key = audit_cmd::audit_key(cfg)?;
    let store = Store::open(&StoreConfig { url: url.clone(), max_connections: cfg.max_connections })
        .await
        .context("could not open the database")?
        .with_audit_key(key);
    match varn_store::migration::migrate(store.write()).await {
        Ok(applied) if !applied.is_empty() => {
            tracing::info!(count = applied.len(), "database migrated")
        }
        Ok(_) => {}
        Err(e) => anyhow::bail!("{e}. The database was left as it was."),
    }
    let app_cfg = AppConfig {
        max_attachment_bytes: cfg.max_attachment_mb * 1024 * 1024,
        session_minutes: cfg.session_minutes,
        session_idle_minutes: cfg.session_idle_minutes,
        audit_checkpoint_file: Some(cfg.checkpoint_file()),
        ..AppConfig::default()
    };
    let app = App::new(store, app_cfg)?;
    app.check_audit_key().await?;
    Ok(app)
}

fn generate_password() -> String {
    // 20 characters from an alphabet without look-alikes: about 113 bits.
    const A: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
    let mut r = rand::rngs::OsRng;
    (0..20).map(|_| A[r.gen_range(0..A.len())] as char).collect()
}

/// Loads the demo city (or only the root and an admin) into an empty database and says how
/// to sign in. Returns the lines to print once the server listens.
async fn first_start(app: &App, cfg: &Config) -> anyhow::Result<Vec<String>> {
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

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down");
}

async fn serve(cfg: Config) -> anyhow::Result<()> {
    let app = open(&cfg).await?;
    let lines = first_start(&app, &cfg).await?;
    let listener = tokio::net::TcpListener::bind(&cfg.listen).await.with_context(|| format!("could not listen on {}", cfg.listen))?;
    let addr = listener.local_addr()?;
    let purge = app.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            tick.tick().await;
            if let Err(e) = varn_store::repo::sessions::purge_expired(purge.store.write()).await {
                tracing::warn!(error = %e, "could not purge expired sessions");
            }
            let day_ago = varn_store::repo::now() - chrono::Duration::hours(24);
            if let Err(e) = varn_store::repo::throttles::purge(purge.store.write(), day_ago).await {
                tracing::warn!(error = %e, "could not purge old sign-in throttles");
            }
        }
    });
    audit_cmd::spawn_checkpoints(app.clone(), cfg.audit_checkpoint_minutes);
    let limits = varn_web::serve::Limits {
        header_read: std::time::Duration::from_secs(cfg.header_read_timeout_secs.max(1)),
        body_read: std::time::Duration::from_secs(cfg.body_read_timeout_secs.max(1)),
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
    varn_web::serve::serve(listener, router, limits, shutdown_signal()).await?;
    app.store.close().await;
    Ok(())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let cfg = Config::load(cli.config.as_ref(), &cli.flags).context("could not read the configuration")?;
    init_logging(&cfg.log_format);
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(cfg).await,
        Command::Migrate => {
            open(&cfg).await?;
            println!("Databasen är migrerad. / The database is migrated.");
            Ok(())
        }
        Command::Backup { path } => {
            let app = open(&cfg).await?;
            let p = path.to_str().context("the path must be UTF-8")?;
            app.store.backup_to(p).await?;
            println!("Säkerhetskopia skriven till / backup written to {}", path.display());
            Ok(())
        }
        Command::Demo { command: DemoCommand::Generate { scale, seed, password } } => {
            let Some(sc) = varn_app::workload::Scale::parse(&scale) else {
                anyhow::bail!("unknown scale {scale}: use storstad, small or tiny");
            };
            let app = open(&cfg).await?;
            let started = std::time::Instant::now();
            let hash = app.hash_password(&password).await?;
            let report = varn_app::workload::generate(&app.store, &sc, seed, &hash).await.map_err(|e| match e {
                varn_app::AppError::Conflict(..) => anyhow::anyhow!("the database is not empty; generate into a new one"),
                other => other.into(),
            })?;
            for (part, rows, secs) in report.parts {
                println!("{part:<28} {rows:>10} rader/rows {secs:>8.1} s");
            }
            println!("{:<28} {:>10} {:>17.1} s", "totalt / total", "", started.elapsed().as_secs_f64());
            app.store.close().await;
            Ok(())
        }
        Command::Audit { command: AuditCommand::Verify } => std::process::exit(audit_cmd::verify(&cfg).await),
        Command::Audit { command: AuditCommand::Checkpoint } => audit_cmd::checkpoint(&cfg).await,
    }
}
