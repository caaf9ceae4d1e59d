//! Rotating the NIK encryption key: rows under an older key are re-encrypted with the new one
//! and still read back the same; nothing changes when a key is missing.

use backend::accounts::{self, PasswordHasher};
use backend::vendors::crypto::{DataKey, PersonalDataKeys};
use backend::{storage_test, vendors, with_pool};
use domain::nik::Nik;
use domain::LoginId;

fn key(id: &str, byte: u8) -> DataKey {
    use base64::Engine as _;
    DataKey::parse(&format!(
        "{id}:{}",
        base64::engine::general_purpose::STANDARD.encode([byte; 32])
    ))
    .expect("key")
}

fn hash_key() -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode([5u8; 32])
}

async fn stored_key_id(db: &backend::Database) -> String {
    with_pool!(db, |pool| sqlx::query_scalar("select nik_key_id from vendor_application")
        .fetch_one(pool)
        .await)
    .expect("key id")
}

storage_test! {
    async fn rotation_reencrypts_old_rows_with_the_new_key(test: TestDb) {
        let old = PersonalDataKeys::new(key("k1", 1), vec![], &hash_key()).expect("keys");
        let hasher = PasswordHasher::new(1);
        let account = accounts::register(&test.db, &hasher, &LoginId::parse("081234567890").expect("login"), "kopi-bajawa-77")
            .await
            .expect("register");
        let nik = Nik::parse("5371014508900123").expect("nik");
        vendors::save_identity(&test.db, &old, account, &nik, None, 1_000).await.expect("save");
        assert_eq!(stored_key_id(&test.db).await, "k1");

        let rotated = PersonalDataKeys::new(key("k2", 2), vec![key("k1", 1)], &hash_key()).expect("keys");
        let report = vendors::reencrypt_with_current_key(&test.db, &rotated).await.expect("rotate");

        assert_eq!(report.reencrypted, 1);
        assert_eq!(stored_key_id(&test.db).await, "k2");
        // The new key alone now reads it: the old one can be retired.
        let only_new = PersonalDataKeys::new(key("k2", 2), vec![], &hash_key()).expect("keys");
        let export = vendors::export_personal_data(&test.db, &only_new, account).await.expect("export");
        assert_eq!(export["vendor_application"]["nik"], "5371014508900123");
        let again = vendors::reencrypt_with_current_key(&test.db, &only_new).await.expect("rotate again");
        assert_eq!(again.reencrypted, 0, "nothing left under an old key");
    }

    async fn rotation_without_the_old_key_changes_nothing(test: TestDb) {
        let old = PersonalDataKeys::new(key("k1", 1), vec![], &hash_key()).expect("keys");
        let hasher = PasswordHasher::new(1);
        let account = accounts::register(&test.db, &hasher, &LoginId::parse("081234567891").expect("login"), "kopi-bajawa-77")
            .await
            .expect("register");
        let nik = Nik::parse("5371014508900124").expect("nik");
        vendors::save_identity(&test.db, &old, account, &nik, None, 1_000).await.expect("save");

        let forgotten = PersonalDataKeys::new(key("k2", 2), vec![], &hash_key()).expect("keys");
        let refused = vendors::reencrypt_with_current_key(&test.db, &forgotten).await;

        assert!(refused.is_err());
        assert_eq!(stored_key_id(&test.db).await, "k1");
    }
}
