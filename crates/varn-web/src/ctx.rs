//! The request context of a page: language, who is signed in, where we are.

use crate::i18n::{Lang, Tr};
use crate::security::{Auth, PRE_COOKIE};
use crate::shell::Shell;
use crate::AppState;
use axum::extract::{FromRef, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::cookie::CookieJar;
use varn_app::{Actor, AppError};

/// Everything a page handler needs besides its own input.
#[derive(Clone)]
pub struct Ctx {
    /// Application state.
    pub state: AppState,
    /// Language of the answer.
    pub lang: Lang,
    /// Translator.
    pub tr: Tr,
    /// Who is calling.
    pub auth: Auth,
    /// Path and query of this request (for back links).
    pub path: String,
    /// Whether htmx asked (answer with a partial).
    pub htmx: bool,
    /// A message key from the `msg` query parameter (after a redirect).
    pub msg: Option<&'static str>,
    /// The pre-sign-in CSRF cookie, if set.
    pub pre_csrf: Option<String>,
}

/// Messages a redirect may ask the next page to show.
const MESSAGES: [&str; 9] = [
    "msg.acknowledged",
    "msg.saved",
    "msg.created",
    "msg.deleted",
    "msg.moved",
    "msg.signed_out",
    "msg.password_changed",
    "msg.revoked",
    "msg.uploaded",
];

impl<S> FromRequestParts<S> for Ctx
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let state = AppState::from_ref(state);
        let lang = parts.extensions.get::<Lang>().copied().unwrap_or_default();
        let auth = parts.extensions.get::<Auth>().cloned().unwrap_or(Auth::Anonymous);
        let path = parts.uri.path_and_query().map(|p| p.as_str().to_owned()).unwrap_or_else(|| "/".into());
        let htmx = parts.headers.get("hx-request").is_some();
        let msg = parts.uri.query().and_then(|q| serde_urlencoded::from_str::<Vec<(String, String)>>(q).ok()).and_then(|v| {
            v.into_iter().find(|(k, _)| k == "msg").and_then(|(_, m)| MESSAGES.iter().find(|x| x.ends_with(&format!(".{m}"))).copied())
        });
        let jar = CookieJar::from_headers(&parts.headers);
        let pre_csrf = jar.get(PRE_COOKIE).map(|c| c.value().to_owned());
        Ok(Ctx { state, lang, tr: Tr::new(lang), auth, path, htmx, msg, pre_csrf })
    }
}

/// A response that ends a handler early: an error page, or a redirect to sign in.
pub struct Halt(pub Box<Response>);

impl IntoResponse for Halt {
    fn into_response(self) -> Response {
        *self.0
    }
}

/// The result of a page handler.
pub type PageResult = Result<Response, Halt>;

impl Ctx {
    /// The signed-in user, or a redirect to the sign-in page that comes back here.
    pub fn actor(&self) -> Result<&Actor, Halt> {
        self.auth.actor().ok_or_else(|| {
            let next: String = percent_encoding::utf8_percent_encode(&self.path, percent_encoding::NON_ALPHANUMERIC).to_string();
            Halt(Box::new(Redirect::to(&format!("/login?next={next}")).into_response()))
        })
    }

    /// The page shell for a page titled by catalogue key `title`.
    pub fn shell(&self, title: &str) -> Shell {
        Shell::new(self, self.tr.t(title).to_owned())
    }

    /// The page shell with a title that is data (a unit's name, say).
    pub fn shell_named(&self, title: String) -> Shell {
        Shell::new(self, title)
    }

    /// Turns a use-case error into the page that explains it.
    pub fn fail(&self, e: AppError) -> Halt {
        let (status, key) = match &e {
            AppError::Unauthenticated => {
                return self.actor().err().unwrap_or_else(|| Halt(Box::new(Redirect::to("/login").into_response())))
            }
            AppError::Forbidden => (StatusCode::FORBIDDEN, "err.forbidden"),
            AppError::NotFound => (StatusCode::NOT_FOUND, "err.not_found"),
            AppError::Locked(_) => (StatusCode::TOO_MANY_REQUESTS, "err.locked"),
            AppError::Invalid(_) => (StatusCode::UNPROCESSABLE_ENTITY, "err.invalid"),
            AppError::Conflict(..) => (StatusCode::CONFLICT, "err.conflict"),
            AppError::Db(_) | AppError::Internal(_) => {
                let id = uuid::Uuid::new_v4();
                tracing::error!(error = %e, error_id = %id, "internal error");
                (StatusCode::INTERNAL_SERVER_ERROR, "err.internal")
            }
        };
        let detail = match &e {
            AppError::Conflict(code, args) => Some(self.conflict_text(code, args)),
            _ => None,
        };
        Halt(Box::new(crate::shell::error_page(self, status, key, detail)))
    }

    /// The text of a conflict, with its arguments translated where they are keys.
    pub fn conflict_text(&self, code: &str, args: &[(String, String)]) -> String {
        if args.is_empty() {
            return self.tr.t(code).to_owned();
        }
        let parts: Vec<String> = args.iter().map(|(k, n)| format!("{} {}", n, self.tr.t(&format!("ref.{k}")))).collect();
        self.tr.tf(code, &[("what", &parts.join(", "))])
    }

    /// The CSRF token forms on this page must carry.
    pub fn csrf(&self) -> String {
        match &self.auth {
            Auth::Session(s) => s.csrf.clone(),
            _ => self.pre_csrf.clone().unwrap_or_default(),
        }
    }
}

/// Redirect after a successful POST, with a message for the next page.
pub fn see_other(to: &str, msg: &str) -> Response {
    let sep = if to.contains('?') { '&' } else { '?' };
    (StatusCode::SEE_OTHER, [(header::LOCATION, format!("{to}{sep}msg={msg}"))]).into_response()
}
