#!/usr/bin/env bash
# Set up what is missing, then run every check: lint, types, scenario validation and self-tests,
# and the whole test suite (against SQLite and a PostgreSQL server started on loopback).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
setup_system_packages espeak-ng postgresql
setup_venv dev
# Stop, whatever happens, the PostgreSQL server this run starts (not one that was already running).
stop_started_servers() {
  if [ "${COLLECTOR_SIM_PG_STARTED:-}" = 1 ]; then
    bash .ci/postgres.sh stop
  fi
}
trap stop_started_servers EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
unset COLLECTOR_SIM_PG_STARTED
if [ -f .ci/postgres.sh ]; then
  source .ci/postgres.sh
fi
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
.venv/bin/ruff check .
.venv/bin/mypy
.venv/bin/collector-sim validate
.venv/bin/collector-sim test-scenarios
.venv/bin/collector-sim test-cases
.venv/bin/python -m pytest "$@"
