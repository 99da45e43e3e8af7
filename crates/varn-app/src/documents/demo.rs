//! The governing documents of the demo city (its `documents:` section): written and adopted
//! through the same use cases as the forms, so the policy's rules hold for them too.

use super::Documents;
use crate::demo::DemoCity;
use crate::AppError;
use serde::Deserialize;
use std::collections::HashMap;
use varn_store::repo::users;

/// The section: who writes the documents, and the documents.
#[derive(Debug, Deserialize)]
struct DemoSection {
    #[serde(rename = "as")]
    who: String,
    items: Vec<DemoDocument>,
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
    /// The nämnd or bolag that decides (a unit key), when the body is one.
    #[serde(default)]
    body_unit: Option<String>,
    /// The chef who approved an instruction, and who was consulted.
    #[serde(default)]
    approved_by: Option<String>,
    #[serde(default)]
    consulted: Option<String>,
    /// Left as an utkast (waiting for its decision), or sent on remiss to these units.
    #[serde(default)]
    draft: bool,
    #[serde(default)]
    remiss: Vec<String>,
    #[serde(default)]
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

impl DemoDocument {
    /// The document as its form would send it (`unit` finds a unit by key).
    fn form(&self, unit: &impl Fn(&str) -> Result<i64, AppError>, parent: Option<i64>) -> Result<super::DocForm, AppError> {
        Ok(super::DocForm {
            doc_type: self.doc_type.clone(),
            title: self.title.clone(),
            unit_id: unit(&self.unit)?.to_string(),
            applies_to_unit_id: unit(&self.applies_to)?.to_string(),
            owner_username: self.owner.clone().unwrap_or_default(),
            parent_id: parent.map(|i| i.to_string()).unwrap_or_default(),
            deciding_body: self.body.clone(),
            deciding_unit_id: self.body_unit.as_deref().map(&unit).transpose()?.map(|u| u.to_string()).unwrap_or_default(),
            validity: if self.valid_until.is_some() { "until".into() } else { "tills_vidare".into() },
            valid_until: self.valid_until.clone().unwrap_or_default(),
            decision_date: String::new(),
            by_law: String::new(),
            law: String::new(),
            revision_date: self.revision_date.clone().unwrap_or_default(),
            follow_up: self.follow_up.clone().unwrap_or_default(),
            diarienummer: String::new(),
            paragraph: String::new(),
            body_md: self.text.clone(),
        })
    }

    /// The decision as the samordnare records it from the protocol (or in the name of the
    /// chef who approved an instruction).
    fn decision(&self) -> super::Decision {
        super::Decision {
            decision_date: self.decision_date.clone(),
            diarienummer: self.diarienummer.clone().unwrap_or_default(),
            paragraph: self.paragraph.clone().unwrap_or_default(),
            approved_by: self.approved_by.clone().unwrap_or_default(),
            consulted: self.consulted.clone().unwrap_or_default(),
            ..Default::default()
        }
    }
}

impl Documents<'_> {
    /// The demo's governing documents, written and adopted by the samordnare through the
    /// same use cases as the forms (so the policy's rules hold for them too).
    pub(crate) async fn load_demo(self, city: &DemoCity) -> Result<(), AppError> {
        let Some(section) = city.section::<DemoSection>("documents")? else { return Ok(()) };
        let who = &section.who;
        let db = self.app.store.read();
        let u = users::by_username(db, who).await?.ok_or_else(|| AppError::Internal(format!("demo: unknown user {who}")))?;
        let actor = crate::auth::load_actor(db, &u).await?;
        let unit_keys = city.unit_ids(self.app).await?;
        let unit = |k: &str| unit_keys.get(k).copied().ok_or_else(|| AppError::Internal(format!("demo: unknown unit {k}")));
        let today = varn_domain::task::today();
        let mut doc_ids: HashMap<String, i64> = HashMap::new();
        for d in &section.items {
            let input = d.form(&unit, d.parent.as_ref().and_then(|p| doc_ids.get(p)).copied())?;
            let docs = self;
            let fail = |e: &dyn std::fmt::Debug| AppError::Internal(format!("demo document {}: {e:?}", d.key));
            let id = docs.create(&actor, &input).await.map_err(|e| fail(&e))?;
            for a in &d.actions {
                let ai = super::ActionForm {
                    title: a.title.clone(),
                    responsible_username: a.user.clone().unwrap_or_default(),
                    responsible_unit_id: a.unit.as_deref().map(&unit).transpose()?.map(|u| u.to_string()).unwrap_or_default(),
                    due_date: (today + chrono::Duration::days(a.due_in_days)).to_string(),
                    priority: a.priority.clone(),
                };
                docs.add_action(&actor, id, &ai).await.map_err(|e| fail(&e))?;
            }
            doc_ids.insert(d.key.clone(), id);
            if !d.remiss.is_empty() {
                let instances = d.remiss.iter().map(|k| Ok(super::RemissInstance { unit_id: unit(k)?, person: None })).collect::<Result<
                    _,
                    AppError,
                >>(
                )?;
                let input = super::RemissInput { instances, due_date: (today + chrono::Duration::days(21)).to_string() };
                docs.send_on_remiss(&actor, id, &input).await.map_err(|e| fail(&e))?;
            }
            if d.draft || !d.remiss.is_empty() {
                continue;
            }
            docs.transition(&actor, id, varn_domain::document::Status::Gallande, &d.decision()).await.map_err(|e| fail(&e))?;
            for k in &d.ack_units {
                let ask = super::AckAsk { unit_id: unit(k)?.to_string(), due_date: String::new(), confirm: true };
                docs.request_ack(&actor, id, &ask).await?;
            }
        }
        Ok(())
    }
}
