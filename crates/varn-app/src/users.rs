//! User accounts and role grants (Systemadministratör).

use crate::{Actor, App, AppError};
use sea_orm::{ActiveModelTrait, Set};
use serde::Deserialize;
use serde_json::{json, Value};
use varn_domain::user::{display_name, email, NewPassword, Username};
use varn_domain::{Code, FieldErrors, OrgPath, Permission, Role};
use varn_store::entity::user::{self, Model as User};
use varn_store::repo::users::{self as repo, GrantRow, UserFilter};
use varn_store::repo::{now, org, sessions, ListParams, Page};

/// A user as submitted, before validation.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct UserInput {
    /// Sign-in name (only when creating).
    #[serde(default)]
    pub username: String,
    /// Name to show.
    #[serde(default)]
    pub display_name: String,
    /// E-mail, may be empty.
    #[serde(default)]
    pub email: String,
    /// Initial password (only when creating), may be empty for none.
    #[serde(default)]
    pub password: String,
}

impl std::fmt::Display for UserInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.username)
    }
}

/// A role grant as submitted.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct GrantInput {
    /// Role code.
    #[serde(default)]
    pub role: String,
    /// Unit id.
    #[serde(default)]
    pub org_unit_id: String,
}

/// The JSON kept in the audit log for a user (never the password hash).
pub fn snapshot(u: &User) -> Value {
    json!({"id": u.id, "username": u.username, "display_name": u.display_name, "email": u.email, "active": u.active})
}

/// A user with their grants.
#[derive(Debug, Clone)]
pub struct UserDetail {
    /// The user.
    pub user: User,
    /// Their grants.
    pub grants: Vec<GrantRow>,
}

impl App {
    /// Users visible to the actor.
    /// The count is kept between this server's writes (`list_counts`).
    pub async fn users_list(&self, actor: &Actor, f: &UserFilter, p: &ListParams) -> Result<Page<User>, AppError> {
        let scope = actor.scope(Permission::UserRead);
        self.kept_count("users", &scope, f, p, |known| repo::list_counted(self.store.read(), &scope, f, p, known)).await
    }

    /// One user, or `NotFound` when not visible.
    pub async fn user_get(&self, actor: &Actor, id: i64) -> Result<UserDetail, AppError> {
        let db = self.store.read();
        let scope = if id == actor.id.0 { varn_domain::Scope::All } else { actor.scope(Permission::UserRead) };
        let user =
            if id == actor.id.0 { repo::find_any(db, id).await? } else { repo::find(db, &scope, id).await? }.ok_or(AppError::NotFound)?;
        // Only the grants on units the viewer may see: a förvaltning's administrator does not
        // learn what a person is also entrusted with elsewhere in the city.
        let grants = repo::grants_of_in(db, id, &scope).await?;
        Ok(UserDetail { user, grants })
    }

    /// Creates a user (Systemadministratör).
    pub async fn user_create(&self, actor: &Actor, i: &UserInput) -> Result<User, AppError> {
        let cap = actor.can(Permission::UserAdmin)?;
        let mut e = FieldErrors::new();
        let username = e.check("username", Username::parse(&i.username));
        let name = e.check("display_name", display_name(&i.display_name));
        let mail = e.check("email", email(&i.email));
        let pw = if i.password.is_empty() { None } else { e.check("password", NewPassword::parse(&i.password, &i.username)) };
        if let Some(u) = &username {
            if repo::by_username(self.store.read(), u.as_str()).await?.is_some() {
                e.add("username", "err.user.username_taken");
            }
        }
        e.into_result()?;
        let (Some(username), Some(name), Some(mail)) = (username, name, mail) else {
            return Err(AppError::Internal("unreachable".into()));
        };
        let hash = match pw {
            Some(p) => Some(self.hash_password(p.expose()).await?),
            None => None,
        };
        let w = self.begin(&cap).await?;
        let taken = AppError::on_unique("username", "err.user.username_taken");
        let u = repo::new_user(username.into_inner(), name, mail, hash).insert(&*w).await.map_err(taken)?;
        w.commit(actor.audit("user.create", "user").entity(u.id).after(snapshot(&u))).await?;
        self.forget_sessions();
        Ok(u)
    }

    /// Changes a user's name and e-mail (Systemadministratör).
    pub async fn user_update(&self, actor: &Actor, id: i64, i: &UserInput) -> Result<User, AppError> {
        let cap = actor.can(Permission::UserAdmin)?;
        let mut e = FieldErrors::new();
        let name = e.check("display_name", display_name(&i.display_name));
        let mail = e.check("email", email(&i.email));
        e.into_result()?;
        let (Some(name), Some(mail)) = (name, mail) else {
            return Err(AppError::Internal("unreachable".into()));
        };
        let w = self.begin(&cap).await?;
        let u = repo::find_any(&*w, id).await?.ok_or(AppError::NotFound)?;
        let before = snapshot(&u);
        let mut am: user::ActiveModel = u.into();
        am.display_name = Set(name);
        am.email = Set(mail);
        am.updated_at = Set(now());
        let u = am.update(&*w).await?;
        w.commit(actor.audit("user.update", "user").entity(u.id).before(before).after(snapshot(&u))).await?;
        self.forget_sessions();
        Ok(u)
    }

