#!/usr/bin/env bash
# The Windows build and its tests, on Debian 12 through Wine (docs/windows.md): installs Wine and the
# tools, builds dist/nianbao/ and dist/nianbao-VERSION-setup.exe with packaging/windows/build_wine.py,
# then installs that setup.exe into a fresh Wine prefix and runs the installed app
# (tests/packaging/test_windows.py) and checks the bundle's DLL imports (test_pe_imports.py).
# Runs as root. Downloads and the build's Wine prefix are kept in $NIANBAO_WINDOWS_CACHE
# (default /var/cache/nianbao-windows), so a second run on the same machine skips them.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
SUDO=$(command -v sudo || true)
export NIANBAO_WINDOWS_CACHE=${NIANBAO_WINDOWS_CACHE:-/var/cache/nianbao-windows}

started=$SECONDS
stage() { echo "== $1: $((SECONDS - stage_start)) s"; stage_start=$SECONDS; }
stage_start=$SECONDS

# Wine's 32-bit half must be installable before any prefix exists: Inno Setup's compiler and setup.exe
# are 32-bit programs, and adding i386 after a prefix was made breaks that prefix.
if ! dpkg --print-foreign-architectures | grep -qx i386; then
    $SUDO dpkg --add-architecture i386
fi
$SUDO apt-get update -q
# npm only when missing: the machine's Node.js may bring its own, which Debian's npm conflicts with.
$SUDO apt-get install -y -q wine wine64 wine32:i386 xvfb poppler-utils gcc-mingw-w64-x86-64-win32 locales \
    python3 python3-venv python3-pip $(command -v npm >/dev/null || echo npm)
# Wine takes the Windows code page from the locale: zh_CN.UTF-8 gives 936, as on a Chinese PC.
if ! locale -a | grep -qix 'zh_CN.utf8'; then
    $SUDO sed -i 's/^# *\(zh_CN.UTF-8 UTF-8\)/\1/' /etc/locale.gen
    grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' | $SUDO tee -a /etc/locale.gen >/dev/null
    $SUDO locale-gen
fi
stage "apt"

if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
.venv/bin/python -c 'import pefile, pytest, fontTools' 2>/dev/null || .venv/bin/pip install -q -e '.[test]'
stage "host venv"

.venv/bin/python packaging/windows/build_wine.py
stage "build (build_wine.py)"

NIANBAO_WINDOWS_DIST="$PWD/dist" .venv/bin/python -m pytest -p no:cacheprovider \
    tests/packaging/test_windows.py tests/packaging/test_pe_imports.py
stage "tests"
echo "== windows.sh: $((SECONDS - started)) s in all"
