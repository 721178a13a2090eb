#!/usr/bin/env bash
# cli-vs-awscli.sh: list a whole server catalog with sms-plan and with the AWS
# CLI against the same loopback endpoint, side by side, and report the ratio.
#
#   A = sms-plan --endpoint-url URL servers list --all --page-size 100 --output json
#   B = aws --endpoint-url URL sms get-servers --page-size 100 --output json
#
# Requirement: on 100,000 servers in pages of 100 (1,000 GetServers calls),
# median(B) / median(A) >= 10.
#
# It builds nothing. It starts the endpoint (sms-local by default, or
# any binary with the sms-local start-up contract), checks that both clients
# return every server, then runs hyperfine and prints both medians and B/A.
#
# Expected runtime at the defaults (100,000 servers, --runs 5, 1 warm-up), on a
# 2-core AMD EPYC VM with Debian's AWS CLI 2.9.19: about 1 minute in all. One
# AWS CLI run takes about 5.5 s (1.1 s at 10,000 servers, 0.5 s of it start-up).
# The correctness check, which writes and parses 2 x 55 MB of JSON, takes about
# 10 s, and hyperfine runs each command 6 times. Each extra run adds about 6 s
# plus one sms-plan run. The script prints its own estimate before timing.
#
# Usage: bench/cli-vs-awscli.sh [options]
#   --servers N          catalog size (default 100000)
#   --page-size N        page size for both clients (default 100)
#   --runs N             hyperfine runs per command (default 5)
#   --warmup N           hyperfine warm-up runs per command (default 1)
#   --endpoint-bin PATH  endpoint binary (default $BUILD_DIR/app/sms-local/sms-local)
#   --endpoint-arg ARG   extra argument for the endpoint, repeatable; for a binary
#                        named sms-local the default is the bench access key pair
#   --aws-bin PATH       AWS CLI to use (default: $AWS_BIN, else the first `aws`
#                        on PATH whose botocore still has the sms service)
#   --aws-only           time only the AWS CLI (while sms-plan is not built)
#   --require-ratio X    exit 1 unless median(B) / median(A) >= X
#   --results-dir DIR    where the JSON goes (default bench/results)
# Environment: BUILD_DIR, the build tree to take binaries from (default: build/
# in the repository root). A relative BUILD_DIR is taken from the current
# directory.
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$script_dir/.." && pwd)

die() { echo "cli-vs-awscli: $*" >&2; exit 2; }
note() { echo "== $*" >&2; }

servers=100000
page_size=100
runs=5
warmup=1
endpoint_bin=
endpoint_args=()
aws_bin=${AWS_BIN:-}
aws_only=0
require_ratio=
results_dir=$script_dir/results

while (($#)); do
    case $1 in
        --servers) servers=${2:?}; shift 2 ;;
        --page-size) page_size=${2:?}; shift 2 ;;
        --runs) runs=${2:?}; shift 2 ;;
        --warmup) warmup=${2:?}; shift 2 ;;
        --endpoint-bin) endpoint_bin=${2:?}; shift 2 ;;
        --endpoint-arg) endpoint_args+=("${2:?}"); shift 2 ;;
        --aws-bin) aws_bin=${2:?}; shift 2 ;;
        --aws-only) aws_only=1; shift ;;
        --require-ratio) require_ratio=${2:?}; shift 2 ;;
        --results-dir) results_dir=${2:?}; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument '$1' (try --help)" ;;
    esac
done

for n in "$servers" "$page_size" "$runs" "$warmup"; do
    [[ $n =~ ^[0-9]+$ ]] || die "not a number: '$n'"
done
((runs >= 2)) || die "--runs must be at least 2"
((page_size >= 1)) || die "--page-size must be at least 1"

build_dir=${BUILD_DIR:-$repo_root/build}
[[ -d $build_dir ]] || die "BUILD_DIR '$build_dir' does not exist; build first or set BUILD_DIR"
build_dir=$(cd "$build_dir" && pwd)
sms_plan=$build_dir/app/sms-plan/sms-plan
endpoint_bin=${endpoint_bin:-$build_dir/app/sms-local/sms-local}

command -v hyperfine >/dev/null || die "hyperfine is not installed"
command -v python3 >/dev/null || die "python3 is not installed"
[[ -x $endpoint_bin ]] || die "endpoint binary '$endpoint_bin' not found; build the sms-local target"
if ((!aws_only)); then
    [[ -x $sms_plan ]] || die "'$sms_plan' not found; build sms-plan or pass --aws-only"
fi

# Dummy credentials, and nothing from the user's own AWS set-up.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cli-vs-awscli.XXXXXX")
# shellcheck source=bench/sms-local/aws-clients.sh
source "$script_dir/sms-local/aws-clients.sh"
isolate_aws_env "$tmp"

