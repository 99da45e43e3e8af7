//! E-mail. A change that should tell someone queues the mail in its own transaction (the
//! outbox in the database), so a mail server that is down loses nothing; the sender
//! ([`Mail::deliver_due`]) sends what is due through the configured SMTP server with
//! `lettre`, and a failed try is retried later (1, 2, 4 … minutes, at most an hour apart).
//! Each person chooses immediate mail or a daily digest; legal deadlines and escalations are
//! always sent at once. Texts come from `data/mail/messages.yaml` in each person's language.

mod send;
mod texts;

pub use send::Delivered;
pub use texts::Texts;

use crate::{App, AppError};
use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;
use varn_store::repo::mail::{self as repo, NewMail};

/// How the connection to the SMTP server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tls {
    /// Plain SMTP (a relay on the same host or network).
    None,
    /// STARTTLS on the submission port.
    StartTls,
    /// TLS from the first byte (SMTPS, port 465).
    Tls,
}

/// The SMTP server and the sender's address.
#[derive(Clone)]
pub struct MailConfig {
    /// Host name.
    pub host: String,
    /// Port.
    pub port: u16,
    /// Protection.
    pub tls: Tls,
    /// User name, if the server asks for one.
    pub username: Option<String>,
    /// Its password.
    pub password: Option<String>,
    /// From: `Värn <varn@stad.se>`.
    pub from: String,
    /// The address people reach Värn at, for links in mail (`https://varn.stad.se`).
    pub public_url: String,
    /// The local hour the daily digest goes out.
    pub digest_hour: u32,
}

impl std::fmt::Debug for MailConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailConfig")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("tls", &self.tls)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "***"))
            .field("from", &self.from)
            .field("public_url", &self.public_url)
            .finish()
    }
}

impl App {
    /// E-mail.
    pub fn mail(&self) -> Mail<'_> {
        Mail { app: self }
    }
}

/// E-mail's use cases.
#[derive(Clone, Copy)]
pub struct Mail<'a> {
    app: &'a App,
}

/// A message to queue: its text's key in the messages file and the values to fill in.
pub(crate) struct Message {
    pub(crate) key: &'static str,
    pub(crate) args: Vec<(&'static str, String)>,
    /// Sent at once whatever the person chose (deadlines, escalation).
    pub(crate) urgent: bool,
}

impl Message {
    /// A message following each person's choice.
    pub(crate) fn new(key: &'static str, args: Vec<(&'static str, String)>) -> Self {
        Message { key, args, urgent: false }
    }

    /// Sent at once to everyone.
    pub(crate) fn urgent(mut self) -> Self {
        self.urgent = true;
        self
    }
}

impl Mail<'_> {
    /// The link to a path of Värn, for a mail.
    pub(crate) fn link(&self, path: &str) -> String {
        let base = self.app.config.mail.as_ref().map(|m| m.public_url.trim_end_matches('/').to_owned()).unwrap_or_default();
        format!("{base}{path}")
    }

    /// The next digest hour after `now`, in Swedish local time.
    fn next_digest(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        let hour = self.app.config.mail.as_ref().map_or(7, |m| m.digest_hour.min(23));
        let today = varn_domain::incident::local_date(now);
        let at = |d: chrono::NaiveDate| varn_domain::incident::local_to_utc(d.and_hms_opt(hour, 0, 0).unwrap_or_default());
        let t = at(today);
        if t > now {
            t
        } else {
            at(today.succ_opt().unwrap_or(today))
        }
    }

    /// The people among `users` who can be mailed (active, with an address), with their
    /// language and choice of digest.
    pub(crate) async fn people<C: ConnectionTrait>(&self, db: &C, users: Vec<i64>) -> Result<Vec<repo::Recipient>, AppError> {
        let mut users = users;
        users.sort_unstable();
        users.dedup();
        Ok(repo::recipients(db, users).await?)
    }

    /// `m` written out for each of `people`, in their language, to go now or with the digest.
    pub(crate) fn compose(&self, people: &[repo::Recipient], m: &Message) -> Vec<NewMail> {
        let now = varn_store::repo::now();
        people
            .iter()
            .map(|p| {
                let (subject, body) = self.app.mail_texts.render(m.key, &p.locale, &m.args);
                let digest = !m.urgent && p.mode.as_deref() == Some("digest");
                let deliver_after = if digest { self.next_digest(now) } else { now };
                NewMail { user_id: Some(p.id), to_addr: p.email.clone(), subject, body, digest, deliver_after }
            })
            .collect()
    }

    /// Queues `m` to `users` through `db` (the transaction of the change that causes it).
    /// People without an address or no longer active are left out. Returns how many.
    pub(crate) async fn queue<C: ConnectionTrait>(&self, db: &C, users: Vec<i64>, m: Message) -> Result<usize, AppError> {
        let people = self.people(db, users).await?;
        let mails = self.compose(&people, &m);
        let n = mails.len();
        repo::enqueue(db, mails).await?;
        Ok(n)
    }

    /// How many mails wait to be sent.
    pub async fn waiting(&self) -> Result<u64, AppError> {
        Ok(repo::waiting(self.app.store.read()).await?)
    }
}

/// Runs the sender: every `every`, reminds of deadlines coming within the notice and sends
/// what is due. Stops when the runtime does.
pub fn spawn_worker(app: App, every: std::time::Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(e) = app.incidents().remind_deadlines().await {
                tracing::warn!(error = ?e, "could not queue deadline reminders");
            }
            match app.mail().deliver_due().await {
                Ok(d) if d.sent + d.failed > 0 => tracing::info!(sent = d.sent, failed = d.failed, "mail delivered"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = ?e, "could not deliver mail"),
            }
        }
    })
}

/// A person's choice: each mail at once, or a daily digest.
pub const MODES: [&str; 2] = ["immediate", "digest"];

impl Mail<'_> {
    /// The actor's choice (`immediate` when never made).
    pub async fn mode(&self, actor: &crate::Actor) -> Result<String, AppError> {
        Ok(repo::mode_of(self.app.store.read(), actor.id.0).await?.unwrap_or_else(|| MODES[0].to_owned()))
    }

    /// Sets the actor's own choice, audited.
    pub async fn set_mode(&self, actor: &crate::Actor, mode: &str) -> Result<(), AppError> {
        if !MODES.contains(&mode) {
            return Err(AppError::field("mode", "err.choose"));
        }
        let w = self.app.begin_account_write().await?;
        let before = repo::mode_of(&*w, actor.id.0).await?;
        repo::set_mode(&*w, actor.id.0, mode).await?;
        let audit = actor.audit("user.mail_mode", "user").entity(actor.id.0);
        w.commit(audit.before(serde_json::json!({"mode": before})).after(serde_json::json!({"mode": mode}))).await?;
        self.app.incident_alerts.invalidate_all();
        Ok(())
    }
}
