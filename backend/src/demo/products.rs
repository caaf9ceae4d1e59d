//! Demo products: five for each approved demo vendor, sixty in all, with real Kupang names
//! and market prices. Photos arrive with the photo pipeline.

use crate::db::WriteTx;
use crate::error::Result;
use crate::listings::ProductId;
use crate::with_tx;

/// (vendor slug, name, category, description, price, unit, availability)
type DemoProduct =
    (&'static str, &'static str, &'static str, &'static str, i64, &'static str, &'static str);

const PRODUCTS: &[DemoProduct] = &[
    (
        "demo-1",
        "Selendang tenun ikat Amarasi",
        "tenun-fesyen",
        "Selendang tenun ikat motif Amarasi, pewarna alam mengkudu dan nila, 180 × 50 cm.",
        350_000,
        "lembar",
        "ready",
    ),
    (
        "demo-1",
        "Sarung tenun Rote",
        "tenun-fesyen",
        "Sarung tenun ikat motif Rote, benang katun, ditenun sekitar tiga minggu.",
        1_250_000,
        "lembar",
        "preorder",
    ),
    (
        "demo-1",
        "Syal tenun ikat kecil",
        "tenun-fesyen",
        "Syal tenun ikat 150 × 20 cm, cocok untuk oleh-oleh.",
        150_000,
        "lembar",
        "ready",
    ),
    (
        "demo-1",
        "Tas selempang kain tenun",
        "tenun-fesyen",
        "Tas selempang dari potongan kain tenun, berlapis dalam, ada resleting.",
        185_000,
        "pcs",
        "ready",
    ),
    (
        "demo-1",
        "Dompet tenun ikat",
        "tenun-fesyen",
        "Dompet kecil dari kain tenun ikat, banyak pilihan motif.",
        65_000,
        "pcs",
        "ready",
    ),
    (
        "demo-2",
        "Se'i babi asap",
        "kuliner",
        "Se'i babi asap kayu kosambi, irisan tebal, siap makan atau dipanaskan.",
        35_000,
        "ons",
        "ready",
    ),
    (
        "demo-2",
        "Nasi se'i babi lengkap",
        "kuliner",
        "Nasi, se'i babi, sayur rumpu rampe, sambal lu'at.",
        40_000,
        "porsi",
        "ready",
    ),
    (
        "demo-2",
        "Sosis se'i",
        "kuliner",
        "Sosis babi asap khas Kupang, isi 5.",
        45_000,
        "bungkus",
        "ready",
    ),
    (
        "demo-2",
        "Se'i babi vakum 500 gram",
        "kuliner",
        "Se'i babi dalam kemasan vakum, tahan seminggu di kulkas, bisa dikirim.",
        170_000,
        "bungkus",
        "preorder",
    ),
    (
        "demo-2",
        "Sambal lu'at botol",
        "kuliner",
        "Sambal lu'at resep keluarga, pendamping se'i.",
        25_000,
        "botol",
        "ready",
    ),
    (
        "demo-3",
        "Jagung bose",
        "kuliner",
        "Jagung bose dengan kacang merah, labu dan santan.",
        15_000,
        "porsi",
        "ready",
    ),
    (
        "demo-3",
        "Jagung titi Alor",
        "kuliner",
        "Jagung titi renyah dari Alor, 250 gram.",
        20_000,
        "bungkus",
        "ready",
    ),
    (
        "demo-3",
        "Jagung bose kering siap masak",
        "hasil-bumi",
        "Jagung bose pecah kering, tinggal dimasak, 1 kg.",
        28_000,
        "kg",
        "ready",
    ),
    (
        "demo-3",
        "Kacang merah Timor",
        "hasil-bumi",
        "Kacang merah kering dari Timor Tengah Selatan.",
        32_000,
        "kg",
        "ready",
    ),
    (
        "demo-3",
        "Bubur kacang hijau",
        "kuliner",
        "Bubur kacang hijau santan, hangat pagi hari.",
        10_000,
        "porsi",
        "sold_out",
    ),
    (
        "demo-4",
        "Sambal lu'at pedas sedang",
        "kuliner",
        "Sambal lu'at khas Sabu, cabai, jeruk nipis dan daun kemangi, 150 gram.",
        25_000,
        "botol",
        "ready",
    ),
    (
        "demo-4",
        "Sambal lu'at pedas sekali",
        "kuliner",
        "Sambal lu'at dengan cabai rawit lebih banyak, 150 gram.",
        27_000,
        "botol",
        "ready",
    ),
    (
        "demo-4",
        "Sambal ikan tuna",
        "kuliner",
        "Sambal ikan tuna suwir, tahan dua minggu.",
        35_000,
        "botol",
        "ready",
    ),
    (
        "demo-4",
        "Paket tiga sambal",
        "kuliner",
        "Tiga botol sambal pilihan, cocok untuk oleh-oleh.",
        70_000,
        "bungkus",
        "preorder",
    ),
    (
        "demo-4",
        "Cabai kering Sabu",
        "hasil-bumi",
        "Cabai rawit kering dari Sabu, 100 gram.",
        18_000,
        "bungkus",
        "ready",
    ),
    (
        "demo-5",
        "Kopi arabika Bajawa bubuk",
        "minuman",
        "Kopi arabika Bajawa sangrai sedang, digiling halus, 250 gram.",
        75_000,
        "bungkus",
        "ready",
    ),
    (
        "demo-5",
        "Kopi arabika Bajawa biji",
        "minuman",
        "Biji kopi arabika Bajawa sangrai sedang, 250 gram.",
        80_000,
        "bungkus",
        "ready",
    ),
    (
        "demo-5",
        "Kopi robusta Manggarai",
        "minuman",
        "Kopi robusta Manggarai bubuk, 250 gram.",
        55_000,
        "bungkus",
        "ready",
    ),
    (
        "demo-5",
        "Es kopi susu gula aren",
        "minuman",
        "Es kopi susu dengan gula aren, botol 250 ml.",
        18_000,
        "botol",
        "ready",
    ),
    (
        "demo-5",
        "Kopi tubruk segelas",
        "minuman",
        "Kopi tubruk Bajawa panas di lapak SABOAK.",
        8_000,
        "porsi",
        "ready",
    ),
    (
        "demo-6",
        "Madu hutan Timor 350 ml",
        "hasil-bumi",
        "Madu hutan Amfoang, dipanen lestari, tanpa campuran.",
        120_000,
        "botol",
        "ready",
    ),
    (
        "demo-6",
        "Madu hutan Timor 1 liter",
        "hasil-bumi",
        "Madu hutan Amfoang kemasan besar.",
        300_000,
        "botol",
        "preorder",
    ),
    (
        "demo-6",
        "Sarang madu potong",
        "hasil-bumi",
        "Sarang madu segar potongan, 250 gram.",
        90_000,
        "bungkus",
        "sold_out",
    ),
    (
        "demo-6",
        "Madu dan kunyit",
        "kecantikan-kesehatan",
        "Campuran madu hutan dan kunyit, 250 ml.",
        85_000,
        "botol",
        "ready",
    ),
    (
        "demo-6",
        "Lilin lebah alami",
        "kerajinan",
        "Lilin dari malam lebah hutan, wangi madu.",
        45_000,
        "pcs",
        "ready",
    ),
    (
        "demo-7",
        "Topi ti'i langga",
        "kerajinan",
        "Topi ti'i langga Rote dari daun lontar, ukuran dewasa.",
        150_000,
        "pcs",
        "ready",
    ),
    (
        "demo-7",
        "Tas anyaman lontar",
        "kerajinan",
        "Tas belanja anyaman daun lontar, kuat dan ringan.",
        95_000,
        "pcs",
        "ready",
    ),
    (
        "demo-7",
        "Tempat sirih lontar",
        "kerajinan",
        "Tempat sirih pinang anyaman lontar bermotif.",
        60_000,
        "pcs",
        "ready",
    ),
    (
        "demo-7",
        "Tikar lontar",
        "kerajinan",
        "Tikar anyaman lontar 150 × 200 cm.",
        250_000,
        "lembar",
        "preorder",
    ),
    (
        "demo-7",
        "Kipas anyaman",
        "kerajinan",
        "Kipas tangan anyaman lontar, oleh-oleh khas Kupang.",
        25_000,
        "pcs",
        "ready",
    ),
    (
        "demo-8",
        "Kue rambut",
        "kuliner",
        "Kue rambut renyah dari tepung beras dan gula merah, isi 20.",
        30_000,
        "bungkus",
        "ready",
    ),
    ("demo-8", "Kue cucur", "kuliner", "Kue cucur gula merah, isi 10.", 25_000, "bungkus", "ready"),
    (
        "demo-8",
        "Bolu kukus pandan",
        "kuliner",
        "Bolu kukus pandan untuk acara, isi 20.",
        50_000,
        "bungkus",
        "preorder",
    ),
    (
        "demo-8",
        "Kue lapis Kupang",
        "kuliner",
        "Kue lapis tepung beras warna-warni, satu loyang.",
        120_000,
        "pcs",
        "preorder",
    ),
    (
        "demo-8",
        "Roti kelapa",
        "kuliner",
        "Roti isi kelapa gula merah, isi 5.",
        20_000,
        "bungkus",
        "ready",
    ),
    (
        "demo-9",
        "Sasando mini",
        "kerajinan",
        "Sasando mini dari daun lontar dan bambu, hiasan atau oleh-oleh.",
        85_000,
        "pcs",
        "ready",
    ),
    (
        "demo-9",
        "Sasando elektrik ukuran main",
        "kerajinan",
        "Sasando elektrik 32 dawai, dibuat sesuai pesanan.",
        4_500_000,
        "pcs",
        "preorder",
    ),
    (
        "demo-9",
        "Gantungan kunci sasando",
        "kerajinan",
        "Gantungan kunci sasando kecil.",
        15_000,
        "pcs",
        "ready",
    ),
    (
        "demo-9",
        "Kursus sasando dasar",
        "jasa",
        "Empat kali pertemuan belajar sasando untuk pemula.",
        400_000,
        "pekerjaan",
        "ready",
    ),
    (
        "demo-9",
        "Servis sasando",
        "jasa",
        "Ganti dawai dan setel sasando.",
        150_000,
        "pekerjaan",
        "ready",
    ),
    (
        "demo-10",
        "Se'i sapi asap",
        "kuliner",
        "Se'i sapi asap kayu kosambi, empuk dan gurih.",
        40_000,
        "ons",
        "ready",
    ),
    (
        "demo-10",
        "Dendeng sapi Kupang",
        "kuliner",
        "Dendeng sapi manis pedas, 250 gram.",
        85_000,
        "bungkus",
        "ready",
    ),
    (
        "demo-10",
        "Se'i sapi vakum 500 gram",
        "kuliner",
        "Se'i sapi kemasan vakum untuk dikirim ke luar kota.",
        190_000,
        "bungkus",
        "preorder",
    ),
    (
        "demo-10",
        "Nasi se'i sapi",
        "kuliner",
        "Nasi, se'i sapi, rumpu rampe dan sambal lu'at.",
        40_000,
        "porsi",
        "ready",
    ),
    (
        "demo-10",
        "Abon sapi",
        "kuliner",
        "Abon sapi manis, 200 gram.",
        60_000,
        "bungkus",
        "sold_out",
    ),
    (
        "demo-11",
        "Jahit kebaya kain tenun",
        "jasa",
        "Jahit kebaya dari kain tenun Anda, termasuk furing.",
        350_000,
        "pekerjaan",
        "preorder",
    ),
    (
        "demo-11",
        "Kemeja motif tenun",
        "tenun-fesyen",
        "Kemeja pria lengan pendek dengan aksen kain tenun.",
        275_000,
        "pcs",
        "ready",
    ),
    (
        "demo-11",
        "Permak pakaian",
        "jasa",
        "Potong, kecilkan atau panjangkan pakaian.",
        25_000,
        "pekerjaan",
        "ready",
    ),
    (
        "demo-11",
        "Seragam paduan suara",
        "jasa",
        "Jahit seragam kelompok dengan kain tenun, harga per orang.",
        300_000,
        "pekerjaan",
        "preorder",
    ),
    (
        "demo-11",
        "Masker kain tenun",
        "tenun-fesyen",
        "Masker kain dua lapis dengan motif tenun.",
        20_000,
        "pcs",
        "ready",
    ),
    (
        "demo-12",
        "Teh daun kelor",
        "kecantikan-kesehatan",
        "Teh daun kelor kering, 50 gram.",
        25_000,
        "bungkus",
        "ready",
    ),
    (
        "demo-12",
        "Bubuk kelor",
        "kecantikan-kesehatan",
        "Bubuk daun kelor untuk minuman dan masakan, 100 gram.",
        35_000,
        "bungkus",
        "ready",
    ),
    (
        "demo-12",
        "Daun kelor kering",
        "hasil-bumi",
        "Daun kelor kering utuh, 250 gram.",
        30_000,
        "bungkus",
        "ready",
    ),
    (
        "demo-12",
        "Keripik kelor",
        "kuliner",
        "Keripik daun kelor renyah, 100 gram.",
        15_000,
        "bungkus",
        "ready",
    ),
    (
        "demo-12",
        "Sabun kelor",
        "kecantikan-kesehatan",
        "Sabun mandi buatan tangan dengan kelor dan minyak kelapa.",
        20_000,
        "pcs",
        "sold_out",
    ),
];

