//! Products a vendor lists: units, availability and the rules for each field, shared by the
//! browser and the server.

use serde::{Deserialize, Serialize};

use crate::vendor::{Checker, Problem};
use crate::Rupiah;

/// What a price is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Unit {
    /// Per piece.
    Piece,
    /// Per kilogram.
    Kilogram,
    /// Per ons (100 g), how meat and se'i are sold at the market.
    Ons,
    /// Per bottle.
    Bottle,
    /// Per pack.
    Pack,
    /// Per portion.
    Portion,
    /// Per sheet of cloth (a tenun).
    Sheet,
    /// Per job (services).
    Job,
}

impl Unit {
    /// Every unit, in the order forms list them.
    pub const ALL: [Unit; 8] = [
        Unit::Piece,
        Unit::Kilogram,
        Unit::Ons,
        Unit::Bottle,
        Unit::Pack,
        Unit::Portion,
        Unit::Sheet,
        Unit::Job,
    ];

    /// The stored and form value.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Unit::Piece => "pcs",
            Unit::Kilogram => "kg",
            Unit::Ons => "ons",
            Unit::Bottle => "botol",
            Unit::Pack => "bungkus",
            Unit::Portion => "porsi",
            Unit::Sheet => "lembar",
            Unit::Job => "pekerjaan",
        }
    }

    /// Reads a stored or posted value.
    #[must_use]
    pub fn from_str_value(value: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| u.as_str() == value)
    }
}

/// Whether a product can be had now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Availability {
    /// Ready to buy.
    Ready,
    /// Made to order, ready after this many days.
    PreOrder(i32),
    /// Sold out for now.
    SoldOut,
}

impl Availability {
    /// The pre-order lead time in days (`None` unless made to order).
    #[must_use]
    pub const fn lead_days(self) -> Option<i32> {
        match self {
            Availability::PreOrder(days) => Some(days),
            _ => None,
        }
    }

    /// The stored kind (`ready`, `preorder`, `sold_out`).
    #[must_use]
    pub const fn kind(self) -> &'static str {
        match self {
            Availability::Ready => "ready",
            Availability::PreOrder(_) => "preorder",
            Availability::SoldOut => "sold_out",
        }
    }

    /// Rebuilds from the stored kind and lead time.
    #[must_use]
    pub fn from_db(kind: &str, lead_days: Option<i64>) -> Option<Availability> {
        match kind {
            "ready" => Some(Availability::Ready),
            "preorder" => Some(Availability::PreOrder(i32::try_from(lead_days.unwrap_or(1)).ok()?)),
            "sold_out" => Some(Availability::SoldOut),
            _ => None,
        }
    }
}

/// Longest accepted lengths and bounds.
pub mod limits {
    /// Product name, in characters.
    pub const NAME: usize = 80;
    /// Description, in characters.
    pub const DESCRIPTION: usize = 1500;
    /// The lowest price (whole rupiah).
    pub const MIN_PRICE: i64 = 100;
    /// The highest price: no market product costs more than a hundred million rupiah.
    pub const MAX_PRICE: i64 = 100_000_000;
    /// Longest pre-order lead time, in days.
    pub const MAX_LEAD_DAYS: i32 = 60;
    /// Photos per product.
    pub const PHOTOS: usize = 6;
}

/// Whether `slug` can name a category in addresses: 2–40 of `a-z`, `0-9` and inner dashes.
#[must_use]
pub fn is_category_slug(slug: &str) -> bool {
    (2..=40).contains(&slug.len())
        && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
}

/// Widths of the stored variants of every photo, in pixels: a phone list (400), a phone
/// product page (800) and a desktop or zoomed view (1600).
pub const PHOTO_WIDTHS: [u32; 3] = [400, 800, 1600];

/// The variant widths of a photo whose largest variant is `largest` pixels wide: the standard
/// widths below it, then its own (a 700-px photo is never scaled up to 800).
#[must_use]
pub fn photo_widths(largest: u32) -> Vec<u32> {
    let mut widths: Vec<u32> = PHOTO_WIDTHS.iter().copied().filter(|&w| w < largest).collect();
    widths.push(largest.min(PHOTO_WIDTHS[PHOTO_WIDTHS.len() - 1]));
    widths
}

