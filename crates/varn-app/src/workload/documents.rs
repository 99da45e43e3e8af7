//! The benchmark's governing documents: 3 000 documents with three versions each (the
//! policy → strategy/guideline → instruction tree), strategy actions as tasks, and 500 000
//! staff acknowledgements.

use super::doc_text::{body, SUBJECTS};
use super::{insert_batches, reference_time, City, Scale};
use crate::AppError;
use rand::rngs::StdRng;
use rand::Rng;
use sea_orm::{Set, TransactionTrait};
use varn_domain::document::{DecidingBody, DocType, Priority, Status, VersionState, TASK_SOURCE_ACTION};
use varn_domain::task::TaskStatus;
use varn_domain::{Code, OrgKind};
use varn_store::entity::{document, document_ack, document_ack_request, document_action, document_remiss, document_version, task};
use varn_store::Store;

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

/// The documents being generated, and what they need to know of the city.
struct Docs<'a> {
    s: &'a Scale,
    city: &'a City,
    now: chrono::DateTime<chrono::Utc>,
    today: chrono::NaiveDate,
    forvaltningar: Vec<usize>,
    docs: Vec<document::ActiveModel>,
    versions: Vec<document_version::ActiveModel>,
    actions: Vec<document_action::ActiveModel>,
    /// The tasks the documents give: strategy actions and remiss answers.
    action_tasks: Vec<task::ActiveModel>,
    remisses: Vec<document_remiss::ActiveModel>,
    /// (document id, current version id, applies-to unit index) of documents staff may confirm.
    confirmable: Vec<(i64, i64, usize)>,
    of_type: std::collections::HashMap<DocType, Vec<i64>>,
}

/// What the versions of one document share: next review, end of validity, the deciding
/// body's unit, and (for an instruction) the approving chef and the unit they head.
struct VersionPlan {
    revision: chrono::NaiveDate,
    valid_until: Option<chrono::NaiveDate>,
    body_unit: Option<i64>,
    approver: Option<(i64, i64)>,
}

/// Who decides a document of type `t` in the generated city.
fn body_code(t: DocType) -> DecidingBody {
    match t {
        DocType::Policy => DecidingBody::Kommunfullmaktige,
        DocType::Strategi | DocType::Riktlinje => DecidingBody::Kommunstyrelse,
        DocType::Anvisning => DecidingBody::Chef,
    }
}

/// Index of Kommunstyrelsen in the unit plan.
const KS: usize = 1;

impl<'a> Docs<'a> {
    fn new(s: &'a Scale, city: &'a City) -> Self {
        let now = reference_time();
        let forvaltningar = (0..city.units.len()).filter(|i| city.units[*i].kind == OrgKind::Forvaltning).collect();
        Docs {
            s,
            city,
            now,
            today: now.date_naive(),
            forvaltningar,
            docs: Vec::with_capacity(s.documents),
            versions: Vec::with_capacity(s.documents * 3),
            actions: Vec::new(),
            action_tasks: Vec::new(),
            remisses: Vec::new(),
            confirmable: Vec::new(),
            of_type: Default::default(),
        }
    }

    /// Where a document of type `t` sits: (owning unit, unit it applies to, parent).
    fn place(&self, t: DocType, rng: &mut StdRng) -> (usize, usize, Option<i64>) {
        let pick = |v: &Vec<i64>, rng: &mut StdRng| v[rng.gen_range(0..v.len())];
        match t {
            DocType::Policy => (KS, 0, None),
            DocType::Strategi => (KS, 0, self.of_type.get(&DocType::Policy).map(|p| pick(p, rng))),
            DocType::Riktlinje => {
                let parents: Vec<i64> =
                    self.of_type.get(&DocType::Policy).into_iter().chain(self.of_type.get(&DocType::Strategi)).flatten().copied().collect();
                let f = self.forvaltningar[rng.gen_range(0..self.forvaltningar.len())];
                let city_wide = rng.gen_bool(0.5);
                (if city_wide { KS } else { f }, if city_wide { 0 } else { f }, Some(parents[rng.gen_range(0..parents.len())]))
            }
            DocType::Anvisning => {
                let p = self.of_type.get(&DocType::Riktlinje).map(|r| pick(r, rng));
                let u = if rng.gen_bool(0.6) {
                    self.forvaltningar[rng.gen_range(0..self.forvaltningar.len())]
                } else {
                    self.city.enheter[rng.gen_range(0..self.city.enheter.len())]
                };
                (u, u, p)
            }
        }
    }

