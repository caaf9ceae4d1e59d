//! `seed-demo --scale N`: N synthetic products spread over the demo vendors, for benchmarks.
//! Names and descriptions are combined from Kupang market words so search has realistic text
//! to rank; covers reuse the demo photos (same key, no new files).

use crate::db::Database;
use crate::error::Result;
use crate::listings::ProductId;
use crate::with_tx;

const ITEMS: [(&str, &str, &str); 16] = [
    ("Selendang tenun", "tenun-fesyen", "lembar"),
    ("Sarung ikat", "tenun-fesyen", "lembar"),
    ("Se'i sapi", "kuliner", "ons"),
    ("Jagung bose", "kuliner", "porsi"),
    ("Kue rambut", "kuliner", "bungkus"),
    ("Sopi", "minuman", "botol"),
    ("Kopi Bajawa", "minuman", "bungkus"),
    ("Gula lempeng lontar", "hasil-bumi", "kg"),
    ("Madu hutan Timor", "hasil-bumi", "botol"),
    ("Ti'i langga", "kerajinan", "pcs"),
    ("Tas anyaman lontar", "kerajinan", "pcs"),
    ("Minyak kelapa murni", "kecantikan-kesehatan", "botol"),
    ("Lulur kunyit", "kecantikan-kesehatan", "bungkus"),
    ("Jahit kebaya", "jasa", "pekerjaan"),
    ("Servis motor", "jasa", "pekerjaan"),
    ("Sambal lu'at", "kuliner", "botol"),
];
const QUALITIES: [&str; 8] =
    ["asli", "pilihan", "super", "khas Rote", "khas Sabu", "khas Amarasi", "segar", "premium"];
const PLACES: [&str; 6] = ["Oebobo", "Kelapa Lima", "Maulafa", "Alak", "Kota Raja", "Kota Lama"];

/// Adds `count` synthetic products. Deterministic: the same count gives the same catalogue.
///
/// # Errors
/// When the database fails; the batch in progress is then not saved.
pub async fn seed_scale(db: &Database, count: u32, now: i64) -> Result<u64> {
    let vendors: Vec<i64> = crate::with_pool!(db, |pool| sqlx::query_scalar(
        "select application_id from vendor_application
         where public_slug like 'demo-%' and status = 'approved' order by application_id"
    )
    .fetch_all(pool)
    .await)?;
    if vendors.is_empty() {
        return Ok(0);
    }
    let covers: Vec<(String, i64, i64)> = crate::with_pool!(db, |pool| sqlx::query_as(
        "select distinct photo_key, width, height from product_photo order by photo_key"
    )
    .fetch_all(pool)
    .await)?;
    let mut added = 0;
    // Batches keep each transaction (and SQLite's write lock) short.
    for batch in (0..count).collect::<Vec<_>>().chunks(500) {
        let mut tx = db.begin_write().await?;
        for &n in batch {
            let n = usize::try_from(n).unwrap_or(0);
            let (item, category, unit) = ITEMS[n % ITEMS.len()];
            let quality = QUALITIES[(n / ITEMS.len()) % QUALITIES.len()];
            let place = PLACES[(n / 7) % PLACES.len()];
            let name = format!("{item} {quality} {}", n + 1);
            let description = format!(
                "{item} {quality} dari {place}, dibuat oleh purna PMI di Kota Kupang. Nomor katalog {}.",
                n + 1
            );
            let price = 5_000 + i64::try_from((n * 7_919) % 500).unwrap_or(0) * 1_000;
            let availability = ["ready", "ready", "ready", "preorder", "sold_out"][n % 5];
            let lead_days = (availability == "preorder").then_some(2_i64);
            let vendor = vendors[n % vendors.len()];
            let created = now - 60 * i64::try_from(n).unwrap_or(0);
            let id: i64 = with_tx!(&mut tx, |conn| sqlx::query_scalar(
                "insert into product (application_id, category_id, name, description, price, unit,
                    availability, lead_days, created_at, updated_at)
                 select $1, category_id, $2, $3, $4, $5, $6, $7, $8, $8 from product_category where slug = $9
                 returning product_id"
            )
            .bind(vendor)
            .bind(&name)
            .bind(&description)
            .bind(price)
            .bind(unit)
            .bind(availability)
            .bind(lead_days)
            .bind(created)
            .bind(category)
            .fetch_one(&mut **conn)
            .await)?;
            if let Some((key, width, height)) = covers.get(n % covers.len().max(1)) {
                with_tx!(&mut tx, |conn| sqlx::query(
                    "insert into product_photo (product_id, position, photo_key, width, height)
                     values ($1, 0, $2, $3, $4)"
                )
                .bind(id)
                .bind(key)
                .bind(width)
                .bind(height)
                .execute(&mut **conn)
                .await
                .map(|_| ()))?;
            }
            crate::listings::reindex_in(&mut tx, ProductId(id)).await?;
            added += 1;
        }
        tx.commit().await?;
    }
    Ok(added)
}
