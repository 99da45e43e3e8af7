//! How a module's things are put into words, shared by the pages and the API (the PDF of
//! a document, say): a leaf beside `respond`, knowing the catalogue and the use cases only.

pub mod documents;

use crate::i18n::Tr;
use varn_domain::Code;

/// The label of a code in the catalogue (`doc.status.gallande` → "Gällande").
pub fn label<C: Code>(tr: Tr, c: C) -> String {
    // The key put together on the stack: a list writes a few labels a row, and `format!` of
    // the key was most of this function's time.
    let (prefix, code) = (C::KEY.as_bytes(), c.as_str().as_bytes());
    let n = prefix.len() + 1 + code.len();
    let mut key = [0u8; 96];
    match key.get_mut(..n) {
        Some(k) => {
            k[..prefix.len()].copy_from_slice(prefix);
            k[prefix.len()] = b'.';
            k[prefix.len() + 1..].copy_from_slice(code);
            tr.t(std::str::from_utf8(k).unwrap_or_default()).to_owned()
        }
        None => tr.t(&c.key()).to_owned(),
    }
}

/// Every value of a code with its label, for a select or a filter.
pub fn options<C: Code>(tr: Tr) -> Vec<(&'static str, String)> {
    C::ALL.iter().map(|c| (c.as_str(), label(tr, *c))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use varn_domain::incident::types::{Category, Level, Status};

    /// Every label is the catalogue's text of the code's key, in both languages.
    fn each_is_its_keys_text<C: Code>() {
        for lang in [Lang::Sv, Lang::En] {
            let tr = Tr::new(lang);
            for c in C::ALL {
                let key = c.key();
                assert!(tr.has(&key), "{key} in the catalogue");
                assert_eq!(label(tr, *c), tr.t(&key), "{key}");
            }
        }
    }

    #[test]
    fn a_label_is_the_text_of_its_code_in_the_catalogue() {
        each_is_its_keys_text::<Status>();
        each_is_its_keys_text::<Category>();
        each_is_its_keys_text::<Level>();
        assert_eq!(label(Tr::new(Lang::Sv), Status::UnderUtredning), "Under utredning");
        assert_eq!(label(Tr::new(Lang::En), Status::UnderUtredning), "Under investigation");
    }

    /// A text as the page templates write it: through askama's HTML escaper (vendored, with
    /// its eight- and sixteen-bytes-at-a-time scans: vendor/askama/VARN-PATCH.md).
    #[derive(askama::Template)]
    #[template(source = "{{ text }}", ext = "html")]
    struct Escaped<'a> {
        text: &'a str,
    }

    /// The escaper every template uses: what it writes is what escaping each character on its
    /// own writes, for every special character at every place in a text long enough for the
    /// words of eight bytes, with two-byte letters around it, and for texts with none.
    #[test]
    fn the_html_escaper_writes_what_a_plain_escaper_writes() {
        use askama::Template;
        let plain = |s: &str| {
            s.chars()
                .map(|c| match c {
                    '"' => "&#34;".to_owned(),
                    '&' => "&#38;".to_owned(),
                    '\'' => "&#39;".to_owned(),
                    '<' => "&#60;".to_owned(),
                    '>' => "&#62;".to_owned(),
                    c => c.to_string(),
                })
                .collect::<String>()
        };
        let mut texts = vec![String::new(), "Åtgärdsplan för kärnverksamhet, 2026".to_owned(), "x".repeat(17)];
        let specials = ['"', '&', '\'', '<', '>'];
        for (k, special) in specials.iter().enumerate() {
            for at in 0..20 {
                let mut t: String = "ä".repeat(at / 2) + &"b".repeat(at % 2);
                t.push(*special);
                t.push_str(&"öv".repeat(k + 3));
                t.push(specials[(k + at) % specials.len()]);
                texts.push(t);
            }
        }
        // Shorter than a word, a word, a word and a few, sixteen bytes (scanned at once on
        // x86_64), and up to two blocks and a tail: each special at each place.
        for n in 1..=40 {
            for at in 0..n {
                texts.push((0..n).map(|i| if i == at { specials[(n + at) % specials.len()] } else { 'a' }).collect());
            }
        }
        texts.push("<script>alert('x')</script> & \"quoted\"".to_owned());
        for text in &texts {
            let written = Escaped { text }.render().map_err(|e| e.to_string());
            assert_eq!(written, Ok(plain(text)), "{text:?}");
        }
        assert_eq!(Escaped { text: "Kö < 5 & \"A\"" }.render().ok().as_deref(), Some("Kö &#60; 5 &#38; &#34;A&#34;"));
    }
}
