//! The benchmark's governing documents: 3 000 documents with three versions each (the
//! policy → strategy/guideline → instruction tree), strategy actions as tasks, and 500 000
//! staff acknowledgements.

use super::{insert_batches, reference_time, City, Scale};
use crate::AppError;
use rand::rngs::StdRng;
use rand::Rng;
use sea_orm::{Set, TransactionTrait};
use varn_domain::document::{DecidingBody, DocType, Priority, Status, VersionState, TASK_SOURCE_ACTION};
use varn_domain::task::TaskStatus;
use varn_domain::Code;
use varn_store::entity::{document, document_ack, document_ack_request, document_action, document_version, task};
use varn_store::Store;

const SUBJECTS: [&str; 16] = [
    "informationsklassning",
    "behörighetshantering",
    "lösenord och inloggning",
    "distansarbete",
    "molntjänster",
    "säkerhetskopiering",
    "incidenthantering",
    "loggning och spårbarhet",
    "kontinuitetsplanering",
    "mobila enheter",
    "e-post och meddelanden",
    "utskrifter och papper",
    "leverantörer och avtal",
    "personuppgifter",
    "kryptering",
    "informationssäkerhetsutbildning",
];

const SENTENCES: [&str; 10] = [
    "Informationen ska ges ett skydd som motsvarar dess klassning i konfidentialitet, riktighet och tillgänglighet.",
    "Varje förvaltning ansvarar för att medarbetarna känner till och följer detta dokument.",
    "Avvikelser rapporteras till närmaste chef och till informationssäkerhetssamordnaren utan dröjsmål.",
    "Informationsägaren beslutar om behörigheter och följer upp dem minst en gång per år.",
    "Riskerna bedöms innan ett nytt IT-stöd tas i bruk och när verksamheten ändras väsentligt.",
    "Personuppgifter behandlas enligt dataskyddsförordningen och stadens riktlinjer.",
    "Leverantörer som hanterar stadens information ska uppfylla samma krav som staden själv.",
    "Dokumentet följs upp i nämndernas internkontroll och revideras vid behov.",
    "Säkerhetskopior tas regelbundet och återläsning prövas minst en gång per år.",
    "Medarbetare genomgår grundutbildning i informationssäkerhet vid anställningens början.",
];

/// What a document looks like in the generated city.
fn body(rng: &mut StdRng, title: &str, version: i32) -> String {
    let mut s = format!("## Syfte\n\n{title} anger hur staden arbetar. Version {version}.\n\n");
    for h in ["Omfattning", "Ansvar", "Krav", "Uppföljning"] {
        s.push_str(&format!("## {h}\n\n"));
        for _ in 0..rng.gen_range(2..5) {
            s.push_str(SENTENCES[rng.gen_range(0..SENTENCES.len())]);
            s.push(' ');
        }
        s.push_str("\n\n");
        if h == "Krav" {
            for _ in 0..4 {
                s.push_str(&format!("- {}\n", SENTENCES[rng.gen_range(0..SENTENCES.len())]));
            }
            s.push('\n');
        }
    }
    s
}

/// Strategy actions per strategy.
pub const ACTIONS_PER_STRATEGY: usize = 5;

/// The type of the `i`th of `n` documents: a few policies, some strategies, many guidelines,
/// most of all instructions.
pub fn doc_type(i: usize, n: usize) -> DocType {
    let f = i as f64 / n.max(1) as f64;
    match i {
        0 => DocType::Policy,
        1 => DocType::Strategi,
        _ if f < 0.0034 => DocType::Policy,
        _ if f < 0.037 => DocType::Strategi,
        _ if f < 0.333 => DocType::Riktlinje,
        _ => DocType::Anvisning,
    }
}

/// How many strategy actions (and so tasks) the documents add.
pub fn action_count(s: &Scale) -> usize {
    (0..s.documents).filter(|i| doc_type(*i, s.documents) == DocType::Strategi).count() * ACTIONS_PER_STRATEGY
}

