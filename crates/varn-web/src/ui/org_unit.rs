//! A unit's pages: its overview (the state of its information security, its units, roles
//! and files) and its administration (name, head and contact, move, files, life cycle).

use super::org::kind_label;
use crate::ctx::{see_other, Ctx, PageResult};
use crate::shell::{render, FormState, Shell};
use crate::AppState;
use askama::Template;
use axum::extract::{Form, Multipart, Path};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use varn_app::org::{UnitDetail, UnitUpdateInput};
use varn_app::AppError;
use varn_domain::Permission;
use varn_store::entity::org_unit::Model as Unit;
use varn_store::repo::attachments::AttachmentMeta;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/org/{id}", get(unit_page).post(update))
        .route("/org/{id}/admin", get(admin_page))
        .route("/org/{id}/move", post(move_unit))
        .route("/org/{id}/deactivate", post(deactivate))
        .route("/org/{id}/activate", post(activate))
        .route("/org/{id}/delete", post(delete))
        .route("/org/{id}/attachments", post(upload))
        .route("/attachments/{id}", get(download_file))
        .route("/attachments/{id}/delete", post(delete_file))
}

#[derive(Template)]
#[template(path = "org_unit.html")]
struct UnitPage {
    shell: Shell,
    d: UnitDetail,
    kind: String,
    form: FormState,
    move_form: FormState,
    parents: Vec<Unit>,
    files: Vec<AttachmentMeta>,
    conflict: Option<String>,
    /// The administration view (edit, move, files, life cycle), apart from the overview.
    admin: bool,
    /// Open and overdue work in the unit and below (for those who follow it up).
    work: Option<(i64, i64)>,
    /// What of the unit the reader may open: (documents, assets, incidents).
    opens: (bool, bool, bool),
    /// Where the reader may open units.
    readable: varn_domain::Scope,
    /// How far the unit's staff have confirmed the documents they are asked to read.
    acks: Vec<varn_app::documents::UnitAck>,
}

impl UnitPage {
    /// Whether the reader may open a unit above this one (the breadcrumbs link only those).
    fn opens_unit(&self, u: &varn_store::repo::org::UnitName) -> bool {
        varn_domain::OrgPath::parse(&u.path).is_ok_and(|p| self.readable.covers(&p))
    }

    fn role_label(&self, r: &varn_domain::Role) -> String {
        crate::present::label(self.shell.tr, *r)
    }

    fn kb(&self, n: &i64) -> String {
        self.shell.tr.decimal(*n as f64 / 1024.0, 1)
    }

    /// The head and the security contact: (field, label).
    fn person_fields(&self) -> Vec<(&'static str, &str)> {
        vec![("head_username", self.shell.tr.t("org.field.head")), ("security_contact_username", self.shell.tr.t("org.field.contact"))]
    }
}

struct UnitForms {
    form: Option<FormState>,
    move_form: Option<FormState>,
    conflict: Option<String>,
    admin: bool,
}

async fn unit_view(ctx: &Ctx, id: i64, forms: UnitForms, status: StatusCode) -> PageResult {
    let actor = ctx.actor()?;
    let app = &ctx.state.app;
    let (d, files) = app.org_page(actor, id).await?;
    if forms.admin && !d.can_write {
        return Err(AppError::Forbidden.into());
    }
    let work = if forms.admin { None } else { app.unit_work(actor, &d.unit.path).await? };
    let acks = if forms.admin { vec![] } else { app.documents().unit_acks(actor, &d.unit.path).await? };
    let a = &actor.access;
    let opens =
        (a.can_somewhere(Permission::DocumentRead), a.can_somewhere(Permission::AssetRead), a.can_somewhere(Permission::IncidentRead));
    let parents = if d.can_write && forms.admin { app.org_writable(actor).await? } else { vec![] };
    let parents = parents.into_iter().filter(|p| !p.path.starts_with(&d.unit.path)).collect();
    // A person as the picker names them: "Name (sign-in name)".
    let named = |n: &Option<String>, u: &Option<String>| match (n, u) {
        (Some(n), Some(u)) => format!("{n} ({u})"),
        _ => String::new(),
    };
    let form = forms.form.unwrap_or_else(|| {
        FormState::with(&[
            ("name", &d.unit.name),
            ("head_username", &named(&d.head_name, &d.head_username)),
            ("security_contact_username", &named(&d.contact_name, &d.contact_username)),
        ])
    });
    let move_form =
        forms.move_form.unwrap_or_else(|| FormState::with(&[("parent_id", &d.unit.parent_id.map(|p| p.to_string()).unwrap_or_default())]));
    let kind = kind_label(ctx, &d.unit.kind);
    Ok(render(
        &UnitPage {
            shell: ctx.shell_named(d.unit.name.clone()),
            kind,
            d,
            form,
            move_form,
            parents,
            files,
            conflict: forms.conflict,
            admin: forms.admin,
            work,
            opens,
            readable: actor.scope(Permission::OrgRead),
            acks,
        },
        status,
    ))
}

