#!/usr/bin/env bash
# Benchmarks (not part of CI). Builds a release, starts it on a scratch SQLite database and
# prints: (a) home-page throughput and latency at 1 and 32 connections beside a static file,
# (b) bytes a first visit transfers, by type, (c) Lighthouse mobile scores, (d) idle memory.
# Needs wrk and Debian chromium. Record the numbers in docs/BENCHMARKS.md.
source "$(dirname "$0")/lib/common.sh"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
command -v chromium >/dev/null || { echo "chromium is needed: apt-get install chromium" >&2; exit 1; }

build_site
cargo build --release -p server
npm_ci_if_changed bench
port=3200 base="http://127.0.0.1:3200"
work=$(mktemp -d)
trap 'stop_server; rm -rf "$work"' EXIT
MEDIA_DIR="$work/media" RUST_LOG=warn start_server target/release/pasar-purna "127.0.0.1:$port" \
  "sqlite://$work/bench.db" "$work/server.log"
sleep 2
say "idle memory"
grep -E 'VmRSS|VmHWM' "/proc/$SERVER_PID/status"

css=$(curl -s "$base/" | grep -o '/pkg/pasar-purna\.[0-9a-f]*\.css' | head -n1)
for connections in 1 32; do
  say "home page, $connections connection(s), 20 s"
  wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d20s --latency -H 'accept-encoding: br' "$base/" | sed -n '/Latency Distribution/,/Transfer/p'
  say "static file $css (ceiling), $connections connection(s)"
  wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d10s --latency -H 'accept-encoding: br' "$base$css" | sed -n '/Latency Distribution/,/Transfer/p'
done
say "memory after load"
grep -E 'VmRSS|VmHWM' "/proc/$SERVER_PID/status"

say "first-visit bytes (Chromium offers brotli to https and to 127.0.0.1)"
(cd bench && node page-weight.mjs "$base" / /cari?q=tenun | node -e '
  const r = JSON.parse(require("fs").readFileSync(0, "utf8"));
  for (const [p, v] of Object.entries(r)) console.log(p, JSON.stringify({ total: v.total, html: v.html, css: v.css, js: v.js, wasm: v.wasm, images: v.images, other: v.other, hydrated: v.hydrated }));')
say "Lighthouse (mobile, default throttling)"
for path in / /cari?q=tenun; do
  (cd bench && CHROME_PATH=/usr/bin/chromium npx lighthouse "$base$path" --quiet \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking" \
    --only-categories=performance,accessibility,best-practices,seo \
    --output=json --output-path="$work/lh.json" >/dev/null 2>&1 || true)
  node -e '
    const r = require(process.argv[1]); const c = r.categories; const a = r.audits;
    console.log(process.argv[2], Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Math.round(v.score * 100)])),
      "FCP", a["first-contentful-paint"].displayValue, "LCP", a["largest-contentful-paint"].displayValue,
      "TBT", a["total-blocking-time"].displayValue, "CLS", a["cumulative-layout-shift"].displayValue);
    for (const [k, v] of Object.entries(c)) for (const ref of v.auditRefs) {
      const au = a[ref.id]; if (ref.weight > 0 && au.score !== null && au.score < 1) console.log("  ", k, ref.id, au.score);
    }' "$work/lh.json" "$path"
done
