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

/// What a throttle row says about the next check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gate {
    /// Check it now.
    Admit,
    /// Earlier checks are being decided: wait for their outcome.
    Wait,
    /// Throttled for this many seconds.
    Refuse(i64),
}

/// A check in flight for longer than this is taken to have died with its process.
const IN_FLIGHT_SECS: i64 = 30;

/// The gate of one row: blocked, free (fewer failures and checks in flight than `free`),
/// waiting for checks in flight, or — once a block has passed with nothing in flight — one
/// more check.
fn gate(row: &Throttle, free: i64, now: chrono::DateTime<chrono::Utc>) -> Gate {
    if let Some(until) = row.blocked_until.filter(|u| *u > now) {
        return Gate::Refuse((until - now).num_seconds().max(1));
    }
    if row.failures < free {
        return Gate::Admit;
    }
    if row.in_flight > 0 && row.last_at > now - chrono::Duration::seconds(IN_FLIGHT_SECS) {
        return Gate::Wait;
    }
    Gate::Admit
}

impl App {
    /// Counts a password check from `source` at `account` and lets it happen, or refuses it
    /// with the seconds to wait when the pair or the source is throttled. Checks beyond the
    /// free ones while others are in flight wait (up to 5 s) for those to be decided: right
    /// passwords sent at once all get through, wrong ones stop at the free count.
    pub(crate) async fn admit_check(&self, source: &str, account: &str) -> Result<(), AppError> {
        let waited = std::time::Instant::now();
        let (mut first, mut contended) = (true, 0);
        loop {
            match self.admit_step(source, account, first).await {
                // Another sign-in's transaction won a deadlock on PostgreSQL: nothing of this
                // one was kept, so it counts again.
                Err(e) if e.is_contention() && contended < 3 => {
                    contended += 1;
                    continue;
                }
                Err(e) => return Err(e),
                Ok(Some(decided)) => return decided,
                Ok(None) => first = false,
            }
            if waited.elapsed() > std::time::Duration::from_secs(5) {
                return Err(AppError::Locked(1));
            }
            tokio::time::sleep(std::time::Duration::from_millis(25)).await;
        }
    }

    /// One look at the throttles in one transaction (counting the attempt when `first`):
    /// admitted or refused, or none when it must wait for checks in flight.
    async fn admit_step(&self, source: &str, account: &str, first: bool) -> Result<Option<Result<(), AppError>>, AppError> {
        let now = repo::now();
        let quiet = now - chrono::Duration::minutes(QUIET_MINUTES);
        let txn = self.store.write().begin().await?;
        let pair = throttles::count_attempt(&txn, source, account, quiet, first).await?;
        let all = throttles::count_attempt(&txn, source, ALL, quiet, first).await?;
        let gates = [gate(&pair, FREE_PER_ACCOUNT, now), gate(&all, FREE_PER_SOURCE, now)];
        if let Some(secs) = gates.iter().filter_map(|g| if let Gate::Refuse(s) = g { Some(*s) } else { None }).max() {
            self.store.commit(txn).await?;
            return Ok(Some(Err(AppError::Locked(secs))));
        }
        if gates.iter().all(|g| *g == Gate::Admit) {
            throttles::admit(&txn, source, account).await?;
            throttles::admit(&txn, source, ALL).await?;
            self.store.commit(txn).await?;
            return Ok(Some(Ok(())));
        }
        self.store.commit(txn).await?;
        Ok(None)
    }

    /// After a check that succeeded, inside the sign-in's transaction: the pair starts over,
    /// and the source's count over all names no longer holds this check against it.
    pub(crate) async fn check_succeeded<C: sea_orm::ConnectionTrait>(&self, w: &C, source: &str, account: &str) -> Result<(), AppError> {
        throttles::clear(w, source, account).await?;
        throttles::settle(w, source, ALL, true).await?;
        Ok(())
    }

    /// After a check that failed, inside its transaction: no longer in flight, and from the
    /// free count on, the next check waits 2 s, then twice as long each failure (15 min at
    /// most), for the pair and for the source.
    pub(crate) async fn check_failed<C: sea_orm::ConnectionTrait>(&self, w: &C, source: &str, account: &str) -> Result<(), AppError> {
        let now = repo::now();
        for (key, free) in [(account, FREE_PER_ACCOUNT), (ALL, FREE_PER_SOURCE)] {
            if let Some(row) = throttles::settle(w, source, key, false).await? {
                let secs = throttle_seconds(row.failures, free);
                if secs > 0 {
                    throttles::block(w, source, key, now + chrono::Duration::seconds(secs)).await?;
                }
            }
        }
        Ok(())
    }

    /// Records a failed check with a name that does not exist: at most one audit row per
    /// source and minute, which says how many such failures it summarises.
    pub(crate) async fn unknown_name_failed(&self, source: &str, account: &str) -> Result<(), AppError> {
        let minute = repo::now().timestamp() / 60;
        let w = self.begin_account_write().await?;
        self.check_failed(&*w, source, account).await?;
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
        city_user_admin(actor)?;
        Ok(throttles::list(self.store.read(), 500).await?)
    }

    /// Lifts a throttle (the pair, or a source's row over all names), audited.
    pub async fn lift_throttle(&self, actor: &Actor, source: &str, account: &str) -> Result<(), AppError> {
        let cap = city_user_admin(actor)?;
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

/// Throttles are the city's, not a unit's: user administration over the whole city.
fn city_user_admin(actor: &Actor) -> Result<crate::Capability<'_>, AppError> {
    let cap = actor.can(Permission::UserAdmin)?;
    if cap.scope().is_all() {
        Ok(cap)
    } else {
        Err(AppError::Forbidden)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(failures: i64, in_flight: i64, blocked_secs: Option<i64>, last_secs_ago: i64) -> Throttle {
        let now = chrono::Utc::now();
        Throttle {
            source: "s".into(),
            account: "a".into(),
            attempts: 0,
            failures,
            in_flight,
            unaudited: 0,
            audit_minute: None,
            blocked_until: blocked_secs.map(|s| now + chrono::Duration::seconds(s)),
            first_at: now,
            last_at: now - chrono::Duration::seconds(last_secs_ago),
        }
    }

    #[test]
    fn the_gate_admits_waits_and_refuses() {
        let now = chrono::Utc::now();
        assert_eq!(gate(&row(0, 0, None, 0), 5, now), Gate::Admit);
        assert_eq!(gate(&row(4, 4, None, 0), 5, now), Gate::Admit, "fewer than the free count");
        assert_eq!(gate(&row(5, 5, None, 0), 5, now), Gate::Wait, "five in flight: wait for their outcome");
        assert_eq!(gate(&row(5, 0, Some(2), 0), 5, now), Gate::Refuse(2));
        assert_eq!(gate(&row(6, 0, Some(-1), 0), 5, now), Gate::Admit, "a passed block lets one more through");
        assert_eq!(gate(&row(6, 1, None, 0), 5, now), Gate::Wait, "… and only one");
        assert_eq!(gate(&row(6, 1, None, 60), 5, now), Gate::Admit, "a check in flight for a minute died with its process");
    }

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
