//! The demo city, loaded from `data/demo/exempelstad.yaml` when the database is empty.

use crate::{App, AppError, Audit};
use sea_orm::{ActiveModelTrait, DatabaseTransaction, Set, TransactionTrait};
use serde::Deserialize;
use std::collections::HashMap;
use varn_domain::{Code, OrgKind, Role, UnitName};
use varn_store::entity::org_unit;
use varn_store::repo::{org, tasks, users};

#[derive(Debug, Deserialize)]
struct DemoUnit {
    key: String,
    kind: String,
    name: String,
    #[serde(default)]
    children: Vec<DemoUnit>,
}

#[derive(Debug, Deserialize)]
struct DemoUser {
    username: String,
    name: String,
    #[serde(default)]
    email: Option<String>,
    role: String,
    unit: String,
    #[serde(default)]
    head_of: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct DemoTask {
    title: String,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    user: Option<String>,
    due_in_days: i64,
}

#[derive(Debug, Deserialize)]
struct DemoAction {
    title: String,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    user: Option<String>,
    due_in_days: i64,
    priority: String,
}

#[derive(Debug, Deserialize)]
struct DemoDocument {
    key: String,
    #[serde(rename = "type")]
    doc_type: String,
    #[serde(default)]
    parent: Option<String>,
    title: String,
    unit: String,
    applies_to: String,
    #[serde(default)]
    owner: Option<String>,
    body: String,
    decision_date: String,
    #[serde(default)]
    valid_until: Option<String>,
    #[serde(default)]
    revision_date: Option<String>,
    #[serde(default)]
    follow_up: Option<String>,
    #[serde(default)]
    diarienummer: Option<String>,
    #[serde(default)]
    paragraph: Option<String>,
    #[serde(default)]
    actions: Vec<DemoAction>,
    #[serde(default)]
    ack_units: Vec<String>,
    text: String,
}

/// The demo file.
#[derive(Debug, Deserialize)]
pub struct DemoCity {
    units: Vec<DemoUnit>,
    users: Vec<DemoUser>,
    #[serde(default)]
    tasks: Vec<DemoTask>,
    #[serde(default)]
    documents_as: Option<String>,
    #[serde(default)]
    documents: Vec<DemoDocument>,
}

impl DemoCity {
    /// Parses the demo file.
    pub fn parse(yaml: &str) -> Result<Self, AppError> {
        serde_yaml::from_str(yaml).map_err(|e| AppError::Internal(format!("demo file: {e}")))
    }

    /// The sign-in names with their roles, for the start-up message.
    pub fn accounts(&self) -> Vec<(String, String)> {
        self.users.iter().map(|u| (u.username.clone(), u.role.clone())).collect()
    }
}

async fn insert_units(
    db: &DatabaseTransaction,
    parent: Option<&org_unit::Model>,
    list: &[DemoUnit],
    keys: &mut HashMap<String, org_unit::Model>,
) -> Result<(), AppError> {
    for u in list {
        let kind = OrgKind::parse(&u.kind).map_err(|_| AppError::Internal(format!("demo: bad kind {}", u.kind)))?;
        if !kind.may_sit_under(parent.map(|p| p.kind)) {
            return Err(AppError::Internal(format!("demo: {} may not sit there", u.name)));
        }
        let name = UnitName::parse(&u.name).map_err(|_| AppError::Internal(format!("demo: bad name {}", u.name)))?;
        let m = org::insert(db, parent, kind, name.as_str()).await?;
        Audit::system("org.create", "org_unit").entity(m.id).at(m.path.clone()).after(crate::org::snapshot(&m)).append_in(db).await?;
        keys.insert(u.key.clone(), m.clone());
        Box::pin(insert_units(db, Some(&m), &u.children, keys)).await?;
    }
    Ok(())
}

impl App {
    /// Whether the database holds no organisation yet.
    pub async fn is_empty(&self) -> Result<bool, AppError> {
        Ok(org::count_all(self.store.read()).await? == 0)
    }

    /// Loads the demo city in one transaction. Every demo user gets `password`.
    pub async fn load_demo(&self, city: &DemoCity, password: &str) -> Result<(), AppError> {
        let hash = self.hash_password(password).await?;
        let txn = self.store.write().begin().await?;
        let mut keys = HashMap::new();
        insert_units(&txn, None, &city.units, &mut keys).await?;
        let mut user_ids = HashMap::new();
        for du in &city.users {
            let id = demo_user(&txn, du, &hash, &keys).await?;
            user_ids.insert(du.username.clone(), id);
        }
        let today = chrono::Utc::now().date_naive();
        for t in &city.tasks {
            let unit = t.unit.as_deref().map(|k| unit_of(&keys, k)).transpose()?;
            let new = tasks::NewTask {
                source_type: "arshjul".into(),
                source_id: None,
                title: t.title.clone(),
                link: unit.map(|u| format!("/org/{}", u.id)).unwrap_or_else(|| "/tasks".into()),
                assignee_user_id: t.user.as_ref().and_then(|u| user_ids.get(u).copied()),
                assignee_unit_id: unit.map(|u| u.id),
                due_date: Some(today + chrono::Duration::days(t.due_in_days)),
            };
            let m = tasks::insert(&txn, new).await?;
            let after = serde_json::json!({"title": m.title, "due_date": m.due_date});
            Audit::system("task.create", "task").entity(m.id).after(after).append_in(&txn).await?;
        }
        txn.commit().await?;
        self.load_demo_documents(city).await
    }

