//! Accounts: register, log in, the account page (password, sessions), password reset.

use leptos::prelude::*;

pub mod api;
mod login;
pub mod messages;
mod register;
mod reset;
mod settings;

pub use login::LoginPage;
pub use register::RegisterPage;
pub use reset::{ForgotPasswordPage, ResetPasswordPage};
pub use settings::AccountPage;

/// Form names, so a page with several forms shows each refusal next to the right one.
pub mod form {
    /// `/daftar`.
    pub const REGISTER: &str = "register";
    /// `/masuk`.
    pub const LOGIN: &str = "login";
    /// The password change on `/akun`.
    pub const CHANGE_PASSWORD: &str = "change-password";
    /// `/atur-sandi`.
    pub const RESET_PASSWORD: &str = "reset-password";
    /// `/lupa-sandi`.
    pub const FORGOT_PASSWORD: &str = "forgot-password";
}

/// Whether this installation can mail reset links (SMTP configured); provided by the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmailReset(pub bool);

/// Reads `lanjut` (where to go after logging in) from the query, if it is a local path.
#[must_use]
pub fn next_from_query() -> String {
    let next = leptos_router::hooks::use_query_map()
        .with_untracked(|q| q.get("lanjut").unwrap_or_default());
    domain::access::safe_next_path(&next).unwrap_or_default().to_owned()
}

/// Reads the `selesai` marker a successful post redirects with, as a notice's catalogue key.
/// Only known markers are shown, so a link cannot make the page say anything else.
#[must_use]
pub fn done_notice() -> Option<&'static str> {
    let done = leptos_router::hooks::use_query_map()
        .with_untracked(|q| q.get("selesai").unwrap_or_default());
    match done.as_str() {
        "daftar" => Some("account-notice-registered"),
        "sandi" => Some("account-notice-password-changed"),
        "sandi-baru" => Some("auth-notice-password-reset"),
        "keluar" => Some("auth-notice-logged-out"),
        "keluar-semua" => Some("auth-notice-logged-out-everywhere"),
        "email" => Some("auth-notice-reset-mailed"),
        "terkirim" => Some("apply-notice-submitted"),
        "hapus-diminta" => Some("apply-notice-erasure-requested"),
        "ajukan-lagi" => Some("apply-notice-started-again"),
        "produk" => Some("shop-notice-saved"),
        "profil" => Some("shop-notice-profile"),
        "profil-ditinjau" => Some("shop-notice-profile-review"),
        "foto-lapak" => Some("shop-notice-shop-photo"),
        "produk-dihapus" => Some("shop-notice-deleted"),
        "foto" => Some("shop-notice-photos"),
        "kategori" => Some("admin-categories-saved"),
        _ => None,
    }
}
