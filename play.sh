#!/usr/bin/env bash
# Set up what is missing, then open Collector Sim. Arguments go to `collector-sim`
# (e.g. ./play.sh console angry-contractor).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
setup_system_packages espeak-ng
setup_venv
exec .venv/bin/collector-sim "$@"
