#!/usr/bin/env bash
# Starts sms-local, waits for its "listening" line, stops it: one start-up, for hyperfine.
# Usage: start-once.sh SMS_LOCAL_BINARY [ARGS...]
set -euo pipefail
coproc endpoint { exec "$@" --port 0 --no-auth; }
read -r line <&"${endpoint[0]}"
[[ $line == "sms-local listening on http://127.0.0.1:"* ]] || { echo "unexpected: $line" >&2; exit 1; }
kill -TERM "$endpoint_PID"
wait "$endpoint_PID"
