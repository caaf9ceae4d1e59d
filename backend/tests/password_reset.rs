//! Admin-issued reset links, password changes, "log out everywhere" and the admin's account
//! list, on both engines.

use backend::accounts::{
    self, AccountId, AccountQuery, ChangePasswordError, LoginError, PasswordHasher, PendingReset,
    ResetError, RESET_LINK_LIFETIME_SECS,
};
use backend::sessions::{self, SessionKey, SessionWrite};
use backend::{storage_test, with_pool, Database};
use domain::password::PasswordError;
use domain::{LoginId, Role};

/// When audited changes in these tests happen (Unix seconds; 2026-12-01 00:00 UTC).
const T0: i64 = 1_796_083_200;

/// A fixed "now" (June 2025): every time in these specs is counted from it.
const NOW: i64 = 1_750_000_000;
const DAY: i64 = 24 * 60 * 60;
const OLD_PASSWORD: &str = "tenun ikat sumba";
const NEW_PASSWORD: &str = "kain songket baru";

fn hasher() -> PasswordHasher {
    PasswordHasher::new(1)
}

fn login(typed: &str) -> LoginId {
    LoginId::parse(typed).expect("valid login")
}

async fn register(db: &Database, typed: &str) -> AccountId {
    accounts::register(db, &hasher(), &login(typed), OLD_PASSWORD).await.expect("register")
}

/// An admin and a person who forgot their password.
async fn admin_and_person(db: &Database) -> (AccountId, AccountId) {
    let admin = register(db, "petugas@kupangkota.go.id").await;
    accounts::set_role(db, None, admin, Role::MarketOfficer, "market office", T0)
        .await
        .expect("promote");
    let person = register(db, "081234567890").await;
    (admin, person)
}

/// Whether `password` logs in to the account with `typed` as its login.
async fn logs_in(db: &Database, typed: &str, password: &str) -> bool {
    match accounts::authenticate(db, &hasher(), &login(typed), password).await {
        Ok(_) => true,
        Err(LoginError::InvalidCredentials) => false,
        Err(other) => panic!("authenticate: {other:?}"),
    }
}

async fn log_in_session(db: &Database, cookie: &str, account: Option<AccountId>) -> SessionKey {
    let key = SessionKey::from_cookie_id(cookie);
    let write = SessionWrite {
        account,
        data: "{}",
        device: "Android · Chrome",
        expires_at: NOW + 30 * DAY,
    };
    sessions::create(db, &key, &write, NOW).await.expect("save session");
    key
}

async fn is_live(db: &Database, key: &SessionKey) -> bool {
    sessions::load(db, key, NOW + 3600).await.expect("load session").is_some()
}

async fn audit_count(db: &Database, action: &str) -> i64 {
    with_pool!(db, |pool| sqlx::query_scalar("select count(*) from audit_event where action = $1")
        .bind(action)
        .fetch_one(pool)
        .await)
    .expect("count audit rows")
}

async fn usable(db: &Database, token: &str, now: i64) -> bool {
    accounts::reset_link_is_usable(db, token, now).await.expect("check link")
}

fn search(text: &str) -> AccountQuery {
    AccountQuery { search: text.to_owned(), ..AccountQuery::default() }
}

/// The logins (phone in E.164, else email) of a page's rows, in order.
async fn listed(db: &Database, query: &AccountQuery) -> (Vec<String>, i64) {
    let page = accounts::list_accounts(db, query).await.expect("list accounts");
    let logins = page
        .rows
        .iter()
        .map(|row| match (&row.account.phone, &row.account.email) {
            (Some(phone), _) => phone.e164().to_owned(),
            (None, Some(email)) => email.clone(),
            (None, None) => panic!("an account without a login: {row:?}"),
        })
        .collect();
    (logins, page.total)
}

