//! Field-level validation errors. Messages are catalogue keys, translated by the web layer.

use serde::Serialize;

/// One problem with one field of a form or JSON body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The field name as the form and the JSON body call it.
    pub field: String,
    /// A catalogue key such as `err.required`.
    pub code: String,
}

/// All the problems found with one submission.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    /// No errors yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a problem with `field`.
    pub fn add(&mut self, field: &str, code: &str) {
        self.0.push(FieldError { field: field.to_owned(), code: code.to_owned() });
    }

    /// A single-error set.
    pub fn one(field: &str, code: &str) -> Self {
        let mut e = Self::new();
        e.add(field, code);
        e
    }

    /// True when nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first code recorded for `field`, if any.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.iter().find(|e| e.field == field).map(|e| e.code.as_str())
    }

    /// Ok when empty, otherwise the errors.
    pub fn into_result(self) -> Result<(), FieldErrors> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }

    /// Collects the error of a parse into this set and returns the value if it parsed.
    pub fn check<T>(&mut self, field: &str, r: Result<T, &'static str>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(code) => {
                self.add(field, code);
                None
            }
        }
    }
}

/// Trims `s` and checks that it has between 1 and `max` characters.
pub fn bounded_text(s: &str, max: usize) -> Result<String, &'static str> {
    let t = s.trim();
    if t.is_empty() {
        Err("err.required")
    } else if t.chars().count() > max {
        Err("err.too_long")
    } else if t.chars().any(|c| c.is_control()) {
        Err("err.invalid_chars")
    } else {
        Ok(t.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_text_trims_and_limits() {
        assert_eq!(bounded_text("  Hej  ", 10), Ok("Hej".to_owned()));
        assert_eq!(bounded_text("   ", 10), Err("err.required"));
        assert_eq!(bounded_text("abcdefghijk", 10), Err("err.too_long"));
        assert_eq!(bounded_text("åäöåäöåäöå", 10), Ok("åäöåäöåäöå".to_owned()));
        assert_eq!(bounded_text("a\u{0}b", 10), Err("err.invalid_chars"));
    }

    #[test]
    fn field_errors_collect() {
        let mut e = FieldErrors::new();
        assert!(e.clone().into_result().is_ok());
        assert_eq!(e.check::<u8>("a", Err("err.required")), None);
        assert_eq!(e.check("b", Ok(3)), Some(3));
        assert_eq!(e.get("a"), Some("err.required"));
        assert_eq!(e.get("b"), None);
        assert!(e.into_result().is_err());
    }
}
