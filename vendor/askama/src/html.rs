// The file is shared across many crates, not all have this feature.
// If they don't then the tests won't be compiled in, but that's OK, because they are executed at
// least in the crate `askama`. There's no need to run the test multiple times.
#![allow(unexpected_cfgs)]

use core::{fmt, str};

use crate::ascii_str::{AsciiChar, AsciiStr};

#[allow(unused)]
pub(crate) fn write_escaped_str(mut dest: impl fmt::Write, src: &str) -> fmt::Result {
    // Värn's patch (vendor/askama/VARN-PATCH.md): eight bytes are tested at once, and only a
    // word that holds a character to escape is read byte by byte, as upstream reads the whole
    // text. The last few bytes of a text of eight or more are tested as its last eight (some
    // of them tested before); a text shorter than eight is read byte by byte. Most of a
    // page's text has nothing to escape.
    let bytes = src.as_bytes();
    let mut last = 0;
    let mut index = 0;
    #[cfg(target_arch = "x86_64")]
    if bytes.len() >= 16 {
        // Sixteen bytes at once where the target has SSE2 (every x86_64 does): session 69.
        while let Some(block) = bytes.get(index..index + 16) {
            if holds_escaped16(block) {
                escape_bytes(&mut dest, src, index, index + 16, &mut last)?;
            }
            index += 16;
        }
        if index < bytes.len() && holds_escaped16(&bytes[bytes.len() - 16..]) {
            escape_bytes(&mut dest, src, index, bytes.len(), &mut last)?;
        }
        return write_str_if_nonempty(&mut dest, &src[last..]);
    }
    if bytes.len() >= 8 {
        while let Some(word) = bytes.get(index..index + 8) {
            if holds_escaped(word) {
                escape_bytes(&mut dest, src, index, index + 8, &mut last)?;
            }
            index += 8;
        }
        if index < bytes.len() && holds_escaped(&bytes[bytes.len() - 8..]) {
            escape_bytes(&mut dest, src, index, bytes.len(), &mut last)?;
        }
    } else {
        escape_bytes(&mut dest, src, 0, bytes.len(), &mut last)?;
    }
    write_str_if_nonempty(&mut dest, &src[last..])
}

/// Upstream's loop over the bytes `from..to` of `src`: the text before a byte to escape (from
/// `last`), then the byte escaped.
#[inline(always)]
fn escape_bytes(dest: &mut impl fmt::Write, src: &str, from: usize, to: usize, last: &mut usize) -> fmt::Result {
    let mut escaped_buf = ESCAPED_BUF_INIT;
    for (index, byte) in src.as_bytes()[from..to].iter().enumerate() {
        if let Some(escaped) = get_escaped(*byte) {
            [escaped_buf[2], escaped_buf[3]] = escaped;
            write_str_if_nonempty(&mut *dest, &src[*last..from + index])?;
            dest.write_str(AsciiStr::from_slice(&escaped_buf[..ESCAPED_BUF_LEN]))?;
            *last = from + index + 1;
        }
    }
    Ok(())
}

/// Whether any of the sixteen bytes `block` is one of [`CHARS`]: each byte compared with each
/// of the five at once (SSE2), the matches gathered into a mask.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn holds_escaped16(block: &[u8]) -> bool {
    use core::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    assert!(block.len() >= 16);
    // SAFETY: SSE2 is part of the x86_64 baseline, and the unaligned load reads the first
    // sixteen bytes of `block`, which has at least sixteen (asserted above).
    unsafe {
        let v = _mm_loadu_si128(block.as_ptr().cast::<__m128i>());
        let eq = |c: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(c as i8));
        let mut found = eq(CHARS[0]);
        let mut i = 1;
        while i < CHARS.len() {
            found = _mm_or_si128(found, eq(CHARS[i]));
            i += 1;
        }
        _mm_movemask_epi8(found) != 0
    }
}

/// Whether any of the eight bytes `eight` is one of [`CHARS`]: for each, a byte equal to it
/// becomes zero under the XOR, and `(x - 0x01…) & !x & 0x80…` is not zero exactly when some
/// byte of `x` is zero.
#[inline(always)]
fn holds_escaped(eight: &[u8]) -> bool {
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(eight);
    let word = u64::from_le_bytes(bytes);
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |x: u64| x.wrapping_sub(LOW) & !x & HIGH;
    let mut found = 0;
    let mut i = 0;
    while i < CHARS.len() {
        found |= zero(word ^ (LOW * CHARS[i] as u64));
        i += 1;
    }
    found != 0
}

