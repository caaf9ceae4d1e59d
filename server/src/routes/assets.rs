//! Static files: the built bundle under `/pkg` and the public files (manifest, icons).
//!
//! Bundle files carry a content hash in their names, so browsers may keep them for a year
//! without asking again; a new build has new names. Public files keep stable names and are
//! cached for a day. The build writes `.br` and `.gz` beside each bundle file, served as they
//! are to browsers that accept them. Anything that is not a file is rendered by the app as its 404 page.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{CACHE_CONTROL, VARY};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::ServeDir;

use crate::ServerState;

const HASHED: HeaderValue = HeaderValue::from_static("public, max-age=31536000, immutable");
const PUBLIC: HeaderValue = HeaderValue::from_static("public, max-age=86400");

/// Serves a file from the site root, or the app's 404 page.
pub async fn files_or_not_found(State(state): State<ServerState>, request: Request) -> Response {
    if matches!(*request.method(), Method::GET | Method::HEAD) {
        let mut probe = Request::builder()
            .method(request.method().clone())
            .uri(request.uri().clone())
            .body(Body::empty())
            .unwrap_or_default();
        *probe.headers_mut() = request.headers().clone();
        let Ok(response) = ServeDir::new(&*state.leptos.site_root)
            .precompressed_br()
            .precompressed_gzip()
            .oneshot(probe)
            .await;
        if response.status() != StatusCode::NOT_FOUND {
            let cache = if request.uri().path().starts_with("/pkg/") { HASHED } else { PUBLIC };
            let mut response = response.map(Body::new);
            if response.status().is_success() {
                let headers = response.headers_mut();
                headers.insert(CACHE_CONTROL, cache);
                // The same URL answers br, gzip or identity: caches must key on the encoding.
                headers.insert(VARY, HeaderValue::from_static("accept-encoding"));
            }
            return response;
        }
    }
    render_not_found(state, request).await
}

async fn render_not_found(state: ServerState, request: Request) -> Response {
    let options = state.leptos.clone();
    let handler = leptos_axum::render_app_to_stream_with_context(
        move || state.provide_page_context(),
        move || app::shell(options.clone()),
    );
    handler(request).await.into_response()
}

/// The address of a built bundle file, `/pkg/<name>.<hash>.<extension>` (the stylesheet, the
/// enhancement script), looked up once at start-up. Falls back to the unhashed name when the
/// site has not been built (the page still renders).
#[must_use]
pub fn bundle_href(site_root: &std::path::Path, name: &str, extension: &str) -> String {
    let prefix = format!("{name}.");
    let suffix = format!(".{extension}");
    std::fs::read_dir(site_root.join("pkg"))
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        // `name.<16 hex>.<extension>`: not `pasar-purna.<hash>.js` when asked for `pasar-purna`'s css.
        .find(|file| file.starts_with(&prefix) && file.ends_with(&suffix))
        .map_or_else(|| format!("/pkg/{name}{suffix}"), |file| format!("/pkg/{file}"))
}
