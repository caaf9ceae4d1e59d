//! Password hashing with Argon2id at the OWASP parameters (m = 19 MiB, t = 2, p = 1).
//!
//! Each hash takes ~19 MiB and tens of milliseconds of CPU, so it runs on the blocking pool,
//! never on the async runtime, and a semaphore caps how many run at once: a burst of logins
//! queues instead of exhausting memory (cap × 19 MiB at most).

use std::sync::Arc;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use tokio::sync::{OnceCell, Semaphore};

/// OWASP password storage cheat sheet, Argon2id option 2: 19 MiB, 2 iterations, 1 lane.
const MEMORY_KIB: u32 = 19_456;
const ITERATIONS: u32 = 2;
const LANES: u32 = 1;

/// Why hashing failed: never the user's fault.
#[derive(Debug, thiserror::Error)]
pub enum HashError {
    /// The Argon2 library refused (bad parameters or a corrupt stored hash).
    #[error("password hashing failed: {0}")]
    Argon2(String),
    /// The blocking task died.
    #[error("password hashing task failed")]
    Join(#[from] tokio::task::JoinError),
}

/// Hashes and verifies passwords, at most `max_concurrent` at a time.
#[derive(Clone, Debug)]
pub struct PasswordHasher {
    permits: Arc<Semaphore>,
    /// A hash of a random password, verified against when an account does not exist, so that
    /// "no such account" takes as long as "wrong password".
    decoy: Arc<OnceCell<String>>,
}

fn argon2() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, ITERATIONS, LANES, None)
        .unwrap_or_else(|e| unreachable!("constant Argon2 parameters are valid: {e}"));
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

impl PasswordHasher {
    /// A hasher running at most `max_concurrent` hashes at once (at least one).
    #[must_use]
    pub fn new(max_concurrent: usize) -> PasswordHasher {
        PasswordHasher {
            permits: Arc::new(Semaphore::new(max_concurrent.max(1))),
            decoy: Arc::new(OnceCell::new()),
        }
    }

    /// Hashes a new password into a PHC string with a fresh random salt.
    ///
    /// # Errors
    /// [`HashError`] when Argon2 or the blocking pool fails.
    pub async fn hash(&self, password: String) -> Result<String, HashError> {
        let _permit = self.permits.acquire().await.map_err(|e| HashError::Argon2(e.to_string()))?;
        tokio::task::spawn_blocking(move || {
            let salt = SaltString::generate(&mut OsRng);
            argon2()
                .hash_password(password.as_bytes(), &salt)
                .map(|hash| hash.to_string())
                .map_err(|e| HashError::Argon2(e.to_string()))
        })
        .await?
    }

    /// Whether `password` matches the stored PHC string.
    ///
    /// # Errors
    /// [`HashError`] when the stored hash is corrupt or the blocking pool fails.
    pub async fn verify(&self, password: String, stored: String) -> Result<bool, HashError> {
        let _permit = self.permits.acquire().await.map_err(|e| HashError::Argon2(e.to_string()))?;
        tokio::task::spawn_blocking(move || {
            let parsed =
                PasswordHash::new(&stored).map_err(|e| HashError::Argon2(e.to_string()))?;
            Ok(argon2().verify_password(password.as_bytes(), &parsed).is_ok())
        })
        .await?
    }

    /// Spends the same effort as [`PasswordHasher::verify`] and answers `false`: used when the
    /// account does not exist, so timing does not reveal which accounts do.
    ///
    /// # Errors
    /// As [`PasswordHasher::verify`].
    pub async fn verify_decoy(&self, password: String) -> Result<bool, HashError> {
        let decoy = self
            .decoy
            .get_or_try_init(|| async {
                let random = SaltString::generate(&mut OsRng).to_string();
                self.hash(random).await
            })
            .await?
            .clone();
        self.verify(password, decoy).await.map(|_| false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let hasher = PasswordHasher::new(2);
        let hash = hasher.hash("tenun ikat".into()).await.unwrap();

        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
        assert!(hasher.verify("tenun ikat".into(), hash.clone()).await.unwrap());
        assert!(!hasher.verify("tenun-ikat".into(), hash).await.unwrap());
    }

    #[tokio::test]
    async fn the_same_password_gets_a_different_salt_each_time() {
        let hasher = PasswordHasher::new(2);
        let first = hasher.hash("sambal lu'at".into()).await.unwrap();
        let second = hasher.hash("sambal lu'at".into()).await.unwrap();
        assert_ne!(first, second);
    }

    #[tokio::test]
    async fn the_decoy_never_matches() {
        let hasher = PasswordHasher::new(1);
        assert!(!hasher.verify_decoy("anything at all".into()).await.unwrap());
    }
}
