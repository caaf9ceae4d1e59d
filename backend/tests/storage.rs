//! Storage specifications, run on SQLite and, when configured, on PostgreSQL.

use backend::db::{Database, WriteTx};
use backend::testing;
use backend::{demo, reference, storage_test, with_pool, with_tx};

storage_test! {
    async fn seeding_loads_six_kecamatan_and_fifty_one_kelurahan(test: TestDb) {
        let report = demo::seed_demo(&test.db, &testing::keys()).await.expect("seed");

        assert_eq!((report.wilayah.kecamatan, report.wilayah.kelurahan), (6, 51));
        let kecamatan = reference::list_kecamatan(&test.db).await.expect("list");
        let names: Vec<_> = kecamatan.iter().map(|k| k.name.as_str()).collect();
        assert_eq!(
            names,
            ["Alak", "Kelapa Lima", "Kota Lama", "Kota Raja", "Maulafa", "Oebobo"],
            "{:?}",
            test.db.engine()
        );
        assert_eq!(kecamatan.iter().map(|k| k.kelurahan_count).sum::<i64>(), 51);
    }

    async fn the_demo_has_saboak_with_a_hundred_stalls_in_five_zones_and_twenty_booths(test: TestDb) {
        let report = demo::seed_demo(&test.db, &testing::keys()).await.expect("seed");
        assert_eq!(report.units, 120);
        let venues: Vec<(String, String, i64, i64)> = with_pool!(&test.db, |pool| sqlx::query_as(
            "select v.slug, v.kind, count(distinct u.zone_id), count(u.unit_id)
             from venue v join unit u on u.venue_id = v.venue_id group by v.slug, v.kind order by v.slug"
        ).fetch_all(pool).await).expect("venues");
        assert_eq!(venues, [("booth-kontainer".to_owned(), "booth_park".to_owned(), 1, 20), ("saboak".to_owned(), "weekend_market".to_owned(), 5, 100)]);
        let (free, fees): (i64, i64) = with_pool!(&test.db, |pool| sqlx::query_as(
            "select sum(case when v.kind = 'weekend_market' and u.fee = 0 then 1 else 0 end),
                    sum(case when v.kind = 'booth_park' and u.fee > 0 then 1 else 0 end)
             from unit u join venue v on v.venue_id = u.venue_id"
        ).fetch_one(pool).await).expect("fees");
        assert_eq!((free, fees), (100, 20), "SABOAK stalls are free; booths are rented");
        // Every category a zone names is one a vendor can have.
        let categories: Vec<String> = with_pool!(&test.db, |pool| sqlx::query_scalar("select categories from venue_zone").fetch_all(pool).await).expect("zones");
        for category in categories.iter().flat_map(|c| c.split(',')) {
            assert!(domain::vendor::Category::from_str_value(category).is_some(), "{category}");
        }
    }

    async fn seeding_twice_changes_nothing(test: TestDb) {
        demo::seed_demo(&test.db, &testing::keys()).await.expect("first seed");
        let before = snapshot(&test.db).await;

        let second = demo::seed_demo(&test.db, &testing::keys()).await.expect("second seed");

        assert!(second.is_empty(), "{:?}: {second:?}", test.db.engine());
        assert_eq!(snapshot(&test.db).await, before);
    }

    async fn an_empty_database_is_reported_as_unseeded_until_seeded(test: TestDb) {
        assert!(demo::is_empty(&test.db).await.expect("check"));
        demo::seed_demo(&test.db, &testing::keys()).await.expect("seed");
        assert!(!demo::is_empty(&test.db).await.expect("check"));
    }

    async fn a_write_transaction_that_is_dropped_saves_nothing(test: TestDb) {
        let mut tx = test.db.begin_write().await.expect("begin");
        insert_kecamatan(&mut tx, "uji", "Uji").await;
        drop(tx);

        assert!(reference::list_kecamatan(&test.db).await.expect("list").is_empty());
    }

    async fn a_duplicate_kecamatan_slug_is_refused_by_the_database(test: TestDb) {
        let mut tx = test.db.begin_write().await.expect("begin");
        insert_kecamatan(&mut tx, "uji", "Uji").await;
        tx.commit().await.expect("commit");

        let mut tx = test.db.begin_write().await.expect("begin");
        let second = with_tx!(&mut tx, |conn| sqlx::query(
            "insert into kecamatan (slug, name) values ('uji', 'Uji lagi')"
        )
        .execute(&mut **conn)
        .await
        .map(|_| ()));

        let error = second.expect_err("unique slug");
        assert!(
            error.as_database_error().is_some_and(|e| e.is_unique_violation()),
            "{error:?}"
        );
    }

    async fn the_database_answers_a_ping_and_refuses_after_closing(test: TestDb) {
        test.db.ping().await.expect("ping an open database");
        test.db.close().await;
        let error = test.db.ping().await.expect_err("closed pool");
        assert!(error.is_unavailable(), "{error:?}");
    }
}

