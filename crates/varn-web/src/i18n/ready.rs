//! Catalogue patterns made ready at start: most strings written without Fluent's resolver.

use super::{group, Lang};

/// A piece of a catalogue pattern made ready at start, so that [`super::Tr::tf`] writes most strings
/// without Fluent's resolver (its argument list, its lookups by name and, for a plural, the
/// plural rules behind a lock shared by every thread).
#[derive(Debug)]
pub(super) enum Piece {
    /// Text as it stands.
    Text(Box<str>),
    /// An argument's value (a whole number grouped as Fluent's formatter groups it).
    Arg(Box<str>),
    /// A choice by an argument: by its plural category when it is a whole number (`one` or
    /// `other`: Swedish and English have only those for whole numbers), else by the text
    /// itself; the default variant when no key matches.
    Choice { arg: Box<str>, variants: Box<[Variant]>, default: usize },
}

/// A choice's variant: its key and its pieces.
pub(super) type Variant = (Box<str>, Box<[Piece]>);

/// A key's message: ready pieces, or left to Fluent (what [`ready`] does not know).
#[derive(Debug)]
pub(super) enum Ready {
    Pieces(Box<[Piece]>),
    Fluent,
}

pub(super) type ReadyMap = rustc_hash::FxHashMap<String, Ready>;

/// `pattern` as ready pieces when it uses nothing but text, arguments and choices by an
/// argument between identifier keys; `None` for anything else (Fluent formats it).
pub(super) fn ready(pattern: &fluent_syntax::ast::Pattern<&str>) -> Option<Box<[Piece]>> {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement, VariantKey};
    let mut out = Vec::with_capacity(pattern.elements.len());
    for e in &pattern.elements {
        out.push(match e {
            PatternElement::TextElement { value } => Piece::Text((*value).into()),
            PatternElement::Placeable { expression: Expression::Inline(InlineExpression::VariableReference { id }) } => {
                Piece::Arg(id.name.into())
            }
            PatternElement::Placeable {
                expression: Expression::Select { selector: InlineExpression::VariableReference { id }, variants },
            } => {
                let mut vs = Vec::with_capacity(variants.len());
                for v in variants {
                    let VariantKey::Identifier { name } = v.key else { return None };
                    vs.push((Box::<str>::from(name), ready(&v.value)?));
                }
                Piece::Choice { arg: id.name.into(), variants: vs.into(), default: variants.iter().position(|v| v.default)? }
            }
            PatternElement::Placeable { .. } => return None,
        });
    }
    Some(out.into())
}

/// `v` as the whole number [`super::Tr::tf`] hands Fluent as a number (plural forms choose by it),
/// or `None` for text: digits with an optional minus, no leading zero, under 16 characters.
pub(super) fn number(v: &str) -> Option<i64> {
    let numeric = !v.is_empty()
        && v.len() < 16
        && (v.bytes().all(|b| b.is_ascii_digit()) || (v.starts_with('-') && v[1..].bytes().all(|b| b.is_ascii_digit())));
    match v.parse::<i64>() {
        Ok(n) if numeric && (n == 0 || !v.trim_start_matches('-').starts_with('0')) => Some(n),
        _ => None,
    }
}

/// An argument's value: text (a whole number in it is read as one, as Fluent reads it), or a
/// whole number given as one ([`super::Tr::tfn`]: no text made and read back).
#[derive(Clone, Copy)]
pub(super) enum Val<'a> {
    Text(&'a str),
    Num(i64),
}

/// Writes `pieces` with `args` into `out` as Fluent would (numbers grouped in `lang`'s
/// style); `None` when an argument is missing (Fluent then writes it and says so).
pub(super) fn write_ready(out: &mut String, pieces: &[Piece], args: &[(&str, &str)], lang: Lang) -> Option<()> {
    write_with(out, pieces, &|name: &str| args.iter().find(|(k, _)| *k == name).map(|(_, v)| Val::Text(v)), lang)
}

/// [`write_ready`] with whole numbers for arguments.
pub(super) fn write_ready_n(out: &mut String, pieces: &[Piece], args: &[(&str, i64)], lang: Lang) -> Option<()> {
    write_with(out, pieces, &|name: &str| args.iter().find(|(k, _)| *k == name).map(|(_, v)| Val::Num(*v)), lang)
}

fn write_with<'a, F: Fn(&str) -> Option<Val<'a>>>(out: &mut String, pieces: &[Piece], arg: &F, lang: Lang) -> Option<()> {
    for p in pieces {
        match p {
            Piece::Text(t) => out.push_str(t),
            Piece::Arg(name) => match arg(name)? {
                Val::Text(v) => match number(v) {
                    Some(n) => write_number(out, n, Some(v), lang),
                    None => out.push_str(v),
                },
                Val::Num(n) => write_number(out, n, None, lang),
            },
            Piece::Choice { arg: name, variants, default } => {
                let key = match arg(name)? {
                    Val::Text(v) => match number(v) {
                        Some(n) if n.unsigned_abs() == 1 => "one",
                        Some(_) => "other",
                        None => v,
                    },
                    Val::Num(n) if n.unsigned_abs() == 1 => "one",
                    Val::Num(_) => "other",
                };
                let chosen = variants.iter().find(|(k, _)| &**k == key).or_else(|| variants.get(*default))?;
                write_with(out, &chosen.1, arg, lang)?;
            }
        }
    }
    Some(())
}

/// A whole number as Fluent writes it: grouped from five digits, else as given (`given`, the
/// text it was read from, has no leading zeros: [`number`]), except "-0", written "0".
fn write_number(out: &mut String, n: i64, given: Option<&str>, lang: Lang) {
    match group(n as f64, if lang == Lang::En { ',' } else { '\u{a0}' }) {
        Some(g) => out.push_str(&g),
        None if n == 0 => out.push('0'),
        None => match given {
            Some(v) => out.push_str(v),
            None => push_int(out, n),
        },
    }
}

/// `n` in decimal digits, without a `String` of its own.
fn push_int(out: &mut String, n: i64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut m = n.unsigned_abs();
    loop {
        i -= 1;
        buf[i] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    if n < 0 {
        out.push('-');
    }
    out.push_str(std::str::from_utf8(&buf[i..]).unwrap_or_default());
}