if ((${#endpoint_args[@]} == 0)) && [[ $(basename "$endpoint_bin") == sms-local ]]; then
    endpoint_args=(--access-key "$AWS_ACCESS_KEY_ID" --secret-key "$AWS_SECRET_ACCESS_KEY")
fi

endpoint_pid=
cleanup() {
    if [[ -n $endpoint_pid ]] && kill -0 "$endpoint_pid" 2>/dev/null; then
        kill "$endpoint_pid" 2>/dev/null || true
        wait "$endpoint_pid" 2>/dev/null || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- Start the endpoint and wait for its one listening line ------------------
note "starting $endpoint_bin --port 0 --servers $servers ${endpoint_args[*]}"
# shellcheck source=bench/sms-local/endpoint.sh
source "$script_dir/sms-local/endpoint.sh"
start_endpoint "$endpoint_bin" --port 0 --servers "$servers" "${endpoint_args[@]}" \
    || die "the endpoint was not listening"
url=$endpoint_url
note "endpoint listening on $url (pid $endpoint_pid)"

# --- Pick an AWS CLI that still knows `sms` ----------------------------------
if [[ -n $aws_bin ]]; then
    aws_lists_servers "$url" "$aws_bin" || die "'$aws_bin' cannot run 'sms get-servers' against $url"
else
    aws_bin=$(first_on_path aws aws_lists_servers "$url") \
        || die "no 'aws' on PATH supports 'sms get-servers'; pass --aws-bin"
fi
aws_version=$("$aws_bin" --version 2>&1 | head -n1)
note "AWS CLI: $aws_bin ($aws_version)"

cmd_a=("$sms_plan" --endpoint-url "$url" servers list --all --page-size "$page_size" --output json)
cmd_b=("$aws_bin" --endpoint-url "$url" sms get-servers --page-size "$page_size" --output json)

# --- Correctness: both list every server, the same ones ----------------------
note "checking that both clients return all $servers servers"
secs_b=$(run_once "aws" "$tmp/b.json" "${cmd_b[@]}")
check_listing "aws" "$tmp/b.json" "$secs_b" "$servers"
secs_a=
if ((!aws_only)); then
    secs_a=$(run_once "sms-plan" "$tmp/a.json" "${cmd_a[@]}")
    check_listing "sms-plan" "$tmp/a.json" "$secs_a" "$servers"
    cmp -s "$tmp/a.json.ids" "$tmp/b.json.ids" \
        || die "sms-plan and aws returned different sets of serverIds"
    note "both returned the same $servers serverIds"
fi
python3 - "$secs_b" "${secs_a:-0}" "$runs" "$warmup" <<'PY' >&2
import sys
b, a, runs, warmup = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
print(f"== timing {runs} runs + {warmup} warm-up of each: about {(a + b) * (runs + warmup):.0f} s")
PY

# --- Side by side --------------------------------------------------------------
mkdir -p "$results_dir"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
results_json=$results_dir/cli-vs-awscli-$servers-$stamp.json
summary_json=$results_dir/cli-vs-awscli-$servers-$stamp.summary.json

quote() { printf '%q ' "$@"; }
hf_cmds=()
if ((!aws_only)); then
    hf_cmds+=(--command-name sms-plan "$(quote "${cmd_a[@]}")")
fi
hf_cmds+=(--command-name aws-cli "$(quote "${cmd_b[@]}")")

# --shell=none: no shell start-up in the numbers; --output=null: stdout of the
# clients goes to /dev/null, so neither pays for a terminal or a file.
hyperfine --shell=none --output=null --warmup "$warmup" --runs "$runs" \
    --export-json "$results_json" "${hf_cmds[@]}"

python3 - "$results_json" "$summary_json" "$servers" "$page_size" "$aws_version" \
    "$url" "${require_ratio:-}" "$(cpu_model)" <<'PY'
import json, os, platform, sys
results_path, summary_path, servers, page_size, aws_version, url, need, cpu = sys.argv[1:9]
with open(results_path, encoding="utf-8") as f:
    results = {r["command"]: r for r in json.load(f)["results"]}


summary = {
    "servers": int(servers), "pageSize": int(page_size), "endpoint": url,
    "awsCli": aws_version, "cpu": cpu, "cpus": os.cpu_count(),
    "kernel": platform.release(), "loadavg": os.getloadavg(), "hyperfine": results_path,
}
for name, r in results.items():
    summary[name] = {k: r[k] for k in ("median", "mean", "stddev", "min", "max", "user", "system")}
    print(f"{name:>9}: median {r['median']:8.3f} s  (mean {r['mean']:.3f} ± {r['stddev']:.3f} s, "
          f"user {r['user']:.3f} s, sys {r['system']:.3f} s)")
status = 0
if "sms-plan" in results:
    ratio = results["aws-cli"]["median"] / results["sms-plan"]["median"]
    summary["ratio"] = ratio
    print(f"    ratio: aws-cli / sms-plan = {ratio:.1f}x (requirement: >= 10x: "
          f"{'PASS' if ratio >= 10 else 'FAIL'})")
    if need and ratio < float(need):
        print(f"cli-vs-awscli: ratio {ratio:.1f} is below --require-ratio {need}", file=sys.stderr)
        status = 1
with open(summary_path, "w", encoding="utf-8") as f:
    json.dump(summary, f, indent=2)
print(f"  results: {results_path}\n  summary: {summary_path}")
sys.exit(status)
PY
