#!/usr/bin/env bash
# Configures and builds into ./build (Release with debug info). CI=true makes warnings errors.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
werror=OFF
[ "${CI:-}" = "true" ] && werror=ON
cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSMS_WERROR=$werror
cmake --build "$root/build" --parallel "$(nproc)"
