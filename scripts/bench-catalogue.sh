#!/usr/bin/env bash
# Catalogue benchmarks (issue #5; not part of CI). Prints:
#  (a) search and listing pages with 10,000 products, p50/p99 and req/s at 1 and 32
#      connections, on SQLite and (when reachable) PostgreSQL, release build;
#  (b) a 12-megapixel phone JPEG through the photo pipeline on one core: wall, CPU, peak
#      memory, variant sizes; and vipsthumbnail on the same file in the same run;
#  (c) bytes of a first visit to a product page (360 px Chromium, empty cache).
# Needs wrk, vipsthumbnail/vips (libvips-tools), exiftool and Debian chromium.
# Record the numbers in docs/BENCHMARKS.md.
source "$(dirname "$0")/lib/common.sh"
for tool in wrk vips vipsthumbnail exiftool chromium; do
  command -v "$tool" >/dev/null || { echo "$tool is needed (see the header of this script)" >&2; exit 1; }
done
PRODUCTS=${PRODUCTS:-10000}
PG_URL=${BENCH_POSTGRES:-postgres://postgres@127.0.0.1:5432}

build_site
cargo build --release -p server
cargo build --release -p backend --example photo_pipeline
npm_ci_if_changed bench
work=$(mktemp -d)
trap 'stop_server; rm -rf "$work"' EXIT
port=3200 base="http://127.0.0.1:3200"

# The pages a shopper hits: a word search, a partial word (prefix), the newest listing, a
# category page, a filtered and price-sorted search, and page 300 of the listing (deep).
PAGES=(
  "/cari?q=tenun"
  "/cari?q=kop"
  "/cari"
  "/kategori/kuliner"
  "/cari?q=madu&kecamatan=oebobo&urut=murah"
  "/cari?urut=murah&hal=300"
)

load_pages() {
  for path in "${PAGES[@]}"; do
    # One request first: the numbers are for a page someone has asked since the last change
    # (the catalogue cache's steady state); the distinct-search run below measures misses.
    curl -fsS -o /dev/null "$base$path"
    for connections in 1 32; do
      printf '%-45s c=%-3s ' "$path" "$connections"
      wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d10s --latency \
        -H 'accept-encoding: br' "$base$path" | summarise
    done
  done
}

summarise() {
  awk '/ 50%/ {p50=$2} / 99%/ {p99=$2} /Requests\/sec/ {rps=$2} /Non-2xx/ {bad=$0}
       END {printf "p50 %-8s p99 %-8s req/s %s %s\n", p50, p99, rps, bad}'
}

# Searches nobody asked before: every word and word start of the catalogue with every sort,
# category and "ready now" choice, pages 1-3 (8,832 addresses, more than a 10 s run asks), so
# every request computes its page: the catalogue cache's worst case.
distinct_searches() {
  local words=(tenun ten ikat sarung selendang sei sapi jagung bose kue rambut sopi kopi kop
    bajawa gula lontar lon madu mad hutan timor langga tas anyaman minyak kelapa kel lulur kunyit
    jahit kebaya servis motor sambal asli pilihan super rote sabu amarasi segar premium oebobo
    maulafa alak)
  local sorts=("" baru murah mahal)
  local categories=("" kuliner minuman tenun-fesyen kerajinan hasil-bumi kecantikan-kesehatan jasa)
  local w s c a p
  for w in "${words[@]}"; do for s in "${sorts[@]}"; do for c in "${categories[@]}"; do
    for a in "" 1; do for p in 0 1 2; do
      echo "/cari?q=$w&kategori=$c&tersedia=$a&urut=$s&hal=$p"
    done; done
  done; done; done
}

load_distinct_searches() {
  distinct_searches > "$work/searches.txt"
  for connections in 1 32; do
    printf '%-45s c=%-3s ' "distinct searches ($(wc -l < "$work/searches.txt"))" "$connections"
    PATHS_FILE="$work/searches.txt" wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" \
      -d10s --latency -s bench/rotate-paths.lua "$base" | summarise
  done
}

run_engine() {
  local name=$1 url=$2
  say "$name: seeding the demo data and $PRODUCTS synthetic products"
  local started=$SECONDS
  DATABASE_URL="$url" PASAR_MEDIA_DIR="$work/media-$name" RUST_LOG=warn \
    target/release/pasar-purna seed-demo --scale "$PRODUCTS" >/dev/null
  say "$name: seeded in $(( SECONDS - started )) s"
  MEDIA_DIR="$work/media-$name" RUST_LOG=warn start_server target/release/pasar-purna \
    "127.0.0.1:$port" "$url" "$work/server-$name.log"
  curl -fsS "$base/cari?q=tenun" >/dev/null
  say "$name: pages (10 s each)"
  load_pages
  load_distinct_searches
  stop_server
}

run_engine sqlite "sqlite://$work/bench.db"
if psql "$PG_URL/test" -qAtc 'select 1' >/dev/null 2>&1; then
  psql "$PG_URL/test" -qc 'drop database if exists pasar_bench' -qc 'create database pasar_bench'
  run_engine postgres "$PG_URL/pasar_bench"
  psql "$PG_URL/test" -qc 'drop database if exists pasar_bench'
else
  say "PostgreSQL not reachable at $PG_URL: skipped"
fi

say "12-megapixel phone JPEG"
# A real 9 MP photo shipped with the webp crate (already in the cargo registry), mirrored out
# to 4000x3000 (12 MP), saved as a phone would (quality 92) with GPS and orientation tags.
lake=$(find "${CARGO_HOME:-$HOME/.cargo}/registry/src" -path '*webp-0.3.*/assets/lake.jpg' | head -n1)
vips embed "$lake" "$work/12mp.v" 0 0 4000 3000 --extend mirror
vips copy "$work/12mp.v" "$work/phone.jpg[Q=92]"
exiftool -q -overwrite_original -GPSLatitude=10.1772 -GPSLatitudeRef=S -GPSLongitude=123.6070 \
  -GPSLongitudeRef=E -Orientation#=1 -Make=Samsung -Model=SM-A155F "$work/phone.jpg"
vipsheader "$work/phone.jpg"
echo "GPS tags in the input: $(exiftool -q -gps:all "$work/phone.jpg" | wc -l)"
mkdir -p "$work/out"
PHOTO_OUT="$work/out" target/release/examples/photo_pipeline "$work/phone.jpg" 5
echo "GPS tags in the outputs: $(cat <(for f in "$work"/out/*.webp; do exiftool -q -gps:all "$f"; done) | wc -l)"
say "vipsthumbnail, same file, same three widths (WebP quality 74, metadata stripped)"
for width in 1600 800 400; do
  /usr/bin/time -f "vipsthumbnail ${width}px: wall %e s, cpu %U+%S s, peak %M KB" \
    vipsthumbnail "$work/phone.jpg" --size "${width}x" -o "$work/vips-$width.webp[Q=74,strip]"
  printf 'vipsthumbnail %s px: %s bytes\n' "$width" "$(stat -c %s "$work/vips-$width.webp")"
done

say "first visit to a product page (bytes by type)"
MEDIA_DIR="$work/media-sqlite" RUST_LOG=warn start_server target/release/pasar-purna \
  "127.0.0.1:$port" "sqlite://$work/bench.db" "$work/server-weight.log"
(cd bench && node page-weight.mjs "$base" /produk/1 /produk/5 | node -e '
  const r = JSON.parse(require("fs").readFileSync(0, "utf8"));
  for (const [p, v] of Object.entries(r)) console.log(p, JSON.stringify({ total: v.total, html: v.html, css: v.css, js: v.js, wasm: v.wasm, images: v.images, other: v.other }));')
