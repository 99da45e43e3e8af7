//! A document as PDF, a public document: the title, the metadata table of the policy's first
//! page, then the text. Tagged (headings, paragraphs, lists, the table with its header
//! cells, in reading order, `/Lang sv`), with DejaVu Sans embedded (subset) so that Å, Ä, Ö
//! and any other character it covers print as themselves. krilla checks the chosen
//! conformance while it writes the file and refuses to write one that breaks it: PDF/UA-1
//! for reading, PDF/A-2a for archiving.

use krilla::configure::{Configuration, Validator};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::Metadata;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::Stroke;
use krilla::surface::Surface;
use krilla::tagging::{ArtifactType, ContentTag, Identifier, ListNumbering, SpanTag, TableHeaderScope, Tag, TagGroup, TagTree};
use krilla::text::{Font, TextDirection};
use krilla::{Document, SerializeSettings};
use std::num::NonZeroU16;
use std::sync::OnceLock;

const W: f32 = 595.0;
const H: f32 = 842.0;
const MARGIN: f32 = 56.0;

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// The standard a PDF is written to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conformance {
    /// PDF/UA-1 (ISO 14289-1): accessible, for reading.
    Ua1,
    /// PDF/A-2a (ISO 19005-2, level A: tagged): for archiving.
    A2a,
}

/// The bundled faces (regular, bold); none if they do not parse (they always do: a unit
/// test writes a PDF with both).
fn fonts() -> Option<&'static (Font, Font)> {
    static F: OnceLock<Option<(Font, Font)>> = OnceLock::new();
    F.get_or_init(|| Some((Font::new(REGULAR.into(), 0)?, Font::new(BOLD.into(), 0)?))).as_ref()
}

/// `text` with every character the bundled font lacks shown as `□` (a PDF/UA or PDF/A file
/// may not draw a missing glyph; DejaVu Sans covers Latin, Greek, Cyrillic, Hebrew and
/// Arabic letters, not CJK ideographs or emoji). Control characters are dropped.
fn printable(text: &str) -> String {
    use skrifa::{FontRef, MetadataProvider};
    static FACES: OnceLock<Vec<FontRef<'static>>> = OnceLock::new();
    let faces = FACES.get_or_init(|| [REGULAR, BOLD].into_iter().filter_map(|d| FontRef::new(d).ok()).collect());
    // A character drawn in bold must be in the bold face too. The character maps are found
    // once per text, not once per character.
    let maps: Vec<_> = faces.iter().map(|f| f.charmap()).collect();
    let covered = |c: char| maps.len() == 2 && maps.iter().all(|m| m.map(c).is_some());
    text.chars().filter(|c| !c.is_control()).map(|c| if c == ' ' || covered(c) { c } else { '□' }).collect()
}

