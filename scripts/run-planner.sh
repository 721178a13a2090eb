#!/usr/bin/env bash
# Installs what is missing, builds, and launches the planner (on the built-in
# sandbox unless AWS credentials are set up or a connection is named).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
exec "$root/build/app/sms-planner/sms-planner" "$@"
