//! Typed configuration, read once from the environment (and an optional `.env`) at start-up.
//!
//! Running with nothing configured works: SQLite under `./data/`, media in `./data/media`,
//! the site on <http://127.0.0.1:3000>. Each bad value stops start-up with one line naming the
//! variable and how to fix it.

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;

use backend::db::Engine;
use backend::vendors::crypto::{DataKey, KeyError, PersonalDataKeys};
use url::Url;

/// A value that must never be printed, e.g. a database URL with a password in it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    #[must_use]
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The value itself, for the one place that needs it.
    #[must_use]
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// Where product photos are kept (`PASAR_PHOTO_STORE`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoStorage {
    /// A local folder: `<PASAR_MEDIA_DIR>/photos` unless a path is given.
    Local(PathBuf),
    /// An S3-compatible bucket, `s3://bucket[/prefix]`, configured by the `AWS_*` variables
    /// (`AWS_ENDPOINT` for MinIO, Garage or a provider's S3 service).
    S3 {
        /// `s3://bucket[/prefix]`.
        url: String,
        /// The [`S3_VARIABLES`] that are set, read like every other setting.
        settings: Vec<(&'static str, Secret)>,
    },
    /// `memory:` — kept in memory and lost at exit; for tests.
    Memory,
}

/// The `AWS_*` variables an `s3://` photo store reads (the ones `object_store` knows).
pub const S3_VARIABLES: &[&str] = &[
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_REGION",
    "AWS_DEFAULT_REGION",
    "AWS_ENDPOINT",
    "AWS_ENDPOINT_URL",
    "AWS_ALLOW_HTTP",
    "AWS_VIRTUAL_HOSTED_STYLE_REQUEST",
];

impl PhotoStorage {
    fn parse(
        value: Option<&str>,
        media_dir: &std::path::Path,
        lookup: &impl Fn(&str) -> Option<String>,
    ) -> Result<PhotoStorage, ConfigError> {
        match value.map(str::trim) {
            None | Some("") => Ok(PhotoStorage::Local(media_dir.join("photos"))),
            Some("memory:") => Ok(PhotoStorage::Memory),
            Some(url) if url.starts_with("s3://") && url.len() > "s3://".len() => {
                let settings = S3_VARIABLES
                    .iter()
                    .filter_map(|&name| lookup(name).map(|value| (name, Secret::new(value))))
                    .collect();
                Ok(PhotoStorage::S3 { url: url.to_owned(), settings })
            }
            Some(url) if url.contains("://") => Err(ConfigError::new(
                "PASAR_PHOTO_STORE",
                format!("{url:?} is not an s3:// address"),
                "use s3://bucket, a folder path, or leave it unset for <PASAR_MEDIA_DIR>/photos",
            )),
            Some(folder) => Ok(PhotoStorage::Local(PathBuf::from(folder))),
        }
    }
}

/// Registrations per client address and hour unless configured: a family or a training class
/// registering on one phone fits, a script making accounts does not.
pub const DEFAULT_REGISTRATIONS_PER_HOUR: usize = 10;

/// A whole number setting within `range`, or `default` when unset.
fn whole_number(
    lookup: &impl Fn(&str) -> Option<String>,
    variable: &'static str,
    range: std::ops::RangeInclusive<usize>,
    default: usize,
    hint: &'static str,
) -> Result<usize, ConfigError> {
    let Some(value) = lookup(variable) else { return Ok(default) };
    value.trim().parse::<usize>().ok().filter(|n| range.contains(n)).ok_or_else(|| {
        ConfigError::new(
            variable,
            format!("{value:?} is not a number from {} to {}", range.start(), range.end()),
            hint,
        )
    })
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable, for a terminal.
    Pretty,
    /// One JSON object per line, for a log collector.
    Json,
}

