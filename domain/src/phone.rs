//! Indonesian mobile numbers, as people type them and as we store them.
//!
//! People write `0812-3456-7890`, `62 812 3456 7890` or `+62 812-3456-7890`; all are the same
//! number and must find the same account, so every number is stored in E.164: `+6281234567890`.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Digits allowed after the country code 62 (the national number without its leading 0).
const NATIONAL_DIGITS: std::ops::RangeInclusive<usize> = 10..=13;

/// A normalised Indonesian mobile number in E.164 form (`+628…`).
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PhoneNumber(String);

/// Why a typed number is not an Indonesian mobile number. Each maps to a translated message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    /// Nothing was typed.
    #[error("phone number is empty")]
    Empty,
    /// Letters or symbols other than spaces, dashes, dots, brackets and a leading `+`.
    #[error("phone number has characters other than digits")]
    InvalidCharacters,
    /// Not `08…`, `628…` or `+628…`.
    #[error("not an Indonesian mobile number")]
    NotMobile,
    /// Too few digits.
    #[error("phone number is too short")]
    TooShort,
    /// Too many digits.
    #[error("phone number is too long")]
    TooLong,
}

impl PhoneNumber {
    /// Reads a number as a person typed it.
    ///
    /// # Errors
    /// [`PhoneError`] saying what is wrong.
    pub fn parse(input: &str) -> Result<PhoneNumber, PhoneError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(PhoneError::Empty);
        }
        let (plus, rest) = match trimmed.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (false, trimmed),
        };
        let mut digits = String::with_capacity(rest.len());
        for c in rest.chars() {
            match c {
                '0'..='9' => digits.push(c),
                ' ' | '-' | '.' | '(' | ')' | '\u{a0}' => {}
                _ => return Err(PhoneError::InvalidCharacters),
            }
        }
        let national = if let Some(after_country) = digits.strip_prefix("62") {
            after_country
        } else if !plus && digits.starts_with('0') {
            &digits[1..]
        } else {
            return Err(PhoneError::NotMobile);
        };
        if !national.starts_with('8') {
            return Err(PhoneError::NotMobile);
        }
        if national.len() < *NATIONAL_DIGITS.start() {
            return Err(PhoneError::TooShort);
        }
        if national.len() > *NATIONAL_DIGITS.end() {
            return Err(PhoneError::TooLong);
        }
        Ok(PhoneNumber(format!("+62{national}")))
    }

    /// The E.164 form, `+6281234567890`: what is stored and compared.
    #[must_use]
    pub fn e164(&self) -> &str {
        &self.0
    }

    /// The digits WhatsApp's click-to-chat links want: `6281234567890`.
    #[must_use]
    pub fn wa_me_digits(&self) -> &str {
        &self.0[1..]
    }

    /// The way people in Kupang write their number: `0812-3456-7890` (groups of four from the
    /// start, the remainder last).
    #[must_use]
    pub fn national(&self) -> String {
        let digits = format!("0{}", &self.0[3..]);
        let groups: Vec<&str> = digits
            .as_bytes()
            .chunks(4)
            .map(|chunk| std::str::from_utf8(chunk).unwrap_or_default())
            .collect();
        groups.join("-")
    }

    /// A form that reveals little in lists and logs: `+62812******90`.
    #[must_use]
    pub fn masked(&self) -> String {
        let visible_end = &self.0[self.0.len() - 2..];
        let hidden = self.0.len() - 6 - 2;
        format!("{}{}{visible_end}", &self.0[..6], "*".repeat(hidden))
    }
}

/// Debug shows the masked number: a phone number is personal data and must not reach logs.
impl fmt::Debug for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PhoneNumber({})", self.masked())
    }
}

impl TryFrom<String> for PhoneNumber {
    type Error = PhoneError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        PhoneNumber::parse(&value)
    }
}