    /// The `i`th document with its three versions and, for a strategy, its actions as tasks.
    fn document(&mut self, i: usize, rng: &mut StdRng) {
        let (id, t) = (i as i64 + 1, doc_type(i, self.s.documents));
        let subject = SUBJECTS[rng.gen_range(0..SUBJECTS.len())];
        let (unit, applies, parent) = self.place(t, rng);
        let title = match t {
            DocType::Policy => format!("Policy för {subject}"),
            DocType::Strategi => format!("Strategi för {subject} {}–{}", 2024 + i % 3, 2027 + i % 3),
            DocType::Riktlinje => format!("Riktlinje för {subject}"),
            DocType::Anvisning => format!("Anvisning för {subject}, {}", self.city.units[unit].name),
        };
        let status = match rng.gen_range(0..100) {
            0..=89 => Status::Gallande,
            90..=94 => Status::UnderRevision,
            95..=97 => Status::PaRemiss,
            _ => Status::Upphavd,
        };
        // Three versions: for a document being revised the third is the draft.
        let adopted_n = if matches!(status, Status::UnderRevision | Status::PaRemiss) { 2 } else { 3 };
        let revision = self.today + chrono::Duration::days(rng.gen_range(-200..900));
        let valid_until = (t == DocType::Strategi).then(|| self.today + chrono::Duration::days(rng.gen_range(-100..1200)));
        let (body_unit, approver) = self.decider(t, unit);
        let plan = VersionPlan { revision, valid_until, body_unit, approver };
        for v in 1..=3 {
            self.version(id, t, &title, v, adopted_n, &plan, rng);
        }
        let current = (id - 1) * 3 + adopted_n as i64;
        let owner = if rng.gen_bool(0.95) { self.head_of(unit) } else { None };
        let repealed = status == Status::Upphavd;
        self.docs.push(document::ActiveModel {
            id: Set(id),
            doc_type: Set(t),
            title: Set(title.clone()),
            search_text: Set(title.to_lowercase()),
            status: Set(status),
            unit_id: Set(self.city.units[unit].id),
            applies_to_unit_id: Set(self.city.units[applies].id),
            owner_user_id: Set(owner),
            parent_id: Set(parent),
            current_version_id: Set(Some(current)),
            revision_date: Set(Some(revision)),
            valid_until: Set(valid_until),
            created_at: Set(self.now),
            updated_at: Set(self.now),
            reviewed_on: Set(Some(self.today - chrono::Duration::days(rng.gen_range(30..700)))),
            ..self.repeal_of(id, t, repealed.then_some(body_unit))
        });
        if t == DocType::Strategi {
            self.strategy_actions(id, &title, subject, rng);
        }
        if status == Status::PaRemiss {
            let next = ((self.s.tasks + self.action_tasks.len() + 1) as i64, self.remisses.len() as i64 + 1);
            let r = super::doc_remiss::remiss(self.city, &self.forvaltningar, (id, (id - 1) * 3 + 3, &title), next, self.now, rng);
            self.action_tasks.extend(r.tasks);
            self.remisses.extend(r.instances);
        }
        if status != Status::Upphavd {
            self.confirmable.push((id, current, applies));
        }
        self.of_type.entry(t).or_default().push(id);
    }

