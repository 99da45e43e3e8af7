//! The demo city's risk analyses (its `risks:` section), written through the same use cases
//! as the forms: analyses, their risks, the assets they concern, treatment actions, and
//! acceptance by the head the matrix asks for.

use super::analysis_commands::{AnalysisCommand, AnalysisJson};
use super::commands::RiskJson;
use super::edit::ActionJson;
use super::Risks;
use crate::demo::DemoCity;
use crate::{Actor, AppError};
use chrono::Duration;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::Deserialize;
use std::collections::HashMap;
use varn_store::entity::asset;
use varn_store::repo::users;

#[derive(Debug, Deserialize)]
struct DemoSection {
    #[serde(rename = "as")]
    who: String,
    analyses: Vec<DemoAnalysis>,
}

#[derive(Debug, Deserialize)]
struct DemoAnalysis {
    title: String,
    unit: String,
    scope: String,
    #[serde(default)]
    what: Option<String>,
    days_ago: i64,
    #[serde(default)]
    participants: Option<String>,
    risks: Vec<DemoRisk>,
}

#[derive(Debug, Deserialize)]
struct DemoRisk {
    title: String,
    threat: String,
    vuln: String,
    #[serde(default)]
    aspects: Vec<String>,
    lc: (i64, i64),
    #[serde(default)]
    residual: Option<(i64, i64)>,
    #[serde(default)]
    treatment: Option<String>,
    #[serde(default)]
    plan: Option<String>,
    #[serde(default)]
    owner: Option<String>,
    /// Days from the load to the review (negative: overdue).
    #[serde(default)]
    review_in: Option<i64>,
    #[serde(default)]
    assets: Vec<String>,
    /// Accepted by this head.
    #[serde(default)]
    accepted_by: Option<String>,
    /// Treatment actions: what, who (user name), due in days.
    #[serde(default)]
    actions: Vec<(String, String, i64)>,
    #[serde(default)]
    closed: bool,
}

fn fail(what: &str) -> impl Fn(AppError) -> AppError + '_ {
    move |e| AppError::Internal(format!("demo risk {what}: {e:?}"))
}

impl Risks<'_> {
    async fn demo_actor(&self, username: &str) -> Result<Actor, AppError> {
        let db = self.db();
        let u =
            users::by_username(db, username).await?.ok_or_else(|| AppError::Internal(format!("demo risks: unknown user {username}")))?;
        crate::auth::load_actor(db, &u).await
    }

    /// Loads the section, as its `as` user (the samordnare); acceptances as the heads named.
    pub(crate) async fn load_demo(self, city: &DemoCity) -> Result<(), AppError> {
        let Some(section) = city.section::<DemoSection>("risks")? else { return Ok(()) };
        let actor = self.demo_actor(&section.who).await?;
        let units = city.unit_ids(self.app).await?;
        let mut heads: HashMap<String, Actor> = HashMap::new();
        let today = varn_domain::task::today();
        for a in &section.analyses {
            let unit_id = *units.get(&a.unit).ok_or_else(|| AppError::Internal(format!("demo risks: unknown unit {}", a.unit)))?;
            let json = AnalysisJson {
                title: a.title.clone(),
                unit_id,
                scope_kind: a.scope.clone(),
                scope_text: a.what.clone(),
                analysed_on: (today - Duration::days(a.days_ago)).to_string(),
                participants: a.participants.clone(),
                description: None,
            };
            let analysis = self.create_analysis(&actor, AnalysisCommand::try_from(&json)).await.map_err(fail(&a.title))?;
            for r in &a.risks {
                let json = RiskJson {
                    analysis_id: analysis,
                    title: r.title.clone(),
                    description: None,
                    threat: r.threat.clone(),
                    vulnerability: r.vuln.clone(),
                    aspects: r.aspects.clone(),
                    likelihood: r.lc.0,
                    consequence: r.lc.1,
                    residual_likelihood: r.residual.map(|x| x.0),
                    residual_consequence: r.residual.map(|x| x.1),
                    treatment: r.treatment.clone(),
                    treatment_plan: r.plan.clone(),
                    owner_username: r.owner.clone(),
                    review_on: r.review_in.map(|d| (today + Duration::days(d)).to_string()),
                };
                let id = self.create_risk(&actor, self.check(&json)).await.map_err(fail(&r.title))?;
                for name in &r.assets {
                    let found = asset::Entity::find().filter(asset::Column::Name.eq(name.as_str())).one(self.db()).await?;
                    let a = found.ok_or_else(|| AppError::Internal(format!("demo risks: unknown asset {name}")))?;
                    self.link_asset(&actor, id, a.id, true).await.map_err(fail(&r.title))?;
                }
                for (title, who, days) in &r.actions {
                    let due = (today + Duration::days(*days)).to_string();
                    let a = ActionJson { title: title.clone(), responsible_username: who.clone(), due_date: due };
                    self.add_action(&actor, id, &a).await.map_err(fail(&r.title))?;
                }
                if let Some(h) = &r.accepted_by {
                    if !heads.contains_key(h) {
                        heads.insert(h.clone(), self.demo_actor(h).await?);
                    }
                    if let Some(head) = heads.get(h) {
                        self.accept(head, id).await.map_err(fail(&r.title))?;
                    }
                }
                if r.closed {
                    self.close(&actor, id).await.map_err(fail(&r.title))?;
                }
            }
        }
        Ok(())
    }
}
