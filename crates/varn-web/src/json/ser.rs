//! The serializer: compact JSON as `serde_json::to_vec` writes it (see the module's doc).

use super::escape;
use super::keys::MapKey;
use serde::ser::{self, Serialize};
use std::fmt::{self, Display};

/// Why a value could not be written: a map key that is not a text, a number or a boolean, a
/// float key that is not finite, or a `Serialize` implementation's own error.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Error(pub(super) String);

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

type Result<T> = std::result::Result<T, Error>;

/// `value` as compact JSON, the bytes `serde_json::to_vec` gives.
pub fn to_vec<T: ?Sized + Serialize>(value: &T) -> Result<Vec<u8>> {
    let mut w = Writer { out: Vec::with_capacity(4096) };
    value.serialize(&mut w)?;
    Ok(w.out)
}

/// Where the JSON is written.
pub struct Writer {
    pub(super) out: Vec<u8>,
}

/// `serde_json`'s name of its raw value, which this writer does not write (no answer of
/// ours holds one): an error rather than other bytes than `serde_json`'s.
const RAW_VALUE: &str = "$serde_json::private::RawValue";

impl Writer {
    pub(super) fn string(&mut self, s: &str) {
        self.out.reserve(s.len() + 2);
        self.out.push(b'"');
        escape::escaped(&mut self.out, s);
        self.out.push(b'"');
    }

    pub(super) fn int(&mut self, i: impl itoa::Integer) {
        self.out.extend_from_slice(itoa::Buffer::new().format(i).as_bytes());
    }

    /// `{"variant":` of an enum's variant that holds a value.
    fn variant_open(&mut self, variant: &str) {
        self.out.push(b'{');
        self.string(variant);
        self.out.push(b':');
    }
}

/// A sequence, map or struct being written; `first` until its first element is.
pub struct Compound<'a> {
    w: &'a mut Writer,
    first: bool,
    /// What closes it: `]`, `}`, or either followed by the `}` of an enum's variant.
    close: &'static [u8],
}

impl Compound<'_> {
    fn comma(&mut self) {
        if !std::mem::take(&mut self.first) {
            self.w.out.push(b',');
        }
    }

    /// `"key":` (after a comma but for the first). A field name is short and has nothing to
    /// escape: such a one is tested eight bytes at once (`escape::plain`) and written with one
    /// reservation (writing the names was about a tenth of the API's task list; this gained
    /// 2–7 % where names are most of the text, and measured even elsewhere); any other goes
    /// through the escaper.
    fn key(&mut self, key: &str) {
        let b = key.as_bytes();
        if b.len() <= 32 && escape::plain(b) {
            let out = &mut self.w.out;
            out.reserve(b.len() + 4);
            if !std::mem::take(&mut self.first) {
                out.push(b',');
            }
            out.push(b'"');
            out.extend_from_slice(b);
            out.extend_from_slice(b"\":");
            return;
        }
        self.comma();
        self.w.string(key);
        self.w.out.push(b':');
    }

    fn end(self) {
        self.w.out.extend_from_slice(self.close);
    }
}

macro_rules! ints {
    ($($f:ident: $t:ty),*) => {$(
        fn $f(self, v: $t) -> Result<()> {
            self.int(v);
            Ok(())
        }
    )*};
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<()> {
        self.out.extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }

    ints!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64, serialize_i128: i128);
    ints!(serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64, serialize_u128: u128);

    fn serialize_f32(self, v: f32) -> Result<()> {
        if v.is_finite() {
            self.out.extend_from_slice(zmij::Buffer::new().format_finite(v).as_bytes());
        } else {
            self.out.extend_from_slice(b"null");
        }
        Ok(())
    }

    fn serialize_f64(self, v: f64) -> Result<()> {
        if v.is_finite() {
            self.out.extend_from_slice(zmij::Buffer::new().format_finite(v).as_bytes());
        } else {
            self.out.extend_from_slice(b"null");
        }
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result<()> {
        self.string(v.encode_utf8(&mut [0u8; 4]));
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<()> {
        self.string(v);
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<()> {
        self.out.push(b'[');
        for (i, b) in v.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            self.int(*b);
        }
        self.out.push(b']');
        Ok(())
    }

    fn serialize_none(self) -> Result<()> {
        self.serialize_unit()
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<()> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<()> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<()> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<()> {
        self.string(variant);
        Ok(())
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _name: &'static str, value: &T) -> Result<()> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<()> {
        self.variant_open(variant);
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>> {
        self.out.push(b'[');
        Ok(Compound { w: self, first: true, close: b"]" })
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a>> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(self, _name: &'static str, _index: u32, variant: &'static str, _len: usize) -> Result<Compound<'a>> {
        self.variant_open(variant);
        self.out.push(b'[');
        Ok(Compound { w: self, first: true, close: b"]}" })
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>> {
        self.out.push(b'{');
        Ok(Compound { w: self, first: true, close: b"}" })
    }

    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Compound<'a>> {
        if name == RAW_VALUE {
            return Err(Error("serde_json's raw values are not written here".into()));
        }
        self.serialize_map(Some(len))
    }

    fn serialize_struct_variant(self, _name: &'static str, _index: u32, variant: &'static str, _len: usize) -> Result<Compound<'a>> {
        self.variant_open(variant);
        self.out.push(b'{');
        Ok(Compound { w: self, first: true, close: b"}}" })
    }

    fn collect_str<T: ?Sized + Display>(self, value: &T) -> Result<()> {
        struct Escaping<'w>(&'w mut Writer);
        impl fmt::Write for Escaping<'_> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                escape::escaped(&mut self.0.out, s);
                Ok(())
            }
        }
        self.out.push(b'"');
        fmt::write(&mut Escaping(self), format_args!("{value}")).map_err(|_| Error("a value's Display failed".into()))?;
        self.out.push(b'"');
        Ok(())
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        self.comma();
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<()> {
        Compound::end(self);
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<()> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<()> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<()> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<()> {
        self.comma();
        key.serialize(MapKey(&mut *self.w))?;
        self.w.out.push(b':');
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<()> {
        Compound::end(self);
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<()> {
        self.key(key);
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<()> {
        Compound::end(self);
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<()> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Result<()> {
        Compound::end(self);
        Ok(())
    }
}
