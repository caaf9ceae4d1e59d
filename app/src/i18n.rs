//! Translations: Fluent catalogues in `app/locales/{id,en}/main.ftl`, Bahasa Indonesia first.
//!
//! The language comes from the `lang` cookie (set by the language switch), then the browser's
//! `Accept-Language`, then defaults to Bahasa Indonesia. A test (`tests/catalogues.rs`) fails
//! when a key used in the code is missing from either catalogue, or the catalogues differ.

use domain::Locale;
use leptos::prelude::*;
use leptos_fluent::{leptos_fluent, I18n};

/// The cookie that remembers the visitor's language choice.
pub const LANGUAGE_COOKIE: &str = "lang";

/// Provides the translation context to everything inside it.
#[component]
pub fn I18nProvider(children: Children) -> impl IntoView {
    leptos_fluent! {
        children: children(),
        locales: "./locales",
        default_language: "id",
        cookie_name: "lang",
        initial_language_from_cookie: true,
        initial_language_from_accept_language_header: true,
        // No Unicode bidi isolation marks around arguments: both languages are left-to-right,
        // and the invisible characters would end up in titles and copied text.
        customise: |bundle| bundle.set_use_isolating(false),
    }
}

/// Looks up a message in the visitor's language. Pages are rendered on the server once, so
/// the lookup does not subscribe to language changes.
#[must_use]
pub fn t(key: &str) -> String {
    let i18n = expect_context::<I18n>();
    untrack(|| i18n.tr(key))
}

/// Like [`t`], with named arguments: `t_args("search-results-for", &[("query", q)])`.
#[must_use]
pub fn t_args(key: &str, args: &[(&'static str, String)]) -> String {
    let i18n = expect_context::<I18n>();
    let args = args
        .iter()
        .map(|(name, value)| (std::borrow::Cow::Borrowed(*name), value.clone().into()))
        .collect();
    untrack(|| i18n.tr_with_args(key, &args))
}

/// The visitor's language, for formatting dates and numbers with `domain`. Inside a page it
/// is the page's language; in a server fn called on its own, the request's `lang` cookie or
/// `Accept-Language`.
#[must_use]
pub fn current_locale() -> Locale {
    if let Some(i18n) = use_context::<I18n>() {
        return Locale::from_tag(i18n.language.get_untracked().id).unwrap_or_default();
    }
    #[cfg(feature = "ssr")]
    if let Some(parts) = use_context::<http::request::Parts>() {
        return request_locale(&parts.headers);
    }
    Locale::default()
}

/// The language a request asks for: the `lang` cookie, else `Accept-Language`.
#[cfg(feature = "ssr")]
#[must_use]
pub fn request_locale(headers: &http::HeaderMap) -> Locale {
    let from_cookie = headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == LANGUAGE_COOKIE)
        .and_then(|(_, value)| Locale::from_tag(value));
    from_cookie.unwrap_or_else(|| {
        Locale::negotiate(
            headers.get(http::header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or(""),
        )
    })
}

#[cfg(feature = "ssr")]
fluent_templates::static_loader! {
    // The same catalogues, for text the server writes outside a page render (e.g. the refusal
    // of a cross-site form post), where there is no Leptos context to ask.
    static SERVER_CATALOGUES = {
        locales: "./locales",
        fallback_language: "id",
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A message in `locale`, for server code outside a page render.
#[cfg(feature = "ssr")]
#[must_use]
pub fn server_text(locale: Locale, key: &str) -> String {
    use fluent_templates::Loader;
    let language: fluent_templates::LanguageIdentifier = locale.code().parse().unwrap_or_default();
    SERVER_CATALOGUES.lookup(&language, key)
}
