//! Account specifications on both engines.

use backend::accounts::{self, LoginError, PasswordHasher, RegisterError};
use backend::{storage_test, with_pool};
use domain::login_id::LoginId;
use domain::password::PasswordError;
use domain::Role;

/// When audited changes in these tests happen (Unix seconds; 2026-12-01 00:00 UTC).
const T0: i64 = 1_796_083_200;

fn login(typed: &str) -> LoginId {
    LoginId::parse(typed).expect("valid login")
}

async fn account_count(db: &backend::Database) -> i64 {
    with_pool!(db, |pool| sqlx::query_scalar("select count(*) from account").fetch_one(pool).await)
        .expect("count")
}

storage_test! {
    async fn a_number_registered_in_one_spelling_logs_in_with_another(test: TestDb) {
        let hasher = PasswordHasher::new(2);
        let id = accounts::register(&test.db, &hasher, &login("0812-3456-7890"), "tenun ikat sumba")
            .await
            .expect("register");

        let account = accounts::authenticate(&test.db, &hasher, &login("+62 812 3456 7890"), "tenun ikat sumba")
            .await
            .expect("log in");

        assert_eq!(account.id, id);
        assert_eq!(account.role, Role::Shopper);
        assert_eq!(account.phone.map(|p| p.e164().to_owned()), Some("+6281234567890".into()));
    }

    async fn email_logins_ignore_case(test: TestDb) {
        let hasher = PasswordHasher::new(2);
        accounts::register(&test.db, &hasher, &login("Maria@Contoh.id"), "madu hutan timor").await.expect("register");

        let account = accounts::authenticate(&test.db, &hasher, &login("maria@contoh.ID"), "madu hutan timor").await;

        assert_eq!(account.expect("log in").email.as_deref(), Some("maria@contoh.id"));
    }

    async fn a_second_account_with_the_same_number_is_refused_and_nothing_is_saved(test: TestDb) {
        let hasher = PasswordHasher::new(2);
        accounts::register(&test.db, &hasher, &login("081234567890"), "kopi manggarai").await.expect("first");

        let second = accounts::register(&test.db, &hasher, &login("62 812-3456-7890"), "another passphrase").await;

        assert!(matches!(second, Err(RegisterError::Taken)), "{second:?}");
        assert_eq!(account_count(&test.db).await, 1);
    }

    async fn a_short_or_common_password_is_refused_before_anything_is_saved(test: TestDb) {
        let hasher = PasswordHasher::new(2);

        let short = accounts::register(&test.db, &hasher, &login("081111222333"), "pendek").await;
        let common = accounts::register(&test.db, &hasher, &login("081111222333"), "Bismillah123").await;

        assert!(matches!(short, Err(RegisterError::Password(PasswordError::TooShort))), "{short:?}");
        assert!(matches!(common, Err(RegisterError::Password(PasswordError::TooCommon))), "{common:?}");
        assert_eq!(account_count(&test.db).await, 0);
    }

    async fn a_wrong_password_and_an_unknown_account_get_the_same_answer(test: TestDb) {
        let hasher = PasswordHasher::new(2);
        accounts::register(&test.db, &hasher, &login("081234567890"), "jagung bose enak").await.expect("register");

        let wrong = accounts::authenticate(&test.db, &hasher, &login("081234567890"), "jagung bose").await;
        let unknown = accounts::authenticate(&test.db, &hasher, &login("081299998888"), "jagung bose enak").await;

        assert!(matches!(wrong, Err(LoginError::InvalidCredentials)), "{wrong:?}");
        assert!(matches!(unknown, Err(LoginError::InvalidCredentials)), "{unknown:?}");
    }

    async fn a_role_change_is_written_to_the_audit_log_with_who_and_why(test: TestDb) {
        let hasher = PasswordHasher::new(2);
        let boss = accounts::register(&test.db, &hasher, &login("kepala@kupangkota.go.id"), "dinas koperasi kupang").await.expect("boss");
        let staff = accounts::register(&test.db, &hasher, &login("staf@kupangkota.go.id"), "pasar saboak ramai").await.expect("staff");
        // The boss may change roles (the service checks): made so by hand, outside the log.
        with_pool!(&test.db, |pool| sqlx::query("update account set role = 'super_admin' where account_id = $1")
            .bind(boss.0).execute(pool).await.map(|_| ())).expect("make the boss");

        let changed = accounts::set_role(&test.db, Some(boss), staff, Role::MarketOfficer, "joins the market office", T0).await.expect("promote");
        let unchanged = accounts::set_role(&test.db, Some(boss), staff, Role::MarketOfficer, "again", T0).await.expect("no-op");

        assert!(changed && !unchanged);
        let log: Vec<(Option<i64>, String, Option<i64>, String)> = with_pool!(&test.db, |pool| sqlx::query_as(
            "select actor_account_id, action, subject_id, reason from audit_event where subject_kind = 'account'"
        ).fetch_all(pool).await).expect("audit");
        assert_eq!(log, [(Some(boss.0), "role:admin".to_owned(), Some(staff.0), "joins the market office".to_owned())]);
        let account = accounts::authenticate(&test.db, &hasher, &login("staf@kupangkota.go.id"), "pasar saboak ramai").await.expect("login");
        assert_eq!(account.role, Role::MarketOfficer);
    }

    async fn the_audit_log_refuses_changes_and_deletions(test: TestDb) {
        let hasher = PasswordHasher::new(2);
        let id = accounts::register(&test.db, &hasher, &login("081234567890"), "tenun ikat sumba").await.expect("register");
        accounts::set_role(&test.db, None, id, Role::SuperAdmin, "first super-admin", T0).await.expect("promote");

        let update = with_pool!(&test.db, |pool| sqlx::query("update audit_event set reason = 'edited'").execute(pool).await.map(|_| ()));
        let delete = with_pool!(&test.db, |pool| sqlx::query("delete from audit_event").execute(pool).await.map(|_| ()));

        assert!(update.is_err(), "update must be refused");
        assert!(delete.is_err(), "delete must be refused");
    }
}
