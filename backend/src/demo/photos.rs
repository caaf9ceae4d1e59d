//! Demo photos, drawn here (no downloads): each category gets its own motif and colours, each
//! product its own shade, and every picture goes through the real photo pipeline. Kept out of
//! [`super::seed_demo`] so tests that only need accounts do not pay for 60 photos.

use futures::StreamExt;
use image::{Rgb, RgbImage};

use crate::db::Database;
use crate::error::Result;
use crate::listings::{NewPhoto, ProductId};
use crate::photos::PhotoStore;
use crate::with_pool;

/// Drawn size: enough for the 400 and 800 px variants, small enough to seed in seconds.
const WIDTH: u32 = 960;
const HEIGHT: u32 = 720;

/// Adds a drawn cover photo to every demo product that has none. Returns how many were added.
///
/// # Errors
/// When the database or the store fails.
pub async fn seed_demo_photos(db: &Database, photos: &PhotoStore) -> Result<u64> {
    let bare: Vec<(i64, String)> = with_pool!(db, |pool| sqlx::query_as(
        "select p.product_id, c.slug from product p
         join product_category c on c.category_id = p.category_id
         join vendor v on v.vendor_id = p.vendor_id
         where v.public_slug like 'demo-%'
           and not exists (select 1 from product_photo f where f.product_id = p.product_id)
         order by p.product_id"
    )
    .fetch_all(pool)
    .await)?;
    // Two at a time: drawing and the pipeline are CPU work, on blocking threads.
    let mut prepared = futures::stream::iter(bare)
        .map(|(product, category)| async move {
            let jpeg = tokio::task::spawn_blocking(move || encode_jpeg(&draw(&category, product)))
                .await
                .unwrap_or_default();
            (product, photos.process(jpeg).await)
        })
        .buffered(2);
    let mut added = 0;
    while let Some((product, processed)) = prepared.next().await {
        let processed = match processed {
            Ok(Ok(processed)) => processed,
            Ok(Err(refused)) => {
                return Err(crate::Error::Corrupt(format!("demo photo refused: {refused}")))
            }
            Err(error) => return Err(crate::Error::Corrupt(format!("demo photo: {error}"))),
        };
        photos.save(&processed).await.map_err(|e| crate::Error::Corrupt(e.to_string()))?;
        let mut tx = db.begin_write().await?;
        crate::listings::insert_photos_in(
            &mut tx,
            ProductId(product),
            &[NewPhoto::from(&processed)],
        )
        .await?;
        tx.commit().await?;
        added += 1;
    }
    Ok(added)
}

fn encode_jpeg(picture: &RgbImage) -> Vec<u8> {
    let mut bytes = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 88);
    // Encoding a picture held in memory cannot fail.
    picture.write_with_encoder(encoder).map(|()| bytes).unwrap_or_default()
}

/// Base and accent colour per category (warm Timorese dyes for cloth, and so on).
fn palette(category: &str) -> (Rgb<u8>, Rgb<u8>) {
    match category {
        "tenun-fesyen" => (Rgb([122, 32, 24]), Rgb([214, 160, 60])),
        "kuliner" => (Rgb([236, 214, 170]), Rgb([150, 62, 30])),
        "minuman" => (Rgb([40, 92, 120]), Rgb([230, 180, 80])),
        "kerajinan" => (Rgb([176, 130, 78]), Rgb([96, 60, 30])),
        "hasil-bumi" => (Rgb([70, 120, 50]), Rgb([220, 190, 90])),
        "kecantikan-kesehatan" => (Rgb([232, 200, 200]), Rgb([140, 80, 110])),
        "jasa" => (Rgb([60, 70, 90]), Rgb([240, 240, 240])),
        _ => (Rgb([120, 120, 120]), Rgb([250, 220, 120])),
    }
}

fn shade(colour: Rgb<u8>, amount: i32) -> Rgb<u8> {
    Rgb(colour.0.map(|c| u8::try_from((i32::from(c) + amount).clamp(0, 255)).unwrap_or(0)))
}

/// A picture for a product of `category`; `seed` varies shade and motif size.
#[must_use]
pub fn draw(category: &str, seed: i64) -> RgbImage {
    let (base, accent) = palette(category);
    let variation = i32::try_from(seed.rem_euclid(7)).unwrap_or(0) * 9 - 27;
    let (base, accent) = (shade(base, variation), shade(accent, -variation / 2));
    let size = 40 + u32::try_from(seed.rem_euclid(5)).unwrap_or(0) * 12;
    let (cx, cy) = (WIDTH / 2, HEIGHT / 2);
    RgbImage::from_fn(WIDTH, HEIGHT, |x, y| {
        // Soft light from the top left, as on a market table by day.
        let light = 20 - i32::try_from((x + y) / 40).unwrap_or(0);
        let on_motif = match category {
            // Ikat diamonds in rows.
            "tenun-fesyen" => {
                let (dx, dy) = ((x % (size * 2)).abs_diff(size), (y % (size * 2)).abs_diff(size));
                dx + dy < size * 3 / 4 && (dx + dy) % 12 < 8
            }
            // A plate (rings) in the middle.
            "kuliner" | "kecantikan-kesehatan" => {
                let r = f64::from(x.abs_diff(cx)).hypot(f64::from(y.abs_diff(cy)));
                r < f64::from(HEIGHT) * 0.38 && !(r as u32 / (size / 4).max(1)).is_multiple_of(3)
            }
            // Bottles standing in a row.
            "minuman" => (x / size) % 2 == 0 && y > HEIGHT / 4 && y < HEIGHT * 7 / 8,
            // Woven lattice.
            "kerajinan" => (x / (size / 2)) % 2 != (y / (size / 2)) % 2,
            // Scattered produce.
            "hasil-bumi" => {
                let (gx, gy) = (x % (size * 2), y % (size * 2));
                f64::from(gx.abs_diff(size)).hypot(f64::from(gy.abs_diff(size)))
                    < f64::from(size) * 0.7
            }
            _ => (x + y) / size % 2 == 0,
        };
        let colour = if on_motif { accent } else { base };
        shade(colour, light + i32::try_from((x * 31 + y * 17) % 9).unwrap_or(0))
    })
}
