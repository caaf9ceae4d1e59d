//! The NIK grep test: a known NIK goes through the whole HTTP flow (typed in several
//! spellings, refused once as a duplicate, submitted, reviewed, revealed, exported), and then
//! its 16 digits are looked for everywhere they must not be: in the database's bytes (SQLite
//! file and WAL) or every row of every table (PostgreSQL), in the log of the whole flow, and in
//! any address the server sent people to. The phone numbers and the proof file's key are
//! looked for in the log and the addresses too.

use axum::http::StatusCode;
use backend::demo::DEMO_PASSWORD;
use backend::storage_test;
use backend::Database;
use domain::Role;

use crate::applications::{
    application_of, assert_redirect, decide, jpeg, jpeg_with_exif, post_business, post_identity,
    save_steps, submit, Answers, APPLICANT, NIK, NIK_MASKED, OTHER_APPLICANT,
};
use crate::support::{demo_login, form, LogCapture, Reply, TempDir, TestApp};

/// Every byte of the SQLite database: the main file and the write-ahead log.
fn sqlite_bytes(url: &str) -> Vec<u8> {
    let file = url.strip_prefix("sqlite://").expect("a SQLite URL");
    let file = file.split('?').next().unwrap_or(file);
    let mut bytes = std::fs::read(file).expect("read the database file");
    for suffix in ["-wal", "-journal"] {
        if let Ok(more) = std::fs::read(format!("{file}{suffix}")) {
            bytes.extend_from_slice(&more);
        }
    }
    bytes
}