/// Adds the demo products of vendors that have none yet; returns how many were added.
pub(super) async fn seed_products(tx: &mut WriteTx, now: i64) -> Result<u64> {
    let mut added = 0;
    for (index, &(slug, name, category, description, price, unit, availability)) in
        PRODUCTS.iter().enumerate()
    {
        let vendor: Option<i64> = with_tx!(&mut *tx, |conn| {
            sqlx::query_scalar(
            "select v.vendor_id from vendor v where v.public_slug = $1
             and not exists (select 1 from product p where p.vendor_id = v.vendor_id and p.name = $2)"
        )
        .bind(slug)
        .bind(name)
        .fetch_optional(&mut **conn)
        .await
        })?;
        let Some(vendor) = vendor else { continue };
        let lead_days = (availability == "preorder").then_some(3_i64);
        let created = now - 3_600 * i64::try_from(PRODUCTS.len() - index).unwrap_or(0);
        let row = ProductInsert {
            vendor,
            name,
            description,
            price,
            unit,
            availability,
            lead_days,
            created,
            category,
        };
        let id = insert_product(tx, &row).await?;
        crate::listings::reindex_in(tx, id).await?;
        added += 1;
    }
    Ok(added)
}

/// A demo or synthetic product row.
pub(super) struct ProductInsert<'a> {
    pub vendor: i64,
    pub name: &'a str,
    pub description: &'a str,
    pub price: i64,
    pub unit: &'a str,
    pub availability: &'a str,
    pub lead_days: Option<i64>,
    pub created: i64,
    pub category: &'a str,
}

