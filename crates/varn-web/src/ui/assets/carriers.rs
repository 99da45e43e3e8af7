//! The carrier register (informationsbärare): the list, a carrier's page with what it must
//! meet, what it carries and its dependencies both ways, and its form.

use crate::ctx::{see_other, Ctx, PageResult};
use crate::present::{label, options};
use crate::shell::{render, FormState, Shell};
use crate::ui::list::{code_filter, run, Column, ListQuery, ListSpec, ListView};
use crate::AppState;
use askama::Template;
use axum::extract::{Form, Path, Query};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use varn_app::assets::{CarrierCommand, CarrierFilter, CarrierForm, CarrierJson, CarrierRow, CarrierView};
use varn_app::modules::Boxed;
use varn_app::{Actor, App, AppError, ListParams, Page};
use varn_domain::asset::{CarrierKind, Hosting};
use varn_domain::Code;
use varn_store::entity::org_unit::Model as Unit;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/carriers", get(list).post(create))
        .route("/carriers/new", get(new_form))
        .route("/carriers/{id}", get(page))
        .route("/carriers/{id}/edit", get(edit_form).post(update))
        .route("/carriers/{id}/depends", post(depend))
}

/// A row with its labels.
pub struct Row {
    r: CarrierRow,
    kind: String,
    hosting: String,
}

fn rows(ctx: &Ctx, items: Vec<CarrierRow>) -> Vec<Row> {
    items
        .into_iter()
        .map(|r| Row { kind: label(ctx.tr, r.kind), hosting: r.hosting.map(|h| label(ctx.tr, h)).unwrap_or_default(), r })
        .collect()
}

#[derive(Template)]
#[template(path = "assets/carriers.html")]
struct ListPage {
    shell: Shell,
    view: ListView,
    rows: Vec<Row>,
    kinds: Vec<(&'static str, String)>,
    hostings: Vec<(&'static str, String)>,
    can_create: bool,
}

#[derive(Template)]
#[template(path = "assets/_carrier_rows.html")]
struct ListPartial {
    shell: Shell,
    view: ListView,
    rows: Vec<Row>,
}

struct Register;

impl ListSpec for Register {
    type Row = CarrierRow;
    type Filter = CarrierFilter;
    const BASE: &'static str = "/carriers";
    const EXPORT_NAME: &'static str = "informationsbarare";
    const SORTS: &'static [&'static str] = varn_app::assets::CARRIER_SORTS;
    const COLUMNS: &'static [Column<CarrierRow>] = &[
        Column { header: "asset.col.id", cell: |_, r| r.id.to_string() },
        Column { header: "carrier.field.name", cell: |_, r| r.name.clone() },
        Column { header: "carrier.field.kind", cell: |tr, r| label(tr, r.kind) },
        Column { header: "asset.field.unit", cell: |_, r| r.unit_name.clone() },
        Column { header: "carrier.field.system_owner", cell: |_, r| r.system_owner_name.clone().unwrap_or_default() },
        Column { header: "carrier.field.supplier", cell: |_, r| r.supplier.clone().unwrap_or_default() },
        Column { header: "carrier.field.hosting", cell: |tr, r| r.hosting.map(|h| label(tr, h)).unwrap_or_default() },
        Column {
            header: "carrier.field.third_country",
            cell: |tr, r| tr.t(if r.third_country { "common.yes" } else { "common.no" }).to_owned(),
        },
    ];

    fn filter(q: &ListQuery) -> Result<CarrierFilter, AppError> {
        let third_country = super::yes_no_filter(q, "third_country")?;
        Ok(CarrierFilter { kind: code_filter(q, "kind")?, hosting: code_filter(q, "hosting")?, third_country })
    }

    fn fetch<'a>(app: &'a App, actor: &'a Actor, f: &'a CarrierFilter, p: ListParams) -> Boxed<'a, Result<Page<CarrierRow>, AppError>> {
        Box::pin(async move { app.assets().carriers(actor, f, &p).await })
    }
}

async fn list(ctx: Ctx, Query(q): Query<ListQuery>) -> PageResult {
    let actor = ctx.actor()?;
    let assets = ctx.state.app.assets();
    if !assets.can_use(actor) {
        return Err(AppError::Forbidden.into());
    }
    let l = match run::<Register>(&ctx, &q).await? {
        Ok(l) => l,
        Err(download) => return Ok(download),
    };
    let rows = rows(&ctx, l.rows);
    if ctx.htmx {
        return Ok(render(&ListPartial { shell: ctx.shell("carrier.heading"), view: l.view, rows }, StatusCode::OK));
    }
    let page = ListPage {
        shell: ctx.shell("carrier.heading"),
        view: l.view,
        rows,
        kinds: options::<CarrierKind>(ctx.tr),
        hostings: options::<Hosting>(ctx.tr),
        can_create: assets.can_create(actor),
    };
    Ok(render(&page, StatusCode::OK))
}

#[derive(Template)]
#[template(path = "assets/carrier.html")]
struct CarrierPage {
    shell: Shell,
    v: CarrierView,
    kind: String,
    hosting: String,
    levels: Vec<super::page::LevelLine>,
    requirements: Vec<(String, String, String)>,
    /// Each kind's label, written once a page rather than once a carrier listed.
    kinds: Vec<(CarrierKind, String)>,
    dep_q: String,
    found: Vec<CarrierRow>,
    picture: super::graph::Picture,
}

impl CarrierPage {
    fn kind_of(&self, c: &CarrierRow) -> &str {
        self.kinds.iter().find(|(k, _)| *k == c.kind).map(|(_, l)| l.as_str()).unwrap_or_default()
    }
}

