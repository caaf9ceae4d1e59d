//! What pages put in the document's `<head>` that can carry user-supplied text: the title and
//! structured data. Every page sets its title through [`PageTitle`], never with
//! `leptos_meta::Title` directly: leptos_meta writes the title's text into the server-rendered
//! head as it is, so a product named `</title><meta http-equiv=refresh …>` would otherwise add
//! elements of its own to every visitor's page (the CSP stops scripts, not a meta refresh).
//! `<Meta>` and `<Link>` are safe as they are: their attribute values are escaped.

use leptos::prelude::*;
use leptos_meta::Title;

/// `text` as HTML text content: `&`, `<` and `>` escaped. Enough inside `<title>` and
/// `<textarea>` (escapable raw-text elements, which end only at their closing tag) and in
/// ordinary elements.
#[must_use]
pub fn escape_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            c => escaped.push(c),
        }
    }
    escaped
}

/// The page's `<title>`, escaped.
#[component]
pub fn PageTitle(#[prop(into)] text: String) -> impl IntoView {
    // Islands mode: pages render on the server only, where the text goes into HTML as is.
    #[expect(clippy::disallowed_methods, reason = "the one place the title is written, escaped")]
    let title = view! { <Title text=escape_text(&text) /> };
    title
}

/// schema.org data for a `<script type="application/ld+json">`: `<` is written as `\u003c`
/// (the same string to a JSON reader), so no text can close the script element.
#[must_use]
pub fn json_ld(data: &serde_json::Value) -> String {
    data.to_string().replace('<', "\\u003c")
}

/// schema.org `PostalAddress` of a vendor in Kupang: their kecamatan (or regency) when known.
#[must_use]
pub fn kupang_address(area: Option<&str>) -> serde_json::Value {
    serde_json::json!({
        "@type": "PostalAddress",
        "addressLocality": area.unwrap_or("Kota Kupang"),
        "addressRegion": "Nusa Tenggara Timur",
        "addressCountry": "ID"
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_becomes_text() {
        assert_eq!(
            escape_text("</title><meta http-equiv=refresh> & more"),
            "&lt;/title&gt;&lt;meta http-equiv=refresh&gt; &amp; more"
        );
        assert_eq!(escape_text("Tenun ikat — Rp15.000"), "Tenun ikat — Rp15.000");
    }

    #[test]
    fn structured_data_cannot_close_its_script() {
        let data = serde_json::json!({ "name": "</script><script>alert(1)</script>" });
        let text = json_ld(&data);
        assert!(!text.contains('<'), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).expect("still JSON");
        assert_eq!(back, data);
    }
}
