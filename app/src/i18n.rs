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
///
/// A whole number is passed to Fluent as a number, so a message can choose its plural form
/// (`{ $count -> [one] 1 product *[other] { $count } products }`); Bahasa Indonesia has no
/// plural forms and simply does not select.
#[must_use]
pub fn t_args(key: &str, args: &[(&'static str, String)]) -> String {
    let i18n = expect_context::<I18n>();
    let args = args
        .iter()
        .map(|(name, value)| (std::borrow::Cow::Borrowed(*name), fluent_value(value)))
        .collect();
    untrack(|| i18n.tr_with_args(key, &args))
}

/// A whole number (as counts are written) becomes a Fluent number; anything else stays text.
fn fluent_value(value: &str) -> fluent_bundle::FluentValue<'static> {
    let is_count = !value.is_empty()
        && value.len() <= 15
        && value.bytes().all(|b| b.is_ascii_digit())
        && !(value.len() > 1 && value.starts_with('0'));
    match value.parse::<i64>() {
        Ok(number) if is_count => number.into(),
        _ => value.to_owned().into(),
    }
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

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use std::borrow::Cow;
    use std::collections::HashMap;

    use fluent_templates::Loader;

    use super::{fluent_value, SERVER_CATALOGUES};

    fn count_text(language: &str, key: &str, count: &str) -> String {
        let language = language.parse().expect("language tag");
        let args = HashMap::from([(Cow::Borrowed("count"), fluent_value(count))]);
        SERVER_CATALOGUES.lookup_with_args(&language, key, &args)
    }

    #[test]
    fn english_counts_choose_their_plural_form_and_indonesian_needs_none() {
        assert_eq!(count_text("en", "search-found", "1"), "1 product");
        assert_eq!(count_text("en", "search-found", "2"), "2 products");
        assert_eq!(
            count_text("en", "search-found", "10000"),
            "10000 products",
            "no digit grouping"
        );
        assert_eq!(count_text("en", "admin-users-found", "1"), "1 account");
        assert_eq!(count_text("en", "review-found", "12"), "12 applications");
        assert_eq!(count_text("id", "search-found", "1"), "1 produk");
        assert_eq!(count_text("id", "search-found", "2"), "2 produk");
    }

    #[test]
    fn only_whole_numbers_become_fluent_numbers() {
        assert!(matches!(fluent_value("12"), fluent_bundle::FluentValue::Number(_)));
        for text in ["007", "", "1.5", "12a", "-3", "Rp10.000"] {
            assert!(matches!(fluent_value(text), fluent_bundle::FluentValue::String(_)), "{text}");
        }
    }
}
