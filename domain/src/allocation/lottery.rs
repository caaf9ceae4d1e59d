//! The lottery that breaks ties, made so that nobody can steer it and everyone can check it.
//!
//! When a round opens, the office draws a random 32-byte [`Seed`] and publishes only its
//! [`Commitment`], the SHA-256 of the seed. At allocation the seed is revealed. Each vendor's
//! [`Ticket`] for a market day is `SHA-256(seed ‖ "|" ‖ YYYY-MM-DD ‖ "|" ‖ vendor id)`, lower
//! first. Because the commitment came before the requests, the office could not have picked a
//! seed that favours anyone; because tickets are plain SHA-256, anyone can recompute them
//! with any tool (`printf` and `sha256sum` will do).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest, Sha256};
use time::Date;

use super::serde_date::iso;

/// The round's secret until allocation: 32 random bytes, written as 64 hex digits.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Seed([u8; 32]);

/// SHA-256 of a seed, written as 64 hex digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Commitment([u8; 32]);

/// A vendor's lottery ticket for a market day; lower is served first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ticket([u8; 32]);

impl Seed {
    /// A seed from its bytes (the backend draws them from the system's randomness).
    #[must_use]
    pub const fn from_bytes(bytes: [u8; 32]) -> Seed {
        Seed(bytes)
    }

    /// The commitment to publish when the round opens.
    #[must_use]
    pub fn commitment(&self) -> Commitment {
        Commitment(Sha256::digest(self.0).into())
    }

    /// The ticket of `vendor` for `day`.
    #[must_use]
    pub fn ticket(&self, day: Date, vendor: i64) -> Ticket {
        let mut hash = Sha256::new();
        hash.update(self.0);
        hash.update(format!("|{}|{vendor}", iso(day)).as_bytes());
        Ticket(hash.finalize().into())
    }

    /// The seed as 64 hex digits.
    #[must_use]
    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }

    /// A seed from 64 hex digits.
    #[must_use]
    pub fn from_hex(text: &str) -> Option<Seed> {
        parse_hex(text).map(Seed)
    }
}

/// Never printed by accident before it is revealed: a log line shows only the commitment.
impl fmt::Debug for Seed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Seed(committed as {})", self.commitment().to_hex())
    }
}

impl Commitment {
    /// The commitment as 64 hex digits.
    #[must_use]
    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }

    /// A commitment from 64 hex digits.
    #[must_use]
    pub fn from_hex(text: &str) -> Option<Commitment> {
        parse_hex(text).map(Commitment)
    }
}

impl Ticket {
    /// The ticket as 64 hex digits (for the published inputs).
    #[must_use]
    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }
}

fn parse_hex(text: &str) -> Option<[u8; 32]> {
    let bytes = hex::decode(text.trim()).ok()?;
    bytes.try_into().ok()
}

macro_rules! hex_serde {
    ($type:ty, $from:path, $what:literal) => {
        impl Serialize for $type {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.to_hex())
            }
        }

        impl<'de> Deserialize<'de> for $type {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                $from(&text).ok_or_else(|| {
                    serde::de::Error::custom(concat!("a ", $what, " is 64 hex digits"))
                })
            }
        }
    };
}

hex_serde!(Seed, Seed::from_hex, "seed");
hex_serde!(Commitment, Commitment::from_hex, "commitment");

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    #[test]
    fn the_commitment_is_the_sha256_of_the_seed_bytes() {
        // SHA-256 of 32 zero bytes, as `head -c 32 /dev/zero | sha256sum` prints it.
        let zero = Seed::from_bytes([0; 32]);
        assert_eq!(
            zero.commitment().to_hex(),
            "66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925"
        );
    }

    #[test]
    fn a_ticket_is_the_sha256_of_seed_day_and_vendor() {
        let seed = Seed::from_bytes([7; 32]);
        let mut expected = Sha256::new();
        expected.update([7u8; 32]);
        expected.update(b"|2026-12-05|42");
        let expected: [u8; 32] = expected.finalize().into();
        assert_eq!(seed.ticket(date!(2026 - 12 - 05), 42), Ticket(expected));
        assert_ne!(seed.ticket(date!(2026 - 12 - 05), 42), seed.ticket(date!(2026 - 12 - 06), 42));
    }

    #[test]
    fn a_seed_reads_back_from_its_hex_and_never_prints_itself() {
        let seed = Seed::from_bytes([0xab; 32]);
        assert_eq!(Seed::from_hex(&seed.to_hex()), Some(seed));
        assert_eq!(Seed::from_hex("abc"), None);
        assert!(!format!("{seed:?}").contains("abab"), "{seed:?}");
    }
}
