#!/usr/bin/env bash
# Builds the libFuzzer targets with clang, ASan and UBSan into ./build-fuzz and
# runs each for SECONDS (default 30), seeded with the codec's round-trip samples.
#   scripts/fuzz.sh [SECONDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-30}
build="$root/build-fuzz"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
      -DSMS_FUZZ=ON -DSMS_BUILD_TESTS=OFF -DSMS_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" --target fuzz_codec fuzz_response fuzz_plan

corpus="$build/corpus"
mkdir -p "$corpus/codec" "$corpus/response" "$corpus/plan"
# Seeds: each sample behind the byte that selects its type (the order of SMS_FOR_EACH_OPERATION).
index=0
for op in $(ls "$root/tests/data/api/samples" | sed -E 's/(Request|Response)\.json$//' | sort -u); do
    for part in Request Response; do
        { printf "\\$(printf '%03o' "$index")"; cat "$root/tests/data/api/samples/$op$part.json"; } \
            > "$corpus/codec/$op$part"
        index=$((index + 1))
    done
done
printf '\xc8\x00{"serverList":[{"serverId":"s-1"}]}' > "$corpus/response/ok"
printf '\x90\x01<html><title>502 Bad Gateway</title></html>' > "$corpus/response/html"
cp "$root/tests/data/plans/fuzz-seed.smsplan" "$corpus/plan/"

for target in fuzz_codec fuzz_response fuzz_plan; do
    echo "== $target for ${seconds}s"
    dir=${target#fuzz_}
    dict=()  # a target's dictionary of tokens, where it has one
    [ -f "$root/tests/fuzz/$dir.dict" ] && dict=(-dict="$root/tests/fuzz/$dir.dict")
    "$build/tests/fuzz/$target" -max_total_time="$seconds" -max_len=65536 -print_final_stats=1 \
        "${dict[@]}" "$corpus/$dir" 2>&1 | grep -E "^(#|==|stat::number_of_executed_units|stat::peak_rss)|ERROR|SUMMARY" | tail -4
done
