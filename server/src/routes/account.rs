//! Form posts of the account pages: register, log in, log out, change password, log out
//! everywhere, reset a password with a link. Each refusal re-renders its page with
//! field-level messages; each success redirects.

use app::account::form;
use app::account::messages::{
    login_error_key, password_error_key, CREDENTIALS_KEY, CURRENT_PASSWORD_KEY, EMAIL_INVALID_KEY,
    EMAIL_RESET_OFF_KEY, LOGIN_TOO_LONG_KEY, RESET_LINK_KEY, TAKEN_KEY, THROTTLED_KEY,
    UNAVAILABLE_KEY,
};
use app::forms::{FormFeedback, FORM};
use axum::extract::{ConnectInfo, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use backend::accounts::{
    self, AccountId, ChangePasswordError, LoginError, RegisterError, ResetError,
};
use backend::jobs::Job;
use backend::sessions::SessionKey;
use backend::throttle;
use domain::login_id::MAX_EMAIL_CHARS;
use domain::LoginId;
use domain::Need;
use serde::Deserialize;
use tower_sessions::Session;

use crate::auth;
use crate::authz::viewer;
use crate::form_data::Posted;
use crate::pages::{render_with_feedback, see_other};
use crate::routes::Endpoint;
use crate::security::visitor_locale;
use crate::ServerState;

/// What the login and registration forms post.
#[derive(Debug, Deserialize)]
pub struct Credentials {
    #[serde(default)]
    login: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    lanjut: String,
}

fn next_or(next: &str, fallback: &str) -> String {
    domain::access::safe_next_path(next).unwrap_or(fallback).to_owned()
}

fn device_of(parts: &Parts) -> String {
    let agent = parts.headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or("");
    auth::device::label(agent)
}

/// Reads the login field, or says what is wrong with it.
fn parse_login(typed: &str) -> Result<LoginId, &'static str> {
    if typed.chars().count() > MAX_EMAIL_CHARS {
        return Err(LOGIN_TOO_LONG_KEY);
    }
    LoginId::parse(typed).map_err(login_error_key)
}

/// The refusal for a failure of ours (database down, hashing failed): logged, then shown as
/// a form-level "try again".
fn unavailable(feedback: FormFeedback, error: &backend::Error) -> (FormFeedback, StatusCode) {
    tracing::error!(error = ?error, "form post failed");
    let status = if error.is_unavailable() {
        StatusCode::SERVICE_UNAVAILABLE
    } else {
        StatusCode::INTERNAL_SERVER_ERROR
    };
    (feedback.error(FORM, UNAVAILABLE_KEY), status)
}

