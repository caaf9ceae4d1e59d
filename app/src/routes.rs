//! The route table. Every route renders in blocking mode (`SsrMode::Async`): the server waits
//! for the page's data and sends complete HTML, because with JavaScript off an out-of-order
//! stream would show nothing but loading placeholders.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

use crate::account::{AccountPage, ForgotPasswordPage, LoginPage, RegisterPage, ResetPasswordPage};
use crate::admin::{AdminCategoriesPage, AdminUserPage, AdminUsersPage};
use crate::apply::{ApplyDashboard, ApplyStepPage};
use crate::audit::AuditLogPage;
use crate::error::NotFoundPage;
use crate::home::HomePage;
use crate::i18n::{current_locale, I18nProvider};
use crate::layout::Layout;
use crate::notices::NoticesPage;
use crate::products::{OwnProductsPage, ProductFormPage, ProductPage};
use crate::review::{ErasureQueuePage, ReviewDetailPage, ReviewQueuePage};
use crate::search::SearchPage;
use crate::vendors::{PrivacyPage, VendorDirectoryPage, VendorProfilePage};

/// The whole application, inside the shell's `<body>`.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <I18nProvider>
            <HtmlLang />
            <Router>
                <Layout>
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("") view=HomePage ssr=SsrMode::Async />
                        <Route path=path!("cari") view=SearchPage ssr=SsrMode::Async />
                        <Route path=path!("kategori/:slug") view=SearchPage ssr=SsrMode::Async />
                        <Route path=path!("akun") view=AccountPage ssr=SsrMode::Async />
                        <Route path=path!("daftar") view=RegisterPage ssr=SsrMode::Async />
                        <Route path=path!("masuk") view=LoginPage ssr=SsrMode::Async />
                        <Route path=path!("lupa-sandi") view=ForgotPasswordPage ssr=SsrMode::Async />
                        <Route path=path!("atur-sandi") view=ResetPasswordPage ssr=SsrMode::Async />
                        <Route path=path!("admin/kategori") view=AdminCategoriesPage ssr=SsrMode::Async />
                        <Route path=path!("admin/pengguna") view=AdminUsersPage ssr=SsrMode::Async />
                        <Route path=path!("admin/pengguna/:id") view=AdminUserPage ssr=SsrMode::Async />
                        <Route path=path!("pengajuan") view=ApplyDashboard ssr=SsrMode::Async />
                        <Route path=path!("pengajuan/:step") view=ApplyStepPage ssr=SsrMode::Async />
                        <Route path=path!("admin/pengajuan") view=ReviewQueuePage ssr=SsrMode::Async />
                        <Route path=path!("admin/pengajuan/:id") view=ReviewDetailPage ssr=SsrMode::Async />
                        <Route path=path!("admin/penghapusan") view=ErasureQueuePage ssr=SsrMode::Async />
                        <Route path=path!("admin/audit") view=AuditLogPage ssr=SsrMode::Async />
                        <Route path=path!("pelapak") view=VendorDirectoryPage ssr=SsrMode::Async />
                        <Route path=path!("pelapak/:slug") view=VendorProfilePage ssr=SsrMode::Async />
                        <Route path=path!("notifikasi") view=NoticesPage ssr=SsrMode::Async />
                        <Route path=path!("privasi") view=PrivacyPage ssr=SsrMode::Async />
                        <Route path=path!("produk/:id") view=ProductPage ssr=SsrMode::Async />
                        <Route path=path!("lapak") view=OwnProductsPage ssr=SsrMode::Async />
                        <Route path=path!("lapak/produk/:id") view=ProductFormPage ssr=SsrMode::Async />
                    </Routes>
                </Layout>
            </Router>
        </I18nProvider>
    }
}

/// Puts the visitor's language on `<html lang>`, for screen readers and search engines.
#[component]
fn HtmlLang() -> impl IntoView {
    let lang = current_locale().code();
    view! { <Html attr:lang=lang /> }
}
