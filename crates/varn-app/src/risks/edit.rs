//! Writing the module: analyses, risks, acceptance, closing, the assets a risk concerns and
//! its treatment actions. Formats are checked by the commands ([`super::commands`]); here what
//! needs the database, inside the write's transaction, each write with its audit row.

use super::analysis_commands::AnalysisCommand;
use super::commands::{RiskCommand, RiskJson};
use super::Risks;
use crate::{Actor, AppError};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use serde_json::json;
use varn_domain::risk::RiskStatus;
use varn_domain::{FieldErrors, OrgPath, Permission};
use varn_store::entity::{risk, risk_analysis};
use varn_store::repo::risks as repo;
use varn_store::repo::{now, org, users};

fn analysis_json(a: &risk_analysis::Model) -> serde_json::Value {
    json!({"title": a.title, "unit_id": a.unit_id, "scope_kind": a.scope_kind, "scope_text": a.scope_text,
        "analysed_on": a.analysed_on, "participants": a.participants})
}

fn risk_json(r: &risk::Model) -> serde_json::Value {
    json!({"title": r.title, "analysis_id": r.analysis_id, "threat": r.threat, "vulnerability": r.vulnerability,
        "aspects": r.aspects, "likelihood": r.likelihood, "consequence": r.consequence,
        "residual_likelihood": r.residual_likelihood, "residual_consequence": r.residual_consequence,
        "treatment": r.treatment, "owner_user_id": r.owner_user_id, "review_on": r.review_on, "status": r.status})
}

/// A treatment action as the form and the API send it: the same as an incident's action.
pub use crate::incidents::ActionJson;

