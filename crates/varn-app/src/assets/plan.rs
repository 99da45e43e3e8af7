//! The handlingsplan: the requirements an asset's levels call for, each with its
//! self-assessment, owner and due date.

use super::classify::{date, levels_of_rows};
use super::commands::optional;
use super::Assets;
use crate::{Actor, AppError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::json;
use varn_domain::asset::{Assessment, Levels, ReqKind};
use varn_domain::{Code, FieldErrors};
use varn_store::entity::{asset_measure, user};
use varn_store::repo::assets as repo;
use varn_store::repo::{now, users};

/// One requirement of a handlingsplan with its self-assessment.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PlanItem {
    /// Requirement code.
    pub code: String,
    /// Aspect code.
    pub aspect: String,
    /// From which level it applies.
    pub from_level: u8,
    /// egen / upphandling.
    #[schema(value_type = String)]
    pub kind: ReqKind,
    /// The requirement, in the reader's language.
    pub text: String,
    /// uppfyllt / delvis / ej_uppfyllt / ej_tillampligt (none: not yet assessed).
    #[schema(value_type = Option<String>)]
    pub assessment: Option<Assessment>,
    /// A comment.
    pub comment: Option<String>,
    /// Who acts on what is missing.
    pub owner_user_id: Option<i64>,
    /// Their name.
    pub owner_name: Option<String>,
    /// By when.
    #[serde(serialize_with = "varn_domain::json_time::opt_date")]
    pub due_date: Option<NaiveDate>,
}

/// The form that assesses one requirement.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct MeasureForm {
    /// Requirement code.
    pub requirement: String,
    /// uppfyllt / delvis / ej_uppfyllt / ej_tillampligt.
    pub assessment: String,
    /// A comment.
    pub comment: String,
    /// Who acts on what is missing (sign-in name; default the information owner).
    pub owner_username: String,
    /// By when (YYYY-MM-DD).
    pub due_date: String,
}

impl Assets<'_> {
    /// The handlingsplan of a visible asset: the requirements its levels call for, each with
    /// its self-assessment, in `lang`.
    pub async fn plan(&self, actor: &Actor, id: i64, lang: &str) -> Result<Vec<PlanItem>, AppError> {
        repo::find(self.db(), &self.visibility(actor), id).await?.ok_or(AppError::NotFound)?;
        let levels = levels_of_rows(repo::levels_of(self.db(), id).await?);
        let stored = repo::measures(self.db(), id).await?;
        self.plan_items(&levels, stored, lang).await
    }

    /// The handlingsplan for `levels` with the self-assessments `stored`, in `lang` (reads the
    /// names of the assessments' owners, if any).
    pub(super) async fn plan_items(
        &self,
        levels: &Levels,
        stored: Vec<asset_measure::Model>,
        lang: &str,
    ) -> Result<Vec<PlanItem>, AppError> {
        let owner_ids: Vec<i64> = stored.iter().filter_map(|m| m.owner_user_id).collect();
        let owners = if owner_ids.is_empty() { vec![] } else { users::by_ids(self.db(), owner_ids).await? };
        Ok(self.plan_of(levels, stored, &owners, lang))
    }

    /// [`Self::plan_items`] with the measures' owners already read.
    pub(super) fn plan_of(&self, levels: &Levels, stored: Vec<asset_measure::Model>, owners: &[user::Model], lang: &str) -> Vec<PlanItem> {
        let name = |u: Option<i64>| u.and_then(|u| owners.iter().find(|o| o.id == u)).map(|o| o.display_name.clone());
        self.classification()
            .catalogue
            .for_levels(levels)
            .into_iter()
            .map(|r| {
                let m = stored.iter().find(|m| m.requirement == r.code);
                PlanItem {
                    code: r.code.clone(),
                    aspect: r.aspect.clone(),
                    from_level: r.from_level,
                    kind: r.kind,
                    text: r.text.get(lang).to_owned(),
                    assessment: m.and_then(|m| m.assessment),
                    comment: m.and_then(|m| m.comment.clone()),
                    owner_user_id: m.and_then(|m| m.owner_user_id),
                    owner_name: name(m.and_then(|m| m.owner_user_id)),
                    due_date: m.and_then(|m| m.due_date),
                }
            })
            .collect()
    }

    /// Records the self-assessment of one requirement of the asset's handlingsplan.
    pub async fn assess(&self, actor: &Actor, id: i64, f: &MeasureForm) -> Result<(), AppError> {
        let mut e = FieldErrors::new();
        let assessment = e.check("assessment", Assessment::parse(&f.assessment));
        let due = date(&mut e, "due_date", Some(&f.due_date));
        let comment = optional(&mut e, "comment", Some(&f.comment), 2_000);
        let probe = self.editable(self.db(), actor, id).await?;
        let w = self.app.begin(&probe.cap).await?;
        let ed = self.editable(&*w, actor, id).await?;
        let levels = levels_of_rows(repo::levels_of(&*w, id).await?);
        let applies = self.classification().catalogue.for_levels(&levels).iter().any(|r| r.code == f.requirement);
        if !applies {
            e.add("requirement", "err.asset.requirement_not_in_plan");
        }
        let owner = match f.owner_username.trim() {
            "" => ed.asset.owner_user_id,
            n => match users::find_person(&*w, n).await? {
                Some(u) if u.active => Some(u.id),
                _ => {
                    e.add("owner_username", "err.user.unknown");
                    None
                }
            },
        };
        e.into_result()?;
        let m = asset_measure::Model {
            asset_id: id,
            requirement: f.requirement.clone(),
            assessment,
            comment,
            owner_user_id: owner,
            due_date: due,
            updated_by: Some(actor.id.0),
            updated_at: now(),
        };
        let after = json!({"requirement": m.requirement, "assessment": m.assessment, "owner_user_id": owner, "due_date": due});
        let before = repo::put_measure(&*w, m).await?;
        let before = before.map(
            |b| json!({"requirement": b.requirement, "assessment": b.assessment, "owner_user_id": b.owner_user_id, "due_date": b.due_date}),
        );
        let audit = ed.cap.audit("asset.assess", "asset").entity(id).at(ed.path).after(after);
        self.commit(
            w,
            match before {
                Some(b) => audit.before(b),
                None => audit,
            },
        )
        .await
    }
}
