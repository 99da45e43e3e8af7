#![allow(clippy::rc_buffer)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use sqlx_core::column::ColumnIndex;
use sqlx_core::error::Error;
use sqlx_core::ext::ustr::UStr;
use sqlx_core::row::Row;
use sqlx_core::HashMap;

use crate::statement::StatementHandle;
use crate::{Sqlite, SqliteColumn, SqliteValue, SqliteValueRef};

/// Implementation of [`Row`] for SQLite.
pub struct SqliteRow {
    pub(crate) values: Box<[SqliteValue]>,
    pub(crate) columns: Arc<Vec<SqliteColumn>>,
    pub(crate) column_names: Arc<HashMap<UStr, usize>>,
    /// Värn: the place after the column last looked up by name, tried first by the next
    /// lookup (a row is mostly read in the order of its columns).
    pub(crate) next: AtomicUsize,
}

// Accessing values from the statement object is
// safe across threads as long as we don't call [sqlite3_step]

// we block ourselves from doing that by only exposing
// a set interface on [StatementHandle]

unsafe impl Send for SqliteRow {}
unsafe impl Sync for SqliteRow {}

impl SqliteRow {
    pub(crate) fn current(
        statement: &StatementHandle,
        columns: &Arc<Vec<SqliteColumn>>,
        column_names: &Arc<HashMap<UStr, usize>>,
    ) -> Self {
        let size = statement.column_count();
        let mut values = Vec::with_capacity(size);

        for i in 0..size {
            // Värn: read into the value's own memory (value.rs, `Kept`), not copied by SQLite.
            values.push(SqliteValue::read(statement, i, columns[i].type_info.clone()));
        }

        Self {
            values: values.into_boxed_slice(),
            columns: Arc::clone(columns),
            column_names: Arc::clone(column_names),
            next: AtomicUsize::new(0),
        }
    }
}

impl Row for SqliteRow {
    type Database = Sqlite;

    fn columns(&self) -> &[SqliteColumn] {
        &self.columns
    }

    fn try_get_raw<I>(&self, index: I) -> Result<SqliteValueRef<'_>, Error>
    where
        I: ColumnIndex<Self>,
    {
        let index = index.index(self)?;
        Ok(SqliteValueRef::value(&self.values[index]))
    }
}

impl ColumnIndex<SqliteRow> for &'_ str {
    fn index(&self, row: &SqliteRow) -> Result<usize, Error> {
        // Värn: the columns are compared by name from the one after the column last looked up
        // (a row is mostly read in the order of its columns), instead of hashing the name for
        // the map; only when two columns share a name is the map asked, as upstream does (it
        // finds the last of them) (vendor/sqlx-sqlite/VARN-PATCH.md).
        let columns = &row.columns[..];
        let index = if row.column_names.len() == columns.len() {
            let next = row.next.load(Ordering::Relaxed).min(columns.len());
            let named = |i: &usize| &*columns[*i].name == *self;
            (next..columns.len()).chain(0..next).find(named)
        } else {
            row.column_names.get(*self).copied()
        };
        let index = index.ok_or_else(|| Error::ColumnNotFound((*self).into()))?;
        row.next.store(index + 1, Ordering::Relaxed);
        Ok(index)
    }
}

// #[cfg(feature = "any")]
// impl From<SqliteRow> for crate::any::AnyRow {
//     #[inline]
//     fn from(row: SqliteRow) -> Self {
//         crate::any::AnyRow {
//             columns: row.columns.iter().map(|col| col.clone().into()).collect(),
//             kind: crate::any::row::AnyRowKind::Sqlite(row),
//         }
//     }
// }
