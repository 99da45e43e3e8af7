//! Sending what is due through the SMTP server. A mail alone goes as it is; a person's
//! digest rows go together as one mail. A failed try waits 1, 2, 4 … minutes (at most an
//! hour) before the next. The outbox's bookkeeping (sent, failed) is not audited row by row:
//! the change that queued the mail was.

use super::{Mail, MailConfig, Tls};
use crate::AppError;
use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use std::collections::BTreeMap;
use varn_store::entity::mail_outbox;
use varn_store::repo::mail as repo;

/// What one round of sending did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Delivered {
    /// Mails sent (a digest counts once).
    pub sent: usize,
    /// Mails that failed and wait for another try.
    pub failed: usize,
}

fn transport(c: &MailConfig) -> Result<AsyncSmtpTransport<Tokio1Executor>, AppError> {
    let bad = |e: lettre::transport::smtp::Error| AppError::Internal(format!("smtp {}: {e}", c.host));
    let b = match c.tls {
        Tls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&c.host),
        Tls::StartTls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&c.host).map_err(bad)?,
        Tls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&c.host).map_err(bad)?,
    };
    let b = b.port(c.port).timeout(Some(std::time::Duration::from_secs(15)));
    let b = match (&c.username, &c.password) {
        (Some(u), Some(p)) => b.credentials(Credentials::new(u.clone(), p.clone())),
        _ => b,
    };
    Ok(b.build())
}

/// The next try after `attempts` failures.
fn backoff(attempts: i32) -> chrono::Duration {
    chrono::Duration::minutes(1i64 << attempts.clamp(0, 6)).min(chrono::Duration::hours(1))
}

impl Mail<'_> {
    /// Sends what is due. Without a configured server, nothing is sent and the queue keeps.
    pub async fn deliver_due(&self) -> Result<Delivered, AppError> {
        let Some(cfg) = &self.app.config.mail else { return Ok(Delivered::default()) };
        let db = self.app.store.write();
        let now = varn_store::repo::now();
        let due = repo::due(db, now, 200).await?;
        if due.is_empty() {
            return Ok(Delivered::default());
        }
        let t = transport(cfg)?;
        let mut groups: BTreeMap<(bool, String, i64), Vec<mail_outbox::Model>> = BTreeMap::new();
        for m in due {
            // A digest row groups by person; any other stands alone.
            let key = if m.digest { (true, m.to_addr.clone(), 0) } else { (false, m.to_addr.clone(), m.id) };
            groups.entry(key).or_default().push(m);
        }
        let mut d = Delivered::default();
        for ((digest, to, _), rows) in groups {
            let (subject, body) = if digest { self.digest_text(&rows).await? } else { (rows[0].subject.clone(), rows[0].body.clone()) };
            let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
            match self.send_one(&t, cfg, &to, &subject, body).await {
                Ok(()) => {
                    repo::mark_sent(db, ids, varn_store::repo::now()).await?;
                    d.sent += 1;
                }
                Err(e) => {
                    let attempts = rows.iter().map(|r| r.attempts).max().unwrap_or(0) + 1;
                    tracing::warn!(to = %to, attempts, error = %e, "mail not delivered; will try again");
                    repo::mark_failed(db, ids, attempts, now + backoff(attempts), &e).await?;
                    d.failed += 1;
                }
            }
        }
        Ok(d)
    }

    async fn send_one(
        &self,
        t: &AsyncSmtpTransport<Tokio1Executor>,
        cfg: &MailConfig,
        to: &str,
        subject: &str,
        body: String,
    ) -> Result<(), String> {
        let msg = lettre::Message::builder()
            .from(cfg.from.parse().map_err(|e| format!("from: {e}"))?)
            .to(to.parse().map_err(|e| format!("to: {e}"))?)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body)
            .map_err(|e| e.to_string())?;
        t.send(msg).await.map(|_| ()).map_err(|e| e.to_string())
    }

    /// One mail of a person's digest rows, in their language.
    async fn digest_text(&self, rows: &[mail_outbox::Model]) -> Result<(String, String), AppError> {
        let lang = match rows[0].user_id {
            Some(u) => varn_store::repo::users::find_any(self.app.store.read(), u).await?.map(|u| u.locale).unwrap_or_else(|| "sv".into()),
            None => "sv".into(),
        };
        let items = rows.iter().map(|r| format!("— {}\n\n{}", r.subject, r.body)).collect::<Vec<_>>().join("\n\n");
        Ok(self.app.mail_texts.render("digest", &lang, &[("n", rows.len().to_string()), ("items", items)]))
    }
}

#[cfg(test)]
mod tests {
    use super::backoff;

    #[test]
    fn retries_wait_longer_each_time_but_never_more_than_an_hour() {
        assert_eq!(backoff(1).num_minutes(), 2);
        assert_eq!(backoff(3).num_minutes(), 8);
        assert_eq!(backoff(40).num_minutes(), 60);
    }
}
