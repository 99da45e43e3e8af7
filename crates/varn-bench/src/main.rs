//! `varn-bench`: the storstad benchmark of BENCH.md.
//!
//! Generates the workload (once per scale, seed and database), starts the release server on
//! it, signs in as the right roles, runs each scenario that exists at concurrency 1 and 16
//! for a fixed time with goose, samples the server's resident memory, and prints a table and
//! writes the same as JSON.

use anyhow::{bail, Context};
use clap::Parser;
use goose::prelude::*;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
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
}

const PASSWORD: &str = "Storstad-2026!";

/// One measured scenario.
struct Case {
    id: &'static str,
    title: &'static str,
    role: Role,
    kind: Kind,
}

#[derive(Clone, Copy, PartialEq)]
enum Role {
    Anonymous,
    Head,
    Samordnare,
}

#[derive(Clone, Copy)]
enum Kind {
    Get(&'static str),
    /// A write with its audit row: rename a unit to its own name through the API.
    PatchUnit,
}

fn scenarios() -> Vec<Case> {
    vec![
        Case { id: "tasks", title: "1. Mina uppgifter (enhetschef)", role: Role::Head, kind: Kind::Get("/tasks") },
        Case { id: "org-tree", title: "Organisationsträdet (samordnare, hela staden)", role: Role::Samordnare, kind: Kind::Get("/org") },
        Case {
            id: "org-search",
            title: "Enhetslista, sökning + filter, sida 1",
            role: Role::Samordnare,
            kind: Kind::Get("/org/list?q=skola&kind=enhet"),
        },
        Case { id: "users-search", title: "Användarlista, sökning (50 000)", role: Role::Samordnare, kind: Kind::Get("/users?q=anna") },
        Case { id: "audit", title: "Granskningslogg, sida 1 (5 000 000)", role: Role::Samordnare, kind: Kind::Get("/audit") },
        Case {
            id: "api-units",
            title: "8'. GET /api/v1/org-units?limit=100",
            role: Role::Samordnare,
            kind: Kind::Get("/api/v1/org-units?limit=100"),
        },
        Case { id: "api-tasks", title: "GET /api/v1/tasks (enhetschef)", role: Role::Head, kind: Kind::Get("/api/v1/tasks") },
        Case { id: "document", title: "7. Ett styrdokument, renderat (enhetschef)", role: Role::Head, kind: Kind::Get("/documents/1") },
        Case {
            id: "documents",
            title: "Styrdokumentregistret, sökning (3 000)",
            role: Role::Samordnare,
            kind: Kind::Get("/documents?q=riktlinje&status=gallande"),
        },
        Case {
            id: "doc-follow-up",
            title: "Uppföljning av styrdokument, hela staden",
            role: Role::Samordnare,
            kind: Kind::Get("/documents/follow-up"),
        },
        Case { id: "doc-pdf", title: "Ett styrdokument som PDF", role: Role::Head, kind: Kind::Get("/documents/1/pdf") },
        Case {
            id: "api-documents",
            title: "GET /api/v1/documents?limit=100",
            role: Role::Samordnare,
            kind: Kind::Get("/api/v1/documents?limit=100"),
        },
        Case { id: "write", title: "9'. Skrivning med granskningsrad (PATCH enhet)", role: Role::Samordnare, kind: Kind::PatchUnit },
        Case {
            id: "users-csv",
            title: "10'. CSV-export av 50 000 användare",
            role: Role::Samordnare,
            kind: Kind::Get("/users?format=csv"),
        },
        Case { id: "floor", title: "11. Trivial route /healthz (golvet)", role: Role::Anonymous, kind: Kind::Get("/healthz") },
    ]
}

/// What the goose users of the running attack do.
#[derive(Clone)]
struct Current {
    username: String,
    kind: Kind,
    unit_id: i64,
    unit_name: String,
}

static CURRENT: OnceLock<Mutex<Option<Current>>> = OnceLock::new();

fn current() -> Option<Current> {
    CURRENT.get_or_init(|| Mutex::new(None)).lock().ok().and_then(|g| g.clone())
}

#[derive(Clone)]
struct Csrf(String);

fn csrf_in(html: &str) -> String {
    let key = "name=\"_csrf\" value=\"";
    html.find(key).map(|i| html[i + key.len()..].chars().take_while(|c| *c != '"').collect()).unwrap_or_default()
}

async fn sign_in(user: &mut GooseUser) -> TransactionResult {
    let Some(cur) = current() else { return Ok(()) };
    if cur.username.is_empty() {
        return Ok(());
    }
    let page = user.get_named("/login", "setup").await?;
    let html = match page.response {
        Ok(r) => r.text().await.unwrap_or_default(),
        Err(_) => String::new(),
    };
    let form = [("username", cur.username.as_str()), ("password", PASSWORD), ("next", "/account"), ("_csrf", &csrf_in(&html))];
    let rb = user.get_request_builder(&GooseMethod::Post, "/login")?.form(&form);
    let r = user.request(GooseRequest::builder().set_request_builder(rb).name("setup").build()).await?;
    let html = match r.response {
        Ok(r) => r.text().await.unwrap_or_default(),
        Err(_) => String::new(),
    };
    user.set_session_data(Csrf(csrf_in(&html)));
    Ok(())
}

async fn act(user: &mut GooseUser) -> TransactionResult {
    let Some(cur) = current() else { return Ok(()) };
    match cur.kind {
        Kind::Get(path) => {
            let r = user.get_named(path, "target").await?;
            if let Ok(resp) = r.response {
                // Read the whole body: the time includes sending it.
                let _ = resp.bytes().await;
            }
        }
        Kind::PatchUnit => {
            let token = user.get_session_data::<Csrf>().map(|c| c.0.clone()).unwrap_or_default();
            let path = format!("/api/v1/org-units/{}", cur.unit_id);
            let rb = user
                .get_request_builder(&GooseMethod::Patch, &path)?
                .header("x-csrf-token", token)
                .json(&serde_json::json!({"name": cur.unit_name}));
            let r = user
                .request(
                    GooseRequest::builder().method(GooseMethod::Patch).path(path.as_str()).set_request_builder(rb).name("target").build(),
                )
                .await?;
            if let Ok(resp) = r.response {
                let _ = resp.bytes().await;
            }
        }
    }
    Ok(())
}

#[derive(Serialize, Clone)]
struct Row {
    scenario: String,
    title: String,
    concurrency: usize,
    requests: usize,
    errors: usize,
    rps: f64,
    p50_ms: f64,
    p99_ms: f64,
    ratio_to_floor: Option<f64>,
    /// The server's peak resident memory during this run.
    peak_rss_mib: f64,
}

async fn attack(base: &str, concurrency: usize, secs: usize) -> anyhow::Result<(usize, usize, f64, f64, f64)> {
    let metrics = GooseAttack::initialize_with_config(goose::config::GooseConfiguration::default())?
        .register_scenario(
            scenario!("bench").register_transaction(transaction!(sign_in).set_on_start()).register_transaction(transaction!(act)),
        )
        .set_default(GooseDefault::Host, base)?
        .set_default(GooseDefault::Users, concurrency)?
        .set_default(GooseDefault::IncreaseRate, "1000")?
        .set_default(GooseDefault::RunTime, secs)?
        .set_default(GooseDefault::Quiet, 1)?
        .set_default(GooseDefault::NoPrintMetrics, true)?
        .set_default(GooseDefault::NoTelnet, true)?
        .set_default(GooseDefault::NoWebSocket, true)?
        .set_default(GooseDefault::NoErrorSummary, true)?
        .execute()
        .await?;
    let Some(m) = metrics.requests.iter().find(|(k, _)| k.ends_with(" target")).map(|(_, v)| v) else {
        bail!("no requests were measured");
    };
    let errors = m.fail_count + m.status_code_counts.iter().filter(|(s, _)| **s >= 400).map(|(_, n)| *n).sum::<usize>();
    let dur = metrics.duration.max(1) as f64;
    let p50 = m.raw_data.percentile_us(0.50) as f64 / 1000.0;
    let p99 = m.raw_data.percentile_us(0.99) as f64 / 1000.0;
    Ok((m.raw_data.counter, errors, m.success_count as f64 / dur, p50, p99))
}

fn rss_kib(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with(field)).and_then(|l| l.split_whitespace().nth(1)).and_then(|n| n.parse().ok()))
        .unwrap_or(0)
}

