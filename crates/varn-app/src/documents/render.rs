//! Markdown to safe HTML, and readable differences between versions.

use super::Version;
use pulldown_cmark::{html, CowStr, Event, HeadingLevel, Options, Parser, Tag};
use serde::Serialize;

fn safe_url(u: &str) -> bool {
    let l = u.trim().to_ascii_lowercase();
    l.starts_with("https://") || l.starts_with("http://") || l.starts_with("mailto:") || l.starts_with('/') || l.starts_with('#')
}

/// A heading `shift` levels down (at most h6).
fn lower(level: HeadingLevel, shift: usize) -> HeadingLevel {
    const LEVELS: [HeadingLevel; 6] =
        [HeadingLevel::H1, HeadingLevel::H2, HeadingLevel::H3, HeadingLevel::H4, HeadingLevel::H5, HeadingLevel::H6];
    let at = LEVELS.iter().position(|l| *l == level).unwrap_or(0);
    LEVELS[(at + shift).min(5)]
}

/// How many bytes of texts and their HTML [`markdown_kept`] keeps.
const KEPT_HTML_BYTES: u64 = 32 << 20;

/// [`markdown`], kept by the text itself: a version's text is the same at every reading of
/// its page (the document page rendered it at each, a tenth of the page's instructions), and
/// a text edited is another key, so nothing kept is ever stale. At most 32 MB of texts and
/// their HTML, the least used let go first.
pub fn markdown_kept(md: &str) -> String {
    static KEPT: std::sync::LazyLock<moka::sync::Cache<String, std::sync::Arc<str>>> = std::sync::LazyLock::new(|| {
        moka::sync::Cache::builder()
            .weigher(|md: &String, html: &std::sync::Arc<str>| u32::try_from(md.len() + html.len()).unwrap_or(u32::MAX))
            .max_capacity(KEPT_HTML_BYTES)
            .build()
    });
    if let Some(html) = KEPT.get(md) {
        return html.to_string();
    }
    let html = markdown(md);
    KEPT.insert(md.to_owned(), html.as_str().into());
    html
}

/// Renders Markdown as HTML. Raw HTML in the text is shown as text, and links other than
/// http(s), mailto and local ones lose their target, so a document cannot carry script.
/// The text's headings start at h2, below the page's own h1 (the document's title): a text
/// written with `#` headings is moved down a level, its outline kept.
pub fn markdown(md: &str) -> String {
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let has_h1 = Parser::new_ext(md, opts).any(|ev| matches!(ev, Event::Start(Tag::Heading { level: HeadingLevel::H1, .. })));
    let shift = usize::from(has_h1);
    let events = Parser::new_ext(md, opts).map(|ev| match ev {
        Event::Start(Tag::Heading { level, id, classes, attrs }) => {
            Event::Start(Tag::Heading { level: lower(level, shift), id, classes, attrs })
        }
        Event::End(pulldown_cmark::TagEnd::Heading(level)) => Event::End(pulldown_cmark::TagEnd::Heading(lower(level, shift))),
        Event::Html(h) | Event::InlineHtml(h) => Event::Text(h),
        Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
            let dest_url = if safe_url(&dest_url) { dest_url } else { CowStr::Borrowed("#") };
            Event::Start(Tag::Link { link_type, dest_url, title, id })
        }
        // Images would load from anywhere (the CSP forbids it anyway): show the alt text.
        Event::Start(Tag::Image { .. }) => Event::Text(CowStr::Borrowed("")),
        Event::End(pulldown_cmark::TagEnd::Image) => Event::Text(CowStr::Borrowed("")),
        e => e,
    });
    let mut out = String::with_capacity(md.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// A block of the text as plain lines for the PDF: (kind, text), kind `h1`..`h3`, `li`, `p`.
pub fn blocks(md: &str) -> Vec<(&'static str, String)> {
    use pulldown_cmark::TagEnd;
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut kind = "p";
    for ev in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => {
                kind = match level {
                    pulldown_cmark::HeadingLevel::H1 => "h1",
                    pulldown_cmark::HeadingLevel::H2 => "h2",
                    _ => "h3",
                }
            }
            Event::Start(Tag::Item) => kind = "li",
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => cur.push_str(&t),
            Event::SoftBreak | Event::HardBreak => cur.push(' '),
            Event::End(TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell) => {
                let t = cur.trim().to_owned();
                if !t.is_empty() {
                    out.push((kind, t));
                }
                cur.clear();
                if !matches!(ev, Event::End(TagEnd::Paragraph)) || kind != "li" {
                    kind = "p";
                }
            }
            Event::End(TagEnd::List(_)) => kind = "p",
            _ => {}
        }
    }
    let t = cur.trim().to_owned();
    if !t.is_empty() {
        out.push((kind, t));
    }
    out
}

/// A metadata field that differs between two versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct FieldChange {
    /// Catalogue key of the field.
    pub field: String,
    /// Value in the older version.
    pub from: String,
    /// Value in the newer.
    pub to: String,
}

