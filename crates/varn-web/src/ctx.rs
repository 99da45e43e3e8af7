//! The request context of a page: language, who is signed in, where we are.

use crate::i18n::{Lang, Tr};
use crate::respond::{conflict_text, status_of, Failure, WebError};
use crate::security::{pre_cookie, Auth};
use crate::shell::{render, Shell};
use crate::AppState;
use askama::Template;
use axum::extract::Request;
use axum::extract::{FromRef, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::middleware::Next;
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
const MESSAGES: [&str; 71] = [
    "msg.risk_analysis_created",
    "msg.risk_analysis_saved",
    "msg.risk_created",
    "msg.risk_saved",
    "msg.risk_accepted",
    "msg.risk_closed",
    "msg.risk_linked",
    "msg.risk_action_added",
    "msg.unit_created",
    "msg.unit_deleted",
    "msg.file_deleted",
    "msg.token_revoked",
    "msg.user_created",
    "msg.role_revoked",
    "msg.doc_action_added",
    "msg.doc_action_removed",
    "msg.draft_created",
    "msg.unit_saved",
    "msg.unit_activated",
    "msg.unit_deactivated",
    "msg.task_done",
    "msg.task_reopened",
    "msg.user_saved",
    "msg.user_activated",
    "msg.user_deactivated",
    "msg.password_set",
    "msg.role_granted",
    "msg.doc_rules_saved",
    "msg.remiss_sent",
    "msg.doc_to_draft",
    "msg.doc_to_remiss",
    "msg.doc_adopted",
    "msg.doc_to_revision",
    "msg.doc_repealed",
    "msg.comment_added",
    "msg.ack_requested",
    "msg.doc_reviewed",
    "msg.draft_saved",
    "msg.contacts_saved",
    "msg.incident_action_added",
    "msg.incident_action_done",
    "msg.incident_action_reopened",
    "msg.authority_saved",
    "msg.authority_contact_added",
    "msg.incident_linked",
    "msg.mail_saved",
    "msg.incident_reported",
    "msg.incident_triaged",
    "msg.incident_moved",
    "msg.incident_noted",
    "msg.incident_escalated",
    "msg.incident_duty",
    "msg.incident_report_recorded",
    "msg.carriers_imported",
    "msg.imported",
    "msg.asset_created",
    "msg.asset_saved",
    "msg.classified",
    "msg.assessed",
    "msg.carrier_linked",
    "msg.carrier_unlinked",
    "msg.carrier_created",
    "msg.carrier_saved",
    "msg.dependency_saved",
    "msg.acknowledged",
    "msg.remiss_answered",
    "msg.moved",
    "msg.signed_out",
    "msg.password_changed",
    "msg.uploaded",
    "msg.throttle_lifted",
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
        let pre_csrf = jar.get(pre_cookie(state.web.secure_cookies)).map(|c| c.value().to_owned());
        Ok(Ctx { state, lang, tr: Tr::new(lang), auth, path, htmx, msg, pre_csrf })
    }
}

/// The result of a page handler.
pub type PageResult = Result<Response, WebError>;

impl Ctx {
    /// The signed-in user, or a redirect to the sign-in page that comes back here.
    pub fn actor(&self) -> Result<&Actor, WebError> {
        self.auth.actor().ok_or_else(|| self.to_login())
    }

    fn to_login(&self) -> WebError {
        let next: String = percent_encoding::utf8_percent_encode(&self.path, percent_encoding::NON_ALPHANUMERIC).to_string();
        WebError::from(Redirect::to(&format!("/login?next={next}")).into_response())
    }

    /// The page shell for a page titled by catalogue key `title`.
    pub fn shell(&self, title: &str) -> Shell {
        self.shell_named(self.tr.t(title).to_owned())
    }

    /// The page shell with a title that is data (a unit's name, say).
    pub fn shell_named(&self, title: String) -> Shell {
        Shell::build(self.tr, self.lang, title, self.auth.actor(), &self.path, self.csrf(), self.msg)
    }

    /// The error page of `status`, in the user's language, within the shell.
    pub fn error_page_of(&self, status: StatusCode, key: &str, detail: Option<String>) -> Response {
        let shell = self.shell(key);
        let heading = shell.title.clone();
        let mut res = render(&ErrorPage { shell, status: status.as_u16(), heading, detail }, status);
        if self.htmx {
            // Let htmx swap error pages in too, so the user sees them.
            res.headers_mut().insert("hx-retarget", header::HeaderValue::from_static("body"));
        }
        res
    }

