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

/// Writes `pieces` with `args` into `out` as Fluent would (numbers grouped in `lang`'s
/// style); `None` when an argument is missing (Fluent then writes it and says so).
pub(super) fn write_ready(out: &mut String, pieces: &[Piece], args: &[(&str, &str)], lang: Lang) -> Option<()> {
    let arg = |name: &str| args.iter().find(|(k, _)| *k == name).map(|(_, v)| *v);
    for p in pieces {
        match p {
            Piece::Text(t) => out.push_str(t),
            Piece::Arg(name) => {
                let v = arg(name)?;
                match number(v) {
                    Some(n) => match group(n as f64, if lang == Lang::En { ',' } else { '\u{a0}' }) {
                        Some(g) => out.push_str(&g),
                        // Ungrouped, a whole number is written as it was given ([`number`]
                        // takes no leading zeros), except "-0", which Fluent writes "0".
                        None if n != 0 => out.push_str(v),
                        None => out.push('0'),
                    },
                    None => out.push_str(v),
                }
            }
            Piece::Choice { arg: name, variants, default } => {
                let v = arg(name)?;
                let key = match number(v) {
                    Some(n) if n.unsigned_abs() == 1 => "one",
                    Some(_) => "other",
                    None => v,
                };
                let chosen = variants.iter().find(|(k, _)| &**k == key).or_else(|| variants.get(*default))?;
                write_ready(out, &chosen.1, args, lang)?;
            }
        }
    }
    Some(())
}
