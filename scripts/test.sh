#!/usr/bin/env bash
# Sets everything up, then runs the whole test suite (Qt offscreen, PostgreSQL tests included).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
