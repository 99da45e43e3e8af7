//! The city's risk matrix and its catalogues of threats and vulnerabilities, as data
//! (`data/risks/matrix.yaml`, `catalogue.yaml`): a city with a 5×5 matrix, other level names
//! or colours, or its own threats loads its own file. [`Matrix::check`] refuses a matrix that
//! contradicts itself or whose colours would not carry the cell's text legibly (WCAG AA).

use crate::asset::Text;
use crate::OrgKind;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// One step of a scale (likelihood or consequence), lowest first.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ScaleStep {
    /// Its name ("Sannolik").
    pub name: Text,
    /// What it means.
    pub help: Text,
}

/// A risk level: the scores (likelihood × consequence) from `from` up to the next level's.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LevelDef {
    /// Stable code (`hog`).
    pub code: String,
    /// The lowest score of the level.
    pub from: u32,
    /// Its name ("Hög").
    pub name: Text,
    /// The cell's background (`#rrggbb`), under dark text.
    pub colour: String,
    /// Whose head may accept a risk at this level: a unit of one of these kinds that covers
    /// the risk's unit (empty: any head over the risk's unit).
    #[serde(default)]
    pub accept_by: Vec<OrgKind>,
}

/// The matrix: the two scales and the levels.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Matrix {
    /// Likelihood (sannolikhet), lowest first.
    pub likelihood: Vec<ScaleStep>,
    /// Consequence (konsekvens), lowest first.
    pub consequence: Vec<ScaleStep>,
    /// The levels, lowest first.
    pub levels: Vec<LevelDef>,
}

/// What is wrong with a matrix or catalogue file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MatrixError {
    /// A scale has too few or too many steps.
    #[error("a scale must have 3 to 6 steps, {0} has {1}")]
    ScaleSize(&'static str, usize),
    /// The levels do not start at 1 or do not rise.
    #[error("levels must start at score 1 and rise: {0}")]
    Levels(String),
    /// A colour is not `#rrggbb` or too dark for the cell's text.
    #[error("level {0}: colour {1} is not #rrggbb with contrast of at least 4.5:1 against the text")]
    Colour(String, String),
    /// A code is used twice, empty, or (a level's) not lower-case letters, digits and `_`.
    #[error("code {0:?} is empty or used twice")]
    Code(String),
}

/// The text colour of a heat map's cells.
pub const CELL_TEXT: &str = "#1a1a1a";

