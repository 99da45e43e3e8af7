//! Classification through the model's questions, its history and comparison, and the
//! handlingsplan that follows from the levels with each requirement's self-assessment.

use super::commands::optional;
use super::Assets;
use crate::{Actor, AppError};
use chrono::NaiveDate;
use sea_orm::{ActiveModelTrait, Set};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::collections::BTreeMap;
use varn_domain::asset::{Answers, Levels, ModelError, PlanChange};
use varn_domain::FieldErrors;
use varn_store::entity::{asset, classification};
use varn_store::repo::assets::{self as repo, ClassificationRow};
use varn_store::repo::{now, users};

/// How long a classification holds before its review, by default.
pub const REVIEW_MONTHS: u32 = 24;

/// The classification form: one radio group per question (`q_<id>` = level) and the rest.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct ClassifyForm {
    /// Checkbox.
    #[serde(default)]
    pub personal_data: String,
    /// Checkbox.
    #[serde(default)]
    pub special_categories: String,
    /// Who took part (samordnare or systemägare), sign-in name.
    #[serde(default)]
    pub with_username: String,
    /// Next review (blank: in two years).
    #[serde(default)]
    pub next_review: String,
    /// A note.
    #[serde(default)]
    pub note: String,
    /// Everything else: the answers (`q_<question id>`), and the form's own fields.
    #[serde(flatten)]
    pub rest: BTreeMap<String, String>,
}

/// A classification as the API takes it.
#[derive(Debug, Clone, Deserialize, Serialize, utoipa::ToSchema)]
pub struct ClassifyJson {
    /// The level chosen for each question, by question id.
    pub answers: BTreeMap<String, u8>,
    /// Personal data processed (default: as registered on the asset).
    #[serde(default)]
    pub personal_data: Option<bool>,
    /// Special categories (default: as registered).
    #[serde(default)]
    pub special_categories: Option<bool>,
    /// Who took part (sign-in name).
    #[serde(default)]
    pub with_username: Option<String>,
    /// Next review (YYYY-MM-DD; default in two years).
    #[serde(default)]
    pub next_review: Option<String>,
    /// A note.
    #[serde(default)]
    pub note: Option<String>,
}

/// A classification, checked for format (the answers against the model come later).
#[derive(Debug, Clone)]
pub struct ClassifyCommand {
    answers: Answers,
    personal_data: bool,
    special_categories: bool,
    with_username: Option<String>,
    next_review: Option<NaiveDate>,
    note: Option<String>,
}

pub(super) fn date(e: &mut FieldErrors, field: &str, s: Option<&str>) -> Option<NaiveDate> {
    let t = s.map(str::trim).filter(|t| !t.is_empty())?;
    e.check(field, NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| "err.date_invalid"))
}

impl ClassifyForm {
    /// The answers given, by question id.
    pub fn answers(&self) -> BTreeMap<String, String> {
        self.rest.iter().filter_map(|(k, v)| k.strip_prefix("q_").map(|q| (q.to_owned(), v.clone()))).collect()
    }

    fn command(&self) -> Result<ClassifyCommand, FieldErrors> {
        let on = |v: &str| matches!(v.trim(), "on" | "true" | "1");
        let mut e = FieldErrors::new();
        let mut answers = Answers::new();
        for (q, v) in self.answers() {
            if let Some(l) = e.check(&format!("q_{q}"), v.trim().parse::<u8>().map_err(|_| "err.asset.unanswered")) {
                answers.insert(q, l);
            }
        }
        let next_review = date(&mut e, "next_review", Some(&self.next_review));
        let note = optional(&mut e, "note", Some(&self.note), 2_000);
        e.into_result()?;
        let with = Some(self.with_username.trim().to_owned()).filter(|s| !s.is_empty());
        Ok(ClassifyCommand {
            answers,
            personal_data: on(&self.personal_data),
            special_categories: on(&self.special_categories),
            with_username: with,
            next_review,
            note,
        })
    }
}

impl ClassifyJson {
    fn command(&self, a: &asset::Model) -> Result<ClassifyCommand, FieldErrors> {
        let mut e = FieldErrors::new();
        let next_review = date(&mut e, "next_review", self.next_review.as_deref());
        let note = optional(&mut e, "note", self.note.as_deref(), 2_000);
        e.into_result()?;
        Ok(ClassifyCommand {
            answers: self.answers.clone(),
            personal_data: self.personal_data.unwrap_or(a.personal_data),
            special_categories: self.special_categories.unwrap_or(a.special_categories),
            with_username: self.with_username.clone().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()),
            next_review,
            note,
        })
    }
}