fn dir_size(p: &Path) -> u64 {
    std::fs::read_dir(p).map(|d| d.flatten().filter_map(|e| e.metadata().ok()).map(|m| m.len()).sum()).unwrap_or(0)
}

#[derive(Serialize)]
struct Report {
    database: String,
    scale: String,
    seed: u64,
    machine: String,
    generate_seconds: Option<f64>,
    database_bytes: u64,
    start_to_first_answer_ms: f64,
    peak_rss_mib: f64,
    rows: Vec<Row>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    if !args.varn.exists() {
        // One command does it all: build the server this benchmark starts.
        println!("Bygger / building {} …", args.varn.display());
        let st = std::process::Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .args(["build", "--release", "-p", "varn"])
            .status()?;
        if !st.success() {
            bail!("cargo build --release -p varn failed");
        }
    }
    let varn = std::fs::canonicalize(&args.varn)
        .with_context(|| format!("{} not found: run cargo build --release -p varn", args.varn.display()))?;
    let is_pg = args.database_url.is_some();
    let label = if is_pg { "postgres" } else { "sqlite" };
    let data_dir = args.out.join(format!("{label}-{}-{}", args.scale, args.seed));
    std::fs::create_dir_all(&data_dir)?;
    let mut db_args: Vec<String> = vec!["--data-dir".into(), data_dir.display().to_string()];
    if let Some(u) = &args.database_url {
        db_args.push("--database-url".into());
        db_args.push(u.clone());
    }
    let url = args.database_url.clone().unwrap_or_else(|| format!("sqlite://{}", data_dir.join("varn.sqlite").display()));

