//! The demo city, loaded from `data/demo/exempelstad.yaml` when the database is empty.

use crate::{App, AppError, Audit};
use sea_orm::{ActiveModelTrait, DatabaseTransaction, Set};
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

/// The demo file.
#[derive(Debug, Deserialize)]
pub struct DemoCity {
    units: Vec<DemoUnit>,
    users: Vec<DemoUser>,
    #[serde(default)]
    tasks: Vec<DemoTask>,
    /// Each module's own section, by its key (`documents: …`).
    #[serde(flatten)]
    modules: HashMap<String, serde_yaml::Value>,
}

impl DemoCity {
    /// Parses the demo file.
    pub fn parse(yaml: &str) -> Result<Self, AppError> {
        serde_yaml::from_str(yaml).map_err(|e| AppError::Internal(format!("demo file: {e}")))
    }

    /// A module's section of the file, if it has one.
    pub fn section<T: serde::de::DeserializeOwned>(&self, key: &str) -> Result<Option<T>, AppError> {
        match self.modules.get(key) {
            None => Ok(None),
            Some(v) => serde_yaml::from_value(v.clone()).map(Some).map_err(|e| AppError::Internal(format!("demo file, {key}: {e}"))),
        }
    }

    /// The loaded units by their key in the file.
    pub async fn unit_ids(&self, app: &App) -> Result<HashMap<String, i64>, AppError> {
        let all = org::all_in_scope(app.store.read(), &varn_domain::Scope::All).await?;
        let mut keys = HashMap::new();
        collect_keys(&self.units, &all, &mut keys);
        Ok(keys)
    }

    /// The sign-in names with their roles, for the start-up message.
    pub fn accounts(&self) -> Vec<(String, String)> {
        self.users.iter().map(|u| (u.username.clone(), u.role.clone())).collect()
    }
}

async fn insert_units(
    w: &crate::write::Write,
    parent: Option<&org_unit::Model>,
    list: &[DemoUnit],
    keys: &mut HashMap<String, org_unit::Model>,
) -> Result<(), AppError> {
    let db: &DatabaseTransaction = w;
    for u in list {
        let kind = OrgKind::parse(&u.kind).map_err(|_| AppError::Internal(format!("demo: bad kind {}", u.kind)))?;
        if !kind.may_sit_under(parent.map(|p| p.kind)) {
            return Err(AppError::Internal(format!("demo: {} may not sit there", u.name)));
        }
        let name = UnitName::parse(&u.name).map_err(|_| AppError::Internal(format!("demo: bad name {}", u.name)))?;
        let m = org::insert(db, parent, kind, name.as_str()).await?;
        Audit::system("org.create", "org_unit").entity(m.id).at(m.path.clone()).after(crate::org::snapshot(&m)).append_in(w).await?;
        keys.insert(u.key.clone(), m.clone());
        Box::pin(insert_units(w, Some(&m), &u.children, keys)).await?;
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
        let w = self.begin_account_write().await?;
        let txn: &DatabaseTransaction = &w;
        let mut keys = HashMap::new();
        insert_units(&w, None, &city.units, &mut keys).await?;
        let mut user_ids = HashMap::new();
        for du in &city.users {
            let id = demo_user(&w, du, &hash, &keys).await?;
            user_ids.insert(du.username.clone(), id);
        }
        let today = varn_domain::task::today();
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
                // A person's task is followed up in the unit their role sits on.
                unit_id: match &t.user {
                    Some(u) => city.users.iter().find(|x| &x.username == u).map(|x| unit_of(&keys, &x.unit)).transpose()?.map(|x| x.id),
                    None => None,
                },
            };
            let m = tasks::insert(txn, new).await?;
            let after = serde_json::json!({"title": m.title, "due_date": m.due_date});
            Audit::system("task.create", "task").entity(m.id).after(after).append_in(&w).await?;
        }
        w.commit_appended().await?;
        // Each module loads its own part of the demo city.
        for m in crate::modules::MODULES {
            (m.demo)(self, city).await?;
        }
        // The demo's stories were told through the use cases, which queue mail as they go:
        // nobody is to be mailed about a year of invented incidents.
        let w = self.begin_system_write().await?;
        varn_store::repo::mail::discard_unsent(&*w).await?;
        w.commit_appended().await?;
        Ok(())
    }
}

/// A unit of the demo file by its key.
fn unit_of<'k>(keys: &'k HashMap<String, org_unit::Model>, k: &str) -> Result<&'k org_unit::Model, AppError> {
    keys.get(k).ok_or_else(|| AppError::Internal(format!("demo: unknown unit {k}")))
}

/// A demo user with their role and the units they head, each change with its audit row.
async fn demo_user(w: &crate::write::Write, du: &DemoUser, hash: &str, keys: &HashMap<String, org_unit::Model>) -> Result<i64, AppError> {
    let role = Role::parse(&du.role).map_err(|_| AppError::Internal(format!("demo: bad role {}", du.role)))?;
    let txn: &DatabaseTransaction = w;
    let u = users::new_user(du.username.clone(), du.name.clone(), du.email.clone(), Some(hash.to_owned())).insert(txn).await?;
    Audit::system("user.create", "user").entity(u.id).after(crate::users::snapshot(&u)).append_in(w).await?;
    let on = unit_of(keys, &du.unit)?;
    users::add_grant(txn, u.id, on.id, role, None).await?;
    let after = serde_json::json!({"role": role, "org_unit_id": on.id, "unit": on.name});
    Audit::system("user.grant", "user").entity(u.id).at(on.path.clone()).after(after).append_in(w).await?;
    for h in &du.head_of {
        let hu = unit_of(keys, h)?.clone();
        let before = crate::org::snapshot(&hu);
        let mut am: org_unit::ActiveModel = hu.into();
        am.head_user_id = Set(Some(u.id));
        let hu = am.update(txn).await?;
        let a = Audit::system("org.update", "org_unit").entity(hu.id).at(hu.path.clone());
        a.before(before).after(crate::org::snapshot(&hu)).append_in(w).await?;
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
