//! Password hashing with Argon2id at the OWASP parameters (m = 19 MiB, t = 2, p = 1).
//!
//! Each hash takes ~19 MiB and tens of milliseconds of CPU, so it never runs on the async
//! runtime. It runs on a small, fixed set of worker threads, each owning one 19 MiB work area
//! that it reuses for every hash: a burst of logins waits in the queue instead of growing
//! memory. (Allocating per hash, as `Argon2::hash_password` does, let glibc keep a freed
//! 19 MiB block per thread: measured 236 MiB peak for 50 logins one at a time on tokio's
//! blocking pool, 1 GiB eight at a time.)

use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use tokio::sync::{oneshot, OnceCell};

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
    /// The worker threads are gone (the process is shutting down).
    #[error("password hashing workers stopped")]
    WorkersStopped,
}

/// Work for a hashing thread, given that thread's reusable work area.
type Job = Box<dyn FnOnce(&mut Vec<Block>) + Send>;

/// Hashes and verifies passwords on `max_concurrent` dedicated threads.
#[derive(Clone, Debug)]
pub struct PasswordHasher {
    jobs: mpsc::Sender<Job>,
    /// A hash of a random password, verified against when an account does not exist, so that
    /// "no such account" takes as long as "wrong password".
    decoy: Arc<OnceCell<String>>,
}

fn params() -> Params {
    Params::new(MEMORY_KIB, ITERATIONS, LANES, None)
        .unwrap_or_else(|e| unreachable!("constant Argon2 parameters are valid: {e}"))
}

fn argon2_error(error: impl std::fmt::Display) -> HashError {
    HashError::Argon2(error.to_string())
}

/// Grows the work area if a stored hash used more memory than the current parameters.
fn work_area<'m>(memory: &'m mut Vec<Block>, params: &Params) -> &'m mut [Block] {
    if memory.len() < params.block_count() {
        memory.resize(params.block_count(), Block::default());
    }
    &mut memory[..params.block_count()]
}

/// The raw Argon2 output for `password` and `salt` under `algorithm`, `version` and `params`,
/// computed in `memory` (grown if these parameters need more than it has).
fn compute(
    memory: &mut Vec<Block>,
    argon: (Algorithm, Version, &Params),
    password: &[u8],
    salt: argon2::password_hash::Salt<'_>,
    output_len: usize,
) -> Result<Output, HashError> {
    let (algorithm, version, params) = argon;
    let mut salt_bytes = [0u8; 64];
    let salt_bytes = salt.decode_b64(&mut salt_bytes).map_err(argon2_error)?;
    let mut output = vec![0u8; output_len];
    Argon2::new(algorithm, version, params.clone())
        .hash_password_into_with_memory(
            password,
            salt_bytes,
            &mut output,
            work_area(memory, params),
        )
        .map_err(argon2_error)?;
    Output::new(&output).map_err(argon2_error)
}

/// Hashes with a fresh salt into a PHC string, in `memory`.
fn hash_in(memory: &mut Vec<Block>, password: &[u8]) -> Result<String, HashError> {
    let params = params();
    let salt = SaltString::generate(&mut OsRng);
    let argon = (Algorithm::Argon2id, Version::V0x13, &params);
    let output = compute(memory, argon, password, salt.as_salt(), Params::DEFAULT_OUTPUT_LEN)?;
    let phc = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).map_err(argon2_error)?,
        salt: Some(salt.as_salt()),
        hash: Some(output),
    };
    Ok(phc.to_string())
}