/// Where one variant of a stored photo is served.
#[must_use]
pub fn photo_url(key: &str, width: u32) -> String {
    format!("/foto/{key}/{width}.webp")
}

/// Reads a price as people type it: `15000`, `15.000`, `Rp 15.000`.
///
/// # Errors
/// [`Problem::Required`] when empty, [`Problem::OutOfRange`]-like bounds through
/// [`PriceError`] otherwise.
pub fn parse_price(input: &str) -> Result<Rupiah, PriceError> {
    let trimmed = input.trim();
    let without_currency =
        trimmed.strip_prefix("Rp").or_else(|| trimmed.strip_prefix("rp")).unwrap_or(trimmed).trim();
    if without_currency.is_empty() {
        return Err(PriceError::Empty);
    }
    if !without_currency.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ' ') {
        return Err(PriceError::NotANumber);
    }
    let digits: String = without_currency.chars().filter(char::is_ascii_digit).collect();
    let amount: i64 = digits.parse().map_err(|_| PriceError::OutOfRange)?;
    if !(limits::MIN_PRICE..=limits::MAX_PRICE).contains(&amount) {
        return Err(PriceError::OutOfRange);
    }
    Ok(Rupiah::new(amount))
}

/// Why a price was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PriceError {
    /// Nothing typed.
    #[error("price is empty")]
    Empty,
    /// Letters or a decimal comma.
    #[error("price is not a whole number")]
    NotANumber,
    /// Zero, negative-looking, or absurdly high.
    #[error("price out of range")]
    OutOfRange,
}

impl Checker {
    /// A price in whole rupiah, required.
    pub fn price(&mut self, field: &'static str, value: &str) -> Option<Rupiah> {
        match parse_price(value) {
            Ok(price) => Some(price),
            Err(PriceError::Empty) => {
                self.issues.push(crate::vendor::FieldIssue { field, problem: Problem::Required });
                None
            }
            Err(_) => {
                let max = i32::try_from(limits::MAX_PRICE).unwrap_or(i32::MAX);
                let min = i32::try_from(limits::MIN_PRICE).unwrap_or(1);
                self.issues.push(crate::vendor::FieldIssue {
                    field,
                    problem: Problem::OutOfRange(min, max),
                });
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn category_slugs_are_address_safe() {
        assert!(super::is_category_slug("tenun-fesyen"));
        assert!(!super::is_category_slug("Tenun"));
        assert!(!super::is_category_slug("a"));
        assert!(!super::is_category_slug("-x-"));
        assert!(!super::is_category_slug("../x"));
    }

    #[test]
    fn small_photos_are_never_scaled_up() {
        assert_eq!(super::photo_widths(1600), [400, 800, 1600]);
        assert_eq!(super::photo_widths(700), [400, 700]);
        assert_eq!(super::photo_widths(240), [240]);
        assert_eq!(super::photo_url("ab", 800), "/foto/ab/800.webp");
    }

    use super::*;

    #[test]
    fn prices_are_read_as_people_write_them() {
        assert_eq!(parse_price("15000"), Ok(Rupiah::new(15_000)));
        assert_eq!(parse_price("15.000"), Ok(Rupiah::new(15_000)));
        assert_eq!(parse_price("Rp 1.250.000"), Ok(Rupiah::new(1_250_000)));
    }

    #[test]
    fn empty_zero_decimal_and_absurd_prices_are_refused() {
        assert_eq!(parse_price(" "), Err(PriceError::Empty));
        assert_eq!(parse_price("0"), Err(PriceError::OutOfRange));
        assert_eq!(parse_price("-5000"), Err(PriceError::NotANumber));
        assert_eq!(parse_price("15,5"), Err(PriceError::NotANumber));
        assert_eq!(parse_price("100000001"), Err(PriceError::OutOfRange));
        assert_eq!(parse_price("99999999999999999999999"), Err(PriceError::OutOfRange));
    }

    #[test]
    fn stored_values_round_trip() {
        for unit in Unit::ALL {
            assert_eq!(Unit::from_str_value(unit.as_str()), Some(unit));
        }
        for availability in [Availability::Ready, Availability::PreOrder(3), Availability::SoldOut]
        {
            let lead = match availability {
                Availability::PreOrder(days) => Some(i64::from(days)),
                _ => None,
            };
            assert_eq!(Availability::from_db(availability.kind(), lead), Some(availability));
        }
    }
}
