//! tower-sessions' storage interface over our database (SQLite or PostgreSQL), so sessions
//! survive restarts and are shared by replicas. The backend keeps them; this adapts the types.

use async_trait::async_trait;
use backend::accounts::AccountId;
use backend::sessions::{self, SessionKey, SessionWrite};
use backend::Database;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, SessionStore};

use super::keys;

/// Sessions in the `session` table.
#[derive(Debug, Clone)]
pub struct DbSessionStore {
    db: Database,
    /// The application's clock, so that expiry follows a test's settable time too.
    clock: backend::Clock,
}

impl DbSessionStore {
    /// A store on `db`, telling time by `clock`.
    #[must_use]
    pub fn new(db: Database, clock: backend::Clock) -> DbSessionStore {
        DbSessionStore { db, clock }
    }
}

fn key(id: &Id) -> SessionKey {
    SessionKey::from_cookie_id(&id.to_string())
}

fn backend_error(error: backend::Error) -> session_store::Error {
    // The cause is logged here; tower-sessions logs only that saving failed.
    tracing::error!(error = ?error, "session storage failed");
    session_store::Error::Backend("session storage failed".into())
}

struct Encoded {
    data: String,
    account: Option<AccountId>,
    device: String,
    expires_at: i64,
}

fn encode(record: &Record) -> session_store::Result<Encoded> {
    let data = serde_json::to_string(&record.data)
        .map_err(|e| session_store::Error::Encode(e.to_string()))?;
    // The account and device are copied into columns so that "log out everywhere" and the
    // sessions list can find them without decoding every session.
    let account = record.data.get(keys::ACCOUNT).and_then(serde_json::Value::as_i64).map(AccountId);
    let device = record
        .data
        .get(keys::DEVICE)
        .and_then(serde_json::Value::as_str)
        .unwrap_or_default()
        .to_owned();
    Ok(Encoded { data, account, device, expires_at: record.expiry_date.unix_timestamp() })
}

#[async_trait]
impl SessionStore for DbSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        let now = self.clock.now();
        loop {
            let encoded = encode(record)?;
            let write = SessionWrite {
                account: encoded.account,
                data: &encoded.data,
                device: &encoded.device,
                expires_at: encoded.expires_at,
            };
            if sessions::create(&self.db, &key(&record.id), &write, now)
                .await
                .map_err(backend_error)?
            {
                return Ok(());
            }
            // A 128-bit id collided: astronomically unlikely, but never share a session.
            record.id = Id::default();
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let encoded = encode(record)?;
        let write = SessionWrite {
            account: encoded.account,
            data: &encoded.data,
            device: &encoded.device,
            expires_at: encoded.expires_at,
        };
        // A session ended meanwhile stays ended (see `sessions::save`).
        sessions::save(&self.db, &key(&record.id), &write, self.clock.now())
            .await
            .map(|_existed| ())
            .map_err(backend_error)
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let Some((data, expires_at)) =
            sessions::load(&self.db, &key(id), self.clock.now()).await.map_err(backend_error)?
        else {
            return Ok(None);
        };
        let data =
            serde_json::from_str(&data).map_err(|e| session_store::Error::Decode(e.to_string()))?;
        let expiry_date = time::OffsetDateTime::from_unix_timestamp(expires_at)
            .map_err(|e| session_store::Error::Decode(e.to_string()))?;
        Ok(Some(Record { id: *id, data, expiry_date }))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        sessions::delete(&self.db, &key(id)).await.map_err(backend_error)
    }
}
