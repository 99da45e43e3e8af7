//! What a run measured, as a Markdown table and as JSON.

use serde::Serialize;

#[derive(Serialize, Clone)]
pub struct Row {
    pub scenario: String,
    pub title: String,
    pub concurrency: usize,
    pub requests: usize,
    pub errors: usize,
    pub rps: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub ratio_to_floor: Option<f64>,
    /// The server's peak resident memory during this run.
    pub peak_rss_mib: f64,
    /// The server's CPU time (user and system) per request during the run, µs: what the page
    /// costs the server where the requests per second also count the load generator's share.
    pub server_cpu_us: f64,
    /// The load generator's own CPU time per request during the run, µs.
    pub generator_cpu_us: f64,
}

#[derive(Serialize)]
pub struct Report {
    pub database: String,
    pub scale: String,
    pub seed: u64,
    pub machine: String,
    pub generate_seconds: Option<f64>,
    pub database_bytes: u64,
    pub start_to_first_answer_ms: f64,
    pub peak_rss_mib: f64,
    pub rows: Vec<Row>,
}

impl Report {
    /// The report as a Markdown table.
    pub fn print(&self, secs: usize) {
        println!();
        println!("Värn benchmark — {}, scale {}, seed {}, {secs} s per run, {}", self.database, self.scale, self.seed, self.machine);
        if let Some(g) = self.generate_seconds {
            println!("workload generated in {g:.0} s");
        }
        println!(
            "database {:.0} MiB · start to first answer {:.0} ms · peak RSS {:.0} MiB",
            self.database_bytes as f64 / 1048576.0,
            self.start_to_first_answer_ms,
            self.peak_rss_mib
        );
        println!();
        println!("| scenario | c | p50 ms | p99 ms | req/s | errors | × floor | server CPU µs/req | generator CPU µs/req |");
        println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for r in &self.rows {
            let ratio = r.ratio_to_floor.map(|x| format!("{x:.2}")).unwrap_or_default();
            println!(
                "| {} | {} | {:.2} | {:.2} | {:.0} | {} | {ratio} | {:.0} | {:.0} |",
                r.title, r.concurrency, r.p50_ms, r.p99_ms, r.rps, r.errors, r.server_cpu_us, r.generator_cpu_us
            );
        }
    }
}