/// Everything the server needs to know about its environment.
#[derive(Debug, Clone)]
pub struct Config {
    /// `PASAR_LISTEN`: address and port to listen on.
    pub listen: SocketAddr,
    /// Production mode (`PASAR_ENVIRONMENT=production`): real keys required.
    pub production: bool,
    /// Keys for NIK encryption and hashing (`PASAR_DATA_KEY`, `PASAR_DATA_KEYS_PREVIOUS`,
    /// `PASAR_NIK_HASH_KEY`); fixed insecure keys in development when unset.
    pub personal_data: PersonalDataKeys,
    /// SMTP for self-service password reset (`PASAR_SMTP_URL`, `PASAR_MAIL_FROM`); off if unset.
    pub mail: Option<MailSettings>,
    /// The reverse proxy whose `X-Forwarded-For` is believed (`PASAR_TRUSTED_PROXY`).
    pub trusted_proxy: Option<std::net::IpAddr>,
    /// Concurrent password hashes (`PASAR_HASHING_WORKERS`).
    pub hashing_workers: usize,
    /// `DATABASE_URL`: `sqlite://…` (default) or `postgres://…`.
    pub database_url: Secret,
    /// `PASAR_MEDIA_DIR`: folder for uploaded photos.
    pub media_dir: PathBuf,
    /// `PASAR_PHOTO_STORE`: where product photos are kept.
    pub photo_store: PhotoStorage,
    /// `PASAR_PHOTO_WORKERS`: photos processed at once (each may take ~250 MB while decoding).
    pub photo_workers: usize,
    /// `PASAR_REGISTRATIONS_PER_HOUR`: new accounts one client address may register an hour.
    pub registrations_per_hour: usize,
    /// `PASAR_UPLOAD_MEMORY_MB`: megabytes of uploaded files all requests may hold at once.
    pub upload_memory_mb: usize,
    /// `PASAR_PUBLIC_URL`: the address people use, for links and cookie security.
    pub public_url: Url,
    /// `PASAR_SECURE_COOKIES`: mark cookies `Secure`; defaults to whether the public URL is https.
    pub secure_cookies: bool,
    /// `PASAR_LOG_FORMAT`: `pretty` or `json`.
    pub log_format: LogFormat,
    /// `PASAR_SITE_ROOT`: folder with the built stylesheet, scripts and public files.
    pub site_root: PathBuf,
}

/// One bad setting: which variable, what is wrong, and what to do.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{variable}: {problem}; {fix}")]
pub struct ConfigError {
    /// The environment variable at fault.
    pub variable: &'static str,
    /// What is wrong with its value.
    pub problem: String,
    /// How to put it right.
    pub fix: String,
}

impl ConfigError {
    /// An error about `variable`.
    pub fn new(variable: &'static str, problem: impl Into<String>, fix: impl Into<String>) -> Self {
        ConfigError { variable, problem: problem.into(), fix: fix.into() }
    }
}

/// Reads the personal-data keys. Production refuses to start without them: NIKs encrypted
/// with the public development key would be readable by anyone with this source code.
fn personal_data_keys(
    lookup: &impl Fn(&str) -> Option<String>,
    production: bool,
) -> Result<PersonalDataKeys, ConfigError> {
    let key_error = |variable: &'static str| {
        move |error: KeyError| {
            ConfigError::new(variable, error.to_string(), "see the README: Personal data keys")
        }
    };
    match (lookup("PASAR_DATA_KEY"), lookup("PASAR_NIK_HASH_KEY")) {
        (None, None) if !production => {
            tracing::warn!(
                "PASAR_DATA_KEY is unset: NIKs are encrypted with the public development key"
            );
            Ok(PersonalDataKeys::insecure_development_keys())
        }
        (None, _) => Err(ConfigError::new(
            "PASAR_DATA_KEY",
            "production mode needs a key to encrypt NIKs",
            "generate one with: echo k1:$(openssl rand -base64 32)",
        )),
        (Some(_), None) => Err(ConfigError::new(
            "PASAR_NIK_HASH_KEY",
            "a data key is set but the NIK hash key is not",
            "generate one with: openssl rand -base64 32 (and never change it without re-hashing)",
        )),
        (Some(current), Some(hash_key)) => {
            let current = DataKey::parse(&current).map_err(key_error("PASAR_DATA_KEY"))?;
            let previous = lookup("PASAR_DATA_KEYS_PREVIOUS")
                .unwrap_or_default()
                .split(',')
                .filter(|k| !k.trim().is_empty())
                .map(DataKey::parse)
                .collect::<Result<Vec<_>, _>>()
                .map_err(key_error("PASAR_DATA_KEYS_PREVIOUS"))?;
            PersonalDataKeys::new(current, previous, &hash_key)
                .map_err(key_error("PASAR_NIK_HASH_KEY"))
        }
    }
}