#[tokio::test]
async fn every_sqlite_connection_runs_with_wal_foreign_keys_and_full_sync() {
    let test = testing::sqlite().await;
    let Database::Sqlite(pool) = &test.db else { panic!("sqlite") };
    let mut held = Vec::new();
    for _ in 0..4 {
        held.push(pool.acquire().await.expect("connection"));
    }
    for conn in &mut held {
        let row: (String, i64, i64, i64) = sqlx::query_as(
            "select (select * from pragma_journal_mode), (select * from pragma_foreign_keys),
                    (select * from pragma_synchronous), (select * from pragma_busy_timeout)",
        )
        .fetch_one(&mut **conn)
        .await
        .expect("pragmas");
        assert_eq!(row, ("wal".to_owned(), 1, 2, 5_000));
    }
}

#[tokio::test]
async fn sqlite_enforces_foreign_keys() {
    let test = testing::sqlite().await;
    let result = with_pool!(&test.db, |pool| sqlx::query(
        "insert into kelurahan (kecamatan_id, name) values (999, 'Tanpa Kecamatan')"
    )
    .execute(pool)
    .await
    .map(|_| ()));
    let error = result.expect_err("dangling kecamatan_id");
    assert!(error.as_database_error().is_some_and(|e| e.is_foreign_key_violation()), "{error:?}");
}

#[tokio::test]
async fn a_url_of_another_scheme_is_refused_with_a_clear_reason() {
    let error = Database::connect("mysql://localhost/x", &Default::default())
        .await
        .expect_err("unknown scheme");
    assert!(error.to_string().contains("sqlite: or postgres://"), "{error}");
}

async fn insert_kecamatan(tx: &mut WriteTx, slug: &str, name: &str) {
    with_tx!(tx, |conn| sqlx::query("insert into kecamatan (slug, name) values ($1, $2)")
        .bind(slug)
        .bind(name)
        .execute(&mut **conn)
        .await
        .map(|_| ()))
    .expect("insert");
}

/// Every reference row with its timestamps: equal snapshots mean nothing changed.
async fn snapshot(db: &Database) -> Vec<(String, String, String)> {
    const SQL: &str = "select k.slug, l.name, cast(l.updated_at as text)
        from kelurahan l join kecamatan k using (kecamatan_id) order by 1, 2";
    with_pool!(db, |pool| sqlx::query_as(SQL).fetch_all(pool).await).expect("snapshot")
}

/// The staff-roles migration rebuilds SQLite's account table (a check constraint cannot be
/// changed in place): accounts, their ids and everything pointing at them survive, and
/// foreign keys are enforced again afterwards.
#[tokio::test]
async fn the_staff_roles_migration_keeps_accounts_and_what_points_at_them() {
    let file = std::env::temp_dir().join(format!("pasar-roles-{}.db", std::process::id()));
    let url = format!("sqlite://{}", file.display());
    let db =
        Database::connect(&url, &backend::db::ConnectOptions::default()).await.expect("connect");
    db.migrate_up_to(10).await.expect("schema before staff roles");
    with_pool!(&db, |pool| sqlx::query(
        "insert into account (account_id, phone, password_hash, role) values (7, '+6281200000007', 'x', 'admin')"
    ).execute(pool).await.map(|_| ())).expect("an officer");
    with_pool!(&db, |pool| sqlx::query(
        "insert into session (session_key, account_id, data, expires_at, created_at, last_seen_at) values ('k', 7, '', 9999999999, 1, 1)"
    ).execute(pool).await.map(|_| ())).expect("their session");
    with_pool!(&db, |pool| sqlx::query("update account set role = 'cashier' where account_id = 7")
        .execute(pool)
        .await
        .map(|_| ()))
    .expect_err("no cashiers before the migration");

    db.migrate().await.expect("the staff roles migration");

    let (role, sessions): (String, i64) = with_pool!(&db, |pool| sqlx::query_as(
        "select role, (select count(*) from session where account_id = 7) from account where account_id = 7"
    ).fetch_one(pool).await).expect("the account is still there");
    assert_eq!((role.as_str(), sessions), ("admin", 1), "the account and its session survive");
    with_pool!(&db, |pool| sqlx::query("update account set role = 'cashier' where account_id = 7")
        .execute(pool)
        .await
        .map(|_| ()))
    .expect("a cashier now");
    let orphan = with_pool!(&db, |pool| {
        sqlx::query(
        "insert into session (session_key, account_id, data, expires_at, created_at, last_seen_at) values ('o', 99, '', 1, 1, 1)"
    ).execute(pool).await.map(|_| ())
    });
    assert!(orphan.is_err(), "foreign keys are enforced again");
    db.close().await;
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
    }
}