    /// The page that explains a use-case error.
    fn error_page(&self, e: &AppError) -> Response {
        let key = match e {
            AppError::Unauthenticated => return self.to_login().into_response(),
            AppError::Forbidden | AppError::Refused(..) => "err.forbidden",
            AppError::NotFound => "err.not_found",
            AppError::Locked(_) => "err.locked",
            AppError::Invalid(_) => "err.invalid",
            AppError::Conflict(..) => "err.conflict",
            AppError::Db(_) | AppError::Internal(_) => "err.internal",
        };
        let detail = match e {
            AppError::Conflict(code, args) | AppError::Refused(code, args) => Some(self.conflict_text(code, args)),
            // A mistake no form catches (a list's filter in the address, say): say what it is.
            AppError::Invalid(errs) => Some(errs.0.iter().map(|f| self.tr.t(&f.code)).collect::<Vec<_>>().join(" ")),
            _ => None,
        };
        self.error_page_of(status_of(e), key, detail)
    }

    /// The page for a request an extractor refused (see [`rejected`]), keeping its status.
    fn rejection_page(&self, status: StatusCode) -> Response {
        let (key, detail) = match status {
            StatusCode::METHOD_NOT_ALLOWED => ("err.not_found", "err.method_page"),
            StatusCode::PAYLOAD_TOO_LARGE => ("err.too_large", "err.too_large_page"),
            _ => ("err.bad_request", "err.bad_request_page"),
        };
        self.error_page_of(status, key, Some(self.tr.t(detail).to_owned()))
    }

    /// The text of a conflict in the page's language.
    pub fn conflict_text(&self, code: &str, args: &[(String, String)]) -> String {
        conflict_text(self.tr, code, args)
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
    // The message goes in the query, before any fragment ("/documents/7?msg=saved#remiss").
    let (path, frag) = to.split_once('#').map(|(p, f)| (p, format!("#{f}"))).unwrap_or((to, String::new()));
    let sep = if path.contains('?') { '&' } else { '?' };
    (StatusCode::SEE_OTHER, [(header::LOCATION, format!("{path}{sep}msg={msg}{frag}"))]).into_response()
}

/// Answers the pages' failures with the error page in the user's language, inside the shell
/// (layered on the page routes).
pub async fn page_failures(axum::extract::State(st): axum::extract::State<AppState>, req: Request, next: Next) -> Response {
    // Keep only what the error page needs (cheap clones); the context is built when a page
    // fails, not for every page.
    let lang = req.extensions().get::<Lang>().copied().unwrap_or_default();
    let auth = req.extensions().get::<Auth>().cloned().unwrap_or(Auth::Anonymous);
    let uri = req.uri().clone();
    let cookies: Vec<header::HeaderValue> = req.headers().get_all(header::COOKIE).iter().cloned().collect();
    let htmx = req.headers().get("hx-request").is_some();
    let res = next.run(req).await;
    let failure = res.extensions().get::<Failure>().cloned();
    if failure.is_none() && !rejected(&res) {
        return res;
    }
    let mut h = axum::http::HeaderMap::new();
    for c in cookies {
        h.append(header::COOKIE, c);
    }
    let pre_csrf = CookieJar::from_headers(&h).get(pre_cookie(st.web.secure_cookies)).map(|c| c.value().to_owned());
    let path = uri.path_and_query().map(|p| p.as_str().to_owned()).unwrap_or_else(|| "/".into());
    let ctx = Ctx { state: st, lang, tr: Tr::new(lang), auth, path, htmx, msg: None, pre_csrf };
    let mut out = match failure {
        Some(f) => ctx.error_page(&f.0),
        None => ctx.rejection_page(res.status()),
    };
    crate::respond::copy_request_id(&res, &mut out);
    if let Some(allow) = res.headers().get(header::ALLOW) {
        out.headers_mut().insert(header::ALLOW, allow.clone());
    }
    out
}

/// Whether `res` is an extractor's own answer rather than a page: axum's rejections (a query
/// or path value of the wrong form, a form that cannot be read, a wrong method, a body too
/// large) are plain text in English, so they get the error page instead.
fn rejected(res: &Response) -> bool {
    let status = res.status();
    let html = res.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("text/html"));
    !html
        && matches!(
            status,
            StatusCode::BAD_REQUEST
                | StatusCode::METHOD_NOT_ALLOWED
                | StatusCode::PAYLOAD_TOO_LARGE
                | StatusCode::UNSUPPORTED_MEDIA_TYPE
                | StatusCode::UNPROCESSABLE_ENTITY
        )
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    shell: Shell,
    status: u16,
    heading: String,
    detail: Option<String>,
}
