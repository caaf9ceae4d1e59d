//! The backend's own access checks, on both engines: a service that changes state on someone's
//! behalf refuses an account without the permission with `Error::Forbidden` and changes
//! nothing, whoever calls it (a form, a job, a test), and a role withdrawn after the router
//! let someone in wins.

use backend::accounts::{self, AccountId};
use backend::testing::keys;
use backend::vendors::{self, ApplicationId, DecideError, ErasureError, RevealError};
use backend::{storage_test, with_pool, Error};
use domain::application::{ApplicationStatus, Transition};
use domain::Role;

const OFFICER: &str = "+6281138000002";
const CASHIER: &str = "+6281138000003";
const SHOPPER: &str = "+6281234560001";
/// A demo applicant waiting for review.
const APPLICANT: &str = "+6285239100013";

async fn account(db: &backend::Database, phone: &str) -> AccountId {
    backend::testing::account_by_phone(db, phone).await
}

async fn application_of(db: &backend::Database, applicant: AccountId) -> ApplicationId {
    let id: i64 = with_pool!(db, |pool| sqlx::query_scalar(
        "select application_id from vendor_application where account_id = $1"
    )
    .bind(applicant.0)
    .fetch_one(pool)
    .await)
    .expect("an application");
    ApplicationId(id)
}

async fn audit_entries(db: &backend::Database) -> i64 {
    with_pool!(db, |pool| sqlx::query_scalar("select count(*) from audit_event")
        .fetch_one(pool)
        .await)
    .expect("count")
}

