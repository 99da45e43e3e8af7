//! Sign-in, sign-out and the language switch.

use super::safe_next;
use crate::ctx::{Ctx, PageResult};
use crate::i18n::Lang;
use crate::security::{pre_cookie, session_cookie, Auth, LANG_COOKIE};
use crate::shell::{render, FormState, Shell};
use crate::AppState;
use askama::Template;
use axum::extract::{Form, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use serde::Deserialize;
use varn_app::AppError;

pub fn routes() -> Router<AppState> {
    Router::new().route("/login", get(login_page).post(login)).route("/logout", post(logout)).route("/lang", get(switch_lang))
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    shell: Shell,
    form: FormState,
    next: String,
}

#[derive(Deserialize, Default)]
struct NextQ {
    #[serde(default)]
    next: Option<String>,
}

fn cookie(name: &'static str, value: String, secure: bool) -> Cookie<'static> {
    // `__Host-` names need Secure and path `/`, and no Domain: all three hold here.
    Cookie::build((name, value)).path("/").http_only(true).same_site(SameSite::Lax).secure(secure).build()
}

fn login_form(ctx: &Ctx, jar: CookieJar, form: FormState, next: String, status: StatusCode) -> Response {
    let mut shell = ctx.shell("login.title");
    let mut jar = jar;
    if ctx.pre_csrf.is_none() {
        let t = varn_app::auth::random_token();
        shell.csrf = t.clone();
        jar = jar.add(cookie(pre_cookie(ctx.state.web.secure_cookies), t, ctx.state.web.secure_cookies));
    }
    (jar, render(&LoginPage { shell, form, next }, status)).into_response()
}

async fn login_page(ctx: Ctx, jar: CookieJar, Query(q): Query<NextQ>) -> Response {
    if ctx.auth.actor().is_some() {
        return Redirect::to("/").into_response();
    }
    login_form(&ctx, jar, FormState::new(), safe_next(q.next.as_deref().unwrap_or("/")), StatusCode::OK)
}

#[derive(Deserialize)]
struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

async fn login(ctx: Ctx, jar: CookieJar, src: crate::serve::ClientSource, Form(f): Form<LoginForm>) -> Response {
    let next = safe_next(&f.next);
    let keep = FormState::with(&[("username", &f.username)]);
    let mut missing = varn_domain::FieldErrors::new();
    if f.username.trim().is_empty() {
        missing.add("username", "err.login.username_required");
    }
    if f.password.is_empty() {
        missing.add("password", "err.login.password_required");
    }
    if !missing.is_empty() {
        return login_form(&ctx, jar, keep.errors(ctx.tr, &missing), next, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let old = jar.get(session_cookie(ctx.state.web.secure_cookies)).map(|c| c.value().to_owned());
    match ctx.state.app.sign_in(&f.username, &f.password, old.as_deref(), &src.0).await {
        Ok((s, _actor)) => {
            let jar = jar
                .add(cookie(session_cookie(ctx.state.web.secure_cookies), s.token, ctx.state.web.secure_cookies))
                .remove(Cookie::build(pre_cookie(ctx.state.web.secure_cookies)).path("/"));
            (jar, Redirect::to(&next)).into_response()
        }
        Err(AppError::Unauthenticated) => {
            login_form(&ctx, jar, keep.error("password", ctx.tr.t("err.login.failed").to_owned()), next, StatusCode::UNAUTHORIZED)
        }
        Err(AppError::Locked(secs)) => {
            let text = ctx.tr.tf("err.login.locked", &[("n", &secs.to_string())]);
            login_form(&ctx, jar, keep.error("password", text), next, StatusCode::TOO_MANY_REQUESTS)
        }
        Err(e) => crate::respond::WebError::from(e).into_response(),
    }
}

async fn logout(ctx: Ctx, jar: CookieJar) -> PageResult {
    if let Auth::Session(s) = &ctx.auth {
        ctx.state.app.sign_out(s).await?;
    }
    let jar = jar.remove(Cookie::build(session_cookie(ctx.state.web.secure_cookies)).path("/"));
    Ok((jar, crate::ctx::see_other("/login", "signed_out")).into_response())
}

#[derive(Deserialize)]
struct LangQ {
    #[serde(default)]
    to: String,
    #[serde(default)]
    back: String,
}

async fn switch_lang(ctx: Ctx, jar: CookieJar, Query(q): Query<LangQ>) -> Response {
    let lang = Lang::parse(&q.to).unwrap_or_default();
    let c = Cookie::build((LANG_COOKIE, lang.code()))
        .path("/")
        .same_site(SameSite::Lax)
        .secure(ctx.state.web.secure_cookies)
        .max_age(time_year())
        .build();
    (jar.add(c), Redirect::to(&safe_next(&q.back))).into_response()
}

fn time_year() -> time::Duration {
    time::Duration::days(365)
}
