//! Linking an incident to the information assets and systems it concerns: a search over
//! what the handler can see in the register, and a button per find.

use crate::ctx::{see_other, Ctx, PageResult};
use crate::AppState;
use axum::extract::{Form, Path};
use axum::routing::post;
use axum::Router;
use varn_app::incidents::LinkJson;
use varn_app::{Actor, AppError, ListParams};

pub fn routes() -> Router<AppState> {
    Router::new().route("/incidents/{id}/links", post(link))
}

/// Something found to link: `asset` or `carrier`, its id, name and unit.
pub struct Found {
    pub(super) kind: &'static str,
    pub(super) id: i64,
    pub(super) name: String,
    pub(super) unit: String,
}

/// Up to ten assets and ten carriers whose names match `q`.
pub(super) async fn search(ctx: &Ctx, actor: &Actor, q: &str) -> Result<Vec<Found>, AppError> {
    let assets = ctx.state.app.assets();
    if q.trim().is_empty() || !assets.can_use(actor) {
        return Ok(vec![]);
    }
    let p = ListParams { q: Some(q.to_owned()), page: 1, per_page: Some(10), ..Default::default() };
    let mut out: Vec<Found> = assets
        .list(actor, &Default::default(), &p)
        .await?
        .items
        .into_iter()
        .map(|a| Found { kind: "asset", id: a.id, name: a.name, unit: a.unit_name })
        .collect();
    out.extend(assets.carriers(actor, &Default::default(), &p).await?.items.into_iter().map(|c| Found {
        kind: "carrier",
        id: c.id,
        name: c.name,
        unit: c.unit_name,
    }));
    Ok(out)
}

/// The form: one of `asset_id` / `carrier_id` / `requirement` / `risk_id`, and `linked` (`no` to unlink).
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct LinkForm {
    asset_id: String,
    carrier_id: String,
    requirement: String,
    risk_id: String,
    linked: String,
}

async fn link(ctx: Ctx, Path(id): Path<i64>, Form(f): Form<LinkForm>) -> PageResult {
    let actor = ctx.actor()?;
    let num = |s: &str| s.trim().parse::<i64>().ok();
    let requirement = Some(f.requirement.trim().to_owned()).filter(|r| !r.is_empty());
    let cmd = LinkJson {
        asset_id: num(&f.asset_id),
        carrier_id: num(&f.carrier_id),
        requirement,
        risk_id: num(&f.risk_id),
        linked: Some(f.linked != "no"),
    };
    ctx.state.app.incidents().link(actor, id, &cmd).await?;
    Ok(see_other(&format!("/incidents/{id}#links"), "incident_linked"))
}