    /// The demo's governing documents, written and adopted by the samordnare through the
    /// same use cases as the forms (so the policy's rules hold for them too).
    async fn load_demo_documents(&self, city: &DemoCity) -> Result<(), AppError> {
        let Some(who) = &city.documents_as else { return Ok(()) };
        let db = self.store.read();
        let u = users::by_username(db, who).await?.ok_or_else(|| AppError::Internal(format!("demo: unknown user {who}")))?;
        let actor = crate::auth::load_actor(db, &u).await?;
        let all = org::all_in_scope(db, &varn_domain::Scope::All).await?;
        let mut unit_keys = HashMap::new();
        collect_keys(&city.units, &all, &mut unit_keys);
        let unit = |k: &str| unit_keys.get(k).copied().ok_or_else(|| AppError::Internal(format!("demo: unknown unit {k}")));
        let today = chrono::Utc::now().date_naive();
        let mut doc_ids: HashMap<String, i64> = HashMap::new();
        for d in &city.documents {
            let input = crate::documents::DocForm {
                doc_type: d.doc_type.clone(),
                title: d.title.clone(),
                unit_id: unit(&d.unit)?.to_string(),
                applies_to_unit_id: unit(&d.applies_to)?.to_string(),
                owner_username: d.owner.clone().unwrap_or_default(),
                parent_id: d.parent.as_ref().and_then(|p| doc_ids.get(p)).map(|i| i.to_string()).unwrap_or_default(),
                deciding_body: d.body.clone(),
                validity: if d.valid_until.is_some() { "until".into() } else { "tills_vidare".into() },
                valid_until: d.valid_until.clone().unwrap_or_default(),
                decision_date: d.decision_date.clone(),
                by_law: String::new(),
                law: String::new(),
                revision_date: d.revision_date.clone().unwrap_or_default(),
                follow_up: d.follow_up.clone().unwrap_or_default(),
                diarienummer: d.diarienummer.clone().unwrap_or_default(),
                paragraph: d.paragraph.clone().unwrap_or_default(),
                body_md: d.text.clone(),
            };
            let docs = self.documents();
            let fail = |e: &dyn std::fmt::Debug| AppError::Internal(format!("demo document {}: {e:?}", d.key));
            let id = docs.create(&actor, &input).await.map_err(|e| fail(&e))?;
            for a in &d.actions {
                let ai = crate::documents::ActionForm {
                    title: a.title.clone(),
                    responsible_username: a.user.clone().unwrap_or_default(),
                    responsible_unit_id: a.unit.as_deref().map(&unit).transpose()?.map(|u| u.to_string()).unwrap_or_default(),
                    due_date: (today + chrono::Duration::days(a.due_in_days)).to_string(),
                    priority: a.priority.clone(),
                };
                docs.add_action(&actor, id, &ai).await.map_err(|e| fail(&e))?;
            }
            let adopt = crate::documents::Decision::default();
            docs.transition(&actor, id, varn_domain::document::Status::Gallande, &adopt).await.map_err(|e| fail(&e))?;
            for k in &d.ack_units {
                docs.request_ack(&actor, id, &unit(k)?.to_string()).await?;
            }
            doc_ids.insert(d.key.clone(), id);
        }
        Ok(())
    }
}

/// A unit of the demo file by its key.
fn unit_of<'k>(keys: &'k HashMap<String, org_unit::Model>, k: &str) -> Result<&'k org_unit::Model, AppError> {
    keys.get(k).ok_or_else(|| AppError::Internal(format!("demo: unknown unit {k}")))
}

/// A demo user with their role and the units they head, each change with its audit row.
async fn demo_user(txn: &DatabaseTransaction, du: &DemoUser, hash: &str, keys: &HashMap<String, org_unit::Model>) -> Result<i64, AppError> {
    let role = Role::parse(&du.role).map_err(|_| AppError::Internal(format!("demo: bad role {}", du.role)))?;
    let u = users::new_user(du.username.clone(), du.name.clone(), du.email.clone(), Some(hash.to_owned())).insert(txn).await?;
    Audit::system("user.create", "user").entity(u.id).after(crate::users::snapshot(&u)).append_in(txn).await?;
    let on = unit_of(keys, &du.unit)?;
    users::add_grant(txn, u.id, on.id, role, None).await?;
    let after = serde_json::json!({"role": role, "org_unit_id": on.id, "unit": on.name});
    Audit::system("user.grant", "user").entity(u.id).at(on.path.clone()).after(after).append_in(txn).await?;
    for h in &du.head_of {
        let hu = unit_of(keys, h)?.clone();
        let before = crate::org::snapshot(&hu);
        let mut am: org_unit::ActiveModel = hu.into();
        am.head_user_id = Set(Some(u.id));
        let hu = am.update(txn).await?;
        let a = Audit::system("org.update", "org_unit").entity(hu.id).at(hu.path.clone());
        a.before(before).after(crate::org::snapshot(&hu)).append_in(txn).await?;
    }
    Ok(u.id)
}

/// Maps the demo file's unit keys to ids, by walking the file and the stored tree together.
fn collect_keys(units: &[DemoUnit], stored: &[org_unit::Model], out: &mut HashMap<String, i64>) {
    fn walk(units: &[DemoUnit], parent: Option<i64>, stored: &[org_unit::Model], out: &mut HashMap<String, i64>) {
        for u in units {
            if let Some(m) = stored.iter().find(|m| m.parent_id == parent && m.name == u.name) {
                out.insert(u.key.clone(), m.id);
                walk(&u.children, Some(m.id), stored, out);
            }
        }
    }
    walk(units, None, stored, out);
}
