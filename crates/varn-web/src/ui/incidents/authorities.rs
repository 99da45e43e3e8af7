//! The register of authorities and networks (Myndigheter och nätverk): the list with the
//! contacts in the reader's view counted, an authority's page with its contact details and
//! the contacts made (a form to record one), and the form that adds or changes an entry
//! (the samordnare's).

use super::actions::ContactForm;
use crate::ctx::{see_other, Ctx, PageResult};
use crate::present::{label, options};
use crate::shell::{render, FormState, Shell};
use crate::AppState;
use askama::Template;
use axum::extract::{Form, Path, Query};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use varn_app::incidents::{AuthorityJson, ContactCount, ContactRow};
use varn_app::{AppError, Page};
use varn_domain::incident::{AuthorityKind, Channel, Direction};
use varn_store::entity::authority;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/authorities", get(list).post(create))
        .route("/authorities/new", get(new_form))
        .route("/authorities/{id}", get(page).post(update))
        .route("/authorities/{id}/edit", get(edit_form))
        .route("/authorities/{id}/contacts", post(contact))
}

#[derive(Template)]
#[template(path = "incidents/authorities.html")]
struct ListPage {
    shell: Shell,
    /// (authority, kind in words, contacts, latest contact).
    rows: Vec<(authority::Model, String, i64, String)>,
    keeps: bool,
}

async fn list(ctx: Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let inc = ctx.state.app.incidents();
    let tr = ctx.tr;
    let rows = inc
        .authorities(actor)
        .await?
        .into_iter()
        .map(|(a, c): (authority::Model, Option<ContactCount>)| {
            let kind = label(tr, a.kind);
            let latest = c.as_ref().and_then(|c| c.latest).map(|d| tr.datetime(&d)).unwrap_or_default();
            (a, kind, c.map(|c| c.n).unwrap_or(0), latest)
        })
        .collect();
    Ok(render(&ListPage { shell: ctx.shell("authority.heading"), rows, keeps: inc.keeps_register(actor) }, StatusCode::OK))
}

