# Shared by the scripts in this folder: tool installation, the site build, server control.
# Each tool is installed only when missing (or at the wrong version), so re-runs are quick.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# wasm-bindgen's CLI must match the wasm-bindgen library in Cargo.lock exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_build_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  local want; want="$(wasm_bindgen_version)"
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (a few minutes, once)"
    # Not --locked: one of its pinned dependencies is no longer on crates.io.
    cargo install wasm-bindgen-cli --version "$want"
  fi
  # wasm-opt from npm's binaryen, pinned in scripts/tools/package-lock.json. Debian 12's
  # binaryen (108) mangles the reference-types tables current Rust emits: the page then fails
  # with "WebAssembly.Table.set(): Argument 1 is invalid".
  npm_ci_if_changed scripts/tools
}

# npm ci in DIR unless node_modules was installed from the same package-lock.json.
npm_ci_if_changed() {
  local dir=$1
  if ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.installed-from-lock" 2>/dev/null; then
    say "installing npm packages in $dir"
    (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --silent)
    cp "$dir/package-lock.json" "$dir/node_modules/.installed-from-lock"
  fi
}

wasm_opt() { scripts/tools/node_modules/.bin/wasm-opt "$@"; }

# Builds the browser bundle and public files into target/site:
#   pkg/pasar-purna.<hash>.{js,wasm,css}, pkg/enhance.<hash>.js (what pages without islands
#   run), and the contents of public/.
# Writes target/site/hash.txt, from which the server learns the hashed names.
build_site() {
  ensure_build_tools
  say "building the browser bundle (islands, wasm-release profile)"
  cargo build -p app --lib --target wasm32-unknown-unknown --no-default-features \
    --features hydrate --profile wasm-release
  local staging=target/site-staging site=target/site
  rm -rf "$staging" && mkdir -p "$staging"
  wasm-bindgen --target web --no-typescript --out-dir "$staging" --out-name pasar-purna \
    target/wasm32-unknown-unknown/wasm-release/app.wasm
  wasm_opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types \
    --enable-sign-ext \
    "$staging/pasar-purna_bg.wasm" -o "$staging/pasar-purna.wasm"
  cp style/main.css "$staging/pasar-purna.css"
  cp app/js/enhance.js "$staging/enhance.js"

  local js wasm css enhance
  js=$(sha256sum "$staging/pasar-purna.js" | cut -c1-16)
  wasm=$(sha256sum "$staging/pasar-purna.wasm" | cut -c1-16)
  css=$(sha256sum "$staging/pasar-purna.css" | cut -c1-16)
  enhance=$(sha256sum "$staging/enhance.js" | cut -c1-16)
  rm -rf "$site" && mkdir -p "$site/pkg"
  cp -r public/. "$site/"
  cp "$staging/pasar-purna.js" "$site/pkg/pasar-purna.$js.js"
  cp "$staging/pasar-purna.wasm" "$site/pkg/pasar-purna.$wasm.wasm"
  cp "$staging/pasar-purna.css" "$site/pkg/pasar-purna.$css.css"
  cp "$staging/enhance.js" "$site/pkg/enhance.$enhance.js"
  # Compress once at the highest settings rather than on every request: brotli 11 is ~15%
  # smaller than what on-the-fly compression can afford. Node (needed anyway) does it.
  node -e '
    const fs = require("fs"), zlib = require("zlib");
    for (const f of fs.readdirSync(process.argv[1])) {
      const p = process.argv[1] + "/" + f, data = fs.readFileSync(p);
      fs.writeFileSync(p + ".br", zlib.brotliCompressSync(data, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
      fs.writeFileSync(p + ".gz", zlib.gzipSync(data, { level: 9 }));
    }' "$site/pkg"
  printf 'js: %s\nwasm: %s\ncss: %s\n' "$js" "$wasm" "$css" > "$site/hash.txt"
  say "site built: $(du -sh "$site" | cut -f1) in $site"
}

# start_server BINARY LISTEN DATABASE_URL LOGFILE: runs the server in the background, waits for
# /readyz, and leaves its PID in SERVER_PID.
start_server() {
  local bin=$1 listen=$2 db=$3 log=$4
  PASAR_LISTEN="$listen" DATABASE_URL="$db" PASAR_MEDIA_DIR="${MEDIA_DIR:-data/media}" \
    "$bin" serve --seed-if-empty >"$log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 300); do
    if curl -fsS "http://127.0.0.1:${listen##*:}/readyz" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      cat "$log" >&2; echo "the server exited during start-up" >&2; return 1
    fi
    sleep 0.2
  done
  cat "$log" >&2; echo "the server did not become ready within 60 s" >&2; return 1
}

stop_server() {
  if [ -n "${SERVER_PID:-}" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  fi
}
