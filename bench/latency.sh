#!/usr/bin/env bash
# latency.sh: sms-plan beside the tools users would pick instead, and the
# planner's own reads, against an endpoint that answers as a distant one
# would: sms-local --latency-ms 20 delays every answer by 20 ms (issue 15).
#
#   sms-plan = sms-plan --endpoint-url URL servers list --all --output json
#   aws-cli  = aws --endpoint-url URL sms get-servers --output json
#   boto3    = python3 bench/latency/boto3-get-servers.py --endpoint-url URL
#              (a get_servers paginator; prints the servers as JSON)
# each with its own defaults, no page size: sms-plan asks for pages of 1,000
# with --all, the AWS CLI and boto3 send no maxResults and get the service's
# 50. Timed by hyperfine at 10,000 and 100,000 servers, output to /dev/null.
# Then, at the same latency, the planner's two C++ benches (each starts its
# own sms-local):
#   catalog load = bench-planner-workspace --connect-only: the window's
#                  EndpointSession::opened to all rows in the catalog, painted
#   diff         = bench-snapshot-read --apps 100 --servers-per-app 100: the
#                  applications read (ListApps, GetApp and both configurations
#                  of each), then diffPlan(); the catalog download is excluded
#
# Targets, at 100,000 servers: median(aws-cli) / median(sms-plan) >= 15 and
# median(boto3) / median(sms-plan) >= 5.
#
# It builds nothing. Before timing, it runs each tool once and checks that each
# lists exactly N servers with N distinct ids, the same ids for all three;
# that run also serves as the warm-up (hence --warmup 0).
#
# Expected runtime at the defaults, on a 2-core AMD EPYC VM: about 8.5 minutes.
# At 100,000 servers one AWS CLI or boto3 run takes about 50 s (2,000 round
# trips of 20 ms, plus the CPU), sms-plan about 2.6 s; each of the three runs
# once for the check, then --runs times. 10,000 servers take a tenth of that;
# the planner's benches about 1 minute. The script prints its own estimate.
#
# Usage: bench/latency.sh [options]
#   --servers N[,N...]   catalog sizes (default 10000,100000)
#   --latency-ms N       delay sms-local adds to every answer (default 20)
#   --runs N             hyperfine runs per command, and rounds of the planner's
#                        benches (default 3)
#   --warmup N           hyperfine warm-up runs per command (default 0)
#   --apps N             applications in the diff (default 100)
#   --servers-per-app N  servers of each of them (default 100)
#   --aws-bin PATH       AWS CLI to use (default: $AWS_BIN, else the first `aws`
#                        on PATH whose botocore still has the sms service)
#   --python PATH        python3 for boto3 (default: $BOTO3_PYTHON, else the first
#                        python3 on PATH whose boto3 still has the sms service)
#   --no-planner         skip the catalog load and the diff (the C++ benches)
#   --require            exit 1 if a target at 100,000 servers is missed
#   --results-dir DIR    where the outputs go (default bench/results)
# Environment: BUILD_DIR, the build tree to take binaries from (default: build/
# in the repository root).
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$script_dir/.." && pwd)

die() { echo "latency: $*" >&2; exit 2; }
note() { echo "== $*" >&2; }

sizes=10000,100000
latency_ms=20
runs=3
warmup=0
apps=100
servers_per_app=100
aws_bin=${AWS_BIN:-}
python_bin=${BOTO3_PYTHON:-}
planner=1
require=0
results_dir=$script_dir/results

while (($#)); do
    case $1 in
        --servers) sizes=${2:?}; shift 2 ;;
        --latency-ms) latency_ms=${2:?}; shift 2 ;;
        --runs) runs=${2:?}; shift 2 ;;
        --warmup) warmup=${2:?}; shift 2 ;;
        --apps) apps=${2:?}; shift 2 ;;
        --servers-per-app) servers_per_app=${2:?}; shift 2 ;;
        --aws-bin) aws_bin=${2:?}; shift 2 ;;
        --python) python_bin=${2:?}; shift 2 ;;
        --no-planner) planner=0; shift ;;
        --require) require=1; shift ;;
        --results-dir) results_dir=${2:?}; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument '$1' (try --help)" ;;
    esac
done

IFS=, read -r -a servers_list <<<"$sizes"
for n in "${servers_list[@]}" "$latency_ms" "$runs" "$warmup" "$apps" "$servers_per_app"; do
    [[ $n =~ ^[0-9]+$ ]] || die "not a number: '$n'"
