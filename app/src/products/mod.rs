//! Products: cards, the product page, the vendor's own product list and form.

pub mod api;
mod manage;
mod page;
mod share_button;

pub use manage::{
    OwnProductsPage, ProductFormPage, PHOTO_FORM, PRODUCT_FORM, SHOP_FORM, SHOP_PHOTO_FORM,
};
pub use page::ProductPage;

use leptos::prelude::*;

use crate::i18n::{t, t_args};
use api::ProductCardView;

/// The unit's name ("per kg") in the visitor's language.
#[must_use]
pub fn unit_label(unit: &str) -> String {
    t(match unit {
        "kg" => "unit-kg",
        "ons" => "unit-ons",
        "botol" => "unit-bottle",
        "bungkus" => "unit-pack",
        "porsi" => "unit-portion",
        "lembar" => "unit-sheet",
        "pekerjaan" => "unit-job",
        _ => "unit-piece",
    })
}

/// The availability in words.
#[must_use]
pub fn availability_label(availability: &str, lead_days: Option<i32>) -> String {
    match availability {
        "preorder" => {
            t_args("availability-preorder", &[("days", lead_days.unwrap_or(1).to_string())])
        }
        "sold_out" => t("availability-sold-out"),
        _ => t("availability-ready"),
    }
}

/// A product in a list: cover, name, price, vendor, availability; the whole card is one link.
/// Covers are lazy: on a phone only the first row is on screen, and every byte costs on 3G.
#[component]
pub fn ProductCard(product: ProductCardView) -> impl IntoView {
    let availability = availability_label(&product.availability, product.lead_days);
    let cover = product.cover.map(|photo| {
        view! {
            <img
                class="product-cover"
                src=photo.src(400)
                srcset=photo.srcset()
                sizes="(min-width: 50rem) 30vw, 46vw"
                width=400
                height=photo.height_at(400)
                loading="lazy"
                decoding="async"
                alt=""
            />
        }
    });
    view! {
        <li class="product-card">
            <a href=format!("/produk/{}", product.id)>
                {cover.map(|img| img.into_any()).unwrap_or_else(|| view! { <span class="product-cover empty" aria-hidden="true"></span> }.into_any())}
                <strong class="product-name">{product.name}</strong>
                <span class="price">{product.price} " " <small>{unit_label(&product.unit)}</small></span>
                <small>{product.vendor_name} {product.vendor_area.map(|a| format!(" · {a}"))}</small>
                <small class="availability">{availability}</small>
            </a>
        </li>
    }
}

/// A grid of product cards.
#[component]
pub fn ProductGrid(products: Vec<ProductCardView>) -> impl IntoView {
    view! {
        <ul class="product-grid">
            {products.into_iter().map(|product| view! { <ProductCard product /> }).collect_view()}
        </ul>
    }
}
