//! Värn: `varn_contains(text, needle)`, whether `text` holds `needle` byte for byte: what
//! `text LIKE '%needle%'` answers with `case_sensitive_like` on and the needle's wildcards
//! escaped, without SQLite's pattern matcher. NULL when either is NULL, as `LIKE` gives.
//!
//! The needle's searcher (`memchr::memmem::Finder`) is made once per statement and kept as
//! the argument's auxiliary data (`sqlite3_set_auxdata`): a bound search text is the same
//! for every row. See VARN-PATCH.md for why and what was measured.

use libsqlite3_sys as ffi;
use memchr::memmem::Finder;
use std::os::raw::{c_int, c_void};

/// The function's name, NUL-terminated.
static FN_NAME: &[u8] = b"varn_contains\0";

/// Registers the function on a connection; returns `sqlite3_create_function_v2`'s code.
pub(crate) fn register(db: *mut ffi::sqlite3) -> c_int {
    // SAFETY: `db` is an open connection's handle; the name is NUL-terminated and static;
    // the function keeps no user data.
    unsafe {
        ffi::sqlite3_create_function_v2(
            db,
            FN_NAME.as_ptr().cast(),
            2,
            ffi::SQLITE_UTF8 | ffi::SQLITE_DETERMINISTIC | ffi::SQLITE_INNOCUOUS,
            std::ptr::null_mut(),
            Some(contains),
            None,
            None,
            None,
        )
    }
}

/// The bytes of a value as text (SQLite converts a number as `LIKE` would), empty for an
/// empty text.
///
/// SAFETY: `v` is a live argument of the current call; the slice lives until the value is
/// next converted, which this module does not do while it holds the slice.
unsafe fn text<'a>(v: *mut ffi::sqlite3_value) -> &'a [u8] {
    let p = ffi::sqlite3_value_text(v);
    let n = ffi::sqlite3_value_bytes(v);
    if p.is_null() || n <= 0 {
        &[]
    } else {
        std::slice::from_raw_parts(p, n as usize)
    }
}

unsafe extern "C" fn drop_finder(p: *mut c_void) {
    // SAFETY: `p` is the `Box<Finder>` this module handed to `sqlite3_set_auxdata`.
    drop(Box::from_raw(p.cast::<Finder<'static>>()));
}

unsafe extern "C" fn contains(ctx: *mut ffi::sqlite3_context, n_arg: c_int, args: *mut *mut ffi::sqlite3_value) {
    if n_arg != 2 {
        ffi::sqlite3_result_error_code(ctx, ffi::SQLITE_MISUSE);
        return;
    }
    let (hay, needle) = (*args, *args.add(1));
    if ffi::sqlite3_value_type(hay) == ffi::SQLITE_NULL || ffi::sqlite3_value_type(needle) == ffi::SQLITE_NULL {
        ffi::sqlite3_result_null(ctx);
        return;
    }
    let mut kept = ffi::sqlite3_get_auxdata(ctx, 1).cast::<Finder<'static>>().cast_const();
    if kept.is_null() {
        let made = Box::into_raw(Box::new(Finder::new(text(needle)).into_owned()));
        // SQLite may drop the data at once (it then calls `drop_finder`): asked again.
        ffi::sqlite3_set_auxdata(ctx, 1, made.cast(), Some(drop_finder));
        kept = ffi::sqlite3_get_auxdata(ctx, 1).cast::<Finder<'static>>().cast_const();
    }
    let found = if kept.is_null() {
        Finder::new(text(needle)).find(text(hay)).is_some()
    } else {
        (*kept).find(text(hay)).is_some()
    };
    ffi::sqlite3_result_int(ctx, c_int::from(found));
}
