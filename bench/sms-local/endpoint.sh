# shellcheck shell=bash disable=SC2034,SC2154
# Sourced by the bench scripts. Starts an endpoint that keeps sms-local's
# start-up contract (its first line on stdout is "sms-local listening on
# http://127.0.0.1:PORT") and waits for that line.
#
#   start_endpoint BINARY [ARGS...]
#
# Sets endpoint_pid and endpoint_url; returns 1 with a message on stderr if the
# endpoint exits or says something else first, or is silent for 120 s.
start_endpoint() {
    coproc endpoint { exec "$@"; }
    endpoint_pid=$endpoint_PID
    local line=
    if ! IFS= read -r -t 120 line <&"${endpoint[0]}" \
        || [[ ! $line =~ ^sms-local\ listening\ on\ (http://127\.0\.0\.1:[0-9]+)$ ]]; then
        echo "$1 did not print 'sms-local listening on http://127.0.0.1:PORT' (got: '${line}')" >&2
        return 1
    fi
    endpoint_url=${BASH_REMATCH[1]}
}
