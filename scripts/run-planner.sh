#!/usr/bin/env bash
# Installs what is missing, builds, and launches the planner.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
# The GUI arrives with the workspace issue; until then the CLI companion is what there is.
exec "$root/build/app/sms-plan/sms-plan" --help "$@"
