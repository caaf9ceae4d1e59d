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

/// Builds the shared state from a connected database, on the system clock.
///
/// # Errors
/// When the photo store cannot be opened.
pub fn server_state(config: &Config, db: Database) -> Result<ServerState, ConfigError> {
    server_state_with_clock(config, db, backend::Clock::system())
}

/// [`server_state`] telling time by `clock` (tests pass a settable one).
///
/// # Errors
/// When the photo store cannot be opened.
pub fn server_state_with_clock(
    config: &Config,
    db: Database,
    clock: backend::Clock,
) -> Result<ServerState, ConfigError> {
    Ok(ServerState {
        session_layer: crate::auth::session_layer(db.clone(), clock.clone(), config.secure_cookies),
        app: AppState {
            db,
            clock,
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
        assets: app::Assets {
            stylesheet: crate::routes::assets::bundle_href(&config.site_root, OUTPUT_NAME, "css"),
            enhance_script: crate::routes::assets::bundle_href(&config.site_root, "enhance", "js"),
        },
        public_origin: config.public_url.origin().ascii_serialization(),
        hsts: config.public_url.scheme() == "https",
        uploads: crate::upload_budget::UploadBudget::new(config.upload_memory_mb * 1024 * 1024),
    })
}

/// Moves application photos kept in `PASAR_MEDIA_DIR/public` and `…/private` by earlier
/// versions into the one media store, before any request asks for them.
///
/// # Errors
/// When the store fails; the server does not start with files it cannot serve.
pub async fn move_legacy_media(config: &Config, state: &ServerState) -> anyhow::Result<()> {
    let moved = backend::media::move_legacy_files(&config.media_dir, &state.app.photos).await?;
    if moved > 0 {
        tracing::info!(moved, "application photos moved into the media store");
    }
    Ok(())
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
    move_legacy_media(config, &state).await?;
    let db = state.app.db.clone();
    let jobs = crate::jobs::ServerJobs {
        app: state.app.clone(),
        mailer: state.mailer.clone(),
        public_origin: state.public_origin.clone(),
    };
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
    // The job runner stops when the listener does, finishing the job in hand first.
    let (stop_jobs, jobs_stopped) = tokio::sync::oneshot::channel::<()>();
    let runner = tokio::spawn(jobs.run_until(async {
        jobs_stopped.await.ok();
    }));
    axum::serve(listener, app).with_graceful_shutdown(shutdown_signal()).await?;
    stop_jobs.send(()).ok();
    tokio::time::timeout(Duration::from_secs(30), runner).await.ok();
    tracing::info!("stopped accepting connections; closing the database");
    tokio::time::timeout(Duration::from_secs(10), db.close()).await.ok();
    Ok(())
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
