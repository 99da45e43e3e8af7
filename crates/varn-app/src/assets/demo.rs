//! The demo city's information assets (its `assets:` section): carriers, assets, their
//! classifications (answering the model's questions so that they lead to the given levels)
//! and handlingsplaner, written through the same use cases as the forms.

use super::carrier_commands::{CarrierCommand, CarrierJson};
use super::classify::ClassifyForm;
use super::commands::{AssetCommand, AssetJson};
use super::plan::MeasureForm;
use super::Assets;
use crate::demo::DemoCity;
use crate::{Actor, AppError};
use sea_orm::ConnectionTrait;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use varn_domain::Permission;
use varn_store::repo::users;

#[derive(Debug, Deserialize)]
struct DemoSection {
    #[serde(rename = "as")]
    who: String,
    carriers: Vec<DemoCarrier>,
    items: Vec<DemoAsset>,
}

#[derive(Debug, Deserialize)]
struct DemoCarrier {
    key: String,
    kind: String,
    name: String,
    unit: String,
    #[serde(default)]
    owner: Option<String>,
    #[serde(default)]
    supplier: Option<String>,
    #[serde(default)]
    hosting: Option<String>,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    third_country: bool,
    #[serde(default)]
    basis: Option<String>,
    #[serde(default)]
    depends: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct DemoAsset {
    name: String,
    unit: String,
    #[serde(default)]
    owner: Option<String>,
    #[serde(default)]
    pua: Option<String>,
    #[serde(default)]
    forms: Vec<String>,
    #[serde(default)]
    pd: bool,
    #[serde(default)]
    special: bool,
    #[serde(default)]
    osl: Option<String>,
    #[serde(default)]
    processes: Option<String>,
    #[serde(default)]
    carriers: Vec<String>,
    #[serde(default)]
    levels: Vec<u8>,
    #[serde(default)]
    earlier: Vec<u8>,
    #[serde(default)]
    classified_days_ago: i64,
    #[serde(default)]
    plan: BTreeMap<String, String>,
}

type Keys = HashMap<String, i64>;

fn get(keys: &Keys, k: &str, what: &str) -> Result<i64, AppError> {
    keys.get(k).copied().ok_or_else(|| AppError::Internal(format!("demo assets: unknown {what} {k}")))
}

fn fail(what: &str) -> impl Fn(AppError) -> AppError + '_ {
    move |e| AppError::Internal(format!("demo {what}: {e:?}"))
}

