//! A governing document in words: the seed's metadata block, and the document as PDF.

use super::label;
use crate::i18n::Tr;
use varn_app::documents::{pdf, render as md, DocView};

fn date(tr: Tr, d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| tr.date(&d)).unwrap_or_else(|| tr.t("common.missing").to_owned())
}

/// The seed's metadata block (eight fields), then ours.
pub fn metadata(tr: Tr, v: &DocView) -> Vec<(String, String)> {
    let t = |k: &str| tr.t(k).to_owned();
    let ver = &v.version;
    // An empty value reads "uppgift saknas", not three dashes.
    let or_dash = |s: &Option<String>| s.clone().unwrap_or_else(|| tr.t("common.missing").to_owned());
    let mut rows = vec![
        (t("doc.field.doc_type"), label(tr, v.doc.doc_type)),
        (
            t("doc.field.validity"),
            ver.valid_until
                .map(|d| tr.tf("doc.validity.until_date", &[("date", &tr.date(&d))]))
                .unwrap_or_else(|| t("doc.validity.tills_vidare")),
        ),
        (t("doc.field.deciding_body"), decided_by(tr, v)),
        (t("doc.field.decision_date"), date(tr, ver.decision_date)),
        (
            t("doc.field.by_law"),
            if ver.by_law { format!("{} – {}", t("common.yes"), ver.law.clone().unwrap_or_default()) } else { t("common.no") },
        ),
        (t("doc.field.reviewed_on"), date(tr, v.doc.reviewed_on.filter(|_| ver.state != varn_domain::document::VersionState::Draft))),
        (t("doc.field.revision_date"), date(tr, ver.revision_date)),
        (t("doc.field.owner"), v.owner.as_ref().map(|o| format!("{} ({})", o.0, v.unit_name)).unwrap_or_else(|| v.unit_name.clone())),
        (t("doc.field.follow_up"), or_dash(&ver.follow_up)),
        (t("doc.field.diarienummer"), or_dash(&ver.diarienummer)),
        (t("doc.field.paragraph"), or_dash(&ver.paragraph)),
        (t("doc.field.applies_to"), if v.applies_to_root { t("doc.whole_city") } else { v.applies_to_name.clone() }),
        (t("doc.field.version"), format!("{} ({})", ver.number, label(tr, ver.state))),
    ];
    if let Some(from) = ver.valid_from {
        rows.push((t("doc.field.valid_from"), tr.date(&from)));
    }
    if let Some(c) = &ver.consulted {
        rows.push((t("doc.field.consulted"), c.clone()));
    }
    rows
}

/// "Kommunstyrelsen", or for an instruction "Godkänd av Karin Berg, förvaltningschef
/// (Socialförvaltningen)"; the body's name when the unit is not yet known.
fn decided_by(tr: Tr, v: &DocView) -> String {
    let ver = &v.version;
    if let Some((name, kind, unit)) = &v.decided.approver {
        let title = tr.t(&format!("doc.chef_title.{kind}")).to_owned();
        return tr.tf("doc.approved_by_text", &[("name", name), ("title", &title), ("unit", unit)]);
    }
    match (&v.decided.body_name, ver.deciding_body) {
        (Some(n), _) => n.clone(),
        (None, b) => label(tr, b),
    }
}

/// The version as a PDF to `c` (PDF/UA-1 to read, PDF/A-2a to archive), with its file name
/// (percent-encoded for the header).
pub fn pdf_of(tr: Tr, v: &DocView, c: pdf::Conformance) -> Result<(Vec<u8>, String), varn_app::AppError> {
    let meta = metadata(tr, v);
    let blocks = md::blocks(&v.version.body_md);
    let footer = format!("Värn – {} – {} {}", v.version.title, tr.t("doc.field.version"), v.version.number);
    let bytes =
        pdf::document(&v.version.title, &meta, &blocks, &footer, c).map_err(|e| varn_app::AppError::Internal(format!("pdf: {e}")))?;
    let suffix = if c == pdf::Conformance::A2a { " (PDF-A)" } else { "" };
    let name = format!("{}{suffix}.pdf", v.version.title);
    Ok((bytes, percent_encoding::utf8_percent_encode(&name, percent_encoding::NON_ALPHANUMERIC).to_string()))
}

/// Which PDF the query asks for: `archive=1` for PDF/A-2a, else PDF/UA-1.
pub fn conformance_of(archive: Option<&str>) -> pdf::Conformance {
    if matches!(archive, Some("1" | "true" | "yes")) {
        pdf::Conformance::A2a
    } else {
        pdf::Conformance::Ua1
    }
}

/// The PDF of document `id` (version `number`, else the one in force) as a download for
/// `actor`, rendered once per version, language and conformance until the next write (see
/// [`crate::AppState::pdfs`]). Who may read the version is decided at every request
/// ([`varn_app::documents::Documents::shown`]); the rest of the document's page, which only
/// the PDF's metadata needs, is read only when the PDF is not already kept.
pub async fn pdf_download(
    state: &crate::AppState,
    tr: Tr,
    actor: &varn_app::Actor,
    id: i64,
    number: Option<i32>,
    c: pdf::Conformance,
) -> Result<axum::response::Response, varn_app::AppError> {
    use axum::http::header;
    use axum::response::IntoResponse;
    let docs = state.app.documents();
    // Counted before the reads: a write committed meanwhile can only make this PDF's key the
    // older one, never keep a PDF made before the write under the newer.
    let writes = state.app.writes_committed();
    let shown = docs.shown(actor, id, number).await?;
    let key = (shown.version_id(), tr.lang.code(), c == pdf::Conformance::A2a, writes);
    let made = match state.pdfs.get(&key) {
        Some(made) => made,
        None => {
            let v = docs.view_of(actor, shown).await?;
            // Readers who miss at once wait for one rendering (as the other kept views do).
            state
                .pdfs
                .try_get_with(key, || pdf_of(tr, &v, c).map(|(bytes, name)| std::sync::Arc::new((axum::body::Bytes::from(bytes), name))))
                .map_err(|e| varn_app::AppError::Internal(e.to_string()))?
        }
    };
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename*=UTF-8''{}", made.1)),
        ],
        axum::body::Body::from(made.0.clone()),
    )
        .into_response())
}
