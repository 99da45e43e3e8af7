//! Import of carriers (informationsbärare) from CSV or XLSX, on the same terms as the
//! assets' import: every row checked as the form checks it, problems per line and field,
//! nothing written unless every row is right, then all rows in one transaction.

use super::carrier_commands::{CarrierCommand, CarrierJson};
use super::import::{header_key, read_rows, yes, ImportPreview, RowProblem, Units};
use super::Assets;
use crate::{Actor, AppError};
use sea_orm::{ActiveModelTrait, Set};
use varn_domain::asset::{CarrierKind, Hosting};
use varn_domain::{Code, Permission};
use varn_store::entity::carrier;
use varn_store::repo::now;

/// The columns of a carrier file, by the headers it accepts (lower-case).
fn column(header: &str) -> Option<&'static str> {
    let h = header_key(header);
    Some(match h.as_str() {
        "namn" | "name" => "name",
        "slag" | "kind" => "kind",
        "ansvarig enhet" | "enhet" | "responsible unit" | "unit" => "unit",
        "systemägare" | "system owner" => "owner",
        "systemförvaltare" | "system administrator" => "admin",
        "leverantör" | "supplier" => "supplier",
        "drift" | "hosting" => "hosting",
        "land" | "land där informationen lagras" | "country" | "country where the information is stored" => "country",
        "överföring till tredjeland" | "third country" | "third-country transfer" | "transfer to a third country" => "third_country",
        "rättslig grund" | "rättslig grund för överföringen" | "legal basis" | "legal basis of the transfer" => "basis",
        "beskrivning" | "description" => "description",
        _ => return None,
    })
}

/// A kind by its code or the words people use for it.
fn kind_of(v: &str) -> Option<CarrierKind> {
    let v = v.trim().to_lowercase();
    if let Ok(k) = CarrierKind::parse(&v) {
        return Some(k);
    }
    Some(match v.as_str() {
        "it-system" | "system" | "it system" => CarrierKind::ItSystem,
        "it-tjänst" | "it-tjänst via internet" | "molntjänst" | "it service" | "cloud service" => CarrierKind::ItTjanst,
        "papper" | "pappersdokument" | "pappersdokument och arkiv" | "arkiv" | "paper" => CarrierKind::Papper,
        "flyttbart medium" | "flyttbara medier" | "usb" | "removable media" => CarrierKind::FlyttbartMedium,
        "person" | "roll" | "person (roll eller funktion)" | "role" => CarrierKind::Person,
        _ => return None,
    })
}

/// Hosting by its code or its words.
fn hosting_of(v: &str) -> Option<Hosting> {
    let v = v.trim().to_lowercase();
    if let Ok(h) = Hosting::parse(&v) {
        return Some(h);
    }
    Some(match v.as_str() {
        "egen drift" | "own" | "own operation" | "on premises" => Hosting::EgenDrift,
        "leverantör" | "hos leverantör" | "supplier" | "at the supplier" => Hosting::Leverantor,
        "moln" | "molntjänst" | "cloud" | "cloud service" => Hosting::Moln,
        _ => return None,
    })
}

impl Assets<'_> {
    /// Checks a carrier file and, when `commit` and every row is right, registers every row
    /// in one transaction.
    pub async fn import_carriers_csv(&self, actor: &Actor, text: &str, commit: bool) -> Result<ImportPreview, AppError> {
        if !self.can_create(actor) {
            return Err(AppError::Forbidden);
        }
        let (rows, mut problems) = read_rows(
            text,
            column,
            &[("name", "err.import.no_name_column"), ("unit", "err.import.no_unit_column"), ("kind", "err.import.no_kind_column")],
        )?;
        let units = Units::load(self.db()).await?;
        let mut cmds = Vec::with_capacity(rows.len());
        for (line, r) in &rows {
            let mut bad = |field: &str, code: &str| problems.push(RowProblem { line: *line, field: field.into(), code: code.into() });
            let get = |k: &str| r.get(k).cloned().unwrap_or_default();
            let opt = |k: &str| Some(get(k)).filter(|v| !v.is_empty());
            let unit_id = units.find(&get("unit")).map_err(|c| bad("unit_id", c)).unwrap_or(0);
            let kind = kind_of(&get("kind")).map(|k| k.as_str().to_owned()).unwrap_or_else(|| get("kind"));
            let hosting = match get("hosting").as_str() {
                "" => None,
                h => Some(hosting_of(h).map(|x| x.as_str().to_owned()).unwrap_or_else(|| h.to_owned())),
            };
            let third_country = yes(&get("third_country")).unwrap_or_else(|| {
                bad("third_country", "err.import.yes_no");
                false
            });
            let json = CarrierJson {
                kind,
                name: get("name"),
                description: opt("description"),
                unit_id,
                system_owner_username: opt("owner"),
                system_admin_username: opt("admin"),
                supplier: opt("supplier"),
                hosting,
                country: opt("country"),
                third_country,
                transfer_basis: opt("basis"),
            };
            match CarrierCommand::try_from(&json) {
                Ok(c) if unit_id > 0 => cmds.push((*line, c)),
                Ok(_) => {}
                Err(e) => problems.extend(e.0.into_iter().filter(|f| !(f.field == "unit_id" && unit_id == 0)).map(|f| RowProblem {
                    line: *line,
                    field: f.field,
                    code: f.code,
                })),
            }
        }
        let sample = cmds.iter().take(20).map(|(_, c)| (c.name.clone(), units.name(c.unit_id), c.kind.as_str().to_owned())).collect();
        let cap =
            actor.can(if actor.access.can_somewhere(Permission::AssetWrite) { Permission::AssetWrite } else { Permission::AssetOwn })?;
        let w = self.app.begin(&cap).await?;
        let mut created = Vec::new();
        let t = now();
        for (line, cmd) in &cmds {
            let (owner, admin, path) = match self.check_carrier(&*w, actor, cmd).await {
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
            let mut m = carrier::ActiveModel { created_at: Set(t), ..Default::default() };
            super::edit::fill_carrier(&mut m, cmd, owner, admin);
            let c = m.insert(&*w).await?;
            cap.audit("carrier.import", "carrier").entity(c.id).at(path).after(super::edit::carrier_json(&c)).append_in(&w).await?;
            created.push(c.id);
        }
        self.settle(w, commit, &mut problems, &mut created).await?;
        Ok(ImportPreview { rows: rows.len(), sample, problems, created })
    }
}
