#!/usr/bin/env bash
# Sets everything up, then starts ITA Desktop on its embedded SQLite database.
# Sample data: the first-run dialog offers it, or menu แฟ้ม → โหลดข้อมูลตัวอย่าง.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --app
exec .venv/bin/ita-desktop "$@"
