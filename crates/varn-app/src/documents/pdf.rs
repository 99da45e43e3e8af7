//! A document as PDF: the metadata table on top, as on the policy's first page, then the
//! text. Uses the PDF standard fonts (Helvetica) in WinAnsi encoding, which covers Swedish,
//! so nothing needs to be embedded.

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str};

const W: f32 = 595.0;
const H: f32 = 842.0;
const MARGIN: f32 = 56.0;

/// Encodes text in WinAnsi (Windows-1252); characters outside it become `?`.
pub fn winansi(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            '€' => 0x80,
            '‚' => 0x82,
            '„' => 0x84,
            '…' => 0x85,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            '§' => 0xA7,
            c if (' '..='~').contains(&c) => c as u8,
            c if ('\u{A0}'..='\u{FF}').contains(&c) => c as u32 as u8,
            _ => b'?',
        })
        .collect()
}

/// Splits text into lines of at most `width` points at `size` (Helvetica's average glyph
/// is about half an em wide; we err on the narrow side).
fn wrap(text: &str, size: f32, width: f32) -> Vec<String> {
    let max = ((width / (size * 0.53)) as usize).max(10);
    let mut lines = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > max {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

struct Writer {
    pages: Vec<Vec<u8>>,
    content: Content,
    y: f32,
}

impl Writer {
    fn new() -> Self {
        Writer { pages: Vec::new(), content: Content::new(), y: H - MARGIN }
    }

    fn ensure(&mut self, needed: f32) {
        if self.y - needed < MARGIN {
            let done = std::mem::replace(&mut self.content, Content::new());
            self.pages.push(done.finish());
            self.y = H - MARGIN;
        }
    }

    fn text(&mut self, x: f32, font: &[u8], size: f32, s: &str) {
        self.content.begin_text();
        self.content.set_font(Name(font), size);
        self.content.next_line(x, self.y);
        self.content.show(Str(&winansi(s)));
        self.content.end_text();
    }

    fn paragraph(&mut self, font: &[u8], size: f32, indent: f32, s: &str, bullet: bool) {
        let lines = wrap(s, size, W - 2.0 * MARGIN - indent);
        for (i, l) in lines.iter().enumerate() {
            self.ensure(size * 1.4);
            self.y -= size * 1.4;
            if bullet && i == 0 {
                self.text(MARGIN + indent - 10.0, font, size, "•");
            }
            self.text(MARGIN + indent, font, size, l);
        }
    }

    fn rule(&mut self) {
        self.content.set_line_width(0.5);
        self.content.move_to(MARGIN, self.y);
        self.content.line_to(W - MARGIN, self.y);
        self.content.stroke();
    }

    fn finish(mut self) -> Vec<Vec<u8>> {
        self.pages.push(self.content.finish());
        self.pages
    }
}

/// Renders a document: title, the metadata table (label, value), then the text's blocks
/// ([`super::render::blocks`]) and a footer line on every page.
pub fn document(title: &str, metadata: &[(String, String)], blocks: &[(&str, String)], footer: &str) -> Vec<u8> {
    assemble(title, layout(title, metadata, blocks), footer)
}

/// The content streams of the pages: title, metadata table, text.
fn layout(title: &str, metadata: &[(String, String)], blocks: &[(&str, String)]) -> Vec<Vec<u8>> {
    let mut w = Writer::new();
    w.paragraph(b"F2", 18.0, 0.0, title, false);
    w.y -= 10.0;
    // The metadata table: two label/value pairs a row, as on the policy's first page.
    let col = (W - 2.0 * MARGIN) / 2.0;
    for pair in metadata.chunks(2) {
        w.ensure(30.0);
        w.y -= 4.0;
        w.rule();
        w.y -= 11.0;
        for (i, (label, _)) in pair.iter().enumerate() {
            w.text(MARGIN + col * i as f32, b"F2", 8.5, label);
        }
        w.y -= 12.0;
        for (i, (_, value)) in pair.iter().enumerate() {
            let v: String = value.chars().take(60).collect();
            w.text(MARGIN + col * i as f32, b"F1", 10.0, &v);
        }
    }
    w.y -= 6.0;
    w.rule();
    w.y -= 12.0;
    for (kind, text) in blocks {
        match *kind {
            "h1" => {
                w.y -= 8.0;
                w.paragraph(b"F2", 15.0, 0.0, text, false)
            }
            "h2" => {
                w.y -= 6.0;
                w.paragraph(b"F2", 13.0, 0.0, text, false)
            }
            "h3" => {
                w.y -= 4.0;
                w.paragraph(b"F2", 11.0, 0.0, text, false)
            }
            "li" => w.paragraph(b"F1", 10.5, 16.0, text, true),
            _ => {
                w.y -= 4.0;
                w.paragraph(b"F1", 10.5, 0.0, text, false)
            }
        }
    }
    w.finish()
}

/// The PDF around the pages: catalogue, fonts, document info, and the footer on each page.
fn assemble(title: &str, pages: Vec<Vec<u8>>, footer: &str) -> Vec<u8> {
    let n = pages.len();
    let mut pdf = Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let f1 = Ref::new(3);
    let f2 = Ref::new(4);
    let info = Ref::new(5);
    let page_ids: Vec<Ref> = (0..n).map(|i| Ref::new(10 + 2 * i as i32)).collect();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids(page_ids.iter().copied()).count(n as i32);
    pdf.type1_font(f1).base_font(Name(b"Helvetica")).encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.type1_font(f2).base_font(Name(b"Helvetica-Bold")).encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.document_info(info).title(pdf_writer::TextStr(title)).producer(pdf_writer::TextStr("Värn"));
    for (i, body) in pages.into_iter().enumerate() {
        let content_id = Ref::new(11 + 2 * i as i32);
        let mut page = pdf.page(page_ids[i]);
        page.media_box(Rect::new(0.0, 0.0, W, H));
        page.parent(tree);
        page.contents(content_id);
        page.resources().fonts().pair(Name(b"F1"), f1).pair(Name(b"F2"), f2);
        page.finish();
        // The footer goes into the page's own stream.
        let mut foot = Content::new();
        foot.begin_text();
        foot.set_font(Name(b"F1"), 8.0);
        foot.next_line(MARGIN, MARGIN / 2.0);
        foot.show(Str(&winansi(&format!("{footer} – {}/{n}", i + 1))));
        foot.end_text();
        let mut all = body;
        all.push(b'\n');
        all.extend(foot.finish());
        pdf.stream(content_id, &all);
    }
    pdf.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_letters_are_encoded() {
        assert_eq!(winansi("åäö ÅÄÖ – §"), vec![0xE5, 0xE4, 0xF6, b' ', 0xC5, 0xC4, 0xD6, b' ', 0x96, b' ', 0xA7]);
        assert_eq!(winansi("漢"), b"?".to_vec());
    }

    #[test]
    fn a_long_text_makes_pages() {
        let md = (0..200).map(|i| format!("Stycke {i} om informationssäkerhet i staden.\n\n")).collect::<String>();
        let blocks = super::super::render::blocks(&md);
        let meta = vec![("Dokumenttyp".to_owned(), "Policy".to_owned()), ("Giltighetstid".to_owned(), "Tills vidare".to_owned())];
        let pdf = document("Informationssäkerhetspolicy", &meta, &blocks, "Värn");
        assert!(pdf.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&pdf);
        let pages = text.matches("/Type /Page\n").count() + text.matches("/Type /Page ").count() + text.matches("/Type /Page/").count();
        assert!(text.contains("/Count "), "page tree");
        assert!(pages >= 2 || text.matches("/MediaBox").count() >= 2, "200 paragraphs need more than one page");
        assert!(wrap("ett två tre fyra fem sex sju åtta nio tio elva tolv", 10.0, 60.0).len() > 1);
    }
}
