//! One audited write: a use case opens a [`Write`], reads and writes inside its transaction,
//! and can only commit it together with the [`Audit`] row that describes the change. Dropping
//! a `Write` without committing rolls everything back.

use crate::{Actor, App, AppError, Capability};
use sea_orm::{DatabaseTransaction, TransactionTrait};
use serde_json::Value;
use varn_store::repo::audit::{self, NewAudit};

/// An open write transaction. Dereferences to the transaction, so repository functions take
/// `&*w` (or `&w` where a `&DatabaseTransaction` is expected).
pub struct Write(DatabaseTransaction, varn_store::Store, std::sync::Arc<std::sync::atomic::AtomicU64>);

impl std::ops::Deref for Write {
    type Target = DatabaseTransaction;
    fn deref(&self) -> &DatabaseTransaction {
        &self.0
    }
}

impl Write {
    /// Appends the audit row and commits, both or neither; returns once the write is on the
    /// disk (`Store::commit`).
    pub async fn commit(self, entry: Audit) -> Result<(), AppError> {
        audit::append(&self.0, self.1.audit_key(), entry.0).await?;
        self.1.commit(self.0).await?;
        self.2.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    }
}

impl Write {
    /// Commits without a row of its own: a bulk load whose changes each appended their own
    /// row ([`Audit::append_in`]), or bookkeeping that is deliberately not audited row by row
    /// (sign-in throttles, whose failures are summarised instead).
    pub(crate) async fn commit_appended(self) -> Result<(), AppError> {
        self.1.commit(self.0).await?;
        self.2.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    }
}

impl App {
    /// Opens a write for the holder of `cap`. Reads that the write depends on belong inside it.
    pub async fn begin(&self, cap: &Capability<'_>) -> Result<Write, AppError> {
        let _ = cap.permission();
        Ok(Write(self.store.write().begin().await?, self.store.clone(), self.writes.clone()))
    }

    /// Opens a write on a person's own account, which no role's permission covers: signing
    /// in and out, changing one's password, one's API tokens.
    pub(crate) async fn begin_account_write(&self) -> Result<Write, AppError> {
        Ok(Write(self.store.write().begin().await?, self.store.clone(), self.writes.clone()))
    }

    /// Opens a sign-in's or a sign-out's write: it changes only the person's sessions, their
    /// count of failed attempts and the audit log, none of which the views kept between
    /// writes show (see `App::writes`), so its commit does not count as a write for them:
    /// sixteen people signing in at once had the city's document follow-up and the carriers'
    /// graph read sixteen times over.
    pub(crate) async fn begin_session_write(&self) -> Result<Write, AppError> {
        let uncounted = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
        Ok(Write(self.store.write().begin().await?, self.store.clone(), uncounted))
    }

    /// Opens a write the system makes on its own schedule (a deadline reminder queued):
    /// bookkeeping no person caused, committed with [`Write::commit_appended`].
    pub(crate) async fn begin_system_write(&self) -> Result<Write, AppError> {
        self.begin_account_write().await
    }
}

/// The audit row of a change: who, what, which entity, where in the organisation, and the
/// entity before and after.
#[derive(Debug, Clone)]
#[must_use = "an audit row is recorded only by committing it"]
pub struct Audit(NewAudit);

impl Audit {
    /// A change made by `actor`.
    pub fn by(actor: &Actor, action: &str, entity_type: &str) -> Self {
        Audit(NewAudit {
            actor_id: Some(actor.id.0),
            actor_name: actor.username.clone(),
            action: action.to_owned(),
            entity_type: entity_type.to_owned(),
            ..Default::default()
        })
    }

    /// A record made for someone who is not signed in (a failed sign-in, the system).
    pub fn anonymous(actor_id: Option<i64>, name: &str, action: &str, entity_type: &str) -> Self {
        Audit(NewAudit {
            actor_id,
            actor_name: name.chars().take(64).collect(),
            action: action.to_owned(),
            entity_type: entity_type.to_owned(),
            ..Default::default()
        })
    }

    /// A record of the system itself (the demo city loaded at first start).
    pub(crate) fn system(action: &str, entity_type: &str) -> Self {
        Audit::anonymous(None, "system", action, entity_type)
    }

    /// Appends the row inside a bulk load's own transaction (the demo city), where one
    /// transaction holds many changes, each with its row.
    pub(crate) async fn append_in(self, w: &Write) -> Result<(), AppError> {
        audit::append(&w.0, w.1.audit_key(), self.0).await?;
        Ok(())
    }

    /// The entity changed.
    pub fn entity(mut self, id: i64) -> Self {
        self.0.entity_id = Some(id);
        self
    }

    /// Where in the organisation it lies (for scoped reading of the log).
    pub fn at(mut self, path: impl Into<Option<String>>) -> Self {
        self.0.org_path = path.into();
        self
    }

    /// The entity before.
    pub fn before(mut self, v: Value) -> Self {
        self.0.before = Some(v);
        self
    }

    /// The entity after.
    pub fn after(mut self, v: Value) -> Self {
        self.0.after = Some(v);
        self
    }
}
