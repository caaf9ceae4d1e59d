//! Fresh databases for integration tests, on both engines.
//!
//! SQLite always runs. PostgreSQL runs when `TEST_DATABASE_URL` names a server: each test then
//! gets its own new database on it. Without the variable the PostgreSQL half of every test is
//! skipped, and a banner says so on stderr (written past the test harness's output capture, so
//! it cannot be missed). Set `REQUIRE_POSTGRES=1` to turn the skip into a failure, as CI does.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Once;

use sqlx::{Connection, Executor, PgConnection};

use crate::db::{ConnectOptions, Database, Engine};

/// Declares one storage specification as two tests, `<name>::sqlite` and `<name>::postgres`,
/// so the test output shows which engine each run used:
///
/// ```text
/// backend::storage_test! {
///     async fn seeding_twice_changes_nothing(test: TestDb) { /* … */ }
///
///     // Races need real threads: this spec runs on a four-thread runtime.
///     #[multi_thread]
///     async fn two_workers_never_take_the_same_job(test: TestDb) { /* … */ }
/// }
/// ```
#[macro_export]
macro_rules! storage_test {
    () => {};
    (#[multi_thread] async fn $name:ident($test:ident: TestDb) $body:block $($rest:tt)*) => {
        $crate::storage_test!(@spec [flavor = "multi_thread", worker_threads = 4] $name $test $body);
        $crate::storage_test!($($rest)*);
    };
    (async fn $name:ident($test:ident: TestDb) $body:block $($rest:tt)*) => {
        $crate::storage_test!(@spec [] $name $test $body);
        $crate::storage_test!($($rest)*);
    };
    (@spec [$($flavor:tt)*] $name:ident $test:ident $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn spec($test: $crate::testing::TestDb) $body

            #[tokio::test($($flavor)*)]
            async fn sqlite() {
                spec($crate::testing::sqlite().await).await;
            }

            #[tokio::test($($flavor)*)]
            async fn postgres() {
                if let Some(test) = $crate::testing::postgres().await {
                    spec(test).await;
                }
            }
        }
    };
}

/// The account and application of the demo vendor with public slug `slug` (after
/// `demo::seed_demo`).
///
/// # Panics
/// When there is no such vendor.
pub async fn demo_vendor(
    db: &Database,
    slug: &str,
) -> (crate::accounts::AccountId, crate::vendors::ApplicationId) {
    let (account, application): (i64, i64) = crate::with_pool!(db, |pool| sqlx::query_as(
        "select account_id, application_id from vendor where public_slug = $1"
    )
    .bind(slug)
    .fetch_one(pool)
    .await)
    .expect("demo vendor");
    (crate::accounts::AccountId(account), crate::vendors::ApplicationId(application))
}

/// The account with the stored phone number `phone` (`+62…`).
///
/// # Panics
/// When there is no such account.
pub async fn account_by_phone(db: &Database, phone: &str) -> crate::accounts::AccountId {
    let id: i64 = crate::with_pool!(db, |pool| sqlx::query_scalar(
        "select account_id from account where phone = $1"
    )
    .bind(phone)
    .fetch_one(pool)
    .await)
    .unwrap_or_else(|error| panic!("no account {phone}: {error}"));
    crate::accounts::AccountId(id)
}

/// The keys tests encrypt personal data with (fixed, insecure: tests only).
#[must_use]
pub fn keys() -> crate::vendors::crypto::PersonalDataKeys {
    crate::vendors::crypto::PersonalDataKeys::insecure_development_keys()
}

/// A migrated, empty database, removed when dropped.
#[derive(Debug)]
pub struct TestDb {
    /// The database under test.
    pub db: Database,
    /// Its URL, for tests that start the whole server.
    pub url: String,
    cleanup: Cleanup,
}

#[derive(Debug)]
enum Cleanup {
    SqliteFile(PathBuf),
    PostgresDatabase { admin_url: String, name: String },
}

impl Drop for TestDb {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::SqliteFile(file) => {
                for suffix in ["", "-wal", "-shm"] {
                    let mut path = file.clone().into_os_string();
                    path.push(suffix);
                    let _ = std::fs::remove_file(path);
                }
            }
            Cleanup::PostgresDatabase { admin_url, name } => {
                // Drop runs inside the test's runtime, which cannot be blocked on; a short-lived
                // thread with its own runtime removes the database instead.
                let (admin_url, name) = (admin_url.clone(), name.clone());
                let _ = std::thread::spawn(move || {
                    let runtime =
                        tokio::runtime::Builder::new_current_thread().enable_all().build();
                    if let Ok(runtime) = runtime {
                        runtime.block_on(async {
                            if let Ok(mut admin) = PgConnection::connect(&admin_url).await {
                                let sql = format!("drop database if exists {name} with (force)");
                                let _ = admin.execute(sql.as_str()).await;
                            }
                        });
                    }
                })
                .join();
            }
        }
    }
}