pub(super) async fn generate(store: &Store, s: &Scale, city: &City, rng: &mut StdRng) -> Result<(), AppError> {
    let now = reference_time();
    let today = now.date_naive();
    let n = s.documents;
    let ks = 1; // index of Kommunstyrelsen in the unit plan
    let forvaltningar: Vec<usize> = (0..city.units.len()).filter(|i| city.units[*i].kind == "forvaltning").collect();
    let head_of = |u: usize| city.heads.iter().find(|(x, _)| *x == u).map(|(_, h)| *h);
    let mut docs = Vec::with_capacity(n);
    let mut versions = Vec::with_capacity(n * 3);
    let mut actions = Vec::new();
    let mut action_tasks = Vec::new();
    // (document id, current version id, applies-to unit index) of documents staff may confirm.
    let mut confirmable = Vec::new();
    let mut of_type: std::collections::HashMap<DocType, Vec<i64>> = std::collections::HashMap::new();
    for i in 0..n {
        let id = i as i64 + 1;
        let t = doc_type(i, n);
        let subject = SUBJECTS[rng.gen_range(0..SUBJECTS.len())];
        let (unit, applies, parent) = match t {
            DocType::Policy => (ks, 0, None),
            DocType::Strategi => (ks, 0, of_type.get(&DocType::Policy).map(|p| p[rng.gen_range(0..p.len())])),
            DocType::Riktlinje => {
                let parents: Vec<i64> =
                    of_type.get(&DocType::Policy).into_iter().chain(of_type.get(&DocType::Strategi)).flatten().copied().collect();
                let f = forvaltningar[rng.gen_range(0..forvaltningar.len())];
                let city_wide = rng.gen_bool(0.5);
                (if city_wide { ks } else { f }, if city_wide { 0 } else { f }, Some(parents[rng.gen_range(0..parents.len())]))
            }
            DocType::Anvisning => {
                let p = of_type.get(&DocType::Riktlinje).map(|r| r[rng.gen_range(0..r.len())]);
                let u = if rng.gen_bool(0.6) {
                    forvaltningar[rng.gen_range(0..forvaltningar.len())]
                } else {
                    city.enheter[rng.gen_range(0..city.enheter.len())]
                };
                (u, u, p)
            }
        };
        let title = match t {
            DocType::Policy => format!("Policy för {subject}"),
            DocType::Strategi => format!("Strategi för {subject} {}–{}", 2024 + i % 3, 2027 + i % 3),
            DocType::Riktlinje => format!("Riktlinje för {subject}"),
            DocType::Anvisning => format!("Anvisning för {subject}, {}", city.units[unit].name),
        };
        let roll = rng.gen_range(0..100);
        let status = match roll {
            0..=89 => Status::Gallande,
            90..=94 => Status::UnderRevision,
            95..=97 => Status::PaRemiss,
            _ => Status::Upphavd,
        };
        let body_code = match t {
            DocType::Policy => DecidingBody::Kommunfullmaktige,
            DocType::Strategi | DocType::Riktlinje => DecidingBody::Kommunstyrelse,
            DocType::Anvisning => DecidingBody::Chef,
        };
        // Three versions: for a document being revised the third is the draft.
        let adopted_n = if matches!(status, Status::UnderRevision | Status::PaRemiss) { 2 } else { 3 };
        let revision = today + chrono::Duration::days(rng.gen_range(-200..900));
        let valid_until = (t == DocType::Strategi).then(|| today + chrono::Duration::days(rng.gen_range(-100..1200)));
        for v in 1..=3 {
            let vid = (id - 1) * 3 + v as i64;
            let decided = today - chrono::Duration::days(((4 - v) * 400 + rng.gen_range(0..300)) as i64);
            let state = if v < adopted_n {
                VersionState::Superseded
            } else if v == adopted_n {
                VersionState::Adopted
            } else {
                VersionState::Draft
            };
            versions.push(document_version::ActiveModel {
                id: Set(vid),
                document_id: Set(id),
                number: Set(v),
                state: Set(state),
                title: Set(title.clone()),
                deciding_body: Set(body_code),
                decision_date: Set((state != VersionState::Draft).then_some(decided)),
                valid_until: Set(valid_until),
                by_law: Set(false),
                law: Set(None),
                revision_date: Set(Some(revision)),
                follow_up: Set(Some("Årligen i internkontrollen".into())),
                diarienummer: Set((t != DocType::Anvisning).then(|| format!("KS {}/{:04}", decided.format("%Y"), id))),
                paragraph: Set(None),
                body_md: Set(body(rng, &title, v)),
                attachment_id: Set(None),
                created_by: Set(Some(2)),
                created_at: Set(now),
                updated_at: Set(now),
                adopted_by: Set((state != VersionState::Draft).then_some(2)),
                adopted_at: Set((state != VersionState::Draft).then_some(now)),
            });
        }
        let current = (id - 1) * 3 + adopted_n as i64;
        let owner = if rng.gen_bool(0.95) { head_of(unit) } else { None };
        docs.push(document::ActiveModel {
            id: Set(id),
            doc_type: Set(t),
            title: Set(title.clone()),
            search_text: Set(title.to_lowercase()),
            status: Set(status),
            unit_id: Set(city.units[unit].id),
            applies_to_unit_id: Set(city.units[applies].id),
            owner_user_id: Set(owner),
            parent_id: Set(parent),
            current_version_id: Set(Some(current)),
            revision_date: Set(Some(revision)),
            valid_until: Set(valid_until),
            created_at: Set(now),
            updated_at: Set(now),
        });
        if t == DocType::Strategi {
            for k in 0..ACTIONS_PER_STRATEGY {
                let task_id = (s.tasks + action_tasks.len() + 1) as i64;
                let (u_ix, head) = city.heads[rng.gen_range(0..city.heads.len())];
                let due = today + chrono::Duration::days(rng.gen_range(-120..700));
                let atitle = format!("Åtgärd {} inom {subject}", k + 1);
                action_tasks.push(task::ActiveModel {
                    id: Set(task_id),
                    source_type: Set(TASK_SOURCE_ACTION.into()),
                    source_id: Set(Some((actions.len() + 1) as i64)),
                    title: Set(format!("{atitle} – {title}")),
                    link: Set(format!("/documents/{id}")),
                    assignee_user_id: Set(Some(head)),
                    assignee_unit_id: Set(None),
                    due_date: Set(Some(due)),
                    status: Set(TaskStatus::Open),
                    created_at: Set(now),
                    completed_at: Set(None),
                });
                actions.push(document_action::ActiveModel {
                    id: Set((actions.len() + 1) as i64),
                    document_id: Set(id),
                    title: Set(atitle),
                    responsible_user_id: Set(Some(head)),
                    responsible_unit_id: Set(Some(city.units[u_ix].id)),
                    due_date: Set(Some(due)),
                    priority: Set(Priority::ALL[k % 3]),
                    task_id: Set(Some(task_id)),
                    created_at: Set(now),
                });
            }
        }
        if status != Status::Upphavd {
            confirmable.push((id, current, applies));
        }
        of_type.entry(t).or_default().push(id);
    }

    // Acknowledgements: documents in turn ask the staff of the unit they apply to (a
    // förvaltning, an enhet or the whole city); about four in five confirm.
    let mut requests = Vec::new();
    let mut acks = Vec::with_capacity(s.acks);
    let mut staff_of: std::collections::BTreeMap<usize, Vec<i64>> = std::collections::BTreeMap::new();
    for (uid, u) in city.user_units.iter().enumerate() {
        staff_of.entry(*u).or_default().push(uid as i64 + 1);
    }
    let mut k = 0;
    while acks.len() < s.acks && k < confirmable.len() {
        let (doc_id, version, applies) = confirmable[(k * 7) % confirmable.len()];
        k += 1;
        if requests.iter().any(|(d, _): &(i64, usize)| *d == doc_id) {
            continue;
        }
        let prefix = &city.units[applies].path;
        requests.push((doc_id, applies));
        for (u_ix, people) in &staff_of {
            if !city.units[*u_ix].path.starts_with(prefix.as_str()) {
                continue;
            }
            for p in people {
                if acks.len() >= s.acks {
                    break;
                }
                if rng.gen_bool(0.8) {
                    acks.push(document_ack::ActiveModel {
                        id: Set(acks.len() as i64 + 1),
                        document_id: Set(doc_id),
                        version_id: Set(version),
                        user_id: Set(*p),
                        acknowledged_at: Set(now),
                    });
                }
            }
        }
    }
    let request_rows: Vec<document_ack_request::ActiveModel> = requests
        .iter()
        .enumerate()
        .map(|(i, (doc_id, applies))| document_ack_request::ActiveModel {
            id: Set(i as i64 + 1),
            document_id: Set(*doc_id),
            version_id: Set(confirmable.iter().find(|c| c.0 == *doc_id).map(|c| c.1).unwrap_or_default()),
            unit_id: Set(city.units[*applies].id),
            requested_by: Set(Some(2)),
            requested_at: Set(now),
        })
        .collect();

    let txn = store.write().begin().await?;
    insert_batches(&txn, docs).await?;
    insert_batches(&txn, versions).await?;
    insert_batches(&txn, action_tasks).await?;
    insert_batches(&txn, actions).await?;
    insert_batches(&txn, request_rows).await?;
    txn.commit().await?;
    let mut it = acks.into_iter().peekable();
    while it.peek().is_some() {
        let chunk: Vec<_> = it.by_ref().take(50_000).collect();
        let txn = store.write().begin().await?;
        insert_batches(&txn, chunk).await?;
        txn.commit().await?;
    }
    Ok(())
}