    /// Version `v` of document `id` (superseded before `adopted_n`, then adopted, then draft).
    #[allow(clippy::too_many_arguments)]
    fn version(&mut self, id: i64, t: DocType, title: &str, v: i32, adopted_n: i32, plan: &VersionPlan, rng: &mut StdRng) {
        let decided = self.today - chrono::Duration::days(((4 - v) * 400 + rng.gen_range(0..300)) as i64);
        let state = match v.cmp(&adopted_n) {
            std::cmp::Ordering::Less => VersionState::Superseded,
            std::cmp::Ordering::Equal => VersionState::Adopted,
            std::cmp::Ordering::Greater => VersionState::Draft,
        };
        let decided_state = state != VersionState::Draft;
        let political = t != DocType::Anvisning;
        self.versions.push(document_version::ActiveModel {
            id: Set((id - 1) * 3 + v as i64),
            document_id: Set(id),
            number: Set(v),
            state: Set(state),
            title: Set(title.to_owned()),
            deciding_body: Set(body_code(t)),
            decision_date: Set(decided_state.then_some(decided)),
            valid_until: Set(plan.valid_until),
            by_law: Set(false),
            law: Set(None),
            revision_date: Set(Some(plan.revision)),
            follow_up: Set(Some("Årligen i internkontrollen".into())),
            diarienummer: Set((political && decided_state).then(|| format!("KS {}/{:04}", decided.format("%Y"), id))),
            paragraph: Set((political && decided_state).then(|| format!("§ {}", (id + v as i64) % 200 + 1))),
            body_md: Set(body(rng, title, v)),
            attachment_id: Set(None),
            created_by: Set(Some(2)),
            created_at: Set(self.now),
            updated_at: Set(self.now),
            adopted_by: Set(decided_state.then_some(2)),
            adopted_at: Set(decided_state.then_some(self.now)),
            // The generated versions take the document's scope.
            unit_id: Set(None),
            applies_to_unit_id: Set(None),
            owner_user_id: Set(None),
            parent_id: Set(None),
            deciding_unit_id: Set(plan.body_unit),
            approved_by_user_id: Set(if decided_state { plan.approver.map(|a| a.0) } else { None }),
            approver_unit_id: Set(if decided_state { plan.approver.map(|a| a.1) } else { None }),
            protocol_attachment_id: Set(None),
            valid_from: Set(None),
            consulted: Set(None),
        });
    }

    /// The repeal of document `id` when `body_unit` is given (the repealed 2 %): by the body
    /// that adopted it, with dnr and §; else none.
    fn repeal_of(&self, id: i64, t: DocType, body_unit: Option<Option<i64>>) -> document::ActiveModel {
        let Some(unit) = body_unit else {
            return document::ActiveModel {
                repealed_on: Set(None),
                repeal_body: Set(None),
                repeal_unit_id: Set(None),
                repeal_diarienummer: Set(None),
                repeal_paragraph: Set(None),
                replaced_by_id: Set(None),
                repealed_by: Set(None),
                ..Default::default()
            };
        };
        document::ActiveModel {
            repealed_on: Set(Some(self.today - chrono::Duration::days(20))),
            repeal_body: Set(Some(body_code(t))),
            repeal_unit_id: Set(unit),
            repeal_diarienummer: Set(Some(format!("KS {}/{:04}", self.today.format("%Y"), id))),
            repeal_paragraph: Set(Some(format!("§ {}", id % 200 + 1))),
            replaced_by_id: Set(None),
            repealed_by: Set(Some(2)),
            ..Default::default()
        }
    }

    /// Who decides a document of type `t` owned by unit index `unit`: KF and KS (the first
    /// two units of the plan), or the owning unit's head approving an instruction (and the
    /// unit they head).
    fn decider(&self, t: DocType, unit: usize) -> (Option<i64>, Option<(i64, i64)>) {
        match t {
            DocType::Policy => (Some(self.city.units[0].id), None),
            DocType::Strategi | DocType::Riktlinje => (Some(self.city.units[KS].id), None),
            DocType::Anvisning => (None, self.head_of(unit).map(|h| (h, self.city.units[unit].id))),
        }
    }

    /// The head of the unit at index `unit`, if it has one.
    fn head_of(&self, unit: usize) -> Option<i64> {
        self.city.heads.iter().find(|(x, _)| *x == unit).map(|(_, h)| *h)
    }

