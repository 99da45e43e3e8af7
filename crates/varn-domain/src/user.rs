//! Validated values of a user account.

use crate::validation::bounded_text;

/// A sign-in name: 2–64 characters of `a-z 0-9 . _ -`, stored lower-case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Username(String);

impl Username {
    /// Validates and lower-cases a sign-in name.
    pub fn parse(s: &str) -> Result<Self, &'static str> {
        let t = s.trim().to_lowercase();
        if t.is_empty() {
            return Err("err.required");
        }
        if t.len() < 2 || t.len() > 64 {
            return Err("err.user.username_length");
        }
        if !t.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-')) {
            return Err("err.user.username_chars");
        }
        Ok(Username(t))
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The name, owned.
    pub fn into_inner(self) -> String {
        self.0
    }
}

/// A person's display name, 1–120 characters.
pub fn display_name(s: &str) -> Result<String, &'static str> {
    bounded_text(s, 120)
}

/// An e-mail address: empty (none) or one `@` with text on both sides and a dot in the domain.
pub fn email(s: &str) -> Result<Option<String>, &'static str> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let mut parts = t.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return Err("err.user.email_invalid");
    };
    if local.is_empty() || domain.len() < 3 || !domain.contains('.') || t.len() > 254 || t.chars().any(char::is_whitespace) {
        return Err("err.user.email_invalid");
    }
    Ok(Some(t.to_owned()))
}

/// A new password, checked against the policy: at least 12 characters, at most 256, not
/// only one repeated character, and not the user name.
pub struct NewPassword(String);

impl NewPassword {
    /// Checks a new password against the policy.
    pub fn parse(s: &str, username: &str) -> Result<Self, &'static str> {
        let n = s.chars().count();
        if n < 12 {
            return Err("err.user.password_short");
        }
        if n > 256 {
            return Err("err.too_long");
        }
        let first = s.chars().next();
        if s.chars().all(|c| Some(c) == first) || s.eq_ignore_ascii_case(username) {
            return Err("err.user.password_weak");
        }
        Ok(NewPassword(s.to_owned()))
    }

    /// The password, to be hashed and forgotten.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

/// How long a source must wait before its next password check after `failures` checks that
/// failed, when the first `free` go unhindered, in seconds: nothing below `free`, then
/// doubling from 2 s up to 15 minutes.
pub fn throttle_seconds(failures: i64, free: i64) -> i64 {
    if failures < free {
        0
    } else {
        let exp = (failures - free).min(20) as u32;
        (2_i64.saturating_pow(exp + 1)).min(900)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames() {
        assert_eq!(Username::parse(" Anna.Berg ").map(Username::into_inner), Ok("anna.berg".into()));
        assert_eq!(Username::parse("a"), Err("err.user.username_length"));
        assert_eq!(Username::parse("anna berg"), Err("err.user.username_chars"));
        assert_eq!(Username::parse("åsa"), Err("err.user.username_chars"));
        assert_eq!(Username::parse(""), Err("err.required"));
    }

    #[test]
    fn emails() {
        assert_eq!(email(""), Ok(None));
        assert_eq!(email("anna@stad.se"), Ok(Some("anna@stad.se".into())));
        assert!(email("anna").is_err());
        assert!(email("anna@se").is_err());
        assert!(email("a@b@c.se").is_err());
        assert!(email("an na@stad.se").is_err());
    }

    #[test]
    fn password_policy() {
        assert!(NewPassword::parse("kort", "anna").is_err());
        assert!(NewPassword::parse("aaaaaaaaaaaaaaa", "anna").is_err());
        assert!(NewPassword::parse("annaberg1234", "annaberg1234").is_err());
        assert!(NewPassword::parse("Sommarstuga-2026", "anna").is_ok());
        assert_eq!(format!("{:?}", NewPassword::parse("Sommarstuga-2026", "anna").ok()), "Some(NewPassword(***))");
    }

    #[test]
    fn lockout_grows_and_caps() {
        assert_eq!(throttle_seconds(0, 5), 0);
        assert_eq!(throttle_seconds(4, 5), 0);
        assert_eq!(throttle_seconds(5, 5), 2);
        assert_eq!(throttle_seconds(6, 5), 4);
        assert_eq!(throttle_seconds(30, 5), 900);
        assert_eq!(throttle_seconds(99, 100), 0);
        assert_eq!(throttle_seconds(101, 100), 4);
    }
}
