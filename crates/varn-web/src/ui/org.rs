//! Organisation pages: the tree, the searchable list, a unit's page and its forms.

use super::list::{run, Column, ListQuery, ListSpec, ListView};
use crate::ctx::{see_other, Ctx, PageResult};
use crate::shell::{render, FormState, Shell};
use crate::AppState;
use askama::Template;
use axum::extract::{Form, Multipart, Path, Query};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use varn_app::modules::Boxed;
use varn_app::org::{UnitDetail, UnitInput, UnitUpdateInput};
use varn_app::AppError;
use varn_app::{Actor, App, ListParams, Page};
use varn_domain::{OrgKind, Permission};
use varn_store::entity::org_unit::Model as Unit;
use varn_store::repo::attachments::AttachmentMeta;
use varn_store::repo::org::OrgFilter;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/org", get(tree).post(create))
        .route("/org/list", get(list))
        .route("/org/new", get(new_form))
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

/// A unit as a row of the tree, with the list tags that nest it (constants only).
pub struct TreeNode {
    /// The unit.
    pub unit: Unit,
    /// Translated kind.
    pub kind: String,
    /// `</li>`, `</ul>` and `<ul>` tags that go before this item.
    pub before: String,
    /// Whether units lie below it (it folds).
    pub has_children: bool,
    /// Whether it starts unfolded (the top two levels).
    pub open: bool,
}

fn kind_label(ctx: &Ctx, k: &OrgKind) -> String {
    crate::present::label(ctx.tr, *k)
}

/// The units as nested lists that fold, siblings in the city's order (kommunfullmäktige,
/// kommunstyrelsen, the nämnder alphabetically, …, bolag, externa utövare).
fn nest(ctx: &Ctx, mut units: Vec<Unit>) -> (Vec<TreeNode>, String) {
    units.sort_by_cached_key(|u| varn_domain::org::city_order(u.kind, &u.name));
    let (ordered, n) = super::tree::depth_first(units, |u| u.id, |u| u.parent_id);
    let depths: Vec<usize> = ordered.iter().map(|(_, d)| *d).collect();
    let nested = super::tree::nest_folding(ordered, |(_, d)| *d);
    let nodes = nested
        .nodes
        .into_iter()
        .enumerate()
        .map(|(i, ((u, d), before))| TreeNode {
            kind: kind_label(ctx, &u.kind),
            unit: u,
            before,
            has_children: i + 1 < n && depths[i + 1] > d,
            open: d < 1,
        })
        .collect();
    (nodes, nested.after)
}

#[derive(Template)]
#[template(path = "org_tree.html")]
struct TreePage {
    shell: Shell,
    nodes: Vec<TreeNode>,
    after: String,
    can_create: bool,
}

async fn tree(ctx: Ctx) -> PageResult {
    let actor = ctx.actor()?;
    let units = ctx.state.app.org_tree(actor).await?;
    let (nodes, after) = nest(&ctx, units);
    let can_create = actor.access.can_somewhere(Permission::OrgWrite);
    Ok(render(&TreePage { shell: ctx.shell("org.heading"), nodes, after, can_create }, StatusCode::OK))
}

/// A unit row of the list.
pub struct UnitRow {
    unit: Unit,
    kind: String,
}

