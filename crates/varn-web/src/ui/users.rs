//! User administration pages.

use super::list::{run, Column, ListQuery, ListSpec, ListView};
use crate::ctx::{see_other, Ctx, PageResult};
use crate::shell::{render, FormState, Shell};
use crate::AppState;
use askama::Template;
use axum::extract::{Form, Path, Query};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use varn_app::modules::Boxed;
use varn_app::users::{GrantInput, UserDetail, UserInput};
use varn_app::AppError;
use varn_app::{Actor, App, ListParams, Page};
use varn_domain::{Permission, Role};
use varn_store::entity::org_unit::Model as Unit;
use varn_store::entity::user::Model as User;
use varn_store::repo::users::UserFilter;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/users", get(list).post(create))
        .route("/users/new", get(new_form))
        .route("/users/{id}", get(user_page).post(update))
        .route("/users/{id}/deactivate", post(deactivate))
        .route("/users/{id}/activate", post(activate))
        .route("/users/{id}/password", post(reset_password))
        .route("/users/{id}/grants", post(grant))
        .route("/users/{id}/grants/{gid}/revoke", post(revoke))
}

fn roles(ctx: &Ctx) -> Vec<(&'static str, String)> {
    crate::present::options::<Role>(ctx.tr)
}

#[derive(Template)]
#[template(path = "users_list.html")]
struct ListPage {
    shell: Shell,
    view: ListView,
    rows: Vec<User>,
    roles: Vec<(&'static str, String)>,
    can_admin: bool,
    can_throttles: bool,
}

#[derive(Template)]
#[template(path = "_users_rows.html")]
struct ListPartial {
    shell: Shell,
    view: ListView,
    rows: Vec<User>,
}

/// The user list as a list.
struct UserList;

impl ListSpec for UserList {
    type Row = User;
    type Filter = UserFilter;
    const BASE: &'static str = "/users";
    const EXPORT_NAME: &'static str = "anvandare";
    const SORTS: &'static [&'static str] = varn_store::repo::users::SORTS;
    const COLUMNS: &'static [Column<User>] = &[
        Column { header: "users.col.username", cell: |_, u| u.username.clone() },
        Column { header: "users.col.name", cell: |_, u| u.display_name.clone() },
        Column { header: "users.col.email", cell: |_, u| u.email.clone().unwrap_or_default() },
        Column { header: "org.col.active", cell: |tr, u| tr.t(if u.active { "common.yes" } else { "common.no" }).to_owned() },
    ];

    fn filter(q: &ListQuery) -> Result<UserFilter, AppError> {
        Ok(UserFilter { role: super::list::code_filter(q, "role")?, active: super::list::yes_no(q, "active")? })
    }

    fn fetch<'a>(app: &'a App, actor: &'a Actor, f: &'a UserFilter, p: ListParams) -> Boxed<'a, Result<Page<User>, AppError>> {
        Box::pin(async move { app.users_list(actor, f, &p).await })
    }
}

async fn list(ctx: Ctx, Query(q): Query<ListQuery>) -> PageResult {
    let actor = ctx.actor()?;
    actor.can(Permission::UserRead)?;
    let l = match run::<UserList>(&ctx, &q).await? {
        Ok(l) => l,
        Err(download) => return Ok(download),
    };
    if ctx.htmx {
        return Ok(render(&ListPartial { shell: ctx.shell("users.heading"), view: l.view, rows: l.rows }, StatusCode::OK));
    }
    let can_admin = actor.access.can_somewhere(Permission::UserAdmin);
    let can_throttles = actor.access.can_everywhere(Permission::UserAdmin);
    let page = ListPage { shell: ctx.shell("users.heading"), view: l.view, rows: l.rows, roles: roles(&ctx), can_admin, can_throttles };
    Ok(render(&page, StatusCode::OK))
}

#[derive(Template)]
#[template(path = "user_new.html")]
struct NewPage {
    shell: Shell,
    form: FormState,
}

async fn new_form(ctx: Ctx) -> PageResult {
    let actor = ctx.actor()?;
    actor.can(Permission::UserAdmin)?;
    Ok(render(&NewPage { shell: ctx.shell("users.new_heading"), form: FormState::new() }, StatusCode::OK))
}

