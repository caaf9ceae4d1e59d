//! A vendor's public profile: only an active vendor's; returnee details only if they opted in.

use domain::vendor::Category;

use domain::PhoneNumber;

use super::record::ACTIVE;
use crate::db::Database;
use crate::error::Error;
use crate::with_pool;

/// What anyone may see of a vendor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicProfile {
    /// Address part (`v12`).
    pub slug: String,
    /// Business name.
    pub business_name: String,
    /// What they sell.
    pub category: Option<Category>,
    /// Their story / what they sell.
    pub description: String,
    /// Media key of the business photo.
    pub business_photo: Option<String>,
    /// Kecamatan name, or the regency outside Kota Kupang.
    pub area: Option<String>,
    /// WhatsApp digits for click-to-chat (`628…`).
    pub whatsapp_digits: Option<String>,
    /// Returnee details, only if the vendor chose to show them: (country, years abroad).
    pub returnee: Option<(String, Option<i32>)>,
}

#[derive(sqlx::FromRow)]
struct ProfileRow {
    business_name: String,
    category: String,
    description: String,
    business_photo: Option<String>,
    area: Option<String>,
    whatsapp: Option<String>,
    show_returnee_details: bool,
    placement_country: String,
    years_abroad: Option<i64>,
}

/// The public profile at `slug`; `None` when unknown, suspended or erased.
///
/// # Errors
/// When the database fails.
pub async fn public_profile(db: &Database, slug: &str) -> Result<Option<PublicProfile>, Error> {
    // Returnee details are the owner's, on the application (erased with it).
    let sql = format!(
        "select v.business_name, v.category, v.description, v.business_photo,
                coalesce(kc.name, v.outside_regency) as area, v.whatsapp,
                a.show_returnee_details, a.placement_country, a.years_abroad
         from vendor v
         join vendor_application a on a.application_id = v.application_id
         left join kecamatan kc on kc.kecamatan_id = v.kecamatan_id
         where v.public_slug = $1 and {ACTIVE}"
    );
    let row: Option<ProfileRow> =
        with_pool!(db, |pool| sqlx::query_as(&sql).bind(slug).fetch_optional(pool).await)?;
    let Some(row) = row else {
        return Ok(None);
    };
    let whatsapp = match row.whatsapp.as_deref().map(PhoneNumber::parse) {
        Some(Ok(number)) => Some(number.wa_me_digits().to_owned()),
        Some(Err(_)) => return Err(Error::Corrupt(format!("vendor {slug} has a bad whatsapp"))),
        None => None,
    };
    Ok(Some(PublicProfile {
        slug: slug.to_owned(),
        business_name: row.business_name,
        category: Category::from_str_value(&row.category),
        description: row.description,
        business_photo: row.business_photo,
        area: row.area,
        whatsapp_digits: whatsapp,
        returnee: row.show_returnee_details.then_some((
            row.placement_country,
            row.years_abroad.and_then(|years| i32::try_from(years).ok()),
        )),
    }))
}
