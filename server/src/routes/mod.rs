//! HTTP handlers that are not Leptos pages.

pub mod account;
pub mod admin_users;
pub mod apply;
pub mod assets;
pub mod categories;
pub mod discovery;
pub mod health;
pub mod language;
pub mod photos;
pub mod products;
pub mod review;
