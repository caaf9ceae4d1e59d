//! Key rotation: re-encrypts every stored NIK that was encrypted with an older key, so the
//! older key can then be retired from the configuration.

use super::crypto::PersonalDataKeys;
use crate::db::Database;
use crate::error::Error;
use crate::{with_pool, with_tx};

/// How many NIKs a rotation re-encrypted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RotationReport {
    /// Rows re-encrypted with the current key.
    pub reencrypted: u64,
}

/// Re-encrypts, in one transaction, every NIK not yet under the current key.
///
/// # Errors
/// When the database fails, or a NIK cannot be decrypted with any configured key (then
/// nothing is changed: add the missing key to `PASAR_DATA_KEYS_PREVIOUS` and run again).
pub async fn reencrypt_with_current_key(
    db: &Database,
    keys: &PersonalDataKeys,
) -> Result<RotationReport, Error> {
    let rows: Vec<(i64, String, String)> = with_pool!(db, |pool| sqlx::query_as(
        "select application_id, nik_ciphertext, nik_key_id from vendor_application
         where nik_ciphertext is not null and nik_key_id <> $1"
    )
    .bind(keys.current_id())
    .fetch_all(pool)
    .await)?;
    let mut tx = db.begin_write().await?;
    let mut report = RotationReport::default();
    for (id, ciphertext, key_id) in rows {
        let nik = keys.decrypt(&ciphertext, &key_id).map_err(|_| {
            Error::Corrupt(format!("application {id}: no configured key {key_id} decrypts its NIK"))
        })?;
        let (fresh, current) = keys.encrypt(&nik);
        with_tx!(&mut tx, |conn| {
            sqlx::query(
            "update vendor_application set nik_ciphertext = $1, nik_key_id = $2 where application_id = $3"
        )
        .bind(&fresh)
        .bind(&current)
        .bind(id)
        .execute(&mut **conn)
        .await
        .map(|_| ())
        })?;
        report.reencrypted += 1;
    }
    tx.commit().await?;
    Ok(report)
}
