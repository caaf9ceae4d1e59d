//! A vendor's public profile: only approved, not erased; returnee details only if they opted in.

use domain::vendor::Category;

use super::model::SELECT;
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

/// The public profile at `slug`; `None` when unknown, not approved (e.g. suspended) or erased.
///
/// # Errors
/// When the database fails.
pub async fn public_profile(db: &Database, slug: &str) -> Result<Option<PublicProfile>, Error> {
    let sql = format!(
        "{SELECT} where a.public_slug = $1 and a.status = 'approved' and a.erased_at is null"
    );
    let row: Option<super::model::ApplicationRow> =
        with_pool!(db, |pool| sqlx::query_as(&sql).bind(slug).fetch_optional(pool).await)?;
    let Some(application) = row.map(super::model::ApplicationRow::into_application).transpose()?
    else {
        return Ok(None);
    };
    let area = application
        .place_name
        .as_deref()
        .and_then(|place| place.split(", ").nth(1).map(str::to_owned))
        .or(application.outside_regency.clone());
    Ok(Some(PublicProfile {
        slug: slug.to_owned(),
        business_name: application.business_name,
        category: application.category,
        description: application.description,
        business_photo: application.business_photo,
        area,
        whatsapp_digits: application.whatsapp.as_ref().map(|p| p.wa_me_digits().to_owned()),
        returnee: application
            .show_returnee_details
            .then_some((application.placement_country, application.years_abroad)),
    }))
}
