//! Configuration: defaults, then an optional TOML file, then `VARN_*` environment
//! variables, then command-line flags — each later one wins.

use figment::providers::{Env, Format, Serialized, Toml};
use figment::Figment;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// Värn's settings.
#[derive(Clone, Serialize, Deserialize)]
pub struct Config {
    /// Address to listen on.
    pub listen: String,
    /// Folder for the SQLite database (created if missing).
    pub data_dir: PathBuf,
    /// Database URL; empty means SQLite in `data_dir`.
    pub database_url: String,
    /// Password for the first administrator; empty means generate one and print it once.
    pub admin_password: String,
    /// Load the demo city Exempelstad when the database is empty.
    pub demo: bool,
    /// Mark cookies Secure (set when served over HTTPS).
    pub secure_cookies: bool,
    /// Largest attachment in MiB.
    pub max_attachment_mb: usize,
    /// Session lifetime in minutes.
    pub session_minutes: i64,
    /// Minutes a session may sit unused before it ends (VARN_SESSION_IDLE_MINUTES).
    pub session_idle_minutes: i64,
    /// `text` or `json` logs.
    pub log_format: String,
    /// Folder with frameworks, catalogues and the demo city (`data/` of the source tree).
    pub content_dir: PathBuf,
    /// Database connections for reading (PostgreSQL: the whole pool); 0: four on SQLite,
    /// eight on PostgreSQL.
    pub max_connections: u32,
    /// The audit chain's key (VARN_AUDIT_KEY, at least 32 characters); empty means the key
    /// file `audit.key` in the data folder, created at first start with mode 0600.
    pub audit_key: String,
    /// File that signed checkpoints of the audit chain are appended to; empty means
    /// `audit-checkpoints.log` in the data folder. Put it where the database's users cannot
    /// write (another host, an append-only mount).
    pub audit_checkpoint_file: PathBuf,
    /// Minutes between automatic checkpoints (written only when the log has grown, and at
    /// shutdown; 0: none).
    pub audit_checkpoint_minutes: u64,
    /// PostgreSQL: minutes between looks for tables changed enough since they were last
    /// analysed, which Värn then analyses (varn_store::statistics; 0: leave it to autovacuum).
    pub pg_analyze_minutes: u64,
    /// The header a trusted reverse proxy writes the client's address to, e.g.
    /// `x-forwarded-for` (its last address counts); empty: the peer's address. Set it only
    /// behind a proxy that overwrites or appends it, or clients choose their own address.
    pub client_ip_header: String,
    /// Seconds a client has to send a request's headers (slower ones are dropped).
    pub header_read_timeout_secs: u64,
    /// Seconds a client has to send a request's body.
    pub body_read_timeout_secs: u64,
    /// SQLite: `full` (an acknowledged write survives a power cut) or `normal` (survives a
    /// crash of Värn; a power cut may lose the last writes).
    pub sqlite_durability: String,
    /// SQLite: MiB of the database file read through memory mapping (0: none; SQLite caps it
    /// at 2 GiB). Mapped pages are the operating system's page cache: they count in the
    /// process's resident memory but are shared and can be dropped by the system at any time.
    pub sqlite_mmap_mib: u64,
    /// Seconds that requests in flight get to finish at shutdown.
    pub shutdown_grace_secs: u64,
    /// The SMTP server mail goes through; empty: mail is queued in the database, not sent.
    pub smtp_host: String,
    /// Its port.
    pub smtp_port: u16,
    /// `starttls` (default), `tls` (from the first byte, port 465) or `none` (a relay on the
    /// same host or a trusted network).
    pub smtp_tls: String,
    /// User name at the SMTP server, if it asks for one.
    pub smtp_username: String,
    /// Its password (never logged).
    pub smtp_password: String,
    /// The sender: `Värn <varn@stad.se>`.
    pub mail_from: String,
    /// The address people reach Värn at, for links in mail; empty: `http://<listen>`.
    pub public_url: String,
    /// Seconds between rounds of sending (and of deadline reminders).
    pub mail_interval_secs: u64,
    /// The local hour (0–23) the daily digest goes out.
    pub mail_digest_hour: u32,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("listen", &self.listen)
            .field("data_dir", &self.data_dir)
            .field("database_url", &varn_store::redact_url(&self.database_url))
            .field("admin_password", &if self.admin_password.is_empty() { "" } else { "***" })
            .field("demo", &self.demo)
            .field("secure_cookies", &self.secure_cookies)
            .field("max_attachment_mb", &self.max_attachment_mb)
            .field("session_minutes", &self.session_minutes)
            .field("session_idle_minutes", &self.session_idle_minutes)
            .field("log_format", &self.log_format)
            .field("content_dir", &self.content_dir)
            .field("max_connections", &self.max_connections)
            .field("audit_key", &if self.audit_key.is_empty() { "" } else { "***" })
            .field("audit_checkpoint_file", &self.audit_checkpoint_file)
            .field("audit_checkpoint_minutes", &self.audit_checkpoint_minutes)
            .field("pg_analyze_minutes", &self.pg_analyze_minutes)
            .field("client_ip_header", &self.client_ip_header)
            .field("header_read_timeout_secs", &self.header_read_timeout_secs)
            .field("body_read_timeout_secs", &self.body_read_timeout_secs)
            .field("sqlite_durability", &self.sqlite_durability)
            .field("sqlite_mmap_mib", &self.sqlite_mmap_mib)
            .field("shutdown_grace_secs", &self.shutdown_grace_secs)
            .field("smtp_host", &self.smtp_host)
            .field("smtp_port", &self.smtp_port)
            .field("smtp_tls", &self.smtp_tls)
            .field("smtp_username", &self.smtp_username)
            .field("smtp_password", &if self.smtp_password.is_empty() { "" } else { "***" })
            .field("mail_from", &self.mail_from)
            .field("public_url", &self.public_url)
            .field("mail_interval_secs", &self.mail_interval_secs)
            .field("mail_digest_hour", &self.mail_digest_hour)
            .finish()
    }
}

