//! HTTP handlers that are not Leptos pages, each feature with its route table: path, method,
//! what the caller needs, handler. The router mounts exactly these tables and puts each
//! route's need in front of its handler ([`crate::authz::enforce`]); the inventory test reads
//! the same tables.

pub mod account;
pub mod admin_users;
pub mod apply;
pub mod assets;
pub mod categories;
pub mod discovery;
pub mod health;
pub mod language;
pub mod notices;
pub mod photos;
pub mod products;
pub mod review;
pub mod shop;
pub mod shop_photo;

use axum::http::Method;
use axum::routing::MethodRouter;
use domain::Need;

use crate::ServerState;

/// One declared route.
pub struct Endpoint {
    /// The axum path pattern (`/admin/pengajuan/{id}/nik`).
    pub path: &'static str,
    /// GET or POST.
    pub method: Method,
    /// What the caller needs; enforced by the router before the handler runs.
    pub need: Need,
    /// The handler, with any body limit of its own.
    pub handler: MethodRouter<ServerState>,
}

impl Endpoint {
    /// A form post.
    pub fn post<H, T>(path: &'static str, need: Need, handler: H) -> Endpoint
    where
        H: axum::handler::Handler<T, ServerState>,
        T: 'static,
    {
        Endpoint { path, method: Method::POST, need, handler: axum::routing::post(handler) }
    }

    /// A GET handler.
    pub fn get<H, T>(path: &'static str, need: Need, handler: H) -> Endpoint
    where
        H: axum::handler::Handler<T, ServerState>,
        T: 'static,
    {
        Endpoint { path, method: Method::GET, need, handler: axum::routing::get(handler) }
    }

    /// The same route accepting bodies up to `bytes` (uploads).
    #[must_use]
    pub fn body_limit(mut self, bytes: usize) -> Endpoint {
        self.handler = self.handler.layer(axum::extract::DefaultBodyLimit::max(bytes));
        self
    }
}

impl std::fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Endpoint")
            .field("path", &self.path)
            .field("method", &self.method)
            .field("need", &self.need)
            .finish_non_exhaustive()
    }
}

/// Every declared route of every feature.
#[must_use]
pub fn table() -> Vec<Endpoint> {
    [
        health::endpoints(),
        language::endpoints(),
        account::endpoints(),
        admin_users::endpoints(),
        apply::endpoints(),
        review::endpoints(),
        products::endpoints(),
        shop::endpoints(),
        notices::endpoints(),
        photos::endpoints(),
        categories::endpoints(),
        discovery::endpoints(),
    ]
    .into_iter()
    .flatten()
    .collect()
}
