//! Server fns of the Dinas's review pages. Each states its access level and checks it first.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// A row of the queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueItem {
    /// Application id.
    pub id: i64,
    /// Business name.
    pub business_name: String,
    /// Owner's name.
    pub owner_name: String,
    /// Category value.
    pub category: String,
    /// Kecamatan or regency.
    pub area: String,
    /// Status name.
    pub status: String,
    /// Unix time of submission.
    pub submitted_at: Option<i64>,
}

/// A vendor's requested change of what the Dinas approved: (approved, requested) pairs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShopChange {
    /// Business name: (approved, requested), when a new one was asked for.
    pub business_name: Option<(String, String)>,
    /// Category values: (approved, requested), when a new one was asked for.
    pub category: Option<(String, String)>,
}

/// One page of the queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Queue {
    /// Rows.
    pub items: Vec<QueueItem>,
    /// Matches on all pages.
    pub total: i64,
    /// Rows per page.
    pub page_size: u32,
    /// Kecamatan choices (slug, name).
    pub kecamatan: Vec<(String, String)>,
}

/// Everything submitted, for the reviewer. The NIK only masked: revealing it is a separate,
/// logged action with a reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewDetail {
    /// Application id.
    pub id: i64,
    /// Status name.
    pub status: String,
    /// (label key, value) pairs in form order.
    pub facts: Vec<(String, String)>,
    /// Whether a business photo exists (its public key, shown after approval only).
    pub business_photo: Option<String>,
    /// Whether a proof of return was uploaded.
    pub has_proof: bool,
    /// History: (step, message, by applicant, unix time).
    pub history: Vec<(String, String, bool, i64)>,
    /// Click-to-chat link with a prefilled message in Bahasa Indonesia.
    pub whatsapp_link: Option<String>,
    /// Erasure asked for and not yet done.
    pub erasure_requested: bool,
    /// Personal data erased.
    pub erased: bool,
    /// Unix time of submission.
    pub submitted_at: Option<i64>,
    /// A new business name or category the vendor asked for, waiting for review.
    pub shop_change: Option<ShopChange>,
}

/// The review queue: waiting applications oldest first, or any status by filter.
///
/// Access: admin.
#[server(prefix = "/api", endpoint = "review/queue")]
pub async fn load_queue(
    status: String,
    kecamatan: String,
    category: String,
    search: String,
    page: u32,
) -> Result<Queue, AppError> {
    crate::auth::require_permission(domain::Permission::ReviewApplications)?;
    let status = domain::application::ApplicationStatus::from_db(&status);
    if status == Some(domain::application::ApplicationStatus::Draft) {
        // A draft is the applicant's own until it is submitted: not a filter of the queue.
        return Err(AppError::BadRequest.with_status());
    }
    let state = expect_context::<backend::AppState>();
    let query = backend::vendors::QueueQuery {
        status,
        kecamatan: (!kecamatan.is_empty()).then_some(kecamatan),
        category: domain::vendor::Category::from_str_value(&category),
        search: search.chars().take(crate::search::MAX_QUERY_CHARS).collect(),
        page,
    };
    let (rows, total) = backend::vendors::review_queue(&state.db, &query).await?;
    let kecamatan = backend::reference::list_kecamatan(&state.db)
        .await?
        .into_iter()
        .map(|k| (k.slug, k.name))
        .collect();
    Ok(Queue {
        items: rows
            .into_iter()
            .map(|row| {
                let a = row.application;
                QueueItem {
                    id: a.id.0,
                    area: a
                        .place_name
                        .as_deref()
                        .and_then(|p| p.split(", ").nth(1).map(str::to_owned))
                        .or(a.outside_regency.clone())
                        .unwrap_or_default(),
                    business_name: a.business_name,
                    owner_name: a.owner_name,
                    category: a.category.map(|c| c.as_str().to_owned()).unwrap_or_default(),
                    status: a.status.as_str().to_owned(),
                    submitted_at: a.submitted_at,
                }
            })
            .collect(),
        total,
        page_size: backend::vendors::QUEUE_PAGE_SIZE,
        kecamatan,
    })
}

/// One application with everything submitted.
///
/// Access: admin.
#[server(prefix = "/api", endpoint = "review/detail")]
pub async fn load_review(id: i64) -> Result<ReviewDetail, AppError> {
    crate::auth::require_permission(domain::Permission::ReviewApplications)?;
    let state = expect_context::<backend::AppState>();
    let id = backend::vendors::ApplicationId(id);
    let a = backend::vendors::find_by_id(&state.db, id)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    if a.status == domain::application::ApplicationStatus::Draft {
        // Drafts are the applicant's own until submitted.
        return Err(AppError::NotFound.with_status());
    }
    let history = backend::vendors::history(&state.db, id).await?;
    let shop = backend::vendors::shop_of_application(&state.db, id).await?;
    let mut detail = super::convert::to_detail(a, history);
    detail.shop_change =
        shop.filter(backend::vendors::Shop::awaits_review).map(|shop| ShopChange {
            business_name: shop.pending_business_name.map(|new| (shop.business_name, new)),
            category: shop.pending_category.map(|new| (shop.category, new)),
        });
    Ok(detail)
}

/// An erasure request waiting, with its statutory deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingErasure {
    /// Application id.
    pub id: i64,
    /// Business name.
    pub business_name: String,
    /// Status name when asked.
    pub status: String,
    /// Unix time of the request.
    pub requested_at: i64,
    /// Unix time by which the data must be erased.
    pub deadline: i64,
}

/// Erasure requests not yet done, nearest deadline first.
#[server(prefix = "/api", endpoint = "review/erasures")]
pub async fn load_erasures() -> Result<Vec<PendingErasure>, AppError> {
    crate::auth::require_permission(domain::Permission::EraseApplicantData)?;
    let state = expect_context::<backend::AppState>();
    let pending = backend::vendors::pending_erasures(&state.db).await?;
    Ok(pending
        .into_iter()
        .map(|request| PendingErasure {
            id: request.application_id,
            business_name: request.business_name,
            status: request.status,
            requested_at: request.requested_at,
            deadline: request.requested_at + domain::application::ERASURE_DEADLINE_SECS,
        })
        .collect())
}
