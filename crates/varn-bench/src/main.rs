//! `varn-bench`: the storstad benchmark of BENCH.md.
//!
//! Generates the workload (once per scale, seed and database), starts the release server on
//! it, signs in as the right roles, runs each scenario that exists at concurrency 1 and 16
//! for a fixed time with goose, samples the server's resident memory, and prints a table and
//! writes the same as JSON.

mod report;
mod scenarios;
mod server;
mod sessions;
mod soak;

use anyhow::{bail, Context};
use clap::Parser;
use report::{Report, Row};
use scenarios::{attack, scenarios, Current, Role, CURRENT, PASSWORD};
use server::{dir_size, rss_kib};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Parser)]
#[command(about = "The storstad benchmark of BENCH.md")]
struct Args {
    /// storstad, small or tiny.
    #[arg(long, default_value = "storstad")]
    scale: String,
    /// Seed of the generated city.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// PostgreSQL URL of an empty (or already generated) database; SQLite when absent.
    #[arg(long)]
    database_url: Option<String>,
    /// Seconds per scenario and concurrency.
    #[arg(long, default_value_t = 10)]
    duration: usize,
    /// Folder for databases and results.
    #[arg(long, default_value = "bench-out")]
    out: PathBuf,
    /// The release binary of Värn.
    #[arg(long, default_value = "target/release/varn")]
    varn: PathBuf,
    /// Only these scenarios (comma-separated ids).
    #[arg(long)]
    only: Option<String>,
    /// Instead of the scenarios: a soak of this many minutes, mixed reads and writes at
    /// concurrency 16, resident memory sampled every 10 s.
    #[arg(long)]
    soak: Option<u64>,
    /// Pins the server to the second core and the load generator to the first (`taskset`), so
    /// that the floor is the server's and not the generator's.
    #[arg(long)]
    pin: bool,
    /// Records a CPU profile of the server (`perf record`, cpu-clock) during each scenario's
    /// run at concurrency 16 into this folder, with its report by symbol (`<id>.txt`).
    #[arg(long)]
    perf: Option<PathBuf>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let varn = release_binary(&args.varn)?;
    let label = if args.database_url.is_some() { "postgres" } else { "sqlite" };
    let data_dir = args.out.join(format!("{label}-{}-{}", args.scale, args.seed));
    std::fs::create_dir_all(&data_dir)?;
    let mut db_args: Vec<String> = vec!["--data-dir".into(), data_dir.display().to_string()];
    if let Some(u) = &args.database_url {
        db_args.push("--database-url".into());
        db_args.push(u.clone());
    }
    let w = workload(&args, &varn, &db_args, &data_dir).await?;
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0);
    if args.pin {
        server::pin(std::process::id(), "0")?;
    }
    let server = Server::start(&varn, &db_args).await?;
    if args.pin {
        server::pin(server.pid, "1")?;
    }
    if let Some(minutes) = args.soak {
        let report = soak::run(&server.base, server.pid, &w.samordnare, (w.unit.id, &w.unit.name), minutes).await?;
        server.stop().await;
        let path = args.out.join(format!("soak-{label}-{}.json", args.scale));
        std::fs::write(&path, serde_json::to_string_pretty(&report)?)?;
        println!("\n{}", path.display());
        return Ok(());
    }
    let rows = run_scenarios(&args, &server, &w).await?;
    let start_ms = server.start_ms;
    let peak_mib = server.stop().await;
    let machine = match args.pin {
        true => format!("{cores} cores, {}, server pinned to core 1 and load generator to core 0", std::env::consts::ARCH),
        false => format!("{cores} cores, {}", std::env::consts::ARCH),
    };
    let report = Report {
        database: label.into(),
        scale: args.scale.clone(),
        seed: args.seed,
        machine,
        generate_seconds: w.generate_seconds,
        database_bytes: w.database_bytes,
        start_to_first_answer_ms: start_ms,
        peak_rss_mib: peak_mib,
        rows,
    };
    report.print(args.duration);
    let path = args.out.join(format!("bench-{label}-{}.json", args.scale));
    std::fs::write(&path, serde_json::to_string_pretty(&report)?)?;
    println!("\n{}", path.display());
    Ok(())
}

