//! Session storage and failed-login throttling, on both engines.

use backend::accounts::{self, AccountId, PasswordHasher};
use backend::sessions::{self, SessionKey, SessionSummary, SessionWrite};
use backend::throttle::{self, Attempt, Limit, LoginLimits, TooManyAttempts};
use backend::{storage_test, with_pool, Database};
use domain::LoginId;

/// A fixed "now" (June 2025): every time in these specs is counted from it.
const NOW: i64 = 1_750_000_000;
const DAY: i64 = 24 * 60 * 60;
/// The default per-account window.
const WINDOW: i64 = 15 * 60;

async fn register(db: &Database, typed: &str) -> AccountId {
    let hasher = PasswordHasher::new(1);
    let login = LoginId::parse(typed).expect("valid login");
    accounts::register(db, &hasher, &login, "tenun ikat sumba").await.expect("register")
}

fn write<'a>(
    account: Option<AccountId>,
    data: &'a str,
    device: &'a str,
    expires_at: i64,
) -> SessionWrite<'a> {
    SessionWrite { account, data, device, expires_at }
}

async fn save_session(
    db: &Database,
    cookie: &str,
    account: Option<AccountId>,
    device: &str,
    expires_at: i64,
    now: i64,
) -> SessionKey {
    let key = SessionKey::from_cookie_id(cookie);
    let data = format!(r#"{{"cookie":"{cookie}"}}"#);
    let write = SessionWrite { account, data: &data, device, expires_at };
    sessions::create(db, &key, &write, now).await.expect("save session");
    key
}

async fn is_live(db: &Database, key: &SessionKey, now: i64) -> bool {
    sessions::load(db, key, now).await.expect("load session").is_some()
}

async fn session_rows(db: &Database) -> i64 {
    with_pool!(db, |pool| sqlx::query_scalar("select count(*) from session").fetch_one(pool).await)
        .expect("count sessions")
}

async fn throttle_failures(db: &Database, scope: &str) -> Vec<i64> {
    with_pool!(db, |pool| sqlx::query_scalar(
        "select failures from login_throttle where scope = $1 order by failures"
    )
    .bind(scope)
    .fetch_all(pool)
    .await)
    .expect("read throttle")
}

fn blocked(retry_after_secs: i64) -> Result<(), TooManyAttempts> {
    Err(TooManyAttempts { retry_after_secs })
}

async fn check(
    db: &Database,
    limits: &LoginLimits,
    attempt: &Attempt,
    now: i64,
) -> Result<(), TooManyAttempts> {
    throttle::check(db, limits, attempt, now).await.expect("check throttle")
}

/// An attempt that failed: counted before its password was checked.
async fn fail(db: &Database, limits: &LoginLimits, attempt: &Attempt, now: i64) {
    let _ = throttle::admit(db, limits, attempt, now).await.expect("count the attempt");
}

storage_test! {
    async fn a_saved_session_loads_back_with_its_data_and_expiry(test: TestDb) {
        let person = register(&test.db, "081234567890").await;
        let key = SessionKey::from_cookie_id("cookie-id-a");
        let first = SessionWrite { account: Some(person), data: r#"{"step":1}"#, device: "Android · Chrome", expires_at: NOW + DAY };

        sessions::create(&test.db, &key, &first, NOW).await.expect("save");

        assert_eq!(
            sessions::load(&test.db, &key, NOW + 1).await.expect("load"),
            Some((r#"{"step":1}"#.to_owned(), NOW + DAY))
        );
        // The same cookie id always gives the same key; another id finds nothing.
        let same = SessionKey::from_cookie_id("cookie-id-a");
        assert!(same == key);
        assert_eq!(sessions::load(&test.db, &SessionKey::from_cookie_id("cookie-id-b"), NOW + 1).await.expect("load"), None);

        // Saving again updates the row in place.
        let second = SessionWrite { account: Some(person), data: r#"{"step":2}"#, device: "Android · Chrome", expires_at: NOW + 2 * DAY };
        assert!(sessions::save(&test.db, &key, &second, NOW + 60).await.expect("save again"));
        assert_eq!(
            sessions::load(&test.db, &key, NOW + DAY + 1).await.expect("load"),
            Some((r#"{"step":2}"#.to_owned(), NOW + 2 * DAY))
        );
        assert_eq!(session_rows(&test.db).await, 1);

        // Only the SHA-256 of the cookie id is stored, never the id itself.
        let stored: String = with_pool!(&test.db, |pool| sqlx::query_scalar("select session_key from session")
            .fetch_one(pool)
            .await)
        .expect("stored key");
        assert_ne!(stored, "cookie-id-a");
        assert_eq!(stored.len(), 64, "{stored}");
        assert!(stored.chars().all(|c| c.is_ascii_hexdigit()), "{stored}");
        assert!(!format!("{key:?}").contains(&stored), "Debug must not print the key");
    }

    async fn saving_an_ended_session_does_not_bring_it_back(test: TestDb) {
        let person = register(&test.db, "081234567891").await;
        let key = save_session(&test.db, "cookie-late", Some(person), "", NOW + DAY, NOW).await;
        sessions::end_all_for_account(&test.db, person, None).await.expect("end");

        let late = write(Some(person), r#"{"seen_at":1}"#, "", NOW + 2 * DAY);
        let existed = sessions::save(&test.db, &key, &late, NOW + 5).await.expect("save");

        assert!(!existed);
        assert_eq!(sessions::load(&test.db, &key, NOW + 6).await.expect("load"), None);
    }

    async fn an_anonymous_session_round_trips_too(test: TestDb) {
        let key = SessionKey::from_cookie_id("visitor");
        let anonymous = write(None, r#"{"locale":"id"}"#, "", NOW + DAY);

        sessions::create(&test.db, &key, &anonymous, NOW).await.expect("save");

        assert_eq!(
            sessions::load(&test.db, &key, NOW).await.expect("load"),
            Some((r#"{"locale":"id"}"#.to_owned(), NOW + DAY))
        );
    }

    async fn create_never_overwrites_an_existing_session(test: TestDb) {
        let key = SessionKey::from_cookie_id("cookie-id-a");
        let original = write(None, "original", "", NOW + DAY);
        let intruder = write(None, "intruder", "", NOW + 2 * DAY);

        let first = sessions::create(&test.db, &key, &original, NOW).await.expect("create");
        let second = sessions::create(&test.db, &key, &intruder, NOW + 1).await.expect("create again");

        assert!(first, "the first create inserts");
        assert!(!second, "a second create with the same key reports a collision");
        assert_eq!(
            sessions::load(&test.db, &key, NOW + 2).await.expect("load"),
            Some(("original".to_owned(), NOW + DAY))
        );
    }

    async fn an_expired_session_is_not_loaded_and_is_swept(test: TestDb) {
        let short = save_session(&test.db, "short", None, "", NOW + 100, NOW).await;
        let long = save_session(&test.db, "long", None, "", NOW + DAY, NOW).await;

        assert!(is_live(&test.db, &short, NOW + 99).await, "live one second before expiry");
        assert!(!is_live(&test.db, &short, NOW + 100).await, "void at its expiry");
        assert!(!is_live(&test.db, &short, NOW + 101).await, "void after its expiry");

        assert_eq!(sessions::delete_expired(&test.db, NOW + 99).await.expect("sweep"), 0);
        assert_eq!(sessions::delete_expired(&test.db, NOW + 100).await.expect("sweep"), 1);
        assert_eq!(session_rows(&test.db).await, 1);
        assert!(is_live(&test.db, &long, NOW + 100).await);
    }

    async fn deleting_a_session_ends_only_that_one(test: TestDb) {
        let person = register(&test.db, "081234567890").await;
        let phone = save_session(&test.db, "phone", Some(person), "Android · Chrome", NOW + DAY, NOW).await;
        let laptop = save_session(&test.db, "laptop", Some(person), "Windows · Firefox", NOW + DAY, NOW).await;

        sessions::delete(&test.db, &phone).await.expect("delete");
        sessions::delete(&test.db, &SessionKey::from_cookie_id("never-existed")).await.expect("delete unknown");

        assert!(!is_live(&test.db, &phone, NOW + 1).await);
        assert!(is_live(&test.db, &laptop, NOW + 1).await);
    }

    async fn ending_all_sessions_of_an_account_keeps_the_excepted_one_and_other_accounts(test: TestDb) {
        let maria = register(&test.db, "081234567890").await;
        let budi = register(&test.db, "budi@contoh.id").await;
        let here = save_session(&test.db, "maria-here", Some(maria), "Android · Chrome", NOW + DAY, NOW).await;
        let laptop = save_session(&test.db, "maria-laptop", Some(maria), "Windows · Firefox", NOW + DAY, NOW).await;
        let tablet = save_session(&test.db, "maria-tablet", Some(maria), "Android · Samsung", NOW + DAY, NOW).await;
        let budis = save_session(&test.db, "budi", Some(budi), "iOS · Safari", NOW + DAY, NOW).await;
        let visitor = save_session(&test.db, "visitor", None, "", NOW + DAY, NOW).await;

        let ended = sessions::end_all_for_account(&test.db, maria, Some(&here)).await.expect("end others");

        assert_eq!(ended, 2);
        assert!(is_live(&test.db, &here, NOW + 1).await, "the excepted session stays");
        assert!(!is_live(&test.db, &laptop, NOW + 1).await);
        assert!(!is_live(&test.db, &tablet, NOW + 1).await);
        assert!(is_live(&test.db, &budis, NOW + 1).await, "another account's session stays");
        assert!(is_live(&test.db, &visitor, NOW + 1).await, "an anonymous session stays");

        let ended = sessions::end_all_for_account(&test.db, maria, None).await.expect("end all");

        assert_eq!(ended, 1);
        assert!(!is_live(&test.db, &here, NOW + 1).await);
        assert!(is_live(&test.db, &budis, NOW + 1).await);
        assert_eq!(session_rows(&test.db).await, 2);
    }

    async fn the_list_marks_the_current_session_and_shows_the_most_recently_used_first(test: TestDb) {
        let maria = register(&test.db, "081234567890").await;
        let budi = register(&test.db, "budi@contoh.id").await;
        let phone = save_session(&test.db, "phone", Some(maria), "Android · Chrome", NOW + DAY, NOW).await;
        let laptop = save_session(&test.db, "laptop", Some(maria), "Windows · Firefox", NOW + DAY, NOW + 10).await;
        save_session(&test.db, "old", Some(maria), "Android · Opera", NOW + 25, NOW + 5).await;
        save_session(&test.db, "budi", Some(budi), "iOS · Safari", NOW + DAY, NOW + 40).await;
        // The phone is used again later: it moves to the top, its creation time stays.
        let again = write(Some(maria), r#"{"cookie":"phone"}"#, "Android · Chrome", NOW + DAY);
        assert!(sessions::save(&test.db, &phone, &again, NOW + 20).await.expect("save again"));

        let listed = sessions::list_for_account(&test.db, maria, Some(&laptop), NOW + 30).await.expect("list");

        assert_eq!(
            listed,
            [
                SessionSummary { current: false, device: "Android · Chrome".into(), created_at: NOW, last_seen_at: NOW + 20 },
                SessionSummary { current: true, device: "Windows · Firefox".into(), created_at: NOW + 10, last_seen_at: NOW + 10 },
            ],
            "expired and other accounts' sessions are left out"
        );

        let from_phone = sessions::list_for_account(&test.db, maria, Some(&phone), NOW + 30).await.expect("list");
        assert_eq!(from_phone.iter().map(|s| s.current).collect::<Vec<_>>(), [true, false]);
        let nowhere = sessions::list_for_account(&test.db, maria, None, NOW + 30).await.expect("list");
        assert!(nowhere.iter().all(|s| !s.current), "{nowhere:?}");
        assert_eq!(nowhere.len(), 2);
    }

    async fn five_failures_block_the_sixth_attempt_until_the_window_ends(test: TestDb) {
        let limits = LoginLimits::default();
        let attempt = Attempt::new("+6281234567890", "203.0.113.7");

        for i in 0..5 {
            assert_eq!(check(&test.db, &limits, &attempt, NOW + i).await, Ok(()), "attempt {}", i + 1);
            fail(&test.db, &limits, &attempt, NOW + i).await;
        }

        // The window started at the first failure and lasts fifteen minutes.
        assert_eq!(check(&test.db, &limits, &attempt, NOW + 10).await, blocked(WINDOW - 10));
        assert_eq!(check(&test.db, &limits, &attempt, NOW + WINDOW - 1).await, blocked(1));
        assert_eq!(check(&test.db, &limits, &attempt, NOW + WINDOW).await, Ok(()));
    }

    async fn a_passed_window_lets_attempts_through_and_counts_afresh(test: TestDb) {
        let limits = LoginLimits::default();
        let attempt = Attempt::new("+6281234567890", "203.0.113.7");
        for i in 0..5 {
            fail(&test.db, &limits, &attempt, NOW + i).await;
        }
        assert!(check(&test.db, &limits, &attempt, NOW + 60).await.is_err());

        let later = NOW + WINDOW + 30;
        assert_eq!(check(&test.db, &limits, &attempt, later).await, Ok(()));
        fail(&test.db, &limits, &attempt, later).await;

        // The failure after the window started a new window with a count of one, not six.
        assert_eq!(throttle_failures(&test.db, "account").await, [1]);
        assert_eq!(check(&test.db, &limits, &attempt, later + 1).await, Ok(()));
        for i in 1..5 {
            fail(&test.db, &limits, &attempt, later + i).await;
        }
        assert_eq!(check(&test.db, &limits, &attempt, later + 100).await, blocked(WINDOW - 100));
    }

    async fn the_account_limit_follows_the_login_across_addresses(test: TestDb) {
        let limits = LoginLimits::default();
        let maria_here = Attempt::new("+6281234567890", "203.0.113.7");
        let maria_elsewhere = Attempt::new("+6281234567890", "198.51.100.20");
        let budi_here = Attempt::new("budi@contoh.id", "203.0.113.7");
        for i in 0..5 {
            fail(&test.db, &limits, &maria_here, NOW + i).await;
        }

        assert_eq!(check(&test.db, &limits, &maria_elsewhere, NOW + 5).await, blocked(WINDOW - 5));
        assert_eq!(check(&test.db, &limits, &budi_here, NOW + 5).await, Ok(()), "the shared address stays open");

        // Neither the login nor the address is stored readably.
        let subjects: Vec<String> = with_pool!(&test.db, |pool| sqlx::query_scalar("select subject from login_throttle")
            .fetch_all(pool)
            .await)
        .expect("subjects");
        assert_eq!(subjects.len(), 2);
        assert!(subjects.iter().all(|s| s.len() == 64 && !s.contains("203.0") && !s.contains("62812")), "{subjects:?}");
    }

    async fn the_address_limit_counts_across_logins_independently_of_the_account_limit(test: TestDb) {
        let limits = LoginLimits {
            per_account: Limit { failures: 5, window_secs: WINDOW },
            per_address: Limit { failures: 3, window_secs: 600 },
            ..LoginLimits::default()
        };
        for (i, login) in ["+6281111111111", "+6282222222222", "ana@contoh.id"].into_iter().enumerate() {
            let attempt = Attempt::new(login, "203.0.113.7");
            fail(&test.db, &limits, &attempt, NOW + i64::try_from(i).expect("small")).await;
        }

        // A login nobody has failed on is refused from that address, for the address's window …
        let newcomer_here = Attempt::new("+6283333333333", "203.0.113.7");
        assert_eq!(check(&test.db, &limits, &newcomer_here, NOW + 100).await, blocked(500));
        // … but every one of those logins still works from another address.
        for login in ["+6281111111111", "+6282222222222", "ana@contoh.id", "+6283333333333"] {
            let elsewhere = Attempt::new(login, "198.51.100.20");
            assert_eq!(check(&test.db, &limits, &elsewhere, NOW + 100).await, Ok(()), "{login}");
        }
        assert_eq!(check(&test.db, &limits, &newcomer_here, NOW + 600).await, Ok(()));
        assert_eq!(throttle_failures(&test.db, "account").await, [1, 1, 1]);
        assert_eq!(throttle_failures(&test.db, "address").await, [3]);
    }

    async fn a_successful_login_clears_its_account_count_but_not_its_address_count(test: TestDb) {
        let limits = LoginLimits {
            per_account: Limit { failures: 5, window_secs: WINDOW },
            per_address: Limit { failures: 7, window_secs: WINDOW },
            ..LoginLimits::default()
        };
        let maria = Attempt::new("+6281234567890", "203.0.113.7");
        for i in 0..5 {
            fail(&test.db, &limits, &maria, NOW + i).await;
        }
        assert!(check(&test.db, &limits, &maria, NOW + 10).await.is_err());

        throttle::clear_account(&test.db, &maria).await.expect("clear");

        assert_eq!(check(&test.db, &limits, &maria, NOW + 10).await, Ok(()));
        assert_eq!(throttle_failures(&test.db, "account").await, Vec::<i64>::new());
        assert_eq!(throttle_failures(&test.db, "address").await, [5]);
        // Two more failures take the address to its limit of seven: the earlier five still count.
        fail(&test.db, &limits, &maria, NOW + 20).await;
        fail(&test.db, &limits, &maria, NOW + 21).await;
        let budi_here = Attempt::new("budi@contoh.id", "203.0.113.7");
        assert_eq!(check(&test.db, &limits, &budi_here, NOW + 30).await, blocked(WINDOW - 30));
        assert_eq!(throttle_failures(&test.db, "account").await, [2]);
    }

    async fn attempts_arriving_at_once_are_admitted_at_most_up_to_each_limit(test: TestDb) {
        let limits = LoginLimits {
            per_account: Limit { failures: 5, window_secs: WINDOW },
            per_address: Limit { failures: 20, window_secs: WINDOW },
            ..LoginLimits::default()
        };
        // Thirty guesses at one login from thirty addresses, all at once …
        let one_login: Vec<Attempt> =
            (0..30).map(|i| Attempt::new("+6281234567890", &format!("203.0.113.{i}"))).collect();
        let admitted = futures::future::join_all(
            one_login.iter().map(|attempt| throttle::admit(&test.db, &limits, attempt, NOW)),
        )
        .await;
        let admitted = admitted.into_iter().map(|r| r.expect("admit")).filter(Result::is_ok).count();
        assert_eq!(admitted, 5, "per login");

        // … and fifty guesses at fifty logins from one address.
        let one_address: Vec<Attempt> =
            (0..50).map(|i| Attempt::new(&format!("+62812000000{i:02}"), "198.51.100.7")).collect();
        let admitted = futures::future::join_all(
            one_address.iter().map(|attempt| throttle::admit(&test.db, &limits, attempt, NOW)),
        )
        .await;
        let admitted = admitted.into_iter().map(|r| r.expect("admit")).filter(Result::is_ok).count();
        assert_eq!(admitted, 20, "per address");
    }

    async fn a_success_gives_its_attempt_back_to_the_address_but_failures_still_count(test: TestDb) {
        let limits = LoginLimits {
            per_account: Limit { failures: 5, window_secs: WINDOW },
            per_address: Limit { failures: 3, window_secs: WINDOW },
            ..LoginLimits::default()
        };
        // Many people behind one carrier address log in right: the address stays open.
        for i in 0..10 {
            let person = Attempt::new(&format!("+628120000{i:04}"), "203.0.113.7");
            assert_eq!(throttle::admit(&test.db, &limits, &person, NOW + i).await.expect("admit"), Ok(()));
            throttle::succeeded(&test.db, &person).await.expect("success");
        }
        assert_eq!(throttle_failures(&test.db, "address").await, [0]);
        // Three wrong guesses use the address up.
        for i in 0..3 {
            fail(&test.db, &limits, &Attempt::new(&format!("+628130000{i:04}"), "203.0.113.7"), NOW + 20).await;
        }
        let next = Attempt::new("+6281400000000", "203.0.113.7");
        assert!(throttle::admit(&test.db, &limits, &next, NOW + 30).await.expect("admit").is_err());
    }

    async fn registrations_are_counted_per_address_apart_from_logins(test: TestDb) {
        let limits = LoginLimits {
            registrations_per_address: Limit { failures: 2, window_secs: 3600 },
            ..LoginLimits::default()
        };
        for _ in 0..2 {
            assert_eq!(throttle::admit_registration(&test.db, &limits, "203.0.113.7", NOW).await.expect("admit"), Ok(()));
        }
        assert_eq!(
            throttle::admit_registration(&test.db, &limits, "203.0.113.7", NOW + 60).await.expect("admit"),
            blocked(3600 - 60)
        );
        assert_eq!(throttle::admit_registration(&test.db, &limits, "198.51.100.20", NOW + 60).await.expect("admit"), Ok(()));
        // Logging in from the address is not affected.
        let login = Attempt::new("+6281234567890", "203.0.113.7");
        assert_eq!(check(&test.db, &limits, &login, NOW + 60).await, Ok(()));
        assert_eq!(throttle::admit_registration(&test.db, &limits, "203.0.113.7", NOW + 3600).await.expect("admit"), Ok(()));
    }

    async fn retrying_a_locked_login_does_not_use_up_its_address(test: TestDb) {
        let limits = LoginLimits {
            per_account: Limit { failures: 5, window_secs: WINDOW },
            per_address: Limit { failures: 8, window_secs: WINDOW },
            ..LoginLimits::default()
        };
        let maria = Attempt::new("+6281234567890", "203.0.113.7");
        for i in 0..20 {
            fail(&test.db, &limits, &maria, NOW + i).await;
        }

        assert_eq!(throttle_failures(&test.db, "address").await, [5], "only the five admitted count");
        let neighbour = Attempt::new("budi@contoh.id", "203.0.113.7");
        assert_eq!(throttle::admit(&test.db, &limits, &neighbour, NOW + 30).await.expect("admit"), Ok(()));
    }
}
