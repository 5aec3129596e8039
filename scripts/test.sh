#!/usr/bin/env bash
# Install what the tests need, then run every test (browser and PostgreSQL ones included) and the
# linters. The one test command of the README; .ci/run runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"

# System packages: Chromium for the browser tests, CJK fonts for chart images, PostgreSQL for the
# library's second database, nginx for the README's reverse proxy (it blocks /_stcore/metrics),
# LibreOffice Impress and Calc for rendering the decks and workbooks.
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
python3 -c "import ensurepip, venv" >/dev/null 2>&1 || need+=(python3-venv)
[ -d /usr/share/fonts/opentype/noto ] || need+=(fonts-noto-cjk)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx-light)  # the README's proxy, tested
# LibreOffice Impress and Calc: the decks and workbooks are rendered in a real office client.
ls /usr/lib/libreoffice/program/libsdlo.so >/dev/null 2>&1 || need+=(libreoffice-impress)
ls /usr/lib/libreoffice/program/libsclo.so >/dev/null 2>&1 || need+=(libreoffice-calc)
if [ ${#need[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
# The Python packages go into a virtual environment (.venv, git-ignored) unless one is active: a
# Debian system Python refuses `pip install` outside one.
PY=python3
if [ -z "${VIRTUAL_ENV:-}" ]; then
  [ -x .venv/bin/python ] || python3 -m venv .venv
  PY=.venv/bin/python
fi
"$PY" -m pip install -q --disable-pip-version-check --root-user-action=ignore -r requirements-dev.txt

# A throwaway PostgreSQL server on a local socket, for the library tests; stopped on exit.
PGBIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
PGDIR=$(mktemp -d /tmp/dezhou-pg.XXXXXX)
pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$PGDIR"
pg "$PGBIN/initdb -D $PGDIR/data -A trust -U postgres" >/dev/null
pg "$PGBIN/pg_ctl -D $PGDIR/data -l $PGDIR/log -w -o \"-k $PGDIR -c listen_addresses=''\" start" >/dev/null
trap 'pg "$PGBIN/pg_ctl -D $PGDIR/data -m fast stop" >/dev/null 2>&1 || true; rm -rf "$PGDIR"' EXIT
export DEZHOU_TEST_POSTGRES_URL="postgresql+psycopg://postgres@/postgres?host=$PGDIR"

# Bytecode caches are written (git-ignored __pycache__ folders) even where PYTHONDONTWRITEBYTECODE is
# set: otherwise every pytest-xdist worker rewrites the tests' asserts again, and every command and
# Streamlit server the tests start compiles the project again (about 5 s of each worker's start).
unset PYTHONDONTWRITEBYTECODE

"$PY" -m ruff check .
"$PY" -m ruff format --check .
# The tests run in parallel, one pytest-xdist worker per core (at most four): each worker has its own
# Streamlit server, browser, temporary folders and PostgreSQL database (tests/conftest.py).
# DEZHOU_TEST_WORKERS=1 runs them one after another.
WORKERS="${DEZHOU_TEST_WORKERS:-$(nproc)}"
[ "$WORKERS" -gt 4 ] && WORKERS=4
"$PY" -m pytest -n "$WORKERS" --dist worksteal "$@"
