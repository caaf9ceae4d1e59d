//! The authorisation inventory: every page, server fn and declared route states what it
//! needs (`domain::Need`), and over HTTP every non-public one refuses anonymous callers (401)
//! and every role without the permission (403) — a shopper on a vendor endpoint included —
//! while a caller with the permission is let in. The route tables are read as data: the
//! router is built from the same tables, so what is tested is what is enforced.

use std::collections::{BTreeMap, BTreeSet};

use app::access::{PAGES, SERVER_FNS};
use axum::http::{Method, StatusCode};
use backend::demo::DEMO_PASSWORD;
use backend::storage_test;
use backend::testing;
use domain::permission::Caller;
use domain::{Need, Permission, Role};

use crate::support::{demo_login, form, TestApp};

/// A demo vendor with an approved, active shop.
const VENDOR_LOGIN: &str = "0852-3910-0001";

fn declared(table: &[(&'static str, Need)]) -> BTreeSet<&'static str> {
    table.iter().map(|(path, _)| *path).collect()
}

/// The declared routes outside Leptos, as `(path, method, need)`.
fn route_table() -> Vec<(&'static str, Method, Need)> {
    server::routes::table().into_iter().map(|e| (e.path, e.method, e.need)).collect()
}

#[tokio::test]
async fn every_page_server_fn_and_route_is_declared_once_with_what_it_needs() {
    // Building the router registers the server fns and routes the pages.
    let _app = TestApp::seeded(testing::sqlite().await).await;

    let registered_fns: BTreeSet<&'static str> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, method)| {
            assert_eq!(method, axum::http::Method::POST, "{path} is called with POST");
            path
        })
        .collect();
    let pages: BTreeSet<String> =
        server::router::route_list().iter().map(|r| r.path().to_owned()).collect();

    assert!(registered_fns.contains("/api/home/kecamatan"), "server fns are registered");
    assert!(pages.contains("/akun"), "pages are listed: {pages:?}");

    let fns_declared = declared(SERVER_FNS);
    let undeclared_fns: Vec<_> = registered_fns.difference(&fns_declared).collect();
    let stale_fns: Vec<_> = fns_declared.difference(&registered_fns).collect();
    assert!(undeclared_fns.is_empty(), "server fns missing from SERVER_FNS: {undeclared_fns:?}");
    assert!(stale_fns.is_empty(), "SERVER_FNS lists unregistered paths: {stale_fns:?}");
    assert_eq!(fns_declared.len(), SERVER_FNS.len(), "each server fn is declared once");

    let pages_declared: BTreeSet<String> = declared(PAGES).into_iter().map(str::to_owned).collect();
    let undeclared_pages: Vec<_> = pages.difference(&pages_declared).collect();
    let stale_pages: Vec<_> = pages_declared.difference(&pages).collect();
    assert!(undeclared_pages.is_empty(), "pages missing from PAGES: {undeclared_pages:?}");
    assert!(stale_pages.is_empty(), "PAGES lists unrouted paths: {stale_pages:?}");
    assert_eq!(pages_declared.len(), PAGES.len(), "each page is declared once");

    let routes = route_table();
    let distinct: BTreeSet<(&str, String)> =
        routes.iter().map(|(path, method, _)| (*path, method.to_string())).collect();
    assert_eq!(distinct.len(), routes.len(), "each path and method is declared once");
    assert!(routes.iter().any(|(path, method, _)| *path == "/masuk" && method == Method::POST));
    assert!(routes.iter().any(|(path, method, _)| *path == "/healthz" && method == Method::GET));
}

/// Arguments that make a server fn's call well-formed, so a refusal is about access and
/// nothing else.
fn server_fn_args(path: &str, ids: Ids) -> String {
    match path {
        "/api/admin/accounts" => "search=&page=0".to_owned(),
        "/api/admin/account" => format!("id={}", ids.account),
        "/api/review/queue" => "status=&kecamatan=&category=&search=&page=0".to_owned(),
        "/api/review/detail" => format!("id={}", ids.application),
        "/api/vendors/profile" => "slug=demo-1".to_owned(),
        "/api/admin/audit" => "query[kind]=&query[action]=&query[from]=&query[until]=".to_owned(),
        "/api/apply/mine"
        | "/api/review/erasures"
        | "/api/apply/wilayah"
        | "/api/products/own"
        | "/api/admin/categories" => String::new(),
        "/api/account/reset-link" => "code=x".to_owned(),
        "/api/account/overview" | "/api/home/kecamatan" | "/api/notices/mine" => String::new(),
        other => panic!("add sample arguments for the server fn {other}"),
    }
}

/// How one endpoint is called.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Page,
    ServerFn,
    Form,
    Get,
}