    /// Deactivates or reactivates a user; deactivation ends their sessions.
    pub async fn user_set_active(&self, actor: &Actor, id: i64, active: bool) -> Result<User, AppError> {
        let cap = actor.can(Permission::UserAdmin)?;
        if id == actor.id.0 && !active {
            return Err(AppError::conflict("err.user.self_deactivate"));
        }
        let w = self.begin(&cap).await?;
        let u = repo::find_any(&*w, id).await?.ok_or(AppError::NotFound)?;
        let before = snapshot(&u);
        let mut am: user::ActiveModel = u.into();
        am.active = Set(active);
        am.updated_at = Set(now());
        let u = am.update(&*w).await?;
        if !active {
            // Out go the sessions and the API tokens; reactivating brings neither back.
            sessions::delete_for_user(&*w, id).await?;
            varn_store::repo::tokens::revoke_all(&*w, id).await?;
        }
        w.commit(
            actor.audit(if active { "user.activate" } else { "user.deactivate" }, "user").entity(u.id).before(before).after(snapshot(&u)),
        )
        .await?;
        self.forget_sessions();
        Ok(u)
    }

    /// Sets a new password for a user (Systemadministratör), ending their sessions.
    pub async fn user_reset_password(&self, actor: &Actor, id: i64, password: &str) -> Result<(), AppError> {
        let cap = actor.can(Permission::UserAdmin)?;
        let u = repo::find_any(self.store.read(), id).await?.ok_or(AppError::NotFound)?;
        let pw = NewPassword::parse(password, &u.username).map_err(|c| AppError::field("password", c))?;
        let hash = self.hash_password(pw.expose()).await?;
        let w = self.begin(&cap).await?;
        let mut am: user::ActiveModel = u.clone().into();
        am.password_hash = Set(Some(hash));
        am.failed_logins = Set(0);
        am.locked_until = Set(None);
        am.password_changed_at = Set(Some(now()));
        am.update(&*w).await?;
        sessions::delete_for_user(&*w, id).await?;
        w.commit(actor.audit("user.password_reset", "user").entity(id)).await?;
        self.forget_sessions();
        Ok(())
    }

    /// Sets a user's password from the server's console (`varn admin reset-password`), for
    /// an operator locked out of the web: ends their sessions, clears their sign-in
    /// throttles, audited as done at the console.
    pub async fn console_reset_password(&self, username: &str, password: &str) -> Result<User, AppError> {
        let name = crate::throttle::account_key(username);
        let u = repo::by_username(self.store.read(), &name).await?.ok_or(AppError::NotFound)?;
        let pw = NewPassword::parse(password, &u.username).map_err(|c| AppError::field("password", c))?;
        let hash = self.hash_password(pw.expose()).await?;
        let w = self.begin_account_write().await?;
        let mut am: user::ActiveModel = u.clone().into();
        am.password_hash = Set(Some(hash));
        am.failed_logins = Set(0);
        am.locked_until = Set(None);
        am.password_changed_at = Set(Some(now()));
        let u = am.update(&*w).await?;
        sessions::delete_for_user(&*w, u.id).await?;
        varn_store::repo::throttles::clear_account(&*w, &name).await?;
        w.commit(crate::Audit::anonymous(None, "konsol", "user.password_reset_console", "user").entity(u.id)).await?;
        self.forget_sessions();
        Ok(u)
    }

    /// Grants a role on a unit (covering its subtree).
    pub async fn user_grant(&self, actor: &Actor, user_id: i64, i: &GrantInput) -> Result<GrantRow, AppError> {
        let cap = actor.can(Permission::UserAdmin)?;
        let mut e = FieldErrors::new();
        let role = e.check("role", Role::parse(&i.role));
        let unit_id = e.check("org_unit_id", i.org_unit_id.trim().parse::<i64>().map_err(|_| "err.required"));
        e.into_result()?;
        let (Some(role), Some(unit_id)) = (role, unit_id) else {
            return Err(AppError::Internal("unreachable".into()));
        };
        // The system administrator manages accounts, not the domain: one may not give oneself
        // a role (another administrator must, audited in their name).
        if user_id == actor.id.0 {
            return Err(AppError::Refused("err.user.self_grant".into(), vec![]));
        }
        let w = self.begin(&cap).await?;
        let u = repo::find_any(&*w, user_id).await?.ok_or(AppError::NotFound)?;
        let unit = org::find_any(&*w, unit_id).await?.ok_or_else(|| AppError::field("org_unit_id", "err.org.parent_missing"))?;
        if role == Role::SystemAdmin && unit.parent_id.is_some() {
            return Err(AppError::field("org_unit_id", "err.user.admin_at_root"));
        }
        let g = repo::add_grant(&*w, u.id, unit.id, role, Some(actor.id.0))
            .await?
            .ok_or_else(|| AppError::conflict("err.user.grant_exists"))?;
        let row = repo::grant_by_id(&*w, g.id).await?.ok_or(AppError::NotFound)?;
        w.commit(
            actor
                .audit("user.grant", "user")
                .entity(u.id)
                .at(unit.path.clone())
                .after(json!({"grant_id": g.id, "role": role.as_str(), "org_unit_id": unit.id, "unit": unit.name})),
        )
        .await?;
        self.forget_sessions();
        Ok(row)
    }

