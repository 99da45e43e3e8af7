//! The person picker's list: the people the reader may name in a form, found by a part of
//! their name, each with unit and role (the options of every person field's combobox).

use crate::ctx::{Ctx, PageResult};
use crate::present::label;
use crate::shell::render;
use crate::AppState;
use askama::Template;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use varn_app::users::PersonHit;

pub fn routes() -> Router<AppState> {
    Router::new().route("/people", get(people))
}

/// How many people the list shows.
const SHOWN: u64 = 20;

#[derive(Template)]
#[template(path = "_people_options.html")]
struct PeopleOptions {
    tr: crate::i18n::Tr,
    people: Vec<PersonHit>,
    status: String,
}

impl PeopleOptions {
    fn about(&self, p: &PersonHit) -> String {
        match (&p.unit_name, p.role) {
            (Some(u), Some(r)) => format!("{u}, {}", label(self.tr, r)),
            (Some(u), None) => u.clone(),
            _ => String::new(),
        }
    }
}

#[derive(Deserialize)]
struct PeopleQ {
    #[serde(default)]
    q: String,
}

async fn people(ctx: Ctx, Query(q): Query<PeopleQ>) -> PageResult {
    let actor = ctx.actor()?;
    let typed = q.q.trim();
    let people = if typed.chars().count() >= 2 { ctx.state.app.people_search(actor, typed, SHOWN).await? } else { vec![] };
    let status = match people.len() {
        0 if typed.chars().count() < 2 => ctx.tr.t("person.type_more").to_owned(),
        0 => ctx.tr.t("person.none").to_owned(),
        n if n as u64 >= SHOWN => ctx.tr.count("person.first_n", n as i64),
        n => ctx.tr.count("person.found", n as i64),
    };
    Ok(render(&PeopleOptions { tr: ctx.tr, people, status }, StatusCode::OK))
}