/// A name no other test in this run, or in a parallel run, has used.
#[expect(clippy::disallowed_methods, reason = "a source of uniqueness, not of the time")]
fn unique_name() -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!(
        "pasar_test_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        nanos
    )
}

fn small_pool() -> ConnectOptions {
    ConnectOptions { max_connections: 4, ..ConnectOptions::default() }
}

/// A new SQLite database file in the system's temporary folder.
///
/// # Panics
/// When the file cannot be created or migrated: the test cannot run.
pub async fn sqlite() -> TestDb {
    sqlite_up_to(None).await
}

async fn sqlite_up_to(version: Option<i64>) -> TestDb {
    let file = std::env::temp_dir().join(format!("{}.db", unique_name()));
    let url = format!("sqlite://{}", file.display());
    let db = migrated(&url, version).await;
    TestDb { db, url, cleanup: Cleanup::SqliteFile(file) }
}

/// A database at `url`, migrated to the latest version or only up to `version`.
async fn migrated(url: &str, version: Option<i64>) -> Database {
    match version {
        None => Database::connect_and_migrate(url, &small_pool())
            .await
            .expect("create and migrate a test database"),
        Some(version) => {
            let db = Database::connect(url, &small_pool()).await.expect("create a test database");
            db.migrate_up_to(version).await.expect("migrate a test database part of the way");
            db
        }
    }
}

/// Every engine available to this run, each database migrated only up to `version`: for
/// tests of what a later migration does to existing rows.
pub async fn all_up_to(version: i64) -> Vec<TestDb> {
    let mut dbs = vec![sqlite_up_to(Some(version)).await];
    dbs.extend(postgres_up_to(Some(version)).await);
    dbs
}

/// A new PostgreSQL database on the server `TEST_DATABASE_URL` names, or `None` (with a loud
/// banner) when the variable is unset.
///
/// # Panics
/// When the variable is set but the server cannot be used, or when it is unset and
/// `REQUIRE_POSTGRES` is set: a silently skipped backend must not look like a pass.
pub async fn postgres() -> Option<TestDb> {
    postgres_up_to(None).await
}

async fn postgres_up_to(version: Option<i64>) -> Option<TestDb> {
    let Ok(admin_url) = std::env::var("TEST_DATABASE_URL") else {
        assert!(
            std::env::var_os("REQUIRE_POSTGRES").is_none(),
            "REQUIRE_POSTGRES is set but TEST_DATABASE_URL is not"
        );
        warn_postgres_skipped();
        return None;
    };
    assert_eq!(Engine::from_url(&admin_url), Some(Engine::Postgres), "TEST_DATABASE_URL");
    let name = unique_name();
    let mut admin = PgConnection::connect(&admin_url)
        .await
        .expect("connect to the PostgreSQL server named by TEST_DATABASE_URL");
    admin
        .execute(format!("create database {name}").as_str())
        .await
        .expect("create a PostgreSQL test database");
    let mut url = url::Url::parse(&admin_url).expect("TEST_DATABASE_URL is a URL");
    url.set_path(&name);
    drop(admin);
    let url = url.to_string();
    let db = migrated(&url, version).await;
    Some(TestDb { db, url, cleanup: Cleanup::PostgresDatabase { admin_url, name } })
}

/// Every engine available to this run: SQLite, then PostgreSQL when configured.
pub async fn all() -> Vec<TestDb> {
    let mut dbs = vec![sqlite().await];
    dbs.extend(postgres().await);
    dbs
}

fn warn_postgres_skipped() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        use std::io::Write;
        // Straight to the file descriptor: eprintln! would be captured and hidden by libtest.
        let _ = writeln!(
            std::io::stderr().lock(),
            "\n\
             ************************************************************************\n\
             * PostgreSQL SKIPPED: TEST_DATABASE_URL is not set, so storage tests   *\n\
             * ran on SQLite only. Set it (e.g. postgres://postgres@127.0.0.1/test) *\n\
             * to run them on PostgreSQL too.                                       *\n\
             ************************************************************************"
        );
    });
}

/// A PNG that is only its header and the start of its data: `width`×`height`, 16-bit RGB. A
/// few dozen bytes that a decoder would turn into `width × height × 6` bytes of pixels.
#[must_use]
pub fn deep_png_header(width: u32, height: u32) -> Vec<u8> {
    fn chunk(png: &mut Vec<u8>, kind_and_data: &[u8]) {
        let length = u32::try_from(kind_and_data.len() - 4).unwrap_or(u32::MAX);
        png.extend_from_slice(&length.to_be_bytes());
        png.extend_from_slice(kind_and_data);
        png.extend_from_slice(&crc32(kind_and_data).to_be_bytes());
    }
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &byte in bytes {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }
    let mut header = b"IHDR".to_vec();
    header.extend_from_slice(&width.to_be_bytes());
    header.extend_from_slice(&height.to_be_bytes());
    header.extend_from_slice(&[16, 2, 0, 0, 0]); // 16 bits, RGB, deflate, no filter or interlace
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut png, &header);
    // The first data chunk, a zlib header only: decoders read the header up to here.
    chunk(&mut png, b"IDAT\x78\x9c");
    png
}

