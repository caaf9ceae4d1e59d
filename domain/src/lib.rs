//! Pasar Purna's business rules, shared by the server and the browser.
//!
//! Nothing in here performs I/O, so every rule can be unit-tested in isolation and compiled
//! to WebAssembly, where the same validation runs in the browser as on the server.

pub mod locale;
pub mod market;
pub mod money;
pub mod password;
pub mod phone;
pub mod wita;

pub use locale::Locale;
pub use money::Rupiah;
pub use phone::PhoneNumber;
