//! Start-up and shutdown: connect, migrate, optionally seed, listen, and stop gracefully.

use std::time::Duration;

use backend::db::{ConnectOptions, Database};
use backend::AppState;
use leptos::prelude::LeptosOptions;
use tokio::net::TcpListener;

use crate::config::{Config, ConfigError};
use crate::{router, ServerState};

/// The name of the built bundle (`/pkg/pasar-purna.<hash>.js` and friends).
pub const OUTPUT_NAME: &str = "pasar-purna";

/// Connects to the configured database and applies pending migrations.
///
/// # Errors
/// A [`ConfigError`] on `DATABASE_URL` saying what failed.
pub async fn open_database(config: &Config) -> Result<Database, ConfigError> {
    Database::connect_and_migrate(config.database_url.expose(), &ConnectOptions::default())
        .await
        .map_err(|error| {
            ConfigError::new(
                "DATABASE_URL",
                error.to_string(),
                "check that the database is running and the URL is right (unset it to use the built-in SQLite)",
            )
        })
}

/// The file, in the site root, where the build records the bundle's content hashes.
pub const HASH_FILE: &str = "hash.txt";

/// The options Leptos needs to find and name the built bundle.
///
/// The build names bundle files with content hashes and records them in `hash.txt`. Leptos
/// looks for that file beside the running executable unless given an absolute path, and
/// panics at render time when it is missing; so the path is made absolute here, and hashed
/// names are used only when the file exists (an unbuilt site still renders its HTML).
#[must_use]
pub fn leptos_options(config: &Config) -> LeptosOptions {
    let hash_file = std::path::absolute(config.site_root.join(HASH_FILE))
        .unwrap_or_else(|_| config.site_root.join(HASH_FILE));
    LeptosOptions::builder()
        .output_name(OUTPUT_NAME)
        .site_root(config.site_root.to_string_lossy().into_owned())
        .site_pkg_dir("pkg")
        .site_addr(config.listen)
        .hash_files(hash_file.is_file())
        .hash_file(std::sync::Arc::<str>::from(hash_file.to_string_lossy()))
        .build()
}

/// Builds the shared state from a connected database.
///
/// # Errors
/// When the photo store cannot be opened.
pub fn server_state(config: &Config, db: Database) -> Result<ServerState, ConfigError> {
    Ok(ServerState {
        session_layer: crate::auth::session_layer(db.clone(), config.secure_cookies),
        app: AppState {
            db,
            media_dir: config.media_dir.clone(),
            photos: config.open_photo_store()?,
            hasher: backend::accounts::PasswordHasher::new(config.hashing_workers),
            login_limits: backend::throttle::LoginLimits {
                registrations_per_address: backend::throttle::Limit {
                    failures: i64::try_from(config.registrations_per_hour).unwrap_or(i64::MAX),
                    window_secs: 60 * 60,
                },
                ..backend::throttle::LoginLimits::default()
            },
            personal_data: config.personal_data.clone(),
            catalogue: backend::listings::CatalogueCache::default(),
        },
        trusted_proxy: config.trusted_proxy,
        mailer: config.mail.as_ref().and_then(|mail| {
            crate::mail::Mailer::new(mail.smtp_url.expose(), &mail.from)
                .map_err(|error| tracing::error!(%error, "email reset disabled"))
                .ok()
        }),
        leptos: leptos_options(config),
        secure_cookies: config.secure_cookies,
        stylesheet: app::Stylesheet(crate::routes::assets::stylesheet_href(
            &config.site_root,
            OUTPUT_NAME,
        )),
        public_origin: config.public_url.origin().ascii_serialization(),
        hsts: config.public_url.scheme() == "https",
        uploads: crate::upload_budget::UploadBudget::new(config.upload_memory_mb * 1024 * 1024),
    })
}

/// Serves until SIGINT or SIGTERM, then lets in-flight requests finish.
///
/// # Errors
/// When the address cannot be bound or the server fails.
pub async fn serve(config: &Config, state: ServerState) -> anyhow::Result<()> {
    let listener = TcpListener::bind(config.listen).await.map_err(|error| {
        ConfigError::new(
            "PASAR_LISTEN",
            format!("cannot listen on {} ({})", config.listen, error.kind()),
            "stop whatever uses that port or choose another",
        )
    })?;
    let db = state.app.db.clone();
    let photos = state.app.photos.clone();
    let app = router(state);
    tracing::info!(address = %config.listen, public_url = %config.public_url, "Pasar Purna is ready");
    // Without TCP_NODELAY, Nagle's algorithm holds back the last chunk of each streamed page
    // for ~40 ms waiting for an ACK.
    let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
        if let Err(error) = tcp.set_nodelay(true) {
            tracing::warn!(%error, "could not set TCP_NODELAY");
        }
    });
    // The peer address feeds the per-address login limit.
    let app = app.into_make_service_with_connect_info::<std::net::SocketAddr>();
    let sweeper = tokio::spawn(sweep_expired_sessions(db.clone()));
    let photo_sweeper = tokio::spawn(sweep_unused_photos(db.clone(), photos));
    axum::serve(listener, app).with_graceful_shutdown(shutdown_signal()).await?;
    sweeper.abort();
    photo_sweeper.abort();
    tracing::info!("stopped accepting connections; closing the database");
    tokio::time::timeout(Duration::from_secs(10), db.close()).await.ok();
    Ok(())
}

/// Deletes expired sessions every hour (they are already refused; this keeps the table small).
async fn sweep_expired_sessions(db: Database) {
    let mut every_hour = tokio::time::interval(Duration::from_secs(60 * 60));
    loop {
        every_hour.tick().await;
        match backend::sessions::delete_expired(&db, backend::unix_now()).await {
            Ok(0) => {}
            Ok(removed) => tracing::info!(removed, "expired sessions removed"),
            Err(error) => tracing::warn!(error = ?error, "could not remove expired sessions"),
        }
    }
}

/// Removes photo files no product names, every hour: what a crash between writing files and
/// writing rows (or between deleting rows and files) left behind. Files younger than an hour
/// are spared, as an upload may still be writing its rows.
async fn sweep_unused_photos(db: Database, photos: backend::photos::PhotoStore) {
    let mut every_hour = tokio::time::interval(Duration::from_secs(60 * 60));
    loop {
        every_hour.tick().await;
        match photos.sweep(&db, backend::unix_now(), 60 * 60).await {
            Ok(0) => {}
            Ok(removed) => tracing::info!(removed, "unused photos removed"),
            Err(error) => tracing::warn!(error = ?error, "could not sweep unused photos"),
        }
    }
}

async fn shutdown_signal() {
    let interrupt = async {
        tokio::signal::ctrl_c().await.ok();
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutdown signal received; finishing in-flight requests");
}