/// Splits text into lines of at most `width` points at `size` (DejaVu Sans averages a little
/// over half an em a character; we err on the narrow side). Every line but the last keeps
/// its trailing space, so that the words stay apart for whoever reads the text out.
fn wrap(text: &str, size: f32, width: f32, bold: bool) -> Vec<String> {
    let max = ((width / (size * if bold { 0.62 } else { 0.57 })) as usize).max(10);
    let mut lines = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > max {
            cur.push(' ');
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    lines
}

/// One line of text to draw, tagged as a span.
struct Line {
    x: f32,
    y: f32,
    bold: bool,
    size: f32,
    text: String,
}

/// Where the text sits: lines per page, grouped by the structure they belong to.
struct Layout {
    pages: Vec<Vec<(usize, Line)>>,
    y: f32,
}

impl Layout {
    fn new() -> Self {
        Layout { pages: vec![vec![]], y: MARGIN }
    }

    fn ensure(&mut self, needed: f32) {
        if self.y + needed > H - MARGIN {
            self.pages.push(vec![]);
            self.y = MARGIN;
        }
    }

    /// Lays out `text` as lines of structure element `elem`.
    fn block(&mut self, elem: usize, text: &str, size: f32, bold: bool, indent: f32) {
        for l in wrap(&printable(text), size, W - 2.0 * MARGIN - indent, bold) {
            self.ensure(size * 1.4);
            self.y += size * 1.4;
            let line = Line { x: MARGIN + indent, y: self.y, bold, size, text: l };
            if let Some(page) = self.pages.last_mut() {
                page.push((elem, line));
            }
        }
    }
}

/// The document's structure: each element's tag, in reading order.
enum Elem {
    Heading(u16, String),
    Para,
    /// A list item: its label (the bullet) and its body.
    Item,
    /// A metadata row: header cell, data cell.
    Th,
    Td,
}

/// Renders a document: title, the metadata table (label, value), then the text's blocks
/// ([`super::render::blocks`]) and a footer line on every page, to `conformance`. An error
/// names what broke it (it should not happen: the test suite writes every kind of block).
pub fn document(
    title: &str,
    metadata: &[(String, String)],
    blocks: &[(&str, String)],
    footer: &str,
    conformance: Conformance,
) -> Result<Vec<u8>, String> {
    let mut elems: Vec<Elem> = Vec::new();
    let mut lay = Layout::new();
    elems.push(Elem::Heading(1, title.to_owned()));
    lay.block(0, title, 18.0, true, 0.0);
    lay.y += 10.0;
    for (label, value) in metadata {
        lay.ensure(28.0);
        let (th, td) = (elems.len(), elems.len() + 1);
        elems.push(Elem::Th);
        elems.push(Elem::Td);
        let top = lay.y;
        lay.block(th, label, 9.0, true, 0.0);
        lay.y = top;
        lay.block(td, value, 10.0, false, 150.0);
    }
    lay.y += 12.0;
    for (kind, text) in blocks {
        let e = elems.len();
        let (size, bold, indent, gap) = match *kind {
            "h1" => (15.0, true, 0.0, 8.0),
            "h2" => (13.0, true, 0.0, 6.0),
            "h3" => (11.0, true, 0.0, 4.0),
            "li" => (10.5, false, 16.0, 0.0),
            _ => (10.5, false, 0.0, 4.0),
        };
        elems.push(match *kind {
            "h1" => Elem::Heading(2, text.clone()),
            "h2" => Elem::Heading(3, text.clone()),
            "h3" => Elem::Heading(4, text.clone()),
            "li" => Elem::Item,
            _ => Elem::Para,
        });
        lay.y += gap;
        lay.block(e, text, size, bold, indent);
    }
    write(title, &elems, lay.pages, footer, conformance)
}

/// Draws the pages and builds the tag tree from what each line belongs to.
fn write(title: &str, elems: &[Elem], pages: Vec<Vec<(usize, Line)>>, footer: &str, conformance: Conformance) -> Result<Vec<u8>, String> {
    let validator = match conformance {
        Conformance::Ua1 => Validator::UA1,
        Conformance::A2a => Validator::A2_A,
    };
    let settings =
        SerializeSettings { configuration: Configuration::new_with_validator(validator), enable_tagging: true, ..Default::default() };
    let mut doc = Document::new_with(settings);
    let (regular, bold) = fonts().ok_or("the bundled font does not parse")?;
    // The identifiers of each element's lines (and a list item's bullet), in page order.
    let mut spans: Vec<Vec<Identifier>> = elems.iter().map(|_| Vec::new()).collect();
    let mut bullets: Vec<Option<Identifier>> = elems.iter().map(|_| None).collect();
    let n = pages.len();
    // The outline (bookmarks): the title, with the text's headings under it.
    let mut marks: Vec<(u16, OutlineNode)> = Vec::new();
    for (i, lines) in pages.into_iter().enumerate() {
        let mut page = doc.start_page_with(PageSettings::from_wh(W, H).ok_or("page size")?);
        let mut s = page.surface();
        for (e, l) in lines {
            let font = if l.bold { bold.clone() } else { regular.clone() };
            if matches!(elems[e], Elem::Item) && bullets[e].is_none() {
                let id = s.start_tagged(ContentTag::Span(SpanTag::empty()));
                s.draw_text(Point::from_xy(l.x - 10.0, l.y), regular.clone(), l.size, "•", false, TextDirection::Auto);
                s.end_tagged();
                bullets[e] = Some(id);
            }
            if let (Elem::Heading(level, text), true) = (&elems[e], spans[e].is_empty()) {
                marks.push((*level, OutlineNode::new(text.clone(), XyzDestination::new(i, Point::from_xy(l.x, l.y - l.size)))));
            }
            let id = s.start_tagged(ContentTag::Span(SpanTag::empty()));
            s.draw_text(Point::from_xy(l.x, l.y), font, l.size, &l.text, false, TextDirection::Auto);
            s.end_tagged();
            spans[e].push(id);
        }
        page_footer(&mut s, regular, &format!("{footer} – {}/{n}", i + 1));
        s.finish();
        page.finish();
    }
    doc.set_tag_tree(tree(elems, spans, bullets));
    doc.set_outline(outline(marks));
    use chrono::{Datelike, Timelike};
    let now = chrono::Utc::now();
    let created = krilla::metadata::DateTime::new(now.year() as u16)
        .month(now.month() as u8)
        .day(now.day() as u8)
        .hour(now.hour() as u8)
        .minute(now.minute() as u8)
        .second(now.second() as u8)
        .utc_offset_hour(0)
        .utc_offset_minute(0);
    doc.set_metadata(Metadata::new().title(title.to_owned()).language("sv".into()).producer("Värn".into()).creation_date(created));
    doc.finish().map_err(|e| format!("{e:?}"))
}

/// The bookmarks: the title, with the text's headings under it.
fn outline(marks: Vec<(u16, OutlineNode)>) -> Outline {
    let mut outline = Outline::new();
    let mut marks = marks.into_iter();
    if let Some((_, mut top)) = marks.next() {
        for (_, m) in marks {
            top.push_child(m);
        }
        outline.push_child(top);
    }
    outline
}

/// The footer and the rule above it: pagination, not part of the text.
fn page_footer(s: &mut Surface, font: &Font, text: &str) {
    s.start_tagged(ContentTag::Artifact(ArtifactType::Footer));
    let mut pb = PathBuilder::new();
    pb.move_to(MARGIN, H - MARGIN + 8.0);
    pb.line_to(W - MARGIN, H - MARGIN + 8.0);
    if let Some(path) = pb.finish() {
        s.set_stroke(Some(Stroke { width: 0.5, ..Default::default() }));
        s.draw_path(&path);
        s.set_stroke(None);
    }
    s.draw_text(Point::from_xy(MARGIN, H - MARGIN / 2.0), font.clone(), 8.0, text, false, TextDirection::Auto);
    s.end_tagged();
}

/// The tag tree: H1 title, the metadata as a table of rows (header cell, data cell), then
/// headings, paragraphs and lists (consecutive items in one list) in reading order.
fn tree(elems: &[Elem], mut spans: Vec<Vec<Identifier>>, mut bullets: Vec<Option<Identifier>>) -> TagTree {
    let mut root = TagTree::new().with_lang(Some("sv".into()));
    let mut table = TagGroup::new(Tag::Table);
    let mut list: Option<TagGroup> = None;
    let mut row: Option<TagGroup> = None;
    for (i, e) in elems.iter().enumerate() {
        let mut group = match e {
            Elem::Heading(level, text) => TagGroup::new(Tag::Hn(NonZeroU16::new(*level).unwrap_or(NonZeroU16::MIN), Some(text.clone()))),
            Elem::Para => TagGroup::new(Tag::P),
            Elem::Item => TagGroup::new(Tag::LBody),
            Elem::Th => TagGroup::new(Tag::TH(TableHeaderScope::Row)),
            Elem::Td => TagGroup::new(Tag::TD),
        };
        for id in std::mem::take(&mut spans[i]) {
            group.push(id);
        }
        if !matches!(e, Elem::Item) {
            if let Some(l) = list.take() {
                root.push(l);
            }
        }
        match e {
            Elem::Th => row = Some(TagGroup::with_children(Tag::TR, vec![group.into()])),
            Elem::Td => {
                let mut r = row.take().unwrap_or_else(|| TagGroup::new(Tag::TR));
                r.push(group);
                table.push(r);
                // The last row in: the table takes its place after the title.
                if !matches!(elems.get(i + 1), Some(Elem::Th)) {
                    root.push(std::mem::replace(&mut table, TagGroup::new(Tag::Table)));
                }
            }
            Elem::Item => {
                let mut item = TagGroup::new(Tag::LI);
                if let Some(b) = bullets[i].take() {
                    item.push(TagGroup::with_children(Tag::Lbl, vec![b.into()]));
                }
                item.push(group);
                list.get_or_insert_with(|| TagGroup::new(Tag::L(ListNumbering::Disc))).push(item);
            }
            Elem::Heading(..) | Elem::Para => root.push(group),
        }
    }
    if let Some(l) = list.take() {
        root.push(l);
    }
    root
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(paragraphs: usize) -> (Vec<(String, String)>, String) {
        let md = format!(
            "## Syfte\n\nÅtgärder för öppenhet, ärlighet – och Ω ≥ 5 ✓.\n\n- första punkten\n- andra punkten\n\n{}",
            (0..paragraphs).map(|i| format!("Stycke {i} om informationssäkerhet i staden.\n\n")).collect::<String>()
        );
        let meta = vec![("Dokumenttyp".to_owned(), "Policy".to_owned()), ("Giltighetstid".to_owned(), "Tills vidare".to_owned())];
        (meta, md)
    }

    #[test]
    fn a_long_text_makes_pages_in_both_conformances() {
        let (meta, md) = sample(200);
        let blocks = super::super::render::blocks(&md);
        for c in [Conformance::Ua1, Conformance::A2a] {
            let made = document("Informationssäkerhetspolicy", &meta, &blocks, "Värn", c);
            assert!(made.is_ok(), "{c:?}: {made:?}");
            let pdf = made.unwrap_or_default();
            assert!(pdf.starts_with(b"%PDF-"));
            let text = String::from_utf8_lossy(&pdf);
            assert!(text.matches("/MediaBox").count() >= 3, "{c:?}: 200 paragraphs need pages");
            // Tagged, in Swedish, fonts embedded, and the standard declared in the XMP.
            for marker in ["/StructTreeRoot", "/MarkInfo", "/Lang", "/FontFile2", "/ToUnicode", "/Outlines"] {
                assert!(text.contains(marker), "{c:?}: {marker}");
            }
            let claim = if c == Conformance::Ua1 { "pdfuaid:part>1<" } else { "pdfaid:part>2<" };
            assert!(text.contains(claim) || text.contains(&claim.replace(">", "=\"").replace("<", "\"")), "{c:?}: {claim}");
        }
        assert_eq!(printable("Åäö Ω ≥ 漢 ✓\u{7}"), "Åäö Ω ≥ □ ✓", "what the font lacks shows as a box, never as ?");
        // A character the font lacks still makes a valid file (validation refuses .notdef).
        let odd = super::super::render::blocks("Namn: 王小明 😀");
        assert!(document("T", &meta, &odd, "V", Conformance::Ua1).is_ok());
        assert!(wrap("ett två tre fyra fem sex sju åtta nio tio elva tolv", 10.0, 60.0, false).len() > 1);
        assert_eq!(wrap("ett två", 10.0, 500.0, false), vec!["ett två"]);
        assert!(wrap("ett två tre fyra fem sex sju åtta nio tio elva tolv", 10.0, 60.0, false)[0].ends_with(' '), "words stay apart");
    }
}
