//! A vendor's and an applicant's photo intents, each one backend call, on both engines: the
//! whole effect or none of it, rows and files together. After a refusal no file is left that
//! no row names (the sweep finds nothing to remove); after a removal the files are gone.

use backend::listings::{self, ListingError, PhotoChange, ProductDraft};
use backend::photos::{PhotoError, PhotoKey, PhotoStore};
use backend::vendors::{self, BusinessStep, ReturneeStep, SaveError};
use backend::{demo, storage_test, testing, Database};
use domain::listing::{Availability, Unit};
use domain::vendor::Category;
use domain::Rupiah;

const NOW: i64 = 1_800_000_000;
const SHOPPER: &str = "+6281234560001";
/// A demo applicant whose application is under review.
const SUBMITTED: &str = "+6285239100013";

fn draft(name: &str) -> ProductDraft {
    ProductDraft {
        name: name.to_owned(),
        category: "kuliner".to_owned(),
        description: String::new(),
        price: Rupiah::new(25_000),
        unit: Unit::Piece,
        availability: Availability::Ready,
    }
}

fn photo() -> Vec<u8> {
    testing::jpeg(900, 700)
}

/// Files the store holds that no row names (what the hourly sweeps would remove now).
async fn orphans(db: &Database, store: &PhotoStore) -> usize {
    // The store stamps files with the wall clock, so the sweep is asked from an hour past it.
    let later = backend::clock::Clock::system().now() + 3600;
    let products = store.sweep(db, later, 0).await.expect("sweep photos");
    let files = store.sweep_files(db, later, 0).await.expect("sweep files");
    products + files
}

async fn keys_of(db: &Database, product: listings::ProductId) -> Vec<PhotoKey> {
    let photos = listings::product_photos(db, product).await.expect("photos");
    photos.iter().filter_map(|p| PhotoKey::parse(&p.photo_key)).collect()
}

