//! Server fns of the product pages. Each states its access level and checks it first.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// A product as cards and the product page show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductView {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// `Rp15.000`.
    pub price: String,
    /// Unit value (`pcs`, `kg`…).
    pub unit: String,
    /// `ready`, `preorder`, `sold_out`.
    pub availability: String,
    /// Pre-order lead time in days.
    pub lead_days: Option<i32>,
    /// Shown to shoppers.
    pub visible: bool,
    /// Category slug and its name in the visitor's language.
    pub category: (String, String),
    /// Vendor business name.
    pub vendor_name: String,
    /// Vendor profile slug.
    pub vendor_slug: Option<String>,
    /// Vendor's kecamatan.
    pub vendor_area: Option<String>,
    /// `https://wa.me/…` with a message naming the product.
    pub whatsapp_link: Option<String>,
    /// The cover photo.
    pub cover: Option<PhotoView>,
    /// Every photo, cover first (filled on the product page and the vendor's own pages).
    pub photos: Vec<PhotoView>,
}

/// A product as a card in a grid shows it: what [`ProductView`] has minus the description,
/// the category and the WhatsApp link. A listing page builds 24 of these; building full views
/// (formatting and encoding a WhatsApp message per card) was a tenth of its CPU time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductCardView {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// `Rp15.000`.
    pub price: String,
    /// Unit value (`pcs`, `kg`…).
    pub unit: String,
    /// `ready`, `preorder`, `sold_out`.
    pub availability: String,
    /// Pre-order lead time in days.
    pub lead_days: Option<i32>,
    /// Vendor business name.
    pub vendor_name: String,
    /// Vendor's kecamatan.
    pub vendor_area: Option<String>,
    /// The cover photo.
    pub cover: Option<PhotoView>,
}

/// A stored photo: its key and the size of its largest variant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhotoView {
    /// Row id (for the vendor's buttons; 0 for a cover in a list).
    pub id: i64,
    /// Object-store key.
    pub key: String,
    /// Largest variant's width.
    pub width: u32,
    /// Largest variant's height.
    pub height: u32,
}