/// One line of a diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct DiffLine {
    /// `same`, `del` or `ins`.
    #[schema(value_type = String)]
    pub kind: &'static str,
    /// The line.
    pub text: String,
}

/// A line diff of two texts, unchanged stretches kept for context.
pub fn diff(a: &str, b: &str) -> Vec<DiffLine> {
    use similar::{ChangeTag, TextDiff};
    TextDiff::from_lines(a, b)
        .iter_all_changes()
        .map(|c| DiffLine {
            kind: match c.tag() {
                ChangeTag::Equal => "same",
                ChangeTag::Delete => "del",
                ChangeTag::Insert => "ins",
            },
            text: c.value().trim_end_matches('\n').to_owned(),
        })
        .collect()
}

/// The metadata fields that differ between two versions: (catalogue key, from, to).
pub fn metadata_changes(a: &Version, b: &Version) -> Vec<FieldChange> {
    let d = |x: Option<chrono::NaiveDate>| x.map(|d| d.to_string()).unwrap_or_default();
    let s = |x: &Option<String>| x.clone().unwrap_or_default();
    let fields: [(&'static str, String, String); 10] = [
        ("doc.field.title", a.title.clone(), b.title.clone()),
        ("doc.field.deciding_body", a.deciding_body.to_string(), b.deciding_body.to_string()),
        ("doc.field.decision_date", d(a.decision_date), d(b.decision_date)),
        ("doc.field.valid_until", d(a.valid_until), d(b.valid_until)),
        ("doc.field.by_law", a.by_law.to_string(), b.by_law.to_string()),
        ("doc.field.law", s(&a.law), s(&b.law)),
        ("doc.field.revision_date", d(a.revision_date), d(b.revision_date)),
        ("doc.field.follow_up", s(&a.follow_up), s(&b.follow_up)),
        ("doc.field.diarienummer", s(&a.diarienummer), s(&b.diarienummer)),
        ("doc.field.paragraph", s(&a.paragraph), s(&b.paragraph)),
    ];
    fields.into_iter().filter(|(_, x, y)| x != y).map(|(field, from, to)| FieldChange { field: field.to_owned(), from, to }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_cannot_carry_script() {
        let h = markdown("# Syfte\n\nText <script>alert(1)</script> och [länk](javascript:alert(1)) och [bra](https://stad.se).");
        assert!(h.contains("<h2>Syfte</h2>"), "below the page's own h1: {h}");
        assert!(!h.contains("<script>"), "{h}");
        assert!(h.contains("&lt;script&gt;"), "{h}");
        assert!(!h.contains("javascript:"), "{h}");
        assert!(h.contains("href=\"https://stad.se\""));
    }

    #[test]
    fn the_texts_headings_start_below_the_page_heading() {
        // Written with #: every level one down, the outline kept.
        let h = markdown("# Syfte\n\n## Ansvar\n\n###### Djupt\n\ntext");
        assert!(h.contains("<h2>Syfte</h2>") && h.contains("<h3>Ansvar</h3>") && h.contains("<h6>Djupt</h6>"), "{h}");
        assert!(!h.contains("<h1>"), "{h}");
        // Written with ## (as the seed's policy is): as written.
        let h = markdown("## Syfte\n\n### Mål");
        assert!(h.contains("<h2>Syfte</h2>") && h.contains("<h3>Mål</h3>"), "{h}");
    }

    #[test]
    fn a_kept_text_gives_its_own_html_and_an_edited_text_its_new_one() {
        let texts =
            ["# Syfte\n\nText <script>x</script>", "# Syfte\n\nText <script>y</script>", "", "## Mål\n\n| a | b |\n|---|---|\n| 1 | 2 |"];
        for round in 0..2 {
            for t in texts {
                assert_eq!(markdown_kept(t), markdown(t), "round {round}: {t}");
            }
        }
        // One letter edited is another text: its own HTML, not the kept one of the first.
        let (a, b) = (markdown_kept("Version *ett*"), markdown_kept("Version *två*"));
        assert!(a.contains("<em>ett</em>") && b.contains("<em>två</em>"), "{a} {b}");
    }

    #[test]
    fn diff_marks_changed_lines() {
        let d = diff("a\nb\nc\n", "a\nB\nc\n");
        let kinds: Vec<&str> = d.iter().map(|l| l.kind).collect();
        assert_eq!(kinds, vec!["same", "del", "ins", "same"]);
        assert_eq!(d[1].text, "b");
        assert_eq!(d[2].text, "B");
    }

    #[test]
    fn blocks_keep_headings_and_items() {
        let b = blocks("# Rubrik\n\nStycke ett\nfortsätter.\n\n- punkt ett\n- punkt två\n");
        assert_eq!(b[0], ("h1", "Rubrik".to_owned()));
        assert_eq!(b[1], ("p", "Stycke ett fortsätter.".to_owned()));
        assert_eq!(b[2], ("li", "punkt ett".to_owned()));
        assert_eq!(b[3], ("li", "punkt två".to_owned()));
    }
}
