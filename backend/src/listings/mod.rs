//! Products: what vendors list and shoppers browse and search. Visibility is decided in the
//! queries here, never in templates: a product is public only while it is visible and its
//! vendor's application is approved and not erased.

mod cache;
mod categories;
mod manage;
mod photos;
mod read;
mod search;
mod uploads;

use domain::listing::{Availability, Unit};
use domain::Rupiah;

pub use cache::{catalogue_version, CacheStats, CatalogueCache, Listing, SearchAnswer};
pub use categories::{category_rows, save_category, CategoryRow};
pub use manage::{
    active_vendor, create_product, delete_product, own_products, set_visible, update_product,
    ListingError, ProductDraft,
};
pub use photos::{
    add_photos, change_photo, own_photos, photo_room, product_photos, NewPhoto, Photo, PhotoChange,
};
pub use read::{
    categories, newest_products, public_product, sitemap_entries, vendor_products, Category,
};
pub use search::{search_products, SearchQuery, SearchSort, SEARCH_COUNT_CAP, SEARCH_PAGE_SIZE};
pub use uploads::{list_product, rearrange_photo, remove_product, upload_photos};

/// Writes a product's search entry inside a transaction (for seeding).
///
/// # Errors
/// When the database fails.
pub async fn reindex_in(tx: &mut crate::db::WriteTx, id: ProductId) -> Result<(), crate::Error> {
    search::reindex(tx, id).await
}

/// Adds photo rows inside a transaction (for seeding).
///
/// # Errors
/// When the database fails or the product would pass six photos.
pub async fn insert_photos_in(
    tx: &mut crate::db::WriteTx,
    id: ProductId,
    photos: &[NewPhoto],
) -> Result<(), crate::Error> {
    photos::insert_photos(tx, id, photos).await.map_err(|error| match error {
        ListingError::Backend(error) => error,
        other => crate::Error::Corrupt(other.to_string()),
    })
}

/// A product's database id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ProductId(pub i64);

/// A product as pages show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Product {
    /// Id.
    pub id: ProductId,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Price in whole rupiah.
    pub price: Rupiah,
    /// What the price is for.
    pub unit: Unit,
    /// Whether it can be had now.
    pub availability: Availability,
    /// Shown to shoppers (the vendor can hide it).
    pub visible: bool,
    /// Category slug.
    pub category_slug: String,
    /// Category name in Bahasa Indonesia and English.
    pub category_names: (String, String),
    /// The vendor's business name.
    pub vendor_name: String,
    /// The vendor's public profile slug.
    pub vendor_slug: Option<String>,
    /// The vendor's WhatsApp number (E.164), for "Chat penjual".
    pub vendor_whatsapp: Option<String>,
    /// The vendor's kecamatan, if in Kota Kupang.
    pub vendor_area: Option<String>,
    /// Unix time listed.
    pub created_at: i64,
    /// The cover photo (key, width, height of the largest variant), if any.
    pub cover: Option<Cover>,
}

/// A product's cover photo, as lists and link previews show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cover {
    /// Object-store key.
    pub key: String,
    /// Largest variant's width.
    pub width: u32,
    /// Largest variant's height.
    pub height: u32,
}

#[derive(sqlx::FromRow)]
struct ProductRow {
    product_id: i64,
    name: String,
    description: String,
    price: i64,
    unit: String,
    availability: String,
    lead_days: Option<i64>,
    visible: bool,
    category_slug: String,
    category_name_id: String,
    category_name_en: String,
    vendor_name: String,
    vendor_slug: Option<String>,
    vendor_whatsapp: Option<String>,
    vendor_area: Option<String>,
    created_at: i64,
    cover_key: Option<String>,
    cover_width: Option<i64>,
    cover_height: Option<i64>,
}

/// The columns every product query selects, from `product p` joined by [`PRODUCT_JOINS`].
macro_rules! product_columns {
    () => {
        "select p.product_id, p.name, p.description, p.price, p.unit, p.availability,
        p.lead_days, p.visible, c.slug as category_slug, c.name_id as category_name_id,
        c.name_en as category_name_en, v.business_name as vendor_name, v.public_slug as vendor_slug,
        v.whatsapp as vendor_whatsapp, kc.name as vendor_area, p.created_at,
        cv.photo_key as cover_key, cv.width as cover_width, cv.height as cover_height"
    };
}

/// What the columns need besides `product p`: its cover `cv`, its category `c`, its vendor `a`
/// and the vendor's kelurahan `kl` and kecamatan `kc`.
macro_rules! product_joins {
    () => {
        "left join product_photo cv on cv.product_id = p.product_id and cv.position = 0
    join product_category c on c.category_id = p.category_id
    join vendor v on v.vendor_id = p.vendor_id
    left join kecamatan kc on kc.kecamatan_id = v.kecamatan_id"
    };
}

/// Columns every product query selects.
const COLUMNS: &str = product_columns!();

/// The joins behind [`COLUMNS`], after `from product p`.
const PRODUCT_JOINS: &str = product_joins!();

/// A whole product query up to its `where`.
const SELECT: &str = concat!(product_columns!(), "\n    from product p\n    ", product_joins!());

/// The condition that makes a product public: shown by its vendor, and the vendor active.
const PUBLIC: &str = concat!("p.visible and ", crate::active_vendor!());

impl ProductRow {
    fn into_product(self) -> Result<Product, crate::Error> {
        let corrupt = |what: &str| {
            crate::Error::Corrupt(format!("product {} has a bad {what}", self.product_id))
        };
        Ok(Product {
            id: ProductId(self.product_id),
            unit: Unit::from_str_value(&self.unit).ok_or_else(|| corrupt("unit"))?,
            availability: Availability::from_db(&self.availability, self.lead_days)
                .ok_or_else(|| corrupt("availability"))?,
            price: Rupiah::new(self.price),
            name: self.name,
            description: self.description,
            visible: self.visible,
            category_slug: self.category_slug,
            category_names: (self.category_name_id, self.category_name_en),
            vendor_name: self.vendor_name,
            vendor_slug: self.vendor_slug,
            vendor_whatsapp: self.vendor_whatsapp,
            vendor_area: self.vendor_area,
            created_at: self.created_at,
            cover: match (self.cover_key, self.cover_width, self.cover_height) {
                (Some(key), Some(width), Some(height)) => Some(Cover {
                    key,
                    width: u32::try_from(width).map_err(|_| corrupt("photo width"))?,
                    height: u32::try_from(height).map_err(|_| corrupt("photo height"))?,
                }),
                _ => None,
            },
        })
    }
}

fn into_products(rows: Vec<ProductRow>) -> Result<Vec<Product>, crate::Error> {
    rows.into_iter().map(ProductRow::into_product).collect()
}
