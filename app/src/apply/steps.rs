//! `/pengajuan/:step`: one step of the application form. Each posts to its own address and is
//! saved as a draft; a refusal comes back with messages next to the fields.

use domain::vendor::{limits, Category};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::api::{list_wilayah, load_my_application, KecamatanChoice, MyApplication};
use super::{status_key, STEPS};
use crate::auth::require_account;
use crate::error::{AppError, ErrorPage};
use crate::forms::{Checkbox, Field, FormAlert, PhotoField, Select, TextArea};
use crate::head::PageTitle;
use crate::i18n::{t, t_args};

/// The category's name in the visitor's language.
#[must_use]
pub fn category_label(category: Category) -> String {
    t(match category {
        Category::Food => "category-food",
        Category::Drinks => "category-drinks",
        Category::Textiles => "category-textiles",
        Category::Crafts => "category-crafts",
        Category::Produce => "category-produce",
        Category::Services => "category-services",
        Category::Other => "category-other",
    })
}

/// `/pengajuan/:step`
#[component]
pub fn ApplyStepPage() -> impl IntoView {
    if let Err(error) = require_account() {
        return view! { <ErrorPage error /> }.into_any();
    }
    let path = use_params_map().with_untracked(|p| p.get("step").unwrap_or_default());
    let Some(index) = STEPS.iter().position(|(p, _, _)| *p == path) else {
        return view! { <ErrorPage error=AppError::NotFound /> }.into_any();
    };
    let data = Resource::new_blocking(
        || (),
        |()| async move { Ok::<_, AppError>((load_my_application().await?, list_wilayah().await?)) },
    );
    let (path, form, title_key) = STEPS[index];
    view! {
        <PageTitle text=t(title_key) />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok((mine, wilayah)) => view! { <Step index path form title_key mine wilayah /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn Step(
    index: usize,
    path: &'static str,
    form: &'static str,
    title_key: &'static str,
    mine: MyApplication,
    wilayah: Vec<KecamatanChoice>,
) -> impl IntoView {
    let editable = matches!(mine.status.as_str(), "" | "draft" | "changes_requested");
    let progress = t_args(
        "apply-progress",
        &[("step", (index + 1).to_string()), ("total", STEPS.len().to_string())],
    );
    let multipart = matches!(form, "business" | "returnee");
    let body = match form {
        "business" => view! { <BusinessFields mine=mine.clone() /> }.into_any(),
        "owner" => view! { <OwnerFields mine=mine.clone() wilayah /> }.into_any(),
        "returnee" => view! { <ReturneeFields mine=mine.clone() /> }.into_any(),
        "identity" => view! { <IdentityFields mine=mine.clone() /> }.into_any(),
        _ => view! { <SubmitFields mine=mine.clone() /> }.into_any(),
    };
    view! {
        <section class="card narrow" aria-labelledby="step-title">
            <p class="hint">{progress}</p>
            <h1 id="step-title">{t(title_key)}</h1>
            {if editable {
                view! {
                    <form
                        method="post"
                        action=format!("/pengajuan/{path}")
                        enctype=multipart.then_some("multipart/form-data")
                        novalidate
                    >
                        <FormAlert form />
                        {body}
                    </form>
                }.into_any()
            } else {
                view! {
                    <p class="notice">{t_args("apply-locked", &[("status", t(status_key(&mine.status)))])}</p>
                }.into_any()
            }}
            <p class="form-aside"><a href="/pengajuan">{t("apply-back-dashboard")}</a></p>
        </section>
    }
}

fn save_button() -> impl IntoView {
    view! { <button type="submit" class="button">{t("apply-save-next")}</button> }
}

#[component]
fn BusinessFields(mine: MyApplication) -> impl IntoView {
    let categories =
        Category::ALL.into_iter().map(|c| (c.as_str().to_owned(), category_label(c))).collect();
    view! {
        <Field form="business" name="business_name" label=t("apply-business-name") initial=mine.field("business_name") max_len=limits::BUSINESS_NAME />
        <Select form="business" name="category" label=t("apply-category") options=categories initial=mine.field("category") />
        <TextArea form="business" name="description" label=t("apply-description") hint=t("apply-description-hint") initial=mine.field("description") max_len=limits::DESCRIPTION />
        <PhotoField
            form="business"
            name="business_photo"
            label=t("apply-business-photo")
            hint=t(if mine.has_business_photo { "apply-photo-kept" } else { "apply-photo-optional" })
        />
        {save_button()}
    }
}

#[component]
fn OwnerFields(mine: MyApplication, wilayah: Vec<KecamatanChoice>) -> impl IntoView {
    let genders =
        vec![("female".to_owned(), t("gender-female")), ("male".to_owned(), t("gender-male"))];
    let mut places: Vec<(String, String)> = wilayah
        .into_iter()
        .flat_map(|k| {
            let kecamatan = k.name;
            k.kelurahan
                .into_iter()
                .map(move |(id, name)| (id.to_string(), format!("{name} — {kecamatan}")))
        })
        .collect();
    places.push(("luar".to_owned(), t("apply-place-outside")));
    view! {
        <Field form="owner" name="owner_name" label=t("apply-owner-name") hint=t("apply-owner-name-hint") initial=mine.field("owner_name") autocomplete="name" max_len=limits::OWNER_NAME />
        <Select form="owner" name="gender" label=t("apply-gender") options=genders initial=mine.field("gender") />
        <Field form="owner" name="whatsapp" label=t("apply-whatsapp") hint=t("apply-whatsapp-hint") initial=mine.field("whatsapp") inputmode="tel" autocomplete="tel" max_len=20 />
        <Select form="owner" name="place" label=t("apply-place") options=places initial=mine.field("place") />
        <Field form="owner" name="outside_regency" label=t("apply-outside-regency") hint=t("apply-outside-regency-hint") initial=mine.field("outside_regency") max_len=limits::PLACE_NAME />
        <TextArea form="owner" name="address" label=t("apply-address") initial=mine.field("address") max_len=limits::ADDRESS />
        {save_button()}
    }
}

#[component]
fn ReturneeFields(mine: MyApplication) -> impl IntoView {
    view! {
        <Field form="returnee" name="placement_country" label=t("apply-country") hint=t("apply-country-hint") initial=mine.field("placement_country") max_len=limits::PLACE_NAME />
        <Field form="returnee" name="years_abroad" label=t("apply-years-abroad") initial=mine.field("years_abroad") inputmode="numeric" max_len=2 />
        <Field form="returnee" name="return_year" label=t("apply-return-year") initial=mine.field("return_year") inputmode="numeric" max_len=4 />
        <PhotoField
            form="returnee"
            name="proof_photo"
            label=t("apply-proof")
            hint=t(if mine.has_proof { "apply-proof-kept" } else { "apply-proof-hint" })
        />
        <Checkbox form="returnee" name="show_returnee_details" label=t("apply-show-returnee") initial=!mine.field("show_returnee_details").is_empty() />
        {save_button()}
    }
}

#[component]
fn IdentityFields(mine: MyApplication) -> impl IntoView {
    let nik_hint = match mine.nik_masked.clone() {
        Some(masked) => t_args("apply-nik-kept", &[("masked", masked)]),
        None => t("apply-nik-hint"),
    };
    view! {
        <p class="hint">{t("apply-identity-lead")}</p>
        <Field form="identity" name="nik" label=t("apply-nik") hint=nik_hint inputmode="numeric" autocomplete="off" max_len=24 />
        <Field form="identity" name="nib" label=t("apply-nib") hint=t("apply-nib-hint") initial=mine.field("nib") inputmode="numeric" max_len=20 />
        {save_button()}
    }
}

#[component]
fn SubmitFields(mine: MyApplication) -> impl IntoView {
    let missing: Vec<String> = mine
        .missing_steps
        .iter()
        .filter_map(|m| STEPS.iter().find(|(_, form, _)| form == m).map(|(_, _, key)| t(key)))
        .collect();
    view! {
        {(!missing.is_empty()).then(|| view! {
            <div class="form-alert"><p>{t("apply-missing")} " " {missing.join(", ")}</p></div>
        })}
        <p>{t("apply-consent-lead")} " " <a href="/privasi">{t("apply-privacy-link")}</a></p>
        <Checkbox form="submit" name="consent" label=t("apply-consent") />
        <button type="submit" class="button">{t("apply-submit")}</button>
    }
}
