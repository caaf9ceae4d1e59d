//! NIK, the 16-digit national identity number on the KTP card, and NIB, the 13-digit business
//! identification number from the OSS system.
//!
//! A NIK is personal data: this type never prints it (not in `Debug`, not in errors) and has
//! no `Serialize`; only [`Nik::masked`] is meant for screens. It is checked for shape only —
//! whether it really belongs to the person is the Dinas's check, with the KTP in hand.

use std::fmt;

/// Province codes in use (the first two digits of every NIK), including the Papua provinces
/// created in 2022.
const PROVINCES: &[u8] = &[
    11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65,
    71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96,
];

/// A NIK of plausible shape.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Nik(String);

/// Why a typed NIK was refused. Each maps to a translated message; none carries the digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NikError {
    /// Nothing typed.
    #[error("NIK is empty")]
    Empty,
    /// Not exactly 16 digits (spaces and dots are allowed and ignored).
    #[error("NIK must have 16 digits")]
    Length,
    /// Characters other than digits, spaces and dots.
    #[error("NIK has characters other than digits")]
    Characters,
    /// The first two digits are no Indonesian province.
    #[error("NIK region code is not a province")]
    Region,
    /// Digits 7–12 are not a date (day 01–31 or 41–71, month 01–12).
    #[error("NIK birth-date part is not a date")]
    BirthDate,
    /// The last four digits are 0000.
    #[error("NIK serial is zero")]
    Serial,
}

fn digits_of(input: &str, allowed_len: usize) -> Result<String, (bool, bool)> {
    let trimmed = input.trim();
    if trimmed.chars().any(|c| !(c.is_ascii_digit() || c == ' ' || c == '.' || c == '-')) {
        return Err((false, true));
    }
    let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
    if digits.len() == allowed_len {
        Ok(digits)
    } else {
        Err((digits.is_empty(), false))
    }
}

fn two(digits: &str, at: usize) -> u8 {
    digits[at..at + 2].parse().unwrap_or(0)
}

impl Nik {
    /// Reads a NIK as typed (`5371 0101 8000 0001`, `5371.010180.0001`).
    ///
    /// # Errors
    /// [`NikError`] saying what is wrong.
    pub fn parse(input: &str) -> Result<Nik, NikError> {
        let digits = match digits_of(input, 16) {
            Ok(digits) => digits,
            Err((_, true)) => return Err(NikError::Characters),
            Err((true, false)) => return Err(NikError::Empty),
            Err((false, false)) => return Err(NikError::Length),
        };
        if !PROVINCES.contains(&two(&digits, 0)) || two(&digits, 2) == 0 {
            return Err(NikError::Region);
        }
        let day = match two(&digits, 6) {
            d @ 41..=71 => d - 40,
            d => d,
        };
        let month = two(&digits, 8);
        let year = two(&digits, 10);
        let is_date = time::Month::try_from(month).ok().is_some_and(|month| {
            // Two-digit years: both centuries share the same calendar check except for 29 Feb,
            // where either century's leap year is accepted.
            [1900 + i32::from(year), 2000 + i32::from(year)]
                .into_iter()
                .any(|y| time::Date::from_calendar_date(y, month, day).is_ok())
        });
        if !is_date {
            return Err(NikError::BirthDate);
        }
        if &digits[12..] == "0000" {
            return Err(NikError::Serial);
        }
        Ok(Nik(digits))
    }

    /// The 16 digits, for encryption and the keyed duplicate hash. Never for display or logs.
    #[must_use]
    pub fn expose_digits(&self) -> &str {
        &self.0
    }

    /// The form shown on screens: region code and last four digits, `5371********0001`.
    #[must_use]
    pub fn masked(&self) -> String {
        format!("{}********{}", &self.0[..4], &self.0[12..])
    }

    /// Whether the birth-date part marks a woman (40 added to the day).
    #[must_use]
    pub fn is_female(&self) -> bool {
        two(&self.0, 6) > 40
    }
}

impl fmt::Debug for Nik {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Nik({})", self.masked())
    }
}

/// A 13-digit NIB.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Nib(String);

/// Why a typed NIB was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NibError {
    /// Not exactly 13 digits.
    #[error("NIB must have 13 digits")]
    Length,
    /// Characters other than digits and spaces.
    #[error("NIB has characters other than digits")]
    Characters,
}

impl Nib {
    /// Reads a NIB as typed; spaces are ignored.
    ///
    /// # Errors
    /// [`NibError`] saying what is wrong.
    pub fn parse(input: &str) -> Result<Nib, NibError> {
        match digits_of(input, 13) {
            Ok(digits) => Ok(Nib(digits)),
            Err((_, true)) => Err(NibError::Characters),
            Err(_) => Err(NibError::Length),
        }
    }

