#!/usr/bin/env bash
# planner-workspace.sh: the planner's workspace at 100,000 servers (the real
# main window, offscreen, against an sms-local process on loopback).
#
#   1. connecting to all rows visible (target < 2 s)
#   2. one key press in the catalog filter (target < 30 ms)
#   3. 5,000 selected servers into a server group (target < 100 ms)
#   4. resident memory (target < 250 MB)
#   5. saving and opening a 100,000-server plan (target < 500 ms each)
#
# It builds bench-planner-workspace and sms-local in $BUILD_DIR (default
# build/; configured RelWithDebInfo with Ninja if it is not configured yet)
# unless --no-build is given, runs the benchmark under /usr/bin/time -v for the
# peak resident memory of the whole process, and keeps the output in
# bench/results/. About 1 minute at the defaults on a 2-core VM.
#
# Usage: bench/planner-workspace.sh [--no-build] [--rounds N] [--servers N] [other benchmark options]
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source_dir=$(cd "$script_dir/.." && pwd)
build_dir=${BUILD_DIR:-$source_dir/build}
build=1
args=()
while (($#)); do
    case $1 in
        --no-build) build=0; shift ;;
        -h|--help) sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) args+=("$1"); shift ;;
    esac
done

bin=$build_dir/bench/planner-workspace/bench-planner-workspace
endpoint=$build_dir/app/sms-local/sms-local
if ((build)); then
    if [[ ! -f $build_dir/build.ninja && ! -f $build_dir/Makefile ]]; then
        cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    fi
    cmake --build "$build_dir" --target bench-planner-workspace sms-local
fi
[[ -x $bin && -x $endpoint ]] || {
    echo "planner-workspace.sh: build bench-planner-workspace and sms-local first ($build_dir)" >&2
    exit 2
}
[[ -x /usr/bin/time ]] || { echo "planner-workspace.sh: needs /usr/bin/time (GNU time)" >&2; exit 2; }

results=$script_dir/results
mkdir -p "$results"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=$results/planner-workspace-$stamp.txt
time_file=$(mktemp)
trap 'rm -f "$time_file"' EXIT

export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
echo "== $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out"
/usr/bin/time -v -o "$time_file" "$bin" --sms-local "$endpoint" "${args[@]}" | tee -a "$out"
status=${PIPESTATUS[0]}
peak_kb=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$time_file")
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$time_file")
{
    echo
    echo "whole benchmark process (/usr/bin/time -v): peak resident $((peak_kb * 1024 / 1000000)) MB (every step, save and open included), wall $wall"
    echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "output kept in ${out#"$source_dir"/}"
} | tee -a "$out"
exit "$status"
