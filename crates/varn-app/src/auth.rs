//! Sign-in, sessions, passwords and API tokens.

use crate::{Actor, App, AppError};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use rand::RngCore;
use sea_orm::{ActiveModelTrait, Set};
use serde_json::json;
use sha2::{Digest, Sha256};
use varn_domain::user::NewPassword;
use varn_domain::{Access, Grant, OrgPath, UserId};
use varn_store::entity::{session, user};
use varn_store::repo::{self, sessions, tokens, users};

/// Argon2id with the configured cost.
#[derive(Clone)]
pub struct Hasher {
    params: Params,
    /// A hash of nothing, verified against when the user does not exist so that timing does
    /// not reveal which user names exist.
    dummy: String,
}

impl std::fmt::Debug for Hasher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Hasher(argon2id)")
    }
}

impl Hasher {
    /// A hasher with memory `m_kib` and `t` iterations.
    pub fn new(m_kib: u32, t: u32) -> Result<Self, AppError> {
        let params = Params::new(m_kib, t, 1, None).map_err(|e| AppError::Internal(e.to_string()))?;
        let mut h = Hasher { params, dummy: String::new() };
        h.dummy = h.hash("not-a-real-password-at-all")?;
        Ok(h)
    }

    fn argon(&self) -> Argon2<'static> {
        Argon2::new(Algorithm::Argon2id, Version::V0x13, self.params.clone())
    }

    /// Hashes a password with a fresh salt (PHC string).
    pub fn hash(&self, password: &str) -> Result<String, AppError> {
        let salt = SaltString::generate(&mut rand::rngs::OsRng);
        self.argon().hash_password(password.as_bytes(), &salt).map(|h| h.to_string()).map_err(|e| AppError::Internal(e.to_string()))
    }

    /// Checks a password against a stored hash (or the dummy when there is none).
    pub fn verify(&self, password: &str, stored: Option<&str>) -> bool {
        let s = stored.unwrap_or(&self.dummy);
        let ok = match PasswordHash::new(s) {
            Ok(parsed) => self.argon().verify_password(password.as_bytes(), &parsed).is_ok(),
            Err(_) => false,
        };
        ok && stored.is_some()
    }
}

/// 32 random bytes as hex.
pub fn random_token() -> String {
    let mut b = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut b);
    hex::encode(b)
}

/// SHA-256 as hex.
pub fn sha256_hex(s: &str) -> String {
    hex::encode(Sha256::digest(s.as_bytes()))
}

/// Resolved sessions and tokens, for a few seconds. Anything that changes who may do what
/// (sign-out, password, deactivation, roles) clears it, so a change takes effect at once on
/// this server; the short lifetime bounds how long another server may lag.
#[derive(Clone)]
pub struct AuthCache {
    sessions: moka::sync::Cache<String, LiveSession>,
    tokens: moka::sync::Cache<String, (i64, Option<chrono::DateTime<chrono::Utc>>, Actor)>,
}

impl std::fmt::Debug for AuthCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AuthCache")
    }
}

impl AuthCache {
    /// An empty cache.
    pub fn new() -> Self {
        let ttl = std::time::Duration::from_secs(10);
        AuthCache {
            sessions: moka::sync::Cache::builder().max_capacity(20_000).time_to_live(ttl).build(),
            tokens: moka::sync::Cache::builder().max_capacity(5_000).time_to_live(ttl).build(),
        }
    }

    /// Forgets everything (after any change to users, roles or sessions).
    pub fn clear(&self) {
        self.sessions.invalidate_all();
        self.tokens.invalidate_all();
    }
}

impl Default for AuthCache {
    fn default() -> Self {
        Self::new()
    }
}

/// A new session: the secret for the cookie and the CSRF token for the pages.
#[derive(Clone)]
pub struct NewSession {
    /// Goes in the cookie, never stored.
    pub token: String,
    /// Goes in every form.
    pub csrf: String,
}

