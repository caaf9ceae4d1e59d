#!/usr/bin/env bash
# Sets up what is missing, builds a release, and runs Pasar Purna at http://127.0.0.1:3000
# with demo data in ./data/pasar-purna.db (SQLite). Stop it with Ctrl-C.
source "$(dirname "$0")/lib/common.sh"

build_site
say "building the server (release)"
cargo build --release -p server
bin=target/release/pasar-purna
"$bin" migrate
logins=$("$bin" seed-demo)

url="${PASAR_PUBLIC_URL:-http://${PASAR_LISTEN:-127.0.0.1:3000}}"
trap stop_server EXIT INT TERM
mkdir -p data
start_server "$bin" "${PASAR_LISTEN:-127.0.0.1:3000}" "${DATABASE_URL:-sqlite://data/pasar-purna.db}" data/server.log
cat <<MSG

  Pasar Purna is running at $url  (log: data/server.log, stop with Ctrl-C)

  Demo data: Kota Kupang's 6 kecamatan and 51 kelurahan, and demo accounts.
$logins

MSG
wait "$SERVER_PID"
