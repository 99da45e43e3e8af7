//! What a user asks of the module, typed: a draft ([`DraftCommand`]), a strategy action
//! ([`ActionCommand`]) and a decision ([`Decision`]). The page's form ([`DocForm`], text
//! fields that come back intact on a mistake) and the API's JSON body ([`DocJson`]) each
//! convert into the command with `TryFrom`, which checks every format and the seed's
//! rules at once; the use case then checks what needs the database.

mod action;
#[cfg(test)]
mod tests;

pub use action::{ActionCommand, ActionForm, ActionJson, Decision};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use varn_domain::document::{check_adoption, DecidingBody, DocType, DocumentRules, Validity};
use varn_domain::validation::bounded_text;
use varn_domain::{Code, DocumentId, FieldErrors, OrgUnitId};

/// A draft, checked for format and the seed's rules.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftCommand {
    /// Type.
    pub doc_type: DocType,
    /// Title.
    pub title: String,
    /// Owning unit (dokumentansvarig enhet).
    pub unit_id: OrgUnitId,
    /// The unit it applies to, with its subtree.
    pub applies_to_unit_id: OrgUnitId,
    /// Dokumentansvarig person's sign-in name.
    pub owner_username: Option<String>,
    /// The document it implements.
    pub parent_id: Option<DocumentId>,
    /// Beslutande organ.
    pub deciding_body: DecidingBody,
    /// Which nämnd or bolag decides (KF and KS are found by kind; a chef needs none).
    pub deciding_unit_id: Option<OrgUnitId>,
    /// Giltighetstid.
    pub validity: Validity,
    /// Beslutsdatum.
    pub decision_date: Option<NaiveDate>,
    /// The law it was adopted under (antagen till följd av lag), if any.
    pub law: Option<String>,
    /// Nästa översyn (empty: the city's interval from the decision).
    pub revision_date: Option<NaiveDate>,
    /// Uppföljning.
    pub follow_up: Option<String>,
    /// Diarienummer.
    pub diarienummer: Option<String>,
    /// Paragraph (§).
    pub paragraph: Option<String>,
    /// The text in Markdown.
    pub body_md: String,
}

impl DraftCommand {
    /// The end of validity (none: tills vidare).
    pub fn valid_until(&self) -> Option<NaiveDate> {
        match self.validity {
            Validity::Until(d) => Some(d),
            Validity::TillsVidare => None,
        }
    }
}

/// A document as the page's form sends it: every field as typed, so that it comes back intact.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct DocForm {
    /// Type code.
    pub doc_type: String,
    /// Title.
    pub title: String,
    /// Owning unit.
    pub unit_id: String,
    /// Unit it applies to.
    pub applies_to_unit_id: String,
    /// Dokumentansvarig (sign-in name).
    pub owner_username: String,
    /// Parent document.
    pub parent_id: String,
    /// Deciding body code.
    pub deciding_body: String,
    /// The nämnd or bolag that decides.
    pub deciding_unit_id: String,
    /// `tills_vidare` or `until` (the radio buttons).
    pub validity: String,
    /// Last day of validity.
    pub valid_until: String,
    /// Beslutsdatum.
    pub decision_date: String,
    /// The checkbox "antagen till följd av lag".
    pub by_law: String,
    /// Which law.
    pub law: String,
    /// Nästa översyn.
    pub revision_date: String,
    /// Uppföljning.
    pub follow_up: String,
    /// Diarienummer.
    pub diarienummer: String,
    /// Paragraph.
    pub paragraph: String,
    /// Text.
    pub body_md: String,
}

/// The form's choice of validity.
pub const VALIDITY_UNTIL: &str = "until";
/// The form's choice of validity.
pub const VALIDITY_TILLS_VIDARE: &str = "tills_vidare";

impl DocForm {
    /// The form showing a stored draft.
    pub fn of(c: &DraftCommand, owner: String) -> Self {
        let d = |x: Option<NaiveDate>| x.map(|d| d.to_string()).unwrap_or_default();
        let s = |x: &Option<String>| x.clone().unwrap_or_default();
        DocForm {
            doc_type: c.doc_type.as_str().into(),
            title: c.title.clone(),
            unit_id: c.unit_id.to_string(),
            applies_to_unit_id: c.applies_to_unit_id.to_string(),
            owner_username: owner,
            parent_id: c.parent_id.map(|p| p.to_string()).unwrap_or_default(),
            deciding_body: c.deciding_body.as_str().into(),
            deciding_unit_id: c.deciding_unit_id.map(|u| u.to_string()).unwrap_or_default(),
            validity: if c.valid_until().is_some() { VALIDITY_UNTIL } else { VALIDITY_TILLS_VIDARE }.into(),
            valid_until: d(c.valid_until()),
            decision_date: d(c.decision_date),
            by_law: if c.law.is_some() { "yes".into() } else { String::new() },
            law: s(&c.law),
            revision_date: d(c.revision_date),
            follow_up: s(&c.follow_up),
            diarienummer: s(&c.diarienummer),
            paragraph: s(&c.paragraph),
            body_md: c.body_md.clone(),
        }
    }
}