    /// Revokes a grant. The last city-wide Systemadministratör cannot be removed.
    pub async fn user_revoke(&self, actor: &Actor, user_id: i64, grant_id: i64) -> Result<(), AppError> {
        let cap = actor.can(Permission::UserAdmin)?;
        let w = self.begin(&cap).await?;
        let g = repo::grant_by_id(&*w, grant_id).await?.filter(|g| g.user_id == user_id).ok_or(AppError::NotFound)?;
        if g.role == Role::SystemAdmin {
            let admins = repo::list(
                &*w,
                &varn_domain::Scope::All,
                &UserFilter { role: Some(g.role), active: Some(true) },
                &ListParams { per_page: Some(1), page: 1, ..Default::default() },
            )
            .await?
            .total;
            if admins <= 1 {
                return Err(AppError::conflict("err.user.last_admin"));
            }
        }
        repo::remove_grant(&*w, grant_id).await?;
        w.commit(
            actor
                .audit("user.revoke", "user")
                .entity(user_id)
                .at(OrgPath::parse(&g.unit_path).ok().map(|p| p.as_str().to_owned()))
                .before(json!({"grant_id": g.id, "role": g.role, "org_unit_id": g.org_unit_id, "unit": g.unit_name})),
        )
        .await?;
        self.forget_sessions();
        Ok(())
    }
}

impl App {
    /// The id of a person named as the person picker names them (for filters): "Name
    /// (sign-in name)", a sign-in name, or a name only one person has.
    pub async fn user_id_by_username(&self, name: &str) -> Result<Option<i64>, AppError> {
        Ok(repo::find_person(self.store.read(), name).await?.map(|u| u.id))
    }
}

/// A person found by name, said so that the right one can be told apart: their name, unit and
/// role (the most telling of their roles within the searcher's area).
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct PersonHit {
    /// Sign-in name.
    pub username: String,
    /// Name.
    pub display_name: String,
    /// The role.
    #[schema(value_type = String)]
    pub role: Option<varn_domain::Role>,
    /// Where it is held.
    pub unit_name: Option<String>,
}

impl PersonHit {
    /// What a person field holds once the person is chosen: "Name (sign-in name)", which every
    /// form that names a person reads.
    pub fn value(&self) -> String {
        format!("{} ({})", self.display_name, self.username)
    }
}

impl App {
    /// Active people holding a role within the actor's area whose name or sign-in name
    /// contains `q`, by name, at most `limit` (the person picker of every form).
    pub async fn people_search(&self, actor: &Actor, q: &str, limit: u64) -> Result<Vec<PersonHit>, AppError> {
        let cap = actor.can(Permission::PeopleSearch)?;
        let db = self.store.read();
        let key = (format!("{:?}", cap.scope()), self.writes_committed());
        let limit = limit.min(50);
        // A small area's people (a head's) are kept until this server's next write, at most
        // 10 s (`AppParts::area_people`), and tested here as SQLite would test each of them.
        let area = match (repo::sqlite::picker_text(q), self.area_people.get(&key)) {
            (None, _) => None,
            (Some(folded), Some(kept)) => Some((folded, kept)),
            (Some(folded), None) => {
                let read = std::sync::Arc::new(repo::sqlite::small_area_people(db, cap.scope()).await?);
                self.area_people.insert(key.clone(), read.clone());
                Some((folded, read))
            }
        };
        if let Some((folded, Some(people))) = area.as_ref().map(|(f, p)| (f, p.as_ref())) {
            let found: Vec<_> = people.iter().filter(|p| p.matches(folded)).take(limit as usize).collect();
            let grants = repo::grants_of_many(db, found.iter().map(|u| u.id).collect(), cap.scope()).await?;
            return Ok(found.into_iter().map(|u| hit(u.id, u.username.clone(), u.display_name.clone(), &grants)).collect());
        }
        let kept = self.small_areas.get(&key);
        let mut small = kept;
        let found = repo::people_in_area(db, cap.scope(), q, limit, &mut small).await?;
        if let (None, Some(s)) = (kept, small) {
            self.small_areas.insert(key, s);
        }
        let grants = repo::grants_of_many(db, found.iter().map(|u| u.id).collect(), cap.scope()).await?;
        Ok(found.into_iter().map(|u| hit(u.id, u.username, u.display_name, &grants)).collect())
    }
}

/// A person found, with their most powerful role among `grants` (the order of Role::ALL).
fn hit(id: i64, username: String, display_name: String, grants: &[repo::PersonGrant]) -> PersonHit {
    let best = grants
        .iter()
        .filter(|g| g.user_id == id)
        .min_by_key(|g| <varn_domain::Role as varn_domain::Code>::ALL.iter().position(|r| *r == g.role));
    PersonHit { username, display_name, role: best.map(|g| g.role), unit_name: best.map(|g| g.unit_name.clone()) }
}
