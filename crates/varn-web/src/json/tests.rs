//! The writer against `serde_json`: the same bytes for every kind of value serde has, every
//! character to escape at every offset of a text, and the same refusals.

use super::to_vec;
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;

fn same<T: Serialize + ?Sized>(v: &T) -> String {
    let ours = to_vec(v).map(|b| String::from_utf8(b).unwrap_or_default()).map_err(|e| e.to_string());
    let theirs = serde_json::to_vec(v).map(|b| String::from_utf8(b).unwrap_or_default()).map_err(|e| e.to_string());
    match (ours, theirs) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a, b);
            a
        }
        (a, b) => {
            assert_eq!(a.is_err(), b.is_err(), "ours {a:?}, serde_json {b:?}");
            String::new()
        }
    }
}

#[test]
fn every_character_to_escape_at_every_offset_is_written_as_serde_json_writes_it() {
    let mut specials: Vec<char> = (0u8..0x20).map(char::from).collect();
    specials.extend(['"', '\\', '/', '\u{7f}', 'å', 'Ö', '€', '😀', '\u{2028}', 'a']);
    let mut escaped = 0;
    for len in 0..26 {
        for at in 0..len.max(1) {
            for &c in &specials {
                // Plain letters around one special character, then two specials in one word.
                let mut s: String = (0..len).map(|i| if i == at { c } else { char::from(b'a' + (i % 26) as u8) }).collect();
                let once = same(&s);
                escaped += usize::from(once.len() > s.len() + 2);
                s.push(c);
                s.insert(0, c);
                same(&s);
            }
        }
    }
    assert!(escaped > 10_000, "most of the texts needed escaping: {escaped}");
    // A short escape, the \u form with lowercase hex, and what is not escaped.
    assert_eq!(same("a\"b\\c\nd\u{1}e\u{1f}f/\u{7f}åg"), "\"a\\\"b\\\\c\\nd\\u0001e\\u001ff/\u{7f}åg\"");
}

#[test]
fn long_and_random_texts_are_written_as_serde_json_writes_them() {
    let alphabet: Vec<char> = "abcXYZ 0123\"\\\n\t\r\u{8}\u{c}\u{0}\u{1b}åäöÅÄÖé€😀-_.,".chars().collect();
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..5_000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let len = (x % 70) as usize;
        let s: String = (0..len).map(|i| alphabet[((x >> (i % 50)) as usize + i * 7) % alphabet.len()]).collect();
        same(&s);
    }
    same(&"Ett långt stycke text utan något att skydda. ".repeat(400));
}

struct Bytes(&'static [u8]);
impl Serialize for Bytes {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(self.0)
    }
}

struct Shown(i64);
impl Serialize for Shown {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("nr \"{}\"\n", self.0))
    }
}

#[derive(Serialize)]
struct Unit;

#[derive(Serialize)]
struct Newtype(String);

#[derive(Serialize)]
struct Pair(i32, Option<u8>);

#[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
enum Kind {
    ItSystem,
    Papper,
}

#[derive(Serialize)]
enum Shape {
    Empty,
    Wrapped(i64),
    Tuple(i8, String),
    Named { a: bool, b: Vec<u8> },
}

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
enum Tagged {
    One { n: i32 },
    Two(Inner),
}