impl PhotoView {
    /// `srcset` listing every stored variant.
    #[must_use]
    pub fn srcset(&self) -> String {
        domain::listing::photo_widths(self.width)
            .into_iter()
            .map(|w| format!("{} {w}w", domain::listing::photo_url(&self.key, w)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The variant closest to `wanted` pixels wide without going over (or the smallest).
    #[must_use]
    pub fn src(&self, wanted: u32) -> String {
        let widths = domain::listing::photo_widths(self.width);
        let width = widths.iter().copied().filter(|&w| w <= wanted).max().unwrap_or(widths[0]);
        domain::listing::photo_url(&self.key, width)
    }

    /// Height when shown `width` pixels wide (for `width`/`height` attributes).
    #[must_use]
    pub fn height_at(&self, width: u32) -> u32 {
        (u64::from(self.height) * u64::from(width) / u64::from(self.width.max(1))) as u32
    }
}

/// One page of search results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchResults {
    /// Products on this page.
    pub products: Vec<ProductCardView>,
    /// Matches in all, counted up to `count_cap` + 1.
    pub total: i64,
    /// Whether a next page exists.
    pub more: bool,
    /// Where the next page continues (`value.id`), when the order allows keyset paging.
    pub next_after: Option<String>,
    /// Above this many, the page says "more than".
    pub count_cap: i64,
    /// Results per page.
    pub page_size: u32,
    /// Categories (slug, name) for the filter.
    pub categories: Vec<(String, String)>,
    /// Kecamatan of Kota Kupang (slug, name) for the filter.
    pub kecamatan: Vec<(String, String)>,
}

#[cfg(feature = "ssr")]
pub(crate) fn to_card(product: &backend::listings::Product) -> ProductCardView {
    ProductCardView {
        id: product.id.0,
        name: product.name.clone(),
        price: product.price.to_string(),
        unit: product.unit.as_str().to_owned(),
        availability: product.availability.kind().to_owned(),
        lead_days: product.availability.lead_days(),
        vendor_name: product.vendor_name.clone(),
        vendor_area: product.vendor_area.clone(),
        cover: product.cover.as_ref().map(cover_view),
    }
}

/// A product's cover as a photo view (no row id: lists never edit photos).
#[cfg(feature = "ssr")]
fn cover_view(cover: &backend::listings::Cover) -> PhotoView {
    PhotoView { id: 0, key: cover.key.clone(), width: cover.width, height: cover.height }
}

#[cfg(feature = "ssr")]
pub(crate) fn to_view(product: backend::listings::Product) -> ProductView {
    let english = crate::i18n::current_locale() == domain::Locale::En;
    let path = format!("/produk/{}", product.id.0);
    let origin = use_context::<crate::PublicOrigin>().map(|o| o.0).unwrap_or_default();
    let message = format!(
        "Halo {}, saya tertarik dengan {} ({}) di Pasar Purna: {origin}{path}",
        product.vendor_name, product.name, product.price
    );
    ProductView {
        id: product.id.0,
        // Stored as E.164; a row that does not parse gets no button rather than a wrong number.
        whatsapp_link: product
            .vendor_whatsapp
            .as_deref()
            .and_then(|phone| domain::PhoneNumber::parse(phone).ok())
            .map(|phone| {
                format!(
                    "https://wa.me/{}?text={}",
                    phone.wa_me_digits(),
                    crate::auth::encode_query_value(&message)
                )
            }),
        price: product.price.to_string(),
        unit: product.unit.as_str().to_owned(),
        availability: product.availability.kind().to_owned(),
        lead_days: product.availability.lead_days(),
        visible: product.visible,
        category: (
            product.category_slug,
            if english { product.category_names.1 } else { product.category_names.0 },
        ),
        name: product.name,
        description: product.description,
        vendor_name: product.vendor_name,
        vendor_slug: product.vendor_slug,
        vendor_area: product.vendor_area,
        cover: product.cover.as_ref().map(cover_view),
        photos: Vec::new(),
    }
}

/// Every category as (slug, name in the visitor's language), in display order.
#[cfg(feature = "ssr")]
async fn category_options(
    state: &backend::AppState,
) -> Result<Vec<(String, String)>, backend::Error> {
    Ok(category_names(&state.catalogue.categories(&state.db).await?))
}

/// Categories as (slug, name in the visitor's language).
#[cfg(feature = "ssr")]
fn category_names(categories: &[backend::listings::Category]) -> Vec<(String, String)> {
    let english = crate::i18n::current_locale() == domain::Locale::En;
    categories
        .iter()
        .map(|c| (c.slug.clone(), if english { c.name_en.clone() } else { c.name_id.clone() }))
        .collect()
}

#[cfg(feature = "ssr")]
async fn with_photos(
    db: &backend::Database,
    view: ProductView,
) -> Result<ProductView, backend::Error> {
    let photos =
        backend::listings::product_photos(db, backend::listings::ProductId(view.id)).await?;
    Ok(with_these_photos(view, photos))
}

#[cfg(feature = "ssr")]
fn with_these_photos(mut view: ProductView, photos: Vec<backend::listings::Photo>) -> ProductView {
    view.photos = photos
        .into_iter()
        .map(|p| PhotoView {
            id: p.photo_id,
            key: p.photo_key,
            width: u32::try_from(p.width).unwrap_or(0),
            height: u32::try_from(p.height).unwrap_or(0),
        })
        .collect();
    view
}

/// A public product.
///
/// Access: public (hidden products and those of vendors not approved are not found).
#[server(prefix = "/api", endpoint = "products/one")]
pub async fn load_product(id: i64) -> Result<ProductView, AppError> {
    crate::auth::require(domain::Need::Public)?;
    let state = expect_context::<backend::AppState>();
    let product = backend::listings::public_product(&state.db, backend::listings::ProductId(id))
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    Ok(with_photos(&state.db, to_view(product)).await?)
}

/// What a shopper asked for on the search page, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchParams {
    /// Words.
    pub text: String,
    /// Category slug.
    pub category: String,
    /// Kecamatan slug.
    pub kecamatan: String,
    /// Lowest price, as typed.
    pub min_price: String,
    /// Highest price, as typed.
    pub max_price: String,
    /// Only products ready now.
    pub available_now: bool,
    /// `baru`, `murah`, `mahal` or relevance.
    pub sort: String,
    /// Zero-based page.
    pub page: u32,
    /// Where the next page continues (`value.id`, from the previous page's `next_after`).
    pub after: String,
}

/// Search results with filters.
///
/// Access: public.
#[server(prefix = "/api", endpoint = "products/search")]
pub async fn load_search(params: SearchParams) -> Result<SearchResults, AppError> {
    let SearchParams {
        text,
        category,
        kecamatan,
        min_price,
        max_price,
        available_now,
        sort,
        page,
        after,
    } = params;
    use backend::listings::{SearchQuery, SearchSort};
    crate::auth::require(domain::Need::Public)?;
    let state = expect_context::<backend::AppState>();
    let price = |text: &str| domain::listing::parse_price(text).ok();
    let query = SearchQuery {
        text: text.chars().take(crate::search::MAX_QUERY_CHARS).collect(),
        category: (!category.is_empty()).then_some(category),
        kecamatan: (!kecamatan.is_empty()).then_some(kecamatan),
        min_price: price(&min_price),
        max_price: price(&max_price),
        available_now,
        sort: match sort.as_str() {
            "baru" => SearchSort::Newest,
            "murah" => SearchSort::PriceUp,
            "mahal" => SearchSort::PriceDown,
            _ => SearchSort::Relevance,
        },
        page: page.min(400),
        after: after
            .split_once('.')
            .and_then(|(value, id)| Some((value.parse().ok()?, id.parse().ok()?))),
    };
    // One catalogue version for the page, its filters' categories and kecamatan.
    let listing = state.catalogue.listing(&state.db, &query).await?;
    let (products, total, more) = (&listing.answer.0, listing.answer.1, listing.answer.2);
    let next_after = products
        .last()
        .filter(|_| more)
        .and_then(|last| query.cursor_of(last))
        .map(|(value, id)| format!("{value}.{id}"));
    let categories = category_names(&listing.categories);
    let kecamatan = listing.kecamatan.iter().map(|k| (k.slug.clone(), k.name.clone())).collect();
    Ok(SearchResults {
        products: products.iter().map(to_card).collect(),
        total,
        more,
        next_after,
        count_cap: backend::listings::SEARCH_COUNT_CAP,
        page_size: backend::listings::SEARCH_PAGE_SIZE,
        categories,
        kecamatan,
    })
}

/// A vendor's public products.
///
/// Access: public.
#[server(prefix = "/api", endpoint = "products/vendor")]
pub async fn load_vendor_products(slug: String) -> Result<Vec<ProductCardView>, AppError> {
    crate::auth::require(domain::Need::Public)?;
    let state = expect_context::<backend::AppState>();
    Ok(backend::listings::vendor_products(&state.db, &slug).await?.iter().map(to_card).collect())
}

/// The newest public products, for the home page.
///
/// Access: public.
#[server(prefix = "/api", endpoint = "products/newest")]
pub async fn load_newest() -> Result<Vec<ProductCardView>, AppError> {
    crate::auth::require(domain::Need::Public)?;
    let state = expect_context::<backend::AppState>();
    Ok(backend::listings::newest_products(&state.db, 8).await?.iter().map(to_card).collect())
}

/// Every category (slug, name in the visitor's language), for the home page.
///
/// Access: public.
#[server(prefix = "/api", endpoint = "products/categories")]
pub async fn load_categories() -> Result<Vec<(String, String)>, AppError> {
    crate::auth::require(domain::Need::Public)?;
    let state = expect_context::<backend::AppState>();
    Ok(category_options(&state).await?)
}

/// A vendor's own products and the categories to choose from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnProducts {
    /// Whether the account is an active vendor (otherwise it must apply first).
    pub vendor: bool,
    /// Their products, hidden ones included, newest first.
    pub products: Vec<ProductView>,
    /// Categories (slug, name).
    pub categories: Vec<(String, String)>,
    /// The shop's profile, for its form (`None` when not an active vendor).
    pub shop: Option<ShopView>,
    /// Kota Kupang's kecamatan (slug, name), for the shop's area.
    pub kecamatan: Vec<(String, String)>,
}

