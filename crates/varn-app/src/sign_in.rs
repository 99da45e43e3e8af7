//! The sign-in's own transaction after the password check, apart from the rest of
//! [`crate::auth`] so that each file stays readable.

use crate::auth::{record_failure, sha256_hex, NewSession};
use crate::{App, AppError, Audit};
use sea_orm::{ActiveModelTrait, Set};
use serde_json::json;
use varn_store::entity::user;
use varn_store::repo::sessions;

impl App {
    /// The throttle settled and the failure or the new session recorded, with its audit
    /// row; returns the new session and the hash of the one it replaced.
    pub(crate) async fn finish_sign_in(
        &self,
        u: &user::Model,
        ok: bool,
        old_session: Option<&str>,
        source: &str,
        name: &str,
    ) -> Result<(NewSession, Option<String>), AppError> {
        let w = self.begin_session_write().await?;
        if !ok {
            self.check_failed(&*w, source, name).await?;
            let failures = record_failure(&*w, u.id).await?;
            let a = Audit::anonymous(Some(u.id), &u.username, "auth.sign_in_failed", "user").entity(u.id);
            w.commit(a.after(json!({"failed_logins": failures, "source": source}))).await?;
            return Err(AppError::Unauthenticated);
        }
        self.check_succeeded(&*w, source, name).await?;
        if u.failed_logins != 0 || u.locked_until.is_some() {
            let mut am: user::ActiveModel = u.clone().into();
            am.failed_logins = Set(0);
            am.locked_until = Set(None);
            am.update(&*w).await?;
        }
        let old_hash = old_session.map(sha256_hex);
        if let Some(old) = &old_hash {
            sessions::delete(&*w, old).await?;
        }
        let ns = self.new_session(&*w, u.id).await?;
        w.commit(Audit::anonymous(Some(u.id), &u.username, "auth.sign_in", "user").entity(u.id).after(json!({"source": source}))).await?;
        Ok((ns, old_hash))
    }
}
