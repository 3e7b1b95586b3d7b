#!/usr/bin/env bash
# Installs what ponte needs (Debian packages, pinned npm packages) and builds
# it into build/ (the binary is build/ponte). Idempotent: run it again after a
# pull. Usage: scripts/setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh

if [ -f package-lock.json ]; then
  # Exactly the versions in package-lock.json; no install scripts run.
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi

cmake --preset ci >/dev/null
cmake --build --preset ci