/// Every row of every table of the `public` schema, as JSON text, one per line.
async fn postgres_rows(pool: &sqlx::PgPool) -> String {
    let tables: Vec<String> = sqlx::query_scalar(
        "select table_name::text from information_schema.tables
         where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name",
    )
    .fetch_all(pool)
    .await
    .expect("list tables");
    assert!(tables.iter().any(|t| t == "vendor_application"), "{tables:?}");
    let mut dump = String::new();
    for table in tables {
        let sql = format!("select row_to_json(t)::text from \"{table}\" t");
        let rows: Vec<String> =
            sqlx::query_scalar(&sql).fetch_all(pool).await.expect("dump a table");
        for row in rows {
            dump.push_str(&table);
            dump.push_str(": ");
            dump.push_str(&row);
            dump.push('\n');
        }
    }
    dump
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

storage_test! {
    async fn a_nik_sent_through_the_whole_flow_is_stored_only_encrypted_and_never_logged(test_db: TestDb) {
        let media = TempDir::new("nik-grep");
        let app = TestApp::seeded_with(test_db, &[("PASAR_MEDIA_DIR", &media.path_str())]).await;
        let (logs, guard) = LogCapture::start();
        let mut replies: Vec<Reply> = Vec::new();

        let applicant = app.log_in(APPLICANT, DEMO_PASSWORD).await;
        let other = app.log_in(OTHER_APPLICANT, DEMO_PASSWORD).await;
        let admin = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;
        let mut answers = Answers::weaver();
        answers.business_photo = Some(jpeg(640, 480));
        answers.proof = Some(jpeg_with_exif(400, 200, 6, "GPSLatitude=10.1772S;Serial=PROOF-CAM-0042"));
        save_steps(&app, &applicant, &answers).await;
        // The NIK typed again in other spellings, once with a NIB that is refused.
        replies.push(post_identity(&app, &applicant, "5371 0145 0890 0123", "12").await);
        assert_eq!(replies.last().map(|r| r.status), Some(StatusCode::UNPROCESSABLE_ENTITY));
        replies.push(post_identity(&app, &applicant, "5371.0145.0890.0123", "1234567890123").await);
        assert_redirect(replies.last().expect("reply"), "/pengajuan/kirim");
        // Someone else types the same NIK: refused as taken.
        replies.push(post_identity(&app, &other, NIK, "").await);
        assert_eq!(replies.last().map(|r| r.status), Some(StatusCode::CONFLICT));
        submit(&app, &applicant).await;
        let id = application_of(&app, APPLICANT).await.expect("application").id.0;
        let proof_key = application_of(&app, APPLICANT).await.and_then(|a| a.proof_photo).expect("proof");

        for page in ["/pengajuan".to_owned(), "/pengajuan/identitas".to_owned(), "/admin/pengajuan".to_owned(), format!("/admin/pengajuan/{id}")] {
            let cookie = if page.starts_with("/admin") { &admin } else { &applicant };
            replies.push(app.get_with_cookie(&page, cookie).await);
        }
        replies.push(decide(&app, &admin, id, "request_changes", "Lengkapi RT/RW.").await);
        replies.push(post_business(&app, &applicant, &answers).await);
        replies.push(app.post_form_with_cookie("/pengajuan/kirim", "consent=on", &applicant).await);
        replies.push(decide(&app, &admin, id, "approve", "").await);
        let revealed = app
            .post_form_with_cookie(&format!("/admin/pengajuan/{id}/nik"), &form(&[("alasan", "Verifikasi KTP di kantor")]), &admin)
            .await;
        assert_eq!(revealed.status, StatusCode::OK, "{}", revealed.body);
        assert!(revealed.body.contains(NIK), "the reveal works, so the NIK did go through the server");
        let proof = app.get_with_cookie(&format!("/admin/pengajuan/{id}/bukti"), &admin).await;
        assert_eq!(proof.status, StatusCode::OK);
        let export = app.get_with_cookie("/pengajuan/data.json", &applicant).await;
        assert!(export.body.contains(NIK), "the owner's download has it");
        let slug = application_of(&app, APPLICANT).await.and_then(|a| a.public_slug).expect("approved");
        replies.push(app.get(&format!("/pelapak/{slug}"), &[]).await);
        replies.push(app.get_with_cookie(&format!("/admin/pengajuan/{id}"), &admin).await);
        drop(guard);

        let phones = ["+6285239107788", "6285239107788", "085239107788", "0852-3910-7788", "+6281339000001", "081339000001", "0813-3900-0001"];
        let spellings = [NIK, "5371 0145 0890 0123", "5371.0145.0890.0123"];

        // (c) The log of the whole flow.
        let log = logs.text();
        assert!(log.contains("application decided"), "the capture works: {log}");
        assert!(log.contains("/pengajuan/identitas") && log.contains("/bukti"), "requests are logged by path: {log}");
        for secret in spellings.iter().chain(&phones).chain(&[proof_key.as_str(), "PROOF-CAM"]) {
            assert!(!log.contains(secret), "{secret:?} is in the log:\n{log}");
        }
        // No address the server sends people to carries them; pages show the NIK masked only.
        for reply in &replies {
            let location = reply.header("location");
            for secret in spellings.iter().chain(&phones).chain(&[proof_key.as_str()]) {
                assert!(!location.contains(secret), "{secret:?} in a redirect: {location}");
            }
            assert!(!reply.body.contains(NIK), "a page shows the NIK in full: {}", reply.body);
            assert!(!reply.body.contains(&proof_key), "a page names the proof file: {}", reply.body);
        }
        assert!(replies.iter().any(|r| r.body.contains(NIK_MASKED)), "pages show the masked NIK");

        // (a) and (b): the database holds the NIK only as ciphertext.
        let ciphertext: String = backend::with_pool!(&app.test_db.db, |pool| sqlx::query_scalar(
            "select nik_ciphertext from vendor_application where application_id = $1"
        )
        .bind(id)
        .fetch_one(pool)
        .await)
        .expect("the stored ciphertext");
        match &app.test_db.db {
            Database::Sqlite(_) => {
                let bytes = sqlite_bytes(&app.test_db.url);
                assert!(contains(&bytes, "Tenun Ikat Ina Rote") && contains(&bytes, &ciphertext), "the bytes read hold the application");
                assert!(contains(&bytes, NIK_MASKED), "and its masked NIK");
                for secret in spellings {
                    assert!(!contains(&bytes, secret), "{secret:?} is in the SQLite file in clear");
                }
            }
            Database::Postgres(pool) => {
                let rows = postgres_rows(pool).await;
                assert!(rows.contains("Tenun Ikat Ina Rote") && rows.contains(&ciphertext), "the dump holds the application");
                assert!(rows.contains(NIK_MASKED), "and its masked NIK");
                for secret in spellings {
                    assert!(!rows.contains(secret), "{secret:?} is stored in clear:\n{rows}");
                }
            }
        }
        // The stored files carry nothing the phone wrote.
        for (name, bytes) in media.files_in("private").iter().chain(&media.files_in("public")) {
            assert!(!contains(bytes, "GPSLatitude") && !contains(bytes, "PROOF-CAM"), "{name} keeps metadata");
            for secret in spellings {
                assert!(!contains(bytes, secret), "{name} holds the NIK");
            }
        }
    }
}
