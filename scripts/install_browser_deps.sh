#!/usr/bin/env bash
# Installs what the browser tests (tests/web/test_web_browser*.py) need, and nothing the app needs:
#   - Debian's chromium at /usr/bin/chromium (Playwright for Python drives it; `playwright install`
#     cannot download its own browser builds here);
#   - axe-core from the npm registry into ./node_modules (injected into the page from that local
#     file by the accessibility test; node_modules is git-ignored).
# Idempotent: each step is skipped when its result is already there. .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO=sudo; else SUDO=; fi
  echo "Installing Debian's chromium (for the browser tests)..."
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi
/usr/bin/chromium --version 2>/dev/null || true

if [ ! -f node_modules/axe-core/axe.min.js ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "npm is missing: install nodejs/npm (Debian: apt-get install -y nodejs npm)" >&2
    exit 1
  fi
  echo "Installing axe-core from the npm registry (test-only, into node_modules/)..."
  if [ -f package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
  else
    npm install --no-audit --no-fund --loglevel=error
  fi
fi
test -f node_modules/axe-core/axe.min.js
echo "axe-core $(node -p "require('./node_modules/axe-core/package.json').version" 2>/dev/null || echo '?') ready"
