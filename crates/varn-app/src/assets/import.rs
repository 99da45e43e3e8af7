//! Import of information assets from a CSV file (as Excel saves it, `;` or `,`): every row
//! checked as the form checks it (format, unit within the importer's scope, owner,
//! personuppgiftsansvarig), the problems reported per row and field, and nothing written
//! unless every row is right; then all rows in one transaction, each with its audit row.

use super::commands::{AssetCommand, AssetJson};
use super::Assets;
use crate::{Actor, AppError};
use sea_orm::{ActiveModelTrait, Set};
use serde::Serialize;
use std::collections::HashMap;
use varn_domain::asset::InfoForm;
use varn_domain::{Code, Permission, Scope};
use varn_store::entity::asset;
use varn_store::repo::{now, org};

/// The most rows one import takes.
pub const MAX_ROWS: usize = 10_000;

/// One problem: the row (1 is the header), the field, the catalogue key.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RowProblem {
    /// Line in the file (the header is line 1).
    pub line: usize,
    /// The field (the column's name in the API's terms).
    pub field: String,
    /// Catalogue key of the message.
    pub code: String,
}

/// What a file would import.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ImportPreview {
    /// Rows read.
    pub rows: usize,
    /// The first rows as they would be registered (name, unit, owner), for the preview.
    pub sample: Vec<(String, String, String)>,
    /// Every problem found (nothing is written while there is one).
    pub problems: Vec<RowProblem>,
    /// Ids of the assets registered (empty for a preview or when there were problems).
    pub created: Vec<i64>,
}

/// An XLSX workbook's first sheet as the CSV text the import reads (`;`, quoted as
/// needed), so that both kinds of file go through one check.
pub fn xlsx_to_csv(bytes: &[u8]) -> Result<String, AppError> {
    use calamine::{Data, Reader};
    let bad = || AppError::field("file", "err.import.unreadable");
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).map_err(|_| bad())?;
    let range = wb.worksheet_range_at(0).ok_or_else(bad)?.map_err(|_| bad())?;
    let mut out = csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    for row in range.rows() {
        let cells = row.iter().map(|c| match c {
            Data::Empty => String::new(),
            Data::String(s) => s.clone(),
            // Whole numbers (an id typed into a cell) without the ".0".
            Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
            other => other.to_string(),
        });
        out.write_record(cells).map_err(|_| bad())?;
    }
    String::from_utf8(out.into_inner().map_err(|_| bad())?).map_err(|_| bad())
}

/// Whether uploaded bytes are an XLSX workbook (a ZIP archive) rather than text.
pub fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// A header as the import compares it: lower-case, without a byte-order mark, and without a
/// closing remark in brackets ("Informationsägare (användarnamn)" is "informationsägare"),
/// so that the template's headers and shorter ones both match.
pub(super) fn header_key(header: &str) -> String {
    let h = header.trim().trim_start_matches('\u{feff}').trim().to_lowercase();
    match h.rfind(" (") {
        Some(i) if h.ends_with(')') => h[..i].trim().to_owned(),
        _ => h,
    }
}

/// The columns the import knows, by the headers it accepts (Swedish and English).
fn column(header: &str) -> Option<&'static str> {
    let h = header_key(header);
    Some(match h.as_str() {
        "namn" | "name" => "name",
        "ansvarig enhet" | "enhet" | "responsible unit" | "unit" => "unit",
        "informationsägare" | "information owner" | "owner" => "owner",
        "beskrivning" | "description" => "description",
        "form" | "former" | "forms" => "forms",
        "process eller tjänst" | "process or service" | "processes" => "processes",
        "sekretess" | "secrecy" | "osl" => "osl",
        "innehåller personuppgifter" | "personuppgifter" | "holds personal data" | "personal data" => "personal_data",
        "känsliga personuppgifter" | "special categories" | "sensitive personal data" => "special_categories",
        "personuppgiftsansvarig" | "data controller" => "pua",
        _ => return None,
    })
}

pub(super) fn yes(v: &str) -> Option<bool> {
    match v.trim().to_lowercase().as_str() {
        "" | "nej" | "no" | "0" | "false" => Some(false),
        "ja" | "yes" | "x" | "1" | "true" => Some(true),
        _ => None,
    }
}

