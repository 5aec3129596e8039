#!/usr/bin/env bash
# Install what the tests need, then run every test (browser tests included) and the linters.
# The one test command of the README; .ci/run runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
if ! command -v chromium >/dev/null 2>&1; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore -r requirements-dev.txt
python3 -m ruff check .
python3 -m ruff format --check .
python3 -m pytest "$@"
