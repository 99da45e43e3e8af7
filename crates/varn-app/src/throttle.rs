//! Throttling of password checks, per source and account name together (OWASP: delays that
//! grow per source, never a lock of the account for everyone). An attacker who guesses from
//! one address slows only their own guesses at that name; the owner signing in from
//! elsewhere is not held up, and a name that does not exist is throttled exactly like one
//! that does, so the answers do not tell which names exist. A second row per source counts
//! its failures over all names, against guessing one password at many names.
//!
//! Each check is counted *before* it is made (as a failure until it succeeds), in one
//! transaction, so parallel guesses cannot slip past the count.

use crate::{Actor, App, AppError, Audit};
use sea_orm::TransactionTrait;
use serde_json::json;
use std::net::IpAddr;
use varn_domain::user::throttle_seconds;
use varn_domain::Permission;
use varn_store::entity::sign_in_throttle::Model as Throttle;
use varn_store::repo::{self, throttles, throttles::ALL};

/// Checks per source and name before the delays begin.
pub const FREE_PER_ACCOUNT: i64 = 5;
/// Failed checks per source over all names before its delays begin (a whole city may sign
/// in from behind one address).
pub const FREE_PER_SOURCE: i64 = 100;
/// A row quiet this long starts over.
const QUIET_MINUTES: i64 = 60;

/// The source of a request as throttles count it: an IPv4 address, or the /64 network of
/// an IPv6 address (one host has a whole /64 to choose from).
pub fn source_of(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

/// The name as throttles count it (what the user typed, trimmed and lower-cased, bounded).
pub(crate) fn account_key(name: &str) -> String {
    name.trim().to_lowercase().chars().take(64).collect()
}

impl App {
    /// Counts a password check from `source` at `account` and lets it happen, or refuses it
    /// with the seconds to wait when the pair or the source is throttled.
    pub(crate) async fn admit_check(&self, source: &str, account: &str) -> Result<(), AppError> {
        let now = repo::now();
        let quiet = now - chrono::Duration::minutes(QUIET_MINUTES);
        let txn = self.store.write().begin().await?;
        let pair = throttles::count_attempt(&txn, source, account, quiet).await?;
        let all = throttles::count_attempt(&txn, source, ALL, quiet).await?;
        let wait = [&pair, &all].iter().filter_map(|r| r.blocked_until).filter(|u| *u > now).map(|u| (u - now).num_seconds().max(1)).max();
        if let Some(secs) = wait {
            txn.commit().await?;
            return Err(AppError::Locked(secs));
        }
        for (key, free) in [(account, FREE_PER_ACCOUNT), (ALL, FREE_PER_SOURCE)] {
            let failures = throttles::add_failure(&txn, source, key, 1).await?;
            let secs = throttle_seconds(failures, free);
            if secs > 0 {
                throttles::block(&txn, source, key, now + chrono::Duration::seconds(secs)).await?;
            }
        }
        txn.commit().await?;
        Ok(())
    }

    /// After a check that succeeded, inside the sign-in's transaction: the pair starts over,
    /// and the source's count over all names no longer holds this check against it.
    pub(crate) async fn check_succeeded<C: sea_orm::ConnectionTrait>(&self, w: &C, source: &str, account: &str) -> Result<(), AppError> {
        throttles::clear(w, source, account).await?;
        throttles::add_failure(w, source, ALL, -1).await?;
        Ok(())
    }

    /// Records a failed check with a name that does not exist: at most one audit row per
    /// source and minute, which says how many such failures it summarises.
    pub(crate) async fn unknown_name_failed(&self, source: &str) -> Result<(), AppError> {
        let minute = repo::now().timestamp() / 60;
        let w = self.begin_account_write().await?;
        match throttles::note_unknown(&*w, source, minute).await? {
            Some(n) => {
                let a = Audit::anonymous(None, "okänt namn", "auth.sign_in_failed", "user");
                w.commit(a.after(json!({"reason": "unknown_user", "source": source, "failures": n}))).await
            }
            None => Ok(w.commit_appended().await?),
        }
    }

    /// The throttles with failures, newest first, for the system administrator (user
    /// administration on the whole city): at most 500, and how many there are.
    pub async fn throttles(&self, actor: &Actor) -> Result<(Vec<Throttle>, u64), AppError> {
        let cap = actor.can(Permission::UserAdmin)?;
        if !cap.scope().is_all() {
            return Err(AppError::Forbidden);
        }
        Ok(throttles::list(self.store.read(), 500).await?)
    }

    /// Lifts a throttle (the pair, or a source's row over all names), audited.
    pub async fn lift_throttle(&self, actor: &Actor, source: &str, account: &str) -> Result<(), AppError> {
        let cap = actor.can(Permission::UserAdmin)?;
        if !cap.scope().is_all() {
            return Err(AppError::Forbidden);
        }
        let w = self.begin(&cap).await?;
        let Some(before) = throttles::find(&*w, source, account).await? else {
            return Err(AppError::NotFound);
        };
        throttles::clear(&*w, source, account).await?;
        let snapshot =
            json!({"source": before.source, "account": before.account, "failures": before.failures, "blocked_until": before.blocked_until});
        w.commit(actor.audit("auth.throttle_lift", "sign_in_throttle").before(snapshot)).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_addresses_or_ipv6_networks() {
        let p = |s: &str| s.parse::<IpAddr>().unwrap_or(IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED));
        assert_eq!(source_of(p("203.0.113.7")), "203.0.113.7");
        assert_eq!(source_of(p("2001:db8:1:2:aaaa::1")), "2001:db8:1:2::/64");
        assert_eq!(source_of(p("2001:db8:1:2:bbbb::9")), source_of(p("2001:db8:1:2:aaaa::1")));
        assert_eq!(source_of(p("::ffff:192.0.2.1")), "192.0.2.1");
        assert_eq!(account_key("  Lisa.Nilsson "), "lisa.nilsson");
        assert_eq!(account_key(&"x".repeat(500)).len(), 64);
    }
}