async fn create(ctx: Ctx, Form(i): Form<UserInput>) -> PageResult {
    let actor = ctx.actor()?;
    match ctx.state.app.user_create(actor, &i).await {
        Ok(u) => Ok(see_other(&format!("/users/{}", u.id), "user_created")),
        Err(AppError::Invalid(errs)) => {
            // The password is never sent back.
            let form =
                FormState::with(&[("username", &i.username), ("display_name", &i.display_name), ("email", &i.email)]).errors(ctx.tr, &errs);
            Ok(render(&NewPage { shell: ctx.shell("users.new_heading"), form }, StatusCode::UNPROCESSABLE_ENTITY))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "user.html")]
struct UserPage {
    shell: Shell,
    d: UserDetail,
    can_admin: bool,
    form: FormState,
    grant_form: FormState,
    pw_form: FormState,
    roles: Vec<(&'static str, String)>,
    units: Vec<Unit>,
    conflict: Option<String>,
}

impl UserPage {
    fn role_label(&self, r: &Role) -> String {
        crate::present::label(self.shell.tr, *r)
    }
}

#[derive(Default)]
struct Forms {
    form: Option<FormState>,
    grant_form: Option<FormState>,
    pw_form: Option<FormState>,
    conflict: Option<String>,
}

async fn user_view(ctx: &Ctx, id: i64, f: Forms, status: StatusCode) -> PageResult {
    let actor = ctx.actor()?;
    let d = ctx.state.app.user_get(actor, id).await?;
    let can_admin = actor.access.can_everywhere(Permission::UserAdmin);
    let units = if can_admin { ctx.state.app.org_tree(actor).await? } else { vec![] };
    let form = f
        .form
        .unwrap_or_else(|| FormState::with(&[("display_name", &d.user.display_name), ("email", d.user.email.as_deref().unwrap_or(""))]));
    Ok(render(
        &UserPage {
            shell: ctx.shell_named(d.user.display_name.clone()),
            d,
            can_admin,
            form,
            grant_form: f.grant_form.unwrap_or_default(),
            pw_form: f.pw_form.unwrap_or_default(),
            roles: roles(ctx),
            units,
            conflict: f.conflict,
        },
        status,
    ))
}

async fn user_page(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    user_view(&ctx, id, Forms::default(), StatusCode::OK).await
}

async fn update(ctx: Ctx, Path(id): Path<i64>, Form(i): Form<UserInput>) -> PageResult {
    let actor = ctx.actor()?;
    match ctx.state.app.user_update(actor, id, &i).await {
        Ok(_) => Ok(see_other(&format!("/users/{id}"), "user_saved")),
        Err(AppError::Invalid(errs)) => {
            let form = FormState::with(&[("display_name", &i.display_name), ("email", &i.email)]).errors(ctx.tr, &errs);
            user_view(&ctx, id, Forms { form: Some(form), ..Default::default() }, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn set_active(ctx: Ctx, id: i64, active: bool) -> PageResult {
    let actor = ctx.actor()?;
    match ctx.state.app.user_set_active(actor, id, active).await {
        Ok(_) => Ok(see_other(&format!("/users/{id}"), if active { "user_activated" } else { "user_deactivated" })),
        Err(AppError::Conflict(code, args)) => {
            let c = ctx.conflict_text(&code, &args);
            user_view(&ctx, id, Forms { conflict: Some(c), ..Default::default() }, StatusCode::CONFLICT).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn deactivate(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    set_active(ctx, id, false).await
}

async fn activate(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    set_active(ctx, id, true).await
}

#[derive(Deserialize)]
struct PwForm {
    #[serde(default)]
    password: String,
}

async fn reset_password(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<PwForm>) -> PageResult {
    let actor = ctx.actor()?;
    match ctx.state.app.user_reset_password(actor, id, &f.password).await {
        Ok(()) => Ok(see_other(&format!("/users/{id}"), "password_set")),
        Err(AppError::Invalid(errs)) => {
            let pw = FormState::new().errors(ctx.tr, &errs);
            user_view(&ctx, id, Forms { pw_form: Some(pw), ..Default::default() }, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn grant(ctx: Ctx, Path(id): Path<i64>, Form(g): Form<GrantInput>) -> PageResult {
    let actor = ctx.actor()?;
    match ctx.state.app.user_grant(actor, id, &g).await {
        Ok(_) => Ok(see_other(&format!("/users/{id}"), "role_granted")),
        Err(AppError::Invalid(errs)) => {
            let gf = FormState::with(&[("role", &g.role), ("org_unit_id", &g.org_unit_id)]).errors(ctx.tr, &errs);
            user_view(&ctx, id, Forms { grant_form: Some(gf), ..Default::default() }, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(AppError::Conflict(code, args)) => {
            let c = ctx.conflict_text(&code, &args);
            user_view(&ctx, id, Forms { conflict: Some(c), ..Default::default() }, StatusCode::CONFLICT).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn revoke(ctx: Ctx, Path((id, gid)): Path<(i64, i64)>) -> PageResult {
    let actor = ctx.actor()?;
    match ctx.state.app.user_revoke(actor, id, gid).await {
        Ok(()) => Ok(see_other(&format!("/users/{id}"), "role_revoked")),
        Err(AppError::Conflict(code, args)) => {
            let c = ctx.conflict_text(&code, &args);
            user_view(&ctx, id, Forms { conflict: Some(c), ..Default::default() }, StatusCode::CONFLICT).await
        }
        Err(e) => Err(e.into()),
    }
}