impl Assets<'_> {
    /// Loads the section, as its `as` user (the samordnare).
    pub(crate) async fn load_demo(self, city: &DemoCity) -> Result<(), AppError> {
        let Some(section) = city.section::<DemoSection>("assets")? else { return Ok(()) };
        let db = self.app.store.read();
        let u = users::by_username(db, &section.who).await?.ok_or_else(|| AppError::Internal("demo assets: unknown user".into()))?;
        let actor = crate::auth::load_actor(db, &u).await?;
        let units = city.unit_ids(self.app).await?;
        let mut carriers = Keys::new();
        for c in &section.carriers {
            let id = self.create_carrier(&actor, Ok(demo_carrier(c, get(&units, &c.unit, "unit")?)?)).await.map_err(fail(&c.name))?;
            carriers.insert(c.key.clone(), id);
        }
        for c in &section.carriers {
            for d in &c.depends {
                self.depend(&actor, get(&carriers, &c.key, "carrier")?, get(&carriers, d, "carrier")?, true)
                    .await
                    .map_err(fail(&c.name))?;
            }
        }
        for a in &section.items {
            self.demo_asset(&actor, a, &units, &carriers).await.map_err(fail(&a.name))?;
        }
        Ok(())
    }

    async fn demo_asset(&self, actor: &Actor, a: &DemoAsset, units: &Keys, carriers: &Keys) -> Result<(), AppError> {
        let json = AssetJson {
            name: a.name.clone(),
            description: None,
            unit_id: get(units, &a.unit, "unit")?,
            owner_username: a.owner.clone(),
            pua_unit_id: a.pua.as_deref().map(|p| get(units, p, "unit")).transpose()?,
            forms: a.forms.clone(),
            processes: a.processes.clone(),
            osl: a.osl.clone(),
            personal_data: a.pd,
            special_categories: a.special,
        };
        let id = self.create(actor, AssetCommand::try_from(&json)).await?;
        for c in &a.carriers {
            self.link_carrier(actor, id, get(carriers, c, "carrier")?, true).await?;
        }
        for levels in [&a.earlier, &a.levels] {
            if !levels.is_empty() {
                self.classify_form(actor, id, &self.answers_for(levels, a.pd, a.special)).await?;
            }
        }
        for (code, assessment) in &a.plan {
            let f =
                MeasureForm { requirement: code.clone(), assessment: assessment.clone(), due_date: due(assessment), ..Default::default() };
            self.assess(actor, id, &f).await?;
        }
        if a.classified_days_ago > 0 && !a.levels.is_empty() {
            self.backdate(actor, id, a.classified_days_ago).await?;
        }
        Ok(())
    }

    /// The form that answers every question of an aspect with the aspect's level.
    fn answers_for(&self, levels: &[u8], pd: bool, special: bool) -> ClassifyForm {
        let on = |b: bool| if b { "on".to_owned() } else { String::new() };
        let mut f = ClassifyForm { personal_data: on(pd), special_categories: on(special), ..Default::default() };
        for (a, l) in self.classification().model.applicable(pd).zip(levels) {
            for q in &a.questions {
                // The nearest choice the question offers at or below the level.
                let pick = q.choices.iter().map(|c| c.level).filter(|c| c <= l).max().unwrap_or(*l);
                let pick = if a.questions.first().is_some_and(|f| f.id == q.id) { *l } else { pick };
                f.rest.insert(format!("q_{}", q.id), pick.to_string());
            }
        }
        f
    }

    /// Moves a demo classification back in time, so that some reviews are due: one audited
    /// write of the demo loader.
    async fn backdate(&self, actor: &Actor, id: i64, days: i64) -> Result<(), AppError> {
        let cap = actor.can(Permission::AssetWrite)?;
        let w = self.app.begin(&cap).await?;
        let on = varn_domain::task::today() - chrono::Duration::days(days);
        let next = on.checked_add_months(chrono::Months::new(super::classify::REVIEW_MONTHS)).unwrap_or(on);
        let at = on.and_hms_opt(10, 0, 0).map(|t| t.and_utc()).unwrap_or_else(chrono::Utc::now);
        let run = |s: &'static str, v: Vec<sea_orm::Value>| varn_store::repo::stmt(&*w, s, v);
        w.execute(run("UPDATE assets SET classified_on = ?, next_review = ? WHERE id = ?", vec![on.into(), next.into(), id.into()]))
            .await?;
        let last =
            "UPDATE classifications SET classified_at = ?, next_review = ? WHERE id = (SELECT classification_id FROM assets WHERE id = ?)";
        w.execute(run(last, vec![at.into(), next.into(), id.into()])).await?;
        let audit =
            cap.audit("asset.demo_backdate", "asset").entity(id).after(serde_json::json!({"classified_on": on, "next_review": next}));
        self.commit(w, audit).await
    }
}

fn demo_carrier(c: &DemoCarrier, unit_id: i64) -> Result<CarrierCommand, AppError> {
    let j = CarrierJson {
        kind: c.kind.clone(),
        name: c.name.clone(),
        description: None,
        unit_id,
        system_owner_username: c.owner.clone(),
        system_admin_username: None,
        supplier: c.supplier.clone(),
        hosting: c.hosting.clone(),
        country: c.country.clone(),
        third_country: c.third_country,
        transfer_basis: c.basis.clone(),
    };
    Ok(CarrierCommand::try_from(&j)?)
}

/// A due date for what is missing: two months ahead, or already past for one in three.
fn due(assessment: &str) -> String {
    match assessment {
        "delvis" => (varn_domain::task::today() + chrono::Duration::days(60)).to_string(),
        "ej_uppfyllt" => (varn_domain::task::today() - chrono::Duration::days(10)).to_string(),
        _ => String::new(),
    }
}
