//! Products on both engines: only a vendor's own products can be changed, only approved
//! vendors' visible products are public, and search finds partial words, ranked.

use backend::accounts::AccountId;
use backend::listings::{
    self, ListingError, NewPhoto, PhotoChange, ProductDraft, ProductId, SearchQuery, SearchSort,
};
use backend::photos::PhotoKey;
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

    async fn a_text_search_pages_through_every_match_once_in_every_order(test: TestDb) {
        demo::seed_demo(&test.db, &testing::keys()).await.expect("seed");
        let (yuli, _) = testing::demo_vendor(&test.db, "demo-1").await;
        // 30 matches: more than a page, half of them drinks, prices 1,000..30,000.
        for n in 1..=30_i64 {
            let mut product = draft(&format!("Zebrakopi uji {n}"), n * 1_000);
            if n % 2 == 0 {
                product.category = "minuman".to_owned();
            }
            listings::create_product(&test.db, yuli, &product, &[], NOW + n).await.expect("create");
        }
        let text = "zebrak uj".to_owned();
        for sort in [SearchSort::Relevance, SearchSort::Newest, SearchSort::PriceUp, SearchSort::PriceDown] {
            let mut by_number = Vec::new();
            let mut by_cursor = Vec::new();
            let mut after = None;
            for page in 0..2 {
                let numbered = SearchQuery { text: text.clone(), sort, page, ..SearchQuery::default() };
                let (rows, total, more) = listings::search_products(&test.db, &numbered).await.expect("numbered");
                assert_eq!(total, 30, "{sort:?} page {page}: every match counted");
                assert_eq!(more, page == 0, "{sort:?} page {page}: more");
                by_number.extend(rows.iter().map(|p| (p.id, p.price, p.created_at)));
                let keyed = SearchQuery { text: text.clone(), sort, page, after, ..SearchQuery::default() };
                let (rows, _, _) = listings::search_products(&test.db, &keyed).await.expect("keyset");
                by_cursor.extend(rows.iter().map(|p| (p.id, p.price, p.created_at)));
                after = rows.last().and_then(|last| keyed.cursor_of(last));
            }
            let mut ids: Vec<ProductId> = by_number.iter().map(|row| row.0).collect();
            ids.sort_by_key(|id| id.0);
            ids.dedup();
            assert_eq!(ids.len(), 30, "{sort:?}: every match exactly once");
            assert_eq!(by_cursor, by_number, "{sort:?}: keyset and numbered pages agree");
            let prices: Vec<i64> = by_number.iter().map(|row| row.1.amount()).collect();
            let times: Vec<i64> = by_number.iter().map(|row| row.2).collect();
            match sort {
                SearchSort::PriceUp => assert!(prices.windows(2).all(|w| w[0] < w[1]), "{prices:?}"),
                SearchSort::PriceDown => assert!(prices.windows(2).all(|w| w[0] > w[1]), "{prices:?}"),
                SearchSort::Newest => assert!(times.windows(2).all(|w| w[0] > w[1]), "{times:?}"),
                SearchSort::Relevance => {}
            }
        }

        // Past the last page: no rows, and still the count.
        let beyond = SearchQuery { text: text.clone(), page: 5, ..SearchQuery::default() };
        assert_eq!(listings::search_products(&test.db, &beyond).await.expect("beyond").1, 30);
        assert!(listings::search_products(&test.db, &beyond).await.expect("beyond").0.is_empty());

        // Filters narrow the matches and the count alike.
        let drinks = SearchQuery { text: text.clone(), category: Some("minuman".into()), ..SearchQuery::default() };
        let (rows, total, _) = listings::search_products(&test.db, &drinks).await.expect("drinks");
        assert_eq!((rows.len(), total), (15, 15));
        assert!(rows.iter().all(|p| p.category_slug == "minuman"));
        let cheap = SearchQuery { text: text.clone(), max_price: Some(Rupiah::new(5_000)), sort: SearchSort::PriceDown, ..SearchQuery::default() };
        let (rows, total, _) = listings::search_products(&test.db, &cheap).await.expect("cheap");
        assert_eq!(total, 5);
        assert_eq!(rows.iter().map(|p| p.price.amount()).collect::<Vec<_>>(), [5_000, 4_000, 3_000, 2_000, 1_000]);
        let area = with_pool!(&test.db, |pool| sqlx::query_scalar::<_, String>(
            "select kc.slug from vendor v join kecamatan kc on kc.kecamatan_id = v.kecamatan_id
             where v.public_slug = 'demo-1'"
        )
        .fetch_one(pool)
        .await)
        .expect("Yuli's kecamatan");
        let here = SearchQuery { text: text.clone(), kecamatan: Some(area), ..SearchQuery::default() };
        assert_eq!(listings::search_products(&test.db, &here).await.expect("here").1, 30);
        let elsewhere = SearchQuery { text, kecamatan: Some("no-such-kecamatan".into()), ..SearchQuery::default() };
        assert_eq!(listings::search_products(&test.db, &elsewhere).await.expect("elsewhere").1, 0);
    }

    async fn a_vendors_photos_come_in_one_go_in_order_and_only_theirs(test: TestDb) {
        demo::seed_demo(&test.db, &testing::keys()).await.expect("seed");
        let (yuli, _) = testing::demo_vendor(&test.db, "demo-1").await;
        let (ferdi, _) = testing::demo_vendor(&test.db, "demo-2").await;
        let photo = |n: u32| NewPhoto {
            key: PhotoKey::parse(&format!("{n:032x}")).expect("key"),
            width: 800,
            height: 600,
        };
        let a = listings::create_product(&test.db, yuli, &draft("Foto A", 1_000), &[photo(1), photo(2)], NOW).await.expect("a");
        let b = listings::create_product(&test.db, yuli, &draft("Foto B", 1_000), &[photo(3)], NOW).await.expect("b");
        let f = listings::create_product(&test.db, ferdi, &draft("Foto F", 1_000), &[photo(4)], NOW).await.expect("f");
        let second = listings::product_photos(&test.db, a).await.expect("photos")[1].photo_id;
        listings::change_photo(&test.db, yuli, a, second, PhotoChange::MakeCover).await.expect("cover");

        let own = listings::own_photos(&test.db, yuli).await.expect("own photos");
        let keys = |id: ProductId| -> Vec<String> {
            own.get(&id).map(|photos| photos.iter().map(|p| p.photo_key.clone()).collect()).unwrap_or_default()
        };
        assert_eq!(keys(a), [format!("{:032x}", 2), format!("{:032x}", 1)], "cover first");
        assert_eq!(keys(b), [format!("{:032x}", 3)]);
        assert!(keys(f).is_empty(), "never another vendor's");

        // How many more photos fit, asked before an upload is read: only on one's own product.
        assert_eq!(listings::photo_room(&test.db, yuli, a).await.expect("room"), 4);
        assert!(matches!(listings::photo_room(&test.db, ferdi, a).await, Err(ListingError::NotFound)));
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
