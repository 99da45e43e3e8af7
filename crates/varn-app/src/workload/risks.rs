//! Risk management at storstad size (BENCH.md): 5,000 risk analyses with ten risks each, and
//! 50,000 treatment actions, each a task of an information owner (a third still open). The
//! risks spread over the matrix, most assessed after treatment; one in ten accepted, one in
//! ten closed; review dates from two months past to a year ahead.

use super::{insert_batches, reference_time, City, Scale};
use crate::AppError;
use chrono::Duration;
use rand::rngs::StdRng;
use rand::Rng;
use sea_orm::{EntityTrait, QuerySelect, Set, TransactionTrait};
use varn_domain::risk::{RiskStatus, ScopeKind, Treatment};
use varn_domain::task::TaskStatus;
use varn_domain::Code;
use varn_store::entity::{risk, risk_action, risk_analysis, task};
use varn_store::Store;

/// Analyses at this scale (5,000 at storstad).
pub(super) fn count(s: &Scale) -> usize {
    s.documents * 5 / 3
}

/// Risks per analysis.
pub(super) const PER_ANALYSIS: usize = 10;

const SUBJECTS: [&str; 6] = [
    "Verksamhetssystemet",
    "E-tjänsten för ansökningar",
    "Ärendehanteringen",
    "Lönehanteringen",
    "Molntjänsten för e-post",
    "Passersystemet",
];

