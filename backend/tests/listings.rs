//! Products on both engines: only a vendor's own products can be changed, only approved
//! vendors' visible products are public, and search finds partial words, ranked.

use backend::accounts::AccountId;
use backend::listings::{self, ListingError, ProductDraft, ProductId, SearchQuery, SearchSort};
use backend::vendors;
use backend::{demo, storage_test, testing, with_pool};
use domain::application::Transition;
use domain::listing::{Availability, Unit};
use domain::Rupiah;

const NOW: i64 = 1_800_000_000;

fn draft(name: &str, price: i64) -> ProductDraft {
    ProductDraft {
        name: name.to_owned(),
        category: "kuliner".to_owned(),
        description: "Buatan sendiri di Kupang.".to_owned(),
        price: Rupiah::new(price),
        unit: Unit::Piece,
        availability: Availability::Ready,
    }
}

fn search(text: &str) -> SearchQuery {
    SearchQuery { text: text.to_owned(), ..SearchQuery::default() }
}

storage_test! {
    async fn a_vendor_changes_only_their_own_products(test: TestDb) {
        demo::seed_demo(&test.db, &testing::keys()).await.expect("seed");
        let (yuli, _) = testing::demo_vendor(&test.db, "demo-1").await;
        let (ferdi, _) = testing::demo_vendor(&test.db, "demo-2").await;
        let id = listings::create_product(&test.db, yuli, &draft("Selendang baru", 200_000), &[], NOW).await.expect("create");

        let foreign_edit = listings::update_product(&test.db, ferdi, id, &draft("Dicuri", 1_000), NOW).await;
        let foreign_hide = listings::set_visible(&test.db, ferdi, id, false, NOW).await;
        let foreign_delete = listings::delete_product(&test.db, ferdi, id).await;

        assert!(matches!(foreign_edit, Err(ListingError::NotFound)));
        assert!(matches!(foreign_hide, Err(ListingError::NotFound)));
        assert!(matches!(foreign_delete, Err(ListingError::NotFound)));
        let product = listings::public_product(&test.db, id).await.expect("read").expect("still public");
        assert_eq!(product.name, "Selendang baru");
        assert_eq!(product.price, Rupiah::new(200_000));
    }

    async fn a_shopper_or_unapproved_applicant_cannot_list_products(test: TestDb) {
        demo::seed_demo(&test.db, &testing::keys()).await.expect("seed");
        let shopper = AccountId(with_pool!(&test.db, |pool| sqlx::query_scalar(
            "select account_id from account where phone = '+6281234560001'"
        )
        .fetch_one(pool)
        .await)
        .expect("shopper"));
        let result = listings::create_product(&test.db, shopper, &draft("Apa saja", 1_000), &[], NOW).await;
        assert!(matches!(result, Err(ListingError::NotAVendor)));
    }

    async fn hidden_products_and_suspended_vendors_disappear_everywhere(test: TestDb) {
        demo::seed_demo(&test.db, &testing::keys()).await.expect("seed");
        let (yuli, application) = testing::demo_vendor(&test.db, "demo-1").await;
        let id = listings::create_product(&test.db, yuli, &draft("Selendang zebra", 200_000), &[], NOW).await.expect("create");
        assert_eq!(listings::search_products(&test.db, &search("zebra")).await.expect("search").1, 1);

        listings::set_visible(&test.db, yuli, id, false, NOW).await.expect("hide");
        assert_eq!(listings::public_product(&test.db, id).await.expect("read"), None);
        assert_eq!(listings::search_products(&test.db, &search("zebra")).await.expect("search").1, 0);
        listings::set_visible(&test.db, yuli, id, true, NOW).await.expect("show");

        let admin = AccountId(with_pool!(&test.db, |pool| sqlx::query_scalar(
            "select account_id from account where phone = '+6281138000002'"
        )
        .fetch_one(pool)
        .await)
        .expect("admin"));
        vendors::decide(&test.db, admin, application, Transition::Suspend, "Uji", NOW).await.expect("suspend");

        assert_eq!(listings::public_product(&test.db, id).await.expect("read"), None);
        assert_eq!(listings::search_products(&test.db, &search("zebra")).await.expect("search").1, 0);
        assert!(listings::vendor_products(&test.db, "demo-1").await.expect("list").is_empty());
        assert!(listings::newest_products(&test.db, 100).await.expect("newest").iter().all(|p| p.vendor_slug.as_deref() != Some("demo-1")));
        // The vendor cannot list while suspended.
        let refused = listings::create_product(&test.db, yuli, &draft("Lagi", 1_000), &[], NOW).await;
        assert!(matches!(refused, Err(ListingError::NotAVendor)));
    }

    async fn search_finds_partial_words_ranks_names_first_and_filters(test: TestDb) {
        demo::seed_demo(&test.db, &testing::keys()).await.expect("seed");

        let (found, total, _) = listings::search_products(&test.db, &search("tenu")).await.expect("search");
        assert!(total >= 5, "prefix 'tenu' finds tenun products: {total}");
        assert!(found[0].name.to_lowercase().contains("tenun"), "a name match ranks first: {}", found[0].name);

        let (both, _, _) = listings::search_products(&test.db, &search("se'i sapi")).await.expect("search");
        assert!(!both.is_empty());
        assert!(both.iter().all(|p| {
            let text = format!("{} {} {}", p.name, p.description, p.vendor_name).to_lowercase();
            text.contains("sapi")
        }), "every word must match");

        let cheap = SearchQuery { sort: SearchSort::PriceUp, category: Some("kerajinan".into()), ..SearchQuery::default() };
        let (crafts, _, _) = listings::search_products(&test.db, &cheap).await.expect("search");
        assert!(crafts.iter().all(|p| p.category_slug == "kerajinan"));
        assert!(crafts.windows(2).all(|w| w[0].price <= w[1].price), "sorted by price");

        let ready = SearchQuery { available_now: true, max_price: Some(Rupiah::new(20_000)), ..SearchQuery::default() };
        let (cheap_ready, _, _) = listings::search_products(&test.db, &ready).await.expect("search");
        assert!(!cheap_ready.is_empty());
        assert!(cheap_ready.iter().all(|p| p.availability == Availability::Ready && p.price <= Rupiah::new(20_000)));

        let (nothing, none, _) = listings::search_products(&test.db, &search("zzqx\"* OR NEAR(")).await.expect("syntax is inert");
        assert_eq!((nothing.len(), none), (0, 0));
    }

    async fn keyset_pages_walk_the_same_rows_as_numbered_pages(test: TestDb) {
        demo::seed_demo(&test.db, &testing::keys()).await.expect("seed");
        // Equal prices and times are ordered by id in both walks.
        for sort in [SearchSort::PriceUp, SearchSort::PriceDown, SearchSort::Newest] {
            let mut by_number = Vec::new();
            let mut by_cursor = Vec::new();
            let mut after = None;
            for page in 0..4 {
                let numbered = SearchQuery { sort, page, ..SearchQuery::default() };
                let (rows, _, _) = listings::search_products(&test.db, &numbered).await.expect("numbered");
                by_number.extend(rows.iter().map(|p| p.id));
                let keyed = SearchQuery { sort, page, after, ..SearchQuery::default() };
                let (rows, _, more) = listings::search_products(&test.db, &keyed).await.expect("keyset");
                by_cursor.extend(rows.iter().map(|p| p.id));
                after = rows.last().and_then(|last| keyed.cursor_of(last));
                assert_eq!(more, by_cursor.len() < 60, "{sort:?} page {page}: more");
            }
            assert_eq!(by_cursor.len(), 60, "{sort:?}: every product once");
            assert_eq!(by_cursor, by_number, "{sort:?}: same order both ways");
        }
        // A text-ranked search has no cursor (ranks are not positions).
        let ranked = search("tenun");
        let (rows, _, _) = listings::search_products(&test.db, &ranked).await.expect("ranked");
        assert!(ranked.cursor_of(&rows[0]).is_none());
    }

    async fn sixty_demo_products_are_public(test: TestDb) {
        let report = demo::seed_demo(&test.db, &testing::keys()).await.expect("seed");
        assert_eq!(report.products, 60);
        let (_, total, _) = listings::search_products(&test.db, &SearchQuery::default()).await.expect("all");
        assert_eq!(total, 60);
        let again = demo::seed_demo(&test.db, &testing::keys()).await.expect("seed again");
        assert_eq!(again.products, 0);
    }

    async fn deleting_a_product_removes_it_from_search(test: TestDb) {
        demo::seed_demo(&test.db, &testing::keys()).await.expect("seed");
        let (yuli, _) = testing::demo_vendor(&test.db, "demo-1").await;
        let id = listings::create_product(&test.db, yuli, &draft("Kain unikorn", 90_000), &[], NOW).await.expect("create");
        listings::delete_product(&test.db, yuli, id).await.expect("delete");
        assert_eq!(listings::search_products(&test.db, &search("unikorn")).await.expect("search").1, 0);
        assert_eq!(listings::public_product(&test.db, ProductId(id.0)).await.expect("read"), None);
    }
}