/// `POST /daftar`
pub async fn register(
    State(state): State<ServerState>,
    session: Session,
    parts: Parts,
    Posted(form): Posted<Credentials>,
) -> Response {
    let feedback = FormFeedback::for_form(form::REGISTER)
        .value("login", form.login.trim())
        .value("lanjut", form.lanjut.clone());
    let login = match parse_login(&form.login) {
        Ok(login) => login,
        Err(key) => {
            let mut feedback = feedback.error("login", key);
            if let Err(error) = domain::password::check_new_password(&form.password) {
                feedback = feedback.error("password", password_error_key(error));
            }
            return render_with_feedback(&state, parts, feedback, StatusCode::UNPROCESSABLE_ENTITY)
                .await;
        }
    };
    // Counted before the password is hashed and before anyone learns whether the login is
    // taken: registering is neither a free hash nor a free way to ask which logins exist.
    let address = client_address(&state, &parts);
    let counted = throttle::admit_registration(
        &state.app.db,
        &state.app.login_limits,
        &address,
        state.app.clock.now(),
    )
    .await;
    if let Some((feedback, status)) = throttle_refusal(counted, &feedback, TOO_MANY_KEY) {
        return render_with_feedback(&state, parts, feedback, status).await;
    }
    let registered =
        accounts::register(&state.app.db, &state.app.hasher, &login, &form.password).await;
    let (feedback, status) = match registered {
        Ok(account) => {
            auth::remember_locale(&state.app.db, account, visitor_locale(&parts.headers)).await;
            return match auth::log_in(&session, account, &device_of(&parts), state.app.clock.now())
                .await
            {
                Ok(()) => see_other(&next_or(&form.lanjut, "/akun?selesai=daftar")),
                Err(error) => {
                    tracing::error!(%error, "could not start a session after registering");
                    see_other("/masuk?selesai=daftar")
                }
            };
        }
        Err(RegisterError::Password(error)) => (
            feedback.error("password", password_error_key(error)),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(RegisterError::Taken) => (feedback.error("login", TAKEN_KEY), StatusCode::CONFLICT),
        Err(RegisterError::Backend(error)) => unavailable(feedback, &error),
    };
    render_with_feedback(&state, parts, feedback, status).await
}

/// `POST /masuk`: throttled per login and per client address before the password is checked.
pub async fn log_in(
    State(state): State<ServerState>,
    session: Session,
    parts: Parts,
    Posted(form): Posted<Credentials>,
) -> Response {
    let feedback = FormFeedback::for_form(form::LOGIN)
        .value("login", form.login.trim())
        .value("lanjut", form.lanjut.clone());
    let login = match parse_login(&form.login) {
        Ok(login) => login,
        Err(key) => {
            return render_with_feedback(
                &state,
                parts,
                feedback.error("login", key),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let attempt = throttle::Attempt::new(login.normalised(), &client_address(&state, &parts));
    let (feedback, status) =
        match attempt_login(&state, &session, &parts, &login, &form.password, &attempt).await {
            Ok(()) => return see_other(&next_or(&form.lanjut, "/akun")),
            Err(refusal) => refusal(feedback),
        };
    render_with_feedback(&state, parts, feedback, status).await
}

type Refusal = Box<dyn FnOnce(FormFeedback) -> (FormFeedback, StatusCode) + Send>;

/// "Too many attempts, wait N minutes" on the form, with 429.
fn throttled(
    feedback: FormFeedback,
    wait: throttle::TooManyAttempts,
) -> (FormFeedback, StatusCode) {
    throttled_with(feedback, wait, THROTTLED_KEY)
}

/// [`throttled`] with a message of its own (`key` takes `$minutes`).
fn throttled_with(
    feedback: FormFeedback,
    wait: throttle::TooManyAttempts,
    key: &'static str,
) -> (FormFeedback, StatusCode) {
    let minutes = (wait.retry_after_secs + 59) / 60;
    (
        feedback.error_with(FORM, key, vec![("minutes", minutes.to_string())]),
        StatusCode::TOO_MANY_REQUESTS,
    )
}

/// The throttle message of forms that are not the login form.
const TOO_MANY_KEY: &str = "auth-error-too-many";

/// What a form answers when a throttle did not admit its post: 429 with `key`, or the
/// "try again" of [`unavailable`] when the count itself failed. `None`: go on.
fn throttle_refusal(
    counted: Result<Result<(), throttle::TooManyAttempts>, backend::Error>,
    feedback: &FormFeedback,
    key: &'static str,
) -> Option<(FormFeedback, StatusCode)> {
    match counted {
        Ok(Ok(())) => None,
        Ok(Err(wait)) => Some(throttled_with(feedback.clone(), wait, key)),
        Err(error) => Some(unavailable(feedback.clone(), &error)),
    }
}

/// The client's address as the throttles count it.
fn client_address(state: &ServerState, parts: &Parts) -> String {
    let peer = parts.extensions.get::<ConnectInfo<std::net::SocketAddr>>().map(|c| c.0.ip());
    auth::client_address(&parts.headers, peer, state.trusted_proxy)
}

async fn attempt_login(
    state: &ServerState,
    session: &Session,
    parts: &Parts,
    login: &LoginId,
    password: &str,
    attempt: &throttle::Attempt,
) -> Result<(), Refusal> {
    let db = &state.app.db;
    let limits = &state.app.login_limits;
    let now = state.app.clock.now();
    let backend_failure =
        |error: backend::Error| -> Refusal { Box::new(move |f| unavailable(f, &error)) };
    // Counted before the hash is verified: a burst of guesses cannot all reach it.
    if let Err(wait) = throttle::admit(db, limits, attempt, now).await.map_err(backend_failure)? {
        return Err(Box::new(move |f: FormFeedback| throttled(f, wait)));
    }
    match accounts::authenticate(db, &state.app.hasher, login, password).await {
        Ok(account) => {
            throttle::succeeded(db, attempt).await.map_err(backend_failure)?;
            auth::log_in(session, account.id, &device_of(parts), now).await.map_err(|error| {
                tracing::error!(%error, "could not start a session");
                backend_failure(backend::Error::Corrupt("session not stored".into()))
            })?;
            auth::remember_locale(db, account.id, visitor_locale(&parts.headers)).await;
            tracing::info!(account = account.id.0, "logged in");
            Ok(())
        }
        Err(LoginError::InvalidCredentials) => Err(Box::new(|f: FormFeedback| {
            (f.error(FORM, CREDENTIALS_KEY), StatusCode::UNAUTHORIZED)
        })),
        Err(LoginError::Backend(error)) => Err(backend_failure(error)),
    }
}

/// `POST /keluar`: ends this session.
pub async fn log_out(session: Session) -> Response {
    if let Err(error) = auth::log_out(&session).await {
        tracing::error!(%error, "could not end a session");
    }
    see_other("/masuk?selesai=keluar")
}

/// The request as if for `/akun`, where the forms posting to `/akun/…` are shown again with
/// their refusal (their own paths are not pages).
fn account_page(parts: Parts) -> Parts {
    crate::pages::at(parts, "/akun")
}

/// What the password change form posts.
#[derive(Debug, Deserialize)]
pub struct PasswordChange {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
}

/// `POST /akun/sandi`: changes the password and ends every other session.
pub async fn change_password(
    State(state): State<ServerState>,
    session: Session,
    parts: Parts,
    Posted(form): Posted<PasswordChange>,
) -> Response {
    let viewer = match viewer(&parts) {
        Ok(viewer) => viewer,
        Err(refused) => return refused.into_response(),
    };
    let keep = parts.extensions.get::<SessionKey>().cloned();
    let feedback = FormFeedback::for_form(form::CHANGE_PASSWORD);
    // Guesses of the current password count like login guesses, before it is verified: a
    // stolen session must not be a way to find the password and keep the account.
    let attempt =
        throttle::Attempt::password_change(viewer.account_id, &client_address(&state, &parts));
    let db = &state.app.db;
    let counted =
        throttle::admit(db, &state.app.login_limits, &attempt, state.app.clock.now()).await;
    if let Some((feedback, status)) = throttle_refusal(counted, &feedback, TOO_MANY_KEY) {
        return render_with_feedback(&state, account_page(parts), feedback, status).await;
    }
    let changed = accounts::change_password(
        &state.app.db,
        &state.app.hasher,
        AccountId(viewer.account_id),
        &form.current_password,
        &form.new_password,
        keep.as_ref(),
        state.app.clock.now(),
    )
    .await;
    let (feedback, status) = match changed {
        Ok(()) => {
            if let Err(error) = throttle::succeeded(db, &attempt).await {
                tracing::error!(error = ?error, "could not clear a password-change count");
            }
            // A new id for the session that stays, as at login.
            if let Err(error) = session.cycle_id().await {
                tracing::error!(%error, "could not renew the session id");
            }
            return see_other("/akun?selesai=sandi");
        }
        Err(ChangePasswordError::WrongCurrentPassword) => (
            feedback.error("current_password", CURRENT_PASSWORD_KEY),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(ChangePasswordError::Password(error)) => (
            feedback.error("new_password", password_error_key(error)),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(ChangePasswordError::Backend(error)) => unavailable(feedback, &error),
    };
    render_with_feedback(&state, account_page(parts), feedback, status).await
}

/// `POST /akun/keluar-semua`: ends every session of the account, this one included.
pub async fn log_out_everywhere(
    State(state): State<ServerState>,
    session: Session,
    parts: Parts,
) -> Response {
    let viewer = match viewer(&parts) {
        Ok(viewer) => viewer,
        Err(refused) => return refused.into_response(),
    };
    if let Err(error) =
        accounts::log_out_everywhere(&state.app.db, AccountId(viewer.account_id)).await
    {
        tracing::error!(error = ?error, "could not end the sessions");
        return render_with_feedback(
            &state,
            account_page(parts),
            FormFeedback::for_form(form::CHANGE_PASSWORD).error(FORM, UNAVAILABLE_KEY),
            StatusCode::SERVICE_UNAVAILABLE,
        )
        .await;
    }
    if let Err(error) = auth::log_out(&session).await {
        tracing::error!(%error, "could not end this session");
    }
    see_other("/masuk?selesai=keluar-semua")
}

/// What the reset form posts.
#[derive(Debug, Deserialize)]
pub struct PasswordReset {
    #[serde(default)]
    kode: String,
    #[serde(default)]
    password: String,
}

/// `POST /atur-sandi`: sets a new password with a one-time link.
pub async fn reset_password(
    State(state): State<ServerState>,
    parts: Parts,
    Posted(form): Posted<PasswordReset>,
) -> Response {
    let feedback = FormFeedback::for_form(form::RESET_PASSWORD);
    let reset = accounts::reset_password(
        &state.app.db,
        &state.app.hasher,
        form.kode.trim(),
        &form.password,
        state.app.clock.now(),
    )
    .await;
    let (feedback, status) = match reset {
        Ok(_) => return see_other("/masuk?selesai=sandi-baru"),
        Err(ResetError::Password(error)) => (
            feedback.error("password", password_error_key(error)),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(ResetError::LinkNotUsable) => (feedback.error(FORM, RESET_LINK_KEY), StatusCode::GONE),
        Err(ResetError::Backend(error)) => unavailable(feedback, &error),
    };
    // The page reads the code from the query; the form posted it in the body.
    let page = format!("/atur-sandi?kode={}", app::auth::encode_query_value(form.kode.trim()));
    crate::pages::render_at(&state, parts, &page, feedback, status).await
}

/// What the forgotten-password form posts.
#[derive(Debug, Deserialize)]
pub struct ForgotPassword {
    #[serde(default)]
    email: String,
}

/// `POST /lupa-sandi`: mails a reset link to an account's email address, when SMTP is
/// configured. The answer is the same whether or not an account has the address, and the mail
/// goes out in the background so the timing does not tell either.
pub async fn email_reset_link(
    State(state): State<ServerState>,
    parts: Parts,
    Posted(form): Posted<ForgotPassword>,
) -> Response {
    let feedback = FormFeedback::for_form(form::FORGOT_PASSWORD).value("email", form.email.trim());
    if state.mailer.is_none() {
        return render_with_feedback(
            &state,
            parts,
            feedback.error(FORM, EMAIL_RESET_OFF_KEY),
            StatusCode::NOT_FOUND,
        )
        .await;
    }
    let email = match parse_login(&form.email) {
        Ok(LoginId::Email(email)) => email,
        Ok(LoginId::Phone(_)) | Err(_) => {
            return render_with_feedback(
                &state,
                parts,
                feedback.error("email", EMAIL_INVALID_KEY),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let db = &state.app.db;
    let limits = &state.app.login_limits;
    let now = state.app.clock.now();
    // Every request counts: this form sends mail, so it must not become a way to flood a mailbox.
    let attempt =
        throttle::Attempt::new(&format!("reset-mail:{email}"), &client_address(&state, &parts));
    let counted = throttle::admit(db, limits, &attempt, now).await;
    if let Some((feedback, status)) = throttle_refusal(counted, &feedback, THROTTLED_KEY) {
        return render_with_feedback(&state, parts, feedback, status).await;
    }
    // The link is made and mailed by a job: the answer is the same, and as quick, whether
    // or not the address has an account, and a slow or failing mail server is retried there.
    let job = match accounts::find_account_by_email(db, &email).await {
        Ok(found) => found.map(|account| Job::EmailResetLink {
            account_id: account.id.0,
            locale: crate::security::visitor_locale(&parts.headers),
        }),
        Err(error) => {
            let (feedback, status) = unavailable(feedback, &error);
            return render_with_feedback(&state, parts, feedback, status).await;
        }
    };
    if let Some(job) = job {
        if let Err(error) = backend::jobs::enqueue(db, &job, now).await {
            let (feedback, status) = unavailable(feedback, &error);
            return render_with_feedback(&state, parts, feedback, status).await;
        }
    }
    see_other("/lupa-sandi?selesai=email")
}

/// This feature's routes and what each needs.
#[must_use]
pub fn endpoints() -> Vec<Endpoint> {
    vec![
        Endpoint::post("/daftar", Need::Public, register),
        Endpoint::post("/masuk", Need::Public, log_in),
        // Logging out without a session does nothing.
        Endpoint::post("/keluar", Need::Public, log_out),
        // The code in the form is the credential.
        Endpoint::post("/atur-sandi", Need::Public, reset_password),
        Endpoint::post("/lupa-sandi", Need::Public, email_reset_link),
        Endpoint::post("/akun/sandi", Need::LoggedIn, change_password),
        Endpoint::post("/akun/keluar-semua", Need::LoggedIn, log_out_everywhere),
    ]
}
