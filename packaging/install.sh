#!/usr/bin/env bash
# Sets up Copydesk in ./.venv on a fresh machine: the system libraries Qt needs,
# the spelling dictionaries and Java for a local LanguageTool (installed with apt-get when run as root,
# otherwise named), then the Python package. With --test it also installs what
# the test suite needs, including the desktop-entry and AppStream validators.
set -euo pipefail
cd "$(dirname "$0")/.."
testing=false
[ "${1:-}" = "--test" ] && testing=true

# Wire copy quotes social posts: without a colour emoji font, emoji and flags show as empty boxes.
# Spelling reads Hunspell's American and British dictionaries.
system_packages=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
    libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libfontconfig1 libdbus-1-3 fonts-dejavu-core
    fonts-noto-color-emoji hunspell-en-us hunspell-en-gb)
missing=()
if command -v dpkg >/dev/null 2>&1; then
    for package in "${system_packages[@]}"; do
        dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
    python3 -c "import ensurepip" 2>/dev/null || missing+=(python3-venv)
    if $testing; then
        for package in desktop-file-utils appstream; do
            dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
        done
    fi
fi
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        echo "copydesk: Copydesk needs these system packages; install them with:" >&2
        echo "  sudo apt-get install ${missing[*]}" >&2
    fi
fi

extras=""
$testing && extras="[test]"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".${extras}"
