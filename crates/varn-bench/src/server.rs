//! The server under test: its memory and its database's size.

use std::path::Path;

pub fn rss_kib(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with(field)).and_then(|l| l.split_whitespace().nth(1)).and_then(|n| n.parse().ok()))
        .unwrap_or(0)
}

/// CPU time per request of one run, µs.
pub struct Cpu {
    /// The server's.
    pub server_us: f64,
    /// The load generator's (this process).
    pub generator_us: f64,
}

/// The CPU time the server and this process had used at one moment.
pub struct CpuMark {
    pid: u32,
    server: f64,
    generator: f64,
}

impl CpuMark {
    /// Reads both now.
    pub fn now(pid: u32) -> Self {
        CpuMark { pid, server: cpu_seconds(&pid.to_string()), generator: cpu_seconds("self") }
    }

    /// What each has used since, per request of `requests`.
    pub fn per_request(&self, requests: usize) -> Cpu {
        let per = |seconds: f64| seconds * 1e6 / requests.max(1) as f64;
        Cpu { server_us: per(cpu_seconds(&self.pid.to_string()) - self.server), generator_us: per(cpu_seconds("self") - self.generator) }
    }
}

/// The CPU time (user and system, seconds) process `pid` ("self" for this one) has used so far.
fn cpu_seconds(pid: &str) -> f64 {
    let ticks = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok().and_then(|s| {
        // The fields after the command's name (which may hold spaces) in parentheses.
        let f: Vec<u64> = s.rsplit_once(')')?.1.split_whitespace().map(|x| x.parse().unwrap_or(0)).collect();
        Some(f.get(11)? + f.get(12)?)
    });
    // Linux reports in clock ticks of 1/100 s (USER_HZ) on every architecture it runs on here.
    ticks.unwrap_or(0) as f64 / 100.0
}

pub fn dir_size(p: &Path) -> u64 {
    std::fs::read_dir(p).map(|d| d.flatten().filter_map(|e| e.metadata().ok()).map(|m| m.len()).sum()).unwrap_or(0)
}

/// Pins every thread of process `pid` to the cores `cpus` (taskset's list form).
///
/// `taskset -a` walks the process's threads and fails when one ends on the way (a blocking
/// task's thread that had nothing more to do): tried three times.
pub fn pin(pid: u32, cpus: &str) -> anyhow::Result<()> {
    for _ in 0..3 {
        let st = std::process::Command::new("taskset")
            .args(["-a", "-c", "-p", cpus, &pid.to_string()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()?;
        if st.success() {
            return Ok(());
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    anyhow::bail!("taskset could not pin process {pid} to core {cpus}")
}

/// A CPU profile of the server being recorded (`perf record -e cpu-clock`).
pub struct Profile {
    child: std::process::Child,
    data: std::path::PathBuf,
}

impl Profile {
    /// Starts recording the server `pid` into `<dir>/<id>.data`.
    pub fn start(pid: u32, dir: &Path, id: &str) -> anyhow::Result<Profile> {
        std::fs::create_dir_all(dir)?;
        let data = dir.join(format!("{id}.data"));
        // Frame pointers by default (cheap, but the release build omits them, so callers are
        // mostly lost); `VARN_PERF_CALL_GRAPH=dwarf,16384` unwinds with the binary's unwind
        // tables instead, which names the callers of malloc and the like.
        let call_graph = std::env::var("VARN_PERF_CALL_GRAPH").unwrap_or_else(|_| "fp".into());
        let child = std::process::Command::new("perf")
            .args(["record", "-q", "-e", "cpu-clock", "-F", "999", "--call-graph", &call_graph, "-p", &pid.to_string(), "-o"])
            .arg(&data)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .map_err(|e| anyhow::anyhow!("perf could not start ({e}): install linux-perf"))?;
        Ok(Profile { child, data })
    }

    /// Stops recording and writes the report by symbol beside the data (`<id>.txt`).
    pub fn finish(mut self) -> anyhow::Result<()> {
        let _ = std::process::Command::new("kill").args(["-INT", &self.child.id().to_string()]).status();
        let _ = self.child.wait();
        let out = std::process::Command::new("perf")
            .args(["report", "--no-children", "--stdio", "--percent-limit", "0.5", "--sort", "dso,sym", "-g", "none", "-i"])
            .arg(&self.data)
            .output()?;
        std::fs::write(self.data.with_extension("txt"), out.stdout)?;
        Ok(())
    }
}
