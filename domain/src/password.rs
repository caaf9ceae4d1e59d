//! Password rules (OWASP ASVS 5.0 §6.2): 8 to 128 characters, anything allowed, and not one of
//! the passwords attackers try first. No composition rules: they make passwords harder to
//! remember, not harder to guess.

/// The shortest password accepted, in characters.
pub const MIN_CHARS: usize = 8;
/// The longest password accepted, in characters (bounds the hashing work per request).
pub const MAX_CHARS: usize = 128;

const COMMON: &str = include_str!("../data/common-passwords.txt");

/// Why a new password is refused. Each maps to a translated message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    /// Fewer than [`MIN_CHARS`] characters.
    #[error("password is too short")]
    TooShort,
    /// More than [`MAX_CHARS`] characters.
    #[error("password is too long")]
    TooLong,
    /// On the shipped list of common passwords.
    #[error("password is too common")]
    TooCommon,
}

/// Checks a new password against the rules. Existing passwords are never re-checked: a login
/// compares hashes only.
///
/// # Errors
/// The first rule the password breaks.
pub fn check_new_password(password: &str) -> Result<(), PasswordError> {
    let chars = password.chars().count();
    if chars < MIN_CHARS {
        return Err(PasswordError::TooShort);
    }
    if chars > MAX_CHARS {
        return Err(PasswordError::TooLong);
    }
    if is_common(password) {
        return Err(PasswordError::TooCommon);
    }
    Ok(())
}

fn is_common(password: &str) -> bool {
    let lowered = password.to_lowercase();
    COMMON.lines().filter(|line| !line.starts_with('#')).any(|line| line == lowered)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_to_one_hundred_twenty_eight_characters_are_accepted() {
        assert_eq!(check_new_password("tenun-ikat"), Ok(()));
        assert_eq!(check_new_password(&"x".repeat(MAX_CHARS)), Ok(()));
        assert_eq!(check_new_password("sei babi"), Ok(()));
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        // Seven characters, fourteen bytes: still too short.
        assert_eq!(check_new_password("ééééééé"), Err(PasswordError::TooShort));
        assert_eq!(check_new_password(&"é".repeat(MAX_CHARS)), Ok(()));
        assert_eq!(check_new_password(&"é".repeat(MAX_CHARS + 1)), Err(PasswordError::TooLong));
    }

    #[test]
    fn common_passwords_are_refused_whatever_their_case() {
        for common in ["password", "12345678", "Bismillah", "SAYANG123", "indonesia"] {
            assert_eq!(check_new_password(common), Err(PasswordError::TooCommon), "{common}");
        }
    }

    #[test]
    fn the_shipped_list_has_no_blank_or_uppercase_entries() {
        let entries: Vec<_> = COMMON.lines().filter(|l| !l.starts_with('#')).collect();
        assert!(entries.len() > 100, "{}", entries.len());
        assert!(entries.iter().all(|e| !e.is_empty() && *e == e.to_lowercase() && e.trim() == *e));
    }
}
