//! The Pasar Purna server: configuration, HTTP router and start-up, as a library so that the
//! integration tests can build the very same router in-process.

pub mod admin;
pub mod auth;
pub mod authz;
pub mod config;
pub mod error;
pub mod form_data;
pub mod jobs;
pub mod mail;
pub mod pages;
pub mod router;
pub mod routes;
pub mod security;
pub mod startup;
pub mod telemetry;
pub mod upload_budget;
pub mod verify_round;

pub use config::Config;
pub use router::{router, ServerState};
