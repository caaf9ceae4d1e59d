//! The HTTP router: Leptos pages and server fns, probes, the language switch, static files,
//! wrapped in request ids, tracing and compression.

use axum::extract::FromRef;
use axum::http::{HeaderName, Request};
use axum::Router;
use backend::AppState;
use leptos::prelude::{provide_context, LeptosOptions};
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::request_id::{
    MakeRequestUuid, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};
use tower_http::trace::{DefaultOnResponse, TraceLayer};

use crate::auth;
use crate::routes::assets;
use crate::security;

/// Everything a request handler may need.
#[derive(Clone, Debug)]
pub struct ServerState {
    /// Backend services and the database.
    pub app: AppState,
    /// Where the built site lives and what the bundle is called.
    pub leptos: LeptosOptions,
    /// Whether cookies get the `Secure` flag.
    pub secure_cookies: bool,
    /// The hashed stylesheet's and script's addresses, found in the site root at start-up.
    pub assets: app::Assets,
    /// `scheme://host[:port]` of the public URL: the only origin allowed to post forms.
    pub public_origin: String,
    /// Whether to send Strict-Transport-Security (the public URL is https).
    pub hsts: bool,
    /// The reverse proxy whose forwarded client address is believed.
    pub trusted_proxy: Option<std::net::IpAddr>,
    /// Sends self-service reset links, when SMTP is configured.
    pub mailer: Option<crate::mail::Mailer>,
    /// Server-side sessions in the database.
    pub session_layer: tower_sessions::SessionManagerLayer<crate::auth::DbSessionStore>,
    /// Bytes of uploaded forms held in memory at once, across requests.
    pub uploads: crate::upload_budget::UploadBudget,
}

impl ServerState {
    /// Context every page render and server fn gets.
    pub fn provide_page_context(&self) {
        provide_context(self.app.clone());
        provide_context(self.assets.clone());
        provide_context(app::account::EmailReset(self.mailer.is_some()));
        provide_context(app::PublicOrigin(self.public_origin.clone()));
    }
}

impl FromRef<ServerState> for LeptosOptions {
    fn from_ref(state: &ServerState) -> Self {
        state.leptos.clone()
    }
}

impl FromRef<ServerState> for AppState {
    fn from_ref(state: &ServerState) -> Self {
        state.app.clone()
    }
}

/// The app's page routes, generated once per process.
///
/// Generating them runs the app with resource loading switched off through a process-wide
/// flag (leptos issue #4773): a page whose data starts loading on another thread during that
/// window waits forever. Doing it once, and making every other caller wait for it, means no
/// page is ever rendered while the flag is up — in the server (before it listens) and in the
/// tests (which build many routers side by side).
pub fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(app::App)).clone()
}

/// Every declared route ([`crate::routes::table`]), each behind its declared need.
fn declared_routes() -> Router<ServerState> {
    crate::routes::table().into_iter().fold(Router::new(), |router, endpoint| {
        let guard = axum::middleware::from_fn_with_state(endpoint.need, crate::authz::enforce);
        router.route(endpoint.path, endpoint.handler.route_layer(guard))
    })
}

/// Builds the whole application.
pub fn router(state: ServerState) -> Router {
    let request_id = HeaderName::from_static("x-request-id");
    let context_state = state.clone();
    let options = state.leptos.clone();
    declared_routes()
        .leptos_routes_with_context(
            &state,
            route_list(),
            move || context_state.provide_page_context(),
            move || app::shell(options.clone()),
        )
        .fallback(assets::files_or_not_found)
        // Inside `identify`, which finds the viewer it checks.
        .layer(axum::middleware::from_fn(crate::authz::guard_server_fns))
        .layer(axum::middleware::from_fn_with_state(state.clone(), auth::identify))
        .layer(state.session_layer.clone())
        // Outside the session layer: a refused cross-site post never touches a session.
        .layer(axum::middleware::from_fn_with_state(state.clone(), security::protect))
        // Brotli level 1: a listing page is 5.0 KB instead of 4.5 KB at level 4, both inside
        // the first TCP window (~14 KB) so no extra round trip on 3G, while level 4 (and 2,
        // whose hash tables are zeroed per response) cost a third of the CPU of a page at 32
        // connections: 1,500 pages/s at level 4, 2,100 at level 1 (docs/BENCHMARKS.md).
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(1)))
        .layer(axum::middleware::from_fn(crate::telemetry::audit_request_id))
        .layer(
            TraceLayer::new_for_http()
                // One line per response (status and latency) at INFO; the rest stays at DEBUG.
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO))
                .make_span_with(|request: &Request<_>| {
            let id = request
                .extensions()
                .get::<RequestId>()
                .and_then(|id| id.header_value().to_str().ok())
                .unwrap_or_default();
            // The path only: query strings may carry what people typed.
            tracing::info_span!("request", request_id = %id, method = %request.method(), path = %request.uri().path())
        }),
        )
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
        .with_state(state)
}