pub(super) async fn generate(store: &Store, s: &Scale, city: &City, rng: &mut StdRng) -> Result<usize, AppError> {
    let rules = crate::risks::RiskRules::builtin()?;
    let (threats, vulns) = (&rules.catalogue.threats, &rules.catalogue.vulnerabilities);
    let size = rules.matrix.likelihood.len() as i64;
    let now = reference_time();
    let today = now.date_naive();
    let txn = store.write().begin().await?;
    let max: Option<i64> = task::Entity::find()
        .select_only()
        .column_as(sea_orm::sea_query::Expr::col(task::Column::Id).max(), "m")
        .into_tuple()
        .one(&txn)
        .await?
        .flatten();
    let mut next_task = max.unwrap_or(0) + 1;
    // Information owners (their ids follow the heads'), else anyone.
    let first_owner = city.heads.last().map(|h| h.1 + 1).unwrap_or(1);
    let owners = (s.agare as i64).max(1);
    let n = count(s);
    let (mut analyses, mut risks, mut actions, mut tasks) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n * PER_ANALYSIS),
        Vec::with_capacity(n * PER_ANALYSIS),
        Vec::with_capacity(n * PER_ANALYSIS),
    );
    for i in 0..n {
        let aid = i as i64 + 1;
        let unit = &city.units[city.enheter[rng.gen_range(0..city.enheter.len())]];
        let on = today - Duration::days(rng.gen_range(0..3 * 365));
        let at = on.and_hms_opt(9, 0, 0).map(|t| t.and_utc()).unwrap_or(now);
        let title = format!("Riskanalys: {} – {}", SUBJECTS[i % SUBJECTS.len()], unit.name);
        analyses.push(risk_analysis::ActiveModel {
            id: Set(aid),
            unit_id: Set(unit.id),
            search_text: Set(title.to_lowercase()),
            title: Set(title),
            scope_kind: Set(ScopeKind::ALL[i % ScopeKind::ALL.len()]),
            scope_text: Set(Some(SUBJECTS[i % SUBJECTS.len()].to_owned())),
            analysed_on: Set(on),
            participants: Set(Some("Verksamhetens chef, informationsägare, systemförvaltare".into())),
            description: Set(None),
            created_by: Set(2),
            created_at: Set(at),
            updated_at: Set(at),
        });
        for k in 0..PER_ANALYSIS {
            let id = aid * PER_ANALYSIS as i64 + k as i64 - PER_ANALYSIS as i64 + 1;
            let threat = &threats[(i + k) % threats.len()];
            let vuln = &vulns[(i * 3 + k) % vulns.len()];
            let (l, c) = (rng.gen_range(1..=size), rng.gen_range(1..=size));
            let residual = (k % 4 != 3).then(|| ((l - rng.gen_range(0..=1)).max(1), (c - rng.gen_range(0..=1)).max(1)));
            let score = l * c;
            let status = match k {
                0 => RiskStatus::Avslutad,
                1 => RiskStatus::Accepterad,
                2 => RiskStatus::Identifierad,
                _ => RiskStatus::Behandlas,
            };
            let treatment = match status {
                RiskStatus::Identifierad => None,
                RiskStatus::Accepterad => Some(Treatment::Acceptera),
                _ => Some([Treatment::Reducera, Treatment::Reducera, Treatment::Undvika, Treatment::Dela][k % 4]),
            };
            let owner = first_owner + rng.gen_range(0..owners);
            let title = format!("{} genom {}", threat.name.sv, vuln.name.sv.to_lowercase());
            risks.push(risk::ActiveModel {
                id: Set(id),
                analysis_id: Set(aid),
                unit_id: Set(unit.id),
                search_text: Set(title.to_lowercase()),
                title: Set(title),
                description: Set(None),
                threat: Set(threat.code.clone()),
                vulnerability: Set(vuln.code.clone()),
                aspects: Set(["k", "t", "k,r", "k,s", "r,t"][(i + k) % 5].into()),
                likelihood: Set(l),
                consequence: Set(c),
                score: Set(score),
                residual_likelihood: Set(residual.map(|r| r.0)),
                residual_consequence: Set(residual.map(|r| r.1)),
                residual_score: Set(residual.map_or(score, |(a, b)| a * b)),
                treatment: Set(treatment),
                treatment_plan: Set(treatment.map(|_| "Åtgärderna följs upp i ledningens genomgång.".to_owned())),
                owner_user_id: Set(Some(owner)),
                review_on: Set((status != RiskStatus::Avslutad).then(|| today + Duration::days(rng.gen_range(-60..365)))),
                status: Set(status),
                accepted_by: Set((status == RiskStatus::Accepterad).then_some(2)),
                accepted_on: Set((status == RiskStatus::Accepterad).then_some(on)),
                created_at: Set(at),
                updated_at: Set(at),
            });
            // One treatment action per risk, a task of its owner; a third still open.
            let open = id % 3 == 0;
            let due = on + Duration::days(rng.gen_range(30..400));
            let what = "Genomför åtgärden i riskanalysen";
            tasks.push(task::ActiveModel {
                id: Set(next_task),
                source_type: Set(varn_store::repo::risks::TASK_SOURCE.into()),
                source_id: Set(Some(id)),
                title: Set(format!("{what} (risk {id})")),
                link: Set(format!("/risks/{id}#actions")),
                assignee_user_id: Set(Some(owner)),
                assignee_unit_id: Set(None),
                due_date: Set(Some(due)),
                status: Set(if open { TaskStatus::Open } else { TaskStatus::Done }),
                created_at: Set(at),
                completed_at: Set((!open).then(|| at + Duration::days(20))),
                unit_id: Set(Some(unit.id)),
            });
            actions.push(risk_action::ActiveModel {
                id: Set(id),
                risk_id: Set(id),
                title: Set(what.into()),
                responsible_user_id: Set(owner),
                due_date: Set(Some(due)),
                task_id: Set(next_task),
                created_by: Set(2),
                created_at: Set(at),
            });
            next_task += 1;
        }
    }
    let made = analyses.len() + risks.len() + actions.len();
    insert_batches(&txn, analyses).await?;
    insert_batches(&txn, risks).await?;
    insert_batches(&txn, tasks).await?;
    insert_batches(&txn, actions).await?;
    txn.commit().await?;
    Ok(made)
}
