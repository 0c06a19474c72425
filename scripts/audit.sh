#!/usr/bin/env bash
# `make audit`: known vulnerabilities in the pins of both environments (constraints.txt for .venv,
# constraints-gateway.txt for .venv-gateway), with pip-audit in a tool environment of its own
# (.venv-audit, so it pins nothing in either). scripts/audit.py says plainly when no advisory
# database could be reached. Exit 0: audited, every advisory found is assessed in SECURITY.md;
# 1: an advisory SECURITY.md does not name; 2: nothing could be audited.
set -euo pipefail
cd "$(dirname "$0")/.."
AUDIT=.venv-audit
PIP_AUDIT_VERSION=2.10.1
if [ ! -x "$AUDIT/bin/pip-audit" ]; then
  base=$(.venv-gateway/bin/python -c 'import sys; print(getattr(sys, "_base_executable", sys.executable))')
  rm -rf "$AUDIT"
  "$base" -m venv "$AUDIT"
  if ! "$AUDIT/bin/python" -m pip install --quiet "pip-audit==$PIP_AUDIT_VERSION"; then
    echo "make audit: pip-audit $PIP_AUDIT_VERSION could not be installed (is the package registry reachable?). Nothing was audited." >&2
    rm -rf "$AUDIT"
    exit 2
  fi
fi
exec "$AUDIT/bin/python" scripts/audit.py
