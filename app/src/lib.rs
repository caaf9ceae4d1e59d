//! Pasar Purna's user interface.
//!
//! Pages are rendered on the server and work as plain HTML forms and links; a few *islands*
//! add JavaScript enhancements on top, so the browser downloads only those (see
//! docs/ARCHITECTURE.md for the measurement behind islands mode). Modules are split by
//! feature; each feature's `#[server]` fns sit next to its pages and stay thin.

pub mod access;
pub mod account;
pub mod admin;
pub mod apply;
pub mod audit;
pub mod auth;
pub mod clock;
pub mod error;
pub mod forms;
pub mod head;
pub mod home;
pub mod i18n;
pub mod islands;
pub mod layout;
pub mod notices;
pub mod products;
pub mod review;
mod routes;
pub mod search;
mod shell;
pub mod vendors;

pub use routes::App;
pub use shell::{shell, Assets};

/// `scheme://host[:port]` of the public URL, for canonical links and shared messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicOrigin(pub String);

/// Entry point of the browser bundle: wakes up the islands in the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // No panic hook: its formatting machinery would add ~15 KB to every phone's download, and
    // with panic=abort a panic shows as a plain `unreachable` trap in the console anyway.
    leptos::mount::hydrate_islands();
}
