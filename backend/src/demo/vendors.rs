//! Demo vendors: a dozen approved returnee businesses of Kupang, three applications waiting,
//! one returned for changes and one rejected. NIKs are clearly fake (serial 99xx) but valid in
//! format, and encrypted like real ones.

use domain::application::ApplicationStatus;
use domain::nik::Nik;

use crate::db::WriteTx;
use crate::error::Result;
use crate::vendors::crypto::PersonalDataKeys;
use crate::with_tx;

/// One demo business.
struct DemoVendor {
    phone: &'static str,
    business: &'static str,
    category: &'static str,
    description: &'static str,
    owner: &'static str,
    female: bool,
    /// A kelurahan of Kota Kupang, or `None` for outside the city.
    kelurahan: Option<&'static str>,
    country: &'static str,
    years: i64,
    returned: i64,
    show_returnee: bool,
    status: ApplicationStatus,
    /// The reviewer's message for changes requested or a rejection.
    message: &'static str,
}

const fn vendor(
    phone: &'static str,
    (business, category, description): (&'static str, &'static str, &'static str),
    (owner, female, kelurahan): (&'static str, bool, Option<&'static str>),
    (country, years, returned): (&'static str, i64, i64),
) -> DemoVendor {
    DemoVendor {
        phone,
        business,
        category,
        description,
        owner,
        female,
        kelurahan,
        country,
        years,
        returned,
        show_returnee: true,
        status: ApplicationStatus::Approved,
        message: "",
    }
}

const fn with_status(
    mut v: DemoVendor,
    status: ApplicationStatus,
    message: &'static str,
) -> DemoVendor {
    v.status = status;
    v.message = message;
    v.show_returnee = false;
    v
}

const VENDORS: &[DemoVendor] = &[
    vendor("+6285239100001", ("Tenun Ikat Mama Yuli", "tenun", "Selendang dan sarung tenun ikat motif Amarasi dan Rote, ditenun sendiri dengan pewarna alam."), ("Yuliana Ndun", true, Some("Oebobo")), ("Malaysia", 6, 2022)),
    vendor("+6285239100002", ("Se'i Babi Om Ferdi", "kuliner", "Se'i babi asap kayu kosambi, dijual per ons atau nasi se'i lengkap dengan sambal lu'at."), ("Ferdinandus Lay", false, Some("Kuanino")), ("Malaysia", 4, 2023)),
    vendor("+6285239100003", ("Jagung Bose Ibu Maria", "kuliner", "Jagung bose dengan kacang merah dan labu, resep Timor; juga jagung titi dari Alor."), ("Maria Bria", true, Some("Namosain")), ("Hong Kong", 8, 2021)),
    vendor("+6285239100004", ("Sambal Lu'at Nona Ros", "hasil-bumi", "Sambal lu'at khas Sabu dan Timor dalam botol 150 gram, pedas sedang dan pedas sekali."), ("Rosalina Pello", true, Some("Oesapa")), ("Taiwan", 5, 2024)),
    vendor("+6285239100005", ("Kopi Bajawa Kak Anton", "minuman", "Kopi arabika Bajawa sangrai sendiri, bubuk dan biji, 250 gram."), ("Antonius Tefa", false, Some("Penfui")), ("Malaysia", 3, 2023)),
    vendor("+6285239100006", ("Madu Hutan Timor Ibu Sofia", "hasil-bumi", "Madu hutan Timor dari Amfoang, dipanen lestari, botol 350 ml."), ("Sofia Nenobais", true, Some("Fontein")), ("Singapura", 7, 2020)),
    vendor("+6285239100007", ("Anyaman Lontar Mama Ester", "kerajinan", "Tas, topi ti'i langga dan tempat sirih dari daun lontar, pesanan motif bisa."), ("Ester Ndolu", true, Some("Alak")), ("Malaysia", 10, 2019)),
    vendor("+6285239100008", ("Kue Rambut Ibu Dorkas", "kuliner", "Kue rambut, kue cucur dan bolu kukus untuk acara keluarga; pesan sehari sebelumnya."), ("Dorkas Manafe", true, Some("Fatululi")), ("Hong Kong", 4, 2022)),
    vendor("+6285239100009", ("Sasando Mini Om Yakob", "kerajinan", "Sasando mini dari lontar dan bambu untuk oleh-oleh, juga sasando ukuran main."), ("Yakobus Ndoen", false, Some("Kolhua")), ("Malaysia", 2, 2024)),
    vendor("+6285239100010", ("Se'i Sapi Ibu Lena", "kuliner", "Se'i sapi asap, dendeng sapi dan sambal lu'at; siap kirim dalam kemasan vakum."), ("Magdalena Tanone", true, Some("Lasiana")), ("Brunei", 5, 2021)),
    vendor("+6285239100011", ("Jahit Kebaya Ibu Rut", "jasa", "Jahit kebaya dan baju dari kain tenun, permak dan pesanan seragam."), ("Rut Lenggu", true, Some("Naikoten I")), ("Arab Saudi", 6, 2018)),
    vendor("+6285239100012", ("Kelor Kering Mama Dina", "hasil-bumi", "Daun kelor kering dan teh kelor dari kebun sendiri di Kupang Tengah."), ("Dina Sabneno", true, None), ("Malaysia", 9, 2020)),
    with_status(vendor("+6285239100013", ("Ikan Asap Oesapa Ibu Ani", "kuliner", "Ikan cakalang dan tongkol asap, ikan kering."), ("Ani Lobo", true, Some("Oesapa Barat")), ("Malaysia", 3, 2025)), ApplicationStatus::Submitted, ""),
    with_status(vendor("+6285239100014", ("Gula Lempeng Om Markus", "hasil-bumi", "Gula lempeng dan gula air dari nira lontar Rote."), ("Markus Nalle", false, Some("Oeba")), ("Malaysia", 5, 2025)), ApplicationStatus::Submitted, ""),
    with_status(vendor("+6285239100015", ("Keripik Pisang Nona Eka", "kuliner", "Keripik pisang dan keripik ubi, manis dan asin."), ("Eka Tallo", true, Some("Sikumana")), ("Taiwan", 2, 2025)), ApplicationStatus::Submitted, ""),
    with_status(vendor("+6285239100016", ("Bakso Ikan Ibu Sarah", "kuliner", "Bakso ikan tenggiri."), ("Sarah Pah", true, Some("Naikolan")), ("Hong Kong", 4, 2024)), ApplicationStatus::ChangesRequested, "Mohon lengkapi alamat (RT/RW) dan tambahkan foto gerobak atau produk Anda."),
    with_status(vendor("+6285239100017", ("Pulsa dan Aksesori HP Kak Beni", "jasa", "Pulsa, paket data, aksesori HP."), ("Benyamin Kase", false, Some("Merdeka")), ("Malaysia", 1, 2015)), ApplicationStatus::Rejected, "Program ini untuk purna PMI yang kembali dalam lima tahun terakhir; data kepulangan tidak sesuai."),
];

/// A fake NIK for the `index`-th demo vendor: Kota Kupang region, a plausible birth date,
/// serial 99xx so nobody mistakes it for a real one.
fn demo_nik(index: usize, female: bool) -> Nik {
    let day = 1 + (index % 28);
    let day = if female { day + 40 } else { day };
    let month = 1 + (index % 12);
    let text =
        format!("53710{}{day:02}{month:02}{:02}99{index:02}", 1 + index % 6, 80 + index % 15);
    Nik::parse(&text).unwrap_or_else(|e| panic!("demo NIK {index} is malformed: {e}"))
}

/// Adds the demo vendors that are missing; returns how many were added.
pub(super) async fn seed_vendors(
    tx: &mut WriteTx,
    keys: &PersonalDataKeys,
    password_hash: &str,
    now: i64,
) -> Result<u64> {
    let mut added = 0;
    for (index, demo) in VENDORS.iter().enumerate() {
        let inserted: Option<i64> = with_tx!(&mut *tx, |conn| sqlx::query_scalar(
            "insert into account (phone, password_hash) values ($1, $2)
             on conflict do nothing returning account_id"
        )
        .bind(demo.phone)
        .bind(password_hash)
        .fetch_optional(&mut **conn)
        .await)?;
        let Some(account) = inserted else { continue };
        let kelurahan: Option<i64> = match demo.kelurahan {
            Some(name) => Some(with_tx!(&mut *tx, |conn| sqlx::query_scalar(
                "select kelurahan_id from kelurahan where name = $1"
            )
            .bind(name)
            .fetch_one(&mut **conn)
            .await)?),
            None => None,
        };
        let nik = demo_nik(index, demo.female);
        let (ciphertext, key_id) = keys.encrypt(nik.expose_digits());
        let submitted = now - 86_400 * (20 - i64::try_from(index).unwrap_or(0));
        let decided = demo.status != ApplicationStatus::Submitted;
        let application: i64 = with_tx!(&mut *tx, |conn| {
            sqlx::query_scalar(
            "insert into vendor_application (account_id, status, business_name, category, description,
                owner_name, gender, whatsapp, kelurahan_id, outside_regency, address, placement_country,
                years_abroad, return_year, nik_ciphertext, nik_key_id, nik_hash, nik_masked,
                consent_version, consent_at, show_returnee_details, submitted_at,
                decided_at, created_at, updated_at)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
                $19, $20, $21, $20, $22, $20, $20)
             returning application_id"
        )
        .bind(account)
        .bind(demo.status.as_str())
        .bind(demo.business)
        .bind(demo.category)
        .bind(demo.description)
        .bind(demo.owner)
        .bind(if demo.female { "female" } else { "male" })
        .bind(demo.phone)
        .bind(kelurahan)
        .bind(demo.kelurahan.is_none().then_some("Kabupaten Kupang"))
        .bind("Jl. Demo No. 1, RT 001/RW 001")
        .bind(demo.country)
        .bind(demo.years)
        .bind(demo.returned)
        .bind(&ciphertext)
        .bind(&key_id)
        .bind(keys.nik_hash(&nik))
        .bind(nik.masked())
        .bind(crate::vendors::PRIVACY_NOTICE_VERSION)
        .bind(submitted)
        .bind(demo.show_returnee)
        .bind(decided.then_some(submitted + 86_400))
        .fetch_one(&mut **conn)
        .await
        })?;
        let mut events = vec![("submit", "", submitted)];
        match demo.status {
            ApplicationStatus::Approved => events.push(("approve", "", submitted + 86_400)),
            ApplicationStatus::ChangesRequested => {
                events.push(("request_changes", demo.message, submitted + 86_400))
            }
            ApplicationStatus::Rejected => {
                events.push(("reject", demo.message, submitted + 86_400))
            }
            _ => {}
        }
        for (step, message, at) in events {
            with_tx!(&mut *tx, |conn| sqlx::query(
                "insert into application_event (application_id, transition, message, created_at)
                 values ($1, $2, $3, $4)"
            )
            .bind(application)
            .bind(step)
            .bind(message)
            .bind(at)
            .execute(&mut **conn)
            .await
            .map(|_| ()))?;
        }
        if demo.status == ApplicationStatus::Approved {
            // Demo shops keep their readable addresses (`demo-3`), as links in the docs use them.
            let application = crate::vendors::ApplicationId(application);
            let slug = format!("demo-{}", index + 1);
            crate::vendors::create_vendor(tx, application, &slug, submitted + 86_400).await?;
        }
        added += 1;
    }
    Ok(added)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_nik_is_valid_distinct_and_marked_fake() {
        let niks: Vec<_> = VENDORS.iter().enumerate().map(|(i, v)| demo_nik(i, v.female)).collect();
        for nik in &niks {
            assert_eq!(&nik.expose_digits()[12..14], "99");
        }
        let distinct: std::collections::HashSet<_> = niks.iter().map(Nik::expose_digits).collect();
        assert_eq!(distinct.len(), VENDORS.len());
    }

    #[test]
    fn the_demo_has_a_dozen_vendors_three_waiting_one_returned_and_one_rejected() {
        let count = |s| VENDORS.iter().filter(|v| v.status == s).count();
        assert_eq!(count(ApplicationStatus::Approved), 12);
        assert_eq!(count(ApplicationStatus::Submitted), 3);
        assert_eq!(count(ApplicationStatus::ChangesRequested), 1);
        assert_eq!(count(ApplicationStatus::Rejected), 1);
    }

    #[test]
    fn every_demo_phone_is_a_valid_mobile_number() {
        for v in VENDORS {
            assert_eq!(
                domain::PhoneNumber::parse(v.phone).map(|p| p.e164().to_owned()),
                Ok(v.phone.to_owned())
            );
        }
    }
}
