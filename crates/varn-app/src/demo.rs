//! The demo city, loaded from `data/demo/exempelstad.yaml` when the database is empty.

use crate::{App, AppError};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set, TransactionTrait};
use serde::Deserialize;
use std::collections::HashMap;
use varn_domain::{OrgKind, Role, UnitName};
use varn_store::entity::org_unit;
use varn_store::repo::{audit, org, tasks, users};

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

fn system() -> audit::NewAudit {
    audit::NewAudit { actor_name: "system".into(), ..Default::default() }
}

async fn insert_units<C: ConnectionTrait>(
    db: &C,
    parent: Option<&org_unit::Model>,
    list: &[DemoUnit],
    keys: &mut HashMap<String, org_unit::Model>,
) -> Result<(), AppError> {
    for u in list {
        let kind = OrgKind::parse(&u.kind).map_err(|_| AppError::Internal(format!("demo: bad kind {}", u.kind)))?;
        if !kind.may_sit_under(parent.and_then(|p| OrgKind::parse(&p.kind).ok())) {
            return Err(AppError::Internal(format!("demo: {} may not sit there", u.name)));
        }
        let name = UnitName::parse(&u.name).map_err(|_| AppError::Internal(format!("demo: bad name {}", u.name)))?;
        let m = org::insert(db, parent, kind.as_str(), name.as_str()).await?;
        let mut a = system();
        a.action = "org.create".into();
        a.entity_type = "org_unit".into();
        a.entity_id = Some(m.id);
        a.org_path = Some(m.path.clone());
        a.after = Some(crate::org::snapshot(&m));
        audit::append(db, a).await?;
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
        let unit = |k: &str| keys.get(k).cloned().ok_or_else(|| AppError::Internal(format!("demo: unknown unit {k}")));
        let mut user_ids = HashMap::new();
        for du in &city.users {
            let role = Role::parse(&du.role).map_err(|_| AppError::Internal(format!("demo: bad role {}", du.role)))?;
            let u = users::new_user(du.username.clone(), du.name.clone(), du.email.clone(), Some(hash.clone())).insert(&txn).await?;
            let mut a = system();
            a.action = "user.create".into();
            a.entity_type = "user".into();
            a.entity_id = Some(u.id);
            a.after = Some(crate::users::snapshot(&u));
            audit::append(&txn, a).await?;
            let on = unit(&du.unit)?;
            users::add_grant(&txn, u.id, on.id, role.as_str(), None).await?;
            let mut a = system();
            a.action = "user.grant".into();
            a.entity_type = "user".into();
            a.entity_id = Some(u.id);
            a.org_path = Some(on.path.clone());
            a.after = Some(serde_json::json!({"role": role.as_str(), "org_unit_id": on.id, "unit": on.name}));
            audit::append(&txn, a).await?;
            for h in &du.head_of {
                let hu = unit(h)?;
                let before = crate::org::snapshot(&hu);
                let mut am: org_unit::ActiveModel = hu.into();
                am.head_user_id = Set(Some(u.id));
                let hu = am.update(&txn).await?;
                let mut a = system();
                a.action = "org.update".into();
                a.entity_type = "org_unit".into();
                a.entity_id = Some(hu.id);
                a.org_path = Some(hu.path.clone());
                a.before = Some(before);
                a.after = Some(crate::org::snapshot(&hu));
                audit::append(&txn, a).await?;
            }
            user_ids.insert(du.username.clone(), u.id);
        }
        let today = chrono::Utc::now().date_naive();
        for t in &city.tasks {
            let link = match &t.unit {
                Some(k) => format!("/org/{}", unit(k)?.id),
                None => "/tasks".into(),
            };
            let m = tasks::insert(
                &txn,
                tasks::NewTask {
                    source_type: "arshjul".into(),
                    source_id: None,
                    title: t.title.clone(),
                    link,
                    assignee_user_id: t.user.as_ref().and_then(|u| user_ids.get(u).copied()),
                    assignee_unit_id: t.unit.as_ref().map(|k| unit(k).map(|u| u.id)).transpose()?,
                    due_date: Some(today + chrono::Duration::days(t.due_in_days)),
                },
            )
            .await?;
            let mut a = system();
            a.action = "task.create".into();
            a.entity_type = "task".into();
            a.entity_id = Some(m.id);
            a.after = Some(serde_json::json!({"title": m.title, "due_date": m.due_date}));
            audit::append(&txn, a).await?;
        }
        txn.commit().await?;
        Ok(())
    }
}