/// Where reset mails go out.
#[derive(Debug, Clone)]
pub struct MailSettings {
    /// `smtps://user:password@host` or `smtp://host:587?tls=required`.
    pub smtp_url: Secret,
    /// Sender mailbox.
    pub from: String,
}

/// The SQLite file used when `DATABASE_URL` is unset.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/pasar-purna.db";

impl Config {
    /// Reads the process environment (after loading `.env`, if present).
    ///
    /// # Errors
    /// The first setting that is invalid.
    pub fn from_env() -> Result<Config, ConfigError> {
        // A missing .env is normal; a malformed one is worth stopping for.
        if let Err(error) = dotenvy::dotenv() {
            if !error.not_found() {
                return Err(ConfigError::new(
                    ".env",
                    error.to_string(),
                    "fix the line or remove the file",
                ));
            }
        }
        Config::from_lookup(|name| std::env::var(name).ok().filter(|v| !v.trim().is_empty()))
    }

    /// Builds the configuration from any source of variables (the tests pass a map).
    ///
    /// # Errors
    /// The first setting that is invalid.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let listen = match lookup("PASAR_LISTEN") {
            None => SocketAddr::from(([127, 0, 0, 1], 3000)),
            Some(value) => value.trim().parse().map_err(|_| {
                ConfigError::new(
                    "PASAR_LISTEN",
                    format!("{value:?} is not an address and port"),
                    "set it like 127.0.0.1:3000 or 0.0.0.0:8080",
                )
            })?,
        };

        let database_url =
            lookup("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned());
        if Engine::from_url(&database_url).is_none() {
            // Never echo the value: it may carry a password.
            return Err(ConfigError::new(
                "DATABASE_URL",
                "the URL is neither sqlite: nor postgres://",
                format!("unset it for the default {DEFAULT_DATABASE_URL}, or use postgres://user@host/db"),
            ));
        }

        let public_url_text =
            lookup("PASAR_PUBLIC_URL").unwrap_or_else(|| format!("http://{listen}"));
        let public_url = Url::parse(&public_url_text)
            .ok()
            .filter(|url| matches!(url.scheme(), "http" | "https") && url.host().is_some())
            .ok_or_else(|| {
                ConfigError::new(
                    "PASAR_PUBLIC_URL",
                    format!("{public_url_text:?} is not an http(s) URL"),
                    "set it like https://pasarpurna.kupangkota.go.id",
                )
            })?;

        let secure_cookies = match lookup("PASAR_SECURE_COOKIES") {
            None => public_url.scheme() == "https",
            Some(value) => parse_bool(&value).ok_or_else(|| {
                ConfigError::new(
                    "PASAR_SECURE_COOKIES",
                    format!("{value:?} is not true or false"),
                    "set it to true or false",
                )
            })?,
        };

        let log_format = match lookup("PASAR_LOG_FORMAT").as_deref().map(str::trim) {
            None | Some("pretty") => LogFormat::Pretty,
            Some("json") => LogFormat::Json,
            Some(other) => {
                return Err(ConfigError::new(
                    "PASAR_LOG_FORMAT",
                    format!("{other:?} is not a log format"),
                    "set it to pretty or json",
                ))
            }
        };

        let trusted_proxy = match lookup("PASAR_TRUSTED_PROXY") {
            None => None,
            Some(value) => Some(value.trim().parse::<std::net::IpAddr>().map_err(|_| {
                ConfigError::new(
                    "PASAR_TRUSTED_PROXY",
                    format!("{value:?} is not an IP address"),
                    "set it to the address your reverse proxy connects from, like 127.0.0.1",
                )
            })?),
        };

        let hashing_workers = whole_number(
            &lookup,
            "PASAR_HASHING_WORKERS",
            1..=64,
            backend::AppState::DEFAULT_HASHING_WORKERS,
            "each worker may hold 19 MiB while hashing; 2 suits a 2-core server",
        )?;
        let photo_workers = whole_number(
            &lookup,
            "PASAR_PHOTO_WORKERS",
            1..=32,
            std::thread::available_parallelism().map_or(2, usize::from).min(4),
            "one per core; each may hold ~250 MB while decoding a large photo",
        )?;
        let upload_memory_mb = whole_number(
            &lookup,
            "PASAR_UPLOAD_MEMORY_MB",
            1..=65_536,
            crate::upload_budget::DEFAULT_UPLOAD_MEMORY_MB,
            "megabytes; a full six-photo form holds up to 90",
        )?;
        let registrations_per_hour = whole_number(
            &lookup,
            "PASAR_REGISTRATIONS_PER_HOUR",
            1..=100_000,
            DEFAULT_REGISTRATIONS_PER_HOUR,
            "accounts one address may register an hour; raise it for a registration day at the office",
        )?;
        let media_dir =
            lookup("PASAR_MEDIA_DIR").map_or_else(|| PathBuf::from("data/media"), PathBuf::from);

        let photo_store =
            PhotoStorage::parse(lookup("PASAR_PHOTO_STORE").as_deref(), &media_dir, &lookup)?;

        let mail = match (lookup("PASAR_SMTP_URL"), lookup("PASAR_MAIL_FROM")) {
            (None, _) => None,
            (Some(_), None) => {
                return Err(ConfigError::new(
                    "PASAR_MAIL_FROM",
                    "PASAR_SMTP_URL is set but there is no sender address",
                    "set it like \"Pasar Purna <noreply@kupangkota.go.id>\"",
                ))
            }
            (Some(url), Some(from)) => {
                // Checked here so a typo stops the start, not the first reset mail.
                crate::mail::Mailer::new(&url, &from).map_err(|error| {
                    let variable = match error {
                        crate::mail::MailConfigError::Url => "PASAR_SMTP_URL",
                        crate::mail::MailConfigError::From => "PASAR_MAIL_FROM",
                    };
                    ConfigError::new(
                        variable,
                        error.to_string(),
                        "see the README's configuration table",
                    )
                })?;
                Some(MailSettings { smtp_url: Secret::new(url), from })
            }
        };

        let production = match lookup("PASAR_ENVIRONMENT").as_deref().map(str::trim) {
            None | Some("development") => false,
            Some("production") => true,
            Some(other) => {
                return Err(ConfigError::new(
                    "PASAR_ENVIRONMENT",
                    format!("{other:?} is neither development nor production"),
                    "set it to production on the real server",
                ))
            }
        };
        let personal_data = personal_data_keys(&lookup, production)?;

        Ok(Config {
            listen,
            production,
            personal_data,
            mail,
            trusted_proxy,
            hashing_workers,
            registrations_per_hour,
            database_url: Secret::new(database_url),
            media_dir,
            photo_store,
            photo_workers,
            upload_memory_mb,
            public_url,
            secure_cookies,
            log_format,
            site_root: lookup("PASAR_SITE_ROOT")
                .map_or_else(|| PathBuf::from("target/site"), PathBuf::from),
        })
    }

    /// Opens the photo store this configuration names.
    ///
    /// # Errors
    /// When the local folder cannot be created or the S3 settings are invalid.
    pub fn open_photo_store(&self) -> Result<backend::photos::PhotoStore, ConfigError> {
        let opened = match &self.photo_store {
            PhotoStorage::Local(folder) => {
                backend::photos::PhotoStore::local(folder, self.photo_workers)
            }
            PhotoStorage::S3 { url, settings } => {
                let settings: Vec<(&str, &str)> =
                    settings.iter().map(|(name, value)| (*name, value.expose())).collect();
                backend::photos::PhotoStore::s3(url, &settings, self.photo_workers)
            }
            PhotoStorage::Memory => Ok(backend::photos::PhotoStore::in_memory()),
        };
        opened.map_err(|error| {
            ConfigError::new(
                "PASAR_PHOTO_STORE",
                format!("the photo store cannot be opened ({error})"),
                "check the folder's permissions, or the AWS_* variables for s3://",
            )
        })
    }

    /// Checks the folders the server writes to, creating them when missing.
    ///
    /// # Errors
    /// The variable whose folder cannot be created or written.
    pub fn prepare_directories(&self) -> Result<(), ConfigError> {
        ensure_writable("PASAR_MEDIA_DIR", &self.media_dir)?;
        if let Some(file) = sqlite_file(self.database_url.expose()) {
            if let Some(parent) = file.parent().filter(|p| !p.as_os_str().is_empty()) {
                ensure_writable("DATABASE_URL", parent)?;
            }
        }
        Ok(())
    }
}

