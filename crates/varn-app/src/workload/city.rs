//! The city: its units (the plan of BENCH.md) and its people with their roles.

use super::{insert_batches, names, reference_time, Scale};
use crate::AppError;
use rand::rngs::StdRng;
use rand::Rng;
use sea_orm::{Set, TransactionTrait};
use std::collections::HashMap;
use varn_domain::{OrgKind, Role};
use varn_store::entity::{org_unit, role_grant, user};
use varn_store::Store;

/// A unit as generated.
#[derive(Clone)]
pub(super) struct Unit {
    pub(super) id: i64,
    pub(super) path: String,
    pub(super) name: String,
    pub(super) kind: OrgKind,
}

pub(super) struct City {
    pub(super) units: Vec<Unit>,
    /// The unit (index) each user's role sits on, by user id − 1.
    pub(super) user_units: Vec<usize>,
    /// Index into `units` of each unit a head leads, with the head's user id.
    pub(super) heads: Vec<(usize, i64)>,
    pub(super) enheter: Vec<usize>,
    pub(super) users: usize,
}

pub(super) fn forvaltning_name(namnd: &str) -> String {
    namnd
        .replace("stadsdelsnämnd", "stadsdelsförvaltning")
        .replace("nämnden", "förvaltningen")
        .replace("Revisionsförvaltningen", "Revisionskontoret")
}

pub(super) fn plan_units(s: &Scale) -> (Vec<Unit>, Vec<usize>) {
    let mut units = Vec::new();
    let mut enheter = Vec::new();
    let push = |units: &mut Vec<Unit>, parent: Option<usize>, kind: OrgKind, name: String| -> usize {
        let id = units.len() as i64 + 1;
        let path = match parent {
            Some(p) => format!("{}{id}/", units[p].path),
            None => format!("/{id}/"),
        };
        units.push(Unit { id, path, name, kind });
        units.len() - 1
    };
    let kf = push(&mut units, None, OrgKind::Kommunfullmaktige, "Kommunfullmäktige".into());
    push(&mut units, Some(kf), OrgKind::Kommunstyrelse, "Kommunstyrelsen".into());
    for i in 0..s.namnder {
        let nn = names::NAMNDER[i % names::NAMNDER.len()];
        let n = push(&mut units, Some(kf), OrgKind::Namnd, nn.to_owned());
        let f = push(&mut units, Some(n), OrgKind::Forvaltning, forvaltning_name(nn));
        for j in 0..s.enheter_per_forvaltning {
            let kind = names::ENHET_KINDS[j % names::ENHET_KINDS.len()];
            let place = names::PLACES[(i * 7 + j) % names::PLACES.len()];
            let e = push(&mut units, Some(f), OrgKind::Enhet, format!("{kind} {place}"));
            enheter.push(e);
        }
    }
    for i in 0..s.bolag {
        push(&mut units, Some(kf), OrgKind::Bolag, names::BOLAG[i % names::BOLAG.len()].to_owned());
    }
    for i in 0..s.externa {
        push(&mut units, Some(kf), OrgKind::ExternUtovare, names::EXTERNA[i % names::EXTERNA.len()].to_owned());
    }
    (units, enheter)
}

/// A generated person's name and sign-in name (`admin` first; a number when a name repeats).
fn person(i: usize, taken: &mut HashMap<String, u32>, rng: &mut StdRng) -> (String, String) {
    if i == 1 {
        return ("Systemadministratör".to_owned(), "admin".to_owned());
    }
    let f = names::FIRST[rng.gen_range(0..names::FIRST.len())];
    let l = names::LAST[rng.gen_range(0..names::LAST.len())];
    let base = format!("{}.{}", names::ascii(f), names::ascii(l));
    let n = taken.entry(base.clone()).or_insert(0);
    *n += 1;
    (format!("{f} {l}"), if *n == 1 { base } else { format!("{base}{n}") })
}

/// Who holds which roles: user ids 1 admin, then samordnare, revisorer, heads (on the units
/// they lead), informationsägare and medarbetare (on an enhet each).
struct Roles<'a> {
    s: &'a Scale,
    first_head: usize,
    heads: &'a [(usize, i64)],
    enheter: &'a [usize],
}

