#!/usr/bin/env bash
# The whole test suite: formatting, lints on both feature sets, unit and integration tests
# (SQLite always; PostgreSQL when TEST_DATABASE_URL is set), then Playwright in Chromium at
# 360x800 with JavaScript on and off against the real server.
#
#   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test   run storage tests on PostgreSQL too
#   REQUIRE_POSTGRES=1   fail instead of skipping when PostgreSQL is not configured
#   REQUIRE_E2E=1        fail instead of skipping when Chromium or npm is missing
#   TEST_S3_ENDPOINT=http://127.0.0.1:9000 (and TEST_S3_BUCKET)   run the S3 photo-store test
#                        against that S3-compatible server (scripts/lib/s3-stub.sh starts one)
#   REQUIRE_S3=1         fail instead of skipping when TEST_S3_ENDPOINT is unset
source "$(dirname "$0")/lib/common.sh"

ensure_build_tools

say "cargo fmt --check"
cargo fmt --all --check

say "clippy: server side (app with ssr alone, then the workspace with all tests)"
cargo clippy -p app --lib --features ssr -- -D warnings
cargo clippy --workspace --all-targets -- -D warnings
say "the browser bundle must not depend on server-only crates"
if cargo tree -p app --target wasm32-unknown-unknown --no-default-features --features hydrate \
     -e normal --prefix none | grep -E '^(sqlx|tokio|mio|image|async-stripe|backend) '; then
  echo "server-only crates leaked into the hydrate build (above)" >&2; exit 1
fi
say "clippy: browser side (hydrate, wasm32)"
cargo clippy -p app --lib --target wasm32-unknown-unknown --no-default-features --features hydrate -- -D warnings
cargo clippy -p domain --target wasm32-unknown-unknown -- -D warnings

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  say "unit and integration tests on SQLite and PostgreSQL"
else
  say "unit and integration tests on SQLite ONLY (TEST_DATABASE_URL unset)"
fi
cargo test --workspace

e2e_missing=""
command -v "${CHROMIUM:-chromium}" >/dev/null || e2e_missing="chromium"
command -v npm >/dev/null || e2e_missing="$e2e_missing npm"
if [ -n "$e2e_missing" ]; then
  if [ -n "${REQUIRE_E2E:-}" ]; then echo "end-to-end tests required but missing: $e2e_missing" >&2; exit 1; fi
  say "END-TO-END TESTS SKIPPED: missing $e2e_missing (install Debian chromium to run them)"
  exit 0
fi

build_site
npm_ci_if_changed end2end   # Playwright itself; it drives Debian's Chromium, no browser download

e2e_dir=$(mktemp -d)
trap 'stop_server; rm -rf "$e2e_dir"' EXIT
say "end-to-end: starting the server on a fresh SQLite database"
# Every browser test registers from 127.0.0.1: the per-address registration limit is raised.
PASAR_REGISTRATIONS_PER_HOUR=10000 MEDIA_DIR="$e2e_dir/media" start_server target/debug/pasar-purna 127.0.0.1:3100 \
  "sqlite://$e2e_dir/e2e.db" "$e2e_dir/server.log"
say "end-to-end: Playwright on SQLite, JavaScript on and off"
(cd end2end && BASE_URL=http://127.0.0.1:3100 E2E_DATABASE=sqlite npx playwright test)
stop_server

# The same browser tests once more on PostgreSQL, on a database of their own.
if [ -z "${TEST_DATABASE_URL:-}" ] || ! command -v psql >/dev/null; then
  if [ -n "${REQUIRE_POSTGRES:-}" ]; then
    echo "end-to-end tests on PostgreSQL required, but TEST_DATABASE_URL or psql is missing" >&2; exit 1
  fi
  say "END-TO-END TESTS ON POSTGRESQL SKIPPED (set TEST_DATABASE_URL and install psql)"
  exit 0
fi
e2e_pg="pasar_e2e_$$"
psql "$TEST_DATABASE_URL" -qc "create database $e2e_pg" >/dev/null
trap 'stop_server; rm -rf "$e2e_dir"; psql "$TEST_DATABASE_URL" -qc "drop database if exists $e2e_pg with (force)" >/dev/null 2>&1 || true' EXIT
say "end-to-end: starting the server on a fresh PostgreSQL database"
PASAR_REGISTRATIONS_PER_HOUR=10000 MEDIA_DIR="$e2e_dir/media-pg" start_server target/debug/pasar-purna 127.0.0.1:3100 \
  "${TEST_DATABASE_URL%/*}/$e2e_pg" "$e2e_dir/server-pg.log"
say "end-to-end: Playwright on PostgreSQL, JavaScript on and off"
(cd end2end && BASE_URL=http://127.0.0.1:3100 E2E_DATABASE=postgres npx playwright test)
