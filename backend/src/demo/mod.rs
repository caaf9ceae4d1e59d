//! `seed-demo`: the reference data every installation needs, plus demonstration records for
//! the features built so far. Idempotent: running it twice changes nothing.

mod photos;
mod products;
mod scale;
mod vendors;
mod venues;

pub use photos::{draw as draw_demo_picture, seed_demo_photos};
pub use scale::seed_scale;

use crate::db::Database;
use crate::db::WriteTx;
use crate::error::Result;
use crate::reference::{self, LoadReport, KUPANG_WILAYAH};
use crate::vendors::crypto::PersonalDataKeys;
use crate::{with_pool, with_tx};

/// What a seeding run added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SeedReport {
    /// Kecamatan and kelurahan added.
    pub wilayah: LoadReport,
    /// Demo accounts added.
    pub accounts: u64,
    /// Demo vendor applications added.
    pub vendors: u64,
    /// Demo products added.
    pub products: u64,
    /// Demo venue units (stalls and booths) added.
    pub units: u64,
}

impl SeedReport {
    /// Whether the run added nothing (the database was already seeded).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == SeedReport::default()
    }
}

/// Loads the reference and demo data in one transaction: all of it or none.
///
/// # Errors
/// When the database fails; nothing is then saved.
///
/// # Panics
/// Never in practice: the embedded reference file is checked by a unit test.
#[tracing::instrument(skip_all)]
pub async fn seed_demo(db: &Database, keys: &PersonalDataKeys) -> Result<SeedReport> {
    let rows = reference::parse_wilayah(KUPANG_WILAYAH)
        .unwrap_or_else(|line| panic!("embedded kupang-wilayah.csv is malformed at line {line}"));
    let mut tx = db.begin_write().await?;
    let wilayah = reference::load_wilayah(&mut tx, &rows).await?;
    let hash = DEMO_PASSWORD_HASH;
    let accounts = seed_accounts(&mut tx, hash).await?;
    // Demo data is dated by the system clock: it is loaded by the run command, not a test.
    let now = crate::Clock::system().now();
    let vendors = vendors::seed_vendors(&mut tx, keys, hash, now).await?;
    let products = products::seed_products(&mut tx, now).await?;
    let units = venues::seed_venues(&mut tx, now).await?;
    tx.commit().await?;
    let report = SeedReport { wilayah, accounts, vendors, products, units };
    tracing::info!(
        kecamatan = wilayah.kecamatan,
        kelurahan = wilayah.kelurahan,
        accounts,
        "seeded"
    );
    Ok(report)
}

/// Whether the database has never been seeded (the run command seeds it on first start).
///
/// # Errors
/// When the database fails.
pub async fn is_empty(db: &Database) -> Result<bool> {
    let seeded: bool =
        with_pool!(db, |pool| sqlx::query_scalar("select exists (select 1 from kecamatan)")
            .fetch_one(pool)
            .await)?;
    Ok(!seeded)
}

/// The password of every demo account. Demo data only: printed by the run command and listed
/// in the README, so never seed demo data into a real installation.
pub const DEMO_PASSWORD: &str = "purna-demo-2026";

/// A demo login and its role.
#[derive(Debug, Clone, Copy)]
pub struct DemoAccount {
    /// What to type in the login field.
    pub login: &'static str,
    /// Stored phone number (E.164), if the login is a phone number.
    pub phone: Option<&'static str>,
    /// Stored email address, if the login is an email address.
    pub email: Option<&'static str>,
    /// Role.
    pub role: domain::Role,
    /// Who this is in the story of the demo.
    pub who: &'static str,
}

