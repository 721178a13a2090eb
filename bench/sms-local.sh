#!/usr/bin/env bash
# sms-local.sh: sms-local's serving figures (issue 3), on a generated catalog.
#
#   1. start-up to "listening" with N servers (hyperfine; target < 1 s at 100,000)
#   2. GetServers pages of 100, sent one after another on one keep-alive
#      connection (wrk -t1 -c1), for the first page and for a page deep in the
#      catalog (target >= 2,000 requests/s)
#   3. the endpoint's peak resident memory after that (target < 200 MB)
#
# It builds nothing: it takes sms-local from $BUILD_DIR (default build/).
# About 1 minute at the defaults on a 2-core VM.
#
# Usage: bench/sms-local.sh [--servers N] [--seconds N] [--repeat N]
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build_dir=${BUILD_DIR:-$script_dir/../build}
bin=$build_dir/app/sms-local/sms-local
servers=100000
seconds=5
repeat=5
while (($#)); do
    case $1 in
        --servers) servers=${2:?}; shift 2 ;;
        --seconds) seconds=${2:?}; shift 2 ;;
        --repeat) repeat=${2:?}; shift 2 ;;
        *) echo "sms-local.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
[[ -x $bin ]] || { echo "sms-local.sh: build the sms-local target first ($bin)" >&2; exit 2; }
for tool in hyperfine wrk curl; do
    command -v "$tool" >/dev/null || { echo "sms-local.sh: needs $tool" >&2; exit 2; }
done
work=$(mktemp -d)
endpoint_pid=
trap '[[ -z $endpoint_pid ]] || kill "$endpoint_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
# shellcheck source=bench/sms-local/endpoint.sh
source "$script_dir/sms-local/endpoint.sh"

echo "== 1. start-up to listening, $servers servers"
hyperfine --style basic --runs "$repeat" --warmup 1 --export-json "$work/startup.json" \
    "$script_dir/sms-local/start-once.sh $bin --servers $servers"
startup=$(python3 -c "import json,sys; print('%.0f' % (json.load(open(sys.argv[1]))['results'][0]['median'] * 1000))" "$work/startup.json")

echo "== 2. GetServers, pages of 100, one keep-alive connection"
start_endpoint "$bin" --servers "$servers" --port 0 --no-auth
url=$endpoint_url
target=AWSServerMigrationService_V2016_10_24.GetServers
call() { curl -sf -X POST -H "X-Amz-Target: $target" -H "Content-Type: application/x-amz-json-1.1" -d "$1" "$url/"; }
deep=$(call "{\"maxResults\": $((servers / 2))}" | python3 -c "import json,sys; print(json.load(sys.stdin)['nextToken'])")
# wrk with one thread and one connection sends each request after the last answer.
script() {
    cat <<LUA
wrk.method = "POST"
wrk.body = '$1'
wrk.headers["Content-Type"] = "application/x-amz-json-1.1"
wrk.headers["X-Amz-Target"] = "$target"
function response(status) if status ~= 200 then error("HTTP " .. status) end end
LUA
}
script '{"maxResults": 100}' >"$work/first.lua"
script "{\"maxResults\": 100, \"nextToken\": \"$deep\"}" >"$work/deep.lua"
rates=()
for page in first deep; do
    for ((i = 0; i < repeat; i++)); do
        rate=$(wrk -t1 -c1 -d"${seconds}s" -s "$work/$page.lua" "$url/" | awk '/^Requests\/sec/ {print $2}')
        rates+=("$page $rate")
    done
done
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
first_rate=$(printf '%s\n' "${rates[@]}" | awk '$1 == "first" {print $2}' | median)
deep_rate=$(printf '%s\n' "${rates[@]}" | awk '$1 == "deep" {print $2}' | median)

echo "== 3. peak resident memory"
peak_kb=$(awk '/^VmHWM/ {print $2}' "/proc/$endpoint_pid/status")

echo
echo "sms-local, $servers servers:"
echo "  start-up to listening (median of $repeat): $startup ms   (target < 1000 ms)"
echo "  GetServers pages of 100, first page (median of $repeat x ${seconds} s): $first_rate req/s   (target >= 2000)"
echo "  GetServers pages of 100, page $((servers / 2 / 100 + 1)) (median of $repeat x ${seconds} s): $deep_rate req/s"
echo "  peak resident memory: $((peak_kb / 1024)) MiB   (target < 200 MiB)"