impl std::fmt::Debug for NewSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewSession(***)")
    }
}

/// A live session with its user.
#[derive(Debug, Clone)]
pub struct LiveSession {
    /// The user.
    pub actor: Actor,
    /// The CSRF token of the session.
    pub csrf: String,
    /// Hash of the cookie token (the session's id).
    pub id_hash: String,
}

/// Loads the actor of a user: their grants become their access.
pub async fn load_actor<D: sea_orm::ConnectionTrait>(db: &D, u: &user::Model) -> Result<Actor, AppError> {
    let grants = users::grants_of(db, u.id).await?;
    let grants = grants.into_iter().filter_map(|g| Some(Grant { role: g.role, unit_path: OrgPath::parse(&g.unit_path).ok()? })).collect();
    Ok(Actor {
        id: UserId(u.id),
        username: u.username.clone(),
        display_name: u.display_name.clone(),
        access: Access::new(UserId(u.id), grants),
        acted_for: varn_store::repo::org::units_acted_for(db, u.id).await?,
    })
}

impl App {
    /// Signs in from `source` (see [`crate::throttle::source_of`]). The check is throttled
    /// per source and name; unknown and known names get the same answers. On success the old
    /// session (if any) is removed and a new one is made, so a session id known before
    /// sign-in is worthless after it.
    pub async fn sign_in(
        &self,
        username: &str,
        password: &str,
        old_session: Option<&str>,
        source: &str,
    ) -> Result<(NewSession, Actor), AppError> {
        let name = crate::throttle::account_key(username);
        self.admit_check(source, &name).await?;
        let found = users::by_username(self.store.read(), &name).await?;
        let stored = found.as_ref().filter(|u| u.active).and_then(|u| u.password_hash.clone());
        let ok = self.verify_password(password, stored).await?;
        let Some(u) = found else {
            self.unknown_name_failed(source, &name).await?;
            return Err(AppError::Unauthenticated);
        };
        // Parallel sign-ins touch the same throttle rows: on PostgreSQL one of them may be
        // chosen as a deadlock's victim, and is done again.
        let mut tries = 0;
        let (ns, old_hash) = loop {
            tries += 1;
            match self.finish_sign_in(&u, ok, old_session, source, &name).await {
                Err(e) if e.is_contention() && tries < 4 => continue,
                r => break r?,
            }
        };
        if let Some(old) = &old_hash {
            self.auth_cache.sessions.invalidate(old);
        }
        let actor = load_actor(self.store.read(), &u).await?;
        Ok((ns, actor))
    }

    pub(crate) async fn new_session<D: sea_orm::ConnectionTrait>(&self, db: &D, user_id: i64) -> Result<NewSession, AppError> {
        let now = repo::now();
        let ns = NewSession { token: random_token(), csrf: random_token() };
        sessions::insert(
            db,
            session::Model {
                id: sha256_hex(&ns.token),
                user_id: Some(user_id),
                csrf_token: ns.csrf.clone(),
                locale: None,
                created_at: now,
                expires_at: now + chrono::Duration::minutes(self.config.session_minutes),
                last_seen_at: Some(now),
            },
        )
        .await?;
        Ok(ns)
    }

    /// The live session behind a cookie token, if any.
    pub async fn session(&self, token: &str) -> Result<Option<LiveSession>, AppError> {
        let id_hash = sha256_hex(token);
        if let Some(s) = self.auth_cache.sessions.get(&id_hash) {
            return Ok(Some(s));
        }
        let Some(s) = sessions::find(self.store.read(), &id_hash, self.config.session_idle_minutes).await? else {
            return Ok(None);
        };
        // Record use at most once a minute (the resolved session is cached for seconds), so
        // that an idle session ends after the idle time.
        if s.last_seen_at.is_none_or(|u| repo::now() - u > chrono::Duration::minutes(1)) {
            sessions::touch(self.store.write(), &id_hash).await?;
        }
        let Some(uid) = s.user_id else {
            return Ok(None);
        };
        let Some(u) = users::find_any(self.store.read(), uid).await? else {
            return Ok(None);
        };
        if !u.active {
            return Ok(None);
        }
        let live = LiveSession { actor: load_actor(self.store.read(), &u).await?, csrf: s.csrf_token, id_hash: id_hash.clone() };
        self.auth_cache.sessions.insert(id_hash, live.clone());
        Ok(Some(live))
    }