    // 1. The workload, once.
    let store = varn_store::Store::open_and_migrate(&varn_store::StoreConfig { url: url.clone(), max_connections: 2 })
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let generated = varn_store::repo::org::count_all(store.read()).await? > 0;
    let mut generate_seconds = None;
    if !generated {
        println!("Genererar {} (seed {}) …", args.scale, args.seed);
        let t = Instant::now();
        let st = std::process::Command::new(&varn)
            .args(&db_args)
            .args(["demo", "generate", "--scale", &args.scale, "--seed", &args.seed.to_string(), "--password", PASSWORD])
            .env("VARN_LOG", "warn")
            .status()?;
        if !st.success() {
            bail!("generation failed");
        }
        generate_seconds = Some(t.elapsed().as_secs_f64());
    }
    // Who plays which role.
    let pick = |role: &'static str| {
        let db = store.read().clone();
        async move {
            let f = varn_store::repo::users::UserFilter { role: Some(role.into()), active: Some(true) };
            let p = varn_store::repo::ListParams { per_page: Some(1), page: 1, sort: Some("username".into()), ..Default::default() };
            varn_store::repo::users::list(&db, &varn_domain::Scope::All, &f, &p)
                .await
                .map(|p| p.items.into_iter().next().map(|u| u.username))
        }
    };
    let head = pick("verksamhetsansvarig").await?.context("no unit head in the workload")?;
    let samordnare = pick("samordnare").await?.context("no samordnare in the workload")?;
    let unit = varn_store::repo::org::all_in_scope(store.read(), &varn_domain::Scope::All)
        .await?
        .into_iter()
        .find(|u| u.kind == "enhet")
        .context("no enhet")?;
    let database_bytes = if is_pg {
        use varn_store::sea_orm::ConnectionTrait;
        let r = store
            .read()
            .query_one(varn_store::sea_orm::Statement::from_string(store.backend(), "SELECT pg_database_size(current_database())"))
            .await?;
        r.and_then(|r| r.try_get_by_index::<i64>(0).ok()).unwrap_or(0) as u64
    } else {
        dir_size(&data_dir)
    };
    store.close().await;

    // 2. Start the release server and time its first answer.
    let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let base = format!("http://127.0.0.1:{port}");
    let started = Instant::now();
    let mut child = tokio::process::Command::new(&varn)
        .args(&db_args)
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

    // 3. The scenarios.
    let only: Option<Vec<String>> = args.only.as_ref().map(|o| o.split(',').map(str::to_owned).collect());
    let mut rows: Vec<Row> = Vec::new();
    for s in scenarios() {
        if only.as_ref().is_some_and(|o| !o.iter().any(|x| x == s.id)) {
            continue;
        }
        let username = match s.role {
            Role::Anonymous => String::new(),
            Role::Head => head.clone(),
            Role::Samordnare => samordnare.clone(),
        };
        if let Ok(mut g) = CURRENT.get_or_init(|| Mutex::new(None)).lock() {
            *g = Some(Current { username, kind: s.kind, unit_id: unit.id, unit_name: unit.name.clone() });
        }
        for c in [1, 16] {
            // Linux resets the peak ("high water mark") when 5 is written to clear_refs.
            let _ = std::fs::write(format!("/proc/{pid}/clear_refs"), "5");
            let (n, errors, rps, p50, p99) = attack(&base, c, args.duration).await?;
            let run_peak = rss_kib(pid, "VmHWM:") as f64 / 1024.0;
            eprintln!(
                "{:<14} c={c:<2} {n:>7} req  {rps:>8.0}/s  p50 {p50:>7.2} ms  p99 {p99:>7.2} ms  fel {errors}  rss {run_peak:.0} MiB",
                s.id
            );
            rows.push(Row {
                scenario: s.id.into(),
                title: s.title.into(),
                concurrency: c,
                requests: n,
                errors,
                rps,
                p50_ms: p50,
                p99_ms: p99,
                ratio_to_floor: None,
                peak_rss_mib: run_peak,
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
    let hwm = rss_kib(pid, "VmHWM:");
    sampler.abort();
    let _ = child.kill().await;
    let peak_mib = peak.load(Ordering::Relaxed).max(hwm) as f64 / 1024.0;

    // 4. The report.
    let machine = format!("{} cores, {}", std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0), std::env::consts::ARCH);
    println!();
    println!("Värn benchmark — {label}, scale {}, seed {}, {} s per run, {machine}", args.scale, args.seed, args.duration);
    if let Some(g) = generate_seconds {
        println!("workload generated in {g:.0} s");
    }
    println!("database {:.0} MiB · start to first answer {start_ms:.0} ms · peak RSS {peak_mib:.0} MiB", database_bytes as f64 / 1048576.0);
    println!();
    println!("| scenario | c | p50 ms | p99 ms | req/s | errors | × floor |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for r in &rows {
        println!(
            "| {} | {} | {:.2} | {:.2} | {:.0} | {} | {} |",
            r.title,
            r.concurrency,
            r.p50_ms,
            r.p99_ms,
            r.rps,
            r.errors,
            r.ratio_to_floor.map(|x| format!("{x:.2}")).unwrap_or_default()
        );
    }
    let report = Report {
        database: label.into(),
        scale: args.scale.clone(),
        seed: args.seed,
        machine,
        generate_seconds,
        database_bytes,
        start_to_first_answer_ms: start_ms,
        peak_rss_mib: peak_mib,
        rows,
    };
    let path = args.out.join(format!("bench-{label}-{}.json", args.scale));
    std::fs::write(&path, serde_json::to_string_pretty(&report)?)?;
    println!("\n{}", path.display());
    Ok(())
}