    /// The 13 digits.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kupang_nik_is_read_in_any_grouping() {
        let nik = Nik::parse("5371 0101 0180 0001").expect("valid");
        assert_eq!(nik.expose_digits(), "5371010101800001");
        assert_eq!(Nik::parse("537101.010180.0001").expect("valid"), nik);
        assert!(!nik.is_female());
    }

    #[test]
    fn a_womans_birth_day_has_forty_added() {
        let nik = Nik::parse("5371044508900002").expect("valid: 5 August 1990, woman");
        assert!(nik.is_female());
        assert_eq!(Nik::parse("5371047208900002"), Err(NikError::BirthDate), "day 32 is no day");
    }

    #[test]
    fn implausible_niks_are_refused_with_the_reason() {
        assert_eq!(Nik::parse(""), Err(NikError::Empty));
        assert_eq!(Nik::parse("537101018000001"), Err(NikError::Length));
        assert_eq!(Nik::parse("53710101018000012"), Err(NikError::Length));
        assert_eq!(Nik::parse("5371O10101800001"), Err(NikError::Characters));
        assert_eq!(Nik::parse("9971010101800001"), Err(NikError::Region));
        assert_eq!(Nik::parse("5300010101800001"), Err(NikError::Region));
        assert_eq!(Nik::parse("5371013201800001"), Err(NikError::BirthDate), "day 32");
        assert_eq!(Nik::parse("5371013013800001"), Err(NikError::BirthDate), "month 13");
        assert_eq!(Nik::parse("5371013002800001"), Err(NikError::BirthDate), "30 February");
        assert_eq!(Nik::parse("5371010101800000"), Err(NikError::Serial));
    }

    #[test]
    fn the_29th_of_february_needs_a_leap_year_in_either_century() {
        assert!(Nik::parse("5371012902000001").is_ok(), "2000 is a leap year");
        assert_eq!(Nik::parse("5371012902010001"), Err(NikError::BirthDate));
    }

    #[test]
    fn screens_and_logs_see_only_the_masked_nik() {
        let nik = Nik::parse("5371010101800001").expect("valid");
        assert_eq!(nik.masked(), "5371********0001");
        assert_eq!(format!("{nik:?}"), "Nik(5371********0001)");
    }

    #[test]
    fn a_nib_has_thirteen_digits() {
        assert_eq!(Nib::parse("1234 5678 90123").expect("valid").as_str(), "1234567890123");
        assert_eq!(Nib::parse("123456789012"), Err(NibError::Length));
        assert_eq!(Nib::parse("12345678901x3"), Err(NibError::Characters));
    }
}

#[cfg(test)]
mod proptests {
    use proptest::prelude::*;

    use super::*;

    /// A NIK of valid shape: province, regency 01–99, district, birth date (40 added to the
    /// day for a woman; days up to 28 so every month has them), serial 0001–9999.
    fn valid_nik() -> impl Strategy<Value = (String, bool)> {
        (
            proptest::sample::select(PROVINCES),
            1..=99u8,
            0..=99u8,
            1..=28u8,
            any::<bool>(),
            1..=12u8,
            0..=99u8,
            1..=9999u16,
        )
            .prop_map(|(province, regency, district, day, female, month, year, serial)| {
                let day = if female { day + 40 } else { day };
                let digits = format!(
                    "{province:02}{regency:02}{district:02}{day:02}{month:02}{year:02}{serial:04}"
                );
                (digits, female)
            })
    }

    proptest! {
        #[test]
        fn a_valid_nik_typed_with_any_spaces_dots_or_dashes_reads_as_its_digits(
            (digits, female) in valid_nik(),
            separators in proptest::collection::vec(
                proptest::sample::select(&["", "", " ", ".", "-"][..]), 16),
        ) {
            let typed: String = digits
                .chars()
                .zip(&separators)
                .flat_map(|(digit, separator)| std::iter::once(digit).chain(separator.chars()))
                .collect();
            let nik = Nik::parse(&typed).expect("a valid NIK");
            prop_assert_eq!(nik.expose_digits(), digits.as_str());
            prop_assert_eq!(nik.is_female(), female);
            let debug = format!("{nik:?}");
            prop_assert!(!debug.contains(&digits[4..12]), "{}", debug);
        }

        #[test]
        fn arbitrary_text_never_panics_and_only_yields_sixteen_digits(typed in "\\PC{0,24}") {
            if let Ok(nik) = Nik::parse(&typed) {
                prop_assert_eq!(nik.expose_digits().len(), 16);
                prop_assert!(nik.expose_digits().bytes().all(|b| b.is_ascii_digit()));
            }
            if let Ok(nib) = Nib::parse(&typed) {
                prop_assert_eq!(nib.as_str().len(), 13);
            }
        }

        #[test]
        fn digit_like_text_never_panics(typed in "[0-9 .-]{0,24}") {
            let _ = Nik::parse(&typed);
            let _ = Nib::parse(&typed);
        }
    }
}