    /// Signs out: the session is removed.
    pub async fn sign_out(&self, s: &LiveSession) -> Result<(), AppError> {
        let w = self.begin_session_write().await?;
        sessions::delete(&*w, &s.id_hash).await?;
        w.commit(s.actor.audit("auth.sign_out", "user")).await?;
        self.auth_cache.sessions.invalidate(&s.id_hash);
        Ok(())
    }

    /// The actor behind an API token, if it is active.
    pub async fn token_actor(&self, token: &str) -> Result<Option<Actor>, AppError> {
        let Some(t) = tokens::find_active(self.store.read(), &sha256_hex(token)).await? else {
            return Ok(None);
        };
        let Some(u) = users::find_any(self.store.read(), t.user_id).await? else {
            return Ok(None);
        };
        if !u.active {
            return Ok(None);
        }
        // Record use at most once a minute, so reads through the API stay reads.
        if t.last_used_at.is_none_or(|u| repo::now() - u > chrono::Duration::minutes(1)) {
            tokens::touch(self.store.write(), t.id).await?;
        }
        Ok(Some(load_actor(self.store.read(), &u).await?))
    }

    /// Changes the actor's own password. Every session of theirs ends; the new session
    /// returned replaces the one in use.
    pub async fn change_password(&self, actor: &Actor, current: &str, new: &str, source: &str) -> Result<NewSession, AppError> {
        let u = users::find_any(self.store.read(), actor.id.0).await?.ok_or(AppError::NotFound)?;
        // Guessing the current password here is guessing a password: the same throttle and
        // the same audit row as a failed sign-in.
        let name = crate::throttle::account_key(&u.username);
        self.admit_check(source, &name).await?;
        let ok = self.verify_password(current, u.password_hash.clone()).await?;
        if !ok {
            let w = self.begin_account_write().await?;
            self.check_failed(&*w, source, &name).await?;
            let failures = record_failure(&*w, u.id).await?;
            let a = actor.audit("auth.password_check_failed", "user").entity(u.id);
            w.commit(a.after(json!({"failed_logins": failures, "source": source}))).await?;
        } else {
            // The right current password settles the throttle whatever becomes of the new one.
            let w = self.begin_account_write().await?;
            self.check_succeeded(&*w, source, &name).await?;
            w.commit_appended().await?;
        }
        let mut errs = varn_domain::FieldErrors::new();
        if !ok {
            errs.add("current_password", "err.user.password_wrong");
        }
        let newp = errs.check("new_password", NewPassword::parse(new, &u.username));
        errs.into_result()?;
        let Some(newp) = newp else {
            return Err(AppError::Internal("unreachable".into()));
        };
        let hash = self.hash_password(newp.expose()).await?;
        let w = self.begin_account_write().await?;
        let mut am: user::ActiveModel = u.clone().into();
        am.password_hash = Set(Some(hash));
        am.password_changed_at = Set(Some(repo::now()));
        am.updated_at = Set(repo::now());
        am.update(&*w).await?;
        sessions::delete_for_user(&*w, u.id).await?;
        let ns = self.new_session(&*w, u.id).await?;
        w.commit(actor.audit("user.password_change", "user").entity(u.id)).await?;
        self.forget_sessions();
        Ok(ns)
    }

    /// Hashes a password off the async workers, one per core at a time.
    pub async fn hash_password(&self, pw: &str) -> Result<String, AppError> {
        let _permit = self.hash_permits.acquire().await.map_err(|e| AppError::Internal(e.to_string()))?;
        let hasher = self.hasher.clone();
        let pw = pw.to_owned();
        tokio::task::spawn_blocking(move || hasher.hash(&pw)).await.map_err(|e| AppError::Internal(e.to_string()))?
    }