storage_test! {
    async fn a_product_is_listed_with_all_its_photos_or_with_none(test: TestDb) {
        demo::seed_demo(&test.db, &testing::keys()).await.expect("seed");
        let (db, store) = (&test.db, PhotoStore::in_memory());
        let (yuli, _) = testing::demo_vendor(db, "demo-1").await;
        let before = listings::own_products(db, yuli).await.expect("own").len();

        let refused = listings::list_product(db, &store, yuli, &draft("Kue rambut"), vec![photo(), b"not a picture".to_vec()], NOW).await;
        assert!(matches!(refused, Err(ListingError::PhotoRefused { number: 2, .. })), "{refused:?}");
        assert_eq!(listings::own_products(db, yuli).await.expect("own").len(), before, "no product");
        assert_eq!(orphans(db, &store).await, 0, "the accepted first photo was not kept");

        let seven = vec![photo(); 7];
        let too_many = listings::list_product(db, &store, yuli, &draft("Kue rambut"), seven, NOW).await;
        assert!(matches!(too_many, Err(ListingError::TooManyPhotos { room: 6 })), "{too_many:?}");

        let id = listings::list_product(db, &store, yuli, &draft("Kue rambut"), vec![photo(), testing::jpeg(700, 900)], NOW)
            .await
            .expect("listed");
        let keys = keys_of(db, id).await;
        assert_eq!(keys.len(), 2);
        for key in &keys {
            assert!(!store.stored_widths(key).await.expect("widths").is_empty(), "files stored");
        }

        let shopper = testing::account_by_phone(db, SHOPPER).await;
        let not_a_vendor = listings::list_product(db, &store, shopper, &draft("Apa saja"), vec![photo()], NOW).await;
        assert!(matches!(not_a_vendor, Err(ListingError::NotAVendor)), "{not_a_vendor:?}");
        assert_eq!(orphans(db, &store).await, 0);
    }

    async fn photos_are_added_removed_and_deleted_with_their_files(test: TestDb) {
        demo::seed_demo(&test.db, &testing::keys()).await.expect("seed");
        let (db, store) = (&test.db, PhotoStore::in_memory());
        let (yuli, _) = testing::demo_vendor(db, "demo-1").await;
        let (ferdi, _) = testing::demo_vendor(db, "demo-2").await;
        let id = listings::list_product(db, &store, yuli, &draft("Se'i babi"), vec![photo()], NOW).await.expect("listed");

        let foreign = listings::upload_photos(db, &store, ferdi, id, vec![photo()]).await;
        assert!(matches!(foreign, Err(ListingError::NotFound)), "{foreign:?}");
        let full = listings::upload_photos(db, &store, yuli, id, vec![photo(); 6]).await;
        assert!(matches!(full, Err(ListingError::TooManyPhotos { room: 5 })), "{full:?}");
        let corrupt = listings::upload_photos(db, &store, yuli, id, vec![photo(), photo()[..400].to_vec()]).await;
        assert!(
            matches!(corrupt, Err(ListingError::PhotoRefused { number: 2, reason: PhotoError::Corrupt })),
            "{corrupt:?}"
        );
        assert_eq!(keys_of(db, id).await.len(), 1, "nothing added");
        assert_eq!(orphans(db, &store).await, 0);

        listings::upload_photos(db, &store, yuli, id, vec![testing::jpeg(800, 800)]).await.expect("added");
        let keys = keys_of(db, id).await;
        assert_eq!(keys.len(), 2);

        let first = listings::product_photos(db, id).await.expect("photos")[0].photo_id;
        listings::rearrange_photo(db, &store, yuli, id, first, PhotoChange::Remove).await.expect("removed");
        assert!(store.stored_widths(&keys[0]).await.expect("widths").is_empty(), "its files went");
        assert!(!store.stored_widths(&keys[1]).await.expect("widths").is_empty(), "the other stays");

        let foreign_delete = listings::remove_product(db, &store, ferdi, id).await;
        assert!(matches!(foreign_delete, Err(ListingError::NotFound)), "{foreign_delete:?}");
        listings::remove_product(db, &store, yuli, id).await.expect("deleted");
        assert!(store.stored_widths(&keys[1]).await.expect("widths").is_empty(), "files went with it");
        assert_eq!(orphans(db, &store).await, 0);
    }

    async fn an_application_step_keeps_exactly_one_photo_per_slot(test: TestDb) {
        demo::seed_demo(&test.db, &testing::keys()).await.expect("seed");
        let (db, store) = (&test.db, PhotoStore::in_memory());
        let applicant = testing::account_by_phone(db, SHOPPER).await;
        let business = BusinessStep {
            business_name: "Jagung Bose Mama Ina".to_owned(),
            category: Category::Food,
            description: "Jagung bose dan sambal lu'at.".to_owned(),
        };

        let refused = vendors::save_business_step(db, &store, applicant, &business, Some(b"GIF89a".to_vec()), NOW).await;
        assert!(matches!(refused, Err(SaveError::Photo(_))), "{refused:?}");
        let saved = vendors::find_by_account(db, applicant).await.expect("read");
        assert!(saved.is_none_or(|a| a.business_name.is_empty()), "nothing of the step was saved");

        vendors::save_business_step(db, &store, applicant, &business, Some(photo()), NOW).await.expect("saved");
        let first = vendors::find_by_account(db, applicant).await.expect("read").expect("exists").business_photo.expect("photo");
        vendors::save_business_step(db, &store, applicant, &business, Some(photo()), NOW + 1).await.expect("replaced");
        let second = vendors::find_by_account(db, applicant).await.expect("read").expect("exists").business_photo.expect("photo");
        assert_ne!(first, second);
        assert!(!store.has_file(backend::media::Visibility::Public, &first).await.expect("read"), "the replaced file went");
        assert!(store.has_file(backend::media::Visibility::Public, &second).await.expect("read"));

        let returnee = ReturneeStep { placement_country: "Malaysia".to_owned(), years_abroad: 4, return_year: 2023, show_returnee_details: false };
        vendors::save_returnee_step(db, &store, applicant, &returnee, Some(photo()), NOW).await.expect("proof saved");
        let proof = vendors::find_by_account(db, applicant).await.expect("read").expect("exists").proof_photo.expect("proof");
        assert!(store.has_file(backend::media::Visibility::Private, &proof).await.expect("read"), "private");
        assert_eq!(orphans(db, &store).await, 0);

        let submitted = testing::account_by_phone(db, SUBMITTED).await;
        let locked = vendors::save_returnee_step(db, &store, submitted, &returnee, Some(photo()), NOW).await;
        assert!(matches!(locked, Err(SaveError::NotEditable)), "{locked:?}");
        assert_eq!(orphans(db, &store).await, 0, "a locked application costs no file");
    }
}
