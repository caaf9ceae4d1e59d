//! `/lapak`: a vendor's own products; `/lapak/produk/:id`: the product form (`baru` for new).

use domain::listing::{limits, Unit};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::{load_own_products, PhotoView, ProductView, ShopView};
use super::{availability_label, unit_label};
use crate::auth::require_account;
use crate::error::{AppError, ErrorPage};
use crate::forms::{Field, FormAlert, Select, TextArea};
use crate::head::PageTitle;
use crate::i18n::{t, t_args};

/// The form's name.
pub const PRODUCT_FORM: &str = "product";
/// The edit page's add-photos form.
pub const PHOTO_FORM: &str = "photos";
/// The shop profile form on `/lapak`.
pub const SHOP_FORM: &str = "profile";
/// The shop photo form's name, for its feedback.
pub const SHOP_PHOTO_FORM: &str = "shopphoto";

/// `/lapak`
#[component]
pub fn OwnProductsPage() -> impl IntoView {
    if let Err(error) = require_account() {
        return view! { <ErrorPage error /> }.into_any();
    }
    let own = Resource::new_blocking(|| (), |()| load_own_products());
    view! {
        <PageTitle text=t("shop-title") />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match own.await {
                    Ok(own) if !own.vendor => view! { <NotAVendor /> }.into_any(),
                    Ok(own) => view! {
                        <OwnProductList products=own.products />
                        {own.shop.map(|shop| view! { <ShopProfileForm shop kecamatan=own.kecamatan /> })}
                    }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn NotAVendor() -> impl IntoView {
    view! {
        <section class="card narrow">
            <h1>{t("shop-title")}</h1>
            <p>{t("shop-not-vendor")}</p>
            <p><a class="button" href="/pengajuan">{t("layout-apply")}</a></p>
        </section>
    }
}

#[component]
fn OwnProductList(products: Vec<ProductView>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="shop-title">
            <h1 id="shop-title">{t("shop-title")}</h1>
            {crate::account::done_notice().map(|key| view! { <p class="notice" role="status">{t(key)}</p> })}
            <p><a class="button" href="/lapak/produk/baru">{t("shop-add")}</a></p>
            {products.is_empty().then(|| view! { <p class="empty-state">{t("shop-empty")}</p> })}
            <ul class="user-list">
                {products.into_iter().map(|p| {
                    let id = p.id;
                    let availability = availability_label(&p.availability, p.lead_days);
                    view! {
                        <li>
                            <a href=format!("/lapak/produk/{id}")>{p.name}</a>
                            <span>{p.price} " " {unit_label(&p.unit)}</span>
                            <small>{availability}</small>
                            {(!p.visible).then(|| view! { <span class="badge">{t("shop-hidden")}</span> })}
                            <form method="post" action=format!("/lapak/produk/{id}/tampil") class="inline">
                                <input type="hidden" name="tampil" value=if p.visible { "0" } else { "1" } />
                                <button type="submit" class="button secondary">
                                    {t(if p.visible { "shop-hide" } else { "shop-show" })}
                                </button>
                            </form>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// The shop profile form: what applies at once, and a new name or category for review.
#[component]
fn ShopProfileForm(shop: ShopView, kecamatan: Vec<(String, String)>) -> impl IntoView {
    use domain::vendor::{limits as vendor_limits, Category};
    let categories: Vec<(String, String)> = Category::ALL
        .into_iter()
        .map(|c| (c.as_str().to_owned(), crate::apply::category_label(c)))
        .collect();
    let mut areas = vec![(String::new(), t("shop-profile-outside"))];
    areas.extend(kecamatan);
    let category_name = |value: &str| {
        Category::from_str_value(value).map(crate::apply::category_label).unwrap_or_default()
    };
    let waiting: Vec<String> =
        [shop.pending_business_name.clone(), shop.pending_category.as_deref().map(category_name)]
            .into_iter()
            .flatten()
            .collect();
    // The form shows what the vendor asked for, so saving again does not withdraw it.
    let name = shop.pending_business_name.clone().unwrap_or(shop.business_name.clone());
    let category = shop.pending_category.clone().unwrap_or(shop.category.clone());
    view! {
        <section class="card" id="profil" aria-labelledby="shop-profile-title">
            <h2 id="shop-profile-title">{t("shop-profile-title")}</h2>
            <p>{t("shop-profile-lead")}</p>
            {(!waiting.is_empty()).then(|| view! {
                <p class="notice" role="status">{t_args("shop-profile-pending", &[("change", waiting.join(", "))])}</p>
            })}
            <p><a href=format!("/pelapak/{}", shop.slug)>{t("apply-see-profile")}</a></p>
            <form method="post" action="/lapak/profil" novalidate>
                <FormAlert form=SHOP_FORM />
                <Field form=SHOP_FORM name="business_name" label=t("apply-business-name") hint=t("shop-profile-reviewed") initial=name max_len=vendor_limits::BUSINESS_NAME />
                <Select form=SHOP_FORM name="category" label=t("apply-category") options=categories initial=category hint=t("shop-profile-reviewed") />
                <TextArea form=SHOP_FORM name="description" label=t("apply-description") initial=shop.description max_len=vendor_limits::DESCRIPTION />
                <Field form=SHOP_FORM name="whatsapp" label=t("apply-whatsapp") hint=t("apply-whatsapp-hint") initial=shop.whatsapp inputmode="tel" autocomplete="tel" max_len=20 />
                <Select form=SHOP_FORM name="kecamatan" label=t("shop-profile-kecamatan") options=areas initial=shop.kecamatan />
                <button type="submit" class="button">{t("shop-profile-save")}</button>
            </form>
            <ShopPhotoForm photo=shop.photo />
        </section>
    }
}

/// The shop's photo and a form to replace it (a plain multipart form: it works without
/// JavaScript, and the server shrinks the picture).
#[component]
fn ShopPhotoForm(photo: Option<String>) -> impl IntoView {
    let error = crate::forms::feedback_for(SHOP_PHOTO_FORM).and_then(|f| f.error_text("foto"));
    let described = error.as_ref().map(|_| "shopphoto-error");
    view! {
        <h3 id="shopphoto-title">{t("shop-profile-photo")}</h3>
        {photo.map(|key| view! {
            <img class="storefront-photo" src=format!("/media/{key}") alt=t("shop-profile-photo-current") width="240" height="180" loading="lazy" />
        })}
        <form method="post" action="/lapak/profil/foto" enctype="multipart/form-data" aria-labelledby="shopphoto-title">
            <FormAlert form=SHOP_PHOTO_FORM />
            <label for="shopphoto-foto">{t("shop-profile-photo-choose")}</label>
            <input id="shopphoto-foto" type="file" name="foto" accept="image/jpeg,image/png,image/webp" required
                aria-invalid=error.as_ref().map(|_| "true") aria-describedby=described />
            {error.map(|text| view! { <p class="field-error" id="shopphoto-error">{text}</p> })}
            <button type="submit" class="button secondary">{t("shop-profile-photo-save")}</button>
        </form>
    }
}

/// The photo input (an island that shrinks photos in the browser when JavaScript runs).
#[component]
fn PhotoInput(form: &'static str, room: usize) -> impl IntoView {
    let error = crate::forms::feedback_for(form).and_then(|f| f.error_text("foto"));
    let text = crate::islands::PhotoPickerText {
        label: t("shop-photos"),
        hint: t_args("shop-photos-hint", &[("room", room.to_string())]),
        cover: t("shop-photo-cover"),
        make_cover: t("shop-photo-make-cover"),
        remove: t("shop-photo-remove"),
        preparing: t("shop-photo-preparing"),
        uploading: t("shop-photo-uploading"),
    };
    view! { <crate::islands::PhotoPicker id=format!("{form}-foto") name="foto".to_owned() max=room text error /> }
        .into_any()
}

/// The photos of a product being edited: cover first, each with its buttons (plain forms, so
/// they work without JavaScript), and a form to add more while there is room.
#[component]
fn PhotoManager(product_id: i64, photos: Vec<PhotoView>) -> impl IntoView {
    let room = limits::PHOTOS.saturating_sub(photos.len());
    let count = photos.len();
    let action = move |photo: i64| format!("/lapak/produk/{product_id}/foto/{photo}");
    view! {
        <section id="foto" aria-labelledby="photos-title">
            <h2 id="photos-title">{t("shop-photos")}</h2>
            {photos.is_empty().then(|| view! { <p class="empty-state">{t("shop-photos-none")}</p> })}
            <ul class="photo-list">
                {photos.into_iter().enumerate().map(|(index, photo)| view! {
                    <li>
                        <img src=photo.src(400) width=400 height=photo.height_at(400) alt=t_args("shop-photo-alt", &[("n", (index + 1).to_string())]) loading="lazy" />
                        {if index == 0 {
                            view! { <span class="badge">{t("shop-photo-cover")}</span> }.into_any()
                        } else {
                            view! { <PhotoButton action=action(photo.id) change="sampul" label=t("shop-photo-make-cover") /> }.into_any()
                        }}
                        {(index > 0).then(|| view! { <PhotoButton action=action(photo.id) change="naik" label=t("shop-photo-earlier") /> })}
                        {(index + 1 < count).then(|| view! { <PhotoButton action=action(photo.id) change="turun" label=t("shop-photo-later") /> })}
                        <PhotoButton action=action(photo.id) change="hapus" label=t("shop-photo-remove") />
                    </li>
                }).collect_view()}
            </ul>
            {(room > 0).then(|| view! {
                <form method="post" action=format!("/lapak/produk/{product_id}/foto") enctype="multipart/form-data">
                    <FormAlert form=PHOTO_FORM />
                    <PhotoInput form=PHOTO_FORM room />
                    <button type="submit" class="button secondary">{t("shop-photo-add")}</button>
                </form>
            })}
            {(room == 0).then(|| {
                let refused = crate::forms::feedback_for(PHOTO_FORM).and_then(|f| f.error_text("foto"));
                view! {
                    <p class="hint">{t("shop-photos-full")}</p>
                    {refused.map(|error| view! { <p class="field-error" role="alert">{error}</p> })}
                }
            })}
        </section>
    }
    .into_any()
}

#[component]
fn PhotoButton(action: String, change: &'static str, label: String) -> impl IntoView {
    view! {
        <form method="post" action=action>
            <input type="hidden" name="ubah" value=change />
            <button type="submit" class="button secondary">{label}</button>
        </form>
    }
}

/// `/lapak/produk/:id` (`baru` for a new product)
#[component]
pub fn ProductFormPage() -> impl IntoView {
    if let Err(error) = require_account() {
        return view! { <ErrorPage error /> }.into_any();
    }
    let target = use_params_map().with_untracked(|p| p.get("id").unwrap_or_default());
    let editing = match target.as_str() {
        "baru" => None,
        other => match other.parse::<i64>() {
            Ok(id) => Some(id),
            Err(_) => return view! { <ErrorPage error=AppError::NotFound /> }.into_any(),
        },
    };
    let confirm_delete =
        use_query_map().with_untracked(|q| q.get("hapus").is_some_and(|v| v == "konfirmasi"));
    let own = Resource::new_blocking(|| (), |()| load_own_products());
    view! {
        <PageTitle text=t(if confirm_delete {
            "shop-delete-confirm-title"
        } else if editing.is_some() {
            "shop-edit"
        } else {
            "shop-add"
        }) />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match own.await {
                    Ok(own) if !own.vendor => view! { <NotAVendor /> }.into_any(),
                    Ok(own) => {
                        let categories = own.categories;
                        let current = editing.map(|id| own.products.into_iter().find(|p| p.id == id));
                        match current {
                            Some(None) => view! { <ErrorPage error=AppError::NotFound /> }.into_any(),
                            Some(Some(product)) if confirm_delete => view! { <ConfirmDelete product /> }.into_any(),
                            Some(Some(product)) => view! { <ProductForm product=Some(product) categories /> }.into_any(),
                            None => view! { <ProductForm product=None categories /> }.into_any(),
                        }
                    }
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

/// "Delete this product?": the one step between the delete button and the deletion.
#[component]
fn ConfirmDelete(product: ProductView) -> impl IntoView {
    let id = product.id;
    view! {
        <section class="card narrow" aria-labelledby="delete-title">
            <h1 id="delete-title">{t("shop-delete-confirm-title")}</h1>
            <p>{t_args("shop-delete-confirm-body", &[("name", product.name.clone())])}</p>
            <form method="post" action=format!("/lapak/produk/{id}/hapus")>
                <input type="hidden" name="yakin" value="ya" />
                <button type="submit" class="button danger">{t("shop-delete-confirm-yes")}</button>
            </form>
            <p class="form-aside">
                <a href=format!("/lapak/produk/{id}")>{t("shop-delete-confirm-no")}</a>
            </p>
        </section>
    }
}

#[component]
fn ProductForm(product: Option<ProductView>, categories: Vec<(String, String)>) -> impl IntoView {
    let action =
        product.as_ref().map_or("/lapak/produk".to_owned(), |p| format!("/lapak/produk/{}", p.id));
    let id = product.as_ref().map(|p| p.id);
    let value = |f: fn(&ProductView) -> String| product.as_ref().map(f).unwrap_or_default();
    let units =
        Unit::ALL.into_iter().map(|u| (u.as_str().to_owned(), unit_label(u.as_str()))).collect();
    let availabilities = vec![
        ("ready".to_owned(), t("availability-ready")),
        ("preorder".to_owned(), t("availability-preorder-choice")),
        ("sold_out".to_owned(), t("availability-sold-out")),
    ];
    view! {
        <section class="card narrow" aria-labelledby="product-form-title">
            <h1 id="product-form-title">{t(if id.is_some() { "shop-edit" } else { "shop-add" })}</h1>
            <form method="post" action=action enctype=if id.is_none() { Some("multipart/form-data") } else { None } novalidate>
                <FormAlert form=PRODUCT_FORM />
                <Field form=PRODUCT_FORM name="name" label=t("shop-name") initial=value(|p| p.name.clone()) max_len=limits::NAME />
                <Select form=PRODUCT_FORM name="category" label=t("shop-category") options=categories initial=value(|p| p.category.0.clone()) />
                <TextArea form=PRODUCT_FORM name="description" label=t("shop-description") initial=value(|p| p.description.clone()) max_len=limits::DESCRIPTION />
                <Field form=PRODUCT_FORM name="price" label=t("shop-price") hint=t("shop-price-hint") initial=value(|p| p.price.trim_start_matches("Rp").to_owned()) inputmode="numeric" max_len=15 />
                <Select form=PRODUCT_FORM name="unit" label=t("shop-unit") options=units initial=value(|p| p.unit.clone()) />
                <Select form=PRODUCT_FORM name="availability" label=t("shop-availability") options=availabilities initial=value(|p| p.availability.clone()) />
                <Field form=PRODUCT_FORM name="lead_days" label=t("shop-lead-days") hint=t("shop-lead-days-hint") initial=value(|p| p.lead_days.map(|d| d.to_string()).unwrap_or_default()) inputmode="numeric" max_len=2 />
                {id.is_none().then(|| view! { <PhotoInput form=PRODUCT_FORM room=limits::PHOTOS /> }.into_any())}
                <button type="submit" class="button">{t("shop-save")}</button>
            </form>
            {product.as_ref().map(|p| view! { <PhotoManager product_id=p.id photos=p.photos.clone() /> }.into_any())}
            // Deleting asks first, on a page of its own (no JavaScript needed).
            {id.map(|id| view! {
                <p>
                    <a class="button secondary" href=format!("/lapak/produk/{id}?hapus=konfirmasi")>
                        {t("shop-delete")}
                    </a>
                </p>
            })}
            <p class="form-aside"><a href="/lapak">{t("shop-back")}</a></p>
        </section>
    }
}
