#!/usr/bin/env bash
# Runs the whole test suite: the build (warnings are errors), the formatting
# check, and every test registered with CTest, in a non-UTC time zone.
# Usage: scripts/test.sh            (after scripts/setup.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

cmake --preset ci >/dev/null
cmake --build --preset ci

# Formatting: clang-format 14 is the house formatter; a diff fails the run.
if command -v clang-format-14 >/dev/null 2>&1; then
  unformatted=$(git ls-files '*.cc' '*.h' | xargs clang-format-14 --dry-run 2>&1 | grep -c warning || true)
  if [ "$unformatted" != "0" ]; then
    git ls-files '*.cc' '*.h' | xargs clang-format-14 --dry-run 2>&1 | grep warning | head -20
    echo "clang-format: $unformatted places differ; run scripts/format.sh" >&2
    exit 1
  fi
fi

# Times must survive a machine that is not on UTC.
TZ=Asia/Shanghai ctest --preset ci -j2 "$@"
if [ -d node_modules/playwright-core ] && [ -x /usr/bin/chromium ]; then node tests/e2e/run.mjs --ponte build/ponte --artifacts build/e2e-artifacts; fi  # the portal in a browser, after ctest