/// A document as the API takes it (to create, or the draft to save).
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct DocJson {
    /// policy / strategi / riktlinje / anvisning.
    pub doc_type: String,
    /// Title.
    pub title: String,
    /// Owning unit.
    pub unit_id: Option<i64>,
    /// Unit it applies to; the root for the whole city.
    pub applies_to_unit_id: Option<i64>,
    /// Dokumentansvarig (sign-in name).
    pub owner_username: Option<String>,
    /// The document it implements.
    pub parent_id: Option<i64>,
    /// kommunfullmaktige / kommunstyrelse / namnd / styrelse / chef.
    pub deciding_body: String,
    /// The nämnd (for `namnd`) or bolag (for `styrelse`) that decides.
    pub deciding_unit_id: Option<i64>,
    /// Last day of validity (YYYY-MM-DD); absent for tills vidare.
    pub valid_until: Option<String>,
    /// Beslutsdatum (YYYY-MM-DD).
    pub decision_date: Option<String>,
    /// Antagen till följd av lag.
    pub by_law: bool,
    /// Which law.
    pub law: Option<String>,
    /// Nästa översyn (YYYY-MM-DD); absent: the city's interval from the decision.
    pub revision_date: Option<String>,
    /// Uppföljning.
    pub follow_up: Option<String>,
    /// Diarienummer.
    pub diarienummer: Option<String>,
    /// Paragraph.
    pub paragraph: Option<String>,
    /// The text in Markdown.
    pub body_md: String,
}

/// Reads fields into typed values, collecting every mistake.
pub(crate) struct Fields(pub FieldErrors);

impl Fields {
    pub(crate) fn date(&mut self, field: &str, s: &str) -> Option<NaiveDate> {
        let t = s.trim();
        if t.is_empty() {
            return None;
        }
        self.0.check(field, NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| "err.date_invalid"))
    }

    pub(crate) fn text(&mut self, field: &str, s: &str, max: usize) -> Option<String> {
        if s.trim().is_empty() {
            None
        } else {
            self.0.check(field, bounded_text(s, max))
        }
    }

    pub(crate) fn id(&mut self, field: &str, s: &str) -> Option<i64> {
        let t = s.trim();
        if t.is_empty() {
            None
        } else {
            self.0.check(field, t.parse::<i64>().map_err(|_| "err.choose"))
        }
    }

    fn required<T>(&mut self, field: &str, v: Option<T>) -> Option<T> {
        if v.is_none() && self.0.get(field).is_none() {
            self.0.add(field, "err.required");
        }
        v
    }

    pub(crate) fn code<T: Code>(&mut self, field: &str, s: &str) -> Option<T> {
        self.0.check(field, T::parse(s))
    }
}

/// What both the form and the JSON body give, parsed.
struct Parts {
    doc_type: Option<DocType>,
    title: Option<String>,
    unit_id: Option<i64>,
    applies_to_unit_id: Option<i64>,
    owner_username: Option<String>,
    parent_id: Option<i64>,
    deciding_body: Option<DecidingBody>,
    deciding_unit_id: Option<i64>,
    /// `None` when the form's choice itself was wrong.
    until: Result<Option<NaiveDate>, ()>,
    decision_date: Option<NaiveDate>,
    by_law: bool,
    law: Option<String>,
    revision_date: Option<NaiveDate>,
    follow_up: Option<String>,
    diarienummer: Option<String>,
    paragraph: Option<String>,
    body_md: String,
}

