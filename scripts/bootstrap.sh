#!/usr/bin/env bash
# Creates .venv with Python 3.10 (rasa 3.6 supports 3.8-3.10 only) and installs the pinned
# dependencies. Re-installs only when requirements.txt or constraints.txt changed.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
STAMP="$VENV/.requirements.sha256"
want=$(cat requirements.txt constraints.txt | sha256sum | cut -d' ' -f1)

is_py310() { "$@" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' >/dev/null 2>&1; }

find_python310() {
  # 1. an explicit choice
  if [ -n "${PYTHON310:-}" ] && is_py310 "$PYTHON310"; then echo "$PYTHON310"; return 0; fi
  # 2. python3.10 on PATH (a pyenv shim counts only if it really runs 3.10)
  if command -v python3.10 >/dev/null 2>&1 && is_py310 python3.10; then command -v python3.10; return 0; fi
  # 3. any 3.10.x that pyenv has installed
  if command -v pyenv >/dev/null 2>&1; then
    local v root
    root=$(pyenv root)
    for v in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.10\.[0-9]+$' | sort -t. -k3 -n -r); do
      if is_py310 "$root/versions/$v/bin/python3.10"; then echo "$root/versions/$v/bin/python3.10"; return 0; fi
    done
  fi
  return 1
}

if [ -x "$VENV/bin/python" ] && is_py310 "$VENV/bin/python" && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ]; then
  exit 0
fi

if ! PY=$(find_python310); then
  cat >&2 <<'MSG'
ERROR: Python 3.10 was not found.
  Rasa Open Source 3.6 runs on Python 3.8-3.10 only, and this project pins 3.10.
  Install it, then run the command again. Any one of these works:
    - a python3.10 on your PATH (e.g. 'sudo apt install python3.10 python3.10-venv'), or
    - pyenv:  pyenv install 3.10.13
    - or point to one:  make run PYTHON310=/path/to/python3.10
MSG
  exit 1
fi

if [ ! -x "$VENV/bin/python" ] || ! is_py310 "$VENV/bin/python"; then
  echo "Creating $VENV with $PY ($("$PY" --version 2>&1))"
  rm -rf "$VENV"
  "$PY" -m venv "$VENV"
fi

echo "Installing pinned dependencies into $VENV (first time takes a couple of minutes)..."
"$VENV/bin/python" -m pip install --quiet --upgrade pip wheel
"$VENV/bin/python" -m pip install --quiet -r requirements.txt -c constraints.txt
"$VENV/bin/python" -m pip check
echo "$want" > "$STAMP"
