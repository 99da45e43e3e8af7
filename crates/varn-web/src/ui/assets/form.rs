//! An asset's forms: its facts (new or edit), and its classification through the model's
//! questions, with a preview of what the levels add to and drop from the handlingsplan.

use crate::ctx::{see_other, Ctx, PageResult};
use crate::shell::{render, FormState, Shell};
use crate::AppState;
use askama::Template;
use axum::extract::{Form, Path};
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use std::collections::BTreeMap;
use varn_app::assets::{AssetCommand, AssetForm, ClassifyForm, Preview};
use varn_app::AppError;
use varn_domain::FieldErrors;
use varn_store::entity::org_unit::Model as Unit;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/assets/new", get(new_form))
        .route("/assets/{id}/edit", get(edit_form).post(update))
        .route("/assets/{id}/classify", get(classify_form).post(classify))
}

#[derive(Template)]
#[template(path = "assets/form.html")]
struct FormPage {
    shell: Shell,
    form: FormState,
    id: Option<i64>,
    units: Vec<Unit>,
    bodies: Vec<Unit>,
}

fn form_of(i: &AssetForm) -> FormState {
    FormState::with(&[
        ("name", &i.name),
        ("description", &i.description),
        ("unit_id", &i.unit_id),
        ("owner_username", &i.owner_username),
        ("pua_unit_id", &i.pua_unit_id),
        ("form_text", &i.form_text),
        ("form_ljud", &i.form_ljud),
        ("form_bild", &i.form_bild),
        ("form_film", &i.form_film),
        ("processes", &i.processes),
        ("osl", &i.osl),
        ("personal_data", &i.personal_data),
        ("special_categories", &i.special_categories),
    ])
}

async fn form_page(ctx: &Ctx, id: Option<i64>, form: FormState, status: StatusCode) -> PageResult {
    let actor = ctx.actor()?;
    let app = &ctx.state.app;
    if !app.assets().can_create(actor) {
        return Err(AppError::Forbidden.into());
    }
    let units = app.assets().writable_units(actor).await?;
    let bodies = app.assets().pua_bodies().await?;
    let title = if id.is_some() { "asset.edit_heading" } else { "asset.new_heading" };
    Ok(render(&FormPage { shell: ctx.shell(title), form, id, units, bodies }, status))
}

async fn new_form(ctx: Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let i = AssetForm { owner_username: actor.username.clone(), form_text: "on".into(), ..Default::default() };
    form_page(&ctx, None, form_of(&i), StatusCode::OK).await
}

async fn save(ctx: &Ctx, id: Option<i64>, f: AssetForm) -> PageResult {
    let actor = ctx.actor()?;
    let assets = ctx.state.app.assets();
    let cmd = AssetCommand::try_from(&f);
    let done = match id {
        None => assets.create(actor, cmd).await.map(|new| see_other(&format!("/assets/{new}"), "asset_created")),
        Some(id) => assets.update(actor, id, cmd).await.map(|()| see_other(&format!("/assets/{id}"), "asset_saved")),
    };
    match done {
        Ok(r) => Ok(r),
        Err(AppError::Invalid(errs)) => form_page(ctx, id, form_of(&f).errors(ctx.tr, &errs), StatusCode::UNPROCESSABLE_ENTITY).await,
        Err(e) => Err(e.into()),
    }
}

pub(super) async fn create(ctx: Ctx, Form(f): Form<AssetForm>) -> PageResult {
    save(&ctx, None, f).await
}

async fn edit_form(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    let actor = ctx.actor()?;
    let v = ctx.state.app.assets().view(actor, id).await?;
    if !v.can_edit {
        return Err(AppError::Forbidden.into());
    }
    let i = AssetForm::of(&v.asset.model, v.asset.owner_username.clone());
    form_page(&ctx, Some(id), form_of(&i), StatusCode::OK).await
}

async fn update(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<AssetForm>) -> PageResult {
    save(&ctx, Some(id), f).await
}

/// A question with its choices, as the form shows it.
pub struct QuestionView {
    id: String,
    text: String,
    help: String,
    choices: Vec<(u8, String, String)>,
}

/// An aspect's questions.
pub struct AspectView {
    code: String,
    name: String,
    help: String,
    personal_data_only: bool,
    questions: Vec<QuestionView>,
}

#[derive(Template)]
#[template(path = "assets/classify.html")]
struct ClassifyPage {
    shell: Shell,
    id: i64,
    name: String,
    aspects: Vec<AspectView>,
    form: FormState,
    preview: Option<Vec<(String, String, String)>>,
    /// The model's levels with what each means.
    levels: Vec<(String, String)>,
    added: Vec<String>,
    dropped: Vec<String>,
    separate: bool,
}

