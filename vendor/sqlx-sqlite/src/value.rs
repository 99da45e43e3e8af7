use std::borrow::Cow;
use std::marker::PhantomData;
use std::ptr::NonNull;
use std::slice::from_raw_parts;
use std::str::from_utf8;
use std::sync::{Arc, OnceLock};

use libsqlite3_sys::{
    sqlite3_value, sqlite3_value_blob, sqlite3_value_bytes, sqlite3_value_double,
    sqlite3_value_dup, sqlite3_value_free, sqlite3_value_int64, sqlite3_value_type, SQLITE_BLOB,
    SQLITE_INTEGER, SQLITE_NULL, SQLITE_TEXT,
};

pub(crate) use sqlx_core::value::{Value, ValueRef};

use crate::error::BoxDynError;
use crate::statement::StatementHandle;
use crate::type_info::DataType;
use crate::{Sqlite, SqliteTypeInfo};

/// Värn: a text's bytes as `&str`, checked as `from_utf8` checks them. Most of what Värn reads
/// is ASCII, which `<[u8]>::is_ascii` tests a word at a time, where `from_utf8` took about 170
/// instructions for a text of 20 to 40 bytes (VARN-PATCH.md); any other text is checked by
/// `from_utf8` as before, so what passes, what fails and its error are unchanged.
#[inline]
pub(crate) fn utf8(b: &[u8]) -> Result<&str, std::str::Utf8Error> {
    if b.is_ascii() {
        // SAFETY: ASCII is UTF-8.
        return Ok(unsafe { std::str::from_utf8_unchecked(b) });
    }
    from_utf8(b)
}

enum SqliteValueData<'r> {
    Value(&'r SqliteValue),
    BorrowedHandle(ValueHandle<'r>),
}

pub struct SqliteValueRef<'r>(SqliteValueData<'r>);

impl<'r> SqliteValueRef<'r> {
    pub(crate) fn value(value: &'r SqliteValue) -> Self {
        Self(SqliteValueData::Value(value))
    }

    // SAFETY: The supplied sqlite3_value must not be null and SQLite must free it. It will not be freed on drop.
    // The lifetime on this struct should tie it to whatever scope it's valid for before SQLite frees it.
    #[allow(unused)]
    pub(crate) unsafe fn borrowed(value: *mut sqlite3_value, type_info: SqliteTypeInfo) -> Self {
        debug_assert!(!value.is_null());
        let handle = ValueHandle::new_borrowed(NonNull::new_unchecked(value), type_info);
        Self(SqliteValueData::BorrowedHandle(handle))
    }

    // NOTE: `int()` is deliberately omitted because it will silently truncate a wider value,
    // which is likely to cause bugs:
    // https://github.com/launchbadge/sqlx/issues/3179
    // (Similar bug in Postgres): https://github.com/launchbadge/sqlx/issues/3161
    pub(super) fn int64(&self) -> i64 {
        match &self.0 {
            SqliteValueData::Value(v) => v.int64(),
            SqliteValueData::BorrowedHandle(v) => v.int64(),
        }
    }

    pub(super) fn double(&self) -> f64 {
        match &self.0 {
            SqliteValueData::Value(v) => v.double(),
            SqliteValueData::BorrowedHandle(v) => v.double(),
        }
    }

    pub(super) fn blob(&self) -> &'r [u8] {
        match &self.0 {
            SqliteValueData::Value(v) => v.blob(),
            SqliteValueData::BorrowedHandle(v) => v.blob(),
        }
    }

    pub(super) fn text(&self) -> Result<&'r str, BoxDynError> {
        match &self.0 {
            SqliteValueData::Value(v) => v.text(),
            SqliteValueData::BorrowedHandle(v) => v.text(),
        }
    }
}

impl<'r> ValueRef<'r> for SqliteValueRef<'r> {
    type Database = Sqlite;

    fn to_owned(&self) -> SqliteValue {
        match &self.0 {
            SqliteValueData::Value(v) => (*v).clone(),
            SqliteValueData::BorrowedHandle(v) => unsafe {
                SqliteValue::new(v.value.as_ptr(), v.type_info.clone())
            },
        }
    }

    fn type_info(&self) -> Cow<'_, SqliteTypeInfo> {
        match &self.0 {
            SqliteValueData::Value(v) => v.type_info(),
            SqliteValueData::BorrowedHandle(v) => v.type_info(),
        }
    }

    fn is_null(&self) -> bool {
        match &self.0 {
            SqliteValueData::Value(v) => v.is_null(),
            SqliteValueData::BorrowedHandle(v) => v.is_null(),
        }
    }
}

#[derive(Clone)]
pub struct SqliteValue(Kept);

