//! HTTP handlers that are not Leptos pages.

pub mod assets;
pub mod health;
pub mod language;
