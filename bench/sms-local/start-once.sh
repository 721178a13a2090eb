#!/usr/bin/env bash
# Starts sms-local, waits for its "listening" line, stops it: one start-up, for hyperfine.
# Usage: start-once.sh SMS_LOCAL_BINARY [ARGS...]
set -euo pipefail
# shellcheck source=bench/sms-local/endpoint.sh
source "$(dirname "${BASH_SOURCE[0]}")/endpoint.sh"
start_endpoint "$@" --port 0 --no-auth
kill -TERM "$endpoint_pid"
wait "$endpoint_pid"
