#!/usr/bin/env bash
# The browser suite three times in a row with a CPU-bound process beside it (`stress-ng --cpu 1`, one
# core busy all along), to show the browser tests hold on a loaded machine: every run must pass.
# Each run is the README's test command on the browser tests (scripts/test.sh tests/browser), so they
# run as they always do: on a pytest-xdist worker per core, after the installs it checks.
# Extra arguments go to pytest, e.g. `bash scripts/flake_run.sh -x`.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
if ! command -v stress-ng >/dev/null 2>&1; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq stress-ng >/dev/null
fi

stress-ng --cpu 1 --timeout 0 --quiet &
STRESS=$!
trap 'kill "$STRESS" 2>/dev/null || true; wait "$STRESS" 2>/dev/null || true' EXIT

failed=0
for run in 1 2 3; do
  echo "=== browser suite, run $run of 3, beside stress-ng --cpu 1 ==="
  start=$(date +%s)
  if bash scripts/test.sh tests/browser -q -p no:cacheprovider "$@"; then
    echo "=== run $run passed in $(( $(date +%s) - start )) s ==="
  else
    echo "=== run $run FAILED after $(( $(date +%s) - start )) s ==="
    failed=$((failed + 1))
  fi
done
echo "=== $((3 - failed)) of 3 runs passed ==="
[ "$failed" -eq 0 ]
