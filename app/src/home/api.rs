//! Server fns of the home page. Access level of each is stated on it; all are thin.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// A kecamatan as the home page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KecamatanCard {
    /// Stable key, e.g. `kelapa-lima`.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// Number of kelurahan in it.
    pub kelurahan_count: i64,
}

/// Kota Kupang's kecamatan with their kelurahan counts.
///
/// Access: public (reference data, nothing personal).
#[server(prefix = "/api", endpoint = "home/kecamatan")]
pub async fn list_kecamatan() -> Result<Vec<KecamatanCard>, AppError> {
    crate::auth::require(domain::Need::Public)?;
    let state = expect_context::<backend::AppState>();
    let rows = state.catalogue.kecamatan(&state.db).await?;
    Ok(rows
        .iter()
        .map(|row| KecamatanCard {
            slug: row.slug.clone(),
            name: row.name.clone(),
            kelurahan_count: row.kelurahan_count,
        })
        .collect())
}
