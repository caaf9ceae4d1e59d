//! The catalogue cache on both engines: answers are reused while nothing changed, and never
//! outlive a write a shopper could see (the version triggers of migration 0008).

use backend::accounts::AccountId;
use backend::listings::{self, catalogue_version, CatalogueCache, ProductDraft, SearchQuery};
use backend::vendors;
use backend::{demo, storage_test, testing, with_pool};
use domain::application::Transition;
use domain::listing::{Availability, Unit};
use domain::Rupiah;

const NOW: i64 = 1_800_000_000;

fn draft(name: &str) -> ProductDraft {
    ProductDraft {
        name: name.to_owned(),
        category: "kuliner".to_owned(),
        description: "Buatan sendiri di Kupang.".to_owned(),
        price: Rupiah::new(25_000),
        unit: Unit::Piece,
        availability: Availability::Ready,
    }
}

fn search(text: &str) -> SearchQuery {
    SearchQuery { text: text.to_owned(), ..SearchQuery::default() }
}

async fn admin(db: &backend::Database) -> AccountId {
    AccountId(
        with_pool!(db, |pool| sqlx::query_scalar(
            "select account_id from account where phone = '+6281138000002'"
        )
        .fetch_one(pool)
        .await)
        .expect("admin"),
    )
}

async fn zebras(cache: &CatalogueCache, db: &backend::Database) -> i64 {
    cache.search(db, &search("zebra")).await.expect("search").1
}

storage_test! {
    async fn a_repeated_search_is_answered_from_memory(test: TestDb) {
        demo::seed_demo(&test.db, &testing::keys()).await.expect("seed");
        let cache = CatalogueCache::default();
        let first = cache.search(&test.db, &search("tenun")).await.expect("first");
        let second = cache.search(&test.db, &search("tenun")).await.expect("second");

        assert_eq!(first, second);
        assert!(!first.0.is_empty(), "the demo data has woven products");
        assert_eq!((cache.stats().misses, cache.stats().hits), (1, 1));
        // A different search is its own answer.
        cache.search(&test.db, &search("kopi")).await.expect("other");
        assert_eq!(cache.stats().misses, 2);
    }

    async fn a_listing_page_reads_the_version_once(test: TestDb) {
        demo::seed_demo(&test.db, &testing::keys()).await.expect("seed");
        let cache = CatalogueCache::default();
        let listing = cache.listing(&test.db, &search("tenun")).await.expect("listing");

        assert!(!listing.answer.0.is_empty());
        assert_eq!(listing.categories.len(), 8);
        assert_eq!(listing.kecamatan.len(), 6);
        assert_eq!(cache.stats().version_reads, 1, "search, categories and kecamatan share one");
    }

    async fn every_write_a_shopper_could_see_is_seen_at_once(test: TestDb) {
        demo::seed_demo(&test.db, &testing::keys()).await.expect("seed");
        let cache = CatalogueCache::default();
        let (yuli, application) = testing::demo_vendor(&test.db, "demo-1").await;
        assert_eq!(zebras(&cache, &test.db).await, 0);

        let id = listings::create_product(&test.db, yuli, &draft("Selendang zebra"), &[], NOW).await.expect("create");
        assert_eq!(zebras(&cache, &test.db).await, 1, "a new product");
        listings::set_visible(&test.db, yuli, id, false, NOW).await.expect("hide");
        assert_eq!(zebras(&cache, &test.db).await, 0, "a hidden product");
        listings::set_visible(&test.db, yuli, id, true, NOW).await.expect("show");
        assert_eq!(zebras(&cache, &test.db).await, 1, "shown again");
        listings::update_product(&test.db, yuli, id, &draft("Selendang kuda"), NOW).await.expect("rename");
        assert_eq!(zebras(&cache, &test.db).await, 0, "a renamed product");
        listings::update_product(&test.db, yuli, id, &draft("Selendang zebra"), NOW).await.expect("rename back");
        assert_eq!(zebras(&cache, &test.db).await, 1);

        let admin = admin(&test.db).await;
        vendors::decide(&test.db, admin, application, Transition::Suspend, "Uji", NOW).await.expect("suspend");
        assert_eq!(zebras(&cache, &test.db).await, 0, "a suspended vendor");
        vendors::decide(&test.db, admin, application, Transition::Reinstate, "Uji", NOW).await.expect("reinstate");
        assert_eq!(zebras(&cache, &test.db).await, 1, "reinstated");

        listings::delete_product(&test.db, yuli, id).await.expect("delete");
        assert_eq!(zebras(&cache, &test.db).await, 0, "a deleted product");
        assert_eq!(cache.stats().hits, 0, "no answer outlived a write");
    }

    async fn a_renamed_category_is_named_anew(test: TestDb) {
        demo::seed_demo(&test.db, &testing::keys()).await.expect("seed");
        let cache = CatalogueCache::default();
        let before = cache.categories(&test.db).await.expect("categories");
        assert!(before.iter().any(|c| c.slug == "kuliner" && c.name_id == "Kuliner"));
        let mut rows = listings::category_rows(&test.db).await.expect("rows");
        let row = rows.iter_mut().find(|c| c.slug == "kuliner").expect("kuliner");
        row.name_id = "Makanan".to_owned();
        let officer = testing::account_by_phone(&test.db, "+6281138000002").await;
        listings::save_category(&test.db, officer, row).await.expect("rename");

        let after = cache.categories(&test.db).await.expect("categories");
        assert!(after.iter().any(|c| c.slug == "kuliner" && c.name_id == "Makanan"));
        assert_eq!(cache.kecamatan(&test.db).await.expect("kecamatan").len(), 6);
    }

    async fn only_what_shoppers_see_moves_the_version(test: TestDb) {
        demo::seed_demo(&test.db, &testing::keys()).await.expect("seed");
        let (_, application) = testing::demo_vendor(&test.db, "demo-1").await;
        let version = || async { catalogue_version(&test.db).await.expect("version") };
        let set = |column: &'static str| {
            let db = test.db.clone();
            async move {
                let sql = format!("update vendor set {column} = {column} where application_id = $1");
                with_pool!(&db, |pool| sqlx::query(&sql).bind(application.0).execute(pool).await.map(|_| ())).expect("update");
            }
        };

        let start = version().await;
        set("updated_at").await;
        assert_eq!(version().await, start, "a column no shopper sees");
        set("business_name").await;
        let renamed = version().await;
        assert!(renamed > start, "the name shown beside products");
        set("status").await;
        assert!(version().await > renamed, "what makes products public");
    }

    async fn a_crowd_shares_version_reads_and_one_computation(test: TestDb) {
        demo::seed_demo(&test.db, &testing::keys()).await.expect("seed");
        let cache = CatalogueCache::default();
        let madu = search("madu");
        let crowd = (0..64).map(|_| cache.search(&test.db, &madu));
        let answers: Vec<_> =
            futures::future::join_all(crowd).await.into_iter().map(|a| a.expect("search")).collect();

        assert!(answers.iter().all(|a| a == &answers[0]));
        let stats = cache.stats();
        assert_eq!(stats.misses, 1, "the page was computed once: {stats:?}");
        assert_eq!(stats.hits, 63);
        assert!(stats.version_reads < 8, "64 pages shared a few version reads: {stats:?}");
    }
}