storage_test! {
    async fn a_broken_constraint_is_named_the_same_way_on_both_engines(test: TestDb) {
        use backend::db::constraint::{violated, Constraint};
        const PHONE: Constraint = Constraint { name: "account_phone_key", sqlite: "account.phone" };
        const EMAIL: Constraint = Constraint { name: "account_email_key", sqlite: "account.email" };
        const ROLE: Constraint = Constraint { name: "account_role_known", sqlite: "account_role_known" };
        let insert = |phone: &'static str, email: &'static str, role: &'static str| {
            let db = test.db.clone();
            async move {
                with_pool!(&db, |pool| sqlx::query(
                    "insert into account (phone, email, password_hash, role) values ($1, $2, 'x', $3)"
                ).bind(phone).bind(email).bind(role).execute(pool).await.map(|_| ()))
            }
        };
        insert("+6281200000001", "a@contoh.id", "shopper").await.expect("first");

        let same_phone = insert("+6281200000001", "b@contoh.id", "shopper").await.expect_err("phone taken");
        let same_email = insert("+6281200000002", "a@contoh.id", "shopper").await.expect_err("email taken");
        let bad_role = insert("+6281200000003", "c@contoh.id", "mayor").await.expect_err("unknown role");

        let all = [PHONE, EMAIL, ROLE];
        assert_eq!(violated(&same_phone, &all), Some(&PHONE), "{:?}: {same_phone}", test.db.engine());
        assert_eq!(violated(&same_email, &all), Some(&EMAIL), "{:?}: {same_email}", test.db.engine());
        assert_eq!(violated(&bad_role, &all), Some(&ROLE), "{:?}: {bad_role}", test.db.engine());
        assert_eq!(violated(&same_phone, &[EMAIL, ROLE]), None, "only the constraint asked about");
    }
}

/// Migration 0012 makes a vendor record of every application that had become a shop
/// (approved or suspended), on both engines, and repoints its products: the shop keeps its
/// address, its products and its standing; an application still under review becomes none.
#[tokio::test]
async fn the_vendor_migration_makes_a_record_of_every_shop_and_keeps_its_products() {
    for test in testing::all_up_to(11).await {
        let db = &test.db;
        // Fixed ids, so the rows can be found again: PostgreSQL's identity columns take one
        // only when told to.
        let run = |sql: &'static str| async move {
            let ids = match db {
                Database::Sqlite(_) => "",
                Database::Postgres(_) => "overriding system value",
            };
            let sql = sql.replace("{ids}", ids);
            with_pool!(db, |pool| sqlx::query(&sql).execute(pool).await.map(|_| ()))
                .unwrap_or_else(|error| panic!("{sql}: {error}"));
        };
        run("insert into account (account_id, phone, password_hash) {ids} values
            (1, '+6285239100001', 'x'), (2, '+6285239100002', 'x'), (3, '+6285239100003', 'x')")
        .await;
        run("insert into vendor_application (application_id, account_id, status, business_name,
                category, description, whatsapp, outside_regency, public_slug, decided_at,
                created_at, updated_at) {ids}
            values (5, 1, 'approved', 'Se''i Ibu Ana', 'kuliner', 'Se''i asap.', '+6285239100001',
                    'Kabupaten Kupang', 'v5', 2, 1, 2),
                   (6, 2, 'submitted', 'Kopi Om Beni', 'minuman', '', null, null, null, null, 1, 1),
                   (7, 3, 'suspended', 'Tenun Mama Rut', 'tenun', '', null, null, 'v7', 2, 1, 3)")
        .await;
        run("insert into product (product_id, application_id, category_id, name, price, unit,
                created_at, updated_at) {ids}
            select 10, 5, category_id, 'Se''i sapi', 50000, 'pcs', 3, 3
            from product_category where slug = 'kuliner'")
        .await;

        db.migrate().await.expect("the vendor migration");

        let vendors: Vec<(i64, String, String, String, Option<String>)> =
            with_pool!(db, |pool| sqlx::query_as(
                "select application_id, status, public_slug, business_name, outside_regency
                 from vendor order by application_id"
            )
            .fetch_all(pool)
            .await)
            .expect("vendors");
        assert_eq!(
            vendors,
            [
                (
                    5,
                    "active".into(),
                    "v5".into(),
                    "Se'i Ibu Ana".into(),
                    Some("Kabupaten Kupang".into())
                ),
                (7, "suspended".into(), "v7".into(), "Tenun Mama Rut".into(), None),
            ],
            "{:?}",
            db.engine()
        );
        let shop = backend::listings::vendor_products(db, "v5").await.expect("the shop's products");
        assert_eq!(shop.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Se'i sapi"]);
        assert_eq!(shop[0].vendor_name, "Se'i Ibu Ana");
        let profile =
            backend::vendors::public_profile(db, "v5").await.expect("read").expect("public");
        assert_eq!(
            (profile.area.as_deref(), profile.whatsapp_digits.as_deref()),
            (Some("Kabupaten Kupang"), Some("6285239100001"))
        );
        assert_eq!(
            backend::vendors::public_profile(db, "v7").await.expect("read"),
            None,
            "still suspended"
        );
        let account = backend::accounts::AccountId(1);
        let active = backend::vendors::active_vendor_id(db, account).await.expect("read");
        let vendor_of_product: i64 = with_pool!(db, |pool| sqlx::query_scalar(
            "select vendor_id from product where product_id = 10"
        )
        .fetch_one(pool)
        .await)
        .expect("product");
        assert_eq!(
            active.map(|v| v.0),
            Some(vendor_of_product),
            "the product points at the shop's record"
        );
    }
}