    /// Verifies a password off the async workers, one per core at a time.
    async fn verify_password(&self, pw: &str, stored: Option<String>) -> Result<bool, AppError> {
        let _permit = self.hash_permits.acquire().await.map_err(|e| AppError::Internal(e.to_string()))?;
        let hasher = self.hasher.clone();
        let pw = pw.to_owned();
        tokio::task::spawn_blocking(move || hasher.verify(&pw, stored.as_deref())).await.map_err(|e| AppError::Internal(e.to_string()))
    }

    /// Forgets resolved sessions and tokens; call after any change to who may do what.
    pub fn forget_sessions(&self) {
        self.auth_cache.clear();
        // Who holds a role where changed: the confirmation reports count staff anew.
        self.ack_reports.invalidate_all();
        self.unit_acks.invalidate_all();
        self.asset_overviews.invalidate_all();
        self.incident_alerts.invalidate_all();
    }

    /// Creates an API token for the actor, valid `days` (1–365; none: 90); the secret is
    /// returned once and stored hashed. Callers let only a signed-in session do this.
    pub async fn create_token(
        &self,
        actor: &Actor,
        name: &str,
        days: Option<i64>,
    ) -> Result<(String, varn_store::entity::api_token::Model), AppError> {
        let mut e = varn_domain::FieldErrors::new();
        let name = e.check("name", varn_domain::validation::bounded_text(name, 100));
        let days = days.unwrap_or(TOKEN_DAYS);
        if !(1..=365).contains(&days) {
            e.add("days", "err.token.days");
        }
        e.into_result()?;
        let name = name.ok_or_else(|| AppError::Internal("checked name missing".into()))?;
        let secret = format!("varn_{}", random_token());
        let prefix: String = secret.chars().take(13).collect();
        let expires = repo::now() + chrono::Duration::days(days);
        let w = self.begin_account_write().await?;
        let t = tokens::insert(&*w, actor.id.0, &name, (&sha256_hex(&secret), &prefix), expires).await?;
        let after = json!({"name": name, "prefix": prefix, "expires_at": expires});
        w.commit(actor.audit("token.create", "api_token").entity(t.id).after(after)).await?;
        Ok((secret, t))
    }

    /// The actor's tokens.
    pub async fn my_tokens(&self, actor: &Actor) -> Result<Vec<varn_store::entity::api_token::Model>, AppError> {
        Ok(tokens::of_user(self.store.read(), actor.id.0).await?)
    }

    /// Revokes one of the actor's tokens.
    pub async fn revoke_token(&self, actor: &Actor, id: i64) -> Result<(), AppError> {
        let w = self.begin_account_write().await?;
        if !tokens::revoke(&*w, actor.id.0, id).await? {
            return Err(AppError::NotFound);
        }
        w.commit(actor.audit("token.revoke", "api_token").entity(id)).await?;
        self.forget_sessions();
        Ok(())
    }
}

/// How long an API token lives unless its maker chooses otherwise.
pub const TOKEN_DAYS: i64 = 90;

/// Counts one failed password check for `user` in the database itself (`failed_logins + 1`,
/// read back in the same transaction), shown to administrators as failures since the last
/// success. It locks nothing: the throttle per source and name does the slowing.
pub(crate) async fn record_failure<C: sea_orm::ConnectionTrait>(w: &C, user: i64) -> Result<i32, AppError> {
    use sea_orm::sea_query::Expr;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    user::Entity::update_many()
        .col_expr(user::Column::FailedLogins, Expr::col(user::Column::FailedLogins).add(1))
        .filter(user::Column::Id.eq(user))
        .exec(w)
        .await?;
    let u = user::Entity::find_by_id(user).one(w).await?.ok_or(AppError::NotFound)?;
    Ok(u.failed_logins)
}
