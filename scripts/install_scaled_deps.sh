#!/usr/bin/env bash
# Installs what the scaled profile (`make run PROFILE=scaled`) and its test (`make test-scaled`)
# need from Debian: redis-server and PostgreSQL's server binaries (initdb, pg_ctl).
# The profile and the test start their own private instances on 127.0.0.1 (bot/serve/
# backing_services.py), so the system services the packages come with are not started, and are
# stopped if the packages started them anyway.
# Idempotent: skipped quickly when both are already there. `make scaled-deps` and .ci/run call it.
set -euo pipefail

have_postgres() { compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null \
                  && compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null; }
have_redis() { command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ]; }

if have_redis && have_postgres; then
  echo "redis-server and PostgreSQL are installed ($(/usr/bin/redis-server --version | cut -d' ' -f3), $(ls /usr/lib/postgresql | sort -V | tail -1))"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "Installing redis-server and postgresql needs root (or sudo)." >&2; exit 1
  fi
else
  SUDO=
fi

# Tell the packages' scripts not to start their services (Debian's policy-rc.d protocol: exit
# 101 = "not allowed"). An existing policy (Docker images ship one) is left as it is.
POLICY=/usr/sbin/policy-rc.d
ours=
if [ ! -e "$POLICY" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$POLICY" >/dev/null
  $SUDO chmod 755 "$POLICY"
  ours=1
fi
cleanup() { if [ -n "$ours" ]; then $SUDO rm -f "$POLICY"; fi; }
trap cleanup EXIT

echo "Installing Debian's redis-server and postgresql (for the scaled profile)..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
  redis-server postgresql >/dev/null

# Belt and braces: if a system instance started anyway, stop it (we run our own).
if command -v service >/dev/null 2>&1; then
  $SUDO service redis-server stop >/dev/null 2>&1 || true
  $SUDO service postgresql stop >/dev/null 2>&1 || true
fi

have_redis && have_postgres
echo "redis-server and PostgreSQL are installed."