impl Config {
    /// The SMTP server and sender, when a host is set; a bad `smtp_tls` is an error.
    pub fn mail(&self) -> anyhow::Result<Option<varn_app::mail::MailConfig>> {
        use varn_app::mail::{MailConfig, Tls};
        if self.smtp_host.trim().is_empty() {
            return Ok(None);
        }
        let tls = match self.smtp_tls.as_str() {
            "starttls" => Tls::StartTls,
            "tls" => Tls::Tls,
            "none" => Tls::None,
            other => anyhow::bail!("smtp_tls must be starttls, tls or none, not {other:?}"),
        };
        let some = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        let public_url = if self.public_url.is_empty() { format!("http://{}", self.listen) } else { self.public_url.clone() };
        Ok(Some(MailConfig {
            host: self.smtp_host.trim().to_owned(),
            port: self.smtp_port,
            tls,
            username: some(&self.smtp_username),
            password: some(&self.smtp_password),
            from: self.mail_from.clone(),
            public_url,
            digest_hour: self.mail_digest_hour.min(23),
        }))
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: "127.0.0.1:8080".into(),
            data_dir: PathBuf::from("varn-data"),
            database_url: String::new(),
            admin_password: String::new(),
            demo: true,
            secure_cookies: false,
            max_attachment_mb: 20,
            session_minutes: 480,
            session_idle_minutes: 60,
            log_format: "text".into(),
            content_dir: default_content_dir(),
            max_connections: 0,
            audit_key: String::new(),
            audit_checkpoint_file: PathBuf::new(),
            audit_checkpoint_minutes: 10,
            pg_analyze_minutes: 1,
            client_ip_header: String::new(),
            header_read_timeout_secs: 10,
            body_read_timeout_secs: 60,
            sqlite_durability: "full".into(),
            sqlite_mmap_mib: varn_store::DEFAULT_MMAP_MIB,
            shutdown_grace_secs: 10,
            smtp_host: String::new(),
            smtp_port: 587,
            smtp_tls: "starttls".into(),
            smtp_username: String::new(),
            smtp_password: String::new(),
            mail_from: "Värn <varn@localhost>".into(),
            public_url: String::new(),
            mail_interval_secs: 30,
            mail_digest_hour: 7,
        }
    }
}

