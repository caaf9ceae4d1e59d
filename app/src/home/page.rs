use domain::market::MarketWeekend;
use domain::wita;
use leptos::prelude::*;
use leptos_meta::Meta;

use super::api::{list_kecamatan, KecamatanCard};
use crate::error::ErrorPage;
use crate::head::PageTitle;
use crate::i18n::{current_locale, t, t_args};
use crate::products::api::{load_categories, load_newest, ProductCardView};
use crate::products::ProductGrid;

/// `/`: the page a shopper lands on from a shared link, and a vendor's way in.
#[component]
pub fn HomePage() -> impl IntoView {
    let kecamatan = Resource::new_blocking(
        || (),
        |()| async {
            Ok::<_, crate::error::AppError>((
                list_kecamatan().await?,
                load_newest().await?,
                load_categories().await?,
            ))
        },
    );
    view! {
        <PageTitle text=t("home-title") />
        <Meta name="description" content=t("home-description") />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match kecamatan.await {
                    Ok((list, newest, categories)) => view! { <HomeContent kecamatan=list newest categories /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn HomeContent(
    kecamatan: Vec<KecamatanCard>,
    newest: Vec<ProductCardView>,
    categories: Vec<(String, String)>,
) -> impl IntoView {
    view! {
        <section class="hero" aria-labelledby="hero-title">
            <h1 id="hero-title">{t("home-hero-title")}</h1>
            <p class="lead">{t("home-hero-lead")}</p>
            <p class="hero-actions">
                <a class="button" href="/cari">
                    {t("home-browse")}
                </a>
                <a class="button secondary" href="/daftar?lanjut=/pengajuan">
                    {t("home-become-vendor")}
                </a>
            </p>
        </section>
        {(!newest.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="newest-title">
                <h2 id="newest-title">{t("home-new-products")}</h2>
                <ProductGrid products=newest />
            </section>
        })}
        <section class="card" aria-labelledby="categories-title">
            <h2 id="categories-title">{t("home-categories")}</h2>
            <ul class="chip-list">
                {categories.into_iter().map(|(slug, name)| view! {
                    <li><a class="chip" href=format!("/kategori/{slug}")>{name}</a></li>
                }).collect_view()}
            </ul>
        </section>
        <SaboakWeekend />
        <section class="card" aria-labelledby="wilayah-title">
            <h2 id="wilayah-title">{t("home-wilayah-title")}</h2>
            <p>{t("home-wilayah-lead")}</p>
            <ul class="chip-list">
                {kecamatan
                    .into_iter()
                    .map(|k| {
                        let count = t_args("home-kelurahan-count", &[("count", k.kelurahan_count.to_string())]);
                        view! {
                            <li data-slug=k.slug.clone()>
                                <a class="chip" href=format!("/cari?kecamatan={}", k.slug)>
                                    <span>{k.name}</span>
                                    <small>{count}</small>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// When the next SABOAK market is, in WITA, in the visitor's language.
#[component]
fn SaboakWeekend() -> impl IntoView {
    let locale = current_locale();
    let today = wita::today(crate::clock::now_utc());
    let weekend = MarketWeekend::current_or_next(today);
    let heading =
        if weekend.is_market_day(today) { t("home-saboak-open") } else { t("home-saboak-next") };
    view! {
        <section class="card saboak" aria-labelledby="saboak-title">
            <h2 id="saboak-title">{heading}</h2>
            <p class="saboak-dates">
                <time datetime=weekend.saturday.to_string()>
                    {wita::format_date_long(weekend.saturday, locale)}
                </time>
                " – "
                <time datetime=weekend.sunday.to_string()>
                    {wita::format_date_long(weekend.sunday, locale)}
                </time>
            </p>
            <p>{t("home-saboak-place")}</p>
        </section>
    }
}
