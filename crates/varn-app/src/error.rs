//! The errors of the use cases. The web layer maps each to one response.

use varn_domain::FieldErrors;

/// Why a use case did not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Not signed in, or the credentials are wrong.
    #[error("not signed in")]
    Unauthenticated,
    /// Too many failed sign-ins: wait this many seconds.
    #[error("locked for {0} s")]
    Locked(i64),
    /// Signed in but not allowed.
    #[error("forbidden")]
    Forbidden,
    /// Signed in, may see it, but not allowed to do this, for a reason worth telling (a
    /// catalogue key and its arguments): "you do not act for Socialnämnden".
    #[error("refused: {0}")]
    Refused(String, Vec<(String, String)>),
    /// No such thing, or not one the user may know of.
    #[error("not found")]
    NotFound,
    /// The input has mistakes, per field.
    #[error("invalid input")]
    Invalid(FieldErrors),
    /// The request conflicts with the state: a catalogue key and its arguments.
    #[error("conflict: {0}")]
    Conflict(String, Vec<(String, String)>),
    /// The database failed.
    #[error("database: {0}")]
    Db(#[from] sea_orm::DbErr),
    /// Something else failed inside.
    #[error("internal: {0}")]
    Internal(String),
}

impl AppError {
    /// A one-field validation error.
    pub fn field(field: &str, code: &str) -> Self {
        AppError::Invalid(FieldErrors::one(field, code))
    }

    /// For `map_err` on a write: a unique constraint the input broke becomes the mistake
    /// `code` at `field` (the check before the write can lose a race; the database cannot);
    /// any other database error stays one.
    pub fn on_unique(field: &'static str, code: &'static str) -> impl Fn(sea_orm::DbErr) -> AppError {
        move |e| match e.sql_err() {
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => AppError::field(field, code),
            _ => AppError::Db(e),
        }
    }

    /// A conflict without arguments.
    pub fn conflict(code: &str) -> Self {
        AppError::Conflict(code.to_owned(), vec![])
    }
}

impl From<FieldErrors> for AppError {
    fn from(e: FieldErrors) -> Self {
        AppError::Invalid(e)
    }
}

impl AppError {
    /// Whether the database gave up the transaction only because of another one running at
    /// the same time (PostgreSQL's deadlock or serialization failure): doing it again is
    /// the right answer, not an error for the user.
    pub fn is_contention(&self) -> bool {
        match self {
            AppError::Db(e) => {
                let m = e.to_string();
                m.contains("deadlock detected") || m.contains("could not serialize") || m.contains("40P01") || m.contains("40001")
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod contention_tests {
    use super::AppError;

    #[test]
    fn deadlocks_and_serialization_failures_are_contention_and_nothing_else_is() {
        let db = |m: &str| AppError::Db(sea_orm::DbErr::Custom(m.into()));
        assert!(db("error returned from database: deadlock detected").is_contention());
        assert!(db("could not serialize access due to concurrent update").is_contention());
        assert!(!db("duplicate key value violates unique constraint").is_contention());
        assert!(!AppError::Forbidden.is_contention());
    }
}