#[derive(Template)]
#[template(path = "incidents/authority.html")]
struct AuthorityPage {
    shell: Shell,
    a: authority::Model,
    kind: String,
    contacts: Page<ContactRow>,
    /// (contact, when, direction and channel in words).
    lines: Vec<(ContactRow, String, std::sync::Arc<str>)>,
    keeps: bool,
    records: bool,
    form: FormState,
    /// The contact form's choices.
    authorities: Vec<(i64, String)>,
    directions: Vec<(&'static str, String)>,
    channels: Vec<(&'static str, String)>,
    units: Vec<(i64, String)>,
    now_parts: (String, String),
}

impl AuthorityPage {
    fn form_for(&self, _name: &str) -> &FormState {
        &self.form
    }
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct PageQuery {
    page: u64,
}

async fn show(ctx: &Ctx, id: i64, page: u64, form: FormState, code: StatusCode) -> PageResult {
    let actor = ctx.actor()?;
    let app = &ctx.state.app;
    let inc = app.incidents();
    let tr = ctx.tr;
    let records = inc.records_contacts(actor);
    let (a, mut contacts, units) = inc.authority_page(actor, id, page, records).await?;
    // The rows move into the lines (the page keeps its count), and each pair of direction and
    // channel is put in words once: a page has fifty contacts and a handful of such pairs.
    let mut said: Vec<((Direction, Channel), std::sync::Arc<str>)> = Vec::new();
    let lines = std::mem::take(&mut contacts.items)
        .into_iter()
        .map(|c| {
            let pair = (c.direction, c.channel);
            let how = match said.iter().find(|(p, _)| *p == pair) {
                Some((_, how)) => how.clone(),
                None => {
                    let how: std::sync::Arc<str> = format!("{}, {}", label(tr, c.direction), label(tr, c.channel).to_lowercase()).into();
                    said.push((pair, how.clone()));
                    how
                }
            };
            let at = tr.datetime(&c.at);
            (c, at, how)
        })
        .collect();
    let records = records && a.active;
    let form = if form.v("unit_id").is_empty() {
        let own = actor.access.grants().iter().max_by_key(|g| g.unit_path.depth()).and_then(|g| g.unit_path.ids().last().copied());
        let mut f = form;
        f.set("unit_id", &own.map(|u| u.0.to_string()).unwrap_or_default());
        f
    } else {
        form
    };
    let page = AuthorityPage {
        shell: ctx.shell_named(a.name.clone()),
        kind: label(tr, a.kind),
        keeps: inc.keeps_register(actor),
        records,
        form,
        authorities: vec![],
        directions: options::<Direction>(tr),
        channels: options::<Channel>(tr),
        units,
        now_parts: varn_domain::incident::local_parts(chrono::Utc::now()),
        lines,
        contacts,
        a,
    };
    Ok(render(&page, code))
}

async fn page(ctx: Ctx, Path(id): Path<i64>, Query(q): Query<PageQuery>) -> PageResult {
    show(&ctx, id, q.page.max(1), FormState::new(), StatusCode::OK).await
}

async fn contact(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<ContactForm>) -> PageResult {
    let actor = ctx.actor()?;
    let (json, e) = f.command(None);
    match ctx.state.app.incidents().add_contact_with(actor, id, &json, e).await {
        Ok(_) => Ok(see_other(&format!("/authorities/{id}#contacts"), "authority_contact_added")),
        Err(AppError::Invalid(errs)) => show(&ctx, id, 1, f.state().errors(ctx.tr, &errs), StatusCode::UNPROCESSABLE_ENTITY).await,
        Err(x) => Err(x.into()),
    }
}

#[derive(Template)]
#[template(path = "incidents/authority_form.html")]
struct FormPage {
    shell: Shell,
    form: FormState,
    /// The entry changed (none: a new one).
    id: Option<i64>,
    kinds: Vec<(&'static str, String)>,
}

/// The form as sent (`active`: `ja` when ticked).
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct AuthorityForm {
    name: String,
    kind: String,
    purpose: String,
    website: String,
    report_url: String,
    phone: String,
    email: String,
    contact_person: String,
    notes: String,
    active: String,
}

const FIELDS: [&str; 9] = ["name", "kind", "purpose", "website", "report_url", "phone", "email", "contact_person", "notes"];

impl AuthorityForm {
    fn values(&self) -> [&str; 9] {
        [
            &self.name,
            &self.kind,
            &self.purpose,
            &self.website,
            &self.report_url,
            &self.phone,
            &self.email,
            &self.contact_person,
            &self.notes,
        ]
    }

    fn state(&self) -> FormState {
        let pairs: Vec<(&str, &str)> = FIELDS.iter().copied().zip(self.values()).chain([("active", self.active.as_str())]).collect();
        FormState::with(&pairs)
    }

    fn json(&self) -> AuthorityJson {
        let opt = |s: &str| Some(s.to_owned());
        AuthorityJson {
            name: self.name.clone(),
            kind: self.kind.clone(),
            purpose: opt(&self.purpose),
            website: opt(&self.website),
            report_url: opt(&self.report_url),
            phone: opt(&self.phone),
            email: opt(&self.email),
            contact_person: opt(&self.contact_person),
            notes: opt(&self.notes),
            active: Some(self.active == "ja"),
        }
    }
}

fn show_form(ctx: &Ctx, id: Option<i64>, form: FormState, code: StatusCode) -> PageResult {
    let actor = ctx.actor()?;
    if !ctx.state.app.incidents().keeps_register(actor) {
        return Err(AppError::Forbidden.into());
    }
    let title = if id.is_some() { "authority.edit_heading" } else { "authority.new_heading" };
    Ok(render(&FormPage { shell: ctx.shell(title), form, id, kinds: options::<AuthorityKind>(ctx.tr) }, code))
}

async fn new_form(ctx: Ctx) -> PageResult {
    show_form(&ctx, None, FormState::with(&[("active", "ja")]), StatusCode::OK)
}

async fn edit_form(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    let actor = ctx.actor()?;
    let (a, _) = ctx.state.app.incidents().authority(actor, id, 1).await?;
    let f = AuthorityForm {
        name: a.name,
        kind: varn_domain::Code::as_str(a.kind).to_owned(),
        purpose: a.purpose.unwrap_or_default(),
        website: a.website.unwrap_or_default(),
        report_url: a.report_url.unwrap_or_default(),
        phone: a.phone.unwrap_or_default(),
        email: a.email.unwrap_or_default(),
        contact_person: a.contact_person.unwrap_or_default(),
        notes: a.notes.unwrap_or_default(),
        active: if a.active { "ja".into() } else { String::new() },
    };
    show_form(&ctx, Some(id), f.state(), StatusCode::OK)
}

async fn save(ctx: &Ctx, id: Option<i64>, f: AuthorityForm) -> PageResult {
    let actor = ctx.actor()?;
    match ctx.state.app.incidents().save_authority(actor, id, &f.json()).await {
        Ok(id) => Ok(see_other(&format!("/authorities/{id}"), "authority_saved")),
        Err(AppError::Invalid(errs)) => show_form(ctx, id, f.state().errors(ctx.tr, &errs), StatusCode::UNPROCESSABLE_ENTITY),
        Err(e) => Err(e.into()),
    }
}

async fn create(ctx: Ctx, Form(f): Form<AuthorityForm>) -> PageResult {
    save(&ctx, None, f).await
}

async fn update(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<AuthorityForm>) -> PageResult {
    save(&ctx, Some(id), f).await
}
