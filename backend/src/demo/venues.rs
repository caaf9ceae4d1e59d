//! The two demo venues: SABOAK at Taman Nostalgia (100 free stalls a market day in five
//! zones, food kept in its own court as the city's first evaluation asked) and the container
//! booth park (20 booths rented by the month, some with electricity). Laid out on a grid the
//! venue map will draw.

use crate::db::WriteTx;
use crate::error::Result;
use crate::with_tx;

/// A zone: name, the vendor categories it takes, stall code prefix, how many stalls.
type Zone = (&'static str, &'static str, &'static str, i64);

const SABOAK_ZONES: [Zone; 5] = [
    ("kuliner", "kuliner", "K", 30),
    ("minuman", "minuman", "M", 10),
    ("kriya", "kerajinan,tenun", "B", 25),
    ("fesyen", "tenun,jasa", "F", 20),
    ("hasil-bumi", "hasil-bumi,lainnya", "H", 15),
];

const BOOTH_ZONES: [Zone; 1] =
    [("umum", "kuliner,minuman,tenun,kerajinan,hasil-bumi,jasa,lainnya", "BK", 20)];

/// Adds the demo venues unless they exist; returns how many units were added.
///
/// # Errors
/// When the database fails.
pub(super) async fn seed_venues(tx: &mut WriteTx, now: i64) -> Result<u64> {
    let saboak = Venue {
        slug: "saboak",
        name: "SABOAK — Taman Nostalgia",
        address: "Taman Nostalgia, Jl. Frans Seda, Kelapa Lima, Kota Kupang",
        kind: "weekend_market",
        hours: "Sabtu–Minggu 16.00–22.00 WITA",
    };
    let booths = Venue {
        slug: "booth-kontainer",
        name: "Booth Kontainer UMKM",
        address: "Jl. El Tari, Oebobo, Kota Kupang",
        kind: "booth_park",
        hours: "Setiap hari 08.00–21.00 WITA",
    };
    let mut added = seed_venue(tx, &saboak, &SABOAK_ZONES, now, |_, _| (0, false)).await?;
    // Every other booth has electricity, and costs more for it.
    added += seed_venue(tx, &booths, &BOOTH_ZONES, now, |_, n| {
        if n % 2 == 0 {
            (150_000, true)
        } else {
            (100_000, false)
        }
    })
    .await?;
    Ok(added)
}

struct Venue {
    slug: &'static str,
    name: &'static str,
    address: &'static str,
    kind: &'static str,
    hours: &'static str,
}

/// One venue with its zones and units; `fee_of(zone, n)` gives a unit's fee and whether it has
/// electricity. A venue that exists is left as it is.
async fn seed_venue(
    tx: &mut WriteTx,
    venue: &Venue,
    zones: &[Zone],
    now: i64,
    fee_of: impl Fn(&str, i64) -> (i64, bool),
) -> Result<u64> {
    let id: Option<i64> = with_tx!(tx, |conn| sqlx::query_scalar(
        "insert into venue (slug, name, address, kind, opening_hours, created_at)
         values ($1, $2, $3, $4, $5, $6) on conflict (slug) do nothing returning venue_id"
    )
    .bind(venue.slug)
    .bind(venue.name)
    .bind(venue.address)
    .bind(venue.kind)
    .bind(venue.hours)
    .bind(now)
    .fetch_optional(&mut **conn)
    .await)?;
    let Some(venue_id) = id else { return Ok(0) };
    let mut added = 0;
    for (position, (zone, categories, prefix, count)) in (0_i64..).zip(zones) {
        let zone_id: i64 = with_tx!(tx, |conn| {
            sqlx::query_scalar(
            "insert into venue_zone (venue_id, name, categories, position) values ($1, $2, $3, $4)
             returning zone_id"
        )
        .bind(venue_id)
        .bind(zone)
        .bind(categories)
        .bind(position)
        .fetch_one(&mut **conn)
        .await
        })?;
        for n in 1..=*count {
            let (fee, electricity) = fee_of(zone, n);
            // Ten to a row; each zone starts a new band of rows.
            let (x, y) = ((n - 1) % 10, position * 4 + (n - 1) / 10);
            with_tx!(tx, |conn| sqlx::query(
                "insert into unit (venue_id, zone_id, code, fee, electricity, grid_x, grid_y)
                 values ($1, $2, $3, $4, $5, $6, $7)"
            )
            .bind(venue_id)
            .bind(zone_id)
            .bind(format!("{prefix}-{n:02}"))
            .bind(fee)
            .bind(electricity)
            .bind(x)
            .bind(y)
            .execute(&mut **conn)
            .await
            .map(|_| ()))?;
            added += 1;
        }
    }
    Ok(added)
}