impl From<PhoneNumber> for String {
    fn from(phone: PhoneNumber) -> String {
        phone.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_national_form_is_grouped_as_people_write_it() {
        let number = PhoneNumber::parse("+62 812 3456 7890").expect("valid");
        assert_eq!(number.national(), "0812-3456-7890");
        let short = PhoneNumber::parse("081234567891").expect("valid");
        assert_eq!(short.national(), "0812-3456-7891");
    }

    #[test]
    fn every_common_spelling_of_a_number_is_the_same_number() {
        for typed in [
            "0812-3456-7890",
            "081234567890",
            "62 812 3456 7890",
            "+62 812-3456-7890",
            "+6281234567890",
            "(0812) 3456.7890",
            " 0812 3456 7890 ",
        ] {
            assert_eq!(
                PhoneNumber::parse(typed).map(|p| p.e164().to_owned()),
                Ok("+6281234567890".into()),
                "{typed}"
            );
        }
    }

    #[test]
    fn landlines_and_foreign_numbers_are_not_mobile_numbers() {
        assert_eq!(PhoneNumber::parse("0380 821234"), Err(PhoneError::NotMobile));
        assert_eq!(PhoneNumber::parse("+60 12 345 6789"), Err(PhoneError::NotMobile));
        assert_eq!(PhoneNumber::parse("+0812345678901"), Err(PhoneError::NotMobile));
        assert_eq!(PhoneNumber::parse("812345678901"), Err(PhoneError::NotMobile));
    }

    #[test]
    fn letters_and_empty_input_are_refused() {
        assert_eq!(PhoneNumber::parse("0812-34x6-7890"), Err(PhoneError::InvalidCharacters));
        assert_eq!(PhoneNumber::parse("   "), Err(PhoneError::Empty));
    }

    #[test]
    fn numbers_outside_ten_to_thirteen_national_digits_are_refused() {
        assert_eq!(PhoneNumber::parse("0812-345-678"), Err(PhoneError::TooShort));
        assert!(PhoneNumber::parse("0812-3456-789").is_ok());
        assert!(PhoneNumber::parse("0812-3456-7890-12").is_ok());
        assert_eq!(PhoneNumber::parse("0812-3456-7890-123"), Err(PhoneError::TooLong));
    }

    #[test]
    fn debug_output_and_masking_hide_the_middle_digits() {
        let phone = PhoneNumber::parse("081234567890").unwrap();
        assert_eq!(phone.masked(), "+62812******90");
        assert!(!format!("{phone:?}").contains("34567"));
        assert_eq!(phone.wa_me_digits(), "6281234567890");
    }
}

#[cfg(test)]
mod proptests {
    use proptest::prelude::*;

    use super::*;

    /// A valid national number without its leading 0: `8` and 9 to 12 more digits.
    fn national() -> impl Strategy<Value = String> {
        "8[0-9]{9,12}"
    }

    /// The ways people start a number, and the separators they put between digits.
    fn prefix() -> impl Strategy<Value = &'static str> {
        proptest::sample::select(&["0", "62", "+62", "+62 ", "(0", "+62-", "62."][..])
    }

    fn separator() -> impl Strategy<Value = &'static str> {
        proptest::sample::select(&["", "", "", " ", "-", ".", "\u{a0}", "(", ")"][..])
    }

    /// `national` spelled with `prefix` and a separator after each digit, padded with blanks.
    fn spelled(national: &str, prefix: &str, separators: &[&str], pad: &str) -> String {
        let mut typed = format!("{pad}{prefix}");
        for (digit, separator) in national.chars().zip(separators.iter().cycle()) {
            typed.push(digit);
            typed.push_str(separator);
        }
        typed.push_str(pad);
        typed
    }

    proptest! {
        #[test]
        fn any_spelling_of_a_valid_number_is_the_same_e164_number(
            national in national(),
            prefix in prefix(),
            separators in proptest::collection::vec(separator(), 1..14),
            pad in "[ \t]{0,2}",
        ) {
            let typed = spelled(&national, prefix, &separators, &pad);
            let parsed = PhoneNumber::parse(&typed);
            prop_assert_eq!(parsed.map(|p| p.e164().to_owned()), Ok(format!("+62{national}")), "{:?}", typed);
        }

        #[test]
        fn every_form_we_show_reads_back_as_the_same_number(national in national()) {
            let number = PhoneNumber::parse(&format!("0{national}")).expect("valid");
            for shown in [number.national(), number.e164().to_owned(), number.wa_me_digits().to_owned()] {
                prop_assert_eq!(PhoneNumber::parse(&shown), Ok(number.clone()), "{}", shown);
            }
            // Only the operator prefix and the last two digits stay visible.
            let end = national.len() - 2;
            let masked = format!("+62{}{}{}", &national[..3], "*".repeat(end - 3), &national[end..]);
            prop_assert_eq!(number.masked(), masked);
        }

        #[test]
        fn arbitrary_text_never_panics_and_only_yields_e164_mobile_numbers(typed in "\\PC{0,24}") {
            if let Ok(number) = PhoneNumber::parse(&typed) {
                let e164 = number.e164();
                prop_assert!(e164.starts_with("+628"), "{e164}");
                prop_assert!((13..=16).contains(&e164.len()), "{e164}");
                prop_assert!(e164[1..].bytes().all(|b| b.is_ascii_digit()), "{e164}");
            }
        }

        #[test]
        fn number_like_text_never_panics(typed in "[0-9+ .()\u{a0}-]{0,24}") {
            let _ = PhoneNumber::parse(&typed);
        }
    }
}