/// The records endpoints with ids in their path act on: an account an admin may manage and a
/// submitted application.
#[derive(Debug, Clone, Copy)]
struct Ids {
    account: i64,
    application: i64,
}

async fn sample_ids(app: &TestApp) -> Ids {
    let account = app.account_id(demo_login(Role::Shopper)).await;
    let application: i64 = backend::with_pool!(&app.test_db.db, |pool| sqlx::query_scalar(
        "select application_id from vendor_application where status = 'submitted' order by application_id limit 1"
    )
    .fetch_one(pool)
    .await)
    .expect("a submitted demo application");
    Ids { account, application }
}

fn concrete(path: &str, ids: Ids) -> String {
    let id = if path.contains("/pengajuan/") { ids.application } else { ids.account };
    path.replace("{id}", &id.to_string())
        .replace("{step}", "usaha")
        .replace("{slug}", "demo-1")
        .replace("{photo}", "1")
        .replace("{file}", "400.webp")
        .replace("{key}", "x")
}

/// Logged-in demo sessions: one per role, and a shopper with an active shop.
struct Callers {
    by_caller: BTreeMap<(&'static str, bool), String>,
}

impl Callers {
    async fn log_in(app: &TestApp) -> Callers {
        let mut by_caller = BTreeMap::new();
        for &role in Role::ALL {
            let cookie = app.log_in(demo_login(role), DEMO_PASSWORD).await;
            by_caller.insert((role.as_str(), false), cookie);
        }
        by_caller
            .insert((Role::Shopper.as_str(), true), app.log_in(VENDOR_LOGIN, DEMO_PASSWORD).await);
        Callers { by_caller }
    }

    /// The session of `caller`, when the demo has one (no demo staff member runs a shop).
    fn of(&self, caller: Caller) -> Option<&str> {
        self.by_caller.get(&(caller.role.as_str(), caller.active_vendor)).map(String::as_str)
    }

