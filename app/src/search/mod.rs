//! `/cari`: search and browse products with filters, as a plain GET form (works without JS).

use leptos::prelude::*;
use leptos_meta::{Link, Meta};
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::auth::encode_query_value;
use crate::error::ErrorPage;
use crate::head::PageTitle;
use crate::i18n::{t, t_args};
use crate::products::api::{load_search, SearchParams, SearchResults};
use crate::products::ProductGrid;

/// The longest query we act on; longer input is cut, never an error.
pub const MAX_QUERY_CHARS: usize = 100;

/// What the search form carries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Filters {
    q: String,
    category: String,
    kecamatan: String,
    min: String,
    max: String,
    available: bool,
    sort: String,
    page: u32,
    after: String,
}

impl Filters {
    /// The address of `page`; `after` continues from a row (keyset) instead of counting rows.
    fn href(&self, page: u32, after: Option<&str>) -> String {
        let after =
            after.map(|a| format!("&setelah={}", encode_query_value(a))).unwrap_or_default();
        format!(
            "/cari?q={}&kategori={}&kecamatan={}&min={}&maks={}&tersedia={}&urut={}&hal={page}{after}",
            encode_query_value(&self.q),
            encode_query_value(&self.category),
            encode_query_value(&self.kecamatan),
            encode_query_value(&self.min),
            encode_query_value(&self.max),
            if self.available { "1" } else { "" },
            encode_query_value(&self.sort),
        )
    }
}

/// `/cari?q=…&kategori=…&urut=…&hal=…`, and `/kategori/:slug` (the same page with the
/// category chosen and named in the heading: a stable address to share and index).
#[component]
pub fn SearchPage() -> impl IntoView {
    let category_page = use_params_map().with_untracked(|p| p.get("slug"));
    let filters = use_query_map().with_untracked(|q| Filters {
        q: q.get("q").unwrap_or_default().trim().chars().take(MAX_QUERY_CHARS).collect(),
        category: category_page.clone().or_else(|| q.get("kategori")).unwrap_or_default(),
        kecamatan: q.get("kecamatan").unwrap_or_default(),
        min: q.get("min").unwrap_or_default(),
        max: q.get("maks").unwrap_or_default(),
        available: q.get("tersedia").is_some_and(|v| !v.is_empty()),
        sort: q.get("urut").unwrap_or_default(),
        page: q.get("hal").and_then(|p| p.parse().ok()).unwrap_or(0),
        after: q.get("setelah").unwrap_or_default(),
    });
    let heading = if filters.q.is_empty() {
        t("search-title")
    } else {
        t_args("search-results-for", &[("query", filters.q.clone())])
    };
    let results = {
        let f = filters.clone();
        Resource::new_blocking(
            || (),
            move |()| {
                let f = f.clone();
                load_search(SearchParams {
                    text: f.q,
                    category: f.category,
                    kecamatan: f.kecamatan,
                    min_price: f.min,
                    max_price: f.max,
                    available_now: f.available,
                    sort: f.sort,
                    page: f.page,
                    after: f.after,
                })
            },
        )
    };
    let origin = use_context::<crate::PublicOrigin>().map(|o| o.0).unwrap_or_default();
    let canonical = category_page.as_ref().map(|slug| format!("{origin}/kategori/{slug}"));
    view! {
        <Meta name="description" content=t("search-description") />
        {canonical.map(|href| view! { <Link rel="canonical" href=href /> })}
        <Suspense fallback=|| ()>
            {move || {
                let filters = filters.clone();
                let category_page = category_page.is_some();
                let heading = if category_page && filters.q.is_empty() { None } else { Some(heading.clone()) };
                Suspend::new(async move {
                    match results.await {
                        Ok(results) => {
                            // A category page is headed by the category's name.
                            let heading = heading.unwrap_or_else(|| {
                                results
                                    .categories
                                    .iter()
                                    .find(|(slug, _)| *slug == filters.category)
                                    .map_or_else(|| t("search-title"), |(_, name)| name.clone())
                            });
                            view! { <PageTitle text=heading.clone() /> <Results results filters heading /> }.into_any()
                        }
                        Err(error) => view! { <ErrorPage error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn Results(results: SearchResults, filters: Filters, heading: String) -> impl IntoView {
    let previous = (filters.page > 0).then(|| filters.href(filters.page - 1, None));
    let next = results.more.then(|| filters.href(filters.page + 1, results.next_after.as_deref()));
    let found = if results.total > results.count_cap {
        t_args("search-found-many", &[("count", results.count_cap.to_string())])
    } else {
        t_args("search-found", &[("count", results.total.to_string())])
    };
    let sorts = [
        ("", "search-sort-relevance"),
        ("baru", "search-sort-newest"),
        ("murah", "search-sort-cheap"),
        ("mahal", "search-sort-dear"),
    ];
    view! {
        <section class="card" aria-labelledby="search-title">
            <h1 id="search-title">{heading}</h1>
            // The search box looks for products or vendors: vendors are found by name on the
            // directory, one tap away.
            {(!filters.q.is_empty()).then(|| view! {
                <p class="hint">
                    <a href=format!("/pelapak?q={}", crate::auth::encode_query_value(&filters.q))>
                        {t_args("search-vendors-named", &[("query", filters.q.clone())])}
                    </a>
                </p>
            })}
            <form method="get" action="/cari" class="filter-form">
                <input type="hidden" name="q" value=filters.q.clone() />
                <div class="field">
                    <label for="filter-category">{t("shop-category")}</label>
                    <select id="filter-category" name="kategori">
                        <option value="" selected=filters.category.is_empty()>{t("review-all")}</option>
                        {results.categories.into_iter().map(|(slug, name)| {
                            let selected = slug == filters.category;
                            view! { <option value=slug selected=selected>{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-kecamatan">{t("search-kecamatan")}</label>
                    <select id="filter-kecamatan" name="kecamatan">
                        <option value="" selected=filters.kecamatan.is_empty()>{t("search-all-areas")}</option>
                        {results.kecamatan.into_iter().map(|(slug, name)| {
                            let selected = slug == filters.kecamatan;
                            view! { <option value=slug selected=selected>{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-sort">{t("search-sort")}</label>
                    <select id="filter-sort" name="urut">
                        {sorts.into_iter().map(|(value, key)| {
                            let selected = value == filters.sort;
                            view! { <option value=value selected=selected>{t(key)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-min">{t("search-min-price")}</label>
                    <input id="filter-min" name="min" inputmode="numeric" value=filters.min.clone() maxlength="15" />
                </div>
                <div class="field">
                    <label for="filter-max">{t("search-max-price")}</label>
                    <input id="filter-max" name="maks" inputmode="numeric" value=filters.max.clone() maxlength="15" />
                </div>
                <div class="field checkbox">
                    <input id="filter-available" type="checkbox" name="tersedia" value="1" checked=filters.available />
                    <label for="filter-available">{t("search-available-now")}</label>
                </div>
                <button type="submit" class="button">{t("search-apply")}</button>
            </form>
            <p role="status">{found}</p>
            {if results.products.is_empty() {
                view! { <p class="empty-state">{t("search-empty")}</p> }.into_any()
            } else {
                view! { <ProductGrid products=results.products /> }.into_any()
            }}
            <nav class="pager" aria-label=t("admin-users-pages")>
                {previous.map(|h| view! { <a href=h rel="prev">{t("admin-users-previous")}</a> })}
                {next.map(|h| view! { <a href=h rel="next">{t("admin-users-next")}</a> })}
            </nav>
        </section>
    }
}