impl Risks<'_> {
    fn aspect_codes(&self) -> Vec<&str> {
        self.app.classification.model.aspects.iter().map(|a| a.code.as_str()).collect()
    }

    /// Checks a risk as the API sent it (who may act is checked first by the caller).
    pub fn check(&self, j: &RiskJson) -> Result<RiskCommand, FieldErrors> {
        RiskCommand::check(j, self.rules(), &self.aspect_codes())
    }

    /// Checks a risk as the page's form sent it.
    pub fn check_form(&self, f: &super::RiskForm) -> Result<RiskCommand, FieldErrors> {
        RiskCommand::check_form(f, self.rules(), &self.aspect_codes())
    }

    /// The unit an analysis is made for: active and within the actor's RiskWrite; its path.
    async fn writable_unit<C: ConnectionTrait>(&self, db: &C, actor: &Actor, unit_id: i64) -> Result<String, AppError> {
        match org::find_any(db, unit_id).await?.filter(|u| u.active) {
            Some(u) if self.may_write(actor, &u.path) => Ok(u.path),
            _ => Err(AppError::field("unit_id", "err.risk.unit_forbidden")),
        }
    }

    /// An analysis the actor may change, read through `db`, with its unit's path.
    async fn editable_analysis<C: ConnectionTrait>(
        &self,
        db: &C,
        actor: &Actor,
        id: i64,
    ) -> Result<(risk_analysis::Model, String), AppError> {
        let (a, found) = repo::find_analysis(db, &self.scope(actor), id).await?.ok_or(AppError::NotFound)?;
        if !self.may_write(actor, &found.unit_path) {
            return Err(AppError::Forbidden);
        }
        Ok((a, found.unit_path))
    }

    /// A risk the actor may change, read through `db`.
    async fn editable_risk<C: ConnectionTrait>(&self, db: &C, actor: &Actor, id: i64) -> Result<(risk::Model, repo::RiskFound), AppError> {
        let (r, found) = repo::find(db, &self.scope(actor), id).await?.ok_or(AppError::NotFound)?;
        if !self.may_write(actor, &found.unit_path) {
            return Err(AppError::Forbidden);
        }
        Ok((r, found))
    }

    /// Makes an analysis; returns its id.
    pub async fn create_analysis(&self, actor: &Actor, cmd: Result<AnalysisCommand, FieldErrors>) -> Result<i64, AppError> {
        let cap = actor.can(Permission::RiskWrite)?;
        let cmd = cmd?;
        self.writable_unit(self.db(), actor, cmd.unit_id).await?;
        let w = self.app.begin(&cap).await?;
        let path = self.writable_unit(&*w, actor, cmd.unit_id).await?;
        let at = now();
        let a = risk_analysis::ActiveModel {
            unit_id: Set(cmd.unit_id),
            title: Set(cmd.title.clone()),
            scope_kind: Set(cmd.scope_kind),
            scope_text: Set(cmd.scope_text.clone()),
            analysed_on: Set(cmd.analysed_on),
            participants: Set(cmd.participants.clone()),
            description: Set(cmd.description.clone()),
            search_text: Set(cmd.title.to_lowercase()),
            created_by: Set(actor.id.0),
            created_at: Set(at),
            updated_at: Set(at),
            ..Default::default()
        }
        .insert(&*w)
        .await?;
        w.commit(cap.audit("risk_analysis.create", "risk_analysis").entity(a.id).at(path).after(analysis_json(&a))).await?;
        Ok(a.id)
    }

    /// Changes an analysis; moving it to another unit moves its risks with it.
    pub async fn update_analysis(&self, actor: &Actor, id: i64, cmd: Result<AnalysisCommand, FieldErrors>) -> Result<(), AppError> {
        self.editable_analysis(self.db(), actor, id).await?;
        let cmd = cmd?;
        let cap = actor.can(Permission::RiskWrite)?;
        let w = self.app.begin(&cap).await?;
        let (before, _) = self.editable_analysis(&*w, actor, id).await?;
        let path = self.writable_unit(&*w, actor, cmd.unit_id).await?;
        let moved = before.unit_id != cmd.unit_id;
        let mut m: risk_analysis::ActiveModel = before.clone().into();
        m.unit_id = Set(cmd.unit_id);
        m.title = Set(cmd.title.clone());
        m.scope_kind = Set(cmd.scope_kind);
        m.scope_text = Set(cmd.scope_text.clone());
        m.analysed_on = Set(cmd.analysed_on);
        m.participants = Set(cmd.participants.clone());
        m.description = Set(cmd.description.clone());
        m.search_text = Set(cmd.title.to_lowercase());
        m.updated_at = Set(now());
        let after = m.update(&*w).await?;
        if moved {
            let sql = "UPDATE risks SET unit_id = ? WHERE analysis_id = ?";
            w.execute(varn_store::repo::stmt(&*w, sql, vec![cmd.unit_id.into(), id.into()])).await?;
        }
        let audit = cap.audit("risk_analysis.update", "risk_analysis").entity(id).at(path);
        w.commit(audit.before(analysis_json(&before)).after(analysis_json(&after))).await
    }

    /// The owner named in a command: an active person, or a field error.
    async fn owner<C: ConnectionTrait>(&self, db: &C, name: &Option<String>) -> Result<Option<i64>, AppError> {
        let Some(name) = name else { return Ok(None) };
        match users::find_person(db, name).await? {
            Some(u) if u.active => Ok(Some(u.id)),
            _ => Err(AppError::field("owner_username", "err.user.unknown")),
        }
    }

    /// The analysis a risk is put in: one the actor may change (else a mistake at the field).
    async fn analysis_for<C: ConnectionTrait>(&self, db: &C, actor: &Actor, id: i64) -> Result<(risk_analysis::Model, String), AppError> {
        self.editable_analysis(db, actor, id).await.map_err(|e| match e {
            AppError::NotFound | AppError::Forbidden => AppError::field("analysis_id", "err.choose"),
            e => e,
        })
    }

    /// Adds a risk to an analysis; returns its id.
    pub async fn create_risk(&self, actor: &Actor, cmd: Result<RiskCommand, FieldErrors>) -> Result<i64, AppError> {
        let cap = actor.can(Permission::RiskWrite)?;
        let cmd = cmd?;
        self.analysis_for(self.db(), actor, cmd.analysis_id).await?;
        let w = self.app.begin(&cap).await?;
        let (analysis, path) = self.analysis_for(&*w, actor, cmd.analysis_id).await?;
        let owner = self.owner(&*w, &cmd.owner_username).await?;
        let at = now();
        let mut m = risk::ActiveModel {
            unit_id: Set(analysis.unit_id),
            status: Set(cmd.first_status()),
            accepted_by: Set(None),
            accepted_on: Set(None),
            created_at: Set(at),
            ..Default::default()
        };
        fill(&mut m, &cmd, owner);
        let r = m.insert(&*w).await?;
        w.commit(cap.audit("risk.create", "risk").entity(r.id).at(path).after(risk_json(&r))).await?;
        Ok(r.id)
    }

    /// Changes a risk. Its acceptance lapses when its residual level or treatment changes.
    pub async fn update_risk(&self, actor: &Actor, id: i64, cmd: Result<RiskCommand, FieldErrors>) -> Result<(), AppError> {
        self.editable_risk(self.db(), actor, id).await?;
        let cmd = cmd?;
        let cap = actor.can(Permission::RiskWrite)?;
        let w = self.app.begin(&cap).await?;
        let (before, _) = self.editable_risk(&*w, actor, id).await?;
        let (analysis, path) = self.analysis_for(&*w, actor, cmd.analysis_id).await?;
        let owner = self.owner(&*w, &cmd.owner_username).await?;
        let residual = cmd.residual.map_or(cmd.likelihood * cmd.consequence, |(l, c)| l * c);
        let changed = residual != before.residual_score || cmd.treatment != before.treatment;
        let status = varn_domain::risk::status_after_edit(before.status, cmd.treatment, changed);
        let mut m: risk::ActiveModel = before.clone().into();
        fill(&mut m, &cmd, owner);
        m.unit_id = Set(analysis.unit_id);
        m.status = Set(status);
        if status != RiskStatus::Accepterad {
            m.accepted_by = Set(None);
            m.accepted_on = Set(None);
        }
        if status == RiskStatus::Avslutad {
            m.review_on = Set(None);
        }
        let after = m.update(&*w).await?;
        w.commit(cap.audit("risk.update", "risk").entity(id).at(path).before(risk_json(&before)).after(risk_json(&after))).await
    }

    /// Whether the actor may accept a risk at `path` with this residual score: a head's grant
    /// (RiskAccept) on a unit that covers the risk's and is of a kind the level names. `Ok(false)`
    /// when they hold RiskAccept over the risk but at too low a level; `Forbidden` when not over it.
    pub async fn may_accept<C: ConnectionTrait>(&self, db: &C, actor: &Actor, path: &str, score: i64) -> Result<bool, AppError> {
        let Ok(p) = OrgPath::parse(path) else { return Err(AppError::Forbidden) };
        let mut over = false;
        for g in actor.access.grants() {
            if !g.role.allows(Permission::RiskAccept) || !g.unit_path.contains(&p) {
                continue;
            }
            over = true;
            let Some(unit) = g.unit_path.ids().last().copied() else { continue };
            if let Some(u) = org::find_any(db, unit.0).await? {
                if self.rules().matrix.may_accept(score, u.kind) {
                    return Ok(true);
                }
            }
        }
        if over {
            Ok(false)
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// Accepts a risk at its present residual level, on the unit's behalf.
    pub async fn accept(&self, actor: &Actor, id: i64) -> Result<(), AppError> {
        let cap = actor.can(Permission::RiskAccept)?;
        let w = self.app.begin(&cap).await?;
        let (r, found) = repo::find(&*w, &self.scope(actor), id).await?.ok_or(AppError::NotFound)?;
        if !self.may_accept(&*w, actor, &found.unit_path, r.residual_score).await? {
            return Err(AppError::field("accept", "err.risk.accept_level"));
        }
        if !r.status.is_open() || r.status == RiskStatus::Accepterad {
            return Err(AppError::field("accept", "err.risk.not_acceptable"));
        }
        let today = varn_domain::task::today();
        let mut m: risk::ActiveModel = r.clone().into();
        m.status = Set(RiskStatus::Accepterad);
        m.accepted_by = Set(Some(actor.id.0));
        m.accepted_on = Set(Some(today));
        m.updated_at = Set(now());
        m.update(&*w).await?;
        let level = self.rules().matrix.level(r.residual_score).map(|l| l.code.clone());
        let audit = cap.audit("risk.accept", "risk").entity(id).at(found.unit_path);
        w.commit(
            audit
                .before(json!({"status": r.status}))
                .after(json!({"status": "accepterad", "residual_score": r.residual_score, "level": level})),
        )
        .await
    }

    /// Closes a risk that is no longer relevant (no review, out of the heat map).
    pub async fn close(&self, actor: &Actor, id: i64) -> Result<(), AppError> {
        self.editable_risk(self.db(), actor, id).await?;
        let cap = actor.can(Permission::RiskWrite)?;
        let w = self.app.begin(&cap).await?;
        let (r, found) = self.editable_risk(&*w, actor, id).await?;
        if !r.status.is_open() {
            return Err(AppError::field("close", "err.risk.closed"));
        }
        let mut m: risk::ActiveModel = r.clone().into();
        m.status = Set(RiskStatus::Avslutad);
        m.review_on = Set(None);
        m.updated_at = Set(now());
        m.update(&*w).await?;
        let audit = cap.audit("risk.close", "risk").entity(id).at(found.unit_path);
        w.commit(audit.before(json!({"status": r.status, "review_on": r.review_on})).after(json!({"status": "avslutad"}))).await
    }

    /// Links (or unlinks) an information asset the actor can see to a risk they may change.
    pub async fn link_asset(&self, actor: &Actor, id: i64, asset_id: i64, linked: bool) -> Result<(), AppError> {
        self.editable_risk(self.db(), actor, id).await?;
        let cap = actor.can(Permission::RiskWrite)?;
        let w = self.app.begin(&cap).await?;
        let (_, found) = self.editable_risk(&*w, actor, id).await?;
        let vis = self.app.assets().visibility(actor);
        let (asset, _) =
            varn_store::repo::assets::find(&*w, &vis, asset_id).await?.ok_or_else(|| AppError::field("asset_id", "err.choose"))?;
        repo::link_asset(&*w, id, asset_id, linked).await?;
        let action = if linked { "risk.link_asset" } else { "risk.unlink_asset" };
        w.commit(cap.audit(action, "risk").entity(id).at(found.unit_path).after(json!({"asset_id": asset_id, "name": asset.name}))).await
    }

    /// Gives a treatment action to a person (a task in their Mina uppgifter); returns its id.
    pub async fn add_action(&self, actor: &Actor, id: i64, cmd: &ActionJson) -> Result<i64, AppError> {
        self.editable_risk(self.db(), actor, id).await?;
        let crate::incidents::CheckedAction { title, owner, due } = cmd.check(self.db()).await?;
        let cap = actor.can(Permission::RiskWrite)?;
        let w = self.app.begin(&cap).await?;
        let (r, found) = self.editable_risk(&*w, actor, id).await?;
        let a = repo::add_action(
            &*w,
            repo::NewRiskAction {
                risk_id: id,
                unit_id: r.unit_id,
                title: title.clone(),
                task_title: format!("{title} (risk: {})", r.title),
                responsible_user_id: owner.id,
                due_date: due,
                created_by: actor.id.0,
            },
        )
        .await?;
        let data = json!({"action_id": a.id, "title": title, "responsible_user_id": owner.id, "due_date": due, "task_id": a.task_id});
        w.commit(cap.audit("risk.action_add", "risk").entity(id).at(found.unit_path).after(data)).await?;
        Ok(a.id)
    }
}

/// The command's facts on a risk row (scores and search text derived).
fn fill(m: &mut risk::ActiveModel, c: &RiskCommand, owner: Option<i64>) {
    let score = c.likelihood * c.consequence;
    m.analysis_id = Set(c.analysis_id);
    m.title = Set(c.title.clone());
    m.description = Set(c.description.clone());
    m.threat = Set(c.threat.clone());
    m.vulnerability = Set(c.vulnerability.clone());
    m.aspects = Set(c.aspects.clone());
    m.likelihood = Set(c.likelihood);
    m.consequence = Set(c.consequence);
    m.score = Set(score);
    m.residual_likelihood = Set(c.residual.map(|r| r.0));
    m.residual_consequence = Set(c.residual.map(|r| r.1));
    m.residual_score = Set(c.residual.map_or(score, |(l, c)| l * c));
    m.treatment = Set(c.treatment);
    m.treatment_plan = Set(c.treatment_plan.clone());
    m.owner_user_id = Set(owner);
    m.review_on = Set(c.review_on);
    m.search_text = Set(c.title.to_lowercase());
    m.updated_at = Set(now());
}
