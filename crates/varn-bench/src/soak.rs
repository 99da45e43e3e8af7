//! The soak: mixed reads and writes at concurrency 16 for a long while, the server's
//! resident memory sampled every 10 seconds, and its trend reported.

use crate::scenarios::{attack, Current, Kind, CURRENT};
use crate::server::rss_kib;
use serde::Serialize;
use std::time::{Duration, Instant};

/// What the soak found.
#[derive(Serialize)]
pub struct SoakReport {
    minutes: u64,
    requests: usize,
    errors: usize,
    rps: f64,
    p50_ms: f64,
    p99_ms: f64,
    /// (seconds since start, resident MiB), every 10 s.
    samples: Vec<(u64, f64)>,
    first_mib: f64,
    max_mib: f64,
    last_mib: f64,
    /// Growth over the second half of the run, MiB per 10 minutes (least squares).
    second_half_mib_per_10min: f64,
}

/// Least-squares slope of the samples, MiB per second.
fn slope(xs: &[(u64, f64)]) -> f64 {
    let n = xs.len() as f64;
    if n < 2.0 {
        return 0.0;
    }
    let mx = xs.iter().map(|p| p.0 as f64).sum::<f64>() / n;
    let my = xs.iter().map(|p| p.1).sum::<f64>() / n;
    let num: f64 = xs.iter().map(|p| (p.0 as f64 - mx) * (p.1 - my)).sum();
    let den: f64 = xs.iter().map(|p| (p.0 as f64 - mx).powi(2)).sum();
    if den == 0.0 {
        0.0
    } else {
        num / den
    }
}

/// Runs the soak as `samordnare` (who may write the unit).
pub async fn run(base: &str, pid: u32, samordnare: &str, unit: (i64, &str), minutes: u64) -> anyhow::Result<SoakReport> {
    if let Ok(mut g) = CURRENT.get_or_init(|| std::sync::Mutex::new(None)).lock() {
        *g = Some(Current {
            username: samordnare.to_owned(),
            kind: Kind::Mixed,
            unit_id: unit.0,
            unit_name: unit.1.to_owned(),
            units: Default::default(),
        });
    }
    let started = Instant::now();
    let sampler = tokio::spawn(async move {
        let mut samples = vec![];
        loop {
            samples.push((started.elapsed().as_secs(), rss_kib(pid, "VmRSS:") as f64 / 1024.0));
            if started.elapsed() >= Duration::from_secs(minutes * 60) {
                return samples;
            }
            tokio::time::sleep(Duration::from_secs(10)).await;
        }
    });
    let (requests, errors, rps, p50_ms, p99_ms, _) = attack(base, pid, 16, (minutes * 60) as usize).await?;
    let samples = sampler.await?;
    let half = samples.len() / 2;
    let report = SoakReport {
        minutes,
        requests,
        errors,
        rps,
        p50_ms,
        p99_ms,
        first_mib: samples.first().map(|s| s.1).unwrap_or(0.0),
        max_mib: samples.iter().map(|s| s.1).fold(0.0, f64::max),
        last_mib: samples.last().map(|s| s.1).unwrap_or(0.0),
        second_half_mib_per_10min: slope(&samples[half..]) * 600.0,
        samples,
    };
    for (t, mib) in report.samples.iter().filter(|s| s.0 % 60 < 10) {
        eprintln!("{:>5} s  {mib:>7.1} MiB", t);
    }
    eprintln!(
        "soak {minutes} min: {requests} requests ({errors} errors), {rps:.0}/s, p50 {p50_ms:.2} ms, p99 {p99_ms:.2} ms; RSS first {:.0}, max {:.0}, last {:.0} MiB; second half {:+.1} MiB / 10 min",
        report.first_mib, report.max_mib, report.last_mib, report.second_half_mib_per_10min
    );
    Ok(report)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_trend_is_a_least_squares_slope() {
        assert!((super::slope(&[(0, 100.0), (10, 101.0), (20, 102.0)]) - 0.1).abs() < 1e-9);
        assert_eq!(super::slope(&[(0, 100.0), (10, 100.0)]), 0.0);
        assert_eq!(super::slope(&[(0, 5.0)]), 0.0);
    }
}
