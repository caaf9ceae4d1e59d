//! Notices: the `/notifikasi` page, the list the application page shows too, and the text of
//! each kind from the catalogues. What a notice *is* lives in `domain::notice`; storing and
//! delivering it in `backend::notices`.

mod api;
mod page;

pub use api::{load_my_notices, NoticeItem};
pub use page::{NoticeList, NoticesPage};

use domain::notice::Notice;

/// The text of a notice in `locale`, for the outbox's mail: headline, the officer's words,
/// and the address to open.
#[cfg(feature = "ssr")]
#[must_use]
pub fn mail_text(notice: &Notice, locale: domain::Locale, origin: &str) -> (String, String) {
    let text = |key| crate::i18n::server_text(locale, key);
    let subject = text(notice.title_key());
    let mut body = subject.clone();
    if let Some(words) = notice.quoted() {
        body.push_str(&format!("\n\n{}\n{words}", text("notice-mail-words")));
    }
    body.push_str(&format!(
        "\n\n{}\n{origin}{}\n\n{}\n",
        text("notice-mail-open"),
        notice.link().path(),
        text("notice-mail-footer")
    ));
    (subject, body)
}

/// The catalogue key of the link's label.
#[must_use]
pub const fn link_label_key(notice: &Notice) -> &'static str {
    match notice.link() {
        domain::notice::NoticeLink::Application => "notice-open-application",
        domain::notice::NoticeLink::OwnShop => "notice-open-shop",
        domain::notice::NoticeLink::Notices => "notice-open-notices",
    }
}
