//! The security baseline every response gets (OWASP ASVS 5.0 level 2, §3.4 headers and §3.5
//! cross-site request forgery), applied as one middleware around the whole router.
//!
//! - A state-changing request (anything but GET, HEAD, OPTIONS) is refused with 403 unless the
//!   browser says it comes from this site: `Sec-Fetch-Site: same-origin` (or `none`, typed by
//!   the user), or else an `Origin` equal to the public URL's or to the request's own host. A
//!   request with neither header is refused too: every browser we serve sends one on POST.
//! - Headers: `nosniff`, no framing, a referrer policy, a restrictive CSP on everything that is
//!   not a page (pages set their own, with the script nonce), and HSTS when served over https.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{
    CONTENT_SECURITY_POLICY, CONTENT_TYPE, HOST, ORIGIN, REFERRER_POLICY,
    STRICT_TRANSPORT_SECURITY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use domain::Locale;

use crate::ServerState;

/// For responses that are not HTML pages (JSON, files): nothing may load from them.
const NON_PAGE_CSP: HeaderValue =
    HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'; base-uri 'none'");
const HSTS: HeaderValue = HeaderValue::from_static("max-age=63072000; includeSubDomains");

/// Whether a request may change state, judged from the headers browsers set themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provenance {
    /// Safe method, or the browser vouches that it comes from this site.
    SameSite,
    /// Another site asked the browser to send it.
    CrossSite,
    /// Neither `Sec-Fetch-Site` nor `Origin`: refused, since every browser we serve sends one.
    Unknown,
}

/// Judges a request's provenance.
#[must_use]
pub fn provenance(method: &Method, headers: &HeaderMap, public_origin: &str) -> Provenance {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return Provenance::SameSite;
    }
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return match site {
            "same-origin" | "none" => Provenance::SameSite,
            _ => Provenance::CrossSite,
        };
    }
    let Some(origin) = headers.get(ORIGIN).and_then(|v| v.to_str().ok()) else {
        return Provenance::Unknown;
    };
    // Reached by its own host rather than the public URL, this process speaks plain HTTP (TLS
    // ends at a proxy, whose requests carry the public origin): an `https` page on the same
    // host is another origin, and is refused.
    let own_host = headers.get(HOST).and_then(|v| v.to_str().ok());
    let (origin_scheme, origin_host) = origin.split_once("://").unzip();
    let same_host = own_host.is_some() && origin_host == own_host && origin_scheme == Some("http");
    if origin == public_origin || same_host {
        Provenance::SameSite
    } else {
        Provenance::CrossSite
    }
}

/// The middleware: refuse cross-site writes, then add the security headers.
pub async fn protect(State(state): State<ServerState>, request: Request, next: Next) -> Response {
    let verdict = provenance(request.method(), request.headers(), &state.public_origin);
    let mut response = if verdict == Provenance::SameSite {
        next.run(request).await
    } else {
        tracing::warn!(?verdict, method = %request.method(), path = %request.uri().path(), "refused a cross-site request");
        refusal(visitor_locale(request.headers()))
    };
    let headers = response.headers_mut();
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("strict-origin-when-cross-origin"));
    if !headers.contains_key(CONTENT_SECURITY_POLICY) {
        headers.insert(CONTENT_SECURITY_POLICY, NON_PAGE_CSP);
    }
    if state.hsts {
        headers.insert(STRICT_TRANSPORT_SECURITY, HSTS);
    }
    response
}

/// The visitor's language from the `lang` cookie, then `Accept-Language`, for responses
/// written outside a page render.
pub fn visitor_locale(headers: &HeaderMap) -> Locale {
    app::i18n::request_locale(headers)
}

/// A small page in the visitor's language: the form came from somewhere else.
fn refusal(locale: Locale) -> Response {
    plain_page(
        locale,
        StatusCode::FORBIDDEN,
        "error-cross-site-title",
        "error-cross-site-body",
        ("/", "error-back-home"),
    )
}

/// A minimal page in the visitor's language, for answers given outside a page render.
/// Its texts come from our catalogues only, never from the request.
pub fn plain_page(
    locale: Locale,
    status: StatusCode,
    title_key: &str,
    body_key: &str,
    (href, link_key): (&str, &str),
) -> Response {
    let text = |key| app::i18n::server_text(locale, key);
    let body = format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title></head><body><main><h1>{title}</h1><p>{explanation}</p>\
         <p><a href=\"{href}\">{link}</a></p></main></body></html>",
        lang = locale.code(),
        title = text(title_key),
        explanation = text(body_key),
        link = text(link_key),
    );
    let mut response = (status, Body::from(body)).into_response();
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    const PUBLIC: &str = "https://pasar.example.id";

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(k, v)| (axum::http::HeaderName::from_static(k), HeaderValue::from_static(v)))
            .collect()
    }

    #[test]
    fn reading_never_needs_provenance() {
        assert_eq!(provenance(&Method::GET, &HeaderMap::new(), PUBLIC), Provenance::SameSite);
    }

    #[test]
    fn fetch_metadata_decides_when_present() {
        let same =
            headers(&[("sec-fetch-site", "same-origin"), ("origin", "https://evil.example")]);
        let cross = headers(&[("sec-fetch-site", "cross-site"), ("origin", PUBLIC)]);
        let sibling = headers(&[("sec-fetch-site", "same-site")]);
        assert_eq!(provenance(&Method::POST, &same, PUBLIC), Provenance::SameSite);
        assert_eq!(provenance(&Method::POST, &cross, PUBLIC), Provenance::CrossSite);
        assert_eq!(provenance(&Method::POST, &sibling, PUBLIC), Provenance::CrossSite);
    }

    #[test]
    fn without_fetch_metadata_the_origin_must_be_ours() {
        let public = headers(&[("origin", "https://pasar.example.id")]);
        let own_host = headers(&[("origin", "http://localhost:3000"), ("host", "localhost:3000")]);
        let other = headers(&[("origin", "https://evil.example"), ("host", "pasar.example.id")]);
        assert_eq!(provenance(&Method::POST, &public, PUBLIC), Provenance::SameSite);
        assert_eq!(provenance(&Method::POST, &own_host, PUBLIC), Provenance::SameSite);
        assert_eq!(provenance(&Method::POST, &other, PUBLIC), Provenance::CrossSite);
        assert_eq!(provenance(&Method::DELETE, &HeaderMap::new(), PUBLIC), Provenance::Unknown);
    }

    #[test]
    fn an_origin_on_our_host_with_another_scheme_is_another_site() {
        let plain_site = "http://localhost:3000";
        let https_here =
            headers(&[("origin", "https://localhost:3000"), ("host", "localhost:3000")]);
        let http_here = headers(&[("origin", "http://localhost:3000"), ("host", "localhost:3000")]);
        assert_eq!(provenance(&Method::POST, &https_here, plain_site), Provenance::CrossSite);
        assert_eq!(provenance(&Method::POST, &http_here, plain_site), Provenance::SameSite);
    }

    #[test]
    fn the_language_cookie_chooses_the_refusal_language() {
        assert_eq!(
            visitor_locale(&headers(&[("cookie", "a=b; lang=en"), ("accept-language", "id")])),
            Locale::En
        );
        assert_eq!(visitor_locale(&headers(&[("accept-language", "en-US")])), Locale::En);
        assert_eq!(visitor_locale(&HeaderMap::new()), Locale::Id);
    }
}