/// Inserts one product (its search entry is the caller's: seeding re-indexes in bulk).
pub(super) async fn insert_product(tx: &mut WriteTx, row: &ProductInsert<'_>) -> Result<ProductId> {
    let id: i64 = with_tx!(&mut *tx, |conn| {
        sqlx::query_scalar(
        "insert into product (vendor_id, category_id, name, description, price, unit,
            availability, lead_days, created_at, updated_at)
         select $1, category_id, $2, $3, $4, $5, $6, $7, $8, $8 from product_category where slug = $9
         returning product_id"
    )
    .bind(row.vendor)
    .bind(row.name)
    .bind(row.description)
    .bind(row.price)
    .bind(row.unit)
    .bind(row.availability)
    .bind(row.lead_days)
    .bind(row.created)
    .bind(row.category)
    .fetch_one(&mut **conn)
    .await
    })?;
    Ok(ProductId(id))
}

#[cfg(test)]
mod tests {
    use super::PRODUCTS;

    #[test]
    fn sixty_products_with_valid_units_and_prices() {
        assert_eq!(PRODUCTS.len(), 60);
        for (_, name, _, _, price, unit, availability) in PRODUCTS {
            assert!(domain::listing::Unit::from_str_value(unit).is_some(), "{name}: unit {unit}");
            assert!(
                (domain::listing::limits::MIN_PRICE..=domain::listing::limits::MAX_PRICE)
                    .contains(price),
                "{name}"
            );
            assert!(["ready", "preorder", "sold_out"].contains(availability));
        }
    }
}
