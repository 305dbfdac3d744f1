#!/usr/bin/env bash
# Installs the Debian packages doenvermogen needs (only those that are missing), then PROVES that
# each tool works and says in plain words what is wrong when one does not:
#   gettext (translations: msgfmt compiles a catalogue),
#   frog frogdata ucto uctodata (Dutch language analysis: Frog analyses a sentence; uctodata holds
#     Frog's tokenizer rules and is only a "recommends", so it is named here explicitly),
#   libpango + DejaVu fonts (WeasyPrint renders a PDF page),
#   chromium + poppler-utils (browser tests: Chromium starts headless; pdftoppm runs) with "test".
# Usage: scripts/install_system_deps.sh [run|test]
# The proofs are `python -m doenvermogen.core.doctor` (the same checks as `manage.py doctor`).
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"

packages=(gettext frog frogdata ucto uctodata libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core)
if [ "$mode" = "test" ]; then
  packages+=(chromium poppler-utils)
fi

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
need=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${packages[@]}"; do installed "$pkg" || need+=("$pkg"); done
else
  echo "No dpkg here (not Debian?): install by hand: ${packages[*]}" >&2
fi

if [ ${#need[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${need[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
      echo "Please install as root: apt-get install -y ${need[*]}" >&2; exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q >/dev/null
  $SUDO apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
fi

# Prove that each tool works (with the project's Python when `make venv` made one). A proof holds
# as long as the same package versions are installed: var/.system-deps-proven remembers them, so
# the next `make test` or `make run` does not start Frog and Chromium again (`make doctor` does).
python=".venv/bin/python"
[ -x "$python" ] || python="python3"
args=()
[ "$mode" = "test" ] && args+=(--browser)
stamp="var/.system-deps-proven"
versions="$mode $(dpkg-query -W "${packages[@]}" 2>/dev/null | tr '\n' ' ') $("$python" -c 'import weasyprint; print(weasyprint.__version__)' 2>/dev/null || true)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$versions" ]; then
  echo "The tools were proven to work with these package versions ($stamp); make doctor checks again."
  exit 0
fi
echo "Checking the tools:"
if ! "$python" -m doenvermogen.core.doctor "${args[@]}"; then
  rm -f "$stamp"
  echo "A tool does not work (see above). Fix it and run this script again." >&2
  exit 1
fi
mkdir -p var
printf '%s' "$versions" > "$stamp"
