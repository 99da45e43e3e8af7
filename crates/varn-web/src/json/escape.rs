//! A text's contents escaped as serde_json escapes them, eight bytes tested at once.

const LOW: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Whether any of the eight bytes of `w` is zero (no byte is missed; a word may be read
/// byte by byte for nothing, never the other way).
#[inline(always)]
fn has_zero(w: u64) -> bool {
    w.wrapping_sub(LOW) & !w & HIGH != 0
}

/// Whether any of the eight bytes may need escaping: a control character (below 0x20), a
/// quote or a backslash.
#[inline(always)]
fn may_escape(w: u64) -> bool {
    (w.wrapping_sub(LOW * 0x20) & !w & HIGH != 0) || has_zero(w ^ (LOW * u64::from(b'"'))) || has_zero(w ^ (LOW * u64::from(b'\\')))
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Whether `serde_json` escapes a byte: a control character, a quote or a backslash.
#[inline(always)]
pub(super) const fn escapes(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// The escape `serde_json` writes for such a byte: a short one where JSON has it, else
/// `\u00XX` with lowercase hex.
#[cold]
fn escape_one(out: &mut Vec<u8>, b: u8) {
    let short: &[u8] = match b {
        b'"' => b"\\\"",
        b'\\' => b"\\\\",
        0x08 => b"\\b",
        0x0C => b"\\f",
        b'\n' => b"\\n",
        b'\r' => b"\\r",
        b'\t' => b"\\t",
        _ => {
            out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xF)]]);
            return;
        }
    };
    out.extend_from_slice(short);
}

/// The eight bytes of `s` from `at` as one word (zero past its end; never read so).
#[inline(always)]
fn word_at(s: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(s.get(at..at + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()).unwrap_or_default())
}

/// Whether no byte of `s` needs escaping, eight bytes tested at once (the last few of a text of
/// eight or more as its last eight; a shorter text byte by byte): a field name's test, which
/// byte by byte was about 7 instructions a byte, some 2 % of an API list (session 69).
#[inline]
pub(super) fn plain(s: &[u8]) -> bool {
    if s.len() < 8 {
        return !s.iter().any(|&b| escapes(b));
    }
    let mut at = 0;
    while at + 8 <= s.len() {
        if may_escape(word_at(s, at)) {
            return false;
        }
        at += 8;
    }
    at == s.len() || !may_escape(word_at(s, s.len() - 8))
}

/// Bytes `from..to` of `s`, each tested: the run before a byte to escape copied, the
/// byte escaped.
#[inline(always)]
fn escape_bytes(out: &mut Vec<u8>, s: &[u8], from: usize, to: usize, run: &mut usize) {
    let part = s.get(from..to).unwrap_or_default();
    for (k, &b) in part.iter().enumerate() {
        if escapes(b) {
            let i = from + k;
            out.extend_from_slice(s.get(*run..i).unwrap_or_default());
            escape_one(out, b);
            *run = i + 1;
        }
    }
}

/// A text's contents escaped, without its quotes: eight bytes tested at once, and only
/// a word that may hold a byte to escape read byte by byte. The last few bytes of a text
/// of eight or more are tested as its last eight; a shorter text byte by byte.
pub(super) fn escaped(out: &mut Vec<u8>, s: &str) {
    let s = s.as_bytes();
    let (mut run, mut at) = (0, 0);
    if s.len() >= 8 {
        while at + 8 <= s.len() {
            if may_escape(word_at(s, at)) {
                escape_bytes(out, s, at, at + 8, &mut run);
            }
            at += 8;
        }
        if at < s.len() && may_escape(word_at(s, s.len() - 8)) {
            escape_bytes(out, s, at, s.len(), &mut run);
        }
    } else {
        escape_bytes(out, s, 0, s.len(), &mut run);
    }
    out.extend_from_slice(s.get(run..).unwrap_or_default());
}
