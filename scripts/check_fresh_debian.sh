#!/usr/bin/env bash
# Proves that the README's first command opens the main window on a fresh Debian machine:
# a clean Debian bookworm chroot (debootstrap, minbase: not even Python), a copy of this
# checkout, and then only `bash scripts/run.sh` inside it, on an X server (Xvfb) that runs
# outside the chroot, so no X library reaches the chroot except what setup.sh installs.
# Takes a screenshot of the X display (PNG) and says whether the main window came up.
#
# Needs root, debootstrap, Xvfb and xwd (x11-apps) on the host, and the network (Debian
# mirror, PyPI). Not run by the test suite. Usage:
#   sudo bash scripts/check_fresh_debian.sh [CHROOT_DIR] [SCREENSHOT.png]
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
CHROOT=${1:-/tmp/ita-fresh-debian}
SHOT=${2:-$REPO/fresh-debian.png}
DISPLAY_NUM=${DISPLAY_NUM:-77}
WAIT_SECONDS=${WAIT_SECONDS:-900}
LOG=$CHROOT/root/run.log

[ "$(id -u)" = 0 ] || { echo "run as root (debootstrap and chroot need it)"; exit 2; }
for tool in debootstrap Xvfb xwd; do
    command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install debootstrap xvfb x11-apps"; exit 2; }
done

# The mirror the host's apt uses (deb822 or one-line sources), else Debian's CDN.
mirror() {
    local uri
    uri=$(grep -hs '^URIs:' /etc/apt/sources.list.d/debian.sources | head -1 | awk '{print $2}')
    [ -n "$uri" ] || uri=$(grep -hs '^deb .*debian' /etc/apt/sources.list | head -1 | awk '{print $2}')
    echo "${uri:-http://deb.debian.org/debian}"
}

# A pristine debootstrap is kept in $CHROOT-base; every run starts from a fresh copy of it.
BASE=$CHROOT-base
if [ ! -x "$BASE/usr/bin/apt-get" ]; then
    echo "debootstrap bookworm into $BASE from $(mirror)"
    rm -rf "$BASE"
    debootstrap --variant=minbase bookworm "$BASE" "$(mirror)"
fi
case "$CHROOT" in /|"") echo "refusing chroot directory '$CHROOT'"; exit 2;; esac
if grep -q " $CHROOT/" /proc/mounts; then echo "$CHROOT still has mounts (another run?); not touching it"; exit 2; fi
rm -rf "$CHROOT"
cp -a "$BASE" "$CHROOT"

echo "copying the checkout (without .venv) to $CHROOT/opt/ita-desktop"
rm -rf "$CHROOT/opt/ita-desktop"
mkdir -p "$CHROOT/opt/ita-desktop"
tar -C "$REPO" --exclude=./.venv --exclude=./.git --exclude='*.png' --exclude=__pycache__ -cf - . \
    | tar -C "$CHROOT/opt/ita-desktop" -xf -

cp /etc/resolv.conf "$CHROOT/etc/resolv.conf"
# Where this machine reaches PyPI through a TLS-inspecting proxy, pip in the chroot needs the
# proxy's CA too (PIP_CERT / SSL_CERT_FILE on the host); a normal office PC does not.
CHROOT_ENV=()
HOST_CA=${PIP_CERT:-${SSL_CERT_FILE:-}}
if [ -n "$HOST_CA" ] && [ -f "$HOST_CA" ]; then
    mkdir -p "$CHROOT/etc/ssl"
    cp "$HOST_CA" "$CHROOT/etc/ssl/host-ca.pem"
    CHROOT_ENV+=(PIP_CERT=/etc/ssl/host-ca.pem)
fi
mounted=()
bind() { mkdir -p "$CHROOT$1"; mount --bind "$1" "$CHROOT$1"; mounted+=("$CHROOT$1"); }
cleanup() {
    [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null || true
    [ -n "${XVFB_PID:-}" ] && kill "$XVFB_PID" 2>/dev/null || true
    sleep 1
    for ((i=${#mounted[@]}-1; i>=0; i--)); do umount -l "${mounted[i]}" 2>/dev/null || true; done
}
trap cleanup EXIT
mount -t proc proc "$CHROOT/proc"; mounted+=("$CHROOT/proc")
bind /dev
bind /dev/pts
bind /sys

# The X server runs on the host; the chroot only sees its socket.
mkdir -p /tmp/.X11-unix
Xvfb ":$DISPLAY_NUM" -screen 0 1366x768x24 -nolisten tcp &
XVFB_PID=$!
sleep 2
bind /tmp/.X11-unix

# setup.sh needs python3 to exist (a Debian desktop has it; minbase does not): that is all we add.
chroot "$CHROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root bash -c \
    'command -v python3 >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 >/dev/null; }'

echo "inside the chroot: bash scripts/run.sh (log: $LOG)"
chroot "$CHROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "${CHROOT_ENV[@]}" \
    DISPLAY=":$DISPLAY_NUM" QT_DEBUG_PLUGINS=1 \
    bash -c 'cd /opt/ita-desktop && exec bash scripts/run.sh' >"$LOG" 2>&1 &
APP_PID=$!

# The window is up when the app's log says so or X has a mapped top-level window named ITA Desktop.
shown=0
for ((t=0; t<WAIT_SECONDS; t+=5)); do
    if ! kill -0 "$APP_PID" 2>/dev/null; then break; fi
    if DISPLAY=":$DISPLAY_NUM" xwininfo -root -tree 2>/dev/null | grep -q '"ITA Desktop'; then shown=1; break; fi
    sleep 5
done
sleep "${PAINT_SECONDS:-20}"  # let the window and the first-run dialog paint
DISPLAY=":$DISPLAY_NUM" xwd -root -silent > "$SHOT.xwd"
python3 "$REPO/scripts/xwd_to_png.py" "$SHOT.xwd" "$SHOT" && rm -f "$SHOT.xwd"
# Without a window manager a root dump shows a modal dialog black; each window dumped by
# itself shows what it painted: the main window and the first-run dialog.
for id in $(DISPLAY=":$DISPLAY_NUM" xwininfo -root -tree | awk '/\("ita-desktop"/ {print $1}'); do
    DISPLAY=":$DISPLAY_NUM" xwd -id "$id" -silent > "$SHOT.$id.xwd"
    python3 "$REPO/scripts/xwd_to_png.py" "$SHOT.$id.xwd" "${SHOT%.png}-$id.png" && rm -f "$SHOT.$id.xwd"
    echo "window $id: ${SHOT%.png}-$id.png"
done
echo "--- last lines of $LOG"
tail -n 15 "$LOG"
if [ "$shown" = 1 ]; then
    echo "OK: the main window is shown; screenshot: $SHOT"
    DISPLAY=":$DISPLAY_NUM" xwininfo -root -tree | grep '"ITA Desktop' || true
    exit 0
fi
echo "FAILED: no ITA Desktop window within ${WAIT_SECONDS}s (see $LOG; screenshot: $SHOT)"
exit 1
