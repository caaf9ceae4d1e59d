//! Public vendor pages: the profile people reach from a shared link, and the privacy notice
//! applicants consent to.

mod directory;

pub use directory::{load_directory, VendorDirectoryPage};

use leptos::prelude::*;
use leptos_meta::{Link, Meta};
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};

use crate::apply::category_label;
use crate::error::{AppError, ErrorPage};
use crate::head::PageTitle;
use crate::i18n::{t, t_args};

/// What anyone may see of a vendor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VendorProfile {
    /// Profile address part (`/pelapak/<slug>`).
    pub slug: String,
    /// Business name.
    pub business_name: String,
    /// Category value.
    pub category: String,
    /// What they sell, their story.
    pub description: String,
    /// Media key of the photo.
    pub photo: Option<String>,
    /// Kecamatan or regency.
    pub area: Option<String>,
    /// `https://wa.me/…` click-to-chat link.
    pub whatsapp_link: Option<String>,
    /// (country, years abroad), only when the vendor chose to show it.
    pub returnee: Option<(String, Option<i32>)>,
}

/// A vendor's public profile; not found when not approved (suspended vendors vanish at once).
///
/// Access: public.
#[server(prefix = "/api", endpoint = "vendors/profile")]
pub async fn load_vendor_profile(slug: String) -> Result<VendorProfile, AppError> {
    crate::auth::require(domain::Need::Public)?;
    let state = expect_context::<backend::AppState>();
    let profile = backend::vendors::public_profile(&state.db, &slug)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let greeting = format!("Halo {}, saya lihat toko Anda di Pasar Purna.", profile.business_name);
    Ok(VendorProfile {
        whatsapp_link: profile.whatsapp_digits.map(|digits| {
            format!("https://wa.me/{digits}?text={}", crate::auth::encode_query_value(&greeting))
        }),
        slug: profile.slug,
        business_name: profile.business_name,
        category: profile.category.map(|c| c.as_str().to_owned()).unwrap_or_default(),
        description: profile.description,
        photo: profile.business_photo,
        area: profile.area,
        returnee: profile.returnee,
    })
}

/// `/pelapak/:slug`
#[component]
pub fn VendorProfilePage() -> impl IntoView {
    let slug = use_params_map().with_untracked(|p| p.get("slug").unwrap_or_default());
    let profile = Resource::new_blocking(
        || (),
        move |()| {
            let slug = slug.clone();
            async move {
                let profile = load_vendor_profile(slug.clone()).await?;
                let products = crate::products::api::load_vendor_products(slug).await?;
                Ok::<_, AppError>((profile, products))
            }
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match profile.await {
                    Ok((profile, products)) => view! { <Profile profile /> <VendorProducts products /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Profile(profile: VendorProfile) -> impl IntoView {
    let category = domain::vendor::Category::from_str_value(&profile.category)
        .map(category_label)
        .unwrap_or_default();
    let description = profile.description.chars().take(160).collect::<String>();
    let origin = use_context::<crate::PublicOrigin>().map(|o| o.0).unwrap_or_default();
    let canonical = format!("{origin}/pelapak/{}", profile.slug);
    let title = format!("{} — Pasar Purna", profile.business_name);
    // WhatsApp and Facebook fetch the preview picture themselves: an absolute URL.
    let image = profile.photo.as_ref().map(|key| format!("{origin}/media/{key}"));
    let structured = structured_data(&profile, &canonical, image.as_deref());
    view! {
        <PageTitle text=title.clone() />
        <Meta name="description" content=description.clone() />
        <Link rel="canonical" href=canonical.clone() />
        <Meta property="og:type" content="profile" />
        <Meta property="og:title" content=title.clone() />
        <Meta property="og:description" content=description.clone() />
        <Meta property="og:url" content=canonical />
        <Meta name="twitter:title" content=title />
        <Meta name="twitter:description" content=description />
        {match image {
            Some(url) => view! {
                <Meta property="og:image" content=url.clone() />
                <Meta name="twitter:card" content="summary_large_image" />
                <Meta name="twitter:image" content=url />
            }.into_any(),
            None => view! { <Meta name="twitter:card" content="summary" /> }.into_any(),
        }}
        <script type="application/ld+json" inner_html=structured></script>
        <article class="card" aria-labelledby="profile-title">
            {profile.photo.map(|key| view! {
                <img class="profile-photo" src=format!("/media/{key}") alt="" width="640" height="480" />
            })}
            <h1 id="profile-title">{profile.business_name}</h1>
            <p>
                <span class="badge">{category}</span>
                {profile.returnee.is_some().then(|| view! { " " <span class="badge purna">{t("vendor-badge-purna")}</span> })}
            </p>
            {profile.area.map(|area| view! { <p>{t_args("vendor-area", &[("area", area)])}</p> })}
            <p class="story">{profile.description}</p>
            {profile.returnee.map(|(country, years)| {
                let text = match years {
                    Some(years) => t_args("vendor-returnee-years", &[("country", country), ("years", years.to_string())]),
                    None => t_args("vendor-returnee", &[("country", country)]),
                };
                view! { <p>{text}</p> }
            })}
            {profile.whatsapp_link.map(|href| view! {
                <p><a class="button" href=href rel="noopener noreferrer">{t("vendor-whatsapp")}</a></p>
            })}
        </article>
    }
}

/// schema.org `LocalBusiness` for search engines: name, story, picture, where, and how to
/// reach the vendor (the WhatsApp link, never the number as text).
fn structured_data(profile: &VendorProfile, canonical: &str, image: Option<&str>) -> String {
    let data = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "LocalBusiness",
        "name": profile.business_name,
        "description": profile.description,
        "url": canonical,
        "image": image,
        "sameAs": profile.whatsapp_link,
        "address": crate::head::kupang_address(profile.area.as_deref())
    });
    crate::head::json_ld(&data)
}

#[component]
fn VendorProducts(products: Vec<crate::products::api::ProductCardView>) -> impl IntoView {
    (!products.is_empty()).then(|| {
        view! {
            <section class="card" aria-labelledby="profile-products-title">
                <h2 id="profile-products-title">{t("vendor-products")}</h2>
                <crate::products::ProductGrid products />
            </section>
        }
    })
}

/// `/privasi`: the privacy notice applicants consent to, with its version.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    view! {
        <PageTitle text=t("privacy-title") />
        <article class="card" aria-labelledby="privacy-title">
            <h1 id="privacy-title">{t("privacy-title")}</h1>
            <p class="hint">{t_args("privacy-version", &[("version", PRIVACY_NOTICE_VERSION.to_owned())])}</p>
            <h2>{t("privacy-what-title")}</h2>
            <p>{t("privacy-what")}</p>
            <h2>{t("privacy-why-title")}</h2>
            <p>{t("privacy-why")}</p>
            <h2>{t("privacy-protect-title")}</h2>
            <p>{t("privacy-protect")}</p>
            <h2>{t("privacy-kept-title")}</h2>
            <p>{t("privacy-kept")}</p>
            <h2>{t("privacy-rights-title")}</h2>
            <p>{t("privacy-rights")}</p>
        </article>
    }
}

/// The privacy notice version shown and accepted. Must equal the backend's
/// `PRIVACY_NOTICE_VERSION` (a test checks it).
pub const PRIVACY_NOTICE_VERSION: &str = "2026-12";

#[cfg(test)]
mod tests {
    #[test]
    #[cfg(feature = "ssr")]
    fn the_notice_shown_is_the_version_stored() {
        assert_eq!(super::PRIVACY_NOTICE_VERSION, backend::vendors::PRIVACY_NOTICE_VERSION);
    }
}