#[derive(Serialize)]
#[serde(tag = "t", content = "c")]
enum Adjacent {
    A(String),
    B,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Either {
    Left(i64),
    Right(String),
}

#[derive(Serialize)]
struct Inner {
    name: String,
    /// A field name that must be escaped, and one longer than the short path takes.
    #[serde(rename = "sa \"så\"\n")]
    quoted: u8,
    #[serde(rename = "a_field_name_of_more_than_thirty_two_bytes_in_all")]
    long: u8,
    /// Names tested eight bytes at once: a quote as the eighth byte, a control character
    /// in the last few bytes (tested as the last eight), a backslash in the second word,
    /// and names with nothing to escape beside Swedish letters.
    #[serde(rename = "abcdefg\"")]
    quote_eighth: u8,
    #[serde(rename = "abcdefghi\t")]
    control_in_tail: u8,
    #[serde(rename = "abcdefgh\\ij")]
    backslash_second_word: u8,
    #[serde(rename = "ärende_åtgärd_öppen")]
    swedish: u8,
    #[serde(rename = "\u{1}bcdefgh")]
    control_first: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    missing: Option<String>,
    r#type: &'static str,
}

#[derive(Serialize)]
struct All {
    t: bool,
    f: bool,
    i8: i8,
    i16: i16,
    i32: i32,
    i64: i64,
    i128: i128,
    u8: u8,
    u16: u16,
    u32: u32,
    u64: u64,
    u128: u128,
    floats32: Vec<f32>,
    floats64: Vec<f64>,
    c: char,
    quote: char,
    s: String,
    bytes: Bytes,
    shown: Shown,
    none: Option<i32>,
    some: Option<Option<String>>,
    unit: (),
    unit_struct: Unit,
    newtype: Newtype,
    pair: Pair,
    tuple: (u8, &'static str, (bool,)),
    empty_seq: Vec<i32>,
    empty_map: BTreeMap<String, i32>,
    kinds: Vec<Kind>,
    shapes: Vec<Shape>,
    tagged: Vec<Tagged>,
    adjacent: Vec<Adjacent>,
    either: Vec<Either>,
    by_text: BTreeMap<String, Vec<Inner>>,
    by_number: BTreeMap<i64, u8>,
    by_u8: BTreeMap<u8, u8>,
    by_bool: BTreeMap<bool, u8>,
    by_char: BTreeMap<char, u8>,
    by_kind: BTreeMap<Kind, u8>,
    #[serde(flatten)]
    flat: Inner,
    value: serde_json::Value,
    when: chrono::DateTime<chrono::Utc>,
    day: chrono::NaiveDate,
    shared: std::sync::Arc<Vec<(String, u8)>>,
}

#[test]
fn every_kind_of_value_is_written_as_serde_json_writes_it() {
    let inner = |n: &str| Inner {
        name: n.into(),
        quoted: 1,
        long: 2,
        quote_eighth: 5,
        control_in_tail: 6,
        backslash_second_word: 7,
        swedish: 8,
        control_first: 9,
        missing: None,
        r#type: "x",
    };
    let all = All {
        t: true,
        f: false,
        i8: i8::MIN,
        i16: -300,
        i32: i32::MAX,
        i64: i64::MIN,
        i128: i128::MIN,
        u8: 255,
        u16: 0,
        u32: u32::MAX,
        u64: u64::MAX,
        u128: u128::MAX,
        floats32: vec![0.0, -0.0, 1.0, 0.1, 1.5e-7, f32::MAX, f32::NAN, f32::INFINITY],
        floats64: vec![0.0, 1.0, -2.5, 0.1, 1e300, 5e-324, f64::NAN, f64::NEG_INFINITY, 123_456_789.0],
        c: 'ö',
        quote: '"',
        s: "Säkerhets\"incident\"\n".into(),
        bytes: Bytes(&[0, 1, 255]),
        shown: Shown(-42),
        none: None,
        some: Some(None),
        unit: (),
        unit_struct: Unit,
        newtype: Newtype("ny\ttyp".into()),
        pair: Pair(-1, Some(2)),
        tuple: (7, "t", (true,)),
        empty_seq: vec![],
        empty_map: BTreeMap::new(),
        kinds: vec![Kind::ItSystem, Kind::Papper],
        shapes: vec![Shape::Empty, Shape::Wrapped(-9), Shape::Tuple(3, "å".into()), Shape::Named { a: false, b: vec![] }],
        tagged: vec![Tagged::One { n: 1 }, Tagged::Two(inner("två"))],
        adjacent: vec![Adjacent::A("a".into()), Adjacent::B],
        either: vec![Either::Left(5), Either::Right("höger".into())],
        by_text: BTreeMap::from([("nyckel \"1\"".into(), vec![inner("a"), inner("b\\")]), (String::new(), vec![])]),
        by_number: BTreeMap::from([(-5, 1), (i64::MAX, 2)]),
        by_u8: BTreeMap::from([(0, 1)]),
        by_bool: BTreeMap::from([(true, 1), (false, 0)]),
        by_char: BTreeMap::from([('"', 1), ('å', 2)]),
        by_kind: BTreeMap::from([(Kind::Papper, 1)]),
        flat: Inner {
            name: "platt".into(),
            quoted: 3,
            long: 4,
            quote_eighth: 10,
            control_in_tail: 11,
            backslash_second_word: 12,
            swedish: 13,
            control_first: 14,
            missing: Some("med".into()),
            r#type: "y",
        },
        value: serde_json::json!({"a": [1, -2, 3.5, null, true, "x\"y"], "b": {"c": {}}, "d": [], "e": 18_446_744_073_709_551_615u64}),
        when: chrono::DateTime::from_timestamp(1_800_000_000, 123_000_000).unwrap_or_default(),
        day: chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap_or_default(),
        shared: std::sync::Arc::new(vec![("delad".into(), 1)]),
    };
    let written = same(&all);
    // Spot checks that the comparison compared something of each kind.
    for part in [
        "\"i128\":-170141183460469231731687303715884105728",
        "\"floats64\":[0.0,1.0,-2.5,0.1,1e+300,5e-324,null,null,123456789.0]",
        "\"bytes\":[0,1,255]",
        "\"shown\":\"nr \\\"-42\\\"\\n\"",
        "\"some\":null",
        "\"shapes\":[\"Empty\",{\"Wrapped\":-9},{\"Tuple\":[3,\"å\"]},{\"Named\":{\"a\":false,\"b\":[]}}]",
        "\"tagged\":[{\"type\":\"one\",\"n\":1},{\"type\":\"two\",\"name\":\"två\",\"sa \\\"så\\\"\\n\":1,\
         \"a_field_name_of_more_than_thirty_two_bytes_in_all\":2,\
         \"abcdefg\\\"\":5,\"abcdefghi\\t\":6,\"abcdefgh\\\\ij\":7,\"ärende_åtgärd_öppen\":8,\"\\u0001bcdefgh\":9,\"type\":\"x\"}]",
        "\"by_number\":{\"-5\":1,\"9223372036854775807\":2}",
        "\"by_bool\":{\"false\":0,\"true\":1}",
        "\"by_kind\":{\"papper\":1}",
        "\"name\":\"platt\",\"sa \\\"så\\\"\\n\":3,\"a_field_name_of_more_than_thirty_two_bytes_in_all\":4,\
         \"abcdefg\\\"\":10,\"abcdefghi\\t\":11,\"abcdefgh\\\\ij\":12,\"ärende_åtgärd_öppen\":13,\"\\u0001bcdefgh\":14,\"missing\":\"med\"",
        "\"empty_seq\":[],\"empty_map\":{}",
    ] {
        assert!(written.contains(part), "{part} in {written}");
    }
}

#[test]
fn what_serde_json_refuses_is_refused() {
    // A map keyed by a sequence, by nothing, or by a float that is not finite.
    let by_seq: BTreeMap<Vec<u8>, u8> = BTreeMap::from([(vec![1], 1)]);
    assert!(to_vec(&by_seq).is_err() && serde_json::to_vec(&by_seq).is_err());
    let by_none: Vec<(Option<u8>, u8)> = vec![(None, 1)];
    let as_map = |v: &Vec<(Option<u8>, u8)>| {
        struct M<'a>(&'a Vec<(Option<u8>, u8)>);
        impl Serialize for M<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
            }
        }
        (to_vec(&M(v)).is_err(), serde_json::to_vec(&M(v)).is_err())
    };
    assert_eq!(as_map(&by_none), (true, true));
    assert_eq!(as_map(&vec![(Some(3), 1)]), (false, false));
    struct FloatKey(f64);
    impl Serialize for FloatKey {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_map([(self.0, 1)])
        }
    }
    for f in [1.5, f64::NAN] {
        assert_eq!(to_vec(&FloatKey(f)).ok(), serde_json::to_vec(&FloatKey(f)).ok());
    }
    assert_eq!(same(&FloatKey(1.5)), "{\"1.5\":1}");
}
