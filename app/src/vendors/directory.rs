//! `/pelapak`: every active vendor, searchable by business name — the "pelapak" half of what
//! the search box promises.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::apply::category_label;
use crate::auth::encode_query_value;
use crate::error::{AppError, ErrorPage};
use crate::head::PageTitle;
use crate::i18n::{t, t_args};
use crate::search::MAX_QUERY_CHARS;

/// One vendor card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VendorCard {
    /// Profile address part.
    pub slug: String,
    /// Business name.
    pub business_name: String,
    /// Category value.
    pub category: String,
    /// Media key of the business photo.
    pub photo: Option<String>,
    /// Kecamatan.
    pub kecamatan: Option<String>,
    /// Visible products.
    pub products: i64,
}

/// One page of the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Directory {
    /// Vendors on this page.
    pub vendors: Vec<VendorCard>,
    /// Matches on all pages.
    pub total: i64,
    /// Vendors per page.
    pub page_size: i64,
}

/// Active vendors whose name contains `search`, by name.
#[server(prefix = "/api", endpoint = "vendors/directory")]
pub async fn load_directory(search: String, page: u32) -> Result<Directory, AppError> {
    crate::auth::require(domain::Need::Public)?;
    let state = expect_context::<backend::AppState>();
    let search: String = search.chars().take(MAX_QUERY_CHARS).collect();
    let (rows, total) = backend::vendors::directory(&state.db, &search, page).await?;
    Ok(Directory {
        vendors: rows
            .into_iter()
            .map(|row| VendorCard {
                slug: row.slug,
                business_name: row.business_name,
                category: row.category,
                photo: row.business_photo,
                kecamatan: row.kecamatan,
                products: row.products,
            })
            .collect(),
        total,
        page_size: backend::vendors::DIRECTORY_PAGE_SIZE,
    })
}

/// `/pelapak?q=…&hal=…`
#[component]
pub fn VendorDirectoryPage() -> impl IntoView {
    let (search, page) = use_query_map().with_untracked(|q| {
        (
            q.get("q").unwrap_or_default().trim().chars().take(MAX_QUERY_CHARS).collect::<String>(),
            q.get("hal").and_then(|p| p.parse::<u32>().ok()).unwrap_or(0),
        )
    });
    let directory = {
        let search = search.clone();
        Resource::new_blocking(|| (), move |()| load_directory(search.clone(), page))
    };
    let origin = use_context::<crate::PublicOrigin>().map(|o| o.0).unwrap_or_default();
    view! {
        <PageTitle text=t("directory-title") />
        <leptos_meta::Meta name="description" content=t("directory-lead") />
        {search.is_empty().then(|| view! { <leptos_meta::Link rel="canonical" href=format!("{origin}/pelapak") /> })}
        <section class="card" aria-labelledby="directory-title">
            <h1 id="directory-title">{t("directory-title")}</h1>
            <p class="hint">{t("directory-lead")}</p>
            <form method="get" action="/pelapak" class="filter-form" role="search">
                <div class="field">
                    <label for="directory-q">{t("directory-search")}</label>
                    <input id="directory-q" name="q" type="search" value=search.clone() maxlength=MAX_QUERY_CHARS.to_string() />
                </div>
                <button type="submit" class="button">{t("search-submit")}</button>
            </form>
        </section>
        <Suspense fallback=|| ()>
            {move || {
                let search = search.clone();
                Suspend::new(async move {
                    match directory.await {
                        Ok(directory) => view! { <VendorList directory search page /> }.into_any(),
                        Err(error) => view! { <ErrorPage error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn VendorList(directory: Directory, search: String, page: u32) -> impl IntoView {
    let pages =
        u32::try_from((directory.total + directory.page_size - 1) / directory.page_size.max(1))
            .unwrap_or(u32::MAX);
    let page_href = {
        let search = search.clone();
        move |p: u32| format!("/pelapak?q={}&hal={p}", encode_query_value(&search))
    };
    let previous = (page > 0).then(|| page_href(page - 1));
    let next = (page + 1 < pages).then(|| page_href(page + 1));
    let heading = if search.is_empty() {
        t_args("directory-count", &[("count", directory.total.to_string())])
    } else {
        t_args(
            "directory-found",
            &[("count", directory.total.to_string()), ("query", search.clone())],
        )
    };
    view! {
        <section class="card" aria-labelledby="directory-found">
            <h2 id="directory-found">{heading}</h2>
            {directory.vendors.is_empty().then(|| view! {
                <p>{t("directory-empty")}</p>
                <p><a href=format!("/cari?q={}", encode_query_value(&search))>{t("directory-try-products")}</a></p>
            })}
            <ul class="product-grid">
                {directory.vendors.into_iter().map(|vendor| view! { <VendorCardView vendor /> }).collect_view()}
            </ul>
            <nav class="pager" aria-label=t("directory-pages")>
                {previous.map(|href| view! { <a href=href rel="prev">{t("admin-users-previous")}</a> })}
                {next.map(|href| view! { <a href=href rel="next">{t("admin-users-next")}</a> })}
            </nav>
        </section>
    }
}

#[component]
fn VendorCardView(vendor: VendorCard) -> impl IntoView {
    let category = domain::vendor::Category::from_str_value(&vendor.category)
        .map(category_label)
        .unwrap_or_default();
    view! {
        <li class="product-card">
            <a href=format!("/pelapak/{}", vendor.slug)>
                {vendor.photo.map(|key| view! {
                    <img class="product-cover" src=format!("/media/{key}") alt="" width="320" height="240" loading="lazy" />
                })}
                <strong>{vendor.business_name}</strong>
                <small>{category}</small>
                {vendor.kecamatan.map(|k| view! { <small>{k}</small> })}
                <small>{t_args("directory-products", &[("count", vendor.products.to_string())])}</small>
            </a>
        </li>
    }
}
