//! The two languages of the platform. Bahasa Indonesia comes first: it is what most vendors
//! read, and the default whenever a visitor's preference is unknown.

use serde::{Deserialize, Serialize};

/// A user-interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Locale {
    /// Bahasa Indonesia, the default.
    #[default]
    Id,
    /// English.
    En,
}

impl Locale {
    /// Every supported locale, default first.
    pub const ALL: [Locale; 2] = [Locale::Id, Locale::En];

    /// The BCP 47 language tag used in `lang` attributes, cookies and catalogue folders.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Locale::Id => "id",
            Locale::En => "en",
        }
    }

    /// The language's own name, shown in the language switch so each reader finds theirs.
    #[must_use]
    pub const fn native_name(self) -> &'static str {
        match self {
            Locale::Id => "Bahasa Indonesia",
            Locale::En => "English",
        }
    }

    /// Reads a language tag such as `id`, `id-ID` or `EN-gb`; anything else is `None`.
    #[must_use]
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "id" | "in" => Some(Locale::Id),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// Picks the best supported locale from an `Accept-Language` header value, honouring
    /// `q` weights; falls back to Bahasa Indonesia.
    #[must_use]
    pub fn negotiate(accept_language: &str) -> Locale {
        let mut best: Option<(Locale, f32)> = None;
        for item in accept_language.split(',') {
            let mut parts = item.split(';');
            let Some(locale) = parts.next().and_then(Locale::from_tag) else {
                continue;
            };
            let weight = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if weight > 0.0 && best.is_none_or(|(_, w)| weight > w) {
                best = Some((locale, weight));
            }
        }
        best.map_or(Locale::default(), |(locale, _)| locale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regional_tags_map_to_their_language() {
        assert_eq!(Locale::from_tag("id-ID"), Some(Locale::Id));
        assert_eq!(Locale::from_tag("EN_gb"), Some(Locale::En));
        assert_eq!(Locale::from_tag("fr"), None);
    }

    #[test]
    fn the_highest_weighted_supported_language_wins() {
        assert_eq!(Locale::negotiate("fr;q=1, en;q=0.8, id;q=0.5"), Locale::En);
        assert_eq!(Locale::negotiate("en;q=0.3, id-ID"), Locale::Id);
    }

    #[test]
    fn an_unknown_or_empty_header_falls_back_to_indonesian() {
        assert_eq!(Locale::negotiate(""), Locale::Id);
        assert_eq!(Locale::negotiate("de, fr;q=0.9"), Locale::Id);
        assert_eq!(Locale::negotiate("en;q=0"), Locale::Id);
    }
}
