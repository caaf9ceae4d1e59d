//! Public reads: one product, a vendor's products, the newest, the categories.

use super::{into_products, Product, ProductId, ProductRow, PUBLIC, SELECT};
use crate::db::Database;
use crate::error::Error;
use crate::with_pool;

/// A product category.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Category {
    /// Stable key (`kuliner`).
    pub slug: String,
    /// Name in Bahasa Indonesia.
    pub name_id: String,
    /// Name in English.
    pub name_en: String,
}

/// Every category, in display order.
///
/// # Errors
/// When the database fails.
pub async fn categories(db: &Database) -> Result<Vec<Category>, Error> {
    Ok(with_pool!(db, |pool| sqlx::query_as(
        "select slug, name_id, name_en from product_category order by position, slug"
    )
    .fetch_all(pool)
    .await)?)
}

/// A product anyone may see; `None` when hidden, or its vendor is not (or no longer) approved.
///
/// # Errors
/// When the database fails or the row is corrupt.
pub async fn public_product(db: &Database, id: ProductId) -> Result<Option<Product>, Error> {
    let sql = format!("{SELECT} where p.product_id = $1 and {PUBLIC}");
    let row: Option<ProductRow> =
        with_pool!(db, |pool| sqlx::query_as(&sql).bind(id.0).fetch_optional(pool).await)?;
    row.map(ProductRow::into_product).transpose()
}

/// A vendor's public products, newest first.
///
/// # Errors
/// When the database fails or a row is corrupt.
pub async fn vendor_products(db: &Database, vendor_slug: &str) -> Result<Vec<Product>, Error> {
    let sql = format!("{SELECT} where v.public_slug = $1 and {PUBLIC} order by p.created_at desc, p.product_id desc");
    let rows: Vec<ProductRow> =
        with_pool!(db, |pool| sqlx::query_as(&sql).bind(vendor_slug).fetch_all(pool).await)?;
    into_products(rows)
}

/// The newest public products.
///
/// # Errors
/// When the database fails or a row is corrupt.
pub async fn newest_products(db: &Database, limit: i64) -> Result<Vec<Product>, Error> {
    let sql =
        format!("{SELECT} where {PUBLIC} order by p.created_at desc, p.product_id desc limit $1");
    let rows: Vec<ProductRow> =
        with_pool!(db, |pool| sqlx::query_as(&sql).bind(limit).fetch_all(pool).await)?;
    into_products(rows)
}

/// Everything public a search engine should index: (path, last change as unix time).
/// Products are capped at 45,000 so the file stays under the sitemap limit of 50,000 URLs.
///
/// # Errors
/// When the database fails.
pub async fn sitemap_entries(db: &Database) -> Result<Vec<(String, i64)>, Error> {
    let products: Vec<(i64, i64)> = with_pool!(db, |pool| sqlx::query_as(&format!(
        "select p.product_id, p.updated_at from product p
         join vendor v on v.vendor_id = p.vendor_id
         where {PUBLIC} order by p.updated_at desc limit 45000"
    ))
    .fetch_all(pool)
    .await)?;
    let vendors: Vec<(String, i64)> = with_pool!(db, |pool| {
        sqlx::query_as(&format!(
            "select v.public_slug, v.created_at from vendor v where {} order by v.public_slug",
            crate::vendors::ACTIVE
        ))
        .fetch_all(pool)
        .await
    })?;
    let categories = categories(db).await?;
    let newest = products.first().map_or(0, |(_, at)| *at);
    let mut entries = vec![("/".to_owned(), newest)];
    entries.extend(categories.into_iter().map(|c| (format!("/kategori/{}", c.slug), newest)));
    entries.extend(vendors.into_iter().map(|(slug, at)| (format!("/pelapak/{slug}"), at)));
    entries.extend(products.into_iter().map(|(id, at)| (format!("/produk/{id}"), at)));
    Ok(entries)
}
