//! The HTML document around every page.

use leptos::prelude::*;
use leptos_meta::MetaTags;

use crate::App;

/// Where the built stylesheet and enhancement script are served from (their file names carry
/// a content hash, so the server finds them once at start-up and provides them as context).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assets {
    /// `/pkg/pasar-purna.<hash>.css`.
    pub stylesheet: String,
    /// `/pkg/enhance.<hash>.js`: what pages without islands run.
    pub enhance_script: String,
}

/// Renders the document: `<head>` with the stylesheet, manifest, the enhancement script and,
/// only on pages with islands, the island loader; then the app. The `lang` attribute is set by
/// [`App`] once the visitor's language is known.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    set_content_security_policy();
    let assets = use_context::<Assets>().unwrap_or_else(|| Assets {
        stylesheet: format!("/pkg/{}.css", options.output_name),
        enhance_script: "/pkg/enhance.js".to_owned(),
    });
    // The shell is rendered on the server only (islands are hydrated one by one).
    #[cfg(feature = "ssr")]
    let islands = use_context::<http::request::Parts>().is_some_and(|parts| {
        // The island pages are a vendor's: everyone else gets the refusal, which has none.
        let vendor =
            parts.extensions.get::<crate::auth::Viewer>().is_some_and(|v| v.vendor.is_some());
        vendor && crate::islands::page_has_islands(parts.uri.path())
    });
    #[cfg(not(feature = "ssr"))]
    let islands = true;
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="theme-color" content="#8a2c0d" />
                <link rel="stylesheet" href=assets.stylesheet />
                <link rel="manifest" href="/manifest.webmanifest" />
                <link rel="icon" href="/favicon.ico" sizes="32x32" />
                <link rel="icon" href="/icons/icon.svg" type="image/svg+xml" />
                <link rel="apple-touch-icon" href="/icons/icon-192.png" />
                <script type="module" src=assets.enhance_script></script>
                {islands.then(|| view! { <HydrationScripts options islands=true /> })}
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
