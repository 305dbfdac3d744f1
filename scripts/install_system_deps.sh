#!/usr/bin/env bash
# Installs the Debian packages doenvermogen needs, only those that are missing:
#   gettext (translations), chromium (browser tests), frog + frogdata (Dutch language analysis),
#   WeasyPrint's pango (PDFs), poppler-utils (pdftoppm, to look at PDFs), nodejs/npm (CSS build).
# Usage: scripts/install_system_deps.sh [run|test]   ("test" also installs chromium)
set -euo pipefail
mode="${1:-run}"
need=()
have() { command -v "$1" >/dev/null 2>&1; }
have msgfmt || need+=(gettext)
have frog || need+=(frog frogdata)
[ -e /usr/lib/x86_64-linux-gnu/libpango-1.0.so.0 ] || [ -e /usr/lib/aarch64-linux-gnu/libpango-1.0.so.0 ] \
  || need+=(libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core)
if [ "$mode" = "test" ]; then
  have chromium || need+=(chromium)
  have pdftoppm || need+=(poppler-utils)
fi
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing Debian packages: ${need[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if have sudo; then SUDO="sudo"; else
    echo "Please install as root: apt-get install -y ${need[*]}" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q >/dev/null
$SUDO apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
