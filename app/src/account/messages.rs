//! Catalogue keys for every way an account form can be refused. Shared by the pages and the
//! server handlers that fill in [`crate::forms::FormFeedback`].

use domain::login_id::LoginIdError;
use domain::password::PasswordError;
use domain::phone::PhoneError;

/// The message for a login (phone or email) that cannot be read.
#[must_use]
pub const fn login_error_key(error: LoginIdError) -> &'static str {
    match error {
        LoginIdError::Empty | LoginIdError::InvalidPhone(PhoneError::Empty) => {
            "auth-error-login-empty"
        }
        LoginIdError::InvalidEmail => "auth-error-email-invalid",
        LoginIdError::InvalidPhone(PhoneError::NotMobile) => "auth-error-phone-not-mobile",
        LoginIdError::InvalidPhone(PhoneError::TooShort | PhoneError::TooLong) => {
            "auth-error-phone-length"
        }
        LoginIdError::InvalidPhone(PhoneError::InvalidCharacters) => "auth-error-phone-characters",
    }
}

/// The message for a new password that breaks a rule.
#[must_use]
pub const fn password_error_key(error: PasswordError) -> &'static str {
    match error {
        PasswordError::TooShort => "auth-error-password-short",
        PasswordError::TooLong => "auth-error-password-long",
        PasswordError::TooCommon => "auth-error-password-common",
    }
}

/// Wrong password or unknown account: one message, so it does not reveal who has an account.
pub const CREDENTIALS_KEY: &str = "auth-error-credentials";
/// Too many failed attempts; takes a `minutes` argument.
pub const THROTTLED_KEY: &str = "auth-error-throttled";
/// The number or address is already registered.
pub const TAKEN_KEY: &str = "auth-error-login-taken";
/// The login typed is longer than any real one.
pub const LOGIN_TOO_LONG_KEY: &str = "auth-error-login-long";
/// The current password given on the account page is wrong.
pub const CURRENT_PASSWORD_KEY: &str = "auth-error-current-password";
/// A reset link that is unknown, expired, revoked or used.
pub const RESET_LINK_KEY: &str = "auth-error-reset-link";
/// The service failed; try again.
pub const UNAVAILABLE_KEY: &str = "form-error-unavailable";
/// The address typed on the forgotten-password form is not an email address.
pub const EMAIL_INVALID_KEY: &str = "auth-error-email-invalid";
/// Email reset is not configured on this installation.
pub const EMAIL_RESET_OFF_KEY: &str = "auth-error-email-reset-off";
