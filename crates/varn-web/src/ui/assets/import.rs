//! Import of information assets from a CSV file: upload, a preview with every problem per
//! line and field, then the import of all rows at once (nothing is written while any row
//! is wrong). The file's text travels with the confirmation, so nothing is kept between.

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
    Router::new().route("/assets/import", get(page).post(upload)).route("/assets/import/mall.csv", get(template))
}

#[derive(Template)]
#[template(path = "assets/import.html")]
struct ImportPage {
    shell: Shell,
    form: FormState,
    preview: Option<ImportPreview>,
    problems: Vec<(usize, String, String)>,
    text: String,
}

async fn page(ctx: Ctx) -> PageResult {
    let actor = ctx.actor()?;
    if !ctx.state.app.assets().can_create(actor) {
        return Err(AppError::Forbidden.into());
    }
    Ok(render(
        &ImportPage {
            shell: ctx.shell("asset.import_heading"),
            form: FormState::new(),
            preview: None,
            problems: vec![],
            text: String::new(),
        },
        StatusCode::OK,
    ))
}

/// The columns of the template, in the interface's language.
async fn template(ctx: Ctx) -> PageResult {
    ctx.actor()?;
    let cols = [
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
    ];
    let head = cols.iter().map(|k| ctx.tr.t(k)).collect::<Vec<_>>().join(";");
    let body = format!("\u{feff}{head}\r\n");
    Ok(axum::response::IntoResponse::into_response((
        [
            (axum::http::header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (axum::http::header::CONTENT_DISPOSITION, "attachment; filename=\"informationstillgangar-mall.csv\""),
        ],
        body,
    )))
}

async fn upload(ctx: Ctx, mut mp: Multipart) -> PageResult {
    let actor = ctx.actor()?;
    if !ctx.state.app.assets().can_create(actor) {
        return Err(AppError::Forbidden.into());
    }
    let mut text = String::new();
    let mut commit = false;
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
    let assets = ctx.state.app.assets();
    let shell = ctx.shell("asset.import_heading");
    let r = if text.trim().is_empty() {
        Err(AppError::field("file", "err.import.empty"))
    } else {
        assets.import_csv(actor, &text, commit).await
    };
    match r {
        Ok(p) if commit && p.problems.is_empty() => Ok(see_other("/assets?sort=name", "imported")),
        Ok(p) => {
            let problems = p
                .problems
                .iter()
                .map(|x| (x.line, ctx.tr.t(&format!("asset.import.col.{}", x.field)).to_owned(), ctx.tr.t(&x.code).to_owned()))
                .collect();
            let status = if p.problems.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
            Ok(render(&ImportPage { shell, form: FormState::new(), preview: Some(p), problems, text }, status))
        }
        Err(AppError::Invalid(e)) => Ok(render(
            &ImportPage { shell, form: FormState::new().errors(ctx.tr, &e), preview: None, problems: vec![], text: String::new() },
            StatusCode::UNPROCESSABLE_ENTITY,
        )),
        Err(e) => Err(e.into()),
    }
}
