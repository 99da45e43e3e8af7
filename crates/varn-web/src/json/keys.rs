//! A map's keys, written as `serde_json` writes them: a text as a text; a number or a boolean
//! as a text of it; anything else is an error ("key must be a string").

use super::ser::{Error, Writer};
use serde::ser::{self, Impossible, Serialize};

type Result<T> = std::result::Result<T, Error>;

pub(super) struct MapKey<'a>(pub(super) &'a mut Writer);

fn not_a_string() -> Error {
    Error("key must be a string".into())
}

macro_rules! quoted_ints {
    ($($f:ident: $t:ty),*) => {$(
        fn $f(self, v: $t) -> Result<()> {
            self.0.out.push(b'"');
            self.0.int(v);
            self.0.out.push(b'"');
            Ok(())
        }
    )*};
}

impl MapKey<'_> {
    fn float(self, text: Option<&str>) -> Result<()> {
        let text = text.ok_or_else(|| Error("float key must be finite (got NaN or +/-inf)".into()))?;
        self.0.out.push(b'"');
        self.0.out.extend_from_slice(text.as_bytes());
        self.0.out.push(b'"');
        Ok(())
    }
}

impl ser::Serializer for MapKey<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_str(self, v: &str) -> Result<()> {
        self.0.string(v);
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result<()> {
        self.0.string(v.encode_utf8(&mut [0u8; 4]));
        Ok(())
    }

    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<()> {
        self.0.string(variant);
        Ok(())
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _name: &'static str, value: &T) -> Result<()> {
        value.serialize(self)
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<()> {
        value.serialize(self)
    }

    fn serialize_bool(self, v: bool) -> Result<()> {
        self.0.out.extend_from_slice(if v { b"\"true\"" } else { b"\"false\"" });
        Ok(())
    }

    quoted_ints!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64, serialize_i128: i128);
    quoted_ints!(serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64, serialize_u128: u128);

    fn serialize_f32(self, v: f32) -> Result<()> {
        let mut b = zmij::Buffer::new();
        self.float(v.is_finite().then(|| b.format_finite(v)))
    }

    fn serialize_f64(self, v: f64) -> Result<()> {
        let mut b = zmij::Buffer::new();
        self.float(v.is_finite().then(|| b.format_finite(v)))
    }

    fn serialize_bytes(self, _v: &[u8]) -> Result<()> {
        Err(not_a_string())
    }

    fn serialize_none(self) -> Result<()> {
        Err(not_a_string())
    }

    fn serialize_unit(self) -> Result<()> {
        Err(not_a_string())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<()> {
        Err(not_a_string())
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(self, _: &'static str, _: u32, _: &'static str, _: &T) -> Result<()> {
        Err(not_a_string())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq> {
        Err(not_a_string())
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple> {
        Err(not_a_string())
    }

    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct> {
        Err(not_a_string())
    }

    fn serialize_tuple_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self::SerializeTupleVariant> {
        Err(not_a_string())
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        Err(not_a_string())
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct> {
        Err(not_a_string())
    }

    fn serialize_struct_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self::SerializeStructVariant> {
        Err(not_a_string())
    }
}
