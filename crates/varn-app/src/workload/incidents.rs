//! Incidents at storstad size: 100,000 over ten years with five timeline steps each. The
//! last weeks' are still open with their clocks running (the list sorted by the nearest
//! deadline has work to do); one in ten older ones was a personal data breach notified to
//! IMY, one in a hundred a significant incident under cybersäkerhetslagen.

use super::{insert_batches, reference_time, City, Scale};
use crate::AppError;
use chrono::Duration;
use rand::rngs::StdRng;
use rand::Rng;
use sea_orm::{Set, TransactionTrait};
use varn_domain::incident::{Answer, Category, Level, Severity, Status};
use varn_domain::Code;
use varn_store::entity::{incident, incident_duty, incident_event, incident_report};
use varn_store::Store;

const TITLES: [(&str, &str, Category); 8] = [
    ("Nätfiskemejl", "natfiske", Category::Konfidentialitet),
    ("Skadlig kod på dator", "skadlig_kod", Category::Tillganglighet),
    ("Förlorad mobiltelefon", "forlorad_enhet", Category::Konfidentialitet),
    ("E-post till fel mottagare", "felskickad_epost", Category::Konfidentialitet),
    ("Obehörig inloggning", "obehorig_atkomst", Category::Sparbarhet),
    ("Avbrott hos leverantör", "avbrott_leverantor", Category::Tillganglighet),
    ("Felaktiga uppgifter i registret", "felaktig_information", Category::Riktighet),
    ("Fel behörighet i verksamhetssystem", "behorighet", Category::Konfidentialitet),
];

/// Incidents at this scale (100,000 at storstad).
pub(super) fn count(s: &Scale) -> usize {
    s.documents * 100 / 3
}

/// How many of the newest are still open.
const OPEN: usize = 400;

pub(super) async fn generate(store: &Store, s: &Scale, city: &City, rng: &mut StdRng) -> Result<(), AppError> {
    let n = count(s);
    let now = reference_time();
    let span_minutes = 10 * 365 * 24 * 60;
    let txn = store.write().begin().await?;
    let (mut rows, mut events, mut duties, mut reports) = (Vec::with_capacity(n), Vec::with_capacity(n * 5), Vec::new(), Vec::new());
    let samordnare = 2i64;
    for i in 0..n {
        let id = i as i64 + 1;
        // Oldest first, evenly over ten years; the newest within the last hours.
        let reported = now - Duration::minutes(span_minutes * (n - i) as i64 / n as i64);
        let uid = rng.gen_range(0..city.user_units.len());
        let unit = &city.units[city.user_units[uid]];
        let (title, type_code, category) = TITLES[i % TITLES.len()];
        let open = i + OPEN >= n;
        let breach = i % 10 == 3;
        let significant = i % 100 == 7;
        let status = if open { [Status::Rapporterad, Status::UnderUtredning, Status::Begransad][i % 3] } else { Status::Avslutad };
        // An open one's nearest deadline: the 24-hour early warning, or IMY's 72 hours.
        let next_due = open.then(|| reported + Duration::hours(if breach { 72 } else { 24 }));
        let title = format!("{title} ({})", unit.name);
        rows.push(incident::ActiveModel {
            id: Set(id),
            unit_id: Set(unit.id),
            reporter_user_id: Set(uid as i64 + 1),
            handler_user_id: Set((!open).then_some(samordnare)),
            search_text: Set(title.to_lowercase()),
            title: Set(title),
            description: Set(None),
            noticed_at: Set(reported - Duration::minutes(30)),
            aware_at: Set(reported),
            reported_at: Set(reported),
            status: Set(status),
            category: Set((status != Status::Rapporterad).then_some(category)),
            type_code: Set(Some(type_code.to_owned())),
            severity: Set((status != Status::Rapporterad).then(|| Severity::ALL[i % 4])),
            level: Set(if significant { Level::AllvarligStorning } else { Level::Incident }),
            systems: Set(None),
            suppliers: Set(None),
            personal_data: Set(if breach { Answer::Ja } else { Answer::Nej }),
            operator_unit_id: Set(Some(city.units[0].id)),
            pua_unit_id: Set(None),
            root_cause: Set(None),
            lessons: Set((!open).then(|| "Rutinen gicks igenom.".to_owned())),
            contained_at: Set((!open).then(|| reported + Duration::hours(6))),
            closed_at: Set((!open).then(|| reported + Duration::days(10))),
            next_due: Set(next_due),
            created_at: Set(reported),
            updated_at: Set(reported),
        });
        for (k, kind) in ["reported", "triaged", "note", "status", "status"].into_iter().enumerate() {
            events.push(incident_event::ActiveModel {
                id: Set(id * 5 + k as i64 - 4),
                incident_id: Set(id),
                at: Set(reported + Duration::hours(k as i64 * 6)),
                user_id: Set(Some(if k == 0 { uid as i64 + 1 } else { samordnare })),
                kind: Set(kind.to_owned()),
                text: Set((kind == "note").then(|| "Kontakt med leverantören.".to_owned())),
                data: Set(None),
            });
        }
        if !open && (breach || significant) {
            let (regime, report, hours) = if breach { ("gdpr", "imy_anmalan", 72) } else { ("cybersakerhetslagen", "tidig_varning", 24) };
            let duty = incident_duty::ActiveModel {
                incident_id: Set(id),
                regime: Set(regime.into()),
                applies: Set(true),
                note: Set(None),
                answered_by: Set(samordnare),
                answered_at: Set(reported + Duration::hours(2)),
            };
            duties.push(duty);
            // One in twenty sent late.
            let late = if i % 20 == 3 { hours + 5 } else { hours - 10 };
            reports.push(incident_report::ActiveModel {
                id: Set(reports.len() as i64 + 1),
                incident_id: Set(id),
                regime: Set(regime.into()),
                report: Set(report.into()),
                outcome: Set("sent".into()),
                note: Set(None),
                sent_at: Set(reported + Duration::hours(late)),
                sent_by: Set(samordnare),
                recipient: Set(if breach { "Integritetsskyddsmyndigheten (IMY)" } else { "CSIRT-enheten" }.into()),
                reference: Set(Some(format!("REF-{id}"))),
                due_at: Set(Some(reported + Duration::hours(hours))),
                recorded_at: Set(reported + Duration::hours(late)),
            });
        }
    }
    insert_batches(&txn, rows).await?;
    insert_batches(&txn, events).await?;
    insert_batches(&txn, duties).await?;
    insert_batches(&txn, reports).await?;
    txn.commit().await?;
    Ok(())
}
