//! The information assets, carriers (systems), protections and risks an incident concerns. A handler links what
//! they can see in the asset register; each link and unlink is a timeline step and audited.

use super::lifecycle::Step;
use super::Incidents;
use crate::{Actor, AppError};
use serde_json::json;
use varn_store::entity::incident;
use varn_store::repo::assets as assets_repo;
use varn_store::repo::incidents as repo;

/// What to link or unlink: an asset, a carrier, or both.
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct LinkJson {
    /// An information asset.
    pub asset_id: Option<i64>,
    /// A carrier (system, service, paper archive …).
    pub carrier_id: Option<i64>,
    /// A protection: a requirement of the classification model by its code (`K3-03`), one that
    /// failed or is to be reviewed after the incident.
    pub requirement: Option<String>,
    /// A risk of the register (one that came true, or that the incident shows to be higher than
    /// assessed), one the handler can see.
    pub risk_id: Option<i64>,
    /// Link (true, the default) or unlink (false).
    pub linked: Option<bool>,
}

impl Incidents<'_> {
    /// Links or unlinks an asset and/or a carrier the actor can see in the register.
    pub async fn link(&self, actor: &Actor, id: i64, cmd: &LinkJson) -> Result<(), AppError> {
        self.handled(self.db(), actor, id).await?;
        if cmd.asset_id.is_none() && cmd.carrier_id.is_none() && cmd.requirement.is_none() && cmd.risk_id.is_none() {
            return Err(AppError::field("asset_id", "err.choose"));
        }
        let requirement = match cmd.requirement.as_deref().map(str::trim) {
            Some(code) => {
                let known = self.app.classification.catalogue.requirements.iter().any(|r| r.code == code);
                Some(known.then(|| code.to_owned()).ok_or_else(|| AppError::field("requirement", "err.choose"))?)
            }
            None => None,
        };
        let linked = cmd.linked.unwrap_or(true);
        let (w, h) = self.open(actor, id).await?;
        let vis = self.app.assets().visibility(actor);
        let mut names = Vec::new();
        if let Some(a) = cmd.asset_id {
            let (asset, _) = assets_repo::find(&*w, &vis, a).await?.ok_or_else(|| AppError::field("asset_id", "err.choose"))?;
            names.push(asset.name);
        }
        if let Some(c) = cmd.carrier_id {
            let carrier = assets_repo::carrier(&*w, &vis, c).await?.ok_or_else(|| AppError::field("carrier_id", "err.choose"))?;
            names.push(carrier.0.name);
        }
        repo::link(&*w, id, cmd.asset_id, cmd.carrier_id, linked).await?;
        if let Some(code) = &requirement {
            repo::link_requirement(&*w, id, code, linked).await?;
            names.push(code.clone());
        }
        if let Some(r) = cmd.risk_id {
            let scope = self.app.risks().scope(actor);
            let (risk, _) = varn_store::repo::risks::find(&*w, &scope, r).await?.ok_or_else(|| AppError::field("risk_id", "err.choose"))?;
            varn_store::repo::risks::link_incident(&*w, id, r, linked).await?;
            names.push(risk.title);
        }
        let m: incident::ActiveModel = h.incident.clone().into();
        let data = json!({"asset_id": cmd.asset_id, "carrier_id": cmd.carrier_id, "requirement": requirement, "risk_id": cmd.risk_id,
            "linked": linked, "names": names});
        let kind = if linked { "linked" } else { "unlinked" };
        let step = Step { kind, action: "incident.link", text: None, data: Some(data), adds: true };
        self.finish(w, h, m, step).await
    }
}
