//! Every page and server fn with what it needs ([`Need`]). The server's inventory test fails
//! when a route or server fn is missing here, and proves for each non-public one that
//! anonymous callers get 401 and every role without the permission 403. Server fns are also
//! refused by the server's guard before their arguments are read; pages and server fns still
//! call [`crate::auth::require`] (or a shorthand) first, for the viewer they act for.

use domain::Need;
use domain::Permission::{
    ApplyAsVendor, EraseApplicantData, ManageCategories, ManageUsers, ReviewApplications,
    ViewAuditLog,
};

const PUBLIC: Need = Need::Public;
const LOGGED_IN: Need = Need::LoggedIn;
const fn needs(permission: domain::Permission) -> Need {
    Need::Permission(permission)
}

/// Pages, by route pattern as Leptos lists them.
pub const PAGES: &[(&str, Need)] = &[
    ("/", PUBLIC),
    ("/cari", PUBLIC),
    ("/kategori/{slug}", PUBLIC),
    ("/daftar", PUBLIC),
    ("/masuk", PUBLIC),
    ("/lupa-sandi", PUBLIC),
    ("/atur-sandi", PUBLIC),
    ("/akun", LOGGED_IN),
    ("/notifikasi", LOGGED_IN),
    ("/admin/kategori", needs(ManageCategories)),
    ("/admin/pengguna", needs(ManageUsers)),
    ("/admin/pengguna/{id}", needs(ManageUsers)),
    ("/pengajuan", needs(ApplyAsVendor)),
    ("/pengajuan/{step}", needs(ApplyAsVendor)),
    ("/admin/pengajuan", needs(ReviewApplications)),
    ("/admin/pengajuan/{id}", needs(ReviewApplications)),
    ("/admin/penghapusan", needs(EraseApplicantData)),
    ("/admin/audit", needs(ViewAuditLog)),
    ("/pelapak", PUBLIC),
    ("/pelapak/{slug}", PUBLIC),
    ("/privasi", PUBLIC),
    ("/produk/{id}", PUBLIC),
    ("/lapak", LOGGED_IN),
    ("/lapak/produk/{id}", LOGGED_IN),
];

/// Server fns, by path.
pub const SERVER_FNS: &[(&str, Need)] = &[
    ("/api/home/kecamatan", PUBLIC),
    ("/api/account/reset-link", PUBLIC),
    ("/api/account/overview", LOGGED_IN),
    ("/api/notices/mine", LOGGED_IN),
    ("/api/admin/accounts", needs(ManageUsers)),
    ("/api/admin/categories", needs(ManageCategories)),
    ("/api/admin/account", needs(ManageUsers)),
    ("/api/apply/mine", needs(ApplyAsVendor)),
    ("/api/apply/wilayah", PUBLIC),
    ("/api/review/queue", needs(ReviewApplications)),
    ("/api/review/detail", needs(ReviewApplications)),
    ("/api/review/erasures", needs(EraseApplicantData)),
    ("/api/admin/audit", needs(ViewAuditLog)),
    ("/api/vendors/profile", PUBLIC),
    ("/api/vendors/directory", PUBLIC),
    ("/api/products/one", PUBLIC),
    ("/api/products/search", PUBLIC),
    ("/api/products/vendor", PUBLIC),
    ("/api/products/newest", PUBLIC),
    ("/api/products/categories", PUBLIC),
    ("/api/products/own", LOGGED_IN),
];