impl Roles<'_> {
    fn of(&self, i: usize, rng: &mut StdRng) -> (Role, usize) {
        let (s, first_head, heads, enheter) = (self.s, self.first_head, self.heads, self.enheter);
        if i == 1 {
            (Role::SystemAdmin, 0)
        } else if i < 2 + s.samordnare {
            (Role::Samordnare, 0)
        } else if i < first_head {
            (Role::Revisor, 0)
        } else if i < first_head + heads.len() {
            (Role::Verksamhetsansvarig, heads[i - first_head].0)
        } else if i < first_head + heads.len() + s.agare {
            (Role::Informationsagare, enheter[rng.gen_range(0..enheter.len())])
        } else {
            (Role::Medarbetare, enheter[rng.gen_range(0..enheter.len())])
        }
    }
}

fn user_row(i: usize, display: String, username: String, hash: &str, now: chrono::DateTime<chrono::Utc>) -> user::ActiveModel {
    user::ActiveModel {
        id: Set(i as i64),
        email: Set(Some(format!("{username}@storstad.se"))),
        username: Set(username),
        display_name: Set(display),
        password_hash: Set(Some(hash.to_owned())),
        active: Set(true),
        locale: Set("sv".into()),
        failed_logins: Set(0),
        locked_until: Set(None),
        password_changed_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
}

fn unit_rows(units: &[Unit], head_of: &HashMap<usize, i64>, now: chrono::DateTime<chrono::Utc>) -> Vec<org_unit::ActiveModel> {
    units
        .iter()
        .enumerate()
        .map(|(i, u)| org_unit::ActiveModel {
            id: Set(u.id),
            parent_id: Set(if u.path.matches('/').count() > 2 {
                u.path.trim_end_matches('/').rsplit('/').nth(1).and_then(|p| p.parse().ok())
            } else {
                None
            }),
            kind: Set(u.kind),
            name: Set(u.name.clone()),
            search_text: Set(u.name.to_lowercase()),
            path: Set(u.path.clone()),
            head_user_id: Set(head_of.get(&i).copied()),
            security_contact_id: Set(None),
            active: Set(true),
            created_at: Set(now),
            updated_at: Set(now),
        })
        .collect()
}

pub(super) async fn org_and_users(store: &Store, s: &Scale, rng: &mut StdRng, hash: &str) -> Result<City, AppError> {
    let (units, enheter) = plan_units(s);
    let now = reference_time();
    // Who heads what: every unit below KF gets a head while heads last, enheter first.
    let mut head_units: Vec<usize> = enheter.clone();
    head_units.extend((1..units.len()).filter(|i| units[*i].kind != OrgKind::Enhet));
    let first_head = 2 + s.samordnare + s.revisorer;
    let heads: Vec<(usize, i64)> = head_units.iter().take(s.heads).enumerate().map(|(k, u)| (*u, (first_head + k) as i64)).collect();
    let head_of: HashMap<usize, i64> = heads.iter().copied().collect();
    let roles = Roles { s, first_head, heads: &heads, enheter: &enheter };
    let mut taken: HashMap<String, u32> = HashMap::new();
    let (mut user_rows, mut grants, mut user_units) =
        (Vec::with_capacity(s.users), Vec::with_capacity(s.users), Vec::with_capacity(s.users));
    for i in 1..=s.users {
        let (display, username) = person(i, &mut taken, rng);
        user_rows.push(user_row(i, display, username, hash, now));
        let (role, unit) = roles.of(i, rng);
        user_units.push(unit);
        let (user_id, org_unit_id) = (Set(i as i64), Set(units[unit].id));
        grants.push(role_grant::ActiveModel {
            user_id,
            org_unit_id,
            role: Set(role),
            granted_by: Set(None),
            created_at: Set(now),
            ..Default::default()
        });
    }
    let txn = store.write().begin().await?;
    insert_batches(&txn, user_rows).await?;
    insert_batches(&txn, unit_rows(&units, &head_of, now)).await?;
    insert_batches(&txn, grants).await?;
    txn.commit().await?;
    Ok(City { units, user_units, heads, enheter, users: s.users })
}
