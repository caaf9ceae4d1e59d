//! Self-service password reset by email, against a fake SMTP server on a local port that
//! keeps what it receives.

use std::sync::{Arc, Mutex};

use axum::http::StatusCode;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

use crate::support::TestApp;

/// The smallest SMTP server lettre will talk to: accepts every message and keeps its text.
struct FakeSmtp {
    port: u16,
    received: Arc<Mutex<Vec<String>>>,
}

impl FakeSmtp {
    async fn start() -> FakeSmtp {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("address").port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let store = Arc::clone(&received);
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let store = Arc::clone(&store);
                tokio::spawn(async move {
                    let (read, mut write) = socket.into_split();
                    let mut lines = BufReader::new(read).lines();
                    let _ = write.write_all(b"220 fake ESMTP\r\n").await;
                    let mut in_data = false;
                    let mut message = String::new();
                    while let Ok(Some(line)) = lines.next_line().await {
                        if in_data {
                            if line == "." {
                                in_data = false;
                                store.lock().expect("lock").push(std::mem::take(&mut message));
                                let _ = write.write_all(b"250 queued\r\n").await;
                            } else {
                                message.push_str(&line);
                                message.push('\n');
                            }
                            continue;
                        }
                        let verb = line.get(..4).unwrap_or("").to_ascii_uppercase();
                        let reply: &[u8] = match verb.as_str() {
                            "EHLO" | "HELO" => b"250 fake\r\n",
                            "DATA" => {
                                in_data = true;
                                b"354 go ahead\r\n"
                            }
                            "QUIT" => {
                                let _ = write.write_all(b"221 bye\r\n").await;
                                break;
                            }
                            _ => b"250 ok\r\n",
                        };
                        let _ = write.write_all(reply).await;
                    }
                });
            }
        });
        FakeSmtp { port, received }
    }

    fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Waits up to five seconds for `count` messages (mail goes out in the background).
    async fn messages(&self, count: usize) -> Vec<String> {
        for _ in 0..100 {
            let received = self.received.lock().expect("lock").clone();
            if received.len() >= count {
                return received;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        self.received.lock().expect("lock").clone()
    }
}

/// The reset link in a mail: quoted-printable may fold long lines with a trailing `=`.
fn link_in(message: &str) -> String {
    let unfolded = message.replace("=\n", "").replace("=3D", "=");
    let start = unfolded.find("/atur-sandi?kode=").expect("a reset link in the mail");
    unfolded[start..].split_whitespace().next().expect("link").to_owned()
}

async fn app_with_mail(test_db: backend::testing::TestDb, smtp: &FakeSmtp) -> TestApp {
    TestApp::seeded_with(
        test_db,
        &[
            ("PASAR_SMTP_URL", &smtp.url()),
            ("PASAR_MAIL_FROM", "Pasar Purna <noreply@pasar.example.id>"),
        ],
    )
    .await
}

backend::storage_test! {
    async fn mailed_link_sets_a_new_password(test_db: TestDb) {
        let smtp = FakeSmtp::start().await;
        let app = app_with_mail(test_db, &smtp).await;

        let page = app.get("/lupa-sandi", &[]).await;
        assert!(page.body.contains("action=\"/lupa-sandi\""), "the form shows when SMTP is set");

        let sent = app.post_form("/lupa-sandi", "email=Pembeli%40Contoh.id").await;
        app.run_jobs().await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER);
        assert_eq!(sent.header("location"), "/lupa-sandi?selesai=email");

        let messages = smtp.messages(1).await;
        assert_eq!(messages.len(), 1, "one mail for the account");
        assert!(messages[0].contains("pembeli@contoh.id"), "sent to the account's address");
        let link = link_in(&messages[0]);

        let reset = app.post_form("/atur-sandi", &format!("kode={}&password=madu-hutan-timor", &link[17..])).await;
        assert_eq!(reset.status, StatusCode::SEE_OTHER, "{}", reset.body);
        let login = app.post_form("/masuk", "login=pembeli%40contoh.id&password=madu-hutan-timor").await;
        assert_eq!(login.status, StatusCode::SEE_OTHER);
    }

    async fn an_unknown_address_gets_the_same_answer_and_no_mail(test_db: TestDb) {
        let smtp = FakeSmtp::start().await;
        let app = app_with_mail(test_db, &smtp).await;

        let sent = app.post_form("/lupa-sandi", "email=tidak-ada%40contoh.id").await;
        assert_eq!(app.run_jobs().await, 0, "nothing queued for an unknown address");

        assert_eq!(sent.status, StatusCode::SEE_OTHER);
        assert_eq!(sent.header("location"), "/lupa-sandi?selesai=email");
        assert!(smtp.messages(1).await.is_empty(), "nothing is sent to an unknown address");
    }

    async fn without_smtp_the_page_sends_people_to_the_office(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;

        let page = app.get("/lupa-sandi", &[]).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(!page.body.contains("action=\"/lupa-sandi\""), "no form without SMTP");
        assert!(page.body.contains("kantor Dinas"));

        let posted = app.post_form("/lupa-sandi", "email=pembeli%40contoh.id").await;
        assert_eq!(posted.status, StatusCode::NOT_FOUND);
        assert!(posted.body.contains("belum tersedia"), "{}", posted.body);
    }

    async fn a_phone_number_is_not_an_email_address(test_db: TestDb) {
        let smtp = FakeSmtp::start().await;
        let app = app_with_mail(test_db, &smtp).await;

        let posted = app.post_form("/lupa-sandi", "email=0812-3456-0001").await;

        assert_eq!(posted.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(posted.body.contains("Alamat email ini tidak lengkap"));
    }

    async fn repeated_requests_are_throttled(test_db: TestDb) {
        let smtp = FakeSmtp::start().await;
        let app = app_with_mail(test_db, &smtp).await;

        for _ in 0..5 {
            let sent = app.post_form("/lupa-sandi", "email=pembeli%40contoh.id").await;
            assert_eq!(sent.status, StatusCode::SEE_OTHER);
        }
        let refused = app.post_form("/lupa-sandi", "email=pembeli%40contoh.id").await;

        assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(refused.body.contains("Coba lagi dalam 15 menit"), "{}", refused.body);
    }
}
