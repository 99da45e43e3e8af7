//! Import of information assets and of carriers from CSV or XLSX: upload, a preview with
//! every problem per line and field, then the import of all rows at once (nothing is
//! written while any row is wrong). The sheet travels with the confirmation as CSV text,
//! so nothing is kept between the two requests.

use crate::ctx::{see_other, Ctx, PageResult};
use crate::shell::{render, FormState, Shell};
use crate::AppState;
use askama::Template;
use axum::extract::Multipart;
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use varn_app::assets::ImportPreview;
use varn_app::AppError;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/assets/import", get(|c: Ctx| page(c, ASSETS)).post(|c: Ctx, m: Multipart| upload(c, m, ASSETS)))
        .route("/assets/import/mall.csv", get(|c: Ctx| template(c, ASSETS)))
        .route("/carriers/import", get(|c: Ctx| page(c, CARRIERS)).post(|c: Ctx, m: Multipart| upload(c, m, CARRIERS)))
        .route("/carriers/import/mall.csv", get(|c: Ctx| template(c, CARRIERS)))
}

/// What an import page imports.
#[derive(Clone, Copy)]
pub struct Kind {
    /// Catalogue prefix (`asset` or `carrier`).
    key: &'static str,
    /// The register's address.
    base: &'static str,
    /// The template's columns (catalogue keys).
    columns: &'static [&'static str],
}

const ASSETS: Kind = Kind {
    key: "asset",
    base: "/assets",
    columns: &[
        "asset.field.name",
        "asset.field.unit",
        "asset.import.owner_col",
        "asset.field.description",
        "asset.field.forms",
        "asset.field.processes",
        "asset.field.osl",
        "asset.field.personal_data",
        "asset.field.special_categories",
        "asset.field.pua",
    ],
};

const CARRIERS: Kind = Kind {
    key: "carrier",
    base: "/carriers",
    columns: &[
        "carrier.field.name",
        "carrier.field.kind",
        "carrier.field.unit",
        "carrier.import.owner_col",
        "carrier.import.admin_col",
        "carrier.field.supplier",
        "carrier.field.hosting",
        "carrier.field.country",
        "carrier.field.third_country",
        "carrier.field.transfer_basis",
        "asset.field.description",
    ],
};

#[derive(Template)]
#[template(path = "assets/import.html")]
struct ImportPage {
    shell: Shell,
    kind: Kind,
    form: FormState,
    preview: Option<ImportPreview>,
    problems: Vec<(usize, String, String)>,
    text: String,
}

impl ImportPage {
    fn key(&self, rest: &str) -> String {
        format!("{}.{rest}", self.kind.key)
    }
}

fn heading(kind: Kind) -> String {
    format!("{}.import_heading", kind.key)
}

async fn page(ctx: Ctx, kind: Kind) -> PageResult {
    let actor = ctx.actor()?;
    if !ctx.state.app.assets().can_create(actor) {
        return Err(AppError::Forbidden.into());
    }
    let p =
        ImportPage { shell: ctx.shell(&heading(kind)), kind, form: FormState::new(), preview: None, problems: vec![], text: String::new() };
    Ok(render(&p, StatusCode::OK))
}

/// The columns of the template, in the interface's language.
async fn template(ctx: Ctx, kind: Kind) -> PageResult {
    ctx.actor()?;
    let head = kind.columns.iter().map(|k| ctx.tr.t(k)).collect::<Vec<_>>().join(";");
    let name = format!("attachment; filename=\"{}-mall.csv\"", kind.base.trim_start_matches('/'));
    let headers =
        [(axum::http::header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()), (axum::http::header::CONTENT_DISPOSITION, name)];
    Ok(axum::response::IntoResponse::into_response((headers, format!("\u{feff}{head}\r\n"))))
}

/// The file (CSV, or XLSX turned into CSV) or the text sent back with the confirmation.
async fn read_upload(mp: &mut Multipart) -> Result<(String, bool), AppError> {
    let (mut text, mut commit) = (String::new(), false);
    while let Ok(Some(field)) = mp.next_field().await {
        match field.name() {
            Some("file") | Some("text") => {
                let bytes = field.bytes().await.map_err(|_| AppError::field("file", "err.file.too_large"))?;
                if varn_app::assets::is_xlsx(&bytes) {
                    text = varn_app::assets::xlsx_to_csv(&bytes)?;
                } else if !bytes.is_empty() {
                    text = String::from_utf8(bytes.to_vec()).map_err(|_| AppError::field("file", "err.import.not_utf8"))?;
                }
            }
            Some("commit") => commit = true,
            _ => {}
        }
    }
    if text.trim().is_empty() {
        return Err(AppError::field("file", "err.import.empty"));
    }
    Ok((text, commit))
}

async fn upload(ctx: Ctx, mut mp: Multipart, kind: Kind) -> PageResult {
    let actor = ctx.actor()?;
    let assets = ctx.state.app.assets();
    if !assets.can_create(actor) {
        return Err(AppError::Forbidden.into());
    }
    let shell = ctx.shell(&heading(kind));
    let r = match read_upload(&mut mp).await {
        Ok((text, commit)) => {
            let r = if kind.key == "carrier" {
                assets.import_carriers_csv(actor, &text, commit).await
            } else {
                assets.import_csv(actor, &text, commit).await
            };
            r.map(|p| (p, text, commit))
        }
        Err(e) => Err(e),
    };
    match r {
        Ok((p, _, commit)) if commit && p.problems.is_empty() => {
            Ok(see_other(&format!("{}?sort=name", kind.base), if kind.key == "carrier" { "carriers_imported" } else { "imported" }))
        }
        Ok((mut p, text, _)) => {
            if kind.key == "carrier" {
                for row in &mut p.sample {
                    row.2 = ctx.tr.t(&format!("asset.kind.{}", row.2)).to_owned();
                }
            }
            let problems = p
                .problems
                .iter()
                .map(|x| (x.line, ctx.tr.t(&format!("asset.import.col.{}", x.field)).to_owned(), ctx.tr.t(&x.code).to_owned()))
                .collect();
            let status = if p.problems.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
            Ok(render(&ImportPage { shell, kind, form: FormState::new(), preview: Some(p), problems, text }, status))
        }
        Err(AppError::Invalid(e)) => {
            let p =
                ImportPage { shell, kind, form: FormState::new().errors(ctx.tr, &e), preview: None, problems: vec![], text: String::new() };
            Ok(render(&p, StatusCode::UNPROCESSABLE_ENTITY))
        }
        Err(e) => Err(e.into()),
    }
}
