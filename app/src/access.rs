//! Every page and server fn with its declared access level. The server's inventory test fails
//! when a route or server fn is missing here, and proves each non-public one refuses anonymous
//! and lower-role callers. Declaring is not enforcing: each page and server fn still calls
//! [`crate::auth::require`] (or a shorthand) first.

use domain::Access;

/// Pages, by route pattern as Leptos lists them.
pub const PAGES: &[(&str, Access)] = &[
    ("/", Access::Public),
    ("/cari", Access::Public),
    ("/kategori/{slug}", Access::Public),
    ("/daftar", Access::Public),
    ("/masuk", Access::Public),
    ("/lupa-sandi", Access::Public),
    ("/atur-sandi", Access::Public),
    ("/akun", Access::Account),
    ("/admin/kategori", Access::Admin),
    ("/admin/pengguna", Access::Admin),
    ("/admin/pengguna/{id}", Access::Admin),
    ("/pengajuan", Access::Account),
    ("/pengajuan/{step}", Access::Account),
    ("/admin/pengajuan", Access::Admin),
    ("/admin/pengajuan/{id}", Access::Admin),
    ("/pelapak/{slug}", Access::Public),
    ("/privasi", Access::Public),
    ("/produk/{id}", Access::Public),
    ("/lapak", Access::Account),
    ("/lapak/produk/{id}", Access::Account),
];

/// Server fns, by path.
pub const SERVER_FNS: &[(&str, Access)] = &[
    ("/api/home/kecamatan", Access::Public),
    ("/api/account/reset-link", Access::Public),
    ("/api/account/overview", Access::Account),
    ("/api/admin/accounts", Access::Admin),
    ("/api/admin/categories", Access::Admin),
    ("/api/admin/account", Access::Admin),
    ("/api/apply/mine", Access::Account),
    ("/api/apply/wilayah", Access::Public),
    ("/api/review/queue", Access::Admin),
    ("/api/review/detail", Access::Admin),
    ("/api/vendors/profile", Access::Public),
    ("/api/products/one", Access::Public),
    ("/api/products/search", Access::Public),
    ("/api/products/vendor", Access::Public),
    ("/api/products/newest", Access::Public),
    ("/api/products/categories", Access::Public),
    ("/api/products/own", Access::Account),
];
