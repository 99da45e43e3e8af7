//! The city's classification model as data: aspects, consequence levels and the questions
//! that lead to a level. Loaded from a file (`data/classification/model.yaml`), so a city
//! with another model (its own 1–3 scale, say) loads its own; [`Model::check`] refuses a
//! model that contradicts itself.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// A text in both of the interface's languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// Swedish.
    pub sv: String,
    /// English.
    pub en: String,
}

impl Text {
    /// The text in `lang` ("en", else Swedish).
    pub fn get(&self, lang: &str) -> &str {
        if lang == "en" {
            &self.en
        } else {
            &self.sv
        }
    }
}

/// One consequence level.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LevelDef {
    /// Its value (0 lowest).
    pub value: u8,
    /// Its name ("betydande").
    pub name: Text,
    /// What it means.
    pub help: Text,
}

/// One answer to a question, and the level it points to.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Choice {
    /// The level this answer means.
    pub level: u8,
    /// The answer as the user reads it.
    pub text: Text,
}

/// A consequence question.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Question {
    /// Stable id (stored with the answers).
    pub id: String,
    /// The question.
    pub text: Text,
    /// Help: what to think of.
    #[serde(default)]
    pub help: Option<Text>,
    /// Its answers, lowest level first.
    pub choices: Vec<Choice>,
}

/// An aspect of the model (konfidentialitet, riktighet, …).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Aspect {
    /// Stable code (`k`, `r`, `t`, `s`).
    pub code: String,
    /// Its name.
    pub name: Text,
    /// What it is about.
    pub help: Text,
    /// Only assessed where personal data is processed (spårbarhet).
    #[serde(default)]
    pub personal_data_only: bool,
    /// The questions; the aspect's level is the highest level answered.
    pub questions: Vec<Question>,
}

/// The whole model.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Model {
    /// Stable id, stored with each classification.
    pub id: String,
    /// Its name.
    pub name: Text,
    /// The levels, lowest first.
    pub levels: Vec<LevelDef>,
    /// From which level an aspect needs a separate analysis (none: never).
    #[serde(default)]
    pub separate_analysis_from: Option<u8>,
    /// The aspects.
    pub aspects: Vec<Aspect>,
}

/// Answers by question id: the level of the chosen answer.
pub type Answers = BTreeMap<String, u8>;
/// Levels by aspect code (aspects that do not apply are absent).
pub type Levels = BTreeMap<String, u8>;

/// Why a model file or a set of answers is not usable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    /// The model contradicts itself.
    #[error("classification model: {0}")]
    Invalid(String),
    /// A question of an applicable aspect is not answered, or answered with a level it does
    /// not offer: (question id).
    #[error("question {0} is not answered with one of its choices")]
    Unanswered(String),
}

impl Model {
    /// Checks that the model holds together: levels counted up from their lowest value, every
    /// choice's level a level of the model, ids and codes unique, no aspect without questions.
    pub fn check(&self) -> Result<(), ModelError> {
        let bad = |m: String| Err(ModelError::Invalid(m));
        if self.levels.is_empty() || self.aspects.is_empty() {
            return bad("needs levels and aspects".into());
        }
        let first = self.levels[0].value;
        if self.levels.iter().enumerate().any(|(i, l)| usize::from(l.value) != usize::from(first) + i) {
            return bad("levels must count up by one".into());
        }
        let mut codes = BTreeSet::new();
        let mut ids = BTreeSet::new();
        for a in &self.aspects {
            if !codes.insert(a.code.as_str()) || a.code.is_empty() || a.code.len() > 8 {
                return bad(format!("aspect code {:?} is empty, too long or repeated", a.code));
            }
            if a.questions.is_empty() {
                return bad(format!("aspect {} has no questions", a.code));
            }
            for q in &a.questions {
                if !ids.insert(q.id.as_str()) {
                    return bad(format!("question id {} is repeated", q.id));
                }
                if q.choices.is_empty() || q.choices.iter().any(|c| !self.has_level(c.level)) {
                    return bad(format!("question {} has no choices or a choice outside the levels", q.id));
                }
            }
        }
        Ok(())
    }

    /// Whether `v` is one of the model's levels.
    pub fn has_level(&self, v: u8) -> bool {
        self.levels.iter().any(|l| l.value == v)
    }

    /// A level's definition.
    pub fn level(&self, v: u8) -> Option<&LevelDef> {
        self.levels.iter().find(|l| l.value == v)
    }

    /// An aspect by code.
    pub fn aspect(&self, code: &str) -> Option<&Aspect> {
        self.aspects.iter().find(|a| a.code == code)
    }

    /// The aspects that apply to an asset (spårbarhet only with personal data).
    pub fn applicable(&self, personal_data: bool) -> impl Iterator<Item = &Aspect> {
        self.aspects.iter().filter(move |a| personal_data || !a.personal_data_only)
    }

    /// The levels the answers lead to: for each applicable aspect the highest level among
    /// its answers. Every question of an applicable aspect must be answered with one of its
    /// own choices; answers to questions of aspects that do not apply are ignored.
    pub fn levels(&self, answers: &Answers, personal_data: bool) -> Result<Levels, ModelError> {
        let mut out = Levels::new();
        for a in self.applicable(personal_data) {
            let mut top = None;
            for q in &a.questions {
                let chosen = answers.get(&q.id).filter(|l| q.choices.iter().any(|c| c.level == **l));
                let Some(&l) = chosen else { return Err(ModelError::Unanswered(q.id.clone())) };
                top = top.max(Some(l));
            }
            if let Some(l) = top {
                out.insert(a.code.clone(), l);
            }
        }
        Ok(out)
    }

    /// The questions left unanswered (or answered outside their choices) among the
    /// applicable aspects, in the model's order.
    pub fn unanswered(&self, answers: &Answers, personal_data: bool) -> Vec<&Question> {
        self.applicable(personal_data)
            .flat_map(|a| a.questions.iter())
            .filter(|q| !answers.get(&q.id).is_some_and(|l| q.choices.iter().any(|c| c.level == *l)))
            .collect()
    }

    /// The aspects whose level calls for a separate analysis.
    pub fn needs_separate_analysis<'l>(&self, levels: &'l Levels) -> Vec<&'l str> {
        match self.separate_analysis_from {
            Some(from) => levels.iter().filter(|(_, l)| **l >= from).map(|(a, _)| a.as_str()).collect(),
            None => vec![],
        }
    }
}

/// What a carrier must meet: for each aspect, the highest level among the information it
/// carries.
pub fn inherit<'a>(carried: impl IntoIterator<Item = &'a Levels>) -> Levels {
    let mut out = Levels::new();
    for levels in carried {
        for (aspect, l) in levels {
            let slot = out.entry(aspect.clone()).or_insert(*l);
            *slot = (*slot).max(*l);
        }
    }
    out
}
