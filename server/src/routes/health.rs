//! Probes for the load balancer and the orchestrator.

use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use domain::Need;
use serde::Serialize;

use crate::routes::Endpoint;
use crate::ServerState;

/// How long `/readyz` waits for the database before calling it unavailable.
const READY_TIMEOUT: Duration = Duration::from_secs(2);

#[derive(Debug, Serialize)]
pub struct Health {
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    database: Option<&'static str>,
}

/// `/healthz`: the process is alive and serving HTTP. Never touches the database, so a
/// database outage does not get healthy replicas restarted.
pub async fn alive() -> Json<Health> {
    Json(Health { status: "ok", database: None })
}

/// `/readyz`: the database answers; send traffic here.
pub async fn ready(State(state): State<ServerState>) -> (StatusCode, Json<Health>) {
    let engine = state.app.db.engine().name();
    match tokio::time::timeout(READY_TIMEOUT, state.app.db.ping()).await {
        Ok(Ok(())) => (StatusCode::OK, Json(Health { status: "ready", database: Some(engine) })),
        Ok(Err(error)) => {
            tracing::warn!(error = ?error, "readiness check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(Health { status: "unavailable", database: Some(engine) }),
            )
        }
        Err(_) => {
            tracing::warn!("readiness check timed out");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(Health { status: "unavailable", database: Some(engine) }),
            )
        }
    }
}

/// This feature's routes and what each needs.
#[must_use]
pub fn endpoints() -> Vec<Endpoint> {
    vec![
        Endpoint::get("/healthz", Need::Public, alive),
        Endpoint::get("/readyz", Need::Public, ready),
    ]
}
