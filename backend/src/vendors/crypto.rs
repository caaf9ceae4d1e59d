//! Encryption of NIKs at rest (AES-256-GCM) and the keyed hash that finds duplicates.
//!
//! Keys come from configuration, never from the database. Each ciphertext records the id of
//! the key that made it, so a new key can be introduced while old rows are still readable;
//! `pasar-purna rotate-data-key` then re-encrypts every row with the new key.

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine as _;
use domain::nik::Nik;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// A 256-bit key with the id stored beside what it encrypted.
#[derive(Clone)]
pub struct DataKey {
    id: String,
    cipher: Aes256Gcm,
}

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DataKey({})", self.id)
    }
}

/// Why a key setting is unusable (never echoes the key).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// Not `id:base64`.
    #[error(
        "a key must be written id:base64 (e.g. k2026:…), with a short id of letters and digits"
    )]
    Format,
    /// The base64 part is not 32 bytes.
    #[error("a key must be 32 random bytes in base64 (openssl rand -base64 32)")]
    Length,
}

fn decode_32(text: &str) -> Result<[u8; 32], KeyError> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(text.trim())
        .map_err(|_| KeyError::Length)?;
    bytes.try_into().map_err(|_| KeyError::Length)
}

impl DataKey {
    /// Reads `id:base64`.
    ///
    /// # Errors
    /// [`KeyError`].
    pub fn parse(setting: &str) -> Result<DataKey, KeyError> {
        let (id, key) = setting.trim().split_once(':').ok_or(KeyError::Format)?;
        if id.is_empty() || id.len() > 16 || !id.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(KeyError::Format);
        }
        let key = decode_32(key)?;
        Ok(DataKey { id: id.to_owned(), cipher: Aes256Gcm::new(&key.into()) })
    }

    /// The key's id.
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }
}

/// The keys in force.
#[derive(Clone, Debug)]
pub struct PersonalDataKeys {
    current: DataKey,
    previous: Vec<DataKey>,
    hash_key: HashKey,
}

#[derive(Clone)]
struct HashKey([u8; 32]);

impl std::fmt::Debug for HashKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("HashKey(…)")
    }
}

/// A decryption that failed: wrong key, unknown key id, or damaged data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("personal data could not be decrypted")]
pub struct DecryptError;

impl PersonalDataKeys {
    /// Keys from configuration: the current key, older keys still needed to read old rows,
    /// and the hash key (base64, 32 bytes).
    ///
    /// # Errors
    /// [`KeyError`] for a malformed setting.
    pub fn new(current: DataKey, previous: Vec<DataKey>, hash_key: &str) -> Result<Self, KeyError> {
        Ok(PersonalDataKeys { current, previous, hash_key: HashKey(decode_32(hash_key)?) })
    }

    /// Fixed keys for development and tests only: anyone can read data they encrypted. The
    /// server refuses them in production mode.
    #[must_use]
    pub fn insecure_development_keys() -> PersonalDataKeys {
        PersonalDataKeys {
            current: DataKey { id: "dev".to_owned(), cipher: Aes256Gcm::new(&[7u8; 32].into()) },
            previous: Vec::new(),
            hash_key: HashKey([11u8; 32]),
        }
    }

    /// The id of the key new data is encrypted with.
    #[must_use]
    pub fn current_id(&self) -> &str {
        &self.current.id
    }

    /// Encrypts `plaintext` with the current key: `(base64(nonce ‖ ciphertext), key id)`.
    ///
    /// # Panics
    /// Never in practice: AES-GCM encryption of a short text in memory cannot fail.
    #[must_use]
    pub fn encrypt(&self, plaintext: &str) -> (String, String) {
        let mut nonce = [0u8; 12];
        // A fresh random 96-bit nonce per value; with at most millions of values per key the
        // collision risk is negligible.
        getrandom::fill(&mut nonce).expect("the operating system's random source works");
        let sealed = self
            .current
            .cipher
            .encrypt(Nonce::from_slice(&nonce), plaintext.as_bytes())
            .expect("AES-GCM encryption does not fail in memory");
        let mut stored = nonce.to_vec();
        stored.extend_from_slice(&sealed);
        (base64::engine::general_purpose::STANDARD.encode(stored), self.current.id.clone())
    }

