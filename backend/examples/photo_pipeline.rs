#![expect(clippy::print_stdout, reason = "a benchmark prints its numbers")]

//! Benchmark: one photo through the pipeline on one thread, as the server runs it.
//!
//! `cargo run --release -p backend --example photo_pipeline -- photo.jpg [runs]`
//!
//! With `PHOTO_OUT=<folder>` the variants are also written there (to inspect with exiftool).
//!
//! Prints wall time (best and median of the runs), CPU time, peak memory (VmHWM) and the size
//! of every variant. Linux only (reads /proc).

use std::time::Instant;

fn cpu_seconds() -> f64 {
    // utime and stime are fields 14 and 15 of /proc/self/stat, in clock ticks (100 per second).
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

fn peak_rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|kb| kb.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: photo_pipeline <photo> [runs]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5).max(1);
    let bytes = std::fs::read(&path).expect("read the photo");
    let baseline = peak_rss_mib();
    let mut walls = Vec::with_capacity(runs);
    let mut last = None;
    let cpu_before = cpu_seconds();
    for _ in 0..runs {
        let started = Instant::now();
        let processed = backend::photos::process(&bytes).expect("the photo is accepted");
        walls.push(started.elapsed().as_secs_f64());
        last = Some(processed);
    }
    let cpu = (cpu_seconds() - cpu_before) / runs as f64;
    walls.sort_by(f64::total_cmp);
    let processed = last.expect("at least one run");
    println!("input: {path} ({:.2} MB)", bytes.len() as f64 / 1e6);
    println!(
        "wall: best {:.3} s, median {:.3} s over {runs} runs; cpu {:.3} s per run",
        walls[0],
        walls[runs / 2],
        cpu
    );
    println!(
        "peak memory: {:.0} MiB (process, {:.0} MiB before the first run)",
        peak_rss_mib(),
        baseline
    );
    let out = std::env::var_os("PHOTO_OUT").map(std::path::PathBuf::from);
    for variant in &processed.variants {
        if let Some(folder) = &out {
            std::fs::write(folder.join(format!("{}.webp", variant.width)), &variant.bytes)
                .expect("write a variant");
        }
        println!(
            "variant {}x{}: {:.1} KB",
            variant.width,
            variant.height,
            variant.bytes.len() as f64 / 1000.0
        );
    }
}
