//! The scenarios of BENCH.md that exist, the goose users that play them, and one attack.

use crate::sessions::{session_headers, sign_in, sign_in_ahead};
use goose::prelude::*;
use std::sync::{Mutex, OnceLock};

/// The password every generated user has.
pub const PASSWORD: &str = "Storstad-2026!";

/// One measured scenario.
pub struct Case {
    pub id: &'static str,
    pub title: &'static str,
    pub role: Role,
    pub kind: Kind,
}

#[derive(Clone, Copy, PartialEq)]
pub enum Role {
    Anonymous,
    Head,
    Samordnare,
    /// An employee who only reports (Medarbetare): where most reports come from.
    Employee,
}

#[derive(Clone, Copy)]
pub enum Kind {
    Get(&'static str),
    /// A write with its audit row: rename a unit to its own name through the API, every
    /// session the same unit (they queue on its row).
    PatchUnit,
    /// The same write, each session renaming a unit of its own ([`Current::units`]): sixteen
    /// people at work on sixteen units.
    PatchUnits,
    /// BENCH.md 9: report an incident through the API (a write with its audit row and its
    /// first timeline step).
    PostIncident,
    /// The soak's mix: in turn Mina uppgifter, a unit search, the API's unit list, a
    /// document, and a write (three reads to one write, roughly a working day's mix).
    Mixed,
}

/// Where each user of the soak is in its mix.
static MIX: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// The reads of the soak's mix.
const MIX_READS: [&str; 4] = ["/tasks", "/org/list?q=skola&kind=enhet", "/api/v1/org-units?limit=100", "/documents/1"];

pub fn scenarios() -> Vec<Case> {
    vec![
        Case { id: "tasks", title: "1. Mina uppgifter (enhetschef)", role: Role::Head, kind: Kind::Get("/tasks") },
        Case { id: "tasks-city", title: "Mina uppgifter (samordnare, hela staden)", role: Role::Samordnare, kind: Kind::Get("/tasks") },
        Case { id: "org-tree", title: "Organisationsträdet (samordnare, hela staden)", role: Role::Samordnare, kind: Kind::Get("/org") },
        Case { id: "unit", title: "En enhets översikt: stadens topp (samordnare)", role: Role::Samordnare, kind: Kind::Get("/org/1") },
        Case {
            id: "org-search",
            title: "Enhetslista, sökning + filter, sida 1",
            role: Role::Samordnare,
            kind: Kind::Get("/org/list?q=skola&kind=enhet"),
        },
        Case { id: "users-search", title: "Användarlista, sökning (50 000)", role: Role::Samordnare, kind: Kind::Get("/users?q=anna") },
        Case {
            id: "people-search",
            title: "Personväljaren: sök på namn (samordnare, 50 000)",
            role: Role::Samordnare,
            kind: Kind::Get("/people?q=ann"),
        },
        Case {
            id: "people-search-head",
            title: "Personväljaren: sök på namn (enhetschef)",
            role: Role::Head,
            kind: Kind::Get("/people?q=ann"),
        },
        Case {
            id: "work",
            title: "Uppföljning av arbetet, hela staden (samordnare)",
            role: Role::Samordnare,
            kind: Kind::Get("/governance"),
        },
        Case {
            id: "work-head",
            title: "Uppföljning av arbetet, egen enhet (enhetschef)",
            role: Role::Head,
            kind: Kind::Get("/governance"),
        },
        Case {
            id: "api-work",
            title: "GET /api/v1/follow-up/work (samordnare)",
            role: Role::Samordnare,
            kind: Kind::Get("/api/v1/follow-up/work"),
        },
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
        Case { id: "doc-pdf", title: "Ett styrdokument som PDF (PDF/UA-1)", role: Role::Head, kind: Kind::Get("/documents/1/pdf") },
        Case { id: "doc-pdf-a", title: "Ett styrdokument som PDF/A-2a", role: Role::Head, kind: Kind::Get("/documents/1/pdf?archive=1") },
        Case {
            id: "api-documents",
            title: "GET /api/v1/documents?limit=100",
            role: Role::Samordnare,
            kind: Kind::Get("/api/v1/documents?limit=100"),
        },
        Case {
            id: "assets",
            title: "2. Informationstillgångar i en nämnds delträd, sökning + filter, sida 1",
            role: Role::Samordnare,
            kind: Kind::Get("/assets?unit=3&q=akter&classified=yes"),
        },
        Case {
            id: "assets-city-search",
            title: "Informationstillgångar i hela staden, sökning, sida 1 (25 000)",
            role: Role::Samordnare,
            kind: Kind::Get("/assets?q=akter"),
        },
        Case {
            id: "asset",
            title: "3. En informationstillgång (klassning, bärare, handlingsplan, risker)",
            role: Role::Samordnare,
            kind: Kind::Get("/assets/1"),
        },
        Case {
            id: "api-assets",
            title: "8. GET /api/v1/assets?limit=100",
            role: Role::Samordnare,
            kind: Kind::Get("/api/v1/assets?limit=100"),
        },
        Case {
            id: "assets-overview",
            title: "Översikt informationstillgångar, hela staden",
            role: Role::Samordnare,
            kind: Kind::Get("/assets/overview"),
        },
        Case {
            id: "carrier",
            title: "En informationsbärare med beroenden åt båda håll",
            role: Role::Samordnare,
            kind: Kind::Get("/carriers/5"),
        },
        Case {
            id: "assets-csv",
            title: "10. CSV-export av 25 000 informationstillgångar",
            role: Role::Samordnare,
            kind: Kind::Get("/assets?format=csv"),
        },
        Case {
            id: "risks",
            title: "4. En nämnds risker med värmekartor (samordnare, 50 000 risker)",
            role: Role::Samordnare,
            kind: Kind::Get("/risks?unit=3"),
        },
        Case { id: "risks-head", title: "Riskregistret i den egna delen (enhetschef)", role: Role::Head, kind: Kind::Get("/risks") },
        Case { id: "risk", title: "En risk (nivåer, åtgärder, tillgångar)", role: Role::Samordnare, kind: Kind::Get("/risks/2") },
        Case {
            id: "api-risk-heat",
            title: "GET /api/v1/risks/heat-map?unit_id=3",
            role: Role::Samordnare,
            kind: Kind::Get("/api/v1/risks/heat-map?unit_id=3"),
        },
        Case {
            id: "risk-analyses",
            title: "Riskanalyserna, nyaste först (samordnare, 5 000)",
            role: Role::Samordnare,
            kind: Kind::Get("/risks/analyses"),
        },
        Case {
            id: "incidents",
            title: "5. Incidentlistan, närmaste frist först (samordnare, hela staden)",
            role: Role::Samordnare,
            kind: Kind::Get("/incidents"),
        },
        Case {
            id: "incidents-all",
            title: "Incidentlistan, alla 100 000, närmaste frist först",
            role: Role::Samordnare,
            kind: Kind::Get("/incidents?state=all"),
        },
        Case { id: "incident", title: "En incident (frister, tidslinje)", role: Role::Samordnare, kind: Kind::Get("/incidents/99990") },
        Case {
            id: "api-incidents",
            title: "GET /api/v1/incidents?open=true&limit=100",
            role: Role::Samordnare,
            kind: Kind::Get("/api/v1/incidents?open=true&limit=100"),
        },
        Case {
            id: "authorities",
            title: "Myndigheter och nätverk, kontakter räknade (samordnare)",
            role: Role::Samordnare,
            kind: Kind::Get("/authorities"),
        },
        Case {
            id: "authorities-head",
            title: "Myndigheter och nätverk, kontakter i den egna delen (enhetschef)",
            role: Role::Head,
            kind: Kind::Get("/authorities"),
        },
        Case {
            id: "authority",
            title: "En myndighet (IMY, 10 000 kontakter), sida 1",
            role: Role::Samordnare,
            kind: Kind::Get("/authorities/3"),
        },
        Case {
            id: "incident-create",
            title: "9. Rapportera en incident via API:t (med granskningsrad)",
            // An employee reports into their own unit, as most reports come: run as the unit
            // head, each run left thousands more open incidents in the head's own unit, which
            // the head's Mina uppgifter then had to sort (1 360 → 132 req/s on the next run).
            role: Role::Employee,
            kind: Kind::PostIncident,
        },
        Case { id: "write", title: "9'. Skrivning med granskningsrad (PATCH enhet)", role: Role::Samordnare, kind: Kind::PatchUnit },
        Case {
            id: "write-units",
            title: "9''. Skrivning med granskningsrad (PATCH, en enhet per session)",
            role: Role::Samordnare,
            kind: Kind::PatchUnits,
        },
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
pub struct Current {
    pub username: String,
    pub kind: Kind,
    pub unit_id: i64,
    pub unit_name: String,
    /// The units of [`Kind::PatchUnits`], one per session (by the goose user's index).
    pub units: std::sync::Arc<Vec<(i64, String)>>,
}

pub static CURRENT: OnceLock<Mutex<Option<Current>>> = OnceLock::new();

pub fn current() -> Option<Current> {
    CURRENT.get_or_init(|| Mutex::new(None)).lock().ok().and_then(|g| g.clone())
}

pub async fn act(user: &mut GooseUser) -> TransactionResult {
    let Some(cur) = current() else { return Ok(()) };
    let kind = match cur.kind {
        Kind::Mixed => match MIX.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % 5 {
            4 => Kind::PatchUnit,
            i => Kind::Get(MIX_READS[i]),
        },
        k => k,
    };
    match kind {
        Kind::Get(path) => {
            let rb = session_headers(user, false)
                .into_iter()
                .fold(user.get_request_builder(&GooseMethod::Get, path)?, |rb, (k, v)| rb.header(k, v));
            let r = user.request(GooseRequest::builder().path(path).set_request_builder(rb).name("target").build()).await?;
            if let Ok(resp) = r.response {
                // Read the whole body: the time includes sending it.
                let _ = resp.bytes().await;
            }
        }
        Kind::PatchUnit | Kind::PatchUnits => {
            let (id, name) = match kind {
                Kind::PatchUnits if !cur.units.is_empty() => {
                    let (id, name) = &cur.units[user.weighted_users_index % cur.units.len()];
                    (*id, name.as_str())
                }
                _ => (cur.unit_id, cur.unit_name.as_str()),
            };
            let path = format!("/api/v1/org-units/{id}");
            let rb = session_headers(user, true)
                .into_iter()
                .fold(user.get_request_builder(&GooseMethod::Patch, &path)?, |rb, (k, v)| rb.header(k, v));
            let rb = rb.json(&serde_json::json!({"name": name}));
            let r = user
                .request(
                    GooseRequest::builder().method(GooseMethod::Patch).path(path.as_str()).set_request_builder(rb).name("target").build(),
                )
                .await?;
            if let Ok(resp) = r.response {
                let _ = resp.bytes().await;
            }
        }
        Kind::PostIncident => {
            let path = "/api/v1/incidents";
            let body = serde_json::json!({"title": "Nätfiskemejl till förvaltningen", "personal_data": "nej"});
            let rb = session_headers(user, true)
                .into_iter()
                .fold(user.get_request_builder(&GooseMethod::Post, path)?, |rb, (k, v)| rb.header(k, v));
            let rb = rb.json(&body);
            let r = user
                .request(GooseRequest::builder().method(GooseMethod::Post).path(path).set_request_builder(rb).name("target").build())
                .await?;
            if let Ok(resp) = r.response {
                let _ = resp.bytes().await;
            }
        }
        Kind::Mixed => {}
    }
    Ok(())
}

pub async fn attack(
    base: &str,
    pid: u32,
    concurrency: usize,
    secs: usize,
) -> anyhow::Result<(usize, usize, f64, f64, f64, crate::server::Cpu)> {
    if let Some(cur) = current().filter(|c| !c.username.is_empty()) {
        sign_in_ahead(base, &cur.username, concurrency).await?;
    }
    // The CPU both processes use from here to the end of the run (after the sign-ins; the
    // goose users' start, a few milliseconds, falls inside).
    let mark = crate::server::CpuMark::now(pid);
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
        anyhow::bail!("no requests were measured");
    };
    let errors = m.fail_count + m.status_code_counts.iter().filter(|(s, _)| **s >= 400).map(|(_, n)| *n).sum::<usize>();
    let dur = metrics.duration.max(1) as f64;
    let p50 = m.raw_data.percentile_us(0.50) as f64 / 1000.0;
    let p99 = m.raw_data.percentile_us(0.99) as f64 / 1000.0;
    Ok((m.raw_data.counter, errors, m.success_count as f64 / dur, p50, p99, mark.per_request(m.raw_data.counter)))
}