    /// A caller `need` admits: a shopper for what any account may do, the vendor for a
    /// shop's endpoints, else the first role with the permission.
    fn admitted_by(&self, need: Need) -> Option<&str> {
        match need {
            Need::Public => None,
            Need::LoggedIn => self.of(Caller { role: Role::Shopper, active_vendor: false }),
            Need::Permission(Permission::ManageOwnShop) => {
                self.of(Caller { role: Role::Shopper, active_vendor: true })
            }
            Need::Permission(permission) => Role::ALL
                .iter()
                .find(|role| role.has(permission))
                .and_then(|&role| self.of(Caller { role, active_vendor: false })),
        }
    }
}

async fn call(
    app: &TestApp,
    kind: Kind,
    path: &str,
    ids: Ids,
    cookie: Option<&str>,
) -> (StatusCode, String) {
    let url = concrete(path, ids);
    let headers: Vec<(&str, &str)> = cookie.map(|c| ("cookie", c)).into_iter().collect();
    let reply = match kind {
        Kind::Page | Kind::Get => app.get(&url, &headers).await,
        Kind::ServerFn => app.post_form_with(&url, &server_fn_args(path, ids), &headers).await,
        Kind::Form => app.post_form_with(&url, "", &headers).await,
    };
    (reply.status, reply.body)
}

/// Every non-public endpoint: pages, server fns, then the declared routes.
fn endpoints() -> Vec<(Kind, String, Need)> {
    let pages = PAGES.iter().map(|&(path, need)| (Kind::Page, path.to_owned(), need));
    let fns = SERVER_FNS.iter().map(|&(path, need)| (Kind::ServerFn, path.to_owned(), need));
    let routes = route_table().into_iter().map(|(path, method, need)| {
        (if method == Method::GET { Kind::Get } else { Kind::Form }, path.to_owned(), need)
    });
    pages.chain(fns).chain(routes).filter(|(_, _, need)| *need != Need::Public).collect()
}

storage_test! {
    async fn every_non_public_endpoint_refuses_anonymous_callers_and_each_role_without_its_permission(test_db: TestDb) {
        let engine = test_db.db.engine();
        let app = TestApp::seeded(test_db).await;
        let callers = Callers::log_in(&app).await;
        let ids = sample_ids(&app).await;

        let mut refusals = 0;
        for (kind, path, need) in endpoints() {
            let (anonymous, body) = call(&app, kind, &path, ids, None).await;
            assert_eq!(anonymous, StatusCode::UNAUTHORIZED, "{engine:?} anonymous {kind:?} {path}: {body}");
            for caller in need.refused_callers() {
                let Some(cookie) = callers.of(caller) else {
                    assert!(caller.active_vendor && caller.role != Role::Shopper, "a demo session for {caller:?}");
                    continue;
                };
                let (status, body) = call(&app, kind, &path, ids, Some(cookie)).await;
                assert_eq!(status, StatusCode::FORBIDDEN, "{engine:?} {caller:?} on {kind:?} {path}: {body}");
                refusals += 1;
            }
        }
        assert!(refusals >= 100, "every staff endpoint refuses several roles ({refusals})");
    }

    async fn a_shopper_without_a_shop_is_refused_every_shop_endpoint(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let shopper = app.log_in(demo_login(Role::Shopper), DEMO_PASSWORD).await;
        let ids = sample_ids(&app).await;
        let shop_routes: Vec<_> = route_table()
            .into_iter()
            .filter(|(_, _, need)| *need == Need::Permission(Permission::ManageOwnShop))
            .collect();

        assert!(shop_routes.len() >= 6, "the shop's routes: {shop_routes:?}");
        for (path, _, _) in shop_routes {
            let (status, body) = call(&app, Kind::Form, path, ids, Some(&shopper)).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{path}: {body}");
            assert!(body.contains("Tidak diizinkan"), "the translated refusal page: {body}");
        }
    }

    async fn every_non_public_page_server_fn_and_file_answers_a_caller_it_is_for(test_db: TestDb) {
        let engine = test_db.db.engine();
        let app = TestApp::seeded(test_db).await;
        let callers = Callers::log_in(&app).await;
        let ids = sample_ids(&app).await;

        for (kind, path, need) in endpoints().into_iter().filter(|(kind, _, _)| *kind != Kind::Form) {
            let cookie = callers.admitted_by(need).unwrap_or_else(|| panic!("a demo caller for {need:?}"));
            let (status, body) = call(&app, kind, &path, ids, Some(cookie)).await;
            // A file handler may answer 404 for a sample record without a file; what matters
            // is that the caller is let in.
            let admitted = status.is_success()
                || (kind == Kind::Get && !matches!(status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN));
            assert!(admitted, "{engine:?} {need:?} on {kind:?} {path}: {status} {body}");
        }
    }

    async fn a_suspended_vendor_cannot_change_their_products_and_nothing_changes(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let vendor = app.log_in(VENDOR_LOGIN, DEMO_PASSWORD).await;
        let account = app.account_id(VENDOR_LOGIN).await;
        let (product, name): (i64, String) = backend::with_pool!(&app.test_db.db, |pool| sqlx::query_as(
            "select p.product_id, p.name from product p join vendor v using (vendor_id)
             where v.account_id = $1 order by p.product_id limit 1"
        ).bind(account).fetch_one(pool).await).expect("a product of the vendor");
        backend::with_pool!(&app.test_db.db, |pool| sqlx::query(
            "update vendor set status = 'suspended' where account_id = $1"
        ).bind(account).execute(pool).await.map(|_| ())).expect("suspend");

        let renamed = app.post_form_with_cookie(&format!("/lapak/produk/{product}"), &form(&[("name", "Diganti")]), &vendor).await;
        let hidden = app.post_form_with_cookie(&format!("/lapak/produk/{product}/tampil"), &form(&[("visible", "false")]), &vendor).await;
        let deleted = app.post_form_with_cookie(&format!("/lapak/produk/{product}/hapus"), "yakin=ya", &vendor).await;

        for reply in [&renamed, &hidden, &deleted] {
            assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}", reply.body);
            assert!(reply.body.contains("Tidak diizinkan"), "{}", reply.body);
        }
        let (still, visible): (String, bool) = backend::with_pool!(&app.test_db.db, |pool| sqlx::query_as(
            "select name, visible from product where product_id = $1"
        ).bind(product).fetch_one(pool).await).expect("the product is still there");
        assert_eq!((still, visible), (name, true), "nothing changed");
    }
}