#[derive(Template)]
#[template(path = "org_list.html")]
struct ListPage {
    shell: Shell,
    view: ListView,
    rows: Vec<UnitRow>,
    kinds: Vec<(&'static str, String)>,
}

#[derive(Template)]
#[template(path = "_org_rows.html")]
struct ListPartial {
    shell: Shell,
    view: ListView,
    rows: Vec<UnitRow>,
}

fn kinds(ctx: &Ctx) -> Vec<(&'static str, String)> {
    crate::present::options::<OrgKind>(ctx.tr)
}

/// The unit list (search, filter, export) as a list.
struct UnitList;

impl ListSpec for UnitList {
    type Row = Unit;
    type Filter = OrgFilter;
    const BASE: &'static str = "/org/list";
    const EXPORT_NAME: &'static str = "organisation";
    const SORTS: &'static [&'static str] = varn_store::repo::org::SORTS;
    const COLUMNS: &'static [Column<Unit>] = &[
        Column { header: "org.col.id", cell: |_, u| u.id.to_string() },
        Column { header: "org.col.name", cell: |_, u| u.name.clone() },
        Column { header: "org.col.kind", cell: |tr, u| crate::present::label(tr, u.kind) },
        Column { header: "org.col.path", cell: |_, u| u.path.clone() },
        Column { header: "org.col.active", cell: |tr, u| tr.t(if u.active { "common.yes" } else { "common.no" }).to_owned() },
    ];

    fn filter(q: &ListQuery) -> Result<OrgFilter, AppError> {
        Ok(OrgFilter { kind: super::list::code_filter(q, "kind")?, active: super::list::yes_no(q, "active")?, ..Default::default() })
    }

    fn fetch<'a>(app: &'a App, actor: &'a Actor, f: &'a OrgFilter, p: ListParams) -> Boxed<'a, Result<Page<Unit>, AppError>> {
        Box::pin(async move { app.org_list(actor, f, &p).await })
    }
}

async fn list(ctx: Ctx, Query(q): Query<ListQuery>) -> PageResult {
    let l = match run::<UnitList>(&ctx, &q).await? {
        Ok(l) => l,
        Err(download) => return Ok(download),
    };
    let rows = l.rows.into_iter().map(|u| UnitRow { kind: kind_label(&ctx, &u.kind), unit: u }).collect();
    if ctx.htmx {
        return Ok(render(&ListPartial { shell: ctx.shell("org.list_heading"), view: l.view, rows }, StatusCode::OK));
    }
    Ok(render(&ListPage { shell: ctx.shell("org.list_heading"), view: l.view, rows, kinds: kinds(&ctx) }, StatusCode::OK))
}

#[derive(Template)]
#[template(path = "org_new.html")]
struct NewPage {
    shell: Shell,
    form: FormState,
    parents: Vec<Unit>,
    kinds: Vec<(&'static str, String)>,
}

#[derive(Deserialize, Default)]
struct NewQ {
    #[serde(default)]
    parent: Option<String>,
}

async fn new_page(ctx: &Ctx, form: FormState, status: StatusCode) -> PageResult {
    let actor = ctx.actor()?;
    let parents = ctx.state.app.org_writable(actor).await?;
    if parents.is_empty() {
        return Err(AppError::Forbidden.into());
    }
    Ok(render(&NewPage { shell: ctx.shell("org.new_heading"), form, parents, kinds: kinds(ctx) }, status))
}

async fn new_form(ctx: Ctx, Query(q): Query<NewQ>) -> PageResult {
    let form = FormState::with(&[("parent_id", q.parent.as_deref().unwrap_or("")), ("kind", "enhet")]);
    new_page(&ctx, form, StatusCode::OK).await
}

async fn create(ctx: Ctx, Form(input): Form<UnitInput>) -> PageResult {
    let actor = ctx.actor()?;
    match ctx.state.app.org_create(actor, &input).await {
        Ok(u) => Ok(see_other(&format!("/org/{}", u.id), "unit_created")),
        Err(AppError::Invalid(errs)) => {
            let form =
                FormState::with(&[("parent_id", input.parent_id.as_deref().unwrap_or("")), ("kind", &input.kind), ("name", &input.name)])
                    .errors(ctx.tr, &errs);
            new_page(&ctx, form, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
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
}

impl UnitPage {
    /// Whether the reader may open a unit above this one (the breadcrumbs link only those).
    fn opens_unit(&self, u: &Unit) -> bool {
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
    let d = app.org_get(actor, id).await?;
    if forms.admin && !d.can_write {
        return Err(AppError::Forbidden.into());
    }
    let work = if forms.admin { None } else { app.unit_work(actor, &d.unit.path).await? };
    let a = &actor.access;
    let opens =
        (a.can_somewhere(Permission::DocumentRead), a.can_somewhere(Permission::AssetRead), a.can_somewhere(Permission::IncidentRead));
    let parents = if d.can_write && forms.admin { app.org_writable(actor).await? } else { vec![] };
    let parents = parents.into_iter().filter(|p| !p.path.starts_with(&d.unit.path)).collect();
    let files = app.unit_attachments(actor, id).await?;
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