done
((${#servers_list[@]} > 0)) || die "--servers needs at least one size"
((runs >= 2)) || die "--runs must be at least 2"

build_dir=${BUILD_DIR:-$repo_root/build}
[[ -d $build_dir ]] || die "BUILD_DIR '$build_dir' does not exist; build first or set BUILD_DIR"
build_dir=$(cd "$build_dir" && pwd)
sms_plan=$build_dir/app/sms-plan/sms-plan
sms_local=$build_dir/app/sms-local/sms-local
bench_workspace=$build_dir/bench/planner-workspace/bench-planner-workspace
bench_snapshot=$build_dir/bench/snapshot-read/bench-snapshot-read
boto3_script=$script_dir/latency/boto3-get-servers.py

command -v hyperfine >/dev/null || die "hyperfine is not installed (apt-get install hyperfine)"
command -v python3 >/dev/null || die "python3 is not installed"
[[ -x $sms_local ]] || die "'$sms_local' not found; build the sms-local target"
[[ -x $sms_plan ]] || die "'$sms_plan' not found; build the sms-plan target"
if ((planner)); then
    for bin in "$bench_workspace" "$bench_snapshot"; do
        [[ -x $bin ]] || die "'$bin' not found; build bench-planner-workspace and bench-snapshot-read, or pass --no-planner"
    done
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/latency.XXXXXX")
# shellcheck source=bench/sms-local/aws-clients.sh
source "$script_dir/sms-local/aws-clients.sh"
# shellcheck source=bench/sms-local/endpoint.sh
source "$script_dir/sms-local/endpoint.sh"
isolate_aws_env "$tmp"

endpoint_pid=
stop_endpoint() {
    if [[ -n $endpoint_pid ]] && kill -0 "$endpoint_pid" 2>/dev/null; then
        kill "$endpoint_pid" 2>/dev/null || true
        wait "$endpoint_pid" 2>/dev/null || true
    fi
    endpoint_pid=
}
cleanup() {
    stop_endpoint
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$results_dir"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
summary_json=$results_dir/latency-$stamp.summary.json
# What the summary reads: one line per figure, "KIND SIZE FILE".
manifest=$tmp/manifest
: >"$manifest"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
quote() { printf '%q ' "$@"; }

# boto3 without the sms model fails as the client is made, before any call.
boto3_knows_sms() {
    "$1" -c "import boto3; boto3.client('sms', region_name='us-east-1')" >/dev/null 2>&1
}

# --- The three listings, size by size --------------------------------------
for servers in "${servers_list[@]}"; do
    note "starting $sms_local --port 0 --servers $servers --latency-ms $latency_ms"
    start_endpoint "$sms_local" --port 0 --servers "$servers" --latency-ms "$latency_ms" \
        --access-key "$AWS_ACCESS_KEY_ID" --secret-key "$AWS_SECRET_ACCESS_KEY" \
        || die "sms-local was not listening"
    url=$endpoint_url
    note "endpoint listening on $url (pid $endpoint_pid)"

    if [[ -z ${aws_version:-} ]]; then
        if [[ -n $aws_bin ]]; then
            aws_lists_servers "$url" "$aws_bin" || die "'$aws_bin' cannot run 'sms get-servers' against $url"
        else
            aws_bin=$(first_on_path aws aws_lists_servers "$url") \
                || die "no 'aws' on PATH supports 'sms get-servers'; pass --aws-bin (Debian: apt-get install awscli)"
        fi
        aws_version=$("$aws_bin" --version 2>&1 | head -n1)
        note "AWS CLI: $aws_bin ($aws_version)"
        if [[ -n $python_bin ]]; then
            boto3_knows_sms "$python_bin" || die "'$python_bin' has no boto3 with the sms service"
        else
            python_bin=$(first_on_path python3 boto3_knows_sms) \
                || die "no python3 on PATH has a boto3 with the sms service; pass --python (Debian: apt-get install python3-boto3)"
        fi
        boto3_version=$("$python_bin" -c "import boto3, botocore, platform; print(f'boto3 {boto3.__version__}, botocore {botocore.__version__}, Python {platform.python_version()}')")
        note "boto3: $python_bin ($boto3_version)"
    fi

    cmd_a=("$sms_plan" --endpoint-url "$url" servers list --all --output json)
    cmd_b=("$aws_bin" --endpoint-url "$url" sms get-servers --output json)
    cmd_c=("$python_bin" "$boto3_script" --endpoint-url "$url")

    note "checking that all three list the same $servers servers"
    secs_a=$(run_once "sms-plan" "$tmp/a.json" "${cmd_a[@]}")
    check_listing "sms-plan" "$tmp/a.json" "$secs_a" "$servers"
    secs_b=$(run_once "aws" "$tmp/b.json" "${cmd_b[@]}")
    check_listing "aws" "$tmp/b.json" "$secs_b" "$servers"
    secs_c=$(run_once "boto3" "$tmp/c.json" "${cmd_c[@]}")
    check_listing "boto3" "$tmp/c.json" "$secs_c" "$servers"
    cmp -s "$tmp/a.json.ids" "$tmp/b.json.ids" || die "sms-plan and aws returned different sets of serverIds"
    cmp -s "$tmp/a.json.ids" "$tmp/c.json.ids" || die "sms-plan and boto3 returned different sets of serverIds"
    rm -f "$tmp"/?.json*
    python3 -c "print(f'== timing {$runs} runs + {$warmup} warm-up of each: about {($secs_a + $secs_b + $secs_c) * ($runs + $warmup):.0f} s')" >&2

    results_json=$results_dir/latency-$servers-$stamp.json
    # --shell=none: no shell start-up in the numbers; --output=null: the
    # listings go to /dev/null, so none pays for a terminal or a file.
    hyperfine --shell=none --output=null --warmup "$warmup" --runs "$runs" --export-json "$results_json" \
        --command-name sms-plan "$(quote "${cmd_a[@]}")" \
        --command-name aws-cli "$(quote "${cmd_b[@]}")" \
        --command-name boto3 "$(quote "${cmd_c[@]}")"
    echo "cli $servers $results_json" >>"$manifest"
    stop_endpoint
done

# --- The planner at the same latency ---------------------------------------
# Both benches start their own sms-local with --latency-ms and sign with the
# sandbox's documented key pair; their whole output is kept beside the JSON.
if ((planner)); then
    export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
    for servers in "${servers_list[@]}"; do
        out=$results_dir/latency-catalog-$servers-$stamp.txt
        note "the planner's catalog load, $servers servers, $runs rounds (output in ${out#"$repo_root"/})"
        "$bench_workspace" --sms-local "$sms_local" --servers "$servers" --rounds "$runs" \
            --latency-ms "$latency_ms" --connect-only | tee "$out" \
            || die "bench-planner-workspace failed at $servers servers"
        echo "catalog $servers $out" >>"$manifest"
    done
    out=$results_dir/latency-diff-$apps-$stamp.txt
    note "a diff of $apps applications x $servers_per_app servers, $runs rounds (output in ${out#"$repo_root"/})"
    "$bench_snapshot" --sms-local "$sms_local" --apps "$apps" --servers-per-app "$servers_per_app" \
        --rounds "$runs" --latency-ms "$latency_ms" | tee "$out" \
        || die "bench-snapshot-read failed"
    echo "diff $apps:$servers_per_app $out" >>"$manifest"
fi

# --- Summary -----------------------------------------------------------------
python3 - "$manifest" "$summary_json" "$latency_ms" "$runs" "$aws_version" "$boto3_version" \
    "$load_start" "$require" "$(cpu_model)" <<'PY'
import json, os, platform, re, sys

manifest, summary_path, latency, runs, aws_version, boto3_version, load_start, require, cpu = sys.argv[1:10]
targets = {"aws-cli": 15.0, "boto3": 5.0}  # ratio to sms-plan, at 100,000 servers
target_size = 100000


def figure(path, pattern, what):
    """The first number the pattern captures in a bench's output, in ms."""
    with open(path, encoding="utf-8") as f:
        match = re.search(pattern, f.read(), re.MULTILINE)
    if not match:
        sys.exit(f"latency: no '{what}' line in {path}; has the bench's output changed?")
    return float(match.group(1))

summary = {
    "latencyMs": int(latency), "runs": int(runs), "awsCli": aws_version, "boto3": boto3_version,
    "cpu": cpu, "cpus": os.cpu_count(), "kernel": platform.release(),
    "loadavgStart": [float(x) for x in load_start.split()], "loadavgEnd": list(os.getloadavg()),
    "listings": {}, "catalogLoad": {}, "diff": None,
}
entries = [line.split(" ", 2) for line in open(manifest, encoding="utf-8").read().splitlines()]
status = 0

print(f"\nlatency.sh: sms-local delays every answer by {latency} ms; medians of {runs} runs")
print(f"  load average: {load_start} at the start, "
      + " ".join(f"{x:.2f}" for x in summary["loadavgEnd"]) + f" at the end; {os.cpu_count()} cores, {cpu}")
print(f"  AWS CLI: {aws_version}\n  boto3: {boto3_version}")

listings = [(int(size), path) for kind, size, path in entries if kind == "cli"]
if listings:
    print("\nListing every server, each tool with its defaults (wall time, start to exit, output to /dev/null):")
    print(f"  {'servers':>9} {'sms-plan':>10} {'aws-cli':>10} {'boto3':>10}   {'aws-cli / sms-plan':<28} boto3 / sms-plan")
for size, path in listings:
    with open(path, encoding="utf-8") as f:
        results = {r["command"]: r for r in json.load(f)["results"]}
    medians = {name: r["median"] for name, r in results.items()}
    entry = {name: {k: r[k] for k in ("median", "mean", "stddev", "min", "max", "user", "system")}
             for name, r in results.items()}
    cells = []
    for tool, need in targets.items():
        ratio = medians[tool] / medians["sms-plan"]
        entry[f"{tool}/sms-plan"] = ratio
        cell = f"{ratio:5.1f}x"
        if size == target_size:
            ok = ratio >= need
            cell += f"  (>= {need:g}: {'PASS' if ok else 'FAIL'})"
            status = status or (0 if ok else 1)
        cells.append(cell)
    entry["hyperfine"] = path
    summary["listings"][str(size)] = entry
    print(f"  {size:>9,} {medians['sms-plan']:>8.3f} s {medians['aws-cli']:>8.3f} s {medians['boto3']:>8.3f} s"
          f"   {cells[0]:<28} {cells[1]}")
if listings and target_size not in [size for size, _ in listings]:
    print(f"  (the targets are at {target_size:,} servers, which this run did not list)")

catalog = [(int(size), path) for kind, size, path in entries if kind == "catalog"]
if catalog:
    print(f"\nThe planner's catalog load (bench-planner-workspace --connect-only; median of {runs} rounds,")
    print("from EndpointSession::opened, each round in a new window):")
for size, path in catalog:
    first = figure(path, r"^\s+first page of rows in the table\s+([\d.]+)", "first page of rows")
    loaded = figure(path, r"^\s+all rows in the catalog \(catalogLoaded\)\s+([\d.]+)", "all rows in the catalog")
    painted = figure(path, r"^\s+\.\.\. and painted\s+([\d.]+)", "... and painted")
    summary["catalogLoad"][str(size)] = {"firstRowsMs": first, "loadedMs": loaded, "paintedMs": painted, "output": path}
    print(f"  {size:>9,} servers: all rows painted {painted:8.0f} ms   (all rows in the catalog {loaded:.0f} ms, "
          f"first page on screen {first:.0f} ms)")

for kind, size, path in entries:
    if kind != "diff":
        continue
    apps, per_app = size.split(":")
    diff = figure(path, r"^diff \(read applications \+ diffPlan\)\s+median\s+([\d.]+) ms", "diff")
    alone = figure(path, r"diffPlan alone: median\s+([\d.]+) ms", "diffPlan alone")
    read = figure(path, r"^applications only, window \d+\s+median\s+([\d.]+) ms", "applications only")
    summary["diff"] = {"apps": int(apps), "serversPerApp": int(per_app), "diffMs": diff, "diffPlanMs": alone,
                       "applicationsReadMs": read, "output": path}
    print(f"\nA diff of {apps} applications x {per_app} servers (bench-snapshot-read; median of {runs} rounds;")
    print("the applications read, then diffPlan(); the catalog download is excluded):")
    print(f"  {diff:.0f} ms, of which diffPlan() {alone:.0f} ms  (the applications read alone, another measurement: {read:.0f} ms)")

with open(summary_path, "w", encoding="utf-8") as f:
    json.dump(summary, f, indent=2)
print(f"\n  summary: {summary_path}")
if status and require == "1":
    print("latency: a target at 100,000 servers was missed (--require)", file=sys.stderr)
    sys.exit(1)
PY
