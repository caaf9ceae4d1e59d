//! `seed-demo --scale N`: N synthetic products spread over the demo vendors, for benchmarks.
//! Names and descriptions are combined from Kupang market words so search has realistic text
//! to rank; covers reuse the demo photos (same key, no new files).

use super::products::{insert_product, ProductInsert};
use crate::db::Database;
use crate::error::Result;
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
        "select vendor_id from vendor
         where public_slug like 'demo-%' and status = 'active' order by vendor_id"
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
            let row = ProductInsert {
                vendor: vendors[n % vendors.len()],
                name: &name,
                description: &description,
                price,
                unit,
                availability,
                lead_days,
                created: now - 60 * i64::try_from(n).unwrap_or(0),
                category,
            };
            let id = insert_product(&mut tx, &row).await?;
            if let Some((key, width, height)) = covers.get(n % covers.len().max(1)) {
                with_tx!(&mut tx, |conn| sqlx::query(
                    "insert into product_photo (product_id, position, photo_key, width, height)
                     values ($1, 0, $2, $3, $4)"
                )
                .bind(id.0)
                .bind(key)
                .bind(width)
                .bind(height)
                .execute(&mut **conn)
                .await
                .map(|_| ()))?;
            }
            crate::listings::reindex_in(&mut tx, id).await?;
            added += 1;
        }
        tx.commit().await?;
    }
    // PostgreSQL plans by its statistics, which lag a bulk load until autovacuum catches up:
    // right after seeding, "newest 24" took 140 ms (joining every product, then sorting)
    // instead of 0.2 ms (walking the newest-first index). Benchmarks should not measure that.
    if let Database::Postgres(pool) = db {
        sqlx::query("analyze").execute(pool).await?;
    }
    Ok(added)
}
