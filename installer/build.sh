#!/usr/bin/env bash
# Builds the frozen application into dist/ita-desktop/ and smoke-tests it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m pip install -q ".[build]"
.venv/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build installer/ita_desktop.spec
QT_QPA_PLATFORM=offscreen ITA_DESKTOP_DATA_DIR="$(mktemp -d)" dist/ita-desktop/ita-desktop --smoke-test
dist/ita-desktop/ita-cli --help >/dev/null
echo "built: dist/ita-desktop/"