/// What a classification would lead to, before it is saved.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Preview {
    /// The levels now in force.
    pub before: Levels,
    /// The levels the answers lead to.
    pub after: Levels,
    /// Requirement codes the change adds.
    pub added: Vec<String>,
    /// Requirement codes the change drops.
    pub dropped: Vec<String>,
    /// Aspects that need a separate analysis.
    pub separate_analysis: Vec<String>,
}

/// Two classifications side by side.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Comparison {
    /// The earlier.
    pub a: ClassificationRow,
    /// The later.
    pub b: ClassificationRow,
    /// (aspect, level in a, level in b) for every aspect either has.
    pub levels: Vec<(String, Option<u8>, Option<u8>)>,
    /// Requirement codes b adds to a.
    pub added: Vec<String>,
    /// Requirement codes b drops from a.
    pub dropped: Vec<String>,
}

/// Levels as stored in `asset_levels` rows.
pub(crate) fn levels_of_rows(rows: Vec<(String, i64)>) -> Levels {
    rows.into_iter().map(|(a, l)| (a, u8::try_from(l).unwrap_or(0))).collect()
}

/// Levels as stored in a classification's JSON.
pub(crate) fn levels_of_json(s: &str) -> Levels {
    serde_json::from_str(s).unwrap_or_default()
}

