//! `/produk/:id`: one product, its vendor, and the WhatsApp button.

use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::use_params_map;

use super::api::{load_product, ProductView};
use super::{availability_label, unit_label};
use crate::error::{AppError, ErrorPage};
use crate::i18n::t;

/// `/produk/:id`
#[component]
pub fn ProductPage() -> impl IntoView {
    let Some(id) =
        use_params_map().with_untracked(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()))
    else {
        return view! { <ErrorPage error=AppError::NotFound /> }.into_any();
    };
    let product = Resource::new_blocking(|| (), move |()| load_product(id));
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match product.await {
                    Ok(product) => view! { <Product product /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn Product(product: ProductView) -> impl IntoView {
    let availability = availability_label(&product);
    let summary: String = product.description.chars().take(160).collect();
    let origin = use_context::<crate::PublicOrigin>().map(|o| o.0).unwrap_or_default();
    let canonical = format!("{origin}/produk/{}", product.id);
    let title = format!("{} — {}", product.name, product.vendor_name);
    view! {
        <Title text=title.clone() />
        <Meta name="description" content=summary.clone() />
        <Link rel="canonical" href=canonical.clone() />
        <Meta property="og:type" content="product" />
        <Meta property="og:title" content=title />
        <Meta property="og:description" content=summary />
        <Meta property="og:url" content=canonical />
        <article class="card" aria-labelledby="product-title">
            <p><a href=format!("/cari?kategori={}", product.category.0)>{product.category.1}</a></p>
            <h1 id="product-title">{product.name}</h1>
            <p class="price big">{product.price} " " <small>{unit_label(&product.unit)}</small></p>
            <p class="availability">{availability}</p>
            <p class="story">{product.description}</p>
            {product.whatsapp_link.map(|href| view! {
                <p><a class="button" href=href rel="noopener noreferrer">{t("product-chat")}</a></p>
            })}
        </article>
        <section class="card" aria-labelledby="seller-title">
            <h2 id="seller-title">{t("product-seller")}</h2>
            <p>
                {match product.vendor_slug {
                    Some(slug) => view! { <a href=format!("/pelapak/{slug}")>{product.vendor_name}</a> }.into_any(),
                    None => view! { <span>{product.vendor_name}</span> }.into_any(),
                }}
                {product.vendor_area.map(|area| format!(" · {area}"))}
            </p>
        </section>
    }
}
