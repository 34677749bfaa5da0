#!/usr/bin/env bash
# Sets up everything on a fresh machine: Debian packages (when run as root on Debian/Ubuntu),
# a virtual environment in .venv, and the application with its test extras.
#   bash scripts/setup.sh          what the application and the tests need
#   bash scripts/setup.sh --app    only what the application needs (scripts/run.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

# What the application needs on a desktop: Python's venv module (Debian ships it apart) and
# the libraries Qt's xcb platform plugin loads (libqxcb.so, libQt6XcbQpa.so.6, checked with
# ldd and QT_DEBUG_PLUGINS=1 under Xvfb; without libxcb-cursor0 and libxcb-icccm4 Qt stops
# with "could not load the Qt platform plugin xcb"). libthai0: Qt loads it at run time to break
# Thai lines between words in its own text widgets (without it a QPlainTextEdit breaks Thai
# anywhere, even inside a word).
APP_PACKAGES=(python3-venv
    libxcb1 libx11-6 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
    libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0
    libxcb-xinerama0 libxcb-xkb1 libxkbcommon0 libxkbcommon-x11-0 libxrender1 libxext6
    libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3
    libthai0)
# What the tests add: PDF text and rendering checks, a PostgreSQL server, an X server.
TEST_PACKAGES=(poppler-utils postgresql xvfb)

DEB_PACKAGES=("${APP_PACKAGES[@]}")
[ "${1:-}" = "--app" ] || DEB_PACKAGES+=("${TEST_PACKAGES[@]}")

install_debian_packages() {
    command -v apt-get >/dev/null 2>&1 || return 0
    local missing=()
    for p in "${DEB_PACKAGES[@]}"; do
        dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" != 0 ]; then
        echo "(not root: skipping apt-get; install these yourself: sudo apt-get install ${missing[*]})"
        return 0
    fi
    echo "Installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_python() {
    local py="${PYTHON:-python3}"
    if [ ! -x .venv/bin/python ]; then
        "$py" -m venv .venv
    fi
    .venv/bin/python -m pip install -q --upgrade pip >/dev/null
    .venv/bin/python -m pip install -q -e ".[test,postgres]"
}

install_debian_packages
install_python
