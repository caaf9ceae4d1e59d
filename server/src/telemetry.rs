//! Logging with `tracing`: one span per request carrying its request id.
//!
//! Only the method, the path and ids are recorded, never query strings, bodies or headers,
//! so that no phone number, NIK or password can reach the logs.

use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::EnvFilter;

use crate::config::LogFormat;

/// Default verbosity when `RUST_LOG` is unset.
const DEFAULT_FILTER: &str = "info,sqlx=warn,tower_http=info";

/// Installs the global subscriber. Call once, first thing in `main`.
pub fn init(format: LogFormat) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER));
    let registry = tracing_subscriber::registry().with(filter);
    match format {
        // Logs go to standard error: standard output carries command results (the demo logins).
        LogFormat::Pretty => registry
            .with(tracing_subscriber::fmt::layer().compact().with_writer(std::io::stderr))
            .init(),
        LogFormat::Json => registry
            .with(
                tracing_subscriber::fmt::layer()
                    .json()
                    .flatten_event(true)
                    .with_writer(std::io::stderr),
            )
            .init(),
    }
}

/// Makes the request's `x-request-id` the one every audit entry written while serving it
/// records (`backend::audit`), so a log line, a support question and an audit entry can be
/// matched. Runs inside the layer that sets the id.
pub async fn audit_request_id(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let id = request
        .extensions()
        .get::<tower_http::request_id::RequestId>()
        .and_then(|id| id.header_value().to_str().ok())
        .map(str::to_owned);
    match id {
        Some(id) => backend::audit::with_request_id(id, next.run(request)).await,
        None => next.run(request).await,
    }
}
