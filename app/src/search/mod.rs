//! `/cari`: search results. Products arrive with the listings feature; until then the page
//! says plainly that nothing is listed yet.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::i18n::{t, t_args};

/// The longest query we act on; longer input is cut, never an error.
pub const MAX_QUERY_CHARS: usize = 100;

/// `/cari?q=…`
#[component]
pub fn SearchPage() -> impl IntoView {
    let query: String = use_query_map()
        .with_untracked(|q| q.get("q").unwrap_or_default())
        .trim()
        .chars()
        .take(MAX_QUERY_CHARS)
        .collect();
    let heading = if query.is_empty() {
        t("search-title")
    } else {
        t_args("search-results-for", &[("query", query.clone())])
    };
    view! {
        <Title text=heading.clone() />
        <Meta name="description" content=t("search-description") />
        <section class="card" aria-labelledby="search-title">
            <h1 id="search-title">{heading}</h1>
            <p class="empty-state">{t("search-empty")}</p>
        </section>
    }
}