    /// A strategy's actions, each already a task in its responsible head's Mina uppgifter.
    fn strategy_actions(&mut self, id: i64, title: &str, subject: &str, rng: &mut StdRng) {
        for k in 0..ACTIONS_PER_STRATEGY {
            let task_id = (self.s.tasks + self.action_tasks.len() + 1) as i64;
            let (u_ix, head) = self.city.heads[rng.gen_range(0..self.city.heads.len())];
            let due = self.today + chrono::Duration::days(rng.gen_range(-120..700));
            let atitle = format!("Åtgärd {} inom {subject}", k + 1);
            self.action_tasks.push(task::ActiveModel {
                id: Set(task_id),
                source_type: Set(TASK_SOURCE_ACTION.into()),
                source_id: Set(Some((self.actions.len() + 1) as i64)),
                title: Set(format!("{atitle} – {title}")),
                link: Set(format!("/documents/{id}")),
                assignee_user_id: Set(Some(head)),
                assignee_unit_id: Set(None),
                due_date: Set(Some(due)),
                status: Set(TaskStatus::Open),
                created_at: Set(self.now),
                completed_at: Set(None),
                unit_id: Set(Some(self.city.units[u_ix].id)),
            });
            self.actions.push(document_action::ActiveModel {
                id: Set((self.actions.len() + 1) as i64),
                document_id: Set(id),
                title: Set(atitle),
                responsible_user_id: Set(Some(head)),
                responsible_unit_id: Set(Some(self.city.units[u_ix].id)),
                due_date: Set(Some(due)),
                priority: Set(Priority::ALL[k % 3]),
                task_id: Set(Some(task_id)),
                created_at: Set(self.now),
            });
        }
    }

    /// Acknowledgements: documents in turn ask the staff of the unit they apply to (a
    /// förvaltning, an enhet or the whole city); about four in five confirm.
    fn acknowledgements(&self, rng: &mut StdRng) -> (Vec<document_ack_request::ActiveModel>, Vec<document_ack::ActiveModel>) {
        let (city, confirmable) = (self.city, &self.confirmable);
        let mut requests = Vec::new();
        let mut acks = Vec::with_capacity(self.s.acks);
        let mut staff_of: std::collections::BTreeMap<usize, Vec<i64>> = std::collections::BTreeMap::new();
        for (uid, u) in city.user_units.iter().enumerate() {
            staff_of.entry(*u).or_default().push(uid as i64 + 1);
        }
        let mut k = 0;
        while acks.len() < self.s.acks && k < confirmable.len() {
            let (doc_id, version, applies) = confirmable[(k * 7) % confirmable.len()];
            k += 1;
            if requests.iter().any(|(d, _): &(i64, usize)| *d == doc_id) {
                continue;
            }
            let prefix = &city.units[applies].path;
            requests.push((doc_id, applies));
            let asked = staff_of.iter().filter(|(u, _)| city.units[**u].path.starts_with(prefix.as_str())).flat_map(|(_, p)| p);
            for p in asked {
                if acks.len() >= self.s.acks {
                    break;
                }
                if rng.gen_bool(0.8) {
                    let id = Set(acks.len() as i64 + 1);
                    acks.push(document_ack::ActiveModel {
                        id,
                        document_id: Set(doc_id),
                        version_id: Set(version),
                        user_id: Set(*p),
                        acknowledged_at: Set(self.now),
                    });
                }
            }
        }
        let request_rows = requests
            .iter()
            .enumerate()
            .map(|(i, (doc_id, applies))| document_ack_request::ActiveModel {
                id: Set(i as i64 + 1),
                document_id: Set(*doc_id),
                version_id: Set(confirmable.iter().find(|c| c.0 == *doc_id).map(|c| c.1).unwrap_or_default()),
                unit_id: Set(city.units[*applies].id),
                requested_by: Set(Some(2)),
                requested_at: Set(self.now),
                // Every third request names a last day.
                due_date: Set((i % 3 == 0).then(|| self.today + chrono::Duration::days(30 + (i % 60) as i64))),
            })
            .collect();
        (request_rows, acks)
    }
}

pub(super) async fn generate(store: &Store, s: &Scale, city: &City, rng: &mut StdRng) -> Result<(), AppError> {
    let mut g = Docs::new(s, city);
    for i in 0..s.documents {
        g.document(i, rng);
    }
    let (request_rows, acks) = g.acknowledgements(rng);
    let txn = store.write().begin().await?;
    insert_batches(&txn, g.docs).await?;
    insert_batches(&txn, g.versions).await?;
    insert_batches(&txn, g.action_tasks).await?;
    insert_batches(&txn, g.actions).await?;
    insert_batches(&txn, request_rows).await?;
    insert_batches(&txn, g.remisses).await?;
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