/// `./data` when run from the source tree, else the `data/` beside the sources this binary
/// was built from.
fn default_content_dir() -> PathBuf {
    let here = PathBuf::from("data");
    if here.join("demo").is_dir() {
        return here;
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

/// Flags given on the command line (only those given override).
#[derive(Debug, Default, Serialize, clap::Args)]
pub struct Flags {
    /// Address to listen on [default: 127.0.0.1:8080] (VARN_LISTEN).
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listen: Option<String>,
    /// Data folder for the SQLite database [default: ./varn-data] (VARN_DATA_DIR).
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_dir: Option<PathBuf>,
    /// Database URL, e.g. postgres://user@host/varn [default: SQLite in the data folder] (VARN_DATABASE_URL).
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database_url: Option<String>,
    /// Do not load the demo city into an empty database; create only the root and an admin (VARN_DEMO=false).
    #[arg(long)]
    #[serde(skip_serializing_if = "std::ops::Not::not", rename = "demo", serialize_with = "negate")]
    pub no_demo: bool,
    /// Mark cookies Secure: set when Värn is served over HTTPS (VARN_SECURE_COOKIES).
    #[arg(long)]
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub secure_cookies: bool,
    /// Log format: text or json (VARN_LOG_FORMAT).
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub log_format: Option<String>,
    /// Folder with the demo city and catalogues (VARN_CONTENT_DIR).
    #[arg(long)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_dir: Option<PathBuf>,
}

fn negate<S: serde::Serializer>(v: &bool, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_bool(!v)
}

impl Config {
    /// Reads the layers. `file` is the optional TOML file.
    pub fn load(file: Option<&PathBuf>, flags: &Flags) -> Result<Config, Box<figment::Error>> {
        let mut fig = Figment::from(Serialized::defaults(Config::default()));
        if let Some(f) = file {
            fig = fig.merge(Toml::file_exact(f));
        }
        fig.merge(Env::prefixed("VARN_").ignore(&["test_database_url", "e2e"]))
            .merge(Serialized::defaults(flags))
            .extract()
            .map_err(Box::new)
    }

    /// The SQLite durability setting.
    pub fn durability(&self) -> anyhow::Result<varn_store::Durability> {
        varn_store::Durability::parse(&self.sqlite_durability)
            .ok_or_else(|| anyhow::anyhow!("sqlite_durability must be full or normal, not {:?}", self.sqlite_durability))
    }

    /// The checkpoint file to use.
    pub fn checkpoint_file(&self) -> PathBuf {
        if self.audit_checkpoint_file.as_os_str().is_empty() {
            self.data_dir.join("audit-checkpoints.log")
        } else {
            self.audit_checkpoint_file.clone()
        }
    }

    /// The database URL to use.
    pub fn db_url(&self) -> String {
        if self.database_url.trim().is_empty() {
            format!("sqlite://{}", self.data_dir.join("varn.sqlite").display())
        } else {
            self.database_url.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::result_large_err)]
    fn layers_apply_in_order() {
        figment::Jail::expect_with(|jail| {
            jail.create_file("varn.toml", "listen = \"0.0.0.0:9000\"\nmax_attachment_mb = 5\ndemo = true\n")?;
            jail.set_env("VARN_LISTEN", "127.0.0.1:9100");
            let flags = Flags { no_demo: true, ..Default::default() };
            let c = Config::load(Some(&PathBuf::from("varn.toml")), &flags).map_err(|e| *e)?;
            assert_eq!(c.listen, "127.0.0.1:9100", "env beats file");
            assert_eq!(c.max_attachment_mb, 5, "file beats default");
            assert!(!c.demo, "flag beats file");
            let flags = Flags { listen: Some("127.0.0.1:1".into()), ..Default::default() };
            let c = Config::load(Some(&PathBuf::from("varn.toml")), &flags).map_err(|e| *e)?;
            assert_eq!(c.listen, "127.0.0.1:1", "flag beats env");
            assert!(c.demo);
            Ok(())
        });
    }

    #[test]
    fn secrets_are_redacted_in_debug() {
        let c = Config {
            admin_password: "hemligt-lösen".into(),
            database_url: "postgres://u:pw@h/db".into(),
            audit_key: "nyckel-som-ingen-får-se-0123456789".into(),
            ..Default::default()
        };
        let d = format!("{c:?}");
        assert!(!d.contains("hemligt"));
        assert!(!d.contains("nyckel"));
        assert!(!d.contains(":pw@"));
    }
}
