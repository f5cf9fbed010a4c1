# Shared by scripts/demo and scripts/test (sourced, not run): installs what the project needs
# on a Debian machine with Python 3.11 and prepares .venv. Safe to run again: it only does
# what is missing.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PYTHON="${PYTHON:-python3}"

# Debian packages: Qt's runtime libraries (EGL/GL for Qt Quick's software path, xkbcommon,
# fontconfig), the X11/XCB platform plugin's libraries for a real window, a font, and the
# OCR-B glyphs the camera reads a passport's MRZ with (drivers/camera/mrz.py), and the voices
# that read the screens aloud (Qt's speech engine over speech-dispatcher with espeak-ng).
DEBIAN_PACKAGES=(
    libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 fonts-dejavu-core
    fonts-ocr-b speech-dispatcher speech-dispatcher-espeak-ng espeak-ng
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
    libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xfixes0 libxcb-xkb1
)

# A virtual X server for a machine without a desktop (see on_a_screen).
HEADLESS_PACKAGES=(xvfb xauth)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

install_debian_packages() {
    command -v dpkg-query >/dev/null 2>&1 || return 0
    local missing=() pkg
    for pkg in "${DEBIAN_PACKAGES[@]}" "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
    if ! "$PYTHON" -c 'import ensurepip' >/dev/null 2>&1; then
        missing+=("python3-venv")
    fi
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -eq 0 ]; then
        say "Installing Debian packages: ${missing[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            "${missing[@]}" >/dev/null
    elif command -v sudo >/dev/null 2>&1; then
        say "Installing Debian packages with sudo: ${missing[*]}"
        sudo apt-get update -qq
        sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            "${missing[@]}" >/dev/null
    else
        say "Please install these Debian packages first: ${missing[*]}"
        return 1
    fi
}

prepare_venv() {
    local extras="$1" stamp
    if [ ! -x "$VENV/bin/python" ]; then
        say "Creating the virtual environment in .venv"
        "$PYTHON" -m venv "$VENV"
    fi
    # Reinstall only when the dependencies changed.
    stamp="$VENV/.installed-$(sha256sum "$ROOT/pyproject.toml" | cut -c1-16)-$extras"
    if [ ! -f "$stamp" ]; then
        say "Installing Python dependencies (first time: a few minutes)"
        local log="$VENV/pip-install.log"
        if ! { "$VENV/bin/python" -m pip install -q --upgrade pip &&
               "$VENV/bin/python" -m pip install -q -e "$ROOT[$extras]"; } >"$log" 2>&1; then
            cat "$log" >&2
            say "Installing the Python dependencies failed (log: $log)"
            return 1
        fi
        rm -f "$VENV"/.installed-*
        touch "$stamp"
    fi
}

# pcscd serves the whole machine (one socket in /run/pcscd). Started here for the card tests when
# no service manager runs it; vpcd's readers appear with it.
start_pcscd() {
    command -v pcscd >/dev/null 2>&1 || [ -x /usr/sbin/pcscd ] || return 0
    pgrep -x pcscd >/dev/null 2>&1 && return 0
    local pcscd
    pcscd="$(command -v pcscd || echo /usr/sbin/pcscd)"
    if [ "$(id -u)" -eq 0 ]; then
        "$pcscd"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$pcscd"
    fi
}

# Without a screen (none of DISPLAY, WAYLAND_DISPLAY, QT_QPA_PLATFORM set: a server, a container)
# run the calling script again inside a virtual X server, installing Debian's xvfb for it; with
# a screen, do nothing. Call as: on_a_screen "$0" "$@" (--portrait gets a portrait screen).
on_a_screen() {
    if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ] || [ -n "${QT_QPA_PLATFORM:-}" ]; then
        return 0
    fi
    local size="1920x1080" arg
    for arg in "${@:2}"; do
        [ "$arg" = "--portrait" ] && size="1080x1920"
    done
    install_debian_packages "${HEADLESS_PACKAGES[@]}"
    say "No screen found (neither DISPLAY nor WAYLAND_DISPLAY is set): running on a virtual screen ($size, xvfb-run)"
    exec xvfb-run --auto-servernum --server-args="-screen 0 ${size}x24" "$@"
}

# scripts/test's last step: pytest with coverage (of the core and the interface, printed at the
# end; see [tool.coverage] in pyproject.toml), then, after a full run only (no arguments), the
# core's coverage floors. Arguments go to pytest; a failing pytest returns pytest's exit code.
run_tests() {
    python -m pytest --cov --cov-report=term:skip-covered "$@" || return
    if [ $# -eq 0 ]; then
        say "coverage floors"
        python tools/coverage_floors.py
    else
        say "coverage floors: only checked on a full run (no arguments)"
    fi
}