#[allow(unused)]
pub(crate) fn write_escaped_char(mut dest: impl fmt::Write, c: char) -> fmt::Result {
    if !c.is_ascii() {
        dest.write_char(c)
    } else if let Some(escaped) = get_escaped(c as u8) {
        let mut escaped_buf = ESCAPED_BUF_INIT;
        [escaped_buf[2], escaped_buf[3]] = escaped;
        dest.write_str(AsciiStr::from_slice(&escaped_buf[..ESCAPED_BUF_LEN]))
    } else {
        // RATIONALE: `write_char(c)` gets optimized if it is known that `c.is_ascii()`
        dest.write_char(c)
    }
}

/// Returns the decimal representation of the codepoint if the character needs HTML escaping.
#[inline]
fn get_escaped(byte: u8) -> Option<[AsciiChar; 2]> {
    if let MIN_CHAR..=MAX_CHAR = byte {
        let entry = TABLE.0[(byte - MIN_CHAR) as usize];
        (entry != UNESCAPED).then_some(entry)
    } else {
        None
    }
}

#[inline(always)]
fn write_str_if_nonempty(output: &mut impl fmt::Write, input: &str) -> fmt::Result {
    if !input.is_empty() {
        output.write_str(input)
    } else {
        Ok(())
    }
}

/// List of characters that need HTML escaping, not necessarily in ordinal order.
const CHARS: &[u8] = br#""&'<>"#;

/// The character with the lowest codepoint that needs HTML escaping.
const MIN_CHAR: u8 = {
    let mut v = u8::MAX;
    let mut i = 0;
    while i < CHARS.len() {
        if v > CHARS[i] {
            v = CHARS[i];
        }
        i += 1;
    }
    v
};

/// The character with the highest codepoint that needs HTML escaping.
const MAX_CHAR: u8 = {
    let mut v = u8::MIN;
    let mut i = 0;
    while i < CHARS.len() {
        if v < CHARS[i] {
            v = CHARS[i];
        }
        i += 1;
    }
    v
};

/// Number of codepoints between the lowest and highest character that needs escaping, incl.
const CHAR_RANGE: usize = (MAX_CHAR - MIN_CHAR + 1) as usize;

#[repr(align(64))]
struct Table([[AsciiChar; 2]; CHAR_RANGE]);

/// For characters that need HTML escaping, the codepoint is formatted as decimal digits,
/// otherwise `b"\0\0"`. Starting at [`MIN_CHAR`].
const TABLE: &Table = &{
    let mut table = Table([UNESCAPED; CHAR_RANGE]);
    let mut i = 0;
    while i < CHARS.len() {
        let c = CHARS[i];
        table.0[c as u32 as usize - MIN_CHAR as usize] = AsciiChar::two_digits(c as u32);
        i += 1;
    }
    table
};

const UNESCAPED: [AsciiChar; 2] = AsciiStr::new_sized("");

const ESCAPED_BUF_INIT_UNPADDED: &str = "&#__;";
// RATIONALE: llvm generates better code if the buffer is register sized
const ESCAPED_BUF_INIT: [AsciiChar; 8] = AsciiStr::new_sized(ESCAPED_BUF_INIT_UNPADDED);
const ESCAPED_BUF_LEN: usize = ESCAPED_BUF_INIT_UNPADDED.len();

#[test]
#[cfg(feature = "alloc")]
fn test_simple_html_string_escaping() {
    extern crate alloc;

    let mut buf = alloc::string::String::new();
    write_escaped_str(&mut buf, "<script>").unwrap();
    assert_eq!(buf, "&#60;script&#62;");

    buf.clear();
    write_escaped_str(&mut buf, "s<crip>t").unwrap();
    assert_eq!(buf, "s&#60;crip&#62;t");

    buf.clear();
    write_escaped_str(&mut buf, "s<cripcripcripcripcripcripcripcripcripcrip>t").unwrap();
    assert_eq!(buf, "s&#60;cripcripcripcripcripcripcripcripcripcrip&#62;t");
}
