//! What a person types to log in: an Indonesian mobile number or an email address.

use std::fmt;

use crate::phone::{PhoneError, PhoneNumber};

/// The longest email address accepted (RFC 5321's path limit).
pub const MAX_EMAIL_CHARS: usize = 254;

/// A normalised login: the same number or address in any spelling is the same `LoginId`.
#[derive(Clone, PartialEq, Eq, Hash)]
pub enum LoginId {
    /// A mobile number in E.164.
    Phone(PhoneNumber),
    /// An email address, lowercased.
    Email(String),
}

/// Why a typed login is not usable. Each maps to a translated message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LoginIdError {
    /// Nothing was typed.
    #[error("login is empty")]
    Empty,
    /// It has an `@` but is not a plausible email address.
    #[error("not an email address")]
    InvalidEmail,
    /// It is meant as a phone number but is not a valid one.
    #[error("invalid phone number: {0}")]
    InvalidPhone(PhoneError),
}

impl LoginId {
    /// The stored form: E.164 for a phone number, the lowercased address for an email.
    #[must_use]
    pub fn normalised(&self) -> &str {
        match self {
            LoginId::Phone(phone) => phone.e164(),
            LoginId::Email(email) => email,
        }
    }

    /// Reads a login as typed: anything with an `@` is an email address, the rest a phone number.
    ///
    /// # Errors
    /// [`LoginIdError`] saying what is wrong.
    pub fn parse(input: &str) -> Result<LoginId, LoginIdError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(LoginIdError::Empty);
        }
        if trimmed.contains('@') {
            return parse_email(trimmed).map(LoginId::Email);
        }
        PhoneNumber::parse(trimmed).map(LoginId::Phone).map_err(LoginIdError::InvalidPhone)
    }
}

/// Debug never prints the login itself: it is personal data.
impl fmt::Debug for LoginId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoginId::Phone(phone) => write!(f, "LoginId::Phone({})", phone.masked()),
            LoginId::Email(_) => f.write_str("LoginId::Email([redacted])"),
        }
    }
}

fn parse_email(text: &str) -> Result<String, LoginIdError> {
    let valid = text.chars().count() <= MAX_EMAIL_CHARS
        && !text.chars().any(|c| c.is_whitespace() || c.is_control())
        && text.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains("..")
        });
    if valid {
        Ok(text.to_lowercase())
    } else {
        Err(LoginIdError::InvalidEmail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_with_an_at_sign_is_an_email_in_lowercase() {
        assert_eq!(
            LoginId::parse(" Ibu.Maria@Contoh.co.id "),
            Ok(LoginId::Email("ibu.maria@contoh.co.id".into()))
        );
    }

    #[test]
    fn anything_else_is_read_as_a_phone_number() {
        let phone = LoginId::parse("0812-3456-7890").unwrap();
        assert_eq!(phone, LoginId::parse("+62 812 3456 7890").unwrap());
        assert_eq!(
            LoginId::parse("0380 821234"),
            Err(LoginIdError::InvalidPhone(PhoneError::NotMobile))
        );
    }

    #[test]
    fn implausible_email_addresses_are_refused() {
        for bad in [
            "@contoh.id",
            "maria@",
            "maria@contoh",
            "maria@@contoh.id",
            "ma ria@contoh.id",
            "maria@contoh..id",
        ] {
            assert_eq!(LoginId::parse(bad), Err(LoginIdError::InvalidEmail), "{bad}");
        }
        let long = format!("{}@contoh.id", "a".repeat(MAX_EMAIL_CHARS));
        assert_eq!(LoginId::parse(&long), Err(LoginIdError::InvalidEmail));
    }

    #[test]
    fn debug_output_hides_the_login() {
        let email = LoginId::parse("maria@contoh.id").unwrap();
        assert!(!format!("{email:?}").contains("maria"));
        let phone = LoginId::parse("081234567890").unwrap();
        assert!(!format!("{phone:?}").contains("34567"));
    }
}

#[cfg(test)]
mod proptests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn an_email_address_is_the_same_login_in_any_letter_case(
            local in "[a-zA-Z0-9._+-]{1,20}",
            domain in "[a-zA-Z0-9-]{1,15}(\\.[a-zA-Z]{2,6}){1,2}",
        ) {
            let address = format!("{local}@{domain}");
            let lower = LoginId::parse(&address.to_ascii_lowercase());
            prop_assert!(lower.is_ok(), "{:?}", address);
            prop_assert_eq!(LoginId::parse(&address.to_ascii_uppercase()), lower.clone());
            prop_assert_eq!(LoginId::parse(&format!(" {address}\t")), lower);
        }

        #[test]
        fn a_phone_login_is_the_phone_number(national in "8[0-9]{9,12}") {
            let login = LoginId::parse(&format!("0{national}")).expect("valid");
            prop_assert_eq!(login.normalised(), format!("+62{national}"));
        }

        #[test]
        fn arbitrary_text_never_panics_and_never_debug_prints_an_email(typed in "\\PC{0,40}") {
            if let Ok(login) = LoginId::parse(&typed) {
                if let LoginId::Email(address) = &login {
                    prop_assert_eq!(address, &address.to_lowercase());
                    let debug = format!("{login:?}");
                    prop_assert!(!debug.contains(address.as_str()), "{}", debug);
                }
            }
        }
    }
}
