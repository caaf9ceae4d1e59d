//! Optional email: the self-service password reset link and the mail of notices. Off unless
//! `PASAR_SMTP_URL` is set; without it, people reset their password at the market office
//! instead and read their notices on the site.

use domain::Locale;
use lettre::message::{header::ContentType, Mailbox};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

/// Sends mail through the configured SMTP server.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

// The transport holds the SMTP password.
impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer").field("from", &self.from.email.to_string()).finish_non_exhaustive()
    }
}

/// Why the mail settings are unusable.
#[derive(Debug, thiserror::Error)]
pub enum MailConfigError {
    /// `PASAR_SMTP_URL` is not an SMTP URL lettre understands.
    #[error("PASAR_SMTP_URL is not a usable smtp:// or smtps:// URL")]
    Url,
    /// `PASAR_MAIL_FROM` is not a mailbox.
    #[error("PASAR_MAIL_FROM is not an address like \"Pasar Purna <noreply@example.id>\"")]
    From,
}

impl Mailer {
    /// A mailer for `smtp_url` (`smtps://user:pass@host`, or `smtp://host:port?tls=required`
    /// for STARTTLS) sending as `from`.
    ///
    /// # Errors
    /// [`MailConfigError`] naming the setting that is wrong (never its value).
    pub fn new(smtp_url: &str, from: &str) -> Result<Mailer, MailConfigError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)
            .map_err(|_| MailConfigError::Url)?
            .timeout(Some(std::time::Duration::from_secs(20)))
            .build();
        let from = from.parse::<Mailbox>().map_err(|_| MailConfigError::From)?;
        Ok(Mailer { transport, from })
    }

    /// Sends a password reset link to `to`. The error says what failed without the address
    /// or the link, so the job runner can store and log it.
    ///
    /// # Errors
    /// [`MailError`]; transient ones are worth retrying.
    pub async fn send_reset_link(
        &self,
        to: &str,
        link: &str,
        locale: Locale,
    ) -> Result<(), MailError> {
        let text = |key| app::i18n::server_text(locale, key);
        let body =
            format!("{}\n\n{link}\n\n{}\n", text("mail-reset-body"), text("mail-reset-footer"));
        self.send_text(to, &text("mail-reset-subject"), body).await
    }

    /// Sends a plain-text mail (what every mail of the platform is: it reads the same in any
    /// client, and on a phone without images).
    ///
    /// # Errors
    /// [`MailError`]; transient ones are worth retrying.
    pub async fn send_text(&self, to: &str, subject: &str, body: String) -> Result<(), MailError> {
        let to = to.parse::<Mailbox>().map_err(|_| MailError::NotAMailbox)?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body)
            .map_err(|_| MailError::Build)?;
        self.transport.send(message).await.map(|_| ()).map_err(|error| MailError::Send {
            transient: error.is_transient(),
            permanent: error.is_permanent(),
        })
    }
}

/// Why a mail was not sent. Never holds the address, the link or the server's reply text
/// (which may quote the address).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MailError {
    /// The stored address is not a mailbox (a bad row: retrying will not help).
    #[error("the stored email address is not a mailbox")]
    NotAMailbox,
    /// The message could not be put together.
    #[error("the message could not be built")]
    Build,
    /// The SMTP server did not take it.
    #[error(
        "the SMTP server did not take the message (transient: {transient}, permanent: {permanent})"
    )]
    Send {
        /// A 4xx answer or no connection: try again later.
        transient: bool,
        /// A 5xx answer.
        permanent: bool,
    },
}