/// A form by its code or its Swedish or English label.
fn form_of(v: &str) -> Option<InfoForm> {
    let v = v.trim().to_lowercase();
    InfoForm::ALL.iter().copied().find(|f| {
        f.as_str() == v || matches!((f, v.as_str()), (InfoForm::Ljud, "sound") | (InfoForm::Bild, "image") | (InfoForm::Film, "video"))
    })
}

/// A row of the file: column → value.
pub(super) type Row = HashMap<&'static str, String>;

/// A row with its line in the file.
pub(super) type Line = (usize, Row);

/// The file's rows as (line, column → value), after the header; `column` names the
/// headers it knows, `required` the columns that must be there (with the error if not). A
/// column it does not know is a problem on line 1 (`column:<header>`), not data dropped
/// without a word.
pub(super) fn read_rows(
    text: &str,
    column: fn(&str) -> Option<&'static str>,
    required: &[(&str, &str)],
) -> Result<(Vec<Line>, Vec<RowProblem>), AppError> {
    let first = text.lines().next().unwrap_or("");
    let delim = if first.matches(';').count() >= first.matches(',').count() { b';' } else { b',' };
    let mut rdr = csv::ReaderBuilder::new().delimiter(delim).flexible(true).from_reader(text.as_bytes());
    let names = rdr.headers().map_err(|_| AppError::field("file", "err.import.unreadable"))?.clone();
    let headers: Vec<Option<&'static str>> = names.iter().map(column).collect();
    let unknown = names
        .iter()
        .zip(&headers)
        .filter(|(n, h)| h.is_none() && !n.trim().trim_start_matches('\u{feff}').is_empty())
        .map(|(n, _)| RowProblem {
            line: 1,
            field: format!("column:{}", n.trim().trim_start_matches('\u{feff}')),
            code: "err.import.unknown_column".into(),
        })
        .collect();
    for (need, code) in required {
        if !headers.contains(&Some(*need)) {
            return Err(AppError::field("file", code));
        }
    }
    let mut out = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|_| AppError::field("file", "err.import.unreadable"))?;
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if out.len() == MAX_ROWS {
            return Err(AppError::field("file", "err.import.too_many"));
        }
        let row = headers.iter().zip(rec.iter()).filter_map(|(h, v)| h.map(|h| (h, v.trim().to_owned()))).collect();
        out.push((i + 2, row));
    }
    if out.is_empty() {
        return Err(AppError::field("file", "err.import.empty"));
    }
    Ok((out, unknown))
}

/// Units by name (lower-case) and by id; a name two units share is ambiguous.
pub(super) struct Units {
    by_name: HashMap<String, Option<i64>>,
    names: HashMap<i64, String>,
}

impl Units {
    /// Every unit of the city (whether the importer may write there is checked per row).
    pub(super) async fn load<C: sea_orm::ConnectionTrait>(db: &C) -> Result<Units, AppError> {
        let all = org::all_in_scope(db, &Scope::All).await?;
        let mut by_name: HashMap<String, Option<i64>> = HashMap::new();
        for u in &all {
            by_name.entry(u.name.to_lowercase()).and_modify(|e| *e = None).or_insert(Some(u.id));
        }
        Ok(Units { by_name, names: all.into_iter().map(|u| (u.id, u.name)).collect() })
    }

    /// A unit's name.
    pub(super) fn name(&self, id: i64) -> String {
        self.names.get(&id).cloned().unwrap_or_default()
    }

    /// A unit by its name or id.
    pub(super) fn find(&self, v: &str) -> Result<i64, &'static str> {
        if let Ok(id) = v.trim().parse::<i64>() {
            return self.names.contains_key(&id).then_some(id).ok_or("err.import.unit_unknown");
        }
        match self.by_name.get(&v.trim().to_lowercase()) {
            Some(Some(id)) => Ok(*id),
            Some(None) => Err("err.import.unit_ambiguous"),
            None => Err("err.import.unit_unknown"),
        }
    }
}