storage_test! {
    async fn a_cashier_calling_the_review_services_directly_is_refused_and_nothing_changes(test: TestDb) {
        backend::demo::seed_demo(&test.db, &keys()).await.expect("seed");
        let db = &test.db;
        let cashier = account(db, CASHIER).await;
        let applicant = account(db, APPLICANT).await;
        let id = application_of(db, applicant).await;
        let audits = audit_entries(db).await;

        let decided = vendors::decide(db, cashier, id, Transition::Approve, "", 10).await;
        assert!(matches!(decided, Err(DecideError::Backend(Error::Forbidden))), "{decided:?}");
        let revealed = vendors::reveal_nik(db, &keys(), cashier, id, "ingin tahu", 10).await;
        assert!(matches!(revealed, Err(RevealError::Backend(Error::Forbidden))), "{revealed:?}");
        assert!(matches!(vendors::log_proof_view(db, cashier, applicant, 10).await, Err(Error::Forbidden)));
        assert!(vendors::request_erasure(db, applicant, 10).await.expect("request"));
        let erased = vendors::complete_erasure(db, &backend::photos::PhotoStore::in_memory(), cashier, id, 11).await;
        assert!(matches!(erased, Err(ErasureError::Backend(Error::Forbidden))), "{erased:?}");

        let status = vendors::find_by_id(db, id).await.expect("read").expect("exists");
        assert_eq!(status.status, ApplicationStatus::Submitted, "not decided");
        assert!(status.erased_at.is_none(), "not erased");
        assert_eq!(audit_entries(db).await, audits, "no reveal, view or decision recorded");
    }

    async fn a_shopper_cannot_manage_accounts_or_roles_through_the_services(test: TestDb) {
        backend::demo::seed_demo(&test.db, &keys()).await.expect("seed");
        let db = &test.db;
        let shopper = account(db, SHOPPER).await;
        let other = account(db, "+6281339000001").await;

        assert!(matches!(accounts::issue_reset_link(db, shopper, other, 10).await, Err(Error::Forbidden)));
        assert!(matches!(accounts::revoke_reset_links(db, shopper, other, 10).await, Err(Error::Forbidden)));
        let promoted = accounts::set_role(db, Some(shopper), shopper, Role::SuperAdmin, "saya sendiri", 10).await;
        assert!(matches!(promoted, Err(Error::Forbidden)), "{promoted:?}");
        let found = accounts::find_account(db, shopper).await.expect("read").expect("exists");
        assert_eq!(found.role, Role::Shopper, "still a shopper");
    }

    async fn a_role_withdrawn_after_the_endpoint_let_the_officer_in_wins(test: TestDb) {
        backend::demo::seed_demo(&test.db, &keys()).await.expect("seed");
        let db = &test.db;
        let officer = account(db, OFFICER).await;
        let id = application_of(db, account(db, APPLICANT).await).await;
        // The router checked the officer's role; then the office took it away.
        accounts::set_role(db, None, officer, Role::Shopper, "pindah tugas", 5).await.expect("demote");

        let decided = vendors::decide(db, officer, id, Transition::Reject, "Terlambat", 10).await;
        assert!(matches!(decided, Err(DecideError::Backend(Error::Forbidden))), "{decided:?}");
        let status = vendors::find_by_id(db, id).await.expect("read").expect("exists").status;
        assert_eq!(status, ApplicationStatus::Submitted);

        // Given back, the same call goes through: the check reads the role now.
        accounts::set_role(db, None, officer, Role::MarketOfficer, "kembali", 20).await.expect("restore");
        assert_eq!(vendors::decide(db, officer, id, Transition::Reject, "Data tidak sesuai", 30).await.expect("decided"), ApplicationStatus::Rejected);
    }

    async fn a_cashier_cannot_rename_a_category_through_the_service(test: TestDb) {
        backend::demo::seed_demo(&test.db, &keys()).await.expect("seed");
        let db = &test.db;
        let mut rows = backend::listings::category_rows(db).await.expect("rows");
        let row = rows.iter_mut().find(|c| c.slug == "kuliner").expect("kuliner");
        row.name_id = "Makanan".to_owned();

        let refused = backend::listings::save_category(db, account(db, CASHIER).await, row).await;
        assert!(matches!(refused, Err(Error::Forbidden)), "{refused:?}");
        let stored = backend::listings::category_rows(db).await.expect("rows");
        assert!(stored.iter().any(|c| c.slug == "kuliner" && c.name_id == "Kuliner"), "unchanged");
        backend::listings::save_category(db, account(db, OFFICER).await, row).await.expect("the officer may");
    }

    async fn a_suspended_vendor_is_refused_by_the_product_services(test: TestDb) {
        backend::demo::seed_demo(&test.db, &keys()).await.expect("seed");
        let db = &test.db;
        let (yuli, application) = backend::testing::demo_vendor(db, "demo-1").await;
        let products = backend::listings::own_products(db, yuli).await.expect("own");
        let product = products.first().expect("a demo product").id;
        vendors::decide(db, account(db, OFFICER).await, application, Transition::Suspend, "Pemeriksaan lapak", 10)
            .await
            .expect("suspended");

        let hidden = backend::listings::set_visible(db, yuli, product, false, 11).await;
        assert!(matches!(hidden, Err(backend::listings::ListingError::NotAVendor)), "{hidden:?}");
        let still = backend::listings::public_product(db, product).await.expect("read");
        assert!(still.is_none(), "a suspended vendor's product is not public either");
        let caller = backend::access::caller(db, yuli).await.expect("read").expect("exists");
        assert_eq!(caller.vendor, None, "no active vendor record while suspended");
    }

    async fn one_read_tells_who_is_calling(test: TestDb) {
        backend::demo::seed_demo(&test.db, &keys()).await.expect("seed");
        let db = &test.db;
        let (yuli, _) = backend::testing::demo_vendor(db, "demo-1").await;
        let vendor = vendors::active_vendor_of(db, yuli).await.expect("read");
        let unread = backend::notices::unread_count(db, yuli).await.expect("count");

        let caller = backend::access::caller(db, yuli).await.expect("read").expect("exists");
        assert_eq!((caller.account.id, caller.vendor, caller.unread_notices), (yuli, vendor, unread));
        assert!(caller.vendor.is_some());
        let shopper = backend::access::caller(db, account(db, SHOPPER).await).await.expect("read").expect("exists");
        assert_eq!((shopper.account.role, shopper.vendor), (Role::Shopper, None));
        assert_eq!(backend::access::caller(db, AccountId(987_654)).await.expect("read"), None);
    }
}