/// The demo accounts: one of each role, plus shoppers and future applicants.
pub const DEMO_ACCOUNTS: &[DemoAccount] = &[
    DemoAccount {
        login: "0811-3800-0001",
        phone: Some("+6281138000001"),
        email: None,
        role: domain::Role::SuperAdmin,
        who: "super-admin (Dinas head of markets)",
    },
    DemoAccount {
        login: "0811-3800-0002",
        phone: Some("+6281138000002"),
        email: None,
        role: domain::Role::MarketOfficer,
        who: "market officer (applications, accounts, categories)",
    },
    DemoAccount {
        login: "0811-3800-0003",
        phone: Some("+6281138000003"),
        email: None,
        role: domain::Role::Cashier,
        who: "cashier (payments and check-in on market days)",
    },
    DemoAccount {
        login: "0811-3800-0004",
        phone: Some("+6281138000004"),
        email: None,
        role: domain::Role::Trainer,
        who: "trainer (vendor trainings)",
    },
    DemoAccount {
        login: "0811-3800-0005",
        phone: Some("+6281138000005"),
        email: None,
        role: domain::Role::CityViewer,
        who: "city viewer (reports and the audit log, read-only)",
    },
    DemoAccount {
        login: "0811-3800-0006",
        phone: Some("+6281138000006"),
        email: None,
        role: domain::Role::CreditOfficer,
        who: "Bank NTT credit officer (KUR credit journeys)",
    },
    DemoAccount {
        login: "0812-3456-0001",
        phone: Some("+6281234560001"),
        email: None,
        role: domain::Role::Shopper,
        who: "shopper",
    },
    DemoAccount {
        login: "pembeli@contoh.id",
        phone: None,
        email: Some("pembeli@contoh.id"),
        role: domain::Role::Shopper,
        who: "shopper (email login)",
    },
    DemoAccount {
        login: "0813-3900-0001",
        phone: Some("+6281339000001"),
        email: None,
        role: domain::Role::Shopper,
        who: "returnee, future vendor applicant",
    },
    DemoAccount {
        login: "0813-3900-0002",
        phone: Some("+6281339000002"),
        email: None,
        role: domain::Role::Shopper,
        who: "returnee, future vendor applicant",
    },
];

/// The demo password's Argon2id hash (m=19456, t=2, p=1), written out once: hashing at every
/// seed would cost each test run seconds, and a process-wide cache shared by the test
/// runtimes is more machinery than a constant. A unit test checks it still matches.
const DEMO_PASSWORD_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$ywW13616Ysash2Q3KHouGw$lDkDoIXUUj6Nzo7+4VGsU+e4k/4XXzdNDoof4WriCjQ";

async fn seed_accounts(tx: &mut WriteTx, hash: &str) -> Result<u64> {
    let mut added = 0;
    for demo in DEMO_ACCOUNTS {
        added += with_tx!(&mut *tx, |conn| sqlx::query(
            "insert into account (phone, email, password_hash, role) values ($1, $2, $3, $4)
             on conflict do nothing"
        )
        .bind(demo.phone)
        .bind(demo.email)
        .bind(hash)
        .bind(demo.role.as_str())
        .execute(&mut **conn)
        .await
        .map(|r| r.rows_affected()))?;
    }
    Ok(added)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_logins_normalise_to_their_stored_form_and_the_password_is_allowed() {
        for demo in DEMO_ACCOUNTS {
            let login = domain::LoginId::parse(demo.login).expect("demo login parses");
            assert_eq!(Some(login.normalised()), demo.phone.or(demo.email), "{}", demo.login);
        }
        assert_eq!(domain::password::check_new_password(DEMO_PASSWORD), Ok(()));
    }

    #[tokio::test]
    async fn the_written_out_hash_is_the_demo_passwords() {
        let hasher = crate::accounts::PasswordHasher::new(1);
        assert!(hasher
            .verify(DEMO_PASSWORD.to_owned(), DEMO_PASSWORD_HASH.to_owned())
            .await
            .expect("verify"));
        assert!(!hasher
            .verify("another-password".to_owned(), DEMO_PASSWORD_HASH.to_owned())
            .await
            .expect("verify"));
    }
}
