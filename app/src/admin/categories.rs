//! `/admin/kategori`: the product categories, renamed, reordered and added by admins.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use domain::Permission;

use crate::auth::require_permission;
use crate::error::{AppError, ErrorPage};
use crate::forms::{Field, FormAlert};
use crate::head::PageTitle;
use crate::i18n::t;

/// The category form's name.
pub const CATEGORY_FORM: &str = "category";

/// A category as the admin page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryEntry {
    /// Address key.
    pub slug: String,
    /// Bahasa Indonesia name.
    pub name_id: String,
    /// English name.
    pub name_en: String,
    /// Display order.
    pub position: i64,
}

/// Every category with both names and its position.
///
/// Access: admin.
#[server(prefix = "/api", endpoint = "admin/categories")]
pub async fn load_category_entries() -> Result<Vec<CategoryEntry>, AppError> {
    require_permission(Permission::ManageCategories)?;
    let state = expect_context::<backend::AppState>();
    Ok(backend::listings::category_rows(&state.db)
        .await?
        .into_iter()
        .map(|c| CategoryEntry {
            slug: c.slug,
            name_id: c.name_id,
            name_en: c.name_en,
            position: c.position,
        })
        .collect())
}

/// `/admin/kategori`
#[component]
pub fn AdminCategoriesPage() -> impl IntoView {
    if let Err(error) = require_permission(Permission::ManageCategories) {
        return view! { <ErrorPage error /> }.into_any();
    }
    let entries = Resource::new_blocking(|| (), |()| load_category_entries());
    view! {
        <PageTitle text=t("admin-categories-title") />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match entries.await {
                    Ok(entries) => view! { <Categories entries /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn Categories(entries: Vec<CategoryEntry>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="categories-title">
            <h1 id="categories-title">{t("admin-categories-title")}</h1>
            <p>{t("admin-categories-lead")}</p>
            {crate::account::done_notice().map(|key| view! { <p class="notice" role="status">{t(key)}</p> })}
            <FormAlert form=CATEGORY_FORM />
            <ul class="user-list">
                {entries.into_iter().map(|c| {
                    let id = |field: &str| format!("category-{}-{field}", c.slug);
                    view! {
                        <li>
                            <form method="post" action="/admin/kategori" class="filter-form">
                                <input type="hidden" name="slug" value=c.slug.clone() />
                                <p><a href=format!("/kategori/{}", c.slug)>{format!("/kategori/{}", c.slug)}</a></p>
                                <div class="field">
                                    <label for=id("id")>{t("admin-categories-name-id")}</label>
                                    <input id=id("id") name="name_id" value=c.name_id.clone() maxlength="40" required />
                                </div>
                                <div class="field">
                                    <label for=id("en")>{t("admin-categories-name-en")}</label>
                                    <input id=id("en") name="name_en" value=c.name_en.clone() maxlength="40" required />
                                </div>
                                <div class="field">
                                    <label for=id("pos")>{t("admin-categories-position")}</label>
                                    <input id=id("pos") name="position" inputmode="numeric" value=c.position.to_string() maxlength="3" />
                                </div>
                                <button type="submit" class="button secondary">{t("admin-categories-save")}</button>
                            </form>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
        <section class="card narrow" aria-labelledby="new-category-title">
            <h2 id="new-category-title">{t("admin-categories-add")}</h2>
            <form method="post" action="/admin/kategori" novalidate>
                <Field form=CATEGORY_FORM name="slug" label=t("admin-categories-slug") hint=t("admin-categories-slug-hint") max_len=40 />
                <Field form=CATEGORY_FORM name="name_id" label=t("admin-categories-name-id") max_len=40 />
                <Field form=CATEGORY_FORM name="name_en" label=t("admin-categories-name-en") max_len=40 />
                <Field form=CATEGORY_FORM name="position" label=t("admin-categories-position") inputmode="numeric" max_len=3 initial="9".to_owned() />
                <button type="submit" class="button">{t("admin-categories-add")}</button>
            </form>
        </section>
    }
    .into_any()
}
