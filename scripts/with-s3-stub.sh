#!/usr/bin/env bash
# Runs a command with an S3-compatible server up for the S3 photo-store test, then stops it:
#
#   ./scripts/with-s3-stub.sh ./scripts/test.sh
#
# The server is moto's, from PyPI, in memory (scripts/lib/s3-stub.sh); S3_STUB_PORT picks its
# port (default 9000).
source "$(dirname "$0")/lib/common.sh"
source scripts/lib/s3-stub.sh

trap stop_s3_stub EXIT
start_s3_stub "${S3_STUB_PORT:-9000}"
"$@"
