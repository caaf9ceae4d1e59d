//! The authorisation inventory: every page, server fn and form route is declared with an
//! access level, and every non-public one refuses anonymous callers (401) and the role just
//! below its level (403), over HTTP.

use std::collections::BTreeSet;

use app::access::{PAGES, SERVER_FNS};
use axum::http::StatusCode;
use backend::demo::DEMO_PASSWORD;
use backend::storage_test;
use backend::testing;
use domain::{Access, Role};
use server::router::{FORM_ROUTES, GET_ROUTES};

use crate::support::{demo_login, TestApp};

fn declared(table: &[(&'static str, Access)]) -> BTreeSet<&'static str> {
    table.iter().map(|(path, _)| *path).collect()
}

/// Every path `router.rs` routes to a `post(…)` handler, read from its source: axum cannot
/// list a router's routes, and a form route added without a declaration must not slip by.
fn routes_in_router_source(method: &str) -> BTreeSet<String> {
    let source = include_str!("../../src/router.rs");
    let handler_prefix = format!("{method}(");
    source
        .split(".route(")
        .skip(1)
        .filter_map(|call| {
            let call = call.trim_start().strip_prefix('"')?;
            let (path, rest) = call.split_once('"')?;
            let handler = rest.trim_start_matches([',', ' ', '\n']);
            handler.starts_with(&handler_prefix).then(|| path.to_owned())
        })
        .collect()
}

#[tokio::test]
async fn every_page_server_fn_and_form_route_has_a_declared_access_level() {
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
    let form_routes = routes_in_router_source("post");
    let get_routes = routes_in_router_source("get");

    assert!(registered_fns.contains("/api/home/kecamatan"), "server fns are registered");
    assert!(pages.contains("/akun"), "pages are listed: {pages:?}");
    assert!(form_routes.contains("/masuk"), "form routes are found: {form_routes:?}");

    let fns_declared = declared(SERVER_FNS);
    let undeclared_fns: Vec<_> = registered_fns.difference(&fns_declared).collect();
    let stale_fns: Vec<_> = fns_declared.difference(&registered_fns).collect();
    assert!(undeclared_fns.is_empty(), "server fns missing from SERVER_FNS: {undeclared_fns:?}");
    assert!(stale_fns.is_empty(), "SERVER_FNS lists unregistered paths: {stale_fns:?}");

    let pages_declared: BTreeSet<String> = declared(PAGES).into_iter().map(str::to_owned).collect();
    let undeclared_pages: Vec<_> = pages.difference(&pages_declared).collect();
    let stale_pages: Vec<_> = pages_declared.difference(&pages).collect();
    assert!(undeclared_pages.is_empty(), "pages missing from PAGES: {undeclared_pages:?}");
    assert!(stale_pages.is_empty(), "PAGES lists unrouted paths: {stale_pages:?}");

    let forms_declared: BTreeSet<String> =
        declared(FORM_ROUTES).into_iter().map(str::to_owned).collect();
    let undeclared_forms: Vec<_> = form_routes.difference(&forms_declared).collect();
    let stale_forms: Vec<_> = forms_declared.difference(&form_routes).collect();
    assert!(
        undeclared_forms.is_empty(),
        "form routes missing from FORM_ROUTES: {undeclared_forms:?}"
    );
    assert!(stale_forms.is_empty(), "FORM_ROUTES lists unrouted paths: {stale_forms:?}");

    let gets_declared: BTreeSet<String> =
        declared(GET_ROUTES).into_iter().map(str::to_owned).collect();
    assert!(get_routes.contains("/healthz"), "GET routes are found: {get_routes:?}");
    assert_eq!(
        get_routes, gets_declared,
        "GET_ROUTES must list exactly the GET handlers in router.rs"
    );
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
        "/api/apply/mine"
        | "/api/apply/wilayah"
        | "/api/products/own"
        | "/api/admin/categories" => String::new(),
        "/api/account/reset-link" => "code=x".to_owned(),
        "/api/account/overview" | "/api/home/kecamatan" => String::new(),
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

/// Logged-in demo sessions, one per role.
struct Callers {
    shopper: String,
    admin: String,
    super_admin: String,
}

impl Callers {
    async fn log_in(app: &TestApp) -> Callers {
        Callers {
            shopper: app.log_in(demo_login(Role::Shopper), DEMO_PASSWORD).await,
            admin: app.log_in(demo_login(Role::Admin), DEMO_PASSWORD).await,
            super_admin: app.log_in(demo_login(Role::SuperAdmin), DEMO_PASSWORD).await,
        }
    }

    fn of(&self, role: Role) -> &str {
        match role {
            Role::Shopper => &self.shopper,
            Role::Admin => &self.admin,
            Role::SuperAdmin => &self.super_admin,
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

storage_test! {
    async fn every_non_public_endpoint_refuses_anonymous_callers_and_the_role_below(test_db: TestDb) {
        let engine = test_db.db.engine();
        let app = TestApp::seeded(test_db).await;
        let callers = Callers::log_in(&app).await;
        // Admin endpoints act on this account: one the admin could manage.
        let ids = sample_ids(&app).await;
        let tables = [(Kind::Page, PAGES), (Kind::ServerFn, SERVER_FNS), (Kind::Form, FORM_ROUTES), (Kind::Get, GET_ROUTES)];

        let mut checked = 0;
        for (kind, table) in tables {
            for &(path, access) in table {
                if access == Access::Public {
                    continue;
                }
                let (anonymous, body) = call(&app, kind, path, ids, None).await;
                assert_eq!(anonymous, StatusCode::UNAUTHORIZED, "{engine:?} anonymous {kind:?} {path}: {body}");
                if let Some(below) = access.role_below() {
                    let (status, body) = call(&app, kind, path, ids, Some(callers.of(below))).await;
                    assert_eq!(status, StatusCode::FORBIDDEN, "{engine:?} {below:?} on {kind:?} {path}: {body}");
                }
                checked += 1;
            }
        }
        assert!(checked >= 9, "the tables list the non-public endpoints ({checked})");
    }

    async fn every_non_public_page_and_server_fn_answers_the_role_it_is_for(test_db: TestDb) {
        let engine = test_db.db.engine();
        let app = TestApp::seeded(test_db).await;
        let callers = Callers::log_in(&app).await;
        let ids = sample_ids(&app).await;

        for (kind, table) in [(Kind::Page, PAGES), (Kind::ServerFn, SERVER_FNS), (Kind::Get, GET_ROUTES)] {
            for &(path, access) in table {
                let Some(role) = access.required_role() else { continue };
                let (status, body) = call(&app, kind, path, ids, Some(callers.of(role))).await;
                // A file handler may answer 404 for a sample record without a file; what matters
                // is that the role is let in.
                let admitted = status.is_success()
                    || (kind == Kind::Get && !matches!(status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN));
                assert!(admitted, "{engine:?} {role:?} on {kind:?} {path}: {status} {body}");
            }
        }
    }
}