/// The release binary of Värn, built first when it is missing (one command does it all).
fn release_binary(path: &Path) -> anyhow::Result<PathBuf> {
    if !path.exists() {
        println!("Bygger / building {} …", path.display());
        let st = std::process::Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .args(["build", "--release", "-p", "varn"])
            .status()?;
        if !st.success() {
            bail!("cargo build --release -p varn failed");
        }
    }
    std::fs::canonicalize(path).with_context(|| format!("{} not found: run cargo build --release -p varn", path.display()))
}

/// The generated city and who plays which role in it.
struct Workload {
    generate_seconds: Option<f64>,
    database_bytes: u64,
    head: String,
    samordnare: String,
    employee: String,
    unit: varn_store::entity::org_unit::Model,
    /// Sixteen units for the writes of one unit per session (the first is `unit`).
    units: Vec<(i64, String)>,
}

/// Generates the workload once per database, then finds the players.
async fn workload(args: &Args, varn: &Path, db_args: &[String], data_dir: &Path) -> anyhow::Result<Workload> {
    let url = args.database_url.clone().unwrap_or_else(|| format!("sqlite://{}", data_dir.join("varn.sqlite").display()));
    let store = varn_store::Store::open_and_migrate(&varn_store::StoreConfig {
        url,
        max_connections: 2,
        durability: Default::default(),
        mmap_mib: varn_store::DEFAULT_MMAP_MIB,
    })
    .await
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut generate_seconds = None;
    if varn_store::repo::org::count_all(store.read()).await? == 0 {
        println!("Genererar {} (seed {}) …", args.scale, args.seed);
        let t = Instant::now();
        let st = std::process::Command::new(varn)
            .args(db_args)
            .args(["demo", "generate", "--scale", &args.scale, "--seed", &args.seed.to_string(), "--password", PASSWORD])
            .env("VARN_LOG", "warn")
            .status()?;
        if !st.success() {
            bail!("generation failed");
        }
        generate_seconds = Some(t.elapsed().as_secs_f64());
    }
    let pick = |role: varn_domain::Role| {
        let db = store.read().clone();
        async move {
            let f = varn_store::repo::users::UserFilter { role: Some(role), active: Some(true) };
            let p = varn_store::repo::ListParams { per_page: Some(1), page: 1, sort: Some("username".into()), ..Default::default() };
            varn_store::repo::users::list(&db, &varn_domain::Scope::All, &f, &p)
                .await
                .map(|p| p.items.into_iter().next().map(|u| u.username))
        }
    };
    let head = pick(varn_domain::Role::Verksamhetsansvarig).await?.context("no unit head in the workload")?;
    let samordnare = pick(varn_domain::Role::Samordnare).await?.context("no samordnare in the workload")?;
    let employee = pick(varn_domain::Role::Medarbetare).await?.context("no employee in the workload")?;
    let enheter: Vec<_> = varn_store::repo::org::all_in_scope(store.read(), &varn_domain::Scope::All)
        .await?
        .into_iter()
        .filter(|u| u.kind == varn_domain::OrgKind::Enhet)
        .take(16)
        .collect();
    let units = enheter.iter().map(|u| (u.id, u.name.clone())).collect();
    let unit = enheter.into_iter().next().context("no enhet")?;
    let database_bytes = if args.database_url.is_some() {
        use varn_store::sea_orm::ConnectionTrait;
        let sql = varn_store::sea_orm::Statement::from_string(store.backend(), "SELECT pg_database_size(current_database())");
        let r = store.read().query_one(sql).await?;
        r.and_then(|r| r.try_get_by_index::<i64>(0).ok()).unwrap_or(0) as u64
    } else {
        dir_size(data_dir)
    };
    store.close().await;
    Ok(Workload { generate_seconds, database_bytes, head, samordnare, employee, unit, units })
}

/// The release server on the workload, its memory sampled.
struct Server {
    child: tokio::process::Child,
    pid: u32,
    base: String,
    start_ms: f64,
    peak: Arc<AtomicU64>,
    sampler: tokio::task::JoinHandle<()>,
}

