#![expect(clippy::print_stdout, reason = "a benchmark prints its numbers")]

//! Benchmark: 50 people log in at the same moment. Prints the wall time of the burst, the
//! slowest single login, and the process's peak memory, for a few hashing concurrency caps.
//!
//! Run with `cargo run --release -p backend --example login_burst [CAP]` (not part of CI).

use std::time::{Duration, Instant};

use backend::accounts::{self, PasswordHasher};
use backend::db::{ConnectOptions, Database};
use domain::login_id::LoginId;

const LOGINS: usize = 50;
const PASSWORD: &str = "tenun ikat sumba timur";

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|kib| kib.parse().ok()))
        })
        .unwrap_or(0)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let file = std::env::temp_dir().join(format!("login-burst-{}.db", std::process::id()));
    let url = format!("sqlite://{}", file.display());
    let db = Database::connect_and_migrate(&url, &ConnectOptions::default()).await?;
    let login = LoginId::parse("081234567890")?;
    accounts::register(&db, &PasswordHasher::new(1), &login, PASSWORD).await?;
    println!("{LOGINS} concurrent logins, Argon2id m=19 MiB t=2 p=1, {} cores", num_cores());
    println!("cap | burst wall time | slowest login | peak RSS so far");
    // One cap per process (`login_burst 4`) gives a clean peak; without an argument, all caps
    // run in turn and the peak column only ever grows.
    let caps: Vec<usize> = match std::env::args().nth(1) {
        Some(cap) => vec![cap.parse()?],
        None => vec![1, 2, 4, 8],
    };
    for cap in caps {
        let hasher = PasswordHasher::new(cap);
        let started = Instant::now();
        let tasks: Vec<_> = (0..LOGINS)
            .map(|_| {
                let (db, hasher, login) = (db.clone(), hasher.clone(), login.clone());
                tokio::spawn(async move {
                    let start = Instant::now();
                    accounts::authenticate(&db, &hasher, &login, PASSWORD)
                        .await
                        .map(|_| start.elapsed())
                })
            })
            .collect();
        let mut slowest = Duration::ZERO;
        for task in tasks {
            slowest = slowest.max(task.await??);
        }
        println!(
            "{cap:>3} | {:>12.0} ms | {:>10.0} ms | {:>6.1} MiB",
            started.elapsed().as_secs_f64() * 1000.0,
            slowest.as_secs_f64() * 1000.0,
            peak_rss_kib() as f64 / 1024.0
        );
    }
    db.close().await;
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
    }
    Ok(())
}

fn num_cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}