fn finish(mut f: Fields, p: Parts) -> Result<DraftCommand, FieldErrors> {
    let unit_id = f.required("unit_id", p.unit_id);
    let applies = f.required("applies_to_unit_id", p.applies_to_unit_id);
    if p.by_law && p.law.is_none() && f.0.get("law").is_none() {
        f.0.add("law", "err.doc.law_required");
    }
    if p.body_md.chars().count() > 200_000 {
        f.0.add("body_md", "err.too_long");
    }
    let validity = match p.until {
        Ok(Some(d)) => Some(Validity::Until(d)),
        Ok(None) => Some(Validity::TillsVidare),
        Err(()) => None,
    };
    if let (Some(t), Some(b)) = (p.doc_type, p.deciding_body) {
        // The seed's rules, checked even when the validity itself has a mistake so that every
        // mistake shows at once. Whether a nämnd may adopt guidelines is a setting: the use
        // case checks that one.
        let on = p.decision_date.unwrap_or_else(varn_domain::task::today);
        let lenient = DocumentRules { namnd_may_adopt_riktlinje: true, ..DocumentRules::default() };
        for (field, code) in check_adoption(t, b, validity.unwrap_or(Validity::TillsVidare), on, lenient) {
            if validity.is_some() || field != "validity" {
                f.0.add(field, code);
            }
        }
        // An instruction is "i regel" the execution of a guideline; it may instead carry out a
        // law directly (antagen till följd av lag, naming it).
        let carries_out_a_law = p.by_law && p.law.is_some();
        if t == DocType::Anvisning && p.parent_id.is_none() && !carries_out_a_law && f.0.get("parent_id").is_none() {
            f.0.add("parent_id", "err.doc.parent_required");
        }
    }
    f.0.clone().into_result()?;
    match (p.doc_type, p.title, unit_id, applies, p.deciding_body, validity) {
        (Some(doc_type), Some(title), Some(u), Some(a), Some(deciding_body), Some(validity)) => Ok(DraftCommand {
            doc_type,
            title,
            unit_id: OrgUnitId(u),
            applies_to_unit_id: OrgUnitId(a),
            owner_username: p.owner_username,
            parent_id: p.parent_id.map(DocumentId),
            deciding_body,
            deciding_unit_id: p.deciding_unit_id.map(OrgUnitId),
            validity,
            decision_date: p.decision_date,
            law: if p.by_law { p.law } else { None },
            revision_date: p.revision_date,
            follow_up: p.follow_up,
            diarienummer: p.diarienummer,
            paragraph: p.paragraph,
            body_md: p.body_md.replace("\r\n", "\n"),
        }),
        _ => Err(f.0),
    }
}

impl TryFrom<&DocForm> for DraftCommand {
    type Error = FieldErrors;
    fn try_from(i: &DocForm) -> Result<Self, FieldErrors> {
        let mut f = Fields(FieldErrors::new());
        let valid_until = f.date("valid_until", &i.valid_until);
        let until = match i.validity.trim() {
            VALIDITY_TILLS_VIDARE | "" => Ok(None),
            VALIDITY_UNTIL if valid_until.is_some() => Ok(valid_until),
            VALIDITY_UNTIL => {
                if f.0.get("valid_until").is_none() {
                    f.0.add("valid_until", "err.doc.valid_until_required");
                }
                Err(())
            }
            _ => {
                f.0.add("validity", "err.choose");
                Err(())
            }
        };
        let parts = Parts {
            doc_type: f.code("doc_type", &i.doc_type),
            title: f.0.check("title", bounded_text(&i.title, 300)),
            unit_id: f.id("unit_id", &i.unit_id),
            applies_to_unit_id: f.id("applies_to_unit_id", &i.applies_to_unit_id),
            owner_username: Some(i.owner_username.trim().to_owned()).filter(|s| !s.is_empty()),
            parent_id: f.id("parent_id", &i.parent_id),
            deciding_body: f.code("deciding_body", &i.deciding_body),
            deciding_unit_id: f.id("deciding_unit_id", &i.deciding_unit_id),
            until,
            decision_date: f.date("decision_date", &i.decision_date),
            by_law: matches!(i.by_law.trim(), "yes" | "true" | "on" | "1"),
            law: f.text("law", &i.law, 300),
            revision_date: f.date("revision_date", &i.revision_date),
            follow_up: f.text("follow_up", &i.follow_up, 1000),
            diarienummer: f.text("diarienummer", &i.diarienummer, 64),
            paragraph: f.text("paragraph", &i.paragraph, 32),
            body_md: i.body_md.clone(),
        };
        finish(f, parts)
    }
}

impl TryFrom<&DocJson> for DraftCommand {
    type Error = FieldErrors;
    fn try_from(i: &DocJson) -> Result<Self, FieldErrors> {
        let mut f = Fields(FieldErrors::new());
        let opt = |s: &Option<String>| s.clone().unwrap_or_default();
        let parts = Parts {
            doc_type: f.code("doc_type", &i.doc_type),
            title: f.0.check("title", bounded_text(&i.title, 300)),
            unit_id: i.unit_id,
            applies_to_unit_id: i.applies_to_unit_id,
            owner_username: i.owner_username.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned),
            parent_id: i.parent_id,
            deciding_body: f.code("deciding_body", &i.deciding_body),
            deciding_unit_id: i.deciding_unit_id,
            until: Ok(f.date("valid_until", &opt(&i.valid_until))),
            decision_date: f.date("decision_date", &opt(&i.decision_date)),
            by_law: i.by_law,
            law: f.text("law", &opt(&i.law), 300),
            revision_date: f.date("revision_date", &opt(&i.revision_date)),
            follow_up: f.text("follow_up", &opt(&i.follow_up), 1000),
            diarienummer: f.text("diarienummer", &opt(&i.diarienummer), 64),
            paragraph: f.text("paragraph", &opt(&i.paragraph), 32),
            body_md: i.body_md.clone(),
        };
        finish(f, parts)
    }
}
