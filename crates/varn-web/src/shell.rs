//! The page shell (header, navigation, language switch, footer), error pages, and the
//! form state that brings input and messages back to the user.

use crate::i18n::{Lang, Tr};
use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use varn_app::Actor;
use varn_domain::{FieldErrors, Permission};

/// A navigation entry.
pub struct NavItem {
    /// Where.
    pub href: &'static str,
    /// Translated label.
    pub label: String,
    /// Whether this is the current section.
    pub current: bool,
}

/// What every page's frame needs.
pub struct Shell {
    /// Translator.
    pub tr: Tr,
    /// `lang` attribute.
    pub lang: &'static str,
    /// Page title.
    pub title: String,
    /// Name of the signed-in user.
    pub user_name: Option<String>,
    /// CSRF token for forms.
    pub csrf: String,
    /// Navigation.
    pub nav: Vec<NavItem>,
    /// A message after a redirect.
    pub msg: Option<String>,
    /// Link that switches language and comes back here.
    pub switch_href: String,
    /// Label of that link, in the other language.
    pub switch_label: String,
    /// `lang` of that label.
    pub switch_lang: &'static str,
}

/// Who sees a module in the menu.
fn everyone(_: &Actor) -> bool {
    true
}

/// The registers of information, risks, controls and suppliers: those who keep or read them
/// (owners, heads, the samordnare, the auditor, the system administrator), not every employee.
fn registers(a: &Actor) -> bool {
    [Permission::AssetRead, Permission::AssetOwn, Permission::IncidentRead].into_iter().any(|p| a.access.can_somewhere(p))
}

/// Follow-up: the heads, the samordnare and the auditor.
fn follow_up(a: &Actor) -> bool {
    a.access.can_somewhere(Permission::Supervise)
}

/// A module in the menu: where, its label's key, and who sees it.
type MenuModule = (&'static str, &'static str, fn(&Actor) -> bool);

/// The modules in the menu, each with who sees it (a module not built yet shows only to the
/// roles that will use it).
const MODULES: [MenuModule; 8] = [
    ("/documents", "nav.documents", everyone),
    ("/assets", "nav.assets", registers),
    ("/risks", "nav.risks", registers),
    ("/controls", "nav.controls", registers),
    ("/suppliers", "nav.suppliers", registers),
    ("/incidents", "nav.incidents", everyone),
    ("/training", "nav.training", everyone),
    ("/governance", "nav.governance", follow_up),
];

impl Shell {
    /// The shell for a page titled `title`, for `who` (none when signed out), at `path`.
    pub fn build(tr: Tr, lang: Lang, title: String, who: Option<&Actor>, path: &str, csrf: String, msg: Option<&str>) -> Self {
        let cur = path.split('?').next().unwrap_or("/");
        let mut nav = Vec::new();
        let mut item = |href: &'static str, key: &str| {
            let current = if href == "/" { cur == "/" || cur.starts_with("/tasks") } else { cur.starts_with(href) };
            nav.push(NavItem { href, label: tr.t(key).to_owned(), current });
        };
        if let Some(a) = who {
            item("/", "nav.tasks");
            for (href, key, sees) in MODULES {
                if sees(a) {
                    item(href, key);
                }
            }
            item("/org", "nav.org");
            if a.access.can_somewhere(Permission::UserRead) {
                item("/users", "nav.users");
            }
            if a.access.can_somewhere(Permission::AuditRead) {
                item("/audit", "nav.audit");
            }
        }
        let other = lang.other();
        let back: String = percent_encoding::utf8_percent_encode(path, percent_encoding::NON_ALPHANUMERIC).to_string();
        Shell {
            tr,
            lang: lang.code(),
            title,
            user_name: who.map(|a| a.display_name.clone()),
            csrf,
            nav,
            msg: msg.map(|m| tr.t(m).to_owned()),
            switch_href: format!("/lang?to={}&back={back}", other.code()),
            switch_label: Tr::new(other).t("lang.name").to_owned(),
            switch_lang: other.code(),
        }
    }

    /// Whether the user came with a session (the sign-out button shows).
    pub fn signed_in(&self) -> bool {
        self.user_name.is_some()
    }
}

/// Renders a template, or logs and answers 500 if it cannot.
pub fn render<T: Template>(t: &T, status: StatusCode) -> Response {
    match render_sized(t) {
        Ok(html) if status == StatusCode::UNPROCESSABLE_ENTITY => (status, Html(name_fields_in_summary(html))).into_response(),
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "template error").into_response()
        }
    }
}

/// The length of the last page rendered from each template (by a hash of its type's name, 64
/// slots: two templates sharing one only start from a worse guess).
static LAST_LENGTH: [AtomicUsize; 64] = [const { AtomicUsize::new(0) }; 64];

