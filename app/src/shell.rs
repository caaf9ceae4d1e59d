//! The HTML document around every page.

use leptos::prelude::*;
use leptos_meta::MetaTags;

use crate::App;

/// Where the built stylesheet is served from (its file name carries a content hash, so the
/// server finds it once at start-up and provides it as context).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stylesheet(pub String);

/// Renders the document: `<head>` with the stylesheet, manifest and island loader, and the app.
/// The `lang` attribute is set by [`App`] once the visitor's language is known.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    set_content_security_policy();
    let stylesheet = use_context::<Stylesheet>()
        .map_or_else(|| format!("/pkg/{}.css", options.output_name), |s| s.0);
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="theme-color" content="#8a2c0d" />
                <link rel="stylesheet" href=stylesheet />
                <link rel="manifest" href="/manifest.webmanifest" />
                <link rel="icon" href="/favicon.ico" sizes="32x32" />
                <link rel="icon" href="/icons/icon.svg" type="image/svg+xml" />
                <link rel="apple-touch-icon" href="/icons/icon-192.png" />
                <HydrationScripts options islands=true />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The page's Content-Security-Policy: scripts only from this site or carrying this response's
/// nonce (Leptos puts it on the island loader), WebAssembly compilation allowed, nothing
/// framed, forms posted only here.
#[cfg(feature = "ssr")]
fn set_content_security_policy() {
    let Some(nonce) = leptos::nonce::use_nonce() else { return };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    );
    if let (Some(response), Ok(value)) =
        (use_context::<leptos_axum::ResponseOptions>(), http::HeaderValue::from_str(&policy))
    {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}