impl Server {
    /// Starts the server and times its first answer.
    async fn start(varn: &Path, db_args: &[String]) -> anyhow::Result<Server> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let base = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        let child = tokio::process::Command::new(varn)
            .args(db_args)
            .args(["--listen", &format!("127.0.0.1:{port}"), "--no-demo"])
            .env("VARN_LOG", "warn")
            .stdout(std::process::Stdio::null())
            .kill_on_drop(true)
            .spawn()?;
        let pid = child.id().context("no pid")?;
        let probe = reqwest::Client::new();
        let start_ms = loop {
            if let Ok(r) = probe.get(format!("{base}/healthz")).send().await {
                if r.status().is_success() {
                    break started.elapsed().as_secs_f64() * 1000.0;
                }
            }
            if started.elapsed() > Duration::from_secs(60) {
                bail!("the server did not answer within 60 s");
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        };
        let peak = Arc::new(AtomicU64::new(0));
        let sampler = {
            let peak = peak.clone();
            tokio::spawn(async move {
                loop {
                    peak.fetch_max(rss_kib(pid, "VmRSS:"), Ordering::Relaxed);
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            })
        };
        Ok(Server { child, pid, base, start_ms, peak, sampler })
    }

    /// Stops the server; its peak resident memory in MiB.
    async fn stop(mut self) -> f64 {
        let hwm = rss_kib(self.pid, "VmHWM:");
        self.sampler.abort();
        let _ = self.child.kill().await;
        self.peak.load(Ordering::Relaxed).max(hwm) as f64 / 1024.0
    }
}

/// Every scenario asked for, at concurrency 1 and 16, with the ratio to the floor.
async fn run_scenarios(args: &Args, server: &Server, w: &Workload) -> anyhow::Result<Vec<Row>> {
    let only: Option<Vec<String>> = args.only.as_ref().map(|o| o.split(',').map(str::to_owned).collect());
    let mut rows: Vec<Row> = Vec::new();
    for s in scenarios() {
        if only.as_ref().is_some_and(|o| !o.iter().any(|x| x == s.id)) {
            continue;
        }
        let username = match s.role {
            Role::Anonymous => String::new(),
            Role::Head => w.head.clone(),
            Role::Samordnare => w.samordnare.clone(),
            Role::Employee => w.employee.clone(),
        };
        if let Ok(mut g) = CURRENT.get_or_init(|| Mutex::new(None)).lock() {
            *g = Some(Current {
                username,
                kind: s.kind,
                unit_id: w.unit.id,
                unit_name: w.unit.name.clone(),
                units: std::sync::Arc::new(w.units.clone()),
            });
        }
        for c in [1, 16] {
            // Linux resets the peak ("high water mark") when 5 is written to clear_refs.
            let _ = std::fs::write(format!("/proc/{}/clear_refs", server.pid), "5");
            let profile = match (&args.perf, c) {
                (Some(dir), 16) => Some(server::Profile::start(server.pid, dir, s.id)?),
                _ => None,
            };
            let (n, errors, rps, p50, p99, cpu) = attack(&server.base, server.pid, c, args.duration).await?;
            if let Some(p) = profile {
                p.finish()?;
            }
            let run_peak = rss_kib(server.pid, "VmHWM:") as f64 / 1024.0;
            eprintln!(
                "{:<14} c={c:<2} {n:>7} req  {rps:>8.0}/s  p50 {p50:>7.2} ms  p99 {p99:>7.2} ms  fel {errors}  rss {run_peak:.0} MiB  \
                 cpu/req server {:.0} µs, generator {:.0} µs",
                s.id, cpu.server_us, cpu.generator_us
            );
            let (scenario, title) = (s.id.into(), s.title.into());
            rows.push(Row {
                scenario,
                title,
                concurrency: c,
                requests: n,
                errors,
                rps,
                p50_ms: p50,
                p99_ms: p99,
                ratio_to_floor: None,
                peak_rss_mib: run_peak,
                server_cpu_us: cpu.server_us,
                generator_cpu_us: cpu.generator_us,
            });
        }
    }
    for c in [1, 16] {
        if let Some(floor) = rows.iter().find(|r| r.scenario == "floor" && r.concurrency == c).map(|r| r.rps) {
            for r in rows.iter_mut().filter(|r| r.concurrency == c) {
                r.ratio_to_floor = Some(r.rps / floor);
            }
        }
    }
    Ok(rows)
}
