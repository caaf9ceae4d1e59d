//! Server fns of the applicant's pages. Each states its access level and checks it first.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// The applicant's application as the forms and the dashboard show it: the typed values as
/// text (to refill forms), never the NIK itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyApplication {
    /// Status name (`draft`, `submitted`…); empty when not started.
    pub status: String,
    /// Field values by form name.
    pub fields: Vec<(String, String)>,
    /// `5371********0001` once given.
    pub nik_masked: Option<String>,
    /// Whether a business photo is stored.
    pub has_business_photo: bool,
    /// Whether a proof of return is stored.
    pub has_proof: bool,
    /// Steps still incomplete (`business`, `owner`, `returnee`, `identity`).
    pub missing_steps: Vec<String>,
    /// The exchange with the Dinas, oldest first: (step, message, by applicant, unix time).
    pub history: Vec<(String, String, bool, i64)>,
    /// Latest notices, newest first.
    pub notifications: Vec<crate::notices::NoticeItem>,
    /// Public profile address, once approved.
    pub public_slug: Option<String>,
    /// Erasure asked for.
    pub erasure_requested: bool,
    /// Whether the personal data of this application was erased (a new one may start).
    pub erased: bool,
}

impl MyApplication {
    /// A field's value ("" when unset).
    #[must_use]
    pub fn field(&self, name: &str) -> String {
        self.fields.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone()).unwrap_or_default()
    }
}

/// A kecamatan with its kelurahan, for the place choice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KecamatanChoice {
    /// Name.
    pub name: String,
    /// (kelurahan id, name).
    pub kelurahan: Vec<(i64, String)>,
}

/// The logged-in person's application (an empty one if not started).
///
/// Access: account (only their own).
#[server(prefix = "/api", endpoint = "apply/mine")]
pub async fn load_my_application() -> Result<MyApplication, AppError> {
    let viewer = crate::auth::require_account()?;
    let state = expect_context::<backend::AppState>();
    let account = backend::accounts::AccountId(viewer.account_id);
    let Some(app) = backend::vendors::find_by_account(&state.db, account).await? else {
        let whatsapp = super::convert::default_whatsapp(&viewer);
        return Ok(MyApplication {
            fields: vec![("whatsapp".into(), whatsapp)],
            missing_steps: ["business", "owner", "returnee", "identity"].map(String::from).to_vec(),
            ..MyApplication::default()
        });
    };
    let history = backend::vendors::history(&state.db, app.id).await?;
    let notifications = backend::notices::latest(&state.db, account, 3).await?;
    Ok(super::convert::to_wire(&app, &viewer, history, notifications))
}

/// Kota Kupang's kecamatan and kelurahan, for the address step.
///
/// Access: public (reference data).
#[server(prefix = "/api", endpoint = "apply/wilayah")]
pub async fn list_wilayah() -> Result<Vec<KecamatanChoice>, AppError> {
    crate::auth::require(domain::Need::Public)?;
    let state = expect_context::<backend::AppState>();
    let rows = backend::reference::list_kelurahan(&state.db).await?;
    let mut choices: Vec<KecamatanChoice> = Vec::new();
    for row in rows {
        match choices.last_mut() {
            Some(last) if last.name == row.kecamatan => last.kelurahan.push((row.id, row.name)),
            _ => choices
                .push(KecamatanChoice { name: row.kecamatan, kelurahan: vec![(row.id, row.name)] }),
        }
    }
    Ok(choices)
}