/// Recomputes a stored PHC hash (with its own parameters, so older hashes keep working) in
/// `memory`, and compares in constant time.
fn verify_in(memory: &mut Vec<Block>, password: &[u8], stored: &str) -> Result<bool, HashError> {
    let parsed = PasswordHash::new(stored).map_err(argon2_error)?;
    let algorithm = Algorithm::try_from(parsed.algorithm).map_err(argon2_error)?;
    let version =
        parsed.version.map_or(Ok(Version::V0x13), Version::try_from).map_err(argon2_error)?;
    let params = Params::try_from(&parsed).map_err(argon2_error)?;
    let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else {
        return Err(HashError::Argon2("stored hash lacks salt or output".into()));
    };
    let output = compute(memory, (algorithm, version, &params), password, salt, expected.len())?;
    // Output's equality is constant-time.
    Ok(output == expected)
}

impl PasswordHasher {
    /// A hasher with `max_concurrent` worker threads (at least one). The threads live as long
    /// as any clone of the hasher.
    #[must_use]
    pub fn new(max_concurrent: usize) -> PasswordHasher {
        let (jobs, queue) = mpsc::channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        for index in 0..max_concurrent.max(1) {
            let queue = Arc::clone(&queue);
            let spawned =
                std::thread::Builder::new().name(format!("argon2-{index}")).spawn(move || {
                    let mut memory = Vec::new();
                    loop {
                        // The lock is held only while taking a job, not while running it.
                        let job = match queue.lock() {
                            Ok(receiver) => receiver.recv(),
                            Err(_) => return,
                        };
                        match job {
                            Ok(job) => job(&mut memory),
                            Err(_) => return, // every sender dropped: the hasher is gone
                        }
                    }
                });
            if let Err(error) = spawned {
                tracing::error!(%error, "could not start a password hashing thread");
            }
        }
        PasswordHasher { jobs, decoy: Arc::new(OnceCell::new()) }
    }

    /// Runs `work` on a hashing thread and awaits its answer without blocking the runtime.
    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Vec<Block>) -> Result<T, HashError> + Send + 'static,
    ) -> Result<T, HashError> {
        let (answer, answered) = oneshot::channel();
        let job: Job = Box::new(move |memory| {
            let _ = answer.send(work(memory));
        });
        self.jobs.send(job).map_err(|_| HashError::WorkersStopped)?;
        answered.await.map_err(|_| HashError::WorkersStopped)?
    }

    /// Hashes a new password into a PHC string with a fresh random salt.
    ///
    /// # Errors
    /// [`HashError`] when Argon2 fails or the workers are gone.
    pub async fn hash(&self, password: String) -> Result<String, HashError> {
        self.run(move |memory| hash_in(memory, password.as_bytes())).await
    }

    /// Whether `password` matches the stored PHC string.
    ///
    /// # Errors
    /// [`HashError`] when the stored hash is corrupt or the workers are gone.
    pub async fn verify(&self, password: String, stored: String) -> Result<bool, HashError> {
        self.run(move |memory| verify_in(memory, password.as_bytes(), &stored)).await
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
    async fn hashes_from_the_standard_argon2_api_verify_and_vice_versa() {
        use argon2::password_hash::{PasswordHasher as _, PasswordVerifier as _};
        let hasher = PasswordHasher::new(1);
        let standard = Argon2::new(Algorithm::Argon2id, Version::V0x13, params());
        let theirs = standard
            .hash_password(b"kopi bajawa", &SaltString::generate(&mut OsRng))
            .unwrap()
            .to_string();
        let ours = hasher.hash("kopi bajawa".into()).await.unwrap();

        assert!(hasher.verify("kopi bajawa".into(), theirs).await.unwrap());
        assert!(standard
            .verify_password(b"kopi bajawa", &PasswordHash::new(&ours).unwrap())
            .is_ok());
    }

    #[tokio::test]
    async fn a_corrupt_stored_hash_is_an_error_not_a_match() {
        let hasher = PasswordHasher::new(1);
        assert!(hasher.verify("x".into(), "$argon2id$v=19$garbage".into()).await.is_err());
    }

    #[tokio::test]
    async fn the_decoy_never_matches() {
        let hasher = PasswordHasher::new(1);
        assert!(!hasher.verify_decoy("anything at all".into()).await.unwrap());
    }
}
