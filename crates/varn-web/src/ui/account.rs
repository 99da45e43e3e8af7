//! The signed-in user's own account: password and API tokens.

use crate::ctx::{see_other, Ctx, PageResult};
use crate::security::{session_cookie, Auth};
use crate::shell::{render, FormState, Shell};
use crate::AppState;
use askama::Template;
use axum::extract::{Form, Path};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use serde::Deserialize;
use varn_app::AppError;
use varn_store::entity::api_token::Model as Token;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/account", get(page))
        .route("/account/password", post(change_password))
        .route("/account/tokens", post(create_token))
        .route("/account/tokens/{id}/revoke", post(revoke_token))
        .route("/account/mail", post(set_mail))
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    shell: Shell,
    username: String,
    pw_form: FormState,
    token_form: FormState,
    tokens: Vec<Token>,
    new_secret: Option<String>,
    /// `immediate` or `digest`.
    mail_mode: String,
}

#[derive(Default)]
struct Forms {
    pw_form: Option<FormState>,
    token_form: Option<FormState>,
    new_secret: Option<String>,
}

async fn view(ctx: &Ctx, f: Forms, status: StatusCode) -> PageResult {
    let actor = ctx.actor()?;
    let tokens = ctx.state.app.my_tokens(actor).await?;
    let mail_mode = ctx.state.app.mail().mode(actor).await?;
    Ok(render(
        &AccountPage {
            shell: ctx.shell("account.heading"),
            username: actor.username.clone(),
            pw_form: f.pw_form.unwrap_or_default(),
            token_form: f.token_form.unwrap_or_default(),
            tokens,
            new_secret: f.new_secret,
            mail_mode,
        },
        status,
    ))
}

async fn page(ctx: Ctx) -> PageResult {
    view(&ctx, Forms::default(), StatusCode::OK).await
}

#[derive(Deserialize)]
struct PwForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
}

async fn change_password(ctx: Ctx, jar: CookieJar, src: crate::serve::ClientSource, Form(f): Form<PwForm>) -> PageResult {
    let actor = ctx.actor()?;
    if !matches!(ctx.auth, Auth::Session(_)) {
        return Err(AppError::Forbidden.into());
    }
    match ctx.state.app.change_password(actor, &f.current_password, &f.new_password, &src.0).await {
        Ok(s) => {
            let c = Cookie::build((session_cookie(ctx.state.web.secure_cookies), s.token))
                .path("/")
                .http_only(true)
                .same_site(SameSite::Lax)
                .secure(ctx.state.web.secure_cookies)
                .build();
            Ok((jar.add(c), see_other("/account", "password_changed")).into_response())
        }
        Err(AppError::Invalid(errs)) => {
            let pw = FormState::new().errors(ctx.tr, &errs);
            view(&ctx, Forms { pw_form: Some(pw), ..Default::default() }, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct TokenForm {
    #[serde(default)]
    name: String,
    /// Days it is valid (empty: 90).
    #[serde(default)]
    days: String,
}

async fn create_token(ctx: Ctx, Form(f): Form<TokenForm>) -> PageResult {
    let actor = ctx.actor()?;
    // Not a number: 0, refused at the field like any other wrong count of days.
    let days = Some(f.days.trim()).filter(|d| !d.is_empty()).map(|d| d.parse().unwrap_or(0));
    match ctx.state.app.create_token(actor, &f.name, days).await {
        // The secret is shown on this one answer and never again.
        Ok((secret, _)) => view(&ctx, Forms { new_secret: Some(secret), ..Default::default() }, StatusCode::CREATED).await,
        Err(AppError::Invalid(errs)) => {
            let tf = FormState::with(&[("name", &f.name), ("days", &f.days)]).errors(ctx.tr, &errs);
            view(&ctx, Forms { token_form: Some(tf), ..Default::default() }, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn revoke_token(ctx: Ctx, Path(id): Path<i64>) -> PageResult {
    let actor = ctx.actor()?;
    ctx.state.app.revoke_token(actor, id).await?;
    Ok(see_other("/account", "token_revoked"))
}

#[derive(Deserialize)]
struct MailForm {
    #[serde(default)]
    mode: String,
}

async fn set_mail(ctx: Ctx, Form(f): Form<MailForm>) -> PageResult {
    let actor = ctx.actor()?;
    ctx.state.app.mail().set_mode(actor, &f.mode).await?;
    Ok(see_other("/account#mail", "mail_saved"))
}