fn channel(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.039_28 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

fn luminance(hex: &str) -> Option<f64> {
    let h = hex.strip_prefix('#').filter(|h| h.len() == 6 && h.chars().all(|c| c.is_ascii_hexdigit()))?;
    let v = |i: usize| h.get(i..i + 2).and_then(|s| u8::from_str_radix(s, 16).ok());
    Some(0.2126 * channel(v(0)?) + 0.7152 * channel(v(2)?) + 0.0722 * channel(v(4)?))
}

/// The contrast ratio of two `#rrggbb` colours (WCAG 2.1), or none when one is malformed.
pub fn contrast(a: &str, b: &str) -> Option<f64> {
    let (x, y) = (luminance(a)?, luminance(b)?);
    let (hi, lo) = if x > y { (x, y) } else { (y, x) };
    Some((hi + 0.05) / (lo + 0.05))
}

impl Matrix {
    /// Checks the scales' sizes, that the levels start at 1 and rise within the matrix, that
    /// codes are unique and that every colour carries the cell's text at 4.5:1.
    pub fn check(&self) -> Result<(), MatrixError> {
        for (name, s) in [("likelihood", &self.likelihood), ("consequence", &self.consequence)] {
            if !(3..=6).contains(&s.len()) {
                return Err(MatrixError::ScaleSize(name, s.len()));
            }
        }
        let max = self.max_score();
        match self.levels.first() {
            Some(l) if l.from == 1 => {}
            _ => return Err(MatrixError::Levels("the first level must start at 1".into())),
        }
        let mut codes = BTreeSet::new();
        for w in self.levels.windows(2) {
            if let [a, b] = w {
                if b.from <= a.from || b.from > max {
                    return Err(MatrixError::Levels(format!("{} starts at {}", b.code, b.from)));
                }
            }
        }
        for l in &self.levels {
            // A code names the level's style (`heat-<code>`): lower-case letters, digits, `_`.
            let plain = l.code.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if l.code.is_empty() || !plain || !codes.insert(l.code.as_str()) {
                return Err(MatrixError::Code(l.code.clone()));
            }
            if contrast(&l.colour, CELL_TEXT).is_none_or(|c| c < 4.5) {
                return Err(MatrixError::Colour(l.code.clone(), l.colour.clone()));
            }
        }
        Ok(())
    }

    /// The highest score.
    pub fn max_score(&self) -> u32 {
        u32::try_from(self.likelihood.len() * self.consequence.len()).unwrap_or(u32::MAX)
    }

    /// Whether a likelihood is on the scale (1 lowest).
    pub fn valid_likelihood(&self, l: i64) -> bool {
        l >= 1 && usize::try_from(l).is_ok_and(|l| l <= self.likelihood.len())
    }

    /// Whether a consequence is on the scale (1 lowest).
    pub fn valid_consequence(&self, c: i64) -> bool {
        c >= 1 && usize::try_from(c).is_ok_and(|c| c <= self.consequence.len())
    }

    /// The score of a cell (likelihood × consequence), none off the matrix.
    pub fn score(&self, likelihood: i64, consequence: i64) -> Option<i64> {
        (self.valid_likelihood(likelihood) && self.valid_consequence(consequence)).then_some(likelihood * consequence)
    }

    /// The level a score falls in (the highest whose `from` it reaches).
    pub fn level(&self, score: i64) -> Option<&LevelDef> {
        self.levels.iter().rev().find(|l| i64::from(l.from) <= score)
    }

    /// The level of a cell.
    pub fn level_of(&self, likelihood: i64, consequence: i64) -> Option<&LevelDef> {
        self.level(self.score(likelihood, consequence)?)
    }

    /// The level's index (0 lowest), for comparing levels.
    pub fn rank(&self, score: i64) -> usize {
        self.levels.iter().filter(|l| i64::from(l.from) <= score).count().saturating_sub(1)
    }

    /// Whether a head of a unit of `kind` (covering the risk's unit) may accept a risk of this
    /// score: the level names the kinds whose heads may, or none for any head.
    pub fn may_accept(&self, score: i64, kind: OrgKind) -> bool {
        self.level(score).is_some_and(|l| l.accept_by.is_empty() || l.accept_by.contains(&kind))
    }
}

/// One entry of a catalogue (a threat or a vulnerability).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CatalogueEntry {
    /// Stable code (`natfiske`).
    pub code: String,
    /// Its name.
    pub name: Text,
}

/// The catalogues of threats (hot) and vulnerabilities (sårbarheter).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Catalogue {
    /// Threats.
    pub threats: Vec<CatalogueEntry>,
    /// Vulnerabilities.
    pub vulnerabilities: Vec<CatalogueEntry>,
}

impl Catalogue {
    /// Checks that both lists have entries and that no code is empty or used twice in a list.
    pub fn check(&self) -> Result<(), MatrixError> {
        for list in [&self.threats, &self.vulnerabilities] {
            if list.is_empty() {
                return Err(MatrixError::Code(String::new()));
            }
            let mut seen = BTreeSet::new();
            for e in list {
                if e.code.trim().is_empty() || !seen.insert(e.code.as_str()) {
                    return Err(MatrixError::Code(e.code.clone()));
                }
            }
        }
        Ok(())
    }

    /// A threat by code.
    pub fn threat(&self, code: &str) -> Option<&CatalogueEntry> {
        self.threats.iter().find(|t| t.code == code)
    }

    /// A vulnerability by code.
    pub fn vulnerability(&self, code: &str) -> Option<&CatalogueEntry> {
        self.vulnerabilities.iter().find(|t| t.code == code)
    }
}
