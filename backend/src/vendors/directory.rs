//! The public vendor directory (`/pelapak`): active vendors by name, with how many products
//! each shows.

use super::record::ACTIVE;
use super::review::like_pattern;
use crate::error::Error;
use crate::{with_pool, Database};

/// Vendors on one page of the directory.
pub const DIRECTORY_PAGE_SIZE: i64 = 24;

/// One vendor in the directory.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct DirectoryEntry {
    /// Address part of the profile (`/pelapak/<slug>`).
    pub slug: String,
    /// Business name.
    pub business_name: String,
    /// Category value.
    pub category: String,
    /// Media key of the business photo.
    pub business_photo: Option<String>,
    /// Kecamatan name (none for vendors outside Kota Kupang).
    pub kecamatan: Option<String>,
    /// Visible products.
    pub products: i64,
}

/// Active vendors whose business name contains `search` (any case; empty: all), by name,
/// page `page` (from 0), with the number of matches.
///
/// # Errors
/// When the database fails.
pub async fn directory(
    db: &Database,
    search: &str,
    page: u32,
) -> Result<(Vec<DirectoryEntry>, i64), Error> {
    let pattern = like_pattern(search);
    let filter =
        format!("where {ACTIVE} and ($1 is null or lower(v.business_name) like $1 escape '\\')");
    let count_sql = format!("select count(*) from vendor v {filter}");
    let total: i64 = with_pool!(db, |pool| sqlx::query_scalar(&count_sql)
        .bind(pattern.as_deref())
        .fetch_one(pool)
        .await)?;
    let rows_sql = format!(
        "select v.public_slug as slug, v.business_name, v.category, v.business_photo,
                kc.name as kecamatan,
                (select count(*) from product p where p.vendor_id = v.vendor_id
                    and p.visible) as products
         from vendor v
         left join kecamatan kc on kc.kecamatan_id = v.kecamatan_id
         {filter}
         order by lower(v.business_name), v.vendor_id
         limit $2 offset $3"
    );
    let rows = with_pool!(db, |pool| sqlx::query_as::<_, DirectoryEntry>(&rows_sql)
        .bind(pattern.as_deref())
        .bind(DIRECTORY_PAGE_SIZE)
        .bind(i64::from(page) * DIRECTORY_PAGE_SIZE)
        .fetch_all(pool)
        .await)?;
    Ok((rows, total))
}
