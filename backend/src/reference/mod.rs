//! Reference data: Kota Kupang's 6 kecamatan and 51 kelurahan.

mod wilayah_file;

use serde::Serialize;

use crate::db::{Database, WriteTx};
use crate::error::Result;
use crate::{with_pool, with_tx};

pub use wilayah_file::{parse_wilayah, WilayahRow, KUPANG_WILAYAH};

/// A kecamatan with how many kelurahan it has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct KecamatanSummary {
    /// Stable key, e.g. `kelapa-lima`.
    pub slug: String,
    /// Display name, e.g. `Kelapa Lima`.
    pub name: String,
    /// Number of kelurahan in it.
    pub kelurahan_count: i64,
}

/// Every kecamatan, alphabetically, with its kelurahan count.
///
/// # Errors
/// When the database fails.
#[tracing::instrument(skip_all)]
pub async fn list_kecamatan(db: &Database) -> Result<Vec<KecamatanSummary>> {
    const SQL: &str = "select k.slug, k.name, count(l.kelurahan_id) as kelurahan_count
        from kecamatan k left join kelurahan l on l.kecamatan_id = k.kecamatan_id
        group by k.kecamatan_id, k.slug, k.name
        order by k.name";
    Ok(with_pool!(db, |pool| sqlx::query_as(SQL).fetch_all(pool).await)?)
}

/// How many rows a load added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadReport {
    /// New kecamatan rows.
    pub kecamatan: u64,
    /// New kelurahan rows.
    pub kelurahan: u64,
}

/// Adds the rows that are missing; rows already present are left untouched, so loading twice
/// changes nothing.
///
/// # Errors
/// When the database fails; the caller's transaction then saves nothing.
pub async fn load_wilayah(tx: &mut WriteTx, rows: &[WilayahRow]) -> Result<LoadReport> {
    const INSERT_KECAMATAN: &str =
        "insert into kecamatan (slug, name) values ($1, $2) on conflict (slug) do nothing";
    const INSERT_KELURAHAN: &str = "insert into kelurahan (kecamatan_id, name)
        select kecamatan_id, $2 from kecamatan where slug = $1
        on conflict (kecamatan_id, name) do nothing";
    let mut report = LoadReport::default();
    for row in rows {
        let slug = row.kecamatan_slug();
        report.kecamatan += with_tx!(tx, |conn| sqlx::query(INSERT_KECAMATAN)
            .bind(&slug)
            .bind(&row.kecamatan)
            .execute(&mut **conn)
            .await
            .map(|r| r.rows_affected()))?;
        report.kelurahan += with_tx!(tx, |conn| sqlx::query(INSERT_KELURAHAN)
            .bind(&slug)
            .bind(&row.kelurahan)
            .execute(&mut **conn)
            .await
            .map(|r| r.rows_affected()))?;
    }
    Ok(report)
}

/// A kelurahan with its kecamatan, for address choices.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct KelurahanChoice {
    /// Database id (what forms post).
    pub id: i64,
    /// Kelurahan name.
    pub name: String,
    /// Its kecamatan's name.
    pub kecamatan: String,
}

/// Every kelurahan, grouped by kecamatan, both alphabetically.
///
/// # Errors
/// When the database fails.
pub async fn list_kelurahan(db: &Database) -> Result<Vec<KelurahanChoice>> {
    const SQL: &str = "select l.kelurahan_id as id, l.name, k.name as kecamatan
        from kelurahan l join kecamatan k on k.kecamatan_id = l.kecamatan_id
        order by k.name, l.name";
    Ok(with_pool!(db, |pool| sqlx::query_as(SQL).fetch_all(pool).await)?)
}
