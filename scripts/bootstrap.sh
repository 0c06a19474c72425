#!/usr/bin/env bash
# Builds the two environments `make run` and `make test` need (README "Two environments"):
#   .venv          Python 3.10 (rasa 3.6 supports 3.8-3.10 only): Rasa, the action server,
#                  training, evaluation, and the tests of that side (requirements.txt)
#   .venv-gateway  the python3 already installed, 3.11 or newer: the web gateway and the
#                  Telegram bridge, which face the internet, with current aiohttp and
#                  python-telegram-bot (requirements-gateway.txt)
# Each is pinned by its requirements + constraints file and re-installed only when they change;
# `pip check` must be clean in both.
set -euo pipefail
cd "$(dirname "$0")/.."

is_py310() { "$@" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' >/dev/null 2>&1; }
is_py311_plus() { "$@" -c 'import sys, venv, ensurepip; sys.exit(0 if sys.version_info[:2] >= (3, 11) else 1)' >/dev/null 2>&1; }

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

find_gateway_python() {
  # 1. an explicit choice; 2. python3 on PATH; 3. the system's own; 4. any newer python3.1x
  local candidate
  if [ -n "${GATEWAY_PYTHON:-}" ]; then
    if is_py311_plus "$GATEWAY_PYTHON"; then echo "$GATEWAY_PYTHON"; return 0; fi
    echo "GATEWAY_PYTHON=$GATEWAY_PYTHON is not Python 3.11 or newer with its venv and ensurepip modules (Debian: python3-venv)." >&2
    return 1
  fi
  for candidate in python3 /usr/bin/python3 python3.14 python3.13 python3.12 python3.11; do
    if command -v "$candidate" >/dev/null 2>&1 && is_py311_plus "$candidate"; then
      command -v "$candidate"; return 0
    fi
  done
  return 1
}

# venv_is_current VENV STAMP_VALUE CHECK_FUNCTION
venv_is_current() {
  [ -x "$1/bin/python" ] && "$3" "$1/bin/python" && [ -f "$1/.requirements.sha256" ] \
    && [ "$(cat "$1/.requirements.sha256")" = "$2" ]
}

# install VENV PYTHON CHECK_FUNCTION REQUIREMENTS CONSTRAINTS STAMP_VALUE
install() {
  local venv=$1 py=$2 check=$3 requirements=$4 constraints=$5 want=$6
  if [ ! -x "$venv/bin/python" ] || ! "$check" "$venv/bin/python"; then
    echo "Creating $venv with $py ($("$py" --version 2>&1))"
    rm -rf "$venv"
    "$py" -m venv "$venv"
  fi
  echo "Installing pinned dependencies into $venv (first time takes a couple of minutes)..."
  "$venv/bin/python" -m pip install --quiet --upgrade pip wheel
  "$venv/bin/python" -m pip install --quiet -r "$requirements" -c "$constraints"
  "$venv/bin/python" -m pip check
  echo "$want" > "$venv/.requirements.sha256"
}

# --- .venv: Rasa side, Python 3.10 --------------------------------------------------------
want=$(cat requirements.txt constraints.txt | sha256sum | cut -d' ' -f1)
if ! venv_is_current .venv "$want" is_py310; then
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
  install .venv "$PY" is_py310 requirements.txt constraints.txt "$want"
fi

# --- .venv-gateway: the internet-facing side, Python 3.11+ --------------------------------
want=$(cat requirements-gateway.txt constraints-gateway.txt | sha256sum | cut -d' ' -f1)
if ! venv_is_current .venv-gateway "$want" is_py311_plus; then
  if ! PY=$(find_gateway_python); then
    cat >&2 <<'MSG'
ERROR: no Python 3.11 or newer (with its venv module) was found for the web gateway and the
  Telegram bridge. They face the internet, so they run on a supported Python with current
  aiohttp and python-telegram-bot (Rasa keeps its own Python 3.10).
  Any one of these works:
    - Debian/Ubuntu: sudo apt install python3 python3-venv   (3.11 or newer)
    - pyenv:  pyenv install 3.12
    - or point to one:  make run GATEWAY_PYTHON=/path/to/python3.12
MSG
    exit 1
  fi
  install .venv-gateway "$PY" is_py311_plus requirements-gateway.txt constraints-gateway.txt "$want"
fi
