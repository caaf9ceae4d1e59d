//! `/produk/:id`: one product, its vendor, and the WhatsApp button.

use leptos::prelude::*;
use leptos_meta::{Link, Meta};
use leptos_router::hooks::use_params_map;

use super::api::{load_product, PhotoView, ProductView};
use super::{availability_label, unit_label};
use crate::error::{AppError, ErrorPage};
use crate::head::PageTitle;
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
    let availability = availability_label(&product.availability, product.lead_days);
    let summary: String = product.description.chars().take(160).collect();
    let origin = use_context::<crate::PublicOrigin>().map(|o| o.0).unwrap_or_default();
    let canonical = format!("{origin}/produk/{}", product.id);
    let title = format!("{} — {}", product.name, product.vendor_name);
    let cover = product.photos.first().cloned();
    // WhatsApp and Facebook fetch the preview picture themselves: it must be an absolute URL.
    let preview = cover.as_ref().map(|photo| {
        let width = domain::listing::photo_widths(photo.width)
            .into_iter()
            .filter(|&w| w <= 800)
            .max()
            .unwrap_or(photo.width);
        (format!("{origin}{}", photo.src(800)), width, photo.height_at(width))
    });
    let structured = structured_data(&product, &canonical, &origin);
    view! {
        <PageTitle text=title.clone() />
        <Meta name="description" content=summary.clone() />
        <Link rel="canonical" href=canonical.clone() />
        <Meta property="og:type" content="product" />
        <Meta property="og:title" content=title.clone() />
        <Meta property="og:description" content=summary.clone() />
        <Meta property="og:url" content=canonical.clone() />
        <Meta name="twitter:title" content=title />
        <Meta name="twitter:description" content=summary />
        {match preview {
            Some((url, width, height)) => view! {
                <Meta property="og:image" content=url.clone() />
                <Meta property="og:image:type" content="image/webp" />
                <Meta property="og:image:width" content=width.to_string() />
                <Meta property="og:image:height" content=height.to_string() />
                <Meta name="twitter:card" content="summary_large_image" />
                <Meta name="twitter:image" content=url />
            }.into_any(),
            None => view! { <Meta name="twitter:card" content="summary" /> }.into_any(),
        }}
        <article class="card" aria-labelledby="product-title">
            <Gallery photos=product.photos.clone() name=product.name.clone() />
            <p><a href=format!("/kategori/{}", product.category.0)>{product.category.1}</a></p>
            <h1 id="product-title">{product.name.clone()}</h1>
            <p class="price big">{product.price} " " <small>{unit_label(&product.unit)}</small></p>
            <p class="availability">{availability}</p>
            <p class="story">{product.description}</p>
            {product.whatsapp_link.map(|href| view! {
                <p><a class="button" href=href rel="noopener noreferrer">{t("product-chat")}</a></p>
            })}
            <super::share_button::ShareButton
                url=canonical
                title=product.name
                label=t("product-share")
                copy_label=t("product-copy-link")
                copied_label=t("product-link-copied")
            />
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
        <script type="application/ld+json" inner_html=structured></script>
    }
}

/// The photos, swipeable on a phone. Only the first loads at once (it is the page's largest
/// paint); the others load when swiped towards.
#[component]
fn Gallery(photos: Vec<PhotoView>, name: String) -> impl IntoView {
    if photos.is_empty() {
        return ().into_any();
    }
    let count = photos.len();
    view! {
        <div class="gallery">
            {photos.into_iter().enumerate().map(|(index, photo)| {
                let alt = if count > 1 { format!("{name} ({}/{count})", index + 1) } else { name.clone() };
                view! {
                    <img
                        src=photo.src(800)
                        srcset=photo.srcset()
                        sizes="(min-width: 50rem) 46rem, 94vw"
                        width=photo.width
                        height=photo.height
                        alt=alt
                        loading=(index > 0).then_some("lazy")
                        fetchpriority=(index == 0).then_some("high")
                        decoding="async"
                    />
                }
            }).collect_view()}
        </div>
    }
    .into_any()
}

/// schema.org `Product` with its offer and the vendor as a `LocalBusiness`, for search
/// engines.
fn structured_data(product: &ProductView, canonical: &str, origin: &str) -> String {
    let digits: String = product.price.chars().filter(char::is_ascii_digit).collect();
    let availability = match product.availability.as_str() {
        "sold_out" => "https://schema.org/SoldOut",
        "preorder" => "https://schema.org/PreOrder",
        _ => "https://schema.org/InStock",
    };
    let images: Vec<String> =
        product.photos.iter().map(|p| format!("{origin}{}", p.src(1600))).collect();
    let seller = product.vendor_slug.as_ref().map(|slug| format!("{origin}/pelapak/{slug}"));
    let data = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.name,
        "description": product.description,
        "url": canonical,
        "image": images,
        "category": product.category.1,
        "offers": {
            "@type": "Offer",
            "price": digits,
            "priceCurrency": "IDR",
            "availability": availability,
            "url": canonical,
            "seller": {
                "@type": "LocalBusiness",
                "name": product.vendor_name,
                "url": seller,
                "address": crate::head::kupang_address(product.vendor_area.as_deref())
            }
        }
    });
    crate::head::json_ld(&data)
}
