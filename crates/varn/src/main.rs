//! `varn`: the binary. Reads the configuration, sets up logging, opens and migrates the
//! database, loads the demo city on first start, and serves; or runs a maintenance command.

mod audit_cmd;
mod config;
mod maint;
mod start;

/// mimalloc returns freed memory to the system more readily than glibc's allocator under
/// many threads, which keeps the resident size near what is in use. With its `override`
/// feature it is also the C library's `malloc` for the whole process, so SQLite's own
/// allocations (every value SQLx copies out of a row) take it too instead of glibc's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use anyhow::Context;
use clap::{Parser, Subcommand};
use config::{Config, Flags};
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
    /// Replace the SQLite database with a checked backup (no server may be running); the
    /// replaced database is kept aside.
    Restore {
        /// The backup to restore.
        file: PathBuf,
    },
    /// Tasks for the operator at the server's console.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
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
enum AdminCommand {
    /// Give USER a new password (printed once, or VARN_ADMIN_PASSWORD), end their sessions
    /// and lift their sign-in throttles; audited as done at the console.
    ResetPassword {
        /// The user name.
        user: String,
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

/// The store for `cfg` with its audit key: created and migrated (`existing` false: serving,
/// `migrate`, `demo generate`), or one that must exist at this binary's migrations and is
/// never created or migrated (`existing` true: the maintenance commands).
async fn store(cfg: &Config, existing: bool, read_only: bool) -> anyhow::Result<Store> {
    let url = cfg.db_url();
    // Unset: four readers on SQLite (more only add hand-offs between their threads: measured
    // on two cores, 8 readers gave no more pages per second than 4, and fewer with the server
    // on one core), eight connections on PostgreSQL.
    let max_connections = match cfg.max_connections {
        0 if url.starts_with("sqlite:") => 4,
        0 => 8,
        n => n,
    };
    let sc = StoreConfig { url: url.clone(), max_connections, durability: cfg.durability()?, mmap_mib: cfg.sqlite_mmap_mib };
    if existing {
        let store = Store::open_existing(&sc, read_only).await?;
        return Ok(store.with_audit_key(audit_cmd::audit_key(cfg, false)?));
    }
    if url.starts_with("sqlite:") {
        std::fs::create_dir_all(&cfg.data_dir).with_context(|| format!("could not create the data folder {}", cfg.data_dir.display()))?;
    }
    // The database first: a server that is not there leaves no key file behind.
    let store = Store::open(&sc).await?;
    let store = store.with_audit_key(audit_cmd::audit_key(cfg, true)?);
    match varn_store::migration::migrate(store.write()).await {
        Ok(applied) if !applied.is_empty() => tracing::info!(count = applied.len(), "database migrated"),
        Ok(_) => {}
        Err(e) => anyhow::bail!("{e}. The database was left as it was."),
    }
    Ok(store)
}

/// The application on the store, with the audit key checked against the chain's.
async fn app_on(store: Store, cfg: &Config, read_only: bool) -> anyhow::Result<App> {
    let app_cfg = AppConfig {
        max_attachment_bytes: cfg.max_attachment_mb * 1024 * 1024,
        session_minutes: cfg.session_minutes,
        session_idle_minutes: cfg.session_idle_minutes,
        audit_checkpoint_file: Some(cfg.checkpoint_file()),
        classification: classification(cfg)?,
        incident_rules: incident_rules(cfg)?,
        risk_rules: risk_rules(cfg)?,
        mail: cfg.mail()?,
        ..AppConfig::default()
    };
    let app = App::new(store, app_cfg)?;
    app.check_audit_key(!read_only).await?;
    Ok(app)
}

/// The classification model and requirements from the content folder (`classification/`),
/// when it has them; a file that does not hold together stops the start with the reason.
fn classification(cfg: &Config) -> anyhow::Result<Option<std::sync::Arc<varn_app::assets::Classification>>> {
    let dir = cfg.content_dir.join("classification");
    let (model, reqs) = (dir.join("model.yaml"), dir.join("requirements.yaml"));
    if !model.exists() {
        return Ok(None);
    }
    let read = |p: &std::path::Path| std::fs::read_to_string(p).with_context(|| format!("could not read {}", p.display()));
    let c = varn_app::assets::Classification::parse(&read(&model)?, &read(&reqs)?).with_context(|| format!("in {}", dir.display()))?;
    tracing::info!(model = %c.model.id, requirements = c.catalogue.requirements.len(), "classification model loaded");
    Ok(Some(std::sync::Arc::new(c)))
}

/// The risk matrix and catalogues from the content folder (`risks/`), when it has them: a
/// city with a 5×5 matrix or its own threats loads its own; a file that does not hold
/// together stops the start with the reason.
fn risk_rules(cfg: &Config) -> anyhow::Result<Option<std::sync::Arc<varn_app::risks::RiskRules>>> {
    let dir = cfg.content_dir.join("risks");
    let (matrix, catalogue) = (dir.join("matrix.yaml"), dir.join("catalogue.yaml"));
    if !matrix.exists() {
        return Ok(None);
    }
    let read = |p: &std::path::Path| std::fs::read_to_string(p).with_context(|| format!("could not read {}", p.display()));
    let r = varn_app::risks::RiskRules::parse(&read(&matrix)?, &read(&catalogue)?).with_context(|| format!("in {}", dir.display()))?;
    tracing::info!(size = r.matrix.likelihood.len(), threats = r.catalogue.threats.len(), "risk matrix loaded");
    Ok(Some(std::sync::Arc::new(r)))
}

/// The incidents' reporting duties and types from the content folder (`incidents/`), when
/// it has them: a change of law or authority is a change of these files.
fn incident_rules(cfg: &Config) -> anyhow::Result<Option<std::sync::Arc<varn_app::incidents::Rules>>> {
    let dir = cfg.content_dir.join("incidents");
    let (regimes, types) = (dir.join("regimes.yaml"), dir.join("types.yaml"));
    if !regimes.exists() {
        return Ok(None);
    }
    let read = |p: &std::path::Path| std::fs::read_to_string(p).with_context(|| format!("could not read {}", p.display()));
    let r = varn_app::incidents::Rules::parse(&read(&regimes)?, &read(&types)?).with_context(|| format!("in {}", dir.display()))?;
    tracing::info!(regimes = r.regimes.regimes.len(), types = r.types.types.len(), "incident duties loaded");
    Ok(Some(std::sync::Arc::new(r)))
}

/// Opens (creating and migrating) the database for serving and the data commands.
pub(crate) async fn open(cfg: &Config) -> anyhow::Result<App> {
    app_on(store(cfg, false, false).await?, cfg, false).await
}

/// Opens an existing database for a maintenance command, never creating or migrating it
/// (SQLite read-only when `read_only`).
pub(crate) async fn open_existing(cfg: &Config, read_only: bool) -> anyhow::Result<App> {
    app_on(store(cfg, true, read_only).await?, cfg, read_only).await
}

pub(crate) async fn shutdown_signal() {
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

fn main() -> anyhow::Result<()> {
    // Before the runtime's threads and their first allocations.
    let huge_pages = without_huge_pages();
    tokio::runtime::Builder::new_multi_thread().enable_all().build().context("could not start the runtime")?.block_on(run(huge_pages))
}

async fn run(huge_pages: std::io::Result<()>) -> anyhow::Result<()> {
    let cli = Cli::parse();
    let cfg = Config::load(cli.config.as_ref(), &cli.flags).context("could not read the configuration")?;
    init_logging(&cfg.log_format);
    if let Err(e) = huge_pages {
        tracing::warn!(error = %e, "could not turn transparent huge pages off: resident memory may run higher");
    }
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => start::serve(cfg).await,
        Command::Migrate => {
            open(&cfg).await?;
            println!("Databasen är migrerad. / The database is migrated.");
            Ok(())
        }
        Command::Backup { path } => maint::backup(&cfg, &path).await,
        Command::Restore { file } => maint::restore(&cfg, &file).await,
        Command::Admin { command: AdminCommand::ResetPassword { user } } => maint::reset_password(&cfg, &user).await,
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
            app.store.clone().close().await;
            Ok(())
        }
        Command::Audit { command: AuditCommand::Verify } => std::process::exit(audit_cmd::verify(&cfg).await),
        Command::Audit { command: AuditCommand::Checkpoint } => audit_cmd::checkpoint(&cfg).await,
    }
}

/// Turns transparent huge pages off for the whole process (Linux's `PR_SET_THP_DISABLE`).
/// mimalloc asks the kernel for them (`MADV_HUGEPAGE`) on each region it maps, and the kernel
/// then makes every 2 MiB of such a region that is touched at all resident whole: sixteen CSV
/// exports of the 50 000 users at once took the server's high-water mark from 79 to 141 MiB
/// with them and to 85 MiB without, at no difference in a page's CPU time beyond the noise
/// (session 60). The same as `MIMALLOC_ALLOW_THP=0`, which nobody should have to know to set.
fn without_huge_pages() -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    rustix::thread::disable_transparent_huge_pages(true).map_err(std::io::Error::from)?;
    Ok(())
}