async fn classify_page(
    ctx: &Ctx,
    id: i64,
    input: &ClassifyForm,
    form: FormState,
    preview: Option<Preview>,
    status: StatusCode,
) -> PageResult {
    let actor = ctx.actor()?;
    let assets = ctx.state.app.assets();
    let v = assets.view(actor, id).await?;
    if !v.can_edit {
        return Err(AppError::Forbidden.into());
    }
    let lang = ctx.lang.code();
    let c = assets.classification();
    let aspects = c
        .model
        .aspects
        .iter()
        .map(|a| AspectView {
            code: a.code.clone(),
            name: a.name.get(lang).to_owned(),
            help: a.help.get(lang).to_owned(),
            personal_data_only: a.personal_data_only,
            questions: a
                .questions
                .iter()
                .map(|q| QuestionView {
                    id: q.id.clone(),
                    text: q.text.get(lang).to_owned(),
                    help: q.help.as_ref().map(|h| h.get(lang).to_owned()).unwrap_or_default(),
                    choices: q
                        .choices
                        .iter()
                        .map(|ch| {
                            (
                                ch.level,
                                ch.text.get(lang).to_owned(),
                                c.model.level(ch.level).map(|l| l.name.get(lang).to_owned()).unwrap_or_default(),
                            )
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let req = |code: &String| c.catalogue.get(code).map(|r| format!("{} – {}", r.code, r.text.get(lang))).unwrap_or_else(|| code.clone());
    let (rows, added, dropped, separate) = match &preview {
        Some(p) => {
            let name = |l: Option<&u8>| super::level_name(ctx, l.map(|x| i64::from(*x)));
            let rows = c
                .model
                .aspects
                .iter()
                .filter(|a| p.after.contains_key(&a.code) || p.before.contains_key(&a.code))
                .map(|a| (a.name.get(lang).to_owned(), name(p.before.get(&a.code)), name(p.after.get(&a.code))))
                .collect();
            (Some(rows), p.added.iter().map(req).collect(), p.dropped.iter().map(req).collect(), !p.separate_analysis.is_empty())
        }
        None => (None, vec![], vec![], false),
    };
    let _ = input;
    let levels = c.model.levels.iter().map(|l| (format!("{} – {}", l.value, l.name.get(lang)), l.help.get(lang).to_owned())).collect();
    let page = ClassifyPage {
        shell: ctx.shell("asset.classify_heading"),
        id,
        name: v.asset.name,
        aspects,
        form,
        preview: rows,
        levels,
        added,
        dropped,
        separate,
    };
    Ok(render(&page, status))
}

/// The form's state from what was sent (answers as `q_<id>`).
fn classify_state(f: &ClassifyForm) -> FormState {
    let answers: BTreeMap<String, String> = f.answers().into_iter().map(|(k, v)| (format!("q_{k}"), v)).collect();
    let mut pairs: Vec<(&str, &str)> = vec![
        ("personal_data", &f.personal_data),
        ("special_categories", &f.special_categories),
        ("with_username", &f.with_username),
        ("next_review", &f.next_review),
        ("note", &f.note),
    ];
    pairs.extend(answers.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    FormState::with(&pairs)
}

async fn classify_form(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    let actor = ctx.actor()?;
    let assets = ctx.state.app.assets();
    let v = assets.view(actor, id).await?;
    // Start from the answers in force, so a review changes only what changed.
    let last = assets.history(actor, id).await?.into_iter().next();
    let mut f = ClassifyForm { personal_data: if v.asset.personal_data { "on".into() } else { String::new() }, ..Default::default() };
    f.special_categories = if v.asset.special_categories { "on".into() } else { String::new() };
    if let Some(l) = last {
        let answers: BTreeMap<String, u8> = serde_json::from_str(&l.answers).unwrap_or_default();
        f.rest = answers.into_iter().map(|(q, a)| (format!("q_{q}"), a.to_string())).collect();
    }
    classify_page(&ctx, id, &f, classify_state(&f), None, StatusCode::OK).await
}

async fn classify(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<ClassifyForm>) -> PageResult {
    let actor = ctx.actor()?;
    let assets = ctx.state.app.assets();
    let previewing = f.rest.contains_key("preview");
    let r =
        if previewing { assets.preview(actor, id, &f).await.map(Some) } else { assets.classify_form(actor, id, &f).await.map(|()| None) };
    match r {
        Ok(Some(p)) => classify_page(&ctx, id, &f, classify_state(&f), Some(p), StatusCode::OK).await,
        Ok(None) => Ok(see_other(&format!("/assets/{id}#plan"), "classified")),
        Err(AppError::Invalid(errs)) => invalid(&ctx, id, &f, &errs).await,
        Err(e) => Err(e.into()),
    }
}

/// The form again with its messages; an unanswered question is named in the summary, so
/// that seven of them are not seven identical lines.
async fn invalid(ctx: &Ctx, id: i64, f: &ClassifyForm, errs: &FieldErrors) -> PageResult {
    let model = &ctx.state.app.assets().classification().model;
    let mut state = classify_state(f);
    for e in &errs.0 {
        let question = e.field.strip_prefix("q_").and_then(|q| model.aspects.iter().flat_map(|a| &a.questions).find(|x| x.id == q));
        state = match question {
            Some(q) => state.error(&e.field, ctx.tr.tf("asset.unanswered_named", &[("question", q.text.get(ctx.lang.code()))])),
            None => state.error(&e.field, ctx.tr.t(&e.code).to_owned()),
        };
    }
    classify_page(ctx, id, f, state, None, StatusCode::UNPROCESSABLE_ENTITY).await
}
