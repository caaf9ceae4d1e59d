//! `seed-demo`: the reference data every installation needs, plus demonstration records for
//! the features built so far. Idempotent: running it twice changes nothing.

use crate::db::Database;
use crate::error::Result;
use crate::reference::{self, LoadReport, KUPANG_WILAYAH};
use crate::with_pool;

/// What a seeding run added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SeedReport {
    /// Kecamatan and kelurahan added.
    pub wilayah: LoadReport,
}

impl SeedReport {
    /// Whether the run added nothing (the database was already seeded).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == SeedReport::default()
    }
}

/// Loads the reference and demo data in one transaction: all of it or none.
///
/// # Errors
/// When the database fails; nothing is then saved.
///
/// # Panics
/// Never in practice: the embedded reference file is checked by a unit test.
#[tracing::instrument(skip_all)]
pub async fn seed_demo(db: &Database) -> Result<SeedReport> {
    let rows = reference::parse_wilayah(KUPANG_WILAYAH)
        .unwrap_or_else(|line| panic!("embedded kupang-wilayah.csv is malformed at line {line}"));
    let mut tx = db.begin_write().await?;
    let wilayah = reference::load_wilayah(&mut tx, &rows).await?;
    tx.commit().await?;
    let report = SeedReport { wilayah };
    tracing::info!(kecamatan = wilayah.kecamatan, kelurahan = wilayah.kelurahan, "seeded");
    Ok(report)
}

/// Whether the database has never been seeded (the run command seeds it on first start).
///
/// # Errors
/// When the database fails.
pub async fn is_empty(db: &Database) -> Result<bool> {
    let seeded: bool =
        with_pool!(db, |pool| sqlx::query_scalar("select exists (select 1 from kecamatan)")
            .fetch_one(pool)
            .await)?;
    Ok(!seeded)
}
