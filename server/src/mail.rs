//! Optional email: the self-service password reset link. Off unless `PASAR_SMTP_URL` is set;
//! without it, people reset their password at the market office instead.

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

    /// Sends a password reset link. Failures are logged without the address or the link.
    pub async fn send_reset_link(&self, to: &str, link: &str, locale: Locale) {
        let text = |key| app::i18n::server_text(locale, key);
        let Ok(to) = to.parse::<Mailbox>() else {
            tracing::warn!("stored email address is not a mailbox; reset mail not sent");
            return;
        };
        let body =
            format!("{}\n\n{link}\n\n{}\n", text("mail-reset-body"), text("mail-reset-footer"));
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(text("mail-reset-subject"))
            .header(ContentType::TEXT_PLAIN)
            .body(body);
        let message = match message {
            Ok(message) => message,
            Err(error) => {
                tracing::error!(%error, "could not build the reset mail");
                return;
            }
        };
        match self.transport.send(message).await {
            Ok(_) => tracing::info!("reset mail sent"),
            Err(error) => tracing::error!(
                transient = error.is_transient(),
                permanent = error.is_permanent(),
                "could not send the reset mail"
            ),
        }
    }
}
