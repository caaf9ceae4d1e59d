//! Rupiah amounts. The rupiah has no minor unit in practice, so amounts are whole numbers and
//! never floating point; they are written the Indonesian way, `Rp1.250.000`, in both languages
//! because that is how prices appear on every sign at the market.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A whole number of Indonesian rupiah.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Rupiah(i64);

impl Rupiah {
    /// Zero rupiah, e.g. the fee of a SABOAK stall.
    pub const ZERO: Rupiah = Rupiah(0);

    /// An amount of whole rupiah.
    #[must_use]
    pub const fn new(amount: i64) -> Rupiah {
        Rupiah(amount)
    }

    /// The amount as a plain integer, as it is stored in the database.
    #[must_use]
    pub const fn amount(self) -> i64 {
        self.0
    }

    /// Adds two amounts, or `None` on overflow (never silently wraps money).
    #[must_use]
    pub fn checked_add(self, other: Rupiah) -> Option<Rupiah> {
        self.0.checked_add(other.0).map(Rupiah)
    }
}

impl fmt::Display for Rupiah {
    /// `Rp15.000`, `Rp1.250.000`, `-Rp5.000`: a dot groups thousands.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.0.unsigned_abs().to_string();
        let sign = if self.0 < 0 { "-" } else { "" };
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push('.');
            }
            grouped.push(digit);
        }
        write!(f, "{sign}Rp{grouped}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped_with_dots() {
        assert_eq!(Rupiah::new(15_000).to_string(), "Rp15.000");
        assert_eq!(Rupiah::new(1_250_000).to_string(), "Rp1.250.000");
        assert_eq!(Rupiah::new(100_000_000).to_string(), "Rp100.000.000");
    }

    #[test]
    fn small_and_zero_amounts_have_no_separator() {
        assert_eq!(Rupiah::ZERO.to_string(), "Rp0");
        assert_eq!(Rupiah::new(500).to_string(), "Rp500");
        assert_eq!(Rupiah::new(1_000).to_string(), "Rp1.000");
    }

    #[test]
    fn negative_amounts_put_the_sign_before_the_currency() {
        assert_eq!(Rupiah::new(-5_000).to_string(), "-Rp5.000");
        assert_eq!(Rupiah::new(i64::MIN).to_string(), "-Rp9.223.372.036.854.775.808");
    }

    #[test]
    fn addition_refuses_to_overflow() {
        assert_eq!(Rupiah::new(1).checked_add(Rupiah::new(2)), Some(Rupiah::new(3)));
        assert_eq!(Rupiah::new(i64::MAX).checked_add(Rupiah::new(1)), None);
    }
}