impl Assets<'_> {
    /// Checks a file and, when `commit` and every row is right, registers every row in one
    /// transaction. Problems come back per line and field; nothing is written with one.
    pub async fn import_csv(&self, actor: &Actor, text: &str, commit: bool) -> Result<ImportPreview, AppError> {
        if !self.can_create(actor) {
            return Err(AppError::Forbidden);
        }
        let (rows, mut problems) =
            read_rows(text, column, &[("name", "err.import.no_name_column"), ("unit", "err.import.no_unit_column")])?;
        let units = Units::load(self.db()).await?;
        let mut cmds = Vec::with_capacity(rows.len());
        for (line, r) in &rows {
            let mut bad = |field: &str, code: &str| problems.push(RowProblem { line: *line, field: field.into(), code: code.into() });
            let get = |k: &str| r.get(k).cloned().unwrap_or_default();
            let unit_id = units.find(&get("unit")).map_err(|c| bad("unit_id", c)).unwrap_or(0);
            let pua_unit_id = match get("pua").as_str() {
                "" => None,
                p => units.find(p).map_err(|c| bad("pua_unit_id", c)).ok(),
            };
            let mut forms = Vec::new();
            for f in get("forms").split([',', '/', '|']).filter(|s| !s.trim().is_empty()) {
                match form_of(f) {
                    Some(x) => forms.push(x.as_str().to_owned()),
                    None => bad("forms", "err.asset.form_invalid"),
                }
            }
            let personal_data = yes(&get("personal_data")).unwrap_or_else(|| {
                bad("personal_data", "err.import.yes_no");
                false
            });
            let special_categories = yes(&get("special_categories")).unwrap_or_else(|| {
                bad("special_categories", "err.import.yes_no");
                false
            });
            let owner = Some(get("owner")).filter(|o| !o.is_empty());
            let json = AssetJson {
                name: get("name"),
                description: Some(get("description")),
                unit_id,
                owner_username: owner,
                pua_unit_id,
                forms,
                processes: Some(get("processes")),
                osl: Some(get("osl")),
                personal_data,
                special_categories,
            };
            match AssetCommand::try_from(&json) {
                Ok(c) if unit_id > 0 => cmds.push((*line, c)),
                Ok(_) => {}
                Err(e) => problems.extend(e.0.into_iter().filter(|f| !(f.field == "unit_id" && unit_id == 0)).map(|f| RowProblem {
                    line: *line,
                    field: f.field,
                    code: f.code,
                })),
            }
        }
        let sample = cmds
            .iter()
            .take(20)
            .map(|(_, c)| (c.name.clone(), units.name(c.unit_id), c.owner_username.clone().unwrap_or_default()))
            .collect();
        let cap =
            actor.can(if actor.access.can_somewhere(Permission::AssetWrite) { Permission::AssetWrite } else { Permission::AssetOwn })?;
        let w = self.app.begin(&cap).await?;
        let mut created = Vec::new();
        let t = now();
        for (line, cmd) in &cmds {
            let checked = match self.check_asset(&*w, actor, cmd).await {
                Ok(c) => c,
                Err(AppError::Invalid(e)) => {
                    problems.extend(e.0.into_iter().map(|f| RowProblem { line: *line, field: f.field, code: f.code }));
                    continue;
                }
                Err(e) => return Err(e),
            };
            if !commit || !problems.is_empty() {
                continue;
            }
            let mut m = asset::ActiveModel { created_at: Set(t), ..Default::default() };
            super::edit::fill_asset(&mut m, cmd, checked.owner);
            let a = m.insert(&*w).await?;
            cap.audit("asset.import", "asset").entity(a.id).at(checked.path).after(super::edit::asset_json(&a)).append_in(&w).await?;
            created.push(a.id);
        }
        self.settle(w, commit, &mut problems, &mut created).await?;
        Ok(ImportPreview { rows: rows.len(), sample, problems, created })
    }

    /// Ends an import's transaction: kept when asked to and every row was right, else
    /// nothing of it (a preview, or a file with problems).
    pub(super) async fn settle(
        &self,
        w: crate::Write,
        commit: bool,
        problems: &mut [RowProblem],
        created: &mut Vec<i64>,
    ) -> Result<(), AppError> {
        problems.sort_by_key(|p| p.line);
        if commit && problems.is_empty() {
            w.commit_appended().await?;
            self.app.asset_overviews.invalidate_all();
        } else {
            created.clear();
            drop(w);
        }
        Ok(())
    }
}
