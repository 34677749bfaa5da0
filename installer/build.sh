#!/usr/bin/env bash
# Builds the frozen application into dist/ita-desktop/ (ita-desktop and its ita-cli link),
# shrinks the ICU data, then checks every frozen command (installer/check_bundle.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || bash scripts/setup.sh
.venv/bin/python -m pip install -q -e ".[build]"
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build installer/ita_desktop.spec
.venv/bin/python installer/slim_bundle.py dist/ita-desktop
bash installer/check_bundle.sh dist/ita-desktop
echo "built: dist/ita-desktop/ ($(du -sm dist/ita-desktop | cut -f1) MB)"