impl Assets<'_> {
    /// The levels the answers lead to and what that changes, without saving (the form's
    /// "Förhandsgranska", and the API's dry run).
    pub async fn preview(&self, actor: &Actor, id: i64, form: &ClassifyForm) -> Result<Preview, AppError> {
        let ed = self.editable(self.db(), actor, id).await?;
        let cmd = form.command()?;
        self.preview_of(&ed.asset, &cmd).await
    }

    async fn preview_of(&self, a: &asset::Model, cmd: &ClassifyCommand) -> Result<Preview, AppError> {
        let c = self.classification();
        all_answered(c, cmd)?;
        let after = c.model.levels(&cmd.answers, cmd.personal_data).map_err(unanswered)?;
        let before = levels_of_rows(repo::levels_of(self.db(), a.id).await?);
        let PlanChange { added, dropped } = c.catalogue.change(&before, &after);
        let separate_analysis = c.model.needs_separate_analysis(&after).into_iter().map(str::to_owned).collect();
        Ok(Preview { before, after, added, dropped, separate_analysis })
    }

    /// What the API's body would lead to, without saving.
    pub async fn preview_json(&self, actor: &Actor, id: i64, body: &ClassifyJson) -> Result<Preview, AppError> {
        let ed = self.editable(self.db(), actor, id).await?;
        let cmd = body.command(&ed.asset)?;
        self.preview_of(&ed.asset, &cmd).await
    }

    /// Classifies from the page's form.
    pub async fn classify_form(&self, actor: &Actor, id: i64, form: &ClassifyForm) -> Result<(), AppError> {
        self.editable(self.db(), actor, id).await?;
        let cmd = form.command()?;
        self.classify(actor, id, cmd).await
    }

    /// Classifies from the API's body; returns what it led to.
    pub async fn classify_json(&self, actor: &Actor, id: i64, body: &ClassifyJson) -> Result<(), AppError> {
        let ed = self.editable(self.db(), actor, id).await?;
        let cmd = body.command(&ed.asset)?;
        self.classify(actor, id, cmd).await
    }

    async fn classify(&self, actor: &Actor, id: i64, cmd: ClassifyCommand) -> Result<(), AppError> {
        let c = self.classification();
        all_answered(c, &cmd)?;
        let levels = c.model.levels(&cmd.answers, cmd.personal_data).map_err(unanswered)?;
        let mut e = FieldErrors::new();
        if cmd.special_categories && !cmd.personal_data {
            e.add("special_categories", "err.asset.special_without_personal");
        }
        let today = varn_domain::task::today();
        if cmd.next_review.is_some_and(|d| d <= today) {
            e.add("next_review", "err.asset.review_past");
        }
        let probe = self.editable(self.db(), actor, id).await?;
        let w = self.app.begin(&probe.cap).await?;
        let ed = self.editable(&*w, actor, id).await?;
        let with = match &cmd.with_username {
            Some(n) => match users::find_person(&*w, n).await? {
                Some(u) if u.active => Some(u.id),
                _ => {
                    e.add("with_username", "err.user.unknown");
                    None
                }
            },
            None => None,
        };
        e.into_result()?;
        let before = levels_of_rows(repo::levels_of(&*w, id).await?);
        let next = cmd.next_review.or_else(|| today.checked_add_months(chrono::Months::new(REVIEW_MONTHS)));
        let row = classification::ActiveModel {
            asset_id: Set(id),
            model: Set(c.model.id.clone()),
            answers: Set(serde_json::to_string(&cmd.answers).unwrap_or_default()),
            levels: Set(serde_json::to_string(&levels).unwrap_or_default()),
            personal_data: Set(cmd.personal_data),
            special_categories: Set(cmd.special_categories),
            classified_by: Set(Some(actor.id.0)),
            with_user_id: Set(with),
            classified_at: Set(now()),
            next_review: Set(next),
            note: Set(cmd.note.clone()),
            ..Default::default()
        }
        .insert(&*w)
        .await?;
        let rows: Vec<(String, i64)> = levels.iter().map(|(a, l)| (a.clone(), i64::from(*l))).collect();
        repo::set_levels(&*w, id, &rows).await?;
        let mut a: asset::ActiveModel = ed.asset.into();
        a.classification_id = Set(Some(row.id));
        a.max_level = Set(levels.values().max().map(|l| i64::from(*l)));
        a.classified_on = Set(Some(today));
        a.next_review = Set(next);
        a.personal_data = Set(cmd.personal_data);
        a.special_categories = Set(cmd.special_categories);
        a.updated_at = Set(now());
        a.update(&*w).await?;
        let audit = ed.cap.audit("asset.classify", "asset").entity(id).at(ed.path);
        self.commit(
            w,
            audit.before(json!({"levels": before})).after(json!({"levels": levels, "classification_id": row.id, "next_review": next})),
        )
        .await
    }

    /// Every classification of a visible asset, newest first.
    pub async fn history(&self, actor: &Actor, id: i64) -> Result<Vec<ClassificationRow>, AppError> {
        repo::find(self.db(), &self.visibility(actor), id).await?.ok_or(AppError::NotFound)?;
        Ok(repo::history(self.db(), id).await?)
    }

    /// Two classifications of a visible asset side by side (earlier first).
    pub async fn compare(&self, actor: &Actor, id: i64, x: i64, y: i64) -> Result<Comparison, AppError> {
        let all = self.history(actor, id).await?;
        let find = |k: i64| all.iter().find(|c| c.id == k).cloned().ok_or(AppError::NotFound);
        let (mut a, mut b) = (find(x)?, find(y)?);
        if a.id > b.id {
            std::mem::swap(&mut a, &mut b);
        }
        let (la, lb) = (levels_of_json(&a.levels), levels_of_json(&b.levels));
        let mut aspects: Vec<String> = la.keys().chain(lb.keys()).cloned().collect();
        let order = |s: &String| self.classification().model.aspects.iter().position(|x| &x.code == s).unwrap_or(usize::MAX);
        aspects.sort_by_key(order);
        aspects.dedup();
        let levels = aspects.into_iter().map(|k| (k.clone(), la.get(&k).copied(), lb.get(&k).copied())).collect();
        let PlanChange { added, dropped } = self.classification().catalogue.change(&la, &lb);
        Ok(Comparison { a, b, levels, added, dropped })
    }
}

/// Every question left unanswered, each as a field error at its radio group.
fn all_answered(c: &super::Classification, cmd: &ClassifyCommand) -> Result<(), FieldErrors> {
    let mut e = FieldErrors::new();
    for q in c.model.unanswered(&cmd.answers, cmd.personal_data) {
        e.add(&format!("q_{}", q.id), "err.asset.unanswered");
    }
    e.into_result()
}

/// An unanswered question as a field error at its radio group.
fn unanswered(e: ModelError) -> AppError {
    match e {
        ModelError::Unanswered(q) => AppError::field(&format!("q_{q}"), "err.asset.unanswered"),
        ModelError::Invalid(m) => AppError::Internal(m),
    }
}
