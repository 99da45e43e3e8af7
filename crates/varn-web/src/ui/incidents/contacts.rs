//! The contact lists per level (allvarlig störning, kris): a form for the city's incident
//! handlers, one user name a line.

use crate::ctx::{see_other, Ctx, PageResult};
use crate::shell::{render, FormState, Shell};
use crate::AppState;
use askama::Template;
use axum::extract::Form;
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use varn_app::incidents::ContactLists;
use varn_app::AppError;

pub fn routes() -> Router<AppState> {
    Router::new().route("/incidents/contacts", get(page).post(save))
}

#[derive(Template)]
#[template(path = "incidents/contacts.html")]
struct ContactsPage {
    shell: Shell,
    form: FormState,
}

/// The form as sent: one user name a line.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct ContactsForm {
    allvarlig_storning: String,
    kris: String,
    dataskyddsombud: String,
}

fn lines(s: &str) -> Vec<String> {
    s.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

async fn show(ctx: &Ctx, form: FormState, code: StatusCode) -> PageResult {
    let actor = ctx.actor()?;
    if !actor.scope(varn_domain::Permission::IncidentHandle).is_all() {
        return Err(AppError::Forbidden.into());
    }
    Ok(render(&ContactsPage { shell: ctx.shell("incident.contacts_heading"), form }, code))
}

async fn page(ctx: Ctx) -> PageResult {
    let l = ctx.state.app.incidents().contact_lists().await?;
    let form = FormState::with(&[
        ("allvarlig_storning", &l.allvarlig_storning.join("\n")),
        ("kris", &l.kris.join("\n")),
        ("dataskyddsombud", &l.dataskyddsombud.join("\n")),
    ]);
    show(&ctx, form, StatusCode::OK).await
}

async fn save(ctx: Ctx, Form(f): Form<ContactsForm>) -> PageResult {
    let actor = ctx.actor()?;
    let lists =
        ContactLists { allvarlig_storning: lines(&f.allvarlig_storning), kris: lines(&f.kris), dataskyddsombud: lines(&f.dataskyddsombud) };
    match ctx.state.app.incidents().set_contact_lists(actor, &lists).await {
        Ok(()) => Ok(see_other("/incidents/contacts", "contacts_saved")),
        Err(AppError::Invalid(errs)) => {
            let form = FormState::with(&[
                ("allvarlig_storning", &f.allvarlig_storning),
                ("kris", &f.kris),
                ("dataskyddsombud", &f.dataskyddsombud),
            ])
            .errors(ctx.tr, &errs);
            show(&ctx, form, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}