fn parse_bool(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => None,
    }
}

/// The file path of a `sqlite:` URL, without its `?options`.
fn sqlite_file(url: &str) -> Option<PathBuf> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then(|| PathBuf::from(path))
}

fn ensure_writable(variable: &'static str, dir: &std::path::Path) -> Result<(), ConfigError> {
    let fail = |why: std::io::Error| {
        ConfigError::new(
            variable,
            format!("cannot write to folder {} ({})", dir.display(), why.kind()),
            "create it with write permission for this user, or point the variable elsewhere",
        )
    };
    std::fs::create_dir_all(dir).map_err(fail)?;
    let probe = dir.join(".write-test");
    std::fs::write(&probe, b"ok").map_err(fail)?;
    std::fs::remove_file(&probe).map_err(fail)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> =
            vars.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        Config::from_lookup(|name| map.get(name).cloned())
    }

    const KEY: &str = "k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    const HASH_KEY: &str = "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBA=";

    #[test]
    fn worker_and_memory_settings_are_whole_numbers_within_their_range() {
        let defaults = config(&[]).expect("defaults");
        assert_eq!(defaults.upload_memory_mb, crate::upload_budget::DEFAULT_UPLOAD_MEMORY_MB);
        assert_eq!(defaults.hashing_workers, backend::AppState::DEFAULT_HASHING_WORKERS);
        assert_eq!(defaults.registrations_per_hour, DEFAULT_REGISTRATIONS_PER_HOUR);
        let raised = config(&[("PASAR_REGISTRATIONS_PER_HOUR", "500")]).expect("valid");
        assert_eq!(raised.registrations_per_hour, 500);
        assert!(config(&[("PASAR_REGISTRATIONS_PER_HOUR", "0")]).is_err());
        let set = config(&[("PASAR_UPLOAD_MEMORY_MB", " 64 "), ("PASAR_PHOTO_WORKERS", "3")])
            .expect("in range");
        assert_eq!((set.upload_memory_mb, set.photo_workers), (64, 3));
        for (variable, value) in [
            ("PASAR_UPLOAD_MEMORY_MB", "0"),
            ("PASAR_UPLOAD_MEMORY_MB", "lots"),
            ("PASAR_PHOTO_WORKERS", "33"),
            ("PASAR_HASHING_WORKERS", "-1"),
        ] {
            let refused = config(&[(variable, value)]).expect_err(value);
            assert_eq!(refused.variable, variable);
            assert!(refused.problem.contains("is not a number from 1 to"), "{}", refused.problem);
        }
    }

    #[test]
    fn the_s3_settings_come_from_the_same_lookup_and_stay_secret() {
        let set = config(&[
            ("PASAR_PHOTO_STORE", "s3://bucket/shop"),
            ("AWS_SECRET_ACCESS_KEY", "very-secret"),
            ("AWS_ENDPOINT", "http://127.0.0.1:9000"),
        ])
        .expect("s3");
        let PhotoStorage::S3 { url, settings } = &set.photo_store else { panic!("not s3") };
        assert_eq!(url, "s3://bucket/shop");
        let names: Vec<&str> = settings.iter().map(|(name, _)| *name).collect();
        assert_eq!(names, ["AWS_SECRET_ACCESS_KEY", "AWS_ENDPOINT"]);
        assert!(!format!("{set:?}").contains("very-secret"), "never printed");
    }

    #[test]
    fn production_refuses_to_start_without_the_personal_data_keys() {
        let refused = config(&[("PASAR_ENVIRONMENT", "production")]).expect_err("no key");
        assert_eq!(refused.variable, "PASAR_DATA_KEY");
        let refused = config(&[("PASAR_ENVIRONMENT", "production"), ("PASAR_DATA_KEY", KEY)])
            .expect_err("no hash key");
        assert_eq!(refused.variable, "PASAR_NIK_HASH_KEY");
        let started = config(&[
            ("PASAR_ENVIRONMENT", "production"),
            ("PASAR_DATA_KEY", KEY),
            ("PASAR_NIK_HASH_KEY", HASH_KEY),
        ])
        .expect("both keys");
        assert!(started.production);
        assert_eq!(started.personal_data.current_id(), "k1");
    }

    #[test]
    fn a_malformed_key_is_named_without_echoing_it() {
        let refused = config(&[("PASAR_DATA_KEY", "k1:short"), ("PASAR_NIK_HASH_KEY", HASH_KEY)])
            .expect_err("short key");
        assert_eq!(refused.variable, "PASAR_DATA_KEY");
        assert!(!refused.problem.contains("short"), "{}", refused.problem);
        let refused = config(&[
            ("PASAR_DATA_KEY", KEY),
            ("PASAR_NIK_HASH_KEY", HASH_KEY),
            ("PASAR_DATA_KEYS_PREVIOUS", "nonsense"),
        ])
        .expect_err("bad previous key");
        assert_eq!(refused.variable, "PASAR_DATA_KEYS_PREVIOUS");
    }

    #[test]
    fn development_without_keys_uses_the_development_key() {
        let config = config(&[]).expect("defaults are valid");
        assert!(!config.production);
        assert_eq!(config.personal_data.current_id(), "dev");
    }

    #[test]
    fn nothing_configured_means_sqlite_on_localhost_port_3000() {
        let config = config(&[]).expect("defaults are valid");
        assert_eq!(config.listen.to_string(), "127.0.0.1:3000");
        assert_eq!(config.database_url.expose(), DEFAULT_DATABASE_URL);
        assert_eq!(config.public_url.as_str(), "http://127.0.0.1:3000/");
        assert!(!config.secure_cookies);
        assert_eq!(config.log_format, LogFormat::Pretty);
    }

    #[test]
    fn an_https_public_url_turns_on_secure_cookies() {
        let config = config(&[("PASAR_PUBLIC_URL", "https://pasar.example.id")]).expect("valid");
        assert!(config.secure_cookies);
        let forced = super::tests::config(&[
            ("PASAR_PUBLIC_URL", "https://pasar.example.id"),
            ("PASAR_SECURE_COOKIES", "false"),
        ])
        .expect("valid");
        assert!(!forced.secure_cookies);
    }

    #[test]
    fn a_bad_listen_address_names_the_variable_and_the_fix() {
        let error = config(&[("PASAR_LISTEN", "port 3000")]).expect_err("invalid");
        assert_eq!(error.variable, "PASAR_LISTEN");
        assert!(error.to_string().contains("127.0.0.1:3000"), "{error}");
    }

    #[test]
    fn a_database_url_of_another_kind_is_refused_without_echoing_it() {
        let error =
            config(&[("DATABASE_URL", "mysql://admin:hunter2@db/pasar")]).expect_err("invalid");
        assert_eq!(error.variable, "DATABASE_URL");
        assert!(!error.to_string().contains("hunter2"), "{error}");
    }

    #[test]
    fn a_public_url_without_http_is_refused() {
        for bad in ["pasar.example.id", "ftp://pasar.example.id", "http://"] {
            let error = config(&[("PASAR_PUBLIC_URL", bad)]).expect_err(bad);
            assert_eq!(error.variable, "PASAR_PUBLIC_URL");
        }
    }

    #[test]
    fn unknown_log_formats_and_booleans_are_refused() {
        assert_eq!(
            config(&[("PASAR_LOG_FORMAT", "xml")]).expect_err("xml").variable,
            "PASAR_LOG_FORMAT"
        );
        assert_eq!(
            config(&[("PASAR_SECURE_COOKIES", "maybe")]).expect_err("maybe").variable,
            "PASAR_SECURE_COOKIES"
        );
    }

    #[test]
    fn the_database_url_is_redacted_in_debug_output() {
        let config =
            config(&[("DATABASE_URL", "postgres://pasar:hunter2@db/pasar")]).expect("valid");
        let printed = format!("{config:?}");
        assert!(!printed.contains("hunter2"), "{printed}");
        assert!(printed.contains("[redacted]"));
    }

    #[test]
    fn sqlite_urls_name_their_file() {
        assert_eq!(sqlite_file("sqlite://data/x.db?mode=rwc"), Some(PathBuf::from("data/x.db")));
        assert_eq!(sqlite_file("sqlite::memory:"), None);
        assert_eq!(sqlite_file("postgres://h/db"), None);
    }

    #[test]
    fn an_unwritable_folder_is_reported_with_its_variable() {
        let config = config(&[("PASAR_MEDIA_DIR", "/proc/pasar-purna-media")]).expect("valid");
        let error = config.prepare_directories().expect_err("/proc is not writable");
        assert_eq!(error.variable, "PASAR_MEDIA_DIR");
    }
}
