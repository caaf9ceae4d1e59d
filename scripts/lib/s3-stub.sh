# shellcheck shell=bash
# A local S3-compatible server for the S3 photo-store test: moto's standalone server from
# PyPI (no download from GitHub), in memory, so every start is an empty store.
#
#   ./scripts/with-s3-stub.sh ./scripts/test.sh   # the usual way: start, run, stop
#
#   source scripts/lib/s3-stub.sh   # in a script that sourced common.sh
#   start_s3_stub 9000   # installs moto once, starts it, creates the bucket, exports
#                        # TEST_S3_ENDPOINT and TEST_S3_BUCKET for the test
#   stop_s3_stub
#
# Nothing else is exported: the test hands its AWS_* settings to the server's configuration
# itself, so no other test or server started here talks to S3 by accident.

S3_STUB_MOTO_VERSION=5.2.5
S3_STUB_VENV=${S3_STUB_VENV:-target/s3-stub-venv}

s3_stub_ready() { curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$1/moto-api/" 2>/dev/null; }

start_s3_stub() {
  local port=${1:-9000} bucket=${TEST_S3_BUCKET:-pasar-test} log
  if [ ! -x "$S3_STUB_VENV/bin/moto_server" ]; then
    if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
      echo "python3 cannot make a virtual environment: install Debian's python3-venv" >&2
      return 1
    fi
    say "installing moto[server]==$S3_STUB_MOTO_VERSION (the S3 stub) into $S3_STUB_VENV"
    python3 -m venv "$S3_STUB_VENV"
    "$S3_STUB_VENV/bin/pip" install -q "moto[server]==$S3_STUB_MOTO_VERSION"
  fi
  if s3_stub_ready "$port"; then
    echo "port $port already answers; not starting a second S3 stub" >&2
    return 1
  fi
  log=$(mktemp)
  "$S3_STUB_VENV/bin/moto_server" -H 127.0.0.1 -p "$port" >"$log" 2>&1 &
  S3_STUB_PID=$!
  for _ in $(seq 1 300); do
    s3_stub_ready "$port" && break
    if ! kill -0 "$S3_STUB_PID" 2>/dev/null; then
      cat "$log" >&2; echo "the S3 stub exited during start-up" >&2; return 1
    fi
    sleep 0.1
  done
  if ! s3_stub_ready "$port" || ! curl -fsS -o /dev/null -X PUT "http://127.0.0.1:$port/$bucket"; then
    cat "$log" >&2; echo "the S3 stub did not start, or refused the bucket" >&2
    stop_s3_stub
    return 1
  fi
  export TEST_S3_ENDPOINT="http://127.0.0.1:$port" TEST_S3_BUCKET="$bucket"
  say "S3 stub (moto) on $TEST_S3_ENDPOINT, bucket $bucket"
}

stop_s3_stub() {
  if [ -n "${S3_STUB_PID:-}" ] && kill -0 "$S3_STUB_PID" 2>/dev/null; then
    kill -TERM "$S3_STUB_PID"; wait "$S3_STUB_PID" 2>/dev/null || true
  fi
}