async fn unit_page(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    unit_view(&ctx, id, UnitForms { form: None, move_form: None, conflict: None, admin: false }, StatusCode::OK).await
}

/// The unit's administration: name, head and contact, move, files, life cycle.
async fn admin_page(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    unit_view(&ctx, id, UnitForms { form: None, move_form: None, conflict: None, admin: true }, StatusCode::OK).await
}

async fn update(ctx: Ctx, Path(id): Path<i64>, Form(input): Form<UnitUpdateInput>) -> PageResult {
    let actor = ctx.actor()?;
    match ctx.state.app.org_update(actor, id, &input).await {
        Ok(_) => Ok(see_other(&format!("/org/{id}"), "unit_saved")),
        Err(AppError::Invalid(errs)) => {
            let form = FormState::with(&[
                ("name", &input.name),
                ("head_username", input.head_username.as_deref().unwrap_or("")),
                ("security_contact_username", input.security_contact_username.as_deref().unwrap_or("")),
            ])
            .errors(ctx.tr, &errs);
            unit_view(
                &ctx,
                id,
                UnitForms { form: Some(form), move_form: None, conflict: None, admin: true },
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct MoveForm {
    #[serde(default)]
    parent_id: String,
}

async fn move_unit(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<MoveForm>) -> PageResult {
    let actor = ctx.actor()?;
    match ctx.state.app.org_move(actor, id, &f.parent_id).await {
        Ok(_) => Ok(see_other(&format!("/org/{id}"), "moved")),
        Err(AppError::Invalid(errs)) => {
            let mf = FormState::with(&[("parent_id", &f.parent_id)]).errors(ctx.tr, &errs);
            unit_view(
                &ctx,
                id,
                UnitForms { form: None, move_form: Some(mf), conflict: None, admin: true },
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(AppError::Conflict(code, args)) => {
            let text = ctx.conflict_text(&code, &args);
            unit_view(&ctx, id, UnitForms { form: None, move_form: None, conflict: Some(text), admin: true }, StatusCode::CONFLICT).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn set_active(ctx: Ctx, id: i64, active: bool) -> PageResult {
    let actor = ctx.actor()?;
    match ctx.state.app.org_set_active(actor, id, active).await {
        Ok(_) => Ok(see_other(&format!("/org/{id}"), if active { "unit_activated" } else { "unit_deactivated" })),
        Err(AppError::Conflict(code, args)) => {
            let text = ctx.conflict_text(&code, &args);
            unit_view(&ctx, id, UnitForms { form: None, move_form: None, conflict: Some(text), admin: true }, StatusCode::CONFLICT).await
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

async fn delete(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    let actor = ctx.actor()?;
    match ctx.state.app.org_delete(actor, id).await {
        Ok(u) => Ok(see_other(&u.parent_id.map(|p| format!("/org/{p}")).unwrap_or_else(|| "/org".into()), "unit_deleted")),
        Err(AppError::Conflict(code, args)) => {
            let text = ctx.conflict_text(&code, &args);
            unit_view(&ctx, id, UnitForms { form: None, move_form: None, conflict: Some(text), admin: true }, StatusCode::CONFLICT).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn upload(ctx: Ctx, Path(id): Path<i64>, mut mp: Multipart) -> PageResult {
    let actor = ctx.actor()?;
    let up = crate::files::read_upload(&mut mp).await?;
    match ctx.state.app.attach_to_unit(actor, id, up).await {
        Ok(_) => Ok(see_other(&format!("/org/{id}"), "uploaded")),
        Err(AppError::Invalid(errs)) => {
            let text = errs.0.first().map(|e| ctx.tr.t(&e.code).to_owned());
            unit_view(&ctx, id, UnitForms { form: None, move_form: None, conflict: text, admin: true }, StatusCode::UNPROCESSABLE_ENTITY)
                .await
        }
        Err(e) => Err(e.into()),
    }
}

async fn download_file(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    let actor = ctx.actor()?;
    let f = ctx.state.app.attachment_get(actor, id).await?;
    Ok(crate::files::download(&f.filename, &f.sha256, f.data))
}

async fn delete_file(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    let actor = ctx.actor()?;
    let unit = ctx.state.app.attachment_get(actor, id).await?.org_unit_id.unwrap_or_default();
    ctx.state.app.attachment_delete(actor, id).await?;
    Ok(see_other(&format!("/org/{unit}"), "file_deleted"))
}