/// Renders `t` into a buffer the size of its template's last page and an eighth, so that a
/// long page (a hundred rows: 100 KB) is not copied each time its buffer doubles.
fn render_sized<T: Template>(t: &T) -> askama::Result<String> {
    let slot = &LAST_LENGTH[std::any::type_name::<T>().bytes().fold(0usize, |h, b| h.wrapping_mul(31).wrapping_add(b as usize)) % 64];
    let last = slot.load(Ordering::Relaxed);
    let mut buf = String::with_capacity(T::SIZE_HINT.max(last + last / 8));
    t.render_into(&mut buf)?;
    slot.store(buf.len(), Ordering::Relaxed);
    Ok(buf)
}

/// A minimal error page for middleware, which has no context.
pub fn bare_error_page(tr: Tr, message: &str, detail: Option<&str>) -> String {
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let detail = detail.map(|d| format!("<p>{}</p>", esc(d))).unwrap_or_default();
    format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><link rel=\"stylesheet\" href=\"/static/varn.css\"></head>\
         <body><main id=\"main\" class=\"container\"><h1>{}</h1>{detail}<p><a href=\"/\">{}</a></p></main></body></html>",
        tr.lang.code(),
        esc(message),
        esc(message),
        esc(tr.t("err.back_home"))
    )
}

/// A form's values and its translated errors, so it can come back intact.
#[derive(Default)]
pub struct FormState {
    values: HashMap<String, String>,
    errors: Vec<(String, String)>,
}

impl FormState {
    /// An empty form.
    pub fn new() -> Self {
        Self::default()
    }

    /// A form filled with values.
    pub fn with(values: &[(&str, &str)]) -> Self {
        FormState { values: values.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect(), errors: vec![] }
    }

    /// Adds the translated errors of a validation.
    pub fn errors(mut self, tr: Tr, e: &FieldErrors) -> Self {
        for fe in &e.0 {
            self.errors.push((fe.field.clone(), tr.t(&fe.code).to_owned()));
        }
        self
    }

    /// Adds one translated error.
    pub fn error(mut self, field: &str, text: String) -> Self {
        self.errors.push((field.to_owned(), text));
        self
    }

    /// Sets a field's value (a default the page fills in).
    pub fn set(&mut self, k: &str, v: &str) {
        self.values.insert(k.to_owned(), v.to_owned());
    }

    /// The value of a field ("" when none).
    pub fn v(&self, k: &str) -> &str {
        self.values.get(k).map(String::as_str).unwrap_or("")
    }

    /// Whether `k` has the value `v` (for selects).
    pub fn is(&self, k: &str, v: &str) -> bool {
        self.v(k) == v
    }

    /// The error of a field.
    pub fn e(&self, k: &str) -> Option<&str> {
        self.errors.iter().find(|(f, _)| f == k).map(|(_, m)| m.as_str())
    }

    /// Whether the field has an error.
    pub fn has(&self, k: &str) -> bool {
        self.e(k).is_some()
    }

    /// All errors, for the summary at the top of the form.
    pub fn all_errors(&self) -> &[(String, String)] {
        &self.errors
    }

    /// Whether there is any error.
    pub fn failed(&self) -> bool {
        !self.errors.is_empty()
    }
}

/// A form that came back with mistakes: each line of its error summary names its field by the
/// field's own label on the page ("Titel: Fyll i fältet."), so that the summary reads the same
/// with or without the page's script. Lines whose field has no label (a group of choices under
/// a legend) are left for the script.
pub fn name_fields_in_summary(html: String) -> String {
    let Some(start) = html.find("id=\"error-summary\"") else { return html };
    let end = html[start..].find("</div>").map_or(html.len(), |e| start + e);
    let mut out = String::with_capacity(html.len() + 256);
    out.push_str(&html[..start]);
    let mut rest = &html[start..end];
    const LINK: &str = "<a href=\"#";
    while let Some(i) = rest.find(LINK) {
        let after = &rest[i + LINK.len()..];
        let (Some(q), Some(gt)) = (after.find('"'), after.find('>')) else { break };
        let head = i + LINK.len() + gt + 1;
        out.push_str(&rest[..head]);
        rest = &rest[head..];
        if let Some(label) = label_of(&html, &after[..q]).filter(|l| !rest.starts_with(l.as_str())) {
            let sep = if label.ends_with(['?', '!', '.']) { " " } else { ": " };
            out.push_str(&format!("<strong>{label}{sep}</strong>"));
        }
    }
    out.push_str(rest);
    out.push_str(&html[end..]);
    out
}

/// The text of the label of the field with id `id` (already escaped), without its marks.
fn label_of(html: &str, id: &str) -> Option<String> {
    let i = html.find(&format!("<label for=\"{id}\""))?;
    let from = i + html[i..].find('>')? + 1;
    let inner = &html[from..from + html[from..].find("</label>")?];
    let mut text = String::with_capacity(inner.len());
    let mut in_tag = false;
    for c in inner.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = text.trim_end_matches([':', '*']).trim_end();
    (!text.is_empty()).then(|| text.to_owned())
}