    /// Decrypts what [`encrypt`](Self::encrypt) stored, with the key it names.
    ///
    /// # Errors
    /// [`DecryptError`] for an unknown key id or tampered data.
    pub fn decrypt(&self, stored: &str, key_id: &str) -> Result<String, DecryptError> {
        let key = std::iter::once(&self.current)
            .chain(&self.previous)
            .find(|k| k.id == key_id)
            .ok_or(DecryptError)?;
        let bytes =
            base64::engine::general_purpose::STANDARD.decode(stored).map_err(|_| DecryptError)?;
        if bytes.len() < 12 {
            return Err(DecryptError);
        }
        let (nonce, sealed) = bytes.split_at(12);
        let plain =
            key.cipher.decrypt(Nonce::from_slice(nonce), sealed).map_err(|_| DecryptError)?;
        String::from_utf8(plain).map_err(|_| DecryptError)
    }

    /// The keyed hash (HMAC-SHA-256) of a NIK: equal NIKs give equal hashes, and without the
    /// key nobody can test guesses against it (there are only ~10^10 plausible NIKs).
    #[must_use]
    pub fn nik_hash(&self, nik: &Nik) -> String {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.hash_key.0)
            .expect("HMAC takes keys of any length");
        mac.update(nik.expose_digits().as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> PersonalDataKeys {
        PersonalDataKeys::insecure_development_keys()
    }

    #[test]
    fn what_is_encrypted_decrypts_and_never_repeats() {
        let (first, id) = keys().encrypt("5371010101800001");
        let (second, _) = keys().encrypt("5371010101800001");
        assert_ne!(first, second, "a fresh nonce each time");
        assert!(!first.contains("5371010101800001"));
        assert_eq!(keys().decrypt(&first, &id).as_deref(), Ok("5371010101800001"));
    }

    #[test]
    fn tampered_data_or_an_unknown_key_is_refused() {
        let (stored, id) = keys().encrypt("5371010101800001");
        let mut bytes = base64::engine::general_purpose::STANDARD.decode(&stored).expect("b64");
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        let tampered = base64::engine::general_purpose::STANDARD.encode(bytes);
        assert_eq!(keys().decrypt(&tampered, &id), Err(DecryptError));
        assert_eq!(keys().decrypt(&stored, "other"), Err(DecryptError));
    }

    #[test]
    fn rows_of_an_older_key_stay_readable_after_a_new_key_comes_in() {
        let old = DataKey::parse(&format!(
            "k1:{}",
            base64::engine::general_purpose::STANDARD.encode([1u8; 32])
        ))
        .expect("key");
        let new = DataKey::parse(&format!(
            "k2:{}",
            base64::engine::general_purpose::STANDARD.encode([2u8; 32])
        ))
        .expect("key");
        let hash = base64::engine::general_purpose::STANDARD.encode([3u8; 32]);
        let before = PersonalDataKeys::new(old.clone(), vec![], &hash).expect("keys");
        let (stored, id) = before.encrypt("5371010101800001");
        let after = PersonalDataKeys::new(new, vec![old], &hash).expect("keys");
        assert_eq!(after.decrypt(&stored, &id).as_deref(), Ok("5371010101800001"));
        assert_eq!(after.current_id(), "k2");
    }

    #[test]
    fn malformed_key_settings_are_refused() {
        assert_eq!(DataKey::parse("no-colon").err(), Some(KeyError::Format));
        assert_eq!(DataKey::parse("k1:c2hvcnQ=").err(), Some(KeyError::Length));
        assert_eq!(DataKey::parse("bad id!:AAAA").err(), Some(KeyError::Format));
    }

    #[test]
    fn the_same_nik_has_the_same_keyed_hash_and_another_key_gives_another() {
        let nik = Nik::parse("5371010101800001").expect("valid");
        assert_eq!(keys().nik_hash(&nik), keys().nik_hash(&nik));
        let other = PersonalDataKeys::new(
            keys().current,
            vec![],
            &base64::engine::general_purpose::STANDARD.encode([9u8; 32]),
        )
        .expect("keys");
        assert_ne!(keys().nik_hash(&nik), other.nik_hash(&nik));
    }
}
