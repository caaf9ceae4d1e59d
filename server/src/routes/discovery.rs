//! What search engines read: `robots.txt` and `sitemap.xml`, both naming the public address
//! (so they are generated, not static files).

use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use domain::Need;

use crate::error::PageError;
use crate::routes::Endpoint;
use crate::ServerState;

/// `GET /robots.txt`: everything public may be indexed, except the JSON API, the vendor's and
/// admin's pages, and forms that only make sense when logged in.
pub async fn robots(State(state): State<ServerState>) -> Response {
    let body = format!(
        "User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /lapak\nDisallow: /admin/\n\
         Disallow: /akun\nDisallow: /pengajuan\n\nSitemap: {}/sitemap.xml\n",
        state.public_origin
    );
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8")),
            (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=86400")),
        ],
        body,
    )
        .into_response()
}

/// `GET /sitemap.xml`: home, categories, vendor pages and every public product, with the
/// date each last changed. Hidden products and vendors not approved are never listed.
pub async fn sitemap(State(state): State<ServerState>, headers: axum::http::HeaderMap) -> Response {
    let entries = match backend::listings::sitemap_entries(&state.app.db).await {
        Ok(entries) => entries,
        Err(error) => {
            return PageError::unavailable(&headers, "could not build the sitemap", &error)
                .into_response();
        }
    };
    let mut xml = String::with_capacity(64 + entries.len() * 120);
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (path, changed) in entries {
        // Paths are built from ids and slugs (letters, digits, dashes): nothing to escape.
        xml.push_str("<url><loc>");
        xml.push_str(&state.public_origin);
        xml.push_str(&path);
        xml.push_str("</loc>");
        if let Ok(date) = time::OffsetDateTime::from_unix_timestamp(changed) {
            if changed > 0 {
                let day = date.date();
                xml.push_str(&format!(
                    "<lastmod>{:04}-{:02}-{:02}</lastmod>",
                    day.year(),
                    u8::from(day.month()),
                    day.day()
                ));
            }
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("application/xml; charset=utf-8")),
            (header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600")),
        ],
        xml,
    )
        .into_response()
}

/// This feature's routes and what each needs.
#[must_use]
pub fn endpoints() -> Vec<Endpoint> {
    vec![
        Endpoint::get("/robots.txt", Need::Public, robots),
        Endpoint::get("/sitemap.xml", Need::Public, sitemap),
    ]
}