storage_test! {
    async fn a_reset_link_works_once_and_ends_every_session_of_the_account(test: TestDb) {
        let (admin, person) = admin_and_person(&test.db).await;
        let phone = log_in_session(&test.db, "person-phone", Some(person)).await;
        let thief = log_in_session(&test.db, "person-thief", Some(person)).await;
        let admins = log_in_session(&test.db, "admin-desk", Some(admin)).await;

        let token = accounts::issue_reset_link(&test.db, admin, person, NOW).await.expect("issue");
        assert!(usable(&test.db, token.expose(), NOW + 60).await);
        assert_eq!(
            accounts::pending_reset(&test.db, person, NOW + 60).await.expect("pending"),
            Some(PendingReset { issued_at: NOW, expires_at: NOW + RESET_LINK_LIFETIME_SECS })
        );

        let reset = accounts::reset_password(&test.db, &hasher(), token.expose(), NEW_PASSWORD, NOW + 60).await;

        assert_eq!(reset.expect("reset"), person);
        assert!(!is_live(&test.db, &phone).await, "every session of the account ends");
        assert!(!is_live(&test.db, &thief).await, "every session of the account ends");
        assert!(is_live(&test.db, &admins).await, "other accounts keep their sessions");
        assert!(logs_in(&test.db, "0812-3456-7890", NEW_PASSWORD).await);
        assert!(!logs_in(&test.db, "0812-3456-7890", OLD_PASSWORD).await);

        // The second use is refused and changes nothing.
        let again = accounts::reset_password(&test.db, &hasher(), token.expose(), "another new passphrase", NOW + 120).await;
        assert!(matches!(again, Err(ResetError::LinkNotUsable)), "{again:?}");
        assert!(!logs_in(&test.db, "081234567890", "another new passphrase").await);
        assert!(logs_in(&test.db, "081234567890", NEW_PASSWORD).await);
        assert!(!usable(&test.db, token.expose(), NOW + 120).await);
        assert_eq!(accounts::pending_reset(&test.db, person, NOW + 120).await.expect("pending"), None);

        assert_eq!(audit_count(&test.db, "password_reset:issued").await, 1);
        assert_eq!(audit_count(&test.db, "password_reset:used").await, 1);
        let issued: (Option<i64>, Option<i64>) = with_pool!(&test.db, |pool| sqlx::query_as(
            "select actor_account_id, subject_id from audit_event where action = 'password_reset:issued' and subject_kind = 'account'"
        ).fetch_one(pool).await).expect("issued row");
        assert_eq!(issued, (Some(admin.0), Some(person.0)), "the issuing admin is recorded");

        // Only the token's digest is stored.
        let stored: String = with_pool!(&test.db, |pool| sqlx::query_scalar("select token_hash from password_reset")
            .fetch_one(pool)
            .await)
        .expect("stored token");
        assert_ne!(stored, token.expose());
        assert_eq!(stored.len(), 64);
        assert!(!format!("{token:?}").contains(token.expose()), "Debug must not print the token");
    }

    async fn a_link_past_its_twenty_four_hours_is_refused(test: TestDb) {
        let (admin, person) = admin_and_person(&test.db).await;
        let token = accounts::issue_reset_link(&test.db, admin, person, NOW).await.expect("issue");
        let expiry = NOW + 24 * 60 * 60;
        assert_eq!(RESET_LINK_LIFETIME_SECS, 24 * 60 * 60);

        assert!(usable(&test.db, token.expose(), expiry - 1).await, "usable up to its last second");
        assert!(!usable(&test.db, token.expose(), expiry + 1).await);
        assert_eq!(accounts::pending_reset(&test.db, person, expiry + 1).await.expect("pending"), None);
        let late = accounts::reset_password(&test.db, &hasher(), token.expose(), NEW_PASSWORD, expiry + 1).await;

        assert!(matches!(late, Err(ResetError::LinkNotUsable)), "{late:?}");
        assert!(logs_in(&test.db, "081234567890", OLD_PASSWORD).await);
        assert!(!logs_in(&test.db, "081234567890", NEW_PASSWORD).await);
        assert_eq!(audit_count(&test.db, "password_reset:used").await, 0);

        // A new link issued then works up to its own last second.
        let issued = expiry + 10;
        let fresh = accounts::issue_reset_link(&test.db, admin, person, issued).await.expect("issue again");
        let used = accounts::reset_password(&test.db, &hasher(), fresh.expose(), NEW_PASSWORD, issued + RESET_LINK_LIFETIME_SECS - 1).await;
        assert_eq!(used.expect("reset with a fresh link"), person);
        assert!(logs_in(&test.db, "081234567890", NEW_PASSWORD).await);
    }

    async fn a_revoked_link_is_refused(test: TestDb) {
        let (admin, person) = admin_and_person(&test.db).await;
        let session = log_in_session(&test.db, "person-phone", Some(person)).await;
        let token = accounts::issue_reset_link(&test.db, admin, person, NOW).await.expect("issue");

        let revoked = accounts::revoke_reset_links(&test.db, admin, person, NOW + 30).await.expect("revoke");
        let nothing_left = accounts::revoke_reset_links(&test.db, admin, person, NOW + 40).await.expect("revoke again");

        assert!(revoked, "there was a pending link");
        assert!(!nothing_left, "nothing pending the second time");
        assert!(!usable(&test.db, token.expose(), NOW + 60).await);
        assert_eq!(accounts::pending_reset(&test.db, person, NOW + 60).await.expect("pending"), None);
        let used = accounts::reset_password(&test.db, &hasher(), token.expose(), NEW_PASSWORD, NOW + 60).await;
        assert!(matches!(used, Err(ResetError::LinkNotUsable)), "{used:?}");
        assert!(logs_in(&test.db, "081234567890", OLD_PASSWORD).await);
        assert!(is_live(&test.db, &session).await, "a refused link ends no session");
        assert_eq!(audit_count(&test.db, "password_reset:revoked").await, 1);
        assert_eq!(audit_count(&test.db, "password_reset:used").await, 0);
    }

    async fn an_unknown_token_is_refused_like_any_other_unusable_link(test: TestDb) {
        let (admin, person) = admin_and_person(&test.db).await;
        let real = accounts::issue_reset_link(&test.db, admin, person, NOW).await.expect("issue");
        let forged = format!("{}x", real.expose());

        assert!(!usable(&test.db, &forged, NOW + 1).await);
        let used = accounts::reset_password(&test.db, &hasher(), &forged, NEW_PASSWORD, NOW + 1).await;

        assert!(matches!(used, Err(ResetError::LinkNotUsable)), "{used:?}");
        assert!(usable(&test.db, real.expose(), NOW + 1).await, "the real link is untouched");
    }

    async fn issuing_a_new_link_revokes_the_old_one(test: TestDb) {
        let (admin, person) = admin_and_person(&test.db).await;
        let first = accounts::issue_reset_link(&test.db, admin, person, NOW).await.expect("issue");
        let second = accounts::issue_reset_link(&test.db, admin, person, NOW + 60).await.expect("issue again");

        assert_ne!(first.expose(), second.expose());
        assert!(!usable(&test.db, first.expose(), NOW + 61).await);
        assert_eq!(
            accounts::pending_reset(&test.db, person, NOW + 61).await.expect("pending"),
            Some(PendingReset { issued_at: NOW + 60, expires_at: NOW + 60 + RESET_LINK_LIFETIME_SECS })
        );
        let old = accounts::reset_password(&test.db, &hasher(), first.expose(), NEW_PASSWORD, NOW + 61).await;
        assert!(matches!(old, Err(ResetError::LinkNotUsable)), "{old:?}");
        let new = accounts::reset_password(&test.db, &hasher(), second.expose(), NEW_PASSWORD, NOW + 62).await;
        assert_eq!(new.expect("the newest link works"), person);
        assert_eq!(audit_count(&test.db, "password_reset:issued").await, 2);
    }

    async fn a_link_for_one_account_leaves_other_accounts_links_alone(test: TestDb) {
        let (admin, person) = admin_and_person(&test.db).await;
        let other = register(&test.db, "ana@contoh.id").await;
        let persons = accounts::issue_reset_link(&test.db, admin, person, NOW).await.expect("issue");
        let others = accounts::issue_reset_link(&test.db, admin, other, NOW + 1).await.expect("issue");

        assert!(usable(&test.db, persons.expose(), NOW + 2).await, "issuing for another account revokes nothing here");
        let used = accounts::reset_password(&test.db, &hasher(), others.expose(), NEW_PASSWORD, NOW + 2).await;

        assert_eq!(used.expect("reset"), other, "a link resets its own account only");
        assert!(logs_in(&test.db, "ana@contoh.id", NEW_PASSWORD).await);
        assert!(logs_in(&test.db, "081234567890", OLD_PASSWORD).await);
    }

    async fn a_refused_new_password_leaves_the_link_usable(test: TestDb) {
        let (admin, person) = admin_and_person(&test.db).await;
        let session = log_in_session(&test.db, "person-phone", Some(person)).await;
        let token = accounts::issue_reset_link(&test.db, admin, person, NOW).await.expect("issue");

        let short = accounts::reset_password(&test.db, &hasher(), token.expose(), "pendek", NOW + 60).await;
        let common = accounts::reset_password(&test.db, &hasher(), token.expose(), "Bismillah123", NOW + 61).await;

        assert!(matches!(short, Err(ResetError::Password(PasswordError::TooShort))), "{short:?}");
        assert!(matches!(common, Err(ResetError::Password(PasswordError::TooCommon))), "{common:?}");
        assert!(usable(&test.db, token.expose(), NOW + 62).await, "a refused password does not use up the link");
        assert!(logs_in(&test.db, "081234567890", OLD_PASSWORD).await);
        assert!(is_live(&test.db, &session).await);
        assert_eq!(audit_count(&test.db, "password_reset:used").await, 0);

        let fixed = accounts::reset_password(&test.db, &hasher(), token.expose(), NEW_PASSWORD, NOW + 90).await;
        assert_eq!(fixed.expect("reset"), person);
        assert!(logs_in(&test.db, "081234567890", NEW_PASSWORD).await);
        assert_eq!(audit_count(&test.db, "password_reset:used").await, 1);
    }

    async fn a_password_change_with_the_wrong_current_password_changes_nothing(test: TestDb) {
        let person = register(&test.db, "081234567890").await;
        let here = log_in_session(&test.db, "here", Some(person)).await;
        let elsewhere = log_in_session(&test.db, "elsewhere", Some(person)).await;

        let changed = accounts::change_password(&test.db, &hasher(), person, "not my password", NEW_PASSWORD, Some(&here), T0).await;

        assert!(matches!(changed, Err(ChangePasswordError::WrongCurrentPassword)), "{changed:?}");
        assert!(logs_in(&test.db, "081234567890", OLD_PASSWORD).await);
        assert!(!logs_in(&test.db, "081234567890", NEW_PASSWORD).await);
        assert!(is_live(&test.db, &here).await);
        assert!(is_live(&test.db, &elsewhere).await, "no session ends on a refused change");
        assert_eq!(audit_count(&test.db, "password:changed").await, 0);
    }

    async fn a_refused_new_password_in_a_change_changes_nothing(test: TestDb) {
        let person = register(&test.db, "081234567890").await;
        let here = log_in_session(&test.db, "here", Some(person)).await;
        let elsewhere = log_in_session(&test.db, "elsewhere", Some(person)).await;

        let short = accounts::change_password(&test.db, &hasher(), person, OLD_PASSWORD, "pendek", Some(&here), T0).await;
        let common = accounts::change_password(&test.db, &hasher(), person, OLD_PASSWORD, "password", Some(&here), T0).await;

        assert!(matches!(short, Err(ChangePasswordError::Password(PasswordError::TooShort))), "{short:?}");
        assert!(matches!(common, Err(ChangePasswordError::Password(PasswordError::TooCommon))), "{common:?}");
        assert!(logs_in(&test.db, "081234567890", OLD_PASSWORD).await);
        assert!(is_live(&test.db, &elsewhere).await);
        assert_eq!(audit_count(&test.db, "password:changed").await, 0);
    }

    async fn a_password_change_keeps_this_session_and_ends_the_others(test: TestDb) {
        let person = register(&test.db, "081234567890").await;
        let neighbour = register(&test.db, "ana@contoh.id").await;
        let here = log_in_session(&test.db, "here", Some(person)).await;
        let laptop = log_in_session(&test.db, "laptop", Some(person)).await;
        let tablet = log_in_session(&test.db, "tablet", Some(person)).await;
        let neighbours = log_in_session(&test.db, "neighbour", Some(neighbour)).await;

        accounts::change_password(&test.db, &hasher(), person, OLD_PASSWORD, NEW_PASSWORD, Some(&here), T0)
            .await
            .expect("change password");

        assert!(is_live(&test.db, &here).await, "the session the change was made in stays");
        assert!(!is_live(&test.db, &laptop).await);
        assert!(!is_live(&test.db, &tablet).await);
        assert!(is_live(&test.db, &neighbours).await);
        assert!(logs_in(&test.db, "081234567890", NEW_PASSWORD).await);
        assert!(!logs_in(&test.db, "081234567890", OLD_PASSWORD).await);
        assert_eq!(audit_count(&test.db, "password:changed").await, 1);

        // Without a session to keep, every one of them ends.
        accounts::change_password(&test.db, &hasher(), person, NEW_PASSWORD, "pasar oeba pagi", None, T0)
            .await
            .expect("change again");
        assert!(!is_live(&test.db, &here).await);
        assert!(is_live(&test.db, &neighbours).await);
        assert_eq!(audit_count(&test.db, "password:changed").await, 2);
    }

    async fn logging_out_everywhere_ends_only_that_accounts_sessions(test: TestDb) {
        let person = register(&test.db, "081234567890").await;
        let neighbour = register(&test.db, "ana@contoh.id").await;
        let mine = [
            log_in_session(&test.db, "phone", Some(person)).await,
            log_in_session(&test.db, "laptop", Some(person)).await,
            log_in_session(&test.db, "tablet", Some(person)).await,
        ];
        let neighbours = log_in_session(&test.db, "neighbour", Some(neighbour)).await;
        let visitor = log_in_session(&test.db, "visitor", None).await;

        let ended = accounts::log_out_everywhere(&test.db, person).await.expect("log out everywhere");

        assert_eq!(ended, 3);
        for key in &mine {
            assert!(!is_live(&test.db, key).await);
        }
        assert!(is_live(&test.db, &neighbours).await);
        assert!(is_live(&test.db, &visitor).await);
        assert_eq!(accounts::log_out_everywhere(&test.db, person).await.expect("again"), 0);
        assert!(logs_in(&test.db, "081234567890", OLD_PASSWORD).await, "the password is unchanged");
    }

    async fn a_phone_fragment_in_any_spelling_finds_the_stored_number(test: TestDb) {
        register(&test.db, "081234567890").await;
        register(&test.db, "0813-9999-8888").await;
        register(&test.db, "budi@contoh.id").await;

        for typed in ["0812-3456", "+62 812 3456", "62812345", "(0812) 3456", "812.3456"] {
            assert_eq!(listed(&test.db, &search(typed)).await, (vec!["+6281234567890".to_owned()], 1), "{typed}");
        }
        assert_eq!(listed(&test.db, &search("0813")).await, (vec!["+6281399998888".to_owned()], 1));
        assert_eq!(listed(&test.db, &search("0899")).await, (vec![], 0));
        // No search lists everyone, newest first.
        assert_eq!(
            listed(&test.db, &search("  ")).await,
            (vec!["budi@contoh.id".to_owned(), "+6281399998888".to_owned(), "+6281234567890".to_owned()], 3)
        );
    }

    async fn an_email_fragment_matches_in_any_case_and_wildcards_are_literal(test: TestDb) {
        register(&test.db, "Budi.Santoso@Contoh.id").await;
        register(&test.db, "maria@kupang.id").await;
        register(&test.db, "ana_b@contoh.id").await;
        register(&test.db, "anaxb@contoh.id").await;
        register(&test.db, "081234567890").await;

        assert_eq!(listed(&test.db, &search("SANTOSO")).await, (vec!["budi.santoso@contoh.id".to_owned()], 1));
        assert_eq!(listed(&test.db, &search("kupang")).await, (vec!["maria@kupang.id".to_owned()], 1));
        assert_eq!(listed(&test.db, &search("ana_b")).await, (vec!["ana_b@contoh.id".to_owned()], 1), "_ is not a wildcard");
        assert_eq!(listed(&test.db, &search("a%b")).await, (vec![], 0), "% is not a wildcard");
        assert_eq!(listed(&test.db, &search("@contoh")).await.1, 3);
    }

    async fn the_role_filter_paging_and_total_count(test: TestDb) {
        let (admin, _person) = admin_and_person(&test.db).await;
        let boss = register(&test.db, "kepala@kupangkota.go.id").await;
        accounts::set_role(&test.db, None, boss, Role::SuperAdmin, "head of office", T0).await.expect("promote");
        // Enough shoppers for a second page, written directly: hashing 55 passwords adds nothing.
        for i in 0..55 {
            with_pool!(&test.db, |pool| sqlx::query("insert into account (email, password_hash) values ($1, 'not-a-hash')")
                .bind(format!("pedagang{i:02}@contoh.id"))
                .execute(pool)
                .await
                .map(|_| ()))
            .expect("insert shopper");
        }
        let everyone = 58;

        let first = accounts::list_accounts(&test.db, &AccountQuery::default()).await.expect("page 0");
        let second = accounts::list_accounts(&test.db, &AccountQuery { page: 1, ..AccountQuery::default() }).await.expect("page 1");
        let beyond = accounts::list_accounts(&test.db, &AccountQuery { page: 2, ..AccountQuery::default() }).await.expect("page 2");

        assert_eq!((first.rows.len(), first.total), (50, everyone));
        assert_eq!((second.rows.len(), second.total), (8, everyone));
        assert_eq!((beyond.rows.len(), beyond.total), (0, everyone));
        let ids: Vec<i64> = first.rows.iter().chain(&second.rows).map(|r| r.account.id.0).collect();
        assert!(ids.windows(2).all(|w| w[0] > w[1]), "newest first, no row on two pages: {ids:?}");
        assert_eq!(ids.len(), 58);

        let admins = accounts::list_accounts(&test.db, &AccountQuery { role: Some(Role::MarketOfficer), ..AccountQuery::default() }).await.expect("admins");
        assert_eq!(admins.total, 1);
        assert_eq!(admins.rows.iter().map(|r| (r.account.id, r.account.role)).collect::<Vec<_>>(), [(admin, Role::MarketOfficer)]);
        let supers = accounts::list_accounts(&test.db, &AccountQuery { role: Some(Role::SuperAdmin), ..AccountQuery::default() }).await.expect("super admins");
        assert_eq!(supers.rows.iter().map(|r| r.account.id).collect::<Vec<_>>(), [boss]);

        // Both filters at once: shoppers matching "pedagang1" (10 to 19), and no admin matches.
        let shoppers = AccountQuery { search: "Pedagang1".into(), role: Some(Role::Shopper), page: 0 };
        let (found, total) = listed(&test.db, &shoppers).await;
        assert_eq!(total, 10);
        assert_eq!(found.first().map(String::as_str), Some("pedagang19@contoh.id"));
        assert!(found.iter().all(|f| f.starts_with("pedagang1")), "{found:?}");
        let admin_search = AccountQuery { search: "pedagang".into(), role: Some(Role::MarketOfficer), page: 0 };
        assert_eq!(listed(&test.db, &admin_search).await, (vec![], 0));
    }

    async fn listed_accounts_show_their_registration_date(test: TestDb) {
        let before = backend::Clock::system().now_utc().date().to_string();
        register(&test.db, "081234567890").await;
        let after = backend::Clock::system().now_utc().date().to_string();

        let page = accounts::list_accounts(&test.db, &AccountQuery::default()).await.expect("list");

        let registered_on = &page.rows[0].registered_on;
        assert!(*registered_on == before || *registered_on == after, "{registered_on} is not today ({before}, UTC)");
        assert_eq!(registered_on.len(), 10, "{registered_on}");
    }

    async fn an_account_is_found_by_id(test: TestDb) {
        let (admin, person) = admin_and_person(&test.db).await;

        let found = accounts::find_account(&test.db, admin).await.expect("find admin").expect("admin exists");
        let person_found = accounts::find_account(&test.db, person).await.expect("find person").expect("person exists");
        let missing = accounts::find_account(&test.db, AccountId(person.0 + 1000)).await.expect("find missing");

        assert_eq!((found.id, found.role, found.email.as_deref()), (admin, Role::MarketOfficer, Some("petugas@kupangkota.go.id")));
        assert_eq!(person_found.phone.map(|p| p.e164().to_owned()), Some("+6281234567890".to_owned()));
        assert_eq!(person_found.role, Role::Shopper);
        assert_eq!(missing, None);
    }
}