/// A JPEG the photo pipeline accepts: `width`×`height`, a gradient with fine texture (so the
/// encoders work as on a photo). Made in the test, never a binary fixture.
///
/// # Panics
/// If the encoder fails.
#[must_use]
pub fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let picture = image::RgbImage::from_fn(width, height, |x, y| {
        let noise =
            u8::try_from((x.wrapping_mul(7919) ^ y.wrapping_mul(104_729)) % 23).unwrap_or(0);
        let r = u8::try_from(x * 255 / width.max(1)).unwrap_or(u8::MAX);
        let g = u8::try_from(y * 255 / height.max(1)).unwrap_or(u8::MAX);
        image::Rgb([r.saturating_add(noise), g, 120u8.saturating_add(noise)])
    });
    let mut bytes = Vec::new();
    picture
        .write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 90))
        .expect("encode jpeg");
    bytes
}

/// `count` active vendors of `category` (`kuliner`…), each with an account, an approved
/// application and a vendor record: the crowd of a booking race.
///
/// # Panics
/// When the database fails.
pub async fn active_vendors(
    db: &Database,
    count: usize,
    category: &str,
) -> Vec<crate::accounts::AccountId> {
    let mut accounts = Vec::with_capacity(count);
    let mut tx = db.begin_write().await.expect("begin");
    // Numbered after those already there, so a test may ask twice.
    let first: i64 =
        crate::with_tx!(&mut tx, |conn| sqlx::query_scalar("select count(*) from account")
            .fetch_one(&mut **conn)
            .await)
        .expect("count");
    let first = usize::try_from(first).unwrap_or(0);
    for n in first..first + count {
        let phone = format!("+62821{n:08}");
        let account: i64 = crate::with_tx!(&mut tx, |conn| sqlx::query_scalar(
            "insert into account (phone, password_hash) values ($1, 'not-a-hash') returning account_id"
        )
        .bind(&phone)
        .fetch_one(&mut **conn)
        .await)
        .expect("account");
        let application: i64 = crate::with_tx!(&mut tx, |conn| sqlx::query_scalar(
            "insert into vendor_application (account_id, status, business_name, category,
                created_at, updated_at)
             values ($1, 'approved', $2, $3, 0, 0) returning application_id"
        )
        .bind(account)
        .bind(format!("Usaha uji {n}"))
        .bind(category)
        .fetch_one(&mut **conn)
        .await)
        .expect("application");
        crate::vendors::create_vendor(
            &mut tx,
            crate::vendors::ApplicationId(application),
            &format!("uji-{n}"),
            0,
        )
        .await
        .expect("vendor");
        accounts.push(crate::accounts::AccountId(account));
    }
    tx.commit().await.expect("commit");
    accounts
}

/// A weekend market with one zone taking `categories` (comma-separated) and `count` free
/// stalls (`S-001`…); returns the stalls.
///
/// # Panics
/// When the database fails.
pub async fn weekend_market(
    db: &Database,
    count: usize,
    categories: &str,
) -> Vec<crate::bookings::UnitId> {
    let mut tx = db.begin_write().await.expect("begin");
    let venue: i64 = crate::with_tx!(&mut tx, |conn| sqlx::query_scalar(
        "insert into venue (slug, name, kind, created_at) values ('uji', 'Pasar uji', 'weekend_market', 0)
         returning venue_id"
    )
    .fetch_one(&mut **conn)
    .await)
    .expect("venue");
    let zone: i64 = crate::with_tx!(&mut tx, |conn| sqlx::query_scalar(
        "insert into venue_zone (venue_id, name, categories) values ($1, 'umum', $2) returning zone_id"
    )
    .bind(venue)
    .bind(categories)
    .fetch_one(&mut **conn)
    .await)
    .expect("zone");
    let mut stalls = Vec::with_capacity(count);
    for n in 0..count {
        let id: i64 = crate::with_tx!(&mut tx, |conn| sqlx::query_scalar(
            "insert into unit (venue_id, zone_id, code) values ($1, $2, $3) returning unit_id"
        )
        .bind(venue)
        .bind(zone)
        .bind(format!("S-{:03}", n + 1))
        .fetch_one(&mut **conn)
        .await)
        .expect("stall");
        stalls.push(crate::bookings::UnitId(id));
    }
    tx.commit().await.expect("commit");
    stalls
}
