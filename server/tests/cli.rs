//! The binary itself: bad configuration stops it with one clear line, never a panic.

use std::process::Command;

fn run(env: &[(&str, &str)], args: &[&str]) -> (bool, String) {
    run_in("pasar-cli", env, args, "")
}

/// Runs the binary with only `env` set, in a scratch folder named after `scratch` (its ./data
/// holds the default SQLite file), with `stdin` as standard input.
fn run_in(scratch: &str, env: &[(&str, &str)], args: &[&str], stdin: &str) -> (bool, String) {
    use std::io::Write;
    let scratch = std::env::temp_dir().join(format!("{scratch}-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("scratch dir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_pasar-purna"))
        .args(args)
        .current_dir(&scratch)
        .env_clear()
        .envs(env.iter().copied())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run the binary");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write stdin");
    let output = child.wait_with_output().expect("wait for the binary");
    (output.status.success(), String::from_utf8_lossy(&output.stderr).into_owned())
}

fn assert_one_clear_line(stderr: &str, variable: &str) {
    let lines: Vec<_> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(lines[0].starts_with(&format!("pasar-purna: error: {variable}: ")), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_bad_listen_address_stops_start_up_with_one_line() {
    let (ok, stderr) = run(&[("PASAR_LISTEN", "port 3000")], &["serve"]);
    assert!(!ok);
    assert_one_clear_line(&stderr, "PASAR_LISTEN");
}

#[test]
fn an_unreachable_postgres_is_named_without_its_password() {
    let (ok, stderr) =
        run(&[("DATABASE_URL", "postgres://pasar:hunter2@127.0.0.1:9/pasar")], &["migrate"]);
    assert!(!ok);
    assert_one_clear_line(&stderr, "DATABASE_URL");
    assert!(stderr.contains("127.0.0.1:9"), "{stderr}");
    assert!(!stderr.contains("hunter2"), "{stderr}");
}

#[test]
fn an_unwritable_media_folder_is_named() {
    let (ok, stderr) = run(&[("PASAR_MEDIA_DIR", "/proc/pasar-media")], &["migrate"]);
    assert!(!ok);
    assert_one_clear_line(&stderr, "PASAR_MEDIA_DIR");
}

#[test]
fn migrate_and_seed_work_with_no_configuration_at_all() {
    let (ok, stderr) = run(&[], &["seed-demo"]);
    assert!(ok, "{stderr}");
    let (again, stderr) = run(&[], &["seed-demo"]);
    assert!(again, "{stderr}");
}

#[test]
fn a_super_admin_is_created_with_the_password_from_stdin_and_never_twice() {
    let create = |password: &str| {
        let args = ["admin", "create", "--login", "kepala.pasar@kupangkota.go.id"];
        run_in("pasar-admin", &[], &args, password)
    };

    let (weak_ok, weak) = create("12345678\n");
    let (ok, stderr) = create("pasar saboak setiap minggu\n");
    let (again_ok, again) = create("pasar saboak setiap minggu\n");

    assert!(!weak_ok && weak.contains("too common"), "{weak}");
    assert!(ok, "{stderr}");
    assert!(!stderr.contains("saboak"), "the password is never echoed: {stderr}");
    assert!(!again_ok && again.contains("already exists"), "{again}");
}

/// A round as the result page would publish it, written for the command to check.
fn published_round(scratch: &std::path::Path, edit: impl FnOnce(&mut serde_json::Value)) -> String {
    use domain::allocation::{
        allocate, DayStalls, PublishedRound, RoundInput, Seed, StallRequest, ZoneStalls,
    };
    let saturday = time::macros::date!(2026 - 12 - 05);
    let input = RoundInput {
        seed: Seed::from_bytes([9; 32]),
        days: vec![DayStalls {
            day: saturday,
            zones: vec![ZoneStalls { zone: "kuliner".into(), stalls: vec!["K-01".into()] }],
        }],
        requests: (1..=3)
            .map(|n| StallRequest {
                request: n,
                vendor: 10 + n,
                day: saturday,
                zones: vec!["kuliner".into()],
                recent_stalls: 0,
                recent_no_shows: 0,
            })
            .collect(),
    };
    let round =
        PublishedRound { commitment: input.seed.commitment(), outcome: allocate(&input), input };
    let mut json = serde_json::to_value(&round).expect("JSON");
    edit(&mut json);
    std::fs::create_dir_all(scratch).expect("scratch");
    let path = scratch.join("round.json");
    std::fs::write(&path, json.to_string()).expect("write the round");
    path.to_string_lossy().into_owned()
}

#[test]
fn anyone_can_verify_a_published_round_and_an_edited_one_fails() {
    let scratch = std::env::temp_dir().join(format!("pasar-round-{}", std::process::id()));
    let good = published_round(&scratch.join("good"), |_| {});
    let output = Command::new(env!("CARGO_BIN_EXE_pasar-purna"))
        .args(["verify-round", &good])
        .env_clear()
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout} {}", String::from_utf8_lossy(&output.stderr));
    assert!(
        stdout.contains("round verified") && stdout.contains("1 stalls given, 2 waiting"),
        "{stdout}"
    );

    // The office gives the stall to someone else: the re-run disagrees.
    let edited = published_round(&scratch.join("edited"), |json| {
        let winner = json["outcome"]["granted"][0]["request"].as_i64().expect("a winner");
        let other = json["outcome"]["waitlist"][0]["request"].as_i64().expect("someone waiting");
        json["outcome"]["granted"][0]["request"] = other.into();
        json["outcome"]["waitlist"][0]["request"] = winner.into();
    });
    let (ok, stderr) = run(&[], &["verify-round", &edited]);
    assert!(!ok);
    assert!(
        stderr.contains("round NOT verified: re-running the rules gives another result"),
        "{stderr}"
    );

    // A seed chosen after the commitment.
    let rerolled = published_round(&scratch.join("rerolled"), |json| {
        json["input"]["seed"] = "00".repeat(32).into()
    });
    let (ok, stderr) = run(&[], &["verify-round", &rerolled]);
    assert!(!ok);
    assert!(stderr.contains("the seed does not match the commitment"), "{stderr}");

    let (ok, stderr) = run(&[], &["verify-round", "/nonexistent/round.json"]);
    assert!(!ok && stderr.starts_with("pasar-purna: error: cannot read"), "{stderr}");
    std::fs::remove_dir_all(&scratch).ok();
}
