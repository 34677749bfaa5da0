#!/usr/bin/env bash
# Sets up everything on a fresh machine: Debian packages (when run as root on Debian/Ubuntu),
# a virtual environment in .venv, and the application with its test extras.
set -euo pipefail
cd "$(dirname "$0")/.."

DEB_PACKAGES=(poppler-utils postgresql libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 xvfb)

install_debian_packages() {
    command -v apt-get >/dev/null 2>&1 || return 0
    [ "$(id -u)" = 0 ] || { echo "(not root: skipping apt-get; install ${DEB_PACKAGES[*]} yourself if tests need them)"; return 0; }
    local missing=()
    for p in "${DEB_PACKAGES[@]}"; do
        dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
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