/// Värn's patch (VARN-PATCH.md): how a value of a row is kept. Upstream keeps every value as a
/// copy SQLite makes (`sqlite3_value_dup`: an allocation for the value and another for its
/// text) behind an `Arc` (a third). A row's NULL, integer, text and blob are read here into
/// Rust's own memory instead: nothing for a NULL or an integer, one allocation for a text.
/// A real number, and a value copied from a borrowed handle, are kept upstream's way.
#[derive(Clone)]
enum Kept {
    Handle(Arc<ValueHandle<'static>>),
    Null(SqliteTypeInfo),
    /// The integer and, once asked for, its text (SQLite's `%lld`).
    Integer(i64, OnceLock<Box<str>>),
    Text(Box<[u8]>),
    Blob(Box<[u8]>),
}

/// SQLite's conversion of a text to an integer (`sqlite3Atoi64`, as `sqlite3_value_int64`
/// applies it): leading spaces, a sign, the digits up to the first other character, clamped to
/// the range of `i64`; 0 when there are none. Only a decoder that skips the type check reads
/// a text as an integer.
fn text_to_i64(b: &[u8]) -> i64 {
    let s = std::str::from_utf8(b).unwrap_or("").trim_start();
    let (neg, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let mut n: i128 = 0;
    for d in digits.bytes().take_while(u8::is_ascii_digit) {
        n = (n * 10 + i128::from(d - b'0')).min(i128::from(i64::MAX) + 1);
    }
    let n = if neg { -n } else { n };
    n.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
}

/// SQLite's conversion of a text to a real number: the longest number at its start.
fn text_to_f64(b: &[u8]) -> f64 {
    let s = std::str::from_utf8(b).unwrap_or("").trim();
    (1..=s.len()).rev().filter(|i| s.is_char_boundary(*i)).find_map(|i| s[..i].parse::<f64>().ok().filter(|f| f.is_finite())).unwrap_or(0.0)
}

pub(crate) struct ValueHandle<'a> {
    value: NonNull<sqlite3_value>,
    type_info: SqliteTypeInfo,
    free_on_drop: bool,
    _sqlite_value_lifetime: PhantomData<&'a ()>,
}

// SAFE: only protected value objects are stored in SqliteValue
unsafe impl<'a> Send for ValueHandle<'a> {}
unsafe impl<'a> Sync for ValueHandle<'a> {}

impl ValueHandle<'static> {
    fn new_owned(value: NonNull<sqlite3_value>, type_info: SqliteTypeInfo) -> Self {
        Self {
            value,
            type_info,
            free_on_drop: true,
            _sqlite_value_lifetime: PhantomData,
        }
    }
}

impl<'a> ValueHandle<'a> {
    fn new_borrowed(value: NonNull<sqlite3_value>, type_info: SqliteTypeInfo) -> Self {
        Self {
            value,
            type_info,
            free_on_drop: false,
            _sqlite_value_lifetime: PhantomData,
        }
    }

    fn type_info_opt(&self) -> Option<SqliteTypeInfo> {
        let dt = DataType::from_code(unsafe { sqlite3_value_type(self.value.as_ptr()) });

        if let DataType::Null = dt {
            None
        } else {
            Some(SqliteTypeInfo(dt))
        }
    }

    fn int64(&self) -> i64 {
        unsafe { sqlite3_value_int64(self.value.as_ptr()) }
    }

    fn double(&self) -> f64 {
        unsafe { sqlite3_value_double(self.value.as_ptr()) }
    }

    fn blob<'b>(&self) -> &'b [u8] {
        let len = unsafe { sqlite3_value_bytes(self.value.as_ptr()) };

        // This likely means UB in SQLite itself or our usage of it;
        // signed integer overflow is UB in the C standard.
        let len = usize::try_from(len).unwrap_or_else(|_| {
            panic!("sqlite3_value_bytes() returned value out of range for usize: {len}")
        });

        if len == 0 {
            // empty blobs are NULL so just return an empty slice
            return &[];
        }

        let ptr = unsafe { sqlite3_value_blob(self.value.as_ptr()) } as *const u8;
        debug_assert!(!ptr.is_null());

        unsafe { from_raw_parts(ptr, len) }
    }

    fn text<'b>(&self) -> Result<&'b str, BoxDynError> {
        Ok(utf8(self.blob())?)
    }

    fn type_info(&self) -> Cow<'_, SqliteTypeInfo> {
        self.type_info_opt()
            .map(Cow::Owned)
            .unwrap_or(Cow::Borrowed(&self.type_info))
    }

    fn is_null(&self) -> bool {
        unsafe { sqlite3_value_type(self.value.as_ptr()) == SQLITE_NULL }
    }
}

impl<'a> Drop for ValueHandle<'a> {
    fn drop(&mut self) {
        if self.free_on_drop {
            unsafe {
                sqlite3_value_free(self.value.as_ptr());
            }
        }
    }
}

