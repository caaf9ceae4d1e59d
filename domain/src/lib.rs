//! Pasar Purna's business rules, shared by the server and the browser.
//!
//! Nothing in here performs I/O, so every rule can be unit-tested in isolation and compiled
//! to WebAssembly, where the same validation runs in the browser as on the server.

pub mod access;
pub mod allocation;
pub mod application;
pub mod application_form;
pub mod booking;
pub mod category_form;
pub mod listing;
pub mod locale;
pub mod login_id;
pub mod market;
pub mod money;
pub mod nik;
pub mod notice;
pub mod password;
pub mod permission;
pub mod phone;
pub mod product_form;
pub mod shop;
pub mod vendor;
pub mod venue;
pub mod wita;

pub use access::Denied;
pub use locale::Locale;
pub use login_id::LoginId;
pub use money::Rupiah;
pub use permission::{ActiveVendor, Actor, Need, Permission, Role};
pub use phone::PhoneNumber;