#[derive(Deserialize, Default)]
struct PageQ {
    #[serde(default)]
    dep: Option<String>,
}

async fn page(ctx: Ctx, Path(id): Path<i64>, Query(q): Query<PageQ>) -> PageResult {
    let actor = ctx.actor()?;
    let assets = ctx.state.app.assets();
    let v = assets.carrier(actor, id).await?;
    let lang = ctx.lang.code();
    let tr = ctx.tr;
    let requirements = assets
        .classification()
        .catalogue
        .for_levels(&v.inherited)
        .into_iter()
        .map(|r| (r.code.clone(), r.text.get(lang).to_owned(), label(tr, r.kind)))
        .collect();
    let dep_q = q.dep.unwrap_or_default();
    let found = if v.can_edit && !dep_q.trim().is_empty() {
        let p = ListParams { q: Some(dep_q.clone()), page: 1, per_page: Some(20), ..Default::default() };
        assets.carriers(actor, &CarrierFilter::default(), &p).await?.items.into_iter().filter(|c| c.id != id).collect()
    } else {
        vec![]
    };
    let picture = super::graph::picture((id, &v.carrier.model.name), &v.graph);
    let page = CarrierPage {
        picture,
        shell: ctx.shell_named(v.carrier.model.name.clone()),
        kind: label(tr, v.carrier.model.kind),
        hosting: v.carrier.model.hosting.map(|h| label(tr, h)).unwrap_or_default(),
        levels: super::page::level_lines(&ctx, &v.inherited),
        requirements,
        kinds: CarrierKind::ALL.iter().map(|k| (*k, label(tr, *k))).collect(),
        dep_q,
        found,
        v,
    };
    Ok(render(&page, StatusCode::OK))
}

#[derive(Template)]
#[template(path = "assets/carrier_form.html")]
struct FormPage {
    shell: Shell,
    form: FormState,
    id: Option<i64>,
    units: Vec<Unit>,
    kinds: Vec<(&'static str, String)>,
    hostings: Vec<(&'static str, String)>,
}

fn form_of(i: &CarrierForm) -> FormState {
    FormState::with(&[
        ("kind", &i.kind),
        ("name", &i.name),
        ("description", &i.description),
        ("unit_id", &i.unit_id),
        ("system_owner_username", &i.system_owner_username),
        ("system_admin_username", &i.system_admin_username),
        ("supplier", &i.supplier),
        ("hosting", &i.hosting),
        ("country", &i.country),
        ("third_country", &i.third_country),
        ("transfer_basis", &i.transfer_basis),
    ])
}

async fn form_page(ctx: &Ctx, id: Option<i64>, form: FormState, status: StatusCode) -> PageResult {
    let actor = ctx.actor()?;
    let app = &ctx.state.app;
    if !app.assets().can_create(actor) {
        return Err(AppError::Forbidden.into());
    }
    let units = app.assets().writable_units(actor).await?;
    let title = if id.is_some() { "carrier.edit_heading" } else { "carrier.new_heading" };
    let page =
        FormPage { shell: ctx.shell(title), form, id, units, kinds: options::<CarrierKind>(ctx.tr), hostings: options::<Hosting>(ctx.tr) };
    Ok(render(&page, status))
}

async fn new_form(ctx: Ctx) -> PageResult {
    let i = CarrierForm {
        kind: CarrierKind::ItTjanst.as_str().into(),
        hosting: Hosting::Moln.as_str().into(),
        country: "Sverige".into(),
        ..Default::default()
    };
    form_page(&ctx, None, form_of(&i), StatusCode::OK).await
}

async fn save(ctx: &Ctx, id: Option<i64>, f: CarrierForm) -> PageResult {
    let actor = ctx.actor()?;
    let assets = ctx.state.app.assets();
    let cmd = CarrierCommand::try_from(&CarrierJson::from(&f));
    let done = match id {
        None => assets.create_carrier(actor, cmd).await.map(|new| see_other(&format!("/carriers/{new}"), "carrier_created")),
        Some(id) => assets.update_carrier(actor, id, cmd).await.map(|()| see_other(&format!("/carriers/{id}"), "carrier_saved")),
    };
    match done {
        Ok(r) => Ok(r),
        Err(AppError::Invalid(errs)) => form_page(ctx, id, form_of(&f).errors(ctx.tr, &errs), StatusCode::UNPROCESSABLE_ENTITY).await,
        Err(e) => Err(e.into()),
    }
}

async fn create(ctx: Ctx, Form(f): Form<CarrierForm>) -> PageResult {
    save(&ctx, None, f).await
}

async fn edit_form(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    let actor = ctx.actor()?;
    let v = ctx.state.app.assets().carrier(actor, id).await?;
    if !v.can_edit {
        return Err(AppError::Forbidden.into());
    }
    let (o, a) = v.carrier.usernames.clone();
    form_page(&ctx, Some(id), form_of(&CarrierForm::of(&v.carrier.model, o, a)), StatusCode::OK).await
}

async fn update(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<CarrierForm>) -> PageResult {
    save(&ctx, Some(id), f).await
}

#[derive(Deserialize)]
struct DependForm {
    depends_on_id: i64,
    #[serde(default)]
    remove: Option<String>,
}

async fn depend(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<DependForm>) -> PageResult {
    let actor = ctx.actor()?;
    ctx.state.app.assets().depend(actor, id, f.depends_on_id, f.remove.is_none()).await?;
    Ok(see_other(&format!("/carriers/{id}#graph"), "dependency_saved"))
}