impl SqliteValue {
    // SAFETY: The sqlite3_value must be non-null and SQLite must not free it. It will be freed on drop.
    pub(crate) unsafe fn new(value: *mut sqlite3_value, type_info: SqliteTypeInfo) -> Self {
        debug_assert!(!value.is_null());
        let handle =
            ValueHandle::new_owned(NonNull::new_unchecked(sqlite3_value_dup(value)), type_info);
        Self(Kept::Handle(Arc::new(handle)))
    }

    /// Värn: column `index` of the statement's current row, read into the value's own memory
    /// ([`Kept`]); a real number is copied upstream's way. The column's value is taken once
    /// (`sqlite3_column_value`) and read with SQLite's value functions: each `sqlite3_column_*`
    /// call finds the column again and does the statement API's bookkeeping (about 35
    /// instructions), and a text took three of them (VARN-PATCH.md).
    pub(crate) fn read(statement: &StatementHandle, index: usize, type_info: SqliteTypeInfo) -> Self {
        let v = statement.column_value(index);
        // SAFETY: `v` is the current row's value, valid until the statement steps again or is
        // reset; the connection is not shared while it is read (NOMUTEX, one task at a time),
        // and the text or blob is copied before this returns.
        unsafe {
            Self(match sqlite3_value_type(v) {
                SQLITE_NULL => Kept::Null(type_info),
                SQLITE_INTEGER => Kept::Integer(sqlite3_value_int64(v), OnceLock::new()),
                t @ (SQLITE_TEXT | SQLITE_BLOB) => {
                    // The pointer first, then the length (SQLite's advice for blob and bytes).
                    let ptr = sqlite3_value_blob(v) as *const u8;
                    let len = usize::try_from(sqlite3_value_bytes(v)).unwrap_or(0);
                    let bytes: &[u8] = if len == 0 || ptr.is_null() { &[] } else { from_raw_parts(ptr, len) };
                    if t == SQLITE_TEXT {
                        Kept::Text(bytes.into())
                    } else {
                        Kept::Blob(bytes.into())
                    }
                }
                _ => return Self::new(v, type_info),
            })
        }
    }

    fn int64(&self) -> i64 {
        match &self.0 {
            Kept::Handle(h) => h.int64(),
            Kept::Null(_) => 0,
            Kept::Integer(i, _) => *i,
            Kept::Text(b) | Kept::Blob(b) => text_to_i64(b),
        }
    }

    fn double(&self) -> f64 {
        match &self.0 {
            Kept::Handle(h) => h.double(),
            Kept::Null(_) => 0.0,
            Kept::Integer(i, _) => *i as f64,
            Kept::Text(b) | Kept::Blob(b) => text_to_f64(b),
        }
    }

    fn blob(&self) -> &[u8] {
        match &self.0 {
            Kept::Handle(h) => h.blob(),
            Kept::Null(_) => &[],
            Kept::Integer(i, text) => text.get_or_init(|| i.to_string().into_boxed_str()).as_bytes(),
            Kept::Text(b) | Kept::Blob(b) => b,
        }
    }

    fn text(&self) -> Result<&str, BoxDynError> {
        Ok(utf8(self.blob())?)
    }

    fn type_info_of(&self) -> Cow<'_, SqliteTypeInfo> {
        match &self.0 {
            Kept::Handle(h) => h.type_info(),
            Kept::Null(t) => Cow::Borrowed(t),
            Kept::Integer(..) => Cow::Owned(SqliteTypeInfo(DataType::Integer)),
            Kept::Text(_) => Cow::Owned(SqliteTypeInfo(DataType::Text)),
            Kept::Blob(_) => Cow::Owned(SqliteTypeInfo(DataType::Blob)),
        }
    }

    fn is_null_of(&self) -> bool {
        match &self.0 {
            Kept::Handle(h) => h.is_null(),
            Kept::Null(_) => true,
            _ => false,
        }
    }
}

impl Value for SqliteValue {
    type Database = Sqlite;

    fn as_ref(&self) -> SqliteValueRef<'_> {
        SqliteValueRef::value(self)
    }

    fn type_info(&self) -> Cow<'_, SqliteTypeInfo> {
        self.type_info_of()
    }

    fn is_null(&self) -> bool {
        self.is_null_of()
    }
}

// #[cfg(feature = "any")]
// impl<'r> From<SqliteValueRef<'r>> for crate::any::AnyValueRef<'r> {
//     #[inline]
//     fn from(value: SqliteValueRef<'r>) -> Self {
//         crate::any::AnyValueRef {
//             type_info: value.type_info().clone().into_owned().into(),
//             kind: crate::any::value::AnyValueRefKind::Sqlite(value),
//         }
//     }
// }
//
// #[cfg(feature = "any")]
// impl From<SqliteValue> for crate::any::AnyValue {
//     #[inline]
//     fn from(value: SqliteValue) -> Self {
//         crate::any::AnyValue {
//             type_info: value.type_info().clone().into_owned().into(),
//             kind: crate::any::value::AnyValueKind::Sqlite(value),
//         }
//     }
// }
