//! Who is told, and by mail: a new report goes to the samordnare and the affected unit's
//! information security contact (the nearest one up the tree); a raised level also to the
//! level's contact list (a city setting, e.g. the krisledningsgrupp); a deadline within
//! the notice to the handler, the samordnare and the contact — the last two always at once,
//! whatever their choice of digest.

use super::{reference, Incidents};
use crate::mail::Message;
use crate::AppError;
use sea_orm::ConnectionTrait;
use varn_domain::incident::Level;
use varn_domain::{Code, Role};
use varn_store::entity::incident;
use varn_store::repo::incidents as repo;
use varn_store::repo::{mail, org, settings, users};

/// How far ahead a deadline is reminded of by mail.
pub const REMIND_HOURS: i64 = 12;

/// The setting that holds a level's contact list (user names, one per line).
pub fn contacts_key(level: Level) -> String {
    list_key(level.as_str())
}

/// The setting of a named list (`allvarlig_storning`, `kris`, `dataskyddsombud`).
pub fn list_key(name: &str) -> String {
    format!("incident.contacts.{name}")
}

/// The samordnare (the role on the root of `chain`) and the security contact nearest the
/// unit at its end.
pub(super) async fn samordnare_and_contact<C: ConnectionTrait>(
    db: &C,
    chain: &[varn_store::entity::org_unit::Model],
) -> Result<Vec<i64>, AppError> {
    let mut out = match chain.first() {
        Some(root) => mail::holders_on(db, Role::Samordnare, root.id).await?,
        None => vec![],
    };
    out.extend(chain.iter().rev().find_map(|u| u.security_contact_id));
    Ok(out)
}

impl Incidents<'_> {
    /// The samordnare (the role on the city's root) and the unit's nearest security contact.
    pub(super) async fn alerted<C: ConnectionTrait>(&self, db: &C, unit_path: &str) -> Result<Vec<i64>, AppError> {
        samordnare_and_contact(db, &super::report::chain(db, unit_path).await?.chain).await
    }

    /// The people on a level's contact list.
    pub(super) async fn level_contacts<C: ConnectionTrait>(&self, db: &C, level: Level) -> Result<Vec<i64>, AppError> {
        self.listed(db, &contacts_key(level)).await
    }

    /// The people on the list kept in the setting `key`.
    pub(super) async fn listed<C: ConnectionTrait>(&self, db: &C, key: &str) -> Result<Vec<i64>, AppError> {
        let Some(list) = settings::get(db, key).await? else { return Ok(vec![]) };
        let mut out = Vec::new();
        for name in list.lines().map(str::trim).filter(|n| !n.is_empty()) {
            if let Some(u) = users::find_person(db, name).await? {
                out.push(u.id);
            }
        }
        Ok(out)
    }

    /// The words every incident mail fills in.
    pub(super) async fn mail_args<C: ConnectionTrait>(&self, db: &C, i: &incident::Model) -> Result<Vec<(&'static str, String)>, AppError> {
        let unit = org::find_any(db, i.unit_id).await?.map(|u| u.name).unwrap_or_default();
        let (d, t) = varn_domain::incident::local_parts(i.aware_at);
        Ok(vec![
            ("title", i.title.clone()),
            ("unit", unit),
            ("reference", reference(i)),
            ("aware", format!("{d} {t}")),
            ("link", self.app.mail().link(&format!("/incidents/{}", i.id))),
        ])
    }

    /// Queues the mail about a raised level, at once to everyone.
    pub(super) async fn alert_escalated<C: ConnectionTrait>(
        &self,
        db: &C,
        i: &incident::Model,
        path: &str,
        who: &str,
        level_name: String,
        reason: &str,
    ) -> Result<(), AppError> {
        let mut args = self.mail_args(db, i).await?;
        args.extend([("who", who.to_owned()), ("level", level_name), ("reason", reason.to_owned())]);
        let mut to = self.alerted(db, path).await?;
        to.extend(self.level_contacts(db, i.level).await?);
        to.extend(i.handler_user_id);
        self.app.mail().queue(db, to, Message::new("incident_escalated", args).urgent()).await?;
        Ok(())
    }

    /// Queues a reminder of every running deadline within [`REMIND_HOURS`] not yet reminded
    /// of, each in its own transaction with the mark that it was. Returns how many.
    pub async fn remind_deadlines(&self) -> Result<usize, AppError> {
        let until = chrono::Utc::now() + chrono::Duration::hours(REMIND_HOURS);
        let due = repo::to_remind(self.app.store.read(), until, 100).await?;
        let mut n = 0;
        for i in due {
            let Some(at) = i.next_due else { continue };
            let w = self.app.begin_system_write().await?;
            let path = org::find_any(&*w, i.unit_id).await?.map(|u| u.path).unwrap_or_default();
            let mut args = self.mail_args(&*w, &i).await?;
            let (d, t) = varn_domain::incident::local_parts(at);
            args.push(("due", format!("{d} {t}")));
            let mut to = self.alerted(&*w, &path).await?;
            to.extend(i.handler_user_id);
            self.app.mail().queue(&*w, to, Message::new("incident_deadline", args).urgent()).await?;
            repo::reminded(&*w, i.id, at).await?;
            w.commit_appended().await?;
            n += 1;
        }
        Ok(n)
    }
}