/// A vendor's shop profile as its form shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShopView {
    /// Profile address part.
    pub slug: String,
    /// Approved business name.
    pub business_name: String,
    /// Approved category value.
    pub category: String,
    /// Description.
    pub description: String,
    /// WhatsApp number as people write it (`0852-…`).
    pub whatsapp: String,
    /// Kecamatan slug ("" outside Kota Kupang).
    pub kecamatan: String,
    /// A new business name waiting for the Dinas.
    pub pending_business_name: Option<String>,
    /// A new category value waiting for the Dinas.
    pub pending_category: Option<String>,
    /// The media key of the shop's photo.
    pub photo: Option<String>,
}

/// The logged-in vendor's own products, hidden ones included, and the categories.
///
/// Access: account (only the caller's own products; an account that is not an active vendor
/// gets an empty list marked as such).
#[server(prefix = "/api", endpoint = "products/own")]
pub async fn load_own_products() -> Result<OwnProducts, AppError> {
    let viewer = crate::auth::require_account()?;
    let state = expect_context::<backend::AppState>();
    let account = backend::accounts::AccountId(viewer.account_id);
    let (vendor, products) = match backend::listings::own_products(&state.db, account).await {
        Ok(products) => (true, products),
        Err(backend::listings::ListingError::NotAVendor) => (false, Vec::new()),
        Err(backend::listings::ListingError::Backend(error)) => return Err(error.into()),
        Err(_) => return Err(AppError::Internal.with_status()),
    };
    let categories = category_options(&state).await?;
    let mut photos = backend::listings::own_photos(&state.db, account).await?;
    let views = products
        .into_iter()
        .map(|product| {
            let own = photos.remove(&product.id).unwrap_or_default();
            with_these_photos(to_view(product), own)
        })
        .collect();
    let shop = backend::vendors::own_shop(&state.db, account).await?.map(|shop| ShopView {
        slug: shop.public_slug,
        whatsapp: shop
            .whatsapp
            .as_deref()
            .and_then(|number| domain::PhoneNumber::parse(number).ok())
            .map(|number| number.national())
            .unwrap_or_default(),
        business_name: shop.business_name,
        category: shop.category,
        description: shop.description,
        kecamatan: shop.kecamatan.unwrap_or_default(),
        pending_business_name: shop.pending_business_name,
        photo: shop.business_photo,
        pending_category: shop.pending_category,
    });
    let kecamatan = if shop.is_some() {
        backend::reference::list_kecamatan(&state.db)
            .await?
            .into_iter()
            .map(|k| (k.slug, k.name))
            .collect()
    } else {
        Vec::new()
    };
    Ok(OwnProducts { vendor, products: views, categories, shop, kecamatan })
}
